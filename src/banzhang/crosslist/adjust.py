"""动态调整 [S 003][V 内政发〔2021〕6号]: what changed between two versions of a list.

Every changed item gets **one** adjustment — 新增, 取消, 下放, 收回, 合并, 拆分 or 变更 — with its
element-level changes beneath, so the counts add up to the items adjusted (the seed's
"下放6项，收回5项，取消122项，增加46项" is 179 items). Items are matched by 基本编码 (by name when
they have none):

- matched, and its lowest exercising level moved down: 下放; up: 收回; any other element changed:
  变更 (the changed elements, 名称 and 依据 among them, listed beneath);
- an old item whose code is gone and whose 主项 now has 子项 (``…000`` → ``…00Y``), or whose name
  recurs in two or more new items: 拆分 (one adjustment, the new items beside it);
- a new item whose 备注 names two or more of the vanished items (by code or name), or whose name
  contains two or more of their names: 合并 (one adjustment, the old items beside it);
- otherwise: 新增 and 取消.

A code is never reused for another item [S 002]: a matched code whose name *and* type both
changed is an error (``reused``); one whose name keeps no significant word of the old is a
warning (``suspect``); a code of the register of retired codes that comes back is an error
(``retired``). banzhang's reading, written in docs/decisions.md.

>>> from banzhang import synthetic
>>> old = synthetic.power_list(3, seed=1)
>>> new = synthetic.power_list(4, seed=1)
>>> summary(diff(old, new))
'增加1项'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from typing import Any

import attrs

from banzhang import codelists, kinds
from banzhang._normalise import normalise
from banzhang.codes import region as region_codes
from banzhang.declare import FieldSpec, fields_of

__all__ = [
    "Change",
    "Diff",
    "diff",
    "diff_lists",
    "element_title",
    "read_retired",
    "summary",
    "value_text",
]

ADDED, CANCELLED, DELEGATED, RECALLED = "新增", "取消", "下放", "收回"
MERGED, SPLIT, CHANGED = "合并", "拆分", "变更"
_ORDER = (DELEGATED, RECALLED, CANCELLED, ADDED, MERGED, SPLIT, CHANGED)
_SUMMARY_WORDS = {ADDED: "增加"}


@attrs.frozen
class Change:
    """One item's adjustment.

    Attributes:
        key: the 基本编码 (or the name, for items without one); for 合并 the new item's.
        adjustment: 新增, 取消, 下放, 收回, 合并, 拆分 or 变更 — one per item.
        name: the item's name (the new one when it has one).
        elements: (element id, old value, new value) of each changed element.
        old_path: the item's ``$`` path in the old version.
        new_path: the item's ``$`` path in the new version.
        related: for 合并 the old items' codes, for 拆分 the new items' codes, for a 下放 or
            收回 between lists the regions it moved to or from.
        region: the 行政区划代码 of the list, when several lists were compared.
    """

    key: str
    adjustment: str
    name: Any
    elements: tuple[tuple[str, Any, Any], ...] = ()
    old_path: str | None = None
    new_path: str | None = None
    related: tuple[str, ...] = ()
    region: str | None = None


@attrs.frozen
class Diff:
    """What changed, and the codes that may have been reused for another item.

    Attributes:
        changes: every adjusted item once, in the new version's order, then the old-only ones.
        reused: changes whose code now names another item: name and type both changed (errors).
        suspect: changes whose new name keeps no significant word of the old (warnings).
        retired: new items whose code is in the register of retired codes (errors).
    """

    changes: tuple[Change, ...]
    reused: tuple[Change, ...]
    suspect: tuple[Change, ...] = ()
    retired: tuple[Change, ...] = ()

    def counts(self) -> dict[str, int]:
        """Adjusted items per adjustment, in the order the seeds report them."""
        counted = Counter(change.adjustment for change in self.changes)
        return {adjustment: counted[adjustment] for adjustment in _ORDER if counted[adjustment]}

    @property
    def has_errors(self) -> bool:
        """Whether a code was reused: for another item, or out of the retired register."""
        return bool(self.reused or self.retired)


def summary(diff: Diff) -> str:
    """Return the counts as the seeds write them: "下放6项，收回5项，取消122项，增加46项"."""
    parts = [f"{_SUMMARY_WORDS.get(kind, kind)}{count}项" for kind, count in diff.counts().items()]
    return "，".join(parts) if parts else "无调整"


def read_retired(text: str) -> dict[str, str]:
    """Parse a register of retired codes: one code a line, anything after it a note.

    Blank lines and lines starting with ``#`` are skipped; a code is its first field (tab,
    comma or spaces end it).

    >>> read_retired("# 已取消\\n000617018000 食品生产经营监督检查（2024年取消）\\n")
    {'000617018000': '食品生产经营监督检查（2024年取消）'}
    """
    retired: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        parts = re.split(r"[\t,，\s]+", stripped, maxsplit=1)
        retired[parts[0]] = parts[1].strip() if len(parts) > 1 else ""
    return retired


def diff(old: dict[str, Any], new: dict[str, Any], *, retired: Collection[str] = ()) -> Diff:
    """Compare two versions of a list given as JSON-shaped data.

    ``retired``: the register of retired codes; a new item under one of them is an error.

    Raises:
        TypeError: either version is not a list's data (a dict with an ``items`` array).
    """
    versions: tuple[object, ...] = (old, new)  # checked at the boundary, whatever the caller typed
    for version in versions:
        if not isinstance(version, dict) or not isinstance(version.get("items"), list):
            message = (
                f"应为清单的 JSON 形数据（含 items 数组的 dict），实际为 {type(version).__name__}"
            )
            raise TypeError(message)
    old_items = _indexed(old["items"])
    new_items = _indexed(new["items"])
    changes: list[Change] = []
    reused: list[Change] = []
    suspect: list[Change] = []
    for key, (index, item) in new_items.items():
        if key not in old_items:
            continue
        old_index, before = old_items[key]
        change = _change_of(key, before, item, f"$.items[{old_index}]", f"$.items[{index}]")
        if change is None:
            continue
        changes.append(change)
        if _names_another_item(before, item):
            reused.append(change)
        elif before.get("name") != item.get("name") and not _shares_a_word(before, item):
            suspect.append(change)
    gone = {key: entry for key, entry in old_items.items() if key not in new_items}
    arrived = {key: entry for key, entry in new_items.items() if key not in old_items}
    changes.extend(_splits(gone, arrived))
    changes.extend(_merges(gone, arrived))
    for key, (index, item) in arrived.items():
        changes.append(Change(key, ADDED, item.get("name"), new_path=f"$.items[{index}]"))
    for key, (index, item) in gone.items():
        changes.append(Change(key, CANCELLED, item.get("name"), old_path=f"$.items[{index}]"))
    returned = tuple(
        change for change in changes if change.adjustment == ADDED and change.key in retired
    )
    return Diff(tuple(changes), tuple(reused), tuple(suspect), returned)


_Indexed = dict[str, tuple[int, dict[str, Any]]]


def _indexed(items: Iterable[Any]) -> _Indexed:
    indexed: _Indexed = {}
    for index, item in enumerate(items):
        if isinstance(item, dict):
            key = item.get("basic_code") or item.get("name")
            if isinstance(key, str):
                indexed.setdefault(key, (index, item))
    return indexed


def _change_of(
    key: str, before: dict[str, Any], after: dict[str, Any], old_path: str, new_path: str
) -> Change | None:
    """The one adjustment of a matched item: 下放/收回 when its level moved, else 变更."""
    changed = tuple(
        (element, before.get(element), after.get(element))
        for element in sorted(set(before) | set(after))
        if before.get(element) != after.get(element)
    )
    if not changed:
        return None
    adjustment = _level_move(before.get("levels"), after.get("levels")) or CHANGED
    return Change(key, adjustment, after.get("name"), changed, old_path, new_path)


def _splits(gone: _Indexed, arrived: _Indexed) -> list[Change]:
    """拆分: a vanished item whose 主项 now has 子项, or whose name two new items carry on.

    The items it became are taken out of ``arrived`` (and it out of ``gone``): one adjustment.
    """
    found = []
    for key, (index, item) in list(gone.items()):
        into = []
        if key.endswith("000") and (main := key[:-3] + "00Y") in arrived:
            into = [main]
        else:
            name = _name(item)
            into = [k for k, (_, new) in arrived.items() if name and name in _name(new)]
            into = into if len(into) >= 2 else []
        if not into:
            continue
        del gone[key]
        new_index = arrived[into[0]][0]
        for taken in into:
            del arrived[taken]
        path = f"$.items[{new_index}]"
        change = Change(key, SPLIT, item.get("name"), (), f"$.items[{index}]", path, tuple(into))
        found.append(change)
    return found


def _merges(gone: _Indexed, arrived: _Indexed) -> list[Change]:
    """合并: a new item whose 备注 names two or more vanished items, or whose name holds theirs."""
    found = []
    for key, (index, item) in list(arrived.items()):
        remark, name = str(item.get("remark") or ""), _name(item)
        parts = [
            old_key
            for old_key, (_, old) in gone.items()
            if old_key in remark
            or (_name(old) and (_name(old) in normalise(remark) or _name(old) in name))
        ]
        if len(parts) < 2:
            continue
        del arrived[key]
        for part in parts:
            del gone[part]
        change = Change(key, MERGED, item.get("name"), (), None, f"$.items[{index}]", tuple(parts))
        found.append(change)
    return found


def _name(item: dict[str, Any]) -> str:
    name = item.get("name")
    return str(normalise(name)) if isinstance(name, str) else ""


def _level_move(before: Any, after: Any) -> str | None:
    """下放 when the lowest exercising level moves down (a larger level code), 收回 when up."""
    lowest = [
        max((int(level) for level in levels if str(level).isdigit() and level != "7"), default=0)
        for levels in (before or [], after or [])
    ]
    if not all(lowest) or lowest[0] == lowest[1]:
        return None
    return DELEGATED if lowest[1] > lowest[0] else RECALLED


def _names_another_item(before: dict[str, Any], after: dict[str, Any]) -> bool:
    return before.get("name") != after.get("name") and before.get("power_type") != after.get(
        "power_type"
    )


#: Words every item's name may share and that tell nothing about which item it is.
_GENERIC_WORDS = re.compile(
    r"行政|许可|处罚|强制|征收|给付|检查|确认|奖励|裁决|备案|登记|审批|核准|审核|监督|管理|"
    r"对|的|和|与|及|或|（.*?）|\(.*?\)"
)


def _shares_a_word(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Whether the two names share a significant two-character word (generic words removed)."""
    pairs = []
    for item in (before, after):
        text = _GENERIC_WORDS.sub(" ", _name(item))
        pairs.append({text[i : i + 2] for i in range(len(text) - 1) if " " not in text[i : i + 2]})
    return not (pairs[0] and pairs[1]) or bool(pairs[0] & pairs[1])


