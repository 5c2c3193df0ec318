"""What a submission gives back: the department's own workbook marked (``validate --annotate``),
the findings as a workbook, and the list converted to JSON or XML (``convert``)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any

from django.http import FileResponse

from banzhang import kinds
from banzhang.convert import from_data
from banzhang.desk import files
from banzhang.desk.models import Submission
from banzhang.desk.presenting import by_rule
from banzhang.errors import InvalidDocument
from banzhang.formats import by_name, excel, for_path, models_of
from banzhang.formats.excel.reports import Section, write_workbook
from banzhang.validation import Finding, rule

__all__ = ["MARKED_FORMATS", "converted", "findings_workbook", "marked"]

#: The files handed back marked: workbooks and .csv, as the command line's ``--annotate``.
MARKED_FORMATS = (".xlsx", ".xls", ".ods", ".csv")


def _respond(name: str, write: Callable[[Path], object]) -> FileResponse:
    """Write the download into a fresh folder and stream it (the folder goes at once; the open
    handle keeps the bytes until the response is sent)."""
    folder = Path(tempfile.mkdtemp(prefix="banzhang-desk-"))
    try:
        target = folder / f"download{PurePath(name).suffix}"
        write(target)
        handle = target.open("rb")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return FileResponse(handle, as_attachment=True, filename=name)


def _stem(submission: Submission) -> str:
    return PurePath(submission.original_name).stem or "清单"


def marked(submission: Submission) -> FileResponse:
    """The department's workbook with every finding's cell marked and a 问题清单 sheet."""
    findings = [Finding.from_dict(data) for data in submission.checking.findings]
    source = files.path_of(submission.file)
    return _respond(
        f"{_stem(submission)}（已标注问题）.xlsx",
        lambda target: excel.annotate(source, findings, target),
    )


def findings_workbook(submission: Submission) -> FileResponse:
    """The findings as a workbook: one row a finding, and a sheet of counts by rule."""
    found = submission.checking.findings
    summary = Section(
        "按规则汇总",
        ["级别", "规则", "规则名称", "处数"],
        [(g["severity_title"], g["rule"], g["rule_title"], g["count"]) for g in by_rule(found)],
        widths=(8, 28, 30, 8),
    )
    rows = (
        (
            Finding.from_dict(data).severity_title,
            data["rule"],
            rule(data["rule"]).title,
            data.get("source") or "",
            data["path"],
            data["message"],
        )
        for data in found
    )
    listed = Section(
        "问题",
        ["级别", "规则", "规则名称", "单元格或行", "位置", "说明"],
        rows,
        widths=(8, 28, 30, 16, 36, 70),
    )
    name = f"{_stem(submission)}（问题清单）.xlsx"
    return _respond(name, lambda target: write_workbook(target, [summary, listed]))


def converted(submission: Submission, extension: str) -> FileResponse:
    """The document converted to ``.json`` or ``.xml``, as ``banzhang convert`` writes it.

    Raises:
        InvalidDocument: the data has the wrong shape for XML (JSON keeps it as read).
    """
    source = files.path_of(submission.file)
    writer = by_name(extension)

    def write(target: Path) -> None:
        stream = for_path(source).iter_load_data(source)
        try:
            _write(writer, stream, target)
        except InvalidDocument:
            if writer.NAME != "json":
                raise
            again = for_path(source).iter_load_data(source)  # JSON keeps the data as read
            if kinds.get(again.kind).is_list:
                writer.iter_dump(again.kind, again.envelope, again.items, target)
            else:
                writer.dump(again.envelope, target)

    return _respond(f"{_stem(submission)}{extension}", write)


def _write(writer: Any, stream: Any, target: Path) -> None:
    if kinds.get(stream.kind).is_list:
        envelope = from_data({"items": [], **stream.envelope})
        writer.iter_dump(stream.kind, envelope, models_of(stream).items, target)
    else:
        writer.dump(from_data(stream.envelope, stream.kind), target)
