"""三级五同 [S 000]: the same item has the same name, basis, code, type and basic process at
自治区, 盟市 and 旗县 levels, and the same 子项.

Lists are read twice, streaming: once for their envelopes (to order them from the highest level
down, a 通用清单 first within its level), then item by item. The first occurrence of a code, in
that order, is its reference; every later occurrence at another level — or under a 通用清单 of
the same level — is compared with it. An item whose code has no reference is matched by its
normalised name and type instead: found under another code, it is an 编码 不一致 (the commonest
real fault, an item recoded at 旗县 level). Time and memory are linear in the items (one
reference a code, one name key a code).

>>> from banzhang import synthetic
>>> lists, planted = synthetic.province(5, plant=3, seed=2)
>>> report = check(("list", document) for document in lists)
>>> len(report.differences) == len(planted) == 3
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from banzhang import codelists
from banzhang._normalise import normalise
from banzhang.codes import region as regions
from banzhang.declare import fields_of
from banzhang.documents import envelope_of, items_of
from banzhang.kinds import power_list

__all__ = ["ELEMENTS", "Difference", "LevelsReport", "Place", "check"]

#: The elements 三级五同 compares — the five 同 and the 子项 — with their declared Chinese titles.
ELEMENTS = {
    spec.name: spec.element.title
    for spec in fields_of(power_list.PowerItem)
    if spec.name in ("basic_code", "name", "basis", "power_type", "process", "sub_items")
}
#: The elements a reference compares item by item (the code and 子项 are compared apart).
_COMPARED = ("name", "basis", "power_type", "process")
_NO_PROCESS: list[str] = []  # never mutated: a missing 基本流程 compares as empty
_LEVEL_RANK = {"1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}


@attrs.frozen
class Place:
    """Where an item was read.

    Attributes:
        source: the file (or other name) of the list.
        region: the list's 行政区划代码.
        level: the list's 层级 code.
        path: the item's ``$`` path in that list.
        generic: whether the list is a 通用清单.
    """

    source: str
    region: str
    level: str
    path: str
    generic: bool = False

    def __str__(self) -> str:
        level = codelists.get("level").label(self.level)
        kind = "通用清单" if self.generic else "清单"
        found = regions.lookup(self.region)
        region = f"{found.name} {self.region}" if found is not None else self.region
        return f"{region}（{level}{kind}）{self.source} {self.path}"


@attrs.frozen
class Difference:
    """One element of one item that differs from its reference.

    Attributes:
        basic_code: the 基本编码.
        element: the element id that differs.
        expected: its value in the reference.
        found: its value here.
        reference: where the reference was read.
        place: where the differing item was read.
        formal: whether the two agree once normalised (spaces, full/half width, 《》, 第三十五条
            = 第35条): a 格式差异, reported as a notice; otherwise a 不一致, an error.
    """

    basic_code: str
    element: str
    expected: Any
    found: Any
    reference: Place
    place: Place
    formal: bool = False

    @property
    def title(self) -> str:
        """The element's Chinese title."""
        return ELEMENTS[self.element]

    @property
    def nature(self) -> str:
        """不一致 (an error) or 格式差异 (a notice)."""
        return "格式差异" if self.formal else "不一致"

    def to_dict(self) -> dict[str, Any]:
        """Return the difference as JSON-ready data."""
        data = {**attrs.asdict(self), "title": self.title, "nature": self.nature}
        for key in ("reference", "place"):
            data[key]["text"] = str(getattr(self, key))  # 包头市 150200（盟市级清单）…
        return data


@attrs.frozen
class LevelsReport:
    """What the 三级五同 check found.

    Attributes:
        lists: how many lists were read.
        items: how many items were read.
        shared_codes: how many codes occur in more than one compared list.
        differences: every 不一致 (differs after normalising), in reading order.
        formal_differences: every 格式差异 (agrees once normalised), in reading order.
    """

    lists: int
    items: int
    shared_codes: int
    differences: tuple[Difference, ...]
    formal_differences: tuple[Difference, ...] = ()

    def counts(self) -> dict[str, int]:
        """不一致 per element id."""
        counted = Counter(difference.element for difference in self.differences)
        return {element: counted[element] for element in ELEMENTS}