def diff_lists(
    old: Iterable[dict[str, Any]],
    new: Iterable[dict[str, Any]],
    *,
    retired: Collection[str] = (),
) -> Diff:
    """Compare the lists of several regions and levels, old versions against new.

    Lists are paired by 行政区划代码 and each pair compared as :func:`diff` does. Then an item
    that leaves a region's list and arrives in lists of regions below it is **one** 下放 (not a
    取消 and several 新增); one that leaves lists below and arrives in the region's list is one
    收回. A region with a list in one version only is not compared.
    """
    olds = {str(data.get("region")): data for data in old}
    news = {str(data.get("region")): data for data in new}
    per_region = {
        region: diff(olds[region], news[region], retired=retired)
        for region in news
        if region in olds
    }
    changes = [
        attrs.evolve(change, region=region)
        for region, found in per_region.items()
        for change in found.changes
    ]
    changes = _moves_between_levels(changes, DELEGATED, CANCELLED, ADDED)
    changes = _moves_between_levels(changes, RECALLED, ADDED, CANCELLED)
    return Diff(
        tuple(changes),
        *(
            tuple(
                attrs.evolve(change, region=region)
                for region, found in per_region.items()
                for change in getattr(found, name)
            )
            for name in ("reused", "suspect", "retired")
        ),
    )


