"""同源 [S 003]: intermediary, "四办", supervision and licensing items reference a 基本编码 that
the same region's 权责清单 holds (an item's code or a 子项's).

>>> from banzhang import examples
>>> codes = power_codes(examples.load_data("power-list"))
>>> list(iter_findings(examples.load_data("service-mode-list"), codes))
[]
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any

from banzhang import kinds
from banzhang.documents import envelope_of, items_of
from banzhang.validation._structure import finding
from banzhang.validation.findings import Finding

__all__ = ["KINDS", "item_finding", "iter_findings", "power_codes"]

#: The kinds whose items must reference the 权责清单 of their region (the kinds' declared role).
KINDS = frozenset(kind.id for kind in kinds.with_role(kinds.SAME_SOURCE))


def power_codes(power_list: Any) -> set[str]:
    """Return every 基本编码 of a 权责清单 (items and 子项), from data or an item stream."""
    codes: set[str] = set()
    for item in _objects(items_of(power_list)):
        codes.update(code for code in [item.get("basic_code")] if isinstance(code, str))
        for sub in _objects(item.get("sub_items", [])):
            codes.update(code for code in [sub.get("basic_code")] if isinstance(code, str))
    return codes


def iter_findings(document: Any, codes: Collection[str]) -> Iterator[Finding]:
    """Yield a ``crosslist.same-source`` finding for each item whose code the 权责清单 lacks.

    ``banzhang.validation.iter_findings(document, power_codes=codes)`` runs the same check in
    its one pass, where each format adds the cell or line to the finding.
    """
    region = envelope_of(document).get("region")
    for index, item in enumerate(items_of(document)):
        found = item_finding(item, f"$.items[{index}]", region, codes)
        if found is not None:
            yield found


def item_finding(item: Any, path: str, region: Any, codes: Collection[str]) -> Finding | None:
    """The ``crosslist.same-source`` finding of one item at ``path``, or None when it is fine."""
    code = item.get("basic_code") if isinstance(item, dict) else None
    if not isinstance(code, str) or code in codes:
        return None
    message = f"基本编码 {code} 不在本地区（{region}）的权责清单中（同源）"
    return finding("crosslist.same-source", f"{path}.basic_code", message, code)


def _objects(entries: Iterable[Any]) -> Iterator[dict[str, Any]]:
    return (entry for entry in entries if isinstance(entry, dict))
