"""Read an element from a model or from JSON-shaped data alike (writers take either)."""

from __future__ import annotations

from typing import Any

__all__ = ["get"]


def get(value: Any, name: str) -> Any:
    """Return element ``name`` of a model or a dict, or ``None`` when it is absent.

    >>> get({"name": "甲"}, "name"), get(None, "name")
    ('甲', None)
    """
    if value is None:
        return None
    if type(value) is dict:
        return value.get(name)
    return getattr(value, name, None)