def _moves_between_levels(changes: list[Change], move: str, above: str, below: str) -> list[Change]:
    """Fold an item's ``above`` in a region and ``below`` in regions under it into one ``move``."""
    under: dict[str, list[Change]] = {}
    for change in changes:
        if change.adjustment == below:
            under.setdefault(change.key, []).append(change)
    folded: set[int] = set()
    result = []
    for change in changes:
        lower = [
            other
            for other in under.get(change.key, ())
            if change.adjustment == above and _is_below(other.region, change.region)
        ]
        if not lower:
            result.append(change)
            continue
        folded.update(id(other) for other in lower)
        regions = tuple(str(other.region) for other in lower)
        result.append(attrs.evolve(change, adjustment=move, related=regions))
    return [change for change in result if id(change) not in folded]


def _is_below(code: str | None, ancestor: str | None) -> bool:
    """Whether region ``code`` lies under region ``ancestor`` (not the region itself)."""
    found = region_codes.lookup(str(code)) if code else None
    return found is not None and code != ancestor and found.lies_in(str(ancestor))


def element_title(kind_id: str, element: str) -> str:
    """The Chinese title of an item element of ``kind_id`` (the id itself when unknown).

    >>> element_title("power-list", "levels")
    '行使层级'
    """
    spec = _item_spec(kind_id, element)
    return spec.element.title if spec is not None else element


def value_text(kind_id: str, element: str, value: Any) -> str:
    """A value as a reviewer reads it: codes by their titles, lists joined, 依据 as 《》第…条.

    >>> value_text("power-list", "levels", ["2", "3"])
    '自治区级、盟市级'
    """
    if value is None:
        return "（无）"
    if isinstance(value, list):
        return "、".join(value_text(kind_id, element, entry) for entry in value) or "（无）"
    if isinstance(value, dict):
        if "title" in value:
            return f"{value['title']}{value.get('article') or ''}"
        return "；".join(str(part) for part in value.values() if part not in (None, "", []))
    spec = _item_spec(kind_id, element)
    name = spec.element.codelist if spec is not None else None
    if name is None or not isinstance(value, str):
        return str(value)
    return codelists.get(name).title_of(value)


def _item_spec(kind_id: str, element: str) -> FieldSpec | None:
    """The declaration of an item element of ``kind_id`` (None for an unknown kind or element)."""
    item = kinds.get(kind_id).item if kind_id in {k.id for k in kinds.all_kinds()} else None
    return next((spec for spec in fields_of(item) if spec.name == element), None) if item else None
