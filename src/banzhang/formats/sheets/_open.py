"""Open an .xlsx for the table reader: read whole by calamine when its package scan finds it
plain, else streamed by openpyxl (which tells formulas without values and broken rows)."""

from __future__ import annotations

import io
import os
import zipfile
from typing import Any

from banzhang._reasons import reason
from banzhang.errors import BanzhangError, UnreadableInput
from banzhang.formats.sheets._contract import Workbook
from banzhang.formats.sheets._readonly import StreamedBook, load_read_only
from banzhang.formats.sheets._safety import Limits, inspect_package
from banzhang.formats.sheets._whole import Ahead

__all__ = ["open_xlsx", "source_name"]


def source_name(source: Any, default: str) -> str:
    """The name messages give ``source``: its path, or ``default`` for a file object."""
    return os.fspath(source) if isinstance(source, str | os.PathLike) else default


def open_xlsx(source: Any, limits: Limits | None = None, *, name: str | None = None) -> Workbook:
    """Open ``source`` (a path or a binary file object) as an .xlsx workbook.

    Raises:
        UnreadableInput: not a workbook, a zip bomb, a DTD, a sheet past the limits.
    """
    name = name or source_name(source, "<workbook>")
    limits = limits or Limits()
    if not isinstance(source, str | os.PathLike):
        source = io.BytesIO(_read_all(source, name))
    ahead = Ahead(source, name)  # sheets the scan clears start parsing while it goes on
    try:
        scan = inspect_package(source, name, limits, ahead)
    except BaseException:
        ahead.cancel()  # a package refused part-way: parse nothing more of it
        raise
    if scan.plain:
        return ahead.book(scan.errors)
    ahead.cancel()
    values = _load(source, name, data_only=True)
    try:
        formulas = _load(source, name, data_only=False) if scan.formulas else None
    except BaseException:
        values.close()
        raise
    return StreamedBook(values, formulas, name)


def _read_all(source: Any, name: str) -> bytes:
    try:
        data = source.read()
    except (AttributeError, OSError, TypeError) as err:
        message = f"无法读取 {name}：应为文件路径或二进制文件对象"
        raise UnreadableInput(message, source=name) from err
    if not isinstance(data, bytes):
        message = f"{name} 应以二进制方式打开"
        raise UnreadableInput(message, source=name)
    return data


def _load(source: Any, name: str, *, data_only: bool) -> Any:
    if hasattr(source, "seek"):
        source.seek(0)
    try:
        return load_read_only(source, data_only=data_only)
    except BanzhangError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, Exception) as err:
        # openpyxl raises many kinds of error for a package that is not a workbook.
        message = f"{name} 不是可读的 .xlsx 工作簿：{reason(err)}"
        raise UnreadableInput(message, source=name) from err
