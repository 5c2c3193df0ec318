"""Statistics across lists [S 003]: counts per type, mode and level, and the 三办率.

The 三办率 (SPEC §9) is the share of the region's 权责清单 items that are 依申请 and that the
"四办" list serves 马上办, 网上办 or 一次办 (any of the three) — over all 依申请 items of that
权责清单, never over the 四办 list itself (which would reach 100% by construction). Types 01, 05
and 07 are 依申请; 04, 08 and 10 when their ``initiation`` says so; 02, 03 and 06 never. A 四办
item may name the item or one of its 子项. Without a 权责清单 the rate is not computed. The seeds
set a target of 80%.

>>> from banzhang import examples
>>> result = collect([examples.load_data("service-mode-list"), examples.load_data("power-list")])
>>> result.three_modes_rate, result.application_items, result.three_modes_items
(1.0, 1, 1)
>>> collect([examples.load_data("service-mode-list")]).three_modes_rate is None
True
>>> result.by_power_type["01"]
1
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from banzhang import kinds
from banzhang.documents import envelope_of, items_of

__all__ = ["THREE_MODES", "THREE_MODES_TARGET", "Stats", "collect", "on_application"]

THREE_MODES = ("马上办", "网上办", "一次办")
THREE_MODES_TARGET = 0.8
#: Types always exercised on application, and those that may be either (SPEC §2 initiation).
_ALWAYS_ON_APPLICATION = frozenset({"01", "05", "07"})
_EITHER = frozenset({"04", "08", "10"})


#: The kinds counted by type, and the kinds counted by service mode (their declared roles).
_REFERENCE = frozenset(kind.id for kind in kinds.with_role(kinds.REFERENCE))
_SERVICE_MODES = frozenset(kind.id for kind in kinds.with_role(kinds.SERVICE_MODES))


def on_application(item: dict[str, Any]) -> bool:
    """Whether a 权责清单 item is 依申请: by its type, or its 启动方式 where the type allows both.

    >>> on_application({"power_type": "01"}), on_application({"power_type": "02"})
    (True, False)
    >>> on_application({"power_type": "08", "initiation": "依申请"})
    True
    """
    power_type = item.get("power_type")
    if not isinstance(power_type, str):  # a wrong type (a list, say) is no type of power
        return False
    if power_type in _ALWAYS_ON_APPLICATION:
        return True
    return power_type in _EITHER and item.get("initiation") == "依申请"


@attrs.frozen
class Stats:
    """Counts across the lists read.

    Attributes:
        lists: lists read, per kind.
        items: items read, per kind.
        by_level: items per list 层级 code.
        by_power_type: 权责清单 items per 事项类型 code.
        by_mode: "四办" items per 办理方式.
        mode_items: how many "四办" items were read.
        application_items: 依申请 items of the 权责清单 read (the 三办率's denominator).
        three_modes_items: how many of those the 四办 list serves 马上办, 网上办 or 一次办.
        by_online_depth: of those served 网上办, how many 网上预审 and how many 全程网办.
    """

    lists: dict[str, int]
    items: dict[str, int]
    by_level: dict[str, int]
    by_power_type: dict[str, int]
    by_mode: dict[str, int]
    mode_items: int
    application_items: int = 0
    three_modes_items: int = 0
    by_online_depth: dict[str, int] = attrs.field(factory=dict)

    @property
    def three_modes_rate(self) -> float | None:
        """The 三办率, or ``None`` when it cannot be computed: no 权责清单 with 依申请 items, or
        no "四办" list, was read."""
        read_modes = any(kind in _SERVICE_MODES for kind in self.lists)
        if not self.application_items or not read_modes:
            return None
        return self.three_modes_items / self.application_items


@attrs.define
class _Tally:
    """What the pass over the lists gathers."""

    lists: Counter[str] = attrs.field(factory=Counter)
    items: Counter[str] = attrs.field(factory=Counter)
    by_level: Counter[str] = attrs.field(factory=Counter)
    by_type: Counter[str] = attrs.field(factory=Counter)
    by_mode: Counter[str] = attrs.field(factory=Counter)
    mode_items: int = 0
    #: (region, code) of each 依申请 item → the codes it answers to (its own and its 子项').
    applications: list[tuple[str, frozenset[str]]] = attrs.field(factory=list)
    #: (region, code) → the modes and the online depth the 四办 list gives it.
    served: dict[tuple[str, str], tuple[set[str], str | None]] = attrs.field(factory=dict)

    def add(self, kind: str, region: str, level: str, item: dict[str, Any]) -> None:
        self.items[kind] += 1
        self.by_level[level] += 1
        if kind in _REFERENCE:
            if isinstance(item.get("power_type"), str):
                self.by_type[item["power_type"]] += 1
            if on_application(item):
                self.applications.append((region, _codes_of(item)))
        if kind in _SERVICE_MODES:
            listed = item.get("modes")
            modes = {m for m in listed if isinstance(m, str)} if isinstance(listed, list) else set()
            self.mode_items += 1
            self.by_mode.update(modes)
            code = item.get("basic_code")
            if isinstance(code, str):
                depth = item.get("online_depth")
                self.served[(region, code)] = (modes, depth if isinstance(depth, str) else None)


def _codes_of(item: dict[str, Any]) -> frozenset[str]:
    codes = {item.get("basic_code")}
    subs = item.get("sub_items")
    codes.update(sub.get("basic_code") for sub in subs or () if isinstance(sub, dict))
    return frozenset(code for code in codes if isinstance(code, str))


def collect(documents: Iterable[Any]) -> Stats:
    """Count over lists given as JSON-shaped data or item streams (``envelope`` and ``items``)."""
    tally = _Tally()
    for document in documents:
        envelope, entries = envelope_of(document), items_of(document)
        kind = str(envelope.get("kind"))
        region, level = str(envelope.get("region")), str(envelope.get("level"))
        tally.lists[kind] += 1
        for item in entries:
            if isinstance(item, dict):
                tally.add(kind, region, level, item)
    three, depths = _three_modes(tally)
    return Stats(
        dict(tally.lists),
        dict(tally.items),
        dict(sorted(tally.by_level.items())),
        dict(sorted(tally.by_type.items())),
        dict(tally.by_mode),
        tally.mode_items,
        len(tally.applications),
        three,
        dict(depths),
    )


def _three_modes(tally: _Tally) -> tuple[int, Counter[str]]:
    """How many 依申请 items the 四办 list serves in one of the three modes; 网上办 by depth."""
    three = 0
    depths: Counter[str] = Counter()
    for region, codes in tally.applications:
        modes: set[str] = set()
        item_depths: set[str] = set()
        for code in codes:
            found = tally.served.get((region, code))
            if found is not None:
                modes |= found[0]
                item_depths |= {found[1]} if found[1] and "网上办" in found[0] else set()
        if modes & set(THREE_MODES):
            three += 1
            # 全程网办 is the deeper of the two: an item with both counts there.
            if item_depths:
                depths["全程网办" if "全程网办" in item_depths else "网上预审"] += 1
    return three, depths
