"""横向可比 [S 000]: the same department across the regions of one level, side by side.

A department is "the same" across regions when its name, with the region's own name removed
from its start, is the same (包头市市场监督管理局 and 赤峰市市场监督管理局 are both 市场监督管理局).
Counts per 事项类型 are put side by side; a region whose total lies more than
:data:`OUTLIER_SHARE` from the median of its group is flagged [B].

>>> from banzhang import synthetic
>>> lists, _ = synthetic.province(4)
>>> groups = compare(lists)
>>> [(g.level, len(g.rows)) for g in groups]
[('2', 1), ('3', 12), ('4', 103)]
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from banzhang import kinds
from banzhang.codes import region as regions
from banzhang.documents import envelope_of, items_of

__all__ = ["OUTLIER_SHARE", "Group", "Row", "compare", "department_identity"]

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
class Group:
    """The lists of one department at one level.

    Attributes:
        level: the 层级 code.
        department: the department with the region's name removed.
        median: the median total.
        rows: one row per region, in region order.
    """

    level: str
    department: str
    median: float
    rows: tuple[Row, ...]


def department_identity(name: str, region_code: str) -> str:
    """Return ``name`` without the region's own name (or its parents') at its start."""
    found = regions.lookup(region_code)
    prefixes = []
    while found is not None:
        prefixes.append(found.name)
        found = regions.lookup(found.parent) if found.parent else None
    for prefix in reversed(prefixes):  # 内蒙古自治区, then 包头市, then 昆都仑区
        name = name.removeprefix(prefix)
    return name.strip()


def compare(documents: Iterable[Any]) -> list[Group]:
    """Group 权责清单 (data or item streams) by level and department; flag outliers."""
    gathered: dict[tuple[str, str], list[Row]] = {}
    for document in documents:
        envelope, items = envelope_of(document), items_of(document)
        if not _is_reference(envelope):
            continue
        counts = Counter(
            item["power_type"]
            for item in items
            if isinstance(item, dict) and isinstance(item.get("power_type"), str)
        )
        department = envelope.get("department") or {}
        name = str(department.get("name", "")) if isinstance(department, dict) else ""
        region = str(envelope.get("region", ""))
        key = (str(envelope.get("level", "")), department_identity(name, region))
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
        groups.append(Group(level, department, median, flagged))
    return groups


def _is_reference(envelope: dict[str, Any]) -> bool:
    """Whether the list is of the kind other lists reference (the 权责清单)."""
    declared = envelope.get("kind")
    return isinstance(declared, str) and declared in _REFERENCE_KINDS


_REFERENCE_KINDS = frozenset(kind.id for kind in kinds.with_role(kinds.REFERENCE))
