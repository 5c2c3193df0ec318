"""Synthetic, valid documents of realistic shape, for benchmarks and scale tests.

Everything is derived from a seed, so two runs make the same data.

>>> from banzhang.validation import is_valid
>>> is_valid(power_list(3, seed=1))
True
>>> len(power_list(50)["items"])
50
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import attrs

from banzhang._version import SPEC_VERSION
from banzhang.codes import basic, region, uscc

__all__ = [
    "PLANTABLE",
    "Planted",
    "ProvinceList",
    "ProvincePlan",
    "agency",
    "iter_power_items",
    "plant_difference",
    "power_item",
    "power_list",
    "province",
    "province_plan",
]

_MAX_SEQUENCE = 99_999
_TYPES = ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11")
_STAGES = ("受理", "审查", "决定", "送达", "事后监管")
_LAWS = (
    "《中华人民共和国行政许可法》",
    "《中华人民共和国食品安全法》",
    "《内蒙古自治区草原管理条例》",
)
_VERBS = ("许可", "备案", "检查", "确认", "处罚", "登记", "审批")
_OBJECTS = ("草原征占用", "食品生产", "建设工程", "药品经营", "道路运输", "林木采伐", "特种设备")


def agency(region_code: str, number: int = 1) -> dict[str, Any]:
    """Return a government agency of ``region_code`` with a valid USCC."""
    first17 = f"11{region_code}{number:09d}"
    found = region.lookup(region_code)
    return {
        "name": f"{found.name if found else region_code}市场监督管理局",
        "uscc": first17 + uscc.calc_check_digit(first17),
        "nature": "1",
    }


def _source_and_sequence(index: int) -> tuple[str, str, int]:
    """Return a unique (来源, 事项类型, 主项顺序码) for item ``index``.

    The first 99,999 items are 国家设定 with their own 主项顺序码; later ones (a 200,000-item
    benchmark list) are 自治区设定, eleven items sharing a 主项顺序码 across eleven 事项类型.
    """
    power_type = _TYPES[index % len(_TYPES)]
    if index < _MAX_SEQUENCE:
        return "00", power_type, index + 1
    return "15", power_type, (index - _MAX_SEQUENCE) // len(_TYPES) + 1


def _has_sub_items(index: int) -> bool:
    return index % 4 == 0


def _item_code(index: int) -> str:
    """The 基本编码 of catalogue item ``index``."""
    return basic.build(*_source_and_sequence(index), has_sub_items=_has_sub_items(index))


def power_item(index: int, rng: random.Random, department: dict[str, Any]) -> dict[str, Any]:
    """Return one valid 权责清单 item; every few items has 子项."""
    power_type = _TYPES[index % len(_TYPES)]
    code = _item_code(index)
    name = rng.choice(_OBJECTS) + rng.choice(_VERBS) + f"（{index + 1}）"
    stages = rng.sample(_STAGES, 3)
    if power_type == "01":  # a 行政许可 answers for 受理, 审查 and 决定 at least
        stages = list(_STAGES[:3])
    item: dict[str, Any] = {
        "basic_code": code,
        "name": name,
        "power_type": power_type,
        "basis": [
            {"title": rng.choice(_LAWS), "article": f"第{rng.randint(1, 90)}条", "level": "法律"}
        ],
        "agency": department,
        # 自治区, 盟市 and 旗县: the same catalogue is listed at every level of a province
        "levels": ["2", "3", "4"],
        "responsibilities": [
            {"stage": stage, "content": f"{stage}环节依法履职，{name}。"} for stage in stages
        ],
        "accountability": ["不履行或者不正确履行职责的", "滥用职权、玩忽职守的"],
        "process": ["受理", "审查", "决定", "送达"],
    }
    if _has_sub_items(index):
        item["sub_items"] = [
            {"basic_code": basic.sub_item(code, n), "name": f"{name}（子项{n}）"} for n in (1, 2)
        ]
    return item


def power_list(
    items: int, *, seed: int = 0, region: str = "150200", level: str = "3"
) -> dict[str, Any]:
    """Return a valid 权责清单 of ``items`` items as JSON-shaped data."""
    return {
        "kind": "power-list",
        "spec_version": SPEC_VERSION,
        "region": region,
        "level": level,
        "department": agency(region),
        "generic": False,
        "version": "2026",
        "effective_date": "2026-01-01",
        "items": list(iter_power_items(items, seed=seed, region=region)),
    }


def iter_power_items(
    items: int, *, seed: int = 0, region: str = "150200"
) -> Iterator[dict[str, Any]]:
    """Yield the items of :func:`power_list` one by one, for lists too big to hold."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    department = agency(region)
    for index in range(items):
        yield power_item(index, rng, department)


