"""Receiving a file: stored once, recorded as a submission with its department's region and
level, and queued for its check."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from banzhang.desk import files, queue
from banzhang.desk.models import Check, Department, Submission

__all__ = ["receive"]


def receive(department: Department, user: Any, name: str, chunks: Iterable[bytes]) -> Submission:
    """Keep the file ``name`` handed in for ``department`` and queue its check.

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
        )
        Check.objects.create(submission=submission)
    queue.current().receive(submission.pk)
    return submission
