"""同源 [S 003]: intermediary, "四办", supervision and licensing items — and a 服务指南 — reference
a 基本编码 that the same region's 权责清单 holds (an item's code or a 子项's); where the item *is*
that item ("四办" and 许可 items, a guide: the kinds' ``SAME_ITEM`` role), its name is the
权责清单's too, once normalised (SPEC §9; the type is part of the code): a name that differs
only in form (a 格式差异 that normalising removes) is a notice, any other difference an error.
Intermediary and supervision items carry their own names and point at an approval's code, so
only their code is checked. A 中介服务收费 item of a 收费清单 names an item of the region's
中介服务事项清单.

>>> from banzhang import examples
>>> codes = power_codes(examples.load_data("power-list"))
>>> list(iter_findings(examples.load_data("service-mode-list"), codes))
[]
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any

from banzhang import kinds
from banzhang._normalise import normalise
from banzhang.documents import envelope_of, items_of
from banzhang.validation._structure import finding
from banzhang.validation.findings import INFO, Finding

__all__ = [
    "KINDS",
    "intermediary_names",
    "item_finding",
    "iter_findings",
    "power_codes",
    "reference_keys",
    "reference_role",
]

#: The kinds whose items must reference another list of their region (the kinds' declared roles).
KINDS = frozenset(
    kind.id for kind in (*kinds.with_role(kinds.SAME_SOURCE), *kinds.with_role(kinds.CHARGES))
)
#: A 中介服务收费 item: the one fee category that names a 中介服务事项.
_INTERMEDIARY_FEE = "中介服务收费"


def reference_role(kind_id: str) -> str:
    """The role of the list ``kind_id``'s items reference: the 权责清单, or the 中介服务事项清单."""
    return kinds.INTERMEDIARY if kinds.get(kind_id).has(kinds.CHARGES) else kinds.REFERENCE


def reference_keys(reference: Any, role: str) -> dict[str, str]:
    """What items are checked against in a reference list playing ``role``: codes or names."""
    return intermediary_names(reference) if role == kinds.INTERMEDIARY else power_codes(reference)


def intermediary_names(intermediary_list: Any) -> dict[str, str]:
    """Return each 中介服务事项's normalised name with its name as written."""
    names: dict[str, str] = {}
    for item in _objects(items_of(intermediary_list)):
        name = item.get("name")
        if isinstance(name, str) and name:
            names[normalise(name)] = name
    return names


def power_codes(power_list: Any) -> dict[str, str]:
    """Return every 基本编码 of a 权责清单 (items and 子项) with its name, from data or a stream.

    The result is also the set of codes (``code in power_codes(...)``).
    """
    codes: dict[str, str] = {}
    for item in _objects(items_of(power_list)):
        _add(codes, item)
        for sub in _objects(item.get("sub_items", [])):
            _add(codes, sub)
    return codes


def _add(codes: dict[str, str], entry: dict[str, Any]) -> None:
    code, name = entry.get("basic_code"), entry.get("name")
    if isinstance(code, str):
        codes[code] = name if isinstance(name, str) else ""


def iter_findings(document: Any, codes: Collection[str]) -> Iterator[Finding]:
    """Yield a ``crosslist.same-source`` finding for each item whose code the 权责清单 lacks
    (or, for "四办" and 许可 items, whose name is not the 权责清单's).

    ``banzhang.validation.iter_findings(document, power_codes=codes)`` runs the same check in
    its one pass, where each format adds the cell or line to the finding.
    """
    envelope = envelope_of(document)
    region, kind = envelope.get("region"), envelope.get("kind")
    if isinstance(kind, str) and kind in KINDS and not kinds.get(kind).is_list:
        found = item_finding(envelope, "$", region, codes, kind=kind)  # a guide is the item
        yield from [found] if found is not None else []
        return
    for index, item in enumerate(items_of(document)):
        found = item_finding(item, f"$.items[{index}]", region, codes, kind=kind)
        if found is not None:
            yield found


def item_finding(
    item: Any, path: str, region: Any, codes: Collection[str], *, kind: Any = None
) -> Finding | None:
    """The ``crosslist.same-source`` finding of one item at ``path``, or None when it is fine.

    ``codes`` may be the codes alone, or :func:`power_codes`' codes with their names; given
    names and a ``kind`` whose items are the 权责清单's own, the names are compared too.
    """
    if kind is not None and kind in KINDS and reference_role(kind) == kinds.INTERMEDIARY:
        return _fee_finding(item, path, region, codes)
    code = item.get("basic_code") if isinstance(item, dict) else None
    if not isinstance(code, str):
        return None
    if code not in codes:
        message = f"基本编码 {code} 不在本地区（{region}）的权责清单中（同源）"
        return finding("crosslist.same-source", f"{path}.basic_code", message, code)
    expected = codes.get(code) if isinstance(codes, dict) else None
    name = item.get("name")
    if not expected or not isinstance(name, str) or kind not in _SAME_ITEM:
        return None
    return _name_finding(name, expected, code, path)


def _name_finding(name: str, expected: str, code: str, path: str) -> Finding | None:
    """An item's name against the 权责清单's: the same, a 格式差异 (a notice), or another name."""
    if name == expected:
        return None
    if normalise(name) == normalise(expected):
        message = (
            f"事项名称“{name}”与本地区权责清单中 {code} 的名称“{expected}”仅有格式差异"
            "（全角半角、空格、书名号或条款数字的写法），按同源处理"
        )
        return finding("crosslist.same-source", f"{path}.name", message, name, severity=INFO)
    message = f"事项名称“{name}”与本地区权责清单中 {code} 的名称“{expected}”不一致（同源）"
    return finding("crosslist.same-source", f"{path}.name", message, name)


def _fee_finding(item: Any, path: str, region: Any, names: Collection[str]) -> Finding | None:
    """A 中介服务收费 item names a 中介服务事项 of the region (by its own name when it has none)."""
    if not isinstance(item, dict) or item.get("category") != _INTERMEDIARY_FEE:
        return None
    key = "intermediary_service" if item.get("intermediary_service") else "name"
    named = item.get(key)
    if not isinstance(named, str) or normalise(named) in names:
        return None
    message = (
        f"中介服务收费对应的中介服务事项“{named}”不在本地区（{region}）的中介服务事项清单中（同源）"
    )
    return finding("crosslist.same-source", f"{path}.{key}", message, named)


#: The kinds whose items are the 权责清单's items themselves: their names must agree.
_SAME_ITEM = frozenset(kind.id for kind in kinds.with_role(kinds.SAME_ITEM))


def _objects(entries: Iterable[Any]) -> Iterator[dict[str, Any]]:
    return (entry for entry in entries if isinstance(entry, dict))