# ---- a synthetic province: 1 自治区 + 12 盟市 + 103 旗县 lists --------------------------------

#: The elements a planted difference may change, as 三级五同 compares them.
PLANTABLE = ("name", "basis", "power_type", "process")
_LEVEL_OF = {"region": "2", "league_city": "3", "banner_county": "4"}


@attrs.frozen
class Planted:
    """A difference put into one list on purpose, which the 三级五同 check must find.

    Attributes:
        region: the region code of the list that differs.
        basic_code: the item's 基本编码.
        element: the element changed (``name``, ``basis``, ``power_type`` or ``process``).
    """

    region: str
    basic_code: str
    element: str


def province(
    items: int, *, plant: int = 0, seed: int = 0
) -> tuple[list[dict[str, Any]], list[Planted]]:
    """Return the 权责清单 of every division (the same catalogue), with ``plant`` differences.

    Differences go only into 盟市 and 旗县 lists, at most one per (list, item), so each planted
    difference is exactly one difference against the 自治区 list. Every list is generated on its
    own, so no two lists share an object (as lists read from files would not).
    """
    plan = province_plan(items, plant=plant, seed=seed)
    return [entry.document() for entry in plan.lists], list(plan.planted)


@attrs.frozen
class ProvinceList:
    """One list of a synthetic province, generated when asked for: nothing is held.

    Attributes:
        envelope: the list without its items (``items`` is empty).
        size: how many items it has.
        seed: the seed its items are generated from (the same catalogue in every list).
        changes: item index → the element changed there on purpose.
    """

    envelope: dict[str, Any]
    size: int
    seed: int
    changes: dict[int, str]

    def iter_items(self) -> Iterator[dict[str, Any]]:
        """Yield the items one by one, the planted differences in place."""
        department = self.envelope["department"]
        for index, item in enumerate(iter_power_items(self.size, seed=self.seed)):
            item["agency"] = department
            if index in self.changes:
                plant_difference(item, self.changes[index])
            yield item

    def document(self) -> dict[str, Any]:
        """Return the whole list as JSON-shaped data."""
        return {**self.envelope, "items": list(self.iter_items())}


@attrs.frozen
class ProvincePlan:
    """A synthetic province before any item is generated.

    Attributes:
        lists: the 1 自治区 + 12 盟市 + 103 旗县 lists, the 自治区 first.
        planted: every difference put in, in no particular order.
    """

    lists: tuple[ProvinceList, ...]
    planted: tuple[Planted, ...]


def province_plan(items: int, *, plant: int = 0, seed: int = 0) -> ProvincePlan:
    """Plan :func:`province` without generating it: stream a province too large to hold."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    divisions = [
        entry for entry in region.all_regions() if entry.level in _LEVEL_OF and entry.kind != "zone"
    ]
    # Positions 0 … items × (lists - 1): every (list, item) but the 自治区 list's, drawn without
    # building the pairs (a 50,000-item province has millions).
    chosen = rng.sample(range(items * (len(divisions) - 1)), plant)
    changes: list[dict[int, str]] = [{} for _ in divisions]
    for position in chosen:
        list_index, item_index = divmod(position, items)
        changes[list_index + 1][item_index] = rng.choice(PLANTABLE)
    envelopes = [
        power_list(0, region=entry.code, level=_LEVEL_OF[entry.level]) for entry in divisions
    ]
    lists = tuple(
        ProvinceList(envelope, items, seed, changed)
        for envelope, changed in zip(envelopes, changes, strict=True)
    )
    planted = tuple(
        Planted(entry.envelope["region"], _item_code(index), element)
        for entry in lists
        for index, element in entry.changes.items()
    )
    return ProvincePlan(lists, planted)


def plant_difference(item: dict[str, Any], element: str) -> None:
    """Change ``element`` of ``item`` the way a 盟市 or 旗县 list might differ (one of PLANTABLE).

    Every change rebinds the element, so a shallow copy of an item can be changed safely.
    """
    if element == "name":
        item["name"] += "（地方表述）"
    elif element == "basis":
        item["basis"] = [{**item["basis"][0], "article": "第九十九条"}]
    elif element == "power_type":
        item["power_type"] = "10" if item["power_type"] != "10" else "11"
    else:
        item["process"] = [*item["process"], "复核"]
