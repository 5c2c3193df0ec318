"""Statistics across lists [S 003]: counts per type, mode and level, and the 三办率.

The 三办率 is the share of "四办" items handled 马上办, 网上办 or 一次办 (any of the three); the
seeds set a target of 80%.

>>> from banzhang import examples
>>> result = collect([examples.load_data("service-mode-list"), examples.load_data("power-list")])
>>> result.three_modes_rate
1.0
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

__all__ = ["THREE_MODES", "THREE_MODES_TARGET", "Stats", "collect"]

THREE_MODES = ("马上办", "网上办", "一次办")
THREE_MODES_TARGET = 0.8


#: The kinds counted by type, and the kinds counted by service mode (their declared roles).
_REFERENCE = frozenset(kind.id for kind in kinds.with_role(kinds.REFERENCE))
_SERVICE_MODES = frozenset(kind.id for kind in kinds.with_role(kinds.SERVICE_MODES))


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
        three_modes_items: how many of them are 马上办, 网上办 or 一次办.
    """

    lists: dict[str, int]
    items: dict[str, int]
    by_level: dict[str, int]
    by_power_type: dict[str, int]
    by_mode: dict[str, int]
    mode_items: int
    three_modes_items: int

    @property
    def three_modes_rate(self) -> float | None:
        """The 三办率, or ``None`` when no "四办" item was read."""
        return self.three_modes_items / self.mode_items if self.mode_items else None


def collect(documents: Iterable[Any]) -> Stats:
    """Count over lists given as JSON-shaped data or item streams (``envelope`` and ``items``)."""
    lists: Counter[str] = Counter()
    items: Counter[str] = Counter()
    by_level: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_mode: Counter[str] = Counter()
    mode_items = three = 0
    for document in documents:
        envelope, entries = envelope_of(document), items_of(document)
        kind = str(envelope.get("kind"))
        lists[kind] += 1
        for item in entries:
            if not isinstance(item, dict):
                continue
            items[kind] += 1
            by_level[str(envelope.get("level"))] += 1
            if kind in _REFERENCE and isinstance(item.get("power_type"), str):
                by_type[item["power_type"]] += 1
            modes = (
                [m for m in item.get("modes", []) if isinstance(m, str)]
                if kind in _SERVICE_MODES
                else []
            )
            if kind in _SERVICE_MODES:
                mode_items += 1
                by_mode.update(modes)
                three += any(mode in THREE_MODES for mode in modes)
    return Stats(
        dict(lists),
        dict(items),
        dict(sorted(by_level.items())),
        dict(sorted(by_type.items())),
        dict(by_mode),
        mode_items,
        three,
    )
