"""Checks of the codes layer that look beyond one value: types, 子项 links, duplicates, bases.

Every check here and in :mod:`._rules_norms` is ``check(data, path, context) -> list[Finding]``
over JSON-shaped data; :mod:`._rules` says which run on which kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from banzhang import codelists, codes
from banzhang.validation import _facts as facts
from banzhang.validation._paths import join, join_index
from banzhang.validation._structure import finding
from banzhang.validation.findings import Finding

__all__ = [
    "ListContext",
    "RuleCheck",
    "basis_has_article",
    "code_type_matches",
    "expecting_type",
    "sub_items_under_main",
    "unique_codes",
]


class ListContext:
    """What a list's item checks know of their list: its 层级, and the codes seen so far (for
    duplicates)."""

    def __init__(self, level: str | None = None) -> None:
        #: The list's own 层级 (``level`` of its envelope), when it states one.
        self.level = level
        #: Each code seen → where first, packed in one small int (item × 2**20 + 子项 + 1): a
        #: path string per code would hold ~75 bytes for each of a list's codes until the end.
        self.seen_codes: dict[str, int] = {}


RuleCheck = Callable[[Any, str, ListContext], list[Finding]]

_BASIC = re.compile(codes.pattern("basic") or "")
_HANDLING = re.compile(codes.pattern("handling") or "")
#: Where the 事项类型 stands in a 基本编码: read from the segment table, not restated.
TYPE_SPAN = codes.basic.default_scheme().span("power_type")


def _basic_code(data: Any) -> str | None:
    code = facts.as_str(data, "basic_code")
    return code if code is not None and _BASIC.match(code) else None


def code_type_matches(
    data: Any, path: str, _context: ListContext, expected: str | None = None
) -> list[Finding]:
    """code.type-mismatch: the 事项类型 segment of the 基本编码 equals the 事项类型 element."""
    code = _basic_code(data)
    power_type = expected or facts.as_str(data, "power_type")
    if code is None or power_type is None or code[TYPE_SPAN] == power_type:
        return []
    types = codelists.get("power_type")
    message = (
        f"基本编码 {code} 中的事项类型为{_named_type(types, code[TYPE_SPAN])}，"
        f"与“事项类型”{_named_type(types, power_type)}不一致"
    )
    return [finding("code.type-mismatch", join(path, "basic_code"), message, code)]


def _named_type(types: codelists.Codelist, code: str) -> str:
    """A 事项类型 by its name, with the code the document wrote: 02（行政处罚）."""
    return f"{code}（{types.label(code)}）" if types.label(code) != code else f"“{code}”"


def expecting_type(power_type: str) -> RuleCheck:
    def check(data: Any, path: str, context: ListContext) -> list[Finding]:
        return code_type_matches(data, path, context, expected=power_type)

    return check


def sub_items_under_main(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """code.sub-item-parent: 子项 codes share their 主项, which ends in 00Y; 业务办理项 too."""
    code = _basic_code(data)
    if code is None:
        return []
    out: list[Finding] = []
    sub_items = facts.as_list(data, "sub_items")
    own_codes = {code}
    for index, sub in enumerate(sub_items):
        sub_code = _basic_code(sub)
        if sub_code is None:
            continue
        own_codes.add(sub_code)
        if not code.endswith("00Y") or codes.basic.main_item(sub_code) != code:
            message = (
                f"子项编码 {sub_code} 不在主项 {code} 之下"
                "（主项应以 00Y 结尾，子项应与主项前9位相同）"
            )
            out.append(
                finding(
                    "code.sub-item-parent",
                    join(join_index(join(path, "sub_items"), index), "basic_code"),
                    message,
                    sub_code,
                )
            )
    for index, handling in enumerate(facts.as_list(data, "handling_items")):
        handling_code = facts.as_str(handling, "code")
        if (
            handling_code
            and _HANDLING.match(handling_code)
            and handling_code[: codes.basic.LENGTH] not in own_codes
        ):
            message = f"业务办理项编码 {handling_code} 不属于本事项 {code} 或其子项"
            out.append(
                finding(
                    "code.sub-item-parent",
                    join(join_index(join(path, "handling_items"), index), "code"),
                    message,
                    handling_code,
                )
            )
    return out


def unique_codes(data: Any, path: str, context: ListContext) -> list[Finding]:
    """code.duplicate: a 基本编码 (of an item or a 子项) appears once in a list."""
    out: list[Finding] = []
    item = _item_index(path)
    entries = [(0, _basic_code(data))]
    entries += [
        (index + 1, _basic_code(sub)) for index, sub in enumerate(facts.as_list(data, "sub_items"))
    ]
    for position, code in entries:
        if code is None:
            continue
        here = item * _PACK + position
        first = context.seen_codes.setdefault(code, here)
        if first != here:
            message = f"基本编码 {code} 重复，已在 {_unpacked(first)} 出现"
            out.append(finding("code.duplicate", _unpacked(here), message, code))
    return out


_PACK = 2**20


def _item_index(path: str) -> int:
    """The index of ``$.items[i]`` (a single document's codes count as item 0)."""
    return int(path[len("$.items[") : -1]) if path.startswith("$.items[") else 0


def _unpacked(packed: int) -> str:
    """The ``$`` path of a packed code position."""
    item, position = divmod(packed, _PACK)
    base = f"$.items[{item}]"
    if position == 0:
        return join(base, "basic_code")
    return join(join_index(join(base, "sub_items"), position - 1), "basic_code")


def basis_has_article(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """basis.article-missing: every 设定依据 of a power names its 条款."""
    out = []
    for index, basis in enumerate(facts.as_list(data, "basis")):
        if isinstance(basis, dict) and facts.as_str(basis, "article") is None:
            title = facts.as_str(basis, "title") or "（未写名称）"
            message = f"设定依据{title}未写明条款（如“第十二条第一款”）"
            out.append(
                finding(
                    "basis.article-missing",
                    join(join_index(join(path, "basis"), index), "article"),
                    message,
                )
            )
    return out
