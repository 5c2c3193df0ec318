"""Small readers over JSON-shaped data that tolerate malformed input.

Rules run even when the schema layer has found problems, so every accessor checks the type it
expects and answers ``None`` (or empty) otherwise; a wrong type is the schema layer's to report.
"""

from __future__ import annotations

from typing import Any

__all__ = ["as_int", "as_list", "as_str", "days", "texts", "time_limit"]

# banzhang's conversion to working days for comparing limits in different units [B]: a working
# week has 5 working days in 7 calendar days, a working day 8 hours, and 即办 takes no time.
#: Longer than any time limit a document can mean (a million years of working days).
_LONGEST = 10**9
_WORKING_DAYS_PER_UNIT = {"工作日": 1.0, "自然日": 5 / 7, "小时": 1 / 8, "即办": 0.0}


def as_str(data: Any, key: str) -> str | None:
    """Return ``data[key]`` if it is non-blank text."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) and value.strip() else None


def as_int(data: Any, key: str) -> int | None:
    """Return ``data[key]`` if it is an integer (not a boolean)."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if type(value) is int else None


def as_list(data: Any, key: str) -> list[Any]:
    """Return ``data[key]`` if it is an array, else an empty list."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def texts(data: Any, *keys: str) -> str:
    """Return every text under ``keys`` (strings or arrays of strings), joined by newlines."""
    parts: list[str] = []
    for key in keys:
        value = data.get(key) if isinstance(data, dict) else None
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(entry for entry in value if isinstance(entry, str))
    return "\n".join(parts)


def time_limit(data: Any, key: str) -> dict[str, Any] | None:
    """Return the time limit object at ``data[key]``, when it is one."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) and type(value.get("amount")) is int else None


def days(limit: dict[str, Any] | None) -> float | None:
    """Return a time limit in working days, or ``None`` when it has no known unit."""
    if limit is None:
        return None
    unit = limit.get("unit")  # any value: only a text names a unit
    factor = _WORKING_DAYS_PER_UNIT.get(unit) if isinstance(unit, str) else None
    # An amount past any real limit is compared as such, not converted (a float overflows).
    amount = min(limit["amount"], _LONGEST)
    return None if factor is None else amount * factor
