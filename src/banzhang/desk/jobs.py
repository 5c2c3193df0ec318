"""What the worker does with a submission: check it (the findings page is ready as soon as
the findings are in), then store its items, content once, in batches with visible progress.

Both steps read the file as ``banzhang validate`` does, item by item where the format allows,
so a large file takes the command line's memory. Each step is skipped when done already:
a job interrupted by a stop runs again from the start of the step it was in.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import attrs
from django.db import close_old_connections, transaction
from django.utils import timezone

from banzhang import kinds
from banzhang.desk import files, history
from banzhang.desk.models import STATED, Check, ItemContent, ListedItem
from banzhang.errors import UnreadableInput
from banzhang.formats import ReadOptions, for_path
from banzhang.validation import Against, Finding

__all__ = ["digest_of", "receive"]

_log = logging.getLogger(__name__)

_BATCH = 2000


def receive(submission_id: int) -> None:
    """Check the submission, then store its items (each step once)."""
    close_old_connections()
    try:
        check = Check.objects.select_related("submission__file").get(submission_id=submission_id)
        if not check.finished_checking:
            _check(check)
        if check.state == Check.DONE and not check.items_stored:
            _store_items(check)
    except Exception as err:
        # Not the file's fault (the readers turn every fault of a file into UnreadableInput):
        # say so on the page instead of leaving it "校验中" for ever; the log has the details.
        _log.exception("报送 %s 的后台处理出错", submission_id)
        Check.objects.filter(submission_id=submission_id).update(
            progress=f"后台处理出错，请联系管理员：{type(err).__name__}"
        )
        raise
    finally:
        close_old_connections()


def _check(check: Check) -> None:
    Check.objects.filter(pk=check.pk).update(state=Check.RUNNING, progress="正在校验")
    path = files.path_of(check.submission.file)
    # A code the department's accepted versions cancelled may not come back (the register
    # derives from the history).
    retired = {entry.code for entry in history.retired_register([check.submission.department])}
    # The department's region and level are the desk's to say (its account), whatever the
    # file says or leaves out: a workbook without 清单信息 is not told to supply them.
    submission = check.submission
    given = {"region": submission.region, "level": submission.level, **submission.stated}
    options = ReadOptions(envelope=given)
    try:
        module = for_path(path)
        found = module.iter_findings(
            path, options=options, against=Against(retired=retired or None)
        )
        findings = [_for_the_desk(finding).to_dict() for finding in _reporting(check, found)]
        opened = module.iter_load_data(path, options=options)
    except UnreadableInput as err:
        check.state, check.message = Check.UNREADABLE, str(err)
    else:
        check.state, check.findings = Check.DONE, findings
        check.kind, check.envelope = opened.kind, _envelope(opened.envelope)
        check.version = str(check.envelope.get("version") or "")
        check.errors = sum(1 for data in findings if data["severity"] == "error")
        check.warnings = sum(1 for data in findings if data["severity"] == "warning")
    check.progress, check.finished = "", timezone.now()
    check.save()


_ITEM = re.compile(r"^\$\.items\[([0-9]+)\]")
#: How often the page's progress line is brought up to date, in seconds.
_PROGRESS_EVERY = 1.0


def _reporting(check: Check, findings: Iterable[Finding]) -> Iterator[Finding]:
    """Pass the findings on, telling the page now and then which item the check has reached
    (findings come item by item, so the latest one's item is how far it got)."""
    reached, told = -1, time.monotonic()
    for finding in findings:
        found = _ITEM.match(finding.path)
        reached = max(reached, int(found[1])) if found else reached
        if reached >= 0 and time.monotonic() - told >= _PROGRESS_EVERY:
            progress = f"正在校验：已到第 {reached + 1} 项"
            Check.objects.filter(pk=check.pk).update(progress=progress)
            told = time.monotonic()
        yield finding


#: The library's advice for an element a workbook leaves out names the command line's option:
#: at the desk the department states it with the file instead.
_ADVICE = re.compile(r"；文件未写明，可用 --[a-z-]+ 指定（库：ReadOptions\(envelope=…\)）$")


def _for_the_desk(finding: Finding) -> Finding:
    """The finding as the desk's people act on it: an element a department may state with
    its file says so, not which command-line option supplies it."""
    stated = STATED.get(finding.path.removeprefix("$."))
    if stated is None or not _ADVICE.search(finding.message):
        return finding
    advice = f"；文件中未写明，可在报送时填写“{stated}”"
    return attrs.evolve(finding, message=_ADVICE.sub(advice, finding.message))


def _envelope(envelope: dict[str, Any]) -> dict[str, Any]:
    """The list's own elements as JSON (a document that is not a list is kept whole)."""
    found: dict[str, Any] = json.loads(json.dumps(envelope, ensure_ascii=False, default=str))
    return found


def _store_items(check: Check) -> None:
    if not kinds.get(check.kind).is_list:
        Check.objects.filter(pk=check.pk).update(items_stored=True)
        return
    submission = check.submission
    path = files.path_of(submission.file)
    stream = for_path(path).iter_load_data(path)
    ListedItem.objects.filter(submission=submission).delete()  # a step cut short by a stop
    stored = 0
    for batch in _batches(enumerate(stream.items)):
        with transaction.atomic():
            contents = _contents([item for _, item in batch])
            ListedItem.objects.bulk_create(
                ListedItem(submission=submission, position=position, content_id=content)
                for (position, _), content in zip(batch, contents, strict=True)
            )
        stored += len(batch)
        Check.objects.filter(pk=check.pk).update(progress=f"事项入库：已存 {stored} 项")
    Check.objects.filter(pk=check.pk).update(items_stored=True, progress="")


def _batches(entries: Iterable[tuple[int, Any]]) -> Iterator[list[tuple[int, Any]]]:
    iterator = iter(entries)
    while batch := list(islice(iterator, _BATCH)):
        yield batch


def digest_of(item: Any) -> str:
    """The item's content as a key: the same content, however many versions list it, once."""
    text = json.dumps(item, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _contents(items: list[Any]) -> list[int]:
    """The stored content of each item (stored now when new), as ids in the items' order."""
    digests = [digest_of(item) for item in items]
    known = dict(ItemContent.objects.filter(digest__in=set(digests)).values_list("digest", "id"))
    fresh = {d: item for d, item in zip(digests, items, strict=True) if d not in known}
    ItemContent.objects.bulk_create(
        (_content(digest, item) for digest, item in fresh.items()), ignore_conflicts=True
    )
    if fresh:
        known.update(ItemContent.objects.filter(digest__in=fresh).values_list("digest", "id"))
    return [known[digest] for digest in digests]


def _content(digest: str, item: Any) -> ItemContent:
    data = json.loads(json.dumps(item, ensure_ascii=False, default=str))
    fields = data if isinstance(data, dict) else {}
    code, name = fields.get("basic_code"), fields.get("name")
    return ItemContent(
        digest=digest,
        basic_code=code[:64] if isinstance(code, str) else "",
        name=name if isinstance(name, str) else "",
        data=data,
    )
