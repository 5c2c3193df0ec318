"""Match the headers departments really write to the elements of a table (SPEC §10).

Matching ignores spaces, full-width/half-width differences, a leading ``*`` and a trailing
annotation such as ``（必填）``; it knows the synonyms real lists use for the same element.

>>> normalize(" 事项名称（必填） ")
'事项名称'
>>> normalize("＊实施 主体")
'实施主体'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import attrs

from banzhang.excel._layout import INDEX_HEADER, Column, Table

__all__ = ["Target", "match_headers", "normalize"]

_ANNOTATION = re.compile(r"[（(][^（）()]*[）)]$")

#: Element id (within an item) → the headers real lists use for it [SPEC §10].
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("事项名称", "权力名称", "职权名称", "权力事项名称"),
    "power_type": ("事项类型", "权力类型", "职权类型", "类别", "权力类别"),
    "basic_code": ("基本编码", "事项编码", "权力编码", "职权编码", "编码"),
    "agency.name": ("实施主体", "责任主体", "行使主体", "实施机关", "实施部门", "法定主体"),
    "basis": ("设定依据", "法定依据", "依据", "设定和实施依据"),
    "responsibilities": ("责任事项", "责任事项内容"),
    "accountability": ("追责情形", "问责情形", "追责情形及依据"),
    "sub_items.name": ("子项名称", "子项"),
    "sub_items.basic_code": ("子项编码",),
    "levels": ("行使层级", "层级"),
    "remark": ("备注", "说明"),
}


@attrs.frozen
class Target:
    """What a sheet column holds.

    Attributes:
        role: ``column`` (an element of the row), ``index`` (the 序号), ``linked-text`` (a whole
            array of objects written as numbered text), or ``linked-field`` (one field of a
            one-per-row array entry, such as 子项名称 beside its 主项).
        column: the element column (for ``column`` and ``linked-field``).
        linked: the linked table (for ``linked-text`` and ``linked-field``).
    """

    role: str
    column: Column | None = None
    linked: Table | None = None


def normalize(header: Any) -> str:
    """Return a header as matching sees it."""
    text = unicodedata.normalize("NFKC", str(header))
    text = re.sub(r"\s+", "", text).lstrip("*")
    return _ANNOTATION.sub("", text)


def match_headers(table: Table, linked: tuple[Table, ...]) -> dict[str, Target]:
    """Return every header (normalised) or element id that names something in ``table``."""
    found: dict[str, Target] = {INDEX_HEADER: Target("index"), "#": Target("index")}
    by_id = {column.id: column for column in table.columns}
    for column in table.columns:
        found[column.id] = Target("column", column)
    for links in linked:
        for column in links.columns:
            found[f"{links.element}.{column.id}"] = Target("linked-field", column, links)
    for column in table.columns:
        found.setdefault(normalize(column.spec.element.title), Target("column", column))
        found[normalize(column.header)] = Target("column", column)
    for links in linked:
        found.setdefault(normalize(links.sheet), Target("linked-text", None, links))
        for column in links.columns:
            found.setdefault(normalize(column.header), Target("linked-field", column, links))
    for element_id, spellings in SYNONYMS.items():
        target = _synonym_target(element_id, by_id, linked)
        for spelling in spellings:
            if target is not None:
                found.setdefault(normalize(spelling), target)
    return found


def _synonym_target(
    element_id: str, by_id: dict[str, Column], linked: tuple[Table, ...]
) -> Target | None:
    if element_id in by_id:
        return Target("column", by_id[element_id])
    head, _, rest = element_id.partition(".")
    for links in linked:
        if links.element != head:
            continue
        if not rest:
            return Target("linked-text", None, links)
        for column in links.columns:
            if column.id == rest:
                return Target("linked-field", column, links)
    return None
