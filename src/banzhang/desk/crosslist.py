"""The cross-list reports over the latest accepted version of every list the person may see:
三级五同 (``levels``), 横向可比 (``compare``), 同源 and 三办率 (``stats``) — the library's
reports, as the command line runs them over files."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from banzhang import codelists, kinds
from banzhang.crosslist import compare, levels, stats
from banzhang.desk import history
from banzhang.desk.models import Check, Department, Submission
from banzhang.desk.presenting import kind_title
from banzhang.validation import same_source

__all__ = ["Accepted", "latest_accepted", "reports", "value_text"]


@attrs.frozen
class Accepted:
    """A department's latest accepted version of one kind of list, read back from the store.

    Attributes:
        submission: the accepted submission.
        label: how the reports name it (department, kind, version).
        data: the list as handed in, JSON-shaped.
    """

    submission: Submission
    label: str
    data: dict[str, Any]


def latest_accepted(departments: Iterable[Department]) -> list[Accepted]:
    """Each department's latest accepted version of each kind of list."""
    found: list[Accepted] = []
    for department in departments:
        handed_in = Submission.objects.filter(department=department, checking__state=Check.DONE)
        for kind in sorted(set(handed_in.values_list("checking__kind", flat=True))):
            if not kinds.get(kind).is_list:
                continue
            versions = history.accepted_versions(department, kind)
            if versions:
                latest = versions[-1]
                label = f"{department.name}{kind_title(kind)}（{latest.checking.version}）"
                found.append(Accepted(latest, label, history.list_data(latest)))
    return found


def _same_source(accepted: list[Accepted]) -> list[dict[str, Any]]:
    """Each list whose items must come from another list, checked against the region's one."""
    references: dict[tuple[str, str], Accepted] = {}
    for entry in accepted:
        for role in (kinds.REFERENCE, kinds.INTERMEDIARY):
            if kinds.get(entry.submission.checking.kind).has(role):
                references.setdefault((role, entry.submission.region), entry)
    checked = []
    for entry in accepted:
        kind = entry.submission.checking.kind
        if kind not in same_source.KINDS:
            continue
        role = same_source.reference_role(kind)
        reference = references.get((role, entry.submission.region))
        keys = same_source.reference_keys(reference.data, role) if reference else None
        found = list(same_source.iter_findings(entry.data, keys)) if keys is not None else []
        checked.append({"list": entry, "reference": reference, "findings": found})
    return checked


def reports(accepted: list[Accepted]) -> dict[str, Any]:
    """The four reports over ``accepted``."""
    power = [(a.label, a.data) for a in accepted if kinds.get(a.data["kind"]).has(kinds.REFERENCE)]
    return {
        "levels": levels.check(power),
        "compare": compare.compare(a.data for a in accepted),
        "same_source": _same_source(accepted),
        "stats": stats.collect(a.data for a in accepted),
    }


def value_text(value: Any) -> str:
    """A compared value as a reviewer reads it: 依据 by title and article, types by name."""
    if isinstance(value, list):
        return "；".join(map(value_text, value)) or "（无）"
    if isinstance(value, dict) and "title" in value:
        return f"{value['title']}{value.get('article') or ''}"
    if isinstance(value, str) and value in codelists.get("power_type"):
        return codelists.get("power_type").label(value)
    return "（无）" if value is None else str(value)
