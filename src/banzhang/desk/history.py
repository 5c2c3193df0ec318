"""What derives from the store of every version: a submission's state, a list as it was
handed in, the versions of a department's list, 动态调整 between two of them (the library's
``diff``), a code's history and the register of retired codes."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import Any

import attrs
from django.db.models import QuerySet

from banzhang.crosslist import adjust
from banzhang.desk.models import Check, Department, ListedItem, Review, Submission

__all__ = [
    "ACCEPTED",
    "PENDING",
    "RETURNED",
    "Retired",
    "accepted_versions",
    "code_history",
    "diff",
    "items_at",
    "list_data",
    "retired_register",
    "state_of",
    "versions_of",
]

PENDING, RETURNED, ACCEPTED = "待审", "退回", "通过"


def state_of(submission: Submission) -> str:
    """待审, 退回 or 通过 (the latest decision); 排队中, 校验中 or 无法读取 before that."""
    check: Check = submission.checking
    if check.state == Check.UNREADABLE:
        return "无法读取"
    if not check.finished_checking:
        return check.get_state_display()
    latest = latest_review(submission)
    if latest is None:
        return PENDING
    return ACCEPTED if latest.decision == Review.ACCEPTED else RETURNED


def latest_review(submission: Submission) -> Review | None:
    """The decision that counts (reviews are ordered newest first)."""
    reviews = list(submission.reviews.all()[:1])
    return reviews[0] if reviews else None


def versions_of(submission: Submission) -> QuerySet[Submission]:
    """Every checked submission of the same department and kind, oldest first."""
    return Submission.objects.filter(
        department=submission.department,
        checking__kind=submission.checking.kind,
        checking__state=Check.DONE,
    ).order_by("received", "id")


def accepted_versions(department: Department, kind: str) -> list[Submission]:
    """The department's accepted versions of a kind of list, oldest first."""
    found = Submission.objects.filter(
        department=department, checking__kind=kind, checking__state=Check.DONE
    ).order_by("received", "id")
    return [s for s in found.prefetch_related("reviews") if state_of(s) == ACCEPTED]


def list_data(submission: Submission) -> dict[str, Any]:
    """The list as handed in, JSON-shaped: its elements and its stored items in order."""
    items = (
        ListedItem.objects.filter(submission=submission)
        .order_by("position")
        .values_list("content__data", flat=True)
    )
    return {**submission.checking.envelope, "items": list(items)}


def items_at(submission: Submission, positions: Iterable[int]) -> dict[int, str]:
    """The stored items at ``positions`` as a reviewer names them: ``code name``."""
    rows = ListedItem.objects.filter(submission=submission, position__in=set(positions))
    named = rows.values_list("position", "content__basic_code", "content__name")
    return {position: f"{code} {name}".strip() for position, code, name in named}


def diff(old: Submission, new: Submission) -> adjust.Diff:
    """动态调整 from ``old`` to ``new``, as ``banzhang diff`` reports it."""
    return adjust.diff(list_data(old), list_data(new))


def code_history(code: str, departments: QuerySet[Department]) -> list[dict[str, Any]]:
    """Every version that listed ``code`` (within ``departments``), oldest first, with whether
    its content changed from the version before."""
    rows = (
        ListedItem.objects.filter(content__basic_code=code, submission__department__in=departments)
        .select_related("submission__department", "submission__checking", "content")
        .order_by("submission__received", "submission__id")
    )
    history: list[dict[str, Any]] = []
    before: dict[int, int] = {}
    for row in rows:
        department = row.submission.department_id
        history.append(
            {
                "submission": row.submission,
                "name": row.content.name,
                "changed": before.get(department) not in (None, row.content_id),
                "first": department not in before,
            }
        )
        before[department] = row.content_id
    return history


@attrs.frozen
class Retired:
    """A code no longer in a department's latest accepted list, though an earlier one had it.

    Attributes:
        code: the 基本编码.
        name: the item's name in the last version that listed it.
        department: whose list it was in.
        kind: the kind of list.
        last: the last accepted version that listed it.
        gone_in: the accepted version that no longer did.
    """

    code: str
    name: str
    department: Department
    kind: str
    last: Submission
    gone_in: Submission


def retired_register(departments: Iterable[Department]) -> list[Retired]:
    """The retired codes of ``departments``, derived from their accepted versions."""
    register: list[Retired] = []
    for department in departments:
        kinds_handed_in = (
            Submission.objects.filter(department=department, checking__state=Check.DONE)
            .values_list("checking__kind", flat=True)
            .distinct()
        )
        for kind in sorted(set(kinds_handed_in)):
            register.extend(_retired_of(department, kind))
    return sorted(register, key=lambda entry: (entry.department.name, entry.code))


def _retired_of(department: Department, kind: str) -> list[Retired]:
    versions = accepted_versions(department, kind)
    if len(versions) < 2:
        return []
    latest = _codes(versions[-1])
    found: dict[str, Retired] = {}
    for earlier, later in pairwise(versions):
        later_codes = _codes(later)
        for code, name in _codes(earlier).items():
            if code not in later_codes and code not in latest and code not in found:
                found[code] = Retired(code, name, department, kind, earlier, later)
    return list(found.values())


def _codes(submission: Submission) -> dict[str, str]:
    rows = ListedItem.objects.filter(submission=submission).exclude(content__basic_code="")
    return dict(rows.values_list("content__basic_code", "content__name"))
