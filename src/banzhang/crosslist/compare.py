"""横向可比 [S 000, S 003]: the same department across the regions of one level, side by side.

A department is "the same" across regions when its name, with the region's own name removed
from its start, is the same (包头市市场监督管理局 and 赤峰市市场监督管理局 are both 市场监督管理局).
Counts per 事项类型 are put side by side; a region whose total lies more than
:data:`OUTLIER_SHARE` from the median of its group is flagged [B].

The items too ("数量、名称、依据、类型等要素均实现了同级别基本相同" [S 003]): for a code several
regions of the group list, a region whose name, basis or type differs from what most of them
write is a difference — a 格式差异 when it vanishes under normalisation, else a 不一致; a code
more than half of the group's regions list (two at least) and a region lacks is a possible 漏项.

>>> from banzhang import synthetic
>>> lists, _ = synthetic.province(4)
>>> groups = compare(lists)
>>> [(g.level, len(g.rows)) for g in groups]
[('2', 1), ('3', 12), ('4', 103)]
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from banzhang import kinds
from banzhang._normalise import normalise
from banzhang.codes import region as regions
from banzhang.declare import fields_of
from banzhang.documents import envelope_of, items_of
from banzhang.kinds import power_list

__all__ = [
    "OUTLIER_SHARE",
    "Gap",
    "Group",
    "ItemDifference",
    "Row",
    "compare",
    "department_identity",
]

OUTLIER_SHARE = 0.3


@attrs.frozen
class Row:
    """One region's list in a group.

    Attributes:
        region: the 行政区划代码.
        department: the department's full name.
        counts: items per 事项类型 code.
        total: all items.
        outlier: whether the total lies more than OUTLIER_SHARE from the group's median.
    """

    region: str
    department: str
    counts: dict[str, int]
    total: int
    outlier: bool = False


@attrs.frozen
class ItemDifference:
    """One region's element of a shared code that differs from what most regions write.

    Attributes:
        basic_code: the 基本编码.
        element: ``name``, ``basis`` or ``power_type``.
        title: the element's Chinese title.
        region: the region that differs.
        found: its value there (依据 as 《title》article texts).
        usual: the value most of the regions listing the code write.
        usual_in: how many regions write the usual value.
        formal: whether the two agree once normalised (a 格式差异, not a 不一致).
    """

    basic_code: str
    element: str
    title: str
    region: str
    found: Any
    usual: Any
    usual_in: int
    formal: bool = False


@attrs.frozen
class Gap:
    """A code most of the group's regions list and one lacks: a possible 漏项 (a warning).

    Attributes:
        basic_code: the 基本编码.
        name: the name most regions give it.
        region: the region whose list lacks it.
        listed_in: how many of the group's regions list it.
    """

    basic_code: str
    name: Any
    region: str
    listed_in: int


@attrs.frozen
class Group:
    """The lists of one department at one level.

    Attributes:
        level: the 层级 code.
        department: the department with the region's name removed.
        median: the median total.
        rows: one row per region, in region order.
        differences: items whose name, basis or type differs between regions.
        gaps: items most regions list and some lack (possible 漏项).
    """

    level: str
    department: str
    median: float
    rows: tuple[Row, ...]
    differences: tuple[ItemDifference, ...] = ()
    gaps: tuple[Gap, ...] = ()


def department_identity(name: str, region_code: str) -> str:
    """Return ``name`` without the region's own name (or its parents') at its start."""
    found = regions.lookup(region_code)
    for region in reversed(found.lineage() if found else []):  # 内蒙古自治区, 包头市, 昆都仑区
        name = name.removeprefix(region.name)
    return name.strip()


def compare(documents: Iterable[Any]) -> list[Group]:
    """Group 权责清单 (data or item streams) by level and department; flag outliers."""
    gathered: dict[tuple[str, str], list[Row]] = {}
    #: Per group: each code → each region's (name, basis, type) of it.
    written: dict[tuple[str, str], dict[str, dict[str, tuple[Any, ...]]]] = {}
    for document in documents:
        envelope = envelope_of(document)
        if not _is_reference(envelope):
            continue
        department = envelope.get("department") or {}
        name = str(department.get("name", "")) if isinstance(department, dict) else ""
        region = str(envelope.get("region", ""))
        key = (str(envelope.get("level", "")), department_identity(name, region))
        codes = written.setdefault(key, {})
        counts: Counter[str] = Counter()
        for item in items_of(document):
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("power_type"), str):
                counts[item["power_type"]] += 1
            if isinstance(item.get("basic_code"), str):
                codes.setdefault(item["basic_code"], {})[region] = _compared(item)
        gathered.setdefault(key, []).append(
            Row(region, name, dict(sorted(counts.items())), sum(counts.values()))
        )
    groups = []
    for (level, department), rows in sorted(gathered.items()):
        median = statistics.median(row.total for row in rows)
        flagged = tuple(
            attrs.evolve(row, outlier=abs(row.total - median) > OUTLIER_SHARE * median)
            for row in sorted(rows, key=lambda row: row.region)
        )
        codes = written[(level, department)]
        differences = tuple(_differences(codes))
        gaps = tuple(_gaps(codes, [row.region for row in flagged]))
        groups.append(Group(level, department, median, flagged, differences, gaps))
    return groups


#: The elements compared across the regions of a level, in :func:`_compared`'s order, with
#: their declared titles.
_TITLES = {spec.name: spec.element.title for spec in fields_of(power_list.PowerItem)}
_ELEMENTS = {name: _TITLES[name] for name in ("name", "basis", "power_type")}


def _compared(item: dict[str, Any]) -> tuple[Any, ...]:
    basis = item.get("basis")
    texts = sorted(
        f"{entry.get('title', '')}{entry.get('article', '')}"
        for entry in (basis if isinstance(basis, list) else [])
        if isinstance(entry, dict)
    )
    return (item.get("name"), texts, item.get("power_type"))


def _differences(codes: dict[str, dict[str, tuple[Any, ...]]]) -> Iterator[ItemDifference]:
    for code, by_region in codes.items():
        if len(by_region) < 2:
            continue
        for position, element in enumerate(_ELEMENTS):
            values = {region: value[position] for region, value in by_region.items()}
            tally = Counter(repr(value) for value in values.values())
            if len(tally) == 1:
                continue
            usual_repr, usual_in = tally.most_common(1)[0]
            usual = next(v for v in values.values() if repr(v) == usual_repr)
            for region, value in sorted(values.items()):
                if repr(value) == usual_repr:
                    continue
                formal = normalise(value) == normalise(usual)
                title = _ELEMENTS[element]
                yield ItemDifference(code, element, title, region, value, usual, usual_in, formal)


def _gaps(
    codes: dict[str, dict[str, tuple[Any, ...]]], regions_of_group: list[str]
) -> Iterator[Gap]:
    if len(regions_of_group) < 3:
        return  # with two regions, "most" is both: a lack is a difference, not a majority view
    for code, by_region in codes.items():
        listed = len(by_region)
        if listed < 2 or listed * 2 <= len(regions_of_group) or listed == len(regions_of_group):
            continue
        names = Counter(value[0] for value in by_region.values() if isinstance(value[0], str))
        name = names.most_common(1)[0][0] if names else None
        for region in regions_of_group:
            if region not in by_region:
                yield Gap(code, name, region, listed)


def _is_reference(envelope: dict[str, Any]) -> bool:
    """Whether the list is of the kind other lists reference (the 权责清单)."""
    declared = envelope.get("kind")
    return isinstance(declared, str) and declared in _REFERENCE_KINDS


_REFERENCE_KINDS = frozenset(kind.id for kind in kinds.with_role(kinds.REFERENCE))
