"""A department's list envelope, read from the rows above its header (SPEC §10).

Most department workbooks have no 清单信息 sheet. Their title row says who and what:
"呼伦贝尔市市场监督管理局权责清单（2024年版）" gives the department, the region (by the names in
the region table), the level (from the region) and the version; a "填报单位：…" row gives the
department. A 填报日期 is when the department filled the form in, not when the list takes
effect, so it is never read as the 生效日期 (docs/decisions.md).

>>> envelope = infer([("呼伦贝尔市市场监督管理局权责清单（2024年版）",), ("填报日期：2024年3月",)])
>>> envelope["region"], envelope["level"], envelope["version"], envelope["department"]["name"]
('150700', '3', '2024年版', '呼伦贝尔市市场监督管理局')
>>> infer([("包头市昆都仑区市场监督管理局权责清单",)])["region"]
'150203'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from banzhang import kinds
from banzhang.codes import region as regions

__all__ = ["infer"]

_VERSION = re.compile(r"[（(]\s*([0-9]{4}\s*年?\s*版?)\s*[）)]")
_FILLED_BY = re.compile(r"填报(?:单位|部门)\s*[:：]\s*(\S+)")
#: A department's section line above a list's table (``一、区发展和改革委员会(区粮食局)``): the
#: department whose items follow, as published lists of a whole government group them.
_SECTION = re.compile(r"^[一二三四五六七八九十]+\s*[、.．]\s*(?P<name>[^、，,。；;：:]+)$")


def infer(rows: Iterable[tuple[Any, ...]]) -> dict[str, Any]:
    """What the rows above a header say of the envelope (only what they say)."""
    texts = [" ".join(str(cell) for cell in row if cell is not None).strip() for row in rows]
    found: dict[str, Any] = {}
    titles: list[str] = []
    for text in texts:
        if (filled := _FILLED_BY.search(text)) is not None:
            found["department"] = {"name": filled.group(1)}
        elif (section := _section_department(text)) is not None:
            found["department"] = {"name": section}  # the section's: more specific than a title
        title = _title_prefix(text)
        if title is not None:
            titles.append(text)
            if title and "department" not in found:
                found["department"] = {"name": title}
            if (version := _VERSION.search(text)) is not None:
                found["version"] = re.sub(r"\s+", "", version.group(1))
    department = found.get("department", {}).get("name", "")
    code = _region_in(department) if department else None
    code = code or next(filter(None, map(_region_in, titles)), None)
    if code is not None:
        found["region"] = code
        found["level"] = regions.level_of(code)
    return found


def _section_department(text: str) -> str | None:
    """The department a numbered section line names (``一、相山区安全生产监督管理局``)."""
    found = _SECTION.match(text)
    if found is None:
        return None
    name = found["name"].strip()
    bare = re.sub(
        r"[（(][^（）()]*[）)]$", "", name
    )  # (区粮食和物资储备局): the same body's other name
    return name if _AGENCY_END.search(bare) else None


def _title_prefix(text: str) -> str | None:
    """The words before a kind's title in a title row (the department, when they name one),
    or None if the row has no title."""
    for name in _kind_titles():
        where = text.find(name)
        if where >= 0:
            before = text[:where].strip(" ：:")
            return before if _AGENCY_END.search(before) else ""
    return None


#: How the name of a department or other agency ends (局, 委员会, 执法大队, 人民政府 …).
_AGENCY_END = re.compile(r"(?:局|委员会|委|厅|办公室|办|队|中心|院|所|站|处|部|会|署|政府|公司)$")


@cache
def _kind_titles() -> tuple[str, ...]:
    """Every kind's title and other titles, longest first."""
    names = {name for kind in kinds.all_kinds() for name in (kind.title, *kind.also_called)}
    return tuple(sorted(names, key=lambda name: -len(name)))


@cache
def _names() -> tuple[tuple[str, str, str], ...]:
    """Each region's name, code and parent code, longest names first."""
    return tuple(
        sorted(
            ((entry.name, entry.code, entry.parent or "") for entry in regions.all_regions()),
            key=lambda row: -len(row[0]),
        )
    )


def _region_in(text: str) -> str | None:
    """The most specific region named in ``text``; a name two regions share needs its parent."""
    named = [(name, code, parent) for name, code, parent in _names() if name and name in text]
    if not named:
        return None
    codes = {code for _name, code, _parent in named}
    # A 旗县 inside a named 盟市 wins over the 盟市; a bare shared name (新城区) needs its parent.
    deepest = [row for row in named if not any(other[2] == row[1] for other in named)]
    chosen = [row for row in deepest if row[2] in codes] or deepest
    distinct = {code for _name, code, _parent in chosen}
    return distinct.pop() if len(distinct) == 1 else None
