"""``code.consistency``: inside one document the codes agree with each other (SPEC §7).

- A 实施编码 embeds the document's 基本编码, and its USCC's region lies in the document's region.
- An implementation is of a minimum unit: never of a ``00Y`` 主项 (a 主项 that has 子项).
- In a list with 子项, a ``00Y`` 主项 is listed with its 子项, and a 子项 under its 主项.
- A list's ``level`` agrees with its ``region`` (a 通用清单 may be for a level below its issuer).
"""

from __future__ import annotations

import re
from typing import Any

from banzhang import codelists, codes
from banzhang.codes import region as regions
from banzhang.errors import InvalidCode
from banzhang.validation import _facts as facts
from banzhang.validation._paths import join
from banzhang.validation._rules_codes import ListContext
from banzhang.validation._structure import finding
from banzhang.validation.findings import Finding

__all__ = ["implementation_agrees", "level_agrees", "main_items_whole", "minimum_units_only"]

_BASIC = re.compile(codes.pattern("basic") or "")
_HAS_SUB_ITEMS = "00Y"
_NO_SUB_ITEMS = "000"


def _basic(data: Any) -> str | None:
    code = facts.as_str(data, "basic_code")
    return code if code is not None and _BASIC.fullmatch(code) else None


def minimum_units_only(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """An item (or a guide, a review detail) of an implementation is never a ``00Y`` 主项."""
    code = _basic(data)
    if code is None or not code.endswith(_HAS_SUB_ITEMS):
        return []
    message = f"基本编码 {code} 是有子项的主项（00Y），不能直接实施；应按子项（最小颗粒）编写"
    return [finding("code.consistency", join(path, "basic_code"), message, code)]


def main_items_whole(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """A ``00Y`` 主项 lists its 子项; a 子项 code stands under its 主项, not as an item."""
    code = _basic(data)
    if code is None:
        return []
    suffix = code[-3:]
    if suffix == _HAS_SUB_ITEMS and not facts.as_list(data, "sub_items"):
        message = f"基本编码 {code} 表示有子项的主项（00Y），但未列出其子项"
        return [finding("code.consistency", join(path, "sub_items"), message, code)]
    if suffix not in (_HAS_SUB_ITEMS, _NO_SUB_ITEMS):
        main = code[:-3] + _HAS_SUB_ITEMS
        message = f"基本编码 {code} 是子项编码，应列在其主项 {main} 的“子项”之下，而非单独成项"
        return [finding("code.consistency", join(path, "basic_code"), message, code)]
    return []


def implementation_agrees(data: Any, path: str, context: ListContext) -> list[Finding]:
    """The 实施编码 embeds the 基本编码; its USCC's region lies in the document's region."""
    out = minimum_units_only(data, path, context)
    text = facts.as_str(data, "implementation_code")
    if text is None:
        return out
    try:
        parsed = codes.implementation.parse(text)
    except InvalidCode:
        return out  # the codes layer reports a malformed code
    where = join(path, "implementation_code")
    basic = _basic(data)
    if basic is not None and parsed.basic_code != basic:
        message = (
            f"实施编码 {parsed.code} 中的基本编码为 {parsed.basic_code}，"
            f"与本事项的基本编码 {basic} 不一致"
        )
        out.append(finding("code.consistency", where, message, parsed.code))
    elif basic is None and parsed.basic_code.endswith(_HAS_SUB_ITEMS):
        message = f"实施编码 {parsed.code} 实施的是有子项的主项（00Y）；应按子项实施"
        out.append(finding("code.consistency", where, message, parsed.code))
    own = facts.as_str(data, "region")
    if own is not None and regions.lookup(own) is not None and not parsed.region.lies_in(own):
        message = (
            f"实施编码 {parsed.code} 的实施主体登记于{_named(parsed.region.code)}，"
            f"不在本文档的行政区划{_named(own)}之内"
        )
        out.append(finding("code.consistency", where, message, parsed.code))
    return out


def _named(code: str) -> str:
    found = regions.lookup(code)
    return f"“{found.full_name}”（{code}）" if found else code


#: 行使层级 codes of each level of the region table (SPEC §2 `level`).
_LEVEL_OF = {"national": "1", "region": "2", "league_city": "3", "banner_county": "4"}
#: A 苏木乡镇 or 嘎查村 list carries its 旗县's code: the table stops at 旗县.
_BELOW_BANNER = frozenset({"5", "6"})


def level_agrees(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """A list's 层级 is the level of its 行政区划 (a 通用清单 may be for a level below)."""
    own = facts.as_str(data, "region")
    level = facts.as_str(data, "level")
    found = regions.lookup(own) if own is not None else None
    if found is None or level is None or level == "7":
        return []
    expected = _LEVEL_OF[found.level]
    if level == expected or (expected == "4" and level in _BELOW_BANNER):
        return []
    if data.get("generic") is True and level.isdigit() and level > expected:
        return []  # the 自治区's 通用清单 for 旗县级 lists, say
    titles = codelists.get("level")
    message = (
        f"行政区划{_named(found.code)}是{titles.title_of(expected)}，"
        f"清单的层级却是“{titles.label(level)}”"
    )
    return [finding("code.consistency", join(path, "level"), message, level)]