def check(documents: Iterable[tuple[str, Any]]) -> LevelsReport:
    """Compare every list of ``documents`` — (name, JSON-shaped list) pairs, or streams.

    Each document is a dict with ``items``, or a :class:`~banzhang.formats.ItemStream` whose
    envelope is read first; pass them ordered or not, they are ordered by level here.
    """
    pairs = list(documents) if not isinstance(documents, str | bytes | dict) else [documents]
    if not all(isinstance(pair, tuple) and len(pair) == 2 for pair in pairs):
        message = "levels.check 接受 (名称, 清单) 二元组的序列"
        raise TypeError(message)
    ordered = sorted(pairs, key=lambda pair: _order(envelope_of(pair[1])))
    references: dict[str, _Reference] = {}
    #: (normalised name, type) → the first code under which that item was read.
    codes_by_name: dict[tuple[Any, Any], str] = {}
    shared = 0
    differences: list[Difference] = []
    items = 0
    for name, document in ordered:
        origin = _Origin.of(name, envelope_of(document))
        for index, item in enumerate(items_of(document)):
            items += 1
            code = item.get("basic_code") if isinstance(item, dict) else None
            if not isinstance(code, str):
                continue
            reference = references.get(code)
            if reference is None:
                references[code] = _Reference(item, origin, index)
                key = _name_key(item)
                known = codes_by_name.setdefault(key, code) if key is not None else code
                reference = references[known] if known != code else None
                if reference is None or not reference.compares_with(origin):
                    continue
                place = origin.place(index)
                differences.append(reference.code_difference(known, code, place))
            elif not reference.compares_with(origin):
                continue  # two local lists of one level: 三级五同 compares across levels
            if not reference.shared:
                reference.shared = True
                shared += 1
            if reference.matches(item):
                continue  # the common case, decided without normalising anything
            differences.extend(reference.differences(code, item, origin.place(index)))
    real = tuple(difference for difference in differences if not difference.formal)
    formal = tuple(difference for difference in differences if difference.formal)
    return LevelsReport(len(ordered), items, shared, real, formal)


@attrs.frozen
class _Origin:
    """The list an item was read from: one per list, shared by its items until a Place is due."""

    name: str
    region: str
    level: str
    generic: bool

    @classmethod
    def of(cls, name: str, envelope: dict[str, Any]) -> _Origin:
        region, level = str(envelope.get("region", "")), str(envelope.get("level", ""))
        return cls(name, region, level, envelope.get("generic") is True)

    def place(self, index: int) -> Place:
        return Place(self.name, self.region, self.level, f"$.items[{index}]", self.generic)


class _Reference:
    """The first occurrence of a code: its compared elements as written, normalised on demand.

    The check walks millions of items and most agree with their reference, so what it touches
    for each is kept to a few slots of one object: the raw values (依据 in the same order settles
    those at once) and its list's origin, shared by that list's references. Its Place is built
    only when a difference needs it: per code one object and one string fewer to hold.
    """

    __slots__ = (
        "_facts",
        "basis",
        "index",
        "name",
        "origin",
        "power_type",
        "process",
        "shared",
        "sub_items",
    )

    def __init__(self, item: dict[str, Any], origin: _Origin, index: int) -> None:
        self.name = item.get("name")
        self.power_type = item.get("power_type")
        self.process = item.get("process", _NO_PROCESS)
        self.basis = item.get("basis")
        self.sub_items = item.get("sub_items", _NO_PROCESS)
        self.origin = origin
        self.index = index
        self.shared = False
        self._facts: dict[str, Any] | None = None

    def compares_with(self, origin: _Origin) -> bool:
        """Whether an item of ``origin``'s list is held to this reference: across levels, or
        under a 通用清单 of its own level."""
        return self.origin.level != origin.level or self.origin.generic

    def matches(self, item: dict[str, Any]) -> bool:
        return bool(
            item.get("name") == self.name
            and item.get("power_type") == self.power_type
            and item.get("process", _NO_PROCESS) == self.process
            and item.get("basis") == self.basis
            and item.get("sub_items", _NO_PROCESS) == self.sub_items
        )

    def code_difference(self, expected: str, found: str, place: Place) -> Difference:
        """The item read under ``found`` is this reference's item, coded ``expected``."""
        reference = self.origin.place(self.index)
        return Difference(found, "basic_code", expected, found, reference, place)

    def differences(self, code: str, item: dict[str, Any], place: Place) -> Iterator[Difference]:
        if self._facts is None:
            written = {"name": self.name, "power_type": self.power_type}
            self._facts = _facts({**written, "process": self.process, "basis": self.basis})
        reference = self.origin.place(self.index)
        for element in _COMPARED:
            value = _fact(item, element, self._facts)
            expected = self._facts[element]
            if value != expected:
                formal = _normal(element, value) == _normal(element, expected)
                yield Difference(code, element, expected, value, reference, place, formal)
        for expected, found, formal in _sub_item_differences(self.sub_items, item):
            yield Difference(code, "sub_items", expected, found, reference, place, formal)


