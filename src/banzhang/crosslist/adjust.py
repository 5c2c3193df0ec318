"""动态调整 [S 003][V 内政发〔2021〕6号]: what changed between two versions of a list.

Items are matched by 基本编码. An item only in the new version is 新增, only in the old 取消. A
matched item whose lowest exercising level moved down is 下放, up 收回; a new name is
变更（更名）, a new basis 变更（依据）, any other element 变更. A code is never reused for another
item [S 002]: a matched code whose name *and* type both changed names another item, and is an
error (``adjust.code-reused``) — banzhang's reading, written in docs/decisions.md.

>>> from banzhang import synthetic
>>> old = synthetic.power_list(3, seed=1)
>>> new = synthetic.power_list(4, seed=1)
>>> summary(diff(old, new))
'增加1项'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from banzhang import codelists, kinds
from banzhang.declare import FieldSpec, fields_of

__all__ = ["Change", "Diff", "diff", "element_title", "summary", "value_text"]

ADDED, CANCELLED, DELEGATED, RECALLED = "新增", "取消", "下放", "收回"
RENAMED, REBASED, CHANGED = "变更（更名）", "变更（依据）", "变更"
_ORDER = (DELEGATED, RECALLED, CANCELLED, ADDED, RENAMED, REBASED, CHANGED)
_SUMMARY_WORDS = {ADDED: "增加"}
_IGNORED = frozenset({"levels"})


@attrs.frozen
class Change:
    """One item's adjustment.

    Attributes:
        key: the 基本编码 (or the name, for items without one).
        adjustment: 新增, 取消, 下放, 收回, 变更（更名）, 变更（依据） or 变更.
        name: the item's name (the new one when it has one).
        elements: for changes, (element id, old value, new value) of each changed element.
        old_path: the item's ``$`` path in the old version.
        new_path: the item's ``$`` path in the new version.
    """

    key: str
    adjustment: str
    name: Any
    elements: tuple[tuple[str, Any, Any], ...] = ()
    old_path: str | None = None
    new_path: str | None = None


@attrs.frozen
class Diff:
    """What changed, and the codes reused for another item.

    Attributes:
        changes: every adjustment, in the new version's order, then cancellations.
        reused: the changes whose code now names another item (errors).
    """

    changes: tuple[Change, ...]
    reused: tuple[Change, ...]

    def counts(self) -> dict[str, int]:
        """Adjustments per type, in the order the seeds report them."""
        counted = Counter(change.adjustment for change in self.changes)
        return {adjustment: counted[adjustment] for adjustment in _ORDER if counted[adjustment]}


def summary(diff: Diff) -> str:
    """Return the counts as the seeds write them: "下放6项，收回5项，取消122项，增加46项"."""
    parts = [f"{_SUMMARY_WORDS.get(kind, kind)}{count}项" for kind, count in diff.counts().items()]
    return "，".join(parts) if parts else "无调整"


def diff(old: dict[str, Any], new: dict[str, Any]) -> Diff:
    """Compare two versions of a list given as JSON-shaped data.

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
    old_items = _indexed(old.get("items", []))
    changes: list[Change] = []
    reused: list[Change] = []
    seen: set[str] = set()
    for key, (index, item) in _indexed(new.get("items", [])).items():
        seen.add(key)
        if key not in old_items:
            changes.append(Change(key, ADDED, item.get("name"), new_path=f"$.items[{index}]"))
            continue
        old_index, before = old_items[key]
        found = _changes_of(key, before, item, f"$.items[{old_index}]", f"$.items[{index}]")
        changes.extend(found)
        if _names_another_item(before, item):
            reused.extend(change for change in found if change.adjustment == RENAMED)
    for key, (index, item) in old_items.items():
        if key not in seen:
            changes.append(Change(key, CANCELLED, item.get("name"), old_path=f"$.items[{index}]"))
    return Diff(tuple(changes), tuple(reused))


def _indexed(items: Iterable[Any]) -> dict[str, tuple[int, dict[str, Any]]]:
    indexed: dict[str, tuple[int, dict[str, Any]]] = {}
    for index, item in enumerate(items):
        if isinstance(item, dict):
            key = item.get("basic_code") or item.get("name")
            if isinstance(key, str):
                indexed.setdefault(key, (index, item))
    return indexed


def _changes_of(
    key: str, before: dict[str, Any], after: dict[str, Any], old_path: str, new_path: str
) -> list[Change]:
    name = after.get("name")
    found: list[Change] = []
    level_move = _level_move(before.get("levels"), after.get("levels"))
    if level_move:
        found.append(
            Change(
                key,
                level_move,
                name,
                (("levels", before.get("levels"), after.get("levels")),),
                old_path,
                new_path,
            )
        )
    changed = [
        (element, before.get(element), after.get(element))
        for element in sorted(set(before) | set(after))
        if element not in _IGNORED and before.get(element) != after.get(element)
    ]
    for adjustment, element in ((RENAMED, "name"), (REBASED, "basis")):
        own = [entry for entry in changed if entry[0] == element]
        if own:
            found.append(Change(key, adjustment, name, tuple(own), old_path, new_path))
    others = tuple(entry for entry in changed if entry[0] not in ("name", "basis"))
    if others:
        found.append(Change(key, CHANGED, name, others, old_path, new_path))
    return found


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
