"""Receiving a file: stored once, recorded as a submission with its department's region and
level, and queued for its check."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction

from banzhang.desk import files, queue
from banzhang.desk.models import STATED, Check, Department, Submission
from banzhang.validation import is_date

__all__ = ["receive", "stated_of"]


def receive(
    department: Department,
    user: Any,
    name: str,
    chunks: Iterable[bytes],
    stated: dict[str, str] | None = None,
) -> Submission:
    """Keep the file ``name`` handed in for ``department`` and queue its check; ``stated``: the
    envelope elements the department gave with it (``version``, ``effective_date``).

    Raises:
        files.Refused: the file's type or size is not taken (nothing is kept).
    """
    stored = files.store(name, chunks)
    with transaction.atomic():
        submission = Submission.objects.create(
            department=department,
            submitted_by=user,
            region=department.region,
            level=department.level,
            file=stored,
            original_name=name[:255],
            stated=dict(stated or {}),
        )
        Check.objects.create(submission=submission)
    queue.current().receive(submission.pk)
    return submission


def stated_of(form: Mapping[str, Any]) -> tuple[dict[str, str], str]:
    """The 版本 and 生效日期 stated in the hand-in form (blank ones left out), and what is
    wrong with them (``""`` when nothing)."""
    stated = {name: str(form.get(name) or "").strip() for name in STATED}
    stated = {name: value[:100] for name, value in stated.items() if value}
    date = stated.get("effective_date")
    if date is not None and not is_date(date):
        return {}, f"“生效日期”应写成 2024-05-01 这样的日期，收到的是“{date}”"
    return stated, ""