#: What a report shows as the reference's value of a 子项 it does not have.
_NO_SUCH_SUB_ITEM = "（参照清单中没有此子项）"


def _name_key(item: dict[str, Any]) -> tuple[Any, Any] | None:
    """What matches an item across levels when its code does not: normalised name and type."""
    name, power_type = item.get("name"), item.get("power_type")
    if not isinstance(name, str) or not name:
        return None
    return normalise(name), power_type if isinstance(power_type, str) else None  # a key: hashable


def _sub_item_differences(reference: Any, item: dict[str, Any]) -> Iterator[tuple[str, str, bool]]:
    """(expected, found, formal) for each 子项 of ``item`` that the reference does not have
    as written: another name under its code, its name under another code, or neither.

    A lower level may exercise fewer 子项 than the level above: one it leaves out is not a
    difference.
    """
    by_code: dict[Any, Any] = {}
    by_name: dict[Any, Any] = {}
    for sub in reference if isinstance(reference, list) else []:
        if isinstance(sub, dict):
            by_code[sub.get("basic_code")] = sub.get("name")
            by_name[normalise(sub.get("name"))] = sub.get("basic_code")
    subs = item.get("sub_items")
    for sub in subs if isinstance(subs, list) else []:
        if not isinstance(sub, dict):
            continue
        code, name = sub.get("basic_code"), sub.get("name")
        found = f"{code} {name}"
        if code in by_code:
            if by_code[code] != name:
                formal = normalise(by_code[code]) == normalise(name)
                yield f"{code} {by_code[code]}", found, formal
        elif normalise(name) in by_name:
            known = by_name[normalise(name)]
            yield f"{known} {name}", found, False
        else:
            yield _NO_SUCH_SUB_ITEM, found, False


def _normal(element: str, value: Any) -> Any:
    """A compared value normalised; 依据 in any order (they are compared as a set)."""
    found = normalise(value)
    return sorted(found) if element == "basis" and isinstance(found, list) else found


def _order(envelope: dict[str, Any]) -> tuple[int, int]:
    return (
        _LEVEL_RANK.get(str(envelope.get("level")), 9),
        0 if envelope.get("generic") is True else 1,
    )


def _facts(item: dict[str, Any]) -> dict[str, Any]:
    """The compared elements of a reference item, normalised."""
    facts = {element: _fact(item, element, None) for element in _COMPARED}
    facts["_raw_basis"] = item.get("basis")
    return facts


def _fact(item: dict[str, Any], element: str, reference: dict[str, Any] | None) -> Any:
    """One compared element: 依据 by title and article, in any order (sorted only if needed)."""
    if element == "process":
        return item.get("process", [])
    if element != "basis":
        return item.get(element)
    basis = item.get("basis")
    if reference is not None and basis == reference["_raw_basis"]:
        return reference["basis"]
    entries = basis if isinstance(basis, list) else []
    return sorted(
        f"{entry.get('title', '')}{entry.get('article', '')}"
        for entry in entries
        if isinstance(entry, dict)
    )
