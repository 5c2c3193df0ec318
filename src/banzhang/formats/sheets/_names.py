"""A sheet's name as a workbook may hold it."""

from __future__ import annotations

__all__ = ["sheet_name"]

_FORBIDDEN_IN_SHEET_NAMES = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


def sheet_name(title: str) -> str:
    """Return ``title`` as a legal sheet name (31 characters, no ``[]:*?/\\``).

    >>> sheet_name("权责清单[2024]")
    '权责清单_2024_'
    """
    return title.translate(_FORBIDDEN_IN_SHEET_NAMES)[:31]
