"""Retired codes [S 002 "代码是唯一标识，不得随意变更"; SPEC §7 maintenance]: a cancelled code stays
retired, so a list that uses one again is in error.

The register is a plain file the data desk keeps (one code a line, a note after it, ``#`` for
comments: :func:`banzhang.crosslist.adjust.read_retired` reads it); ``banzhang validate
--retired FILE`` and ``banzhang diff --retired FILE`` check against it.

>>> [f.path for f in item_findings({"basic_code": "000617018000"}, "$.items[2]", {"000617018000"})]
['$.items[2].basic_code']
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from banzhang.validation._paths import join, join_index
from banzhang.validation._structure import finding
from banzhang.validation.findings import Finding

__all__ = ["item_findings"]


def item_findings(item: Any, path: str, retired: Collection[str]) -> list[Finding]:
    """A ``crosslist.retired-code`` finding for the item's code and each 子项 code retired."""
    if not isinstance(item, dict):
        return []
    places = [(join(path, "basic_code"), item.get("basic_code"))]
    subs = item.get("sub_items")
    for index, sub in enumerate(subs if isinstance(subs, list) else []):
        if isinstance(sub, dict):
            places.append(
                (
                    join(join_index(join(path, "sub_items"), index), "basic_code"),
                    sub.get("basic_code"),
                )
            )
    return [
        finding(
            "crosslist.retired-code",
            where,
            f"编码 {code} 已登记为取消的编码，不得再用于任何事项（编码不得重复使用）",
            code,
        )
        for where, code in places
        if isinstance(code, str) and code in retired
    ]
