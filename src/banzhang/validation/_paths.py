"""The ``$``-rooted path grammar: ``$.items[3].materials[0].name``."""

from __future__ import annotations

import json
import re

__all__ = ["join", "join_index"]

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def join(path: str, key: str) -> str:
    """Return the path of member ``key`` under ``path`` (bracketed when not an identifier).

    >>> join("$.items[0]", "name")
    '$.items[0].name'
    >>> join("$", "事项 名称")
    '$["事项 名称"]'
    """
    if _IDENTIFIER.match(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def join_index(path: str, index: int) -> str:
    """Return the path of entry ``index`` of the array at ``path``."""
    return f"{path}[{index}]"
