"""The reading verbs over any back-end's workbook: data, models, items, findings.

Each format that reads tables (.xlsx, .xls, .ods, .csv, the tables of a .docx) opens its file
as a :class:`~banzhang.formats.sheets.Workbook` and hands it here; the verbs are the same for
all of them, and so are the findings, each with the cell it names.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

import attrs

from banzhang import kinds, validation
from banzhang._collector import collector_paused
from banzhang.convert import from_data, models_of
from banzhang.documents import ItemStream
from banzhang.formats.sheets import Workbook
from banzhang.formats.tables._reader import ReadItem, WorkbookStream, read_book
from banzhang.formats.tables._sources import (
    Headers,
    RowSource,
    in_its_column,
    locate,
    with_header,
)
from banzhang.validation.findings import Finding

__all__ = ["book_data", "book_findings", "book_items", "book_model", "book_models"]


def book_items(
    book: Workbook, *, kind: str | None = None, envelope: dict[str, Any] | None = None
) -> ItemStream:
    """A list item by item, each item as JSON-shaped data (``envelope``: elements the caller
    supplies, over what the workbook says)."""
    stream = read_book(book, kind=kind, envelope=envelope)
    return ItemStream(stream.kind, stream.envelope, (item.data for item in stream.items))


def book_data(
    book: Workbook, *, kind: str | None = None, envelope: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A whole workbook as JSON-shaped data, without judging it."""
    with collector_paused():  # none of what is built is garbage (see banzhang._collector)
        stream = read_book(book, kind=kind, envelope=envelope)
        if stream.kind and _is_list(stream):
            return {**stream.envelope, "items": [item.data for item in stream.items]}
        return stream.envelope


def book_model(
    book: Workbook, *, kind: str | None = None, envelope: dict[str, Any] | None = None
) -> Any:
    """A workbook as a model.

    Raises:
        UnreadableInput: no kind or header found, a sheet that cannot be read.
        InvalidDocument: read, but not of the kind's shape.
    """
    with collector_paused():
        return from_data(book_data(book, kind=kind, envelope=envelope), kind)


def book_models(
    book: Workbook, *, kind: str | None = None, envelope: dict[str, Any] | None = None
) -> ItemStream:
    """A list item by item, each item as a model."""
    return models_of(book_items(book, kind=kind, envelope=envelope))


def book_findings(
    book: Workbook,
    *,
    kind: str | None = None,
    power_codes: Collection[str] | None = None,
    envelope: dict[str, Any] | None = None,
    retired: Collection[str] | None = None,
) -> Iterator[Finding]:
    """What reading and validating a workbook finds, each finding with its cell.

    Streams: one item is held at a time, with the rows it came from. ``power_codes`` (the
    region's 权责清单 codes) adds the 同源 check, as in validation; ``envelope`` supplies
    envelope elements over what the workbook says; ``retired``: codes cancelled before.
    """
    stream = read_book(book, kind=kind, envelope=envelope)
    current: list[ReadItem] = []
    # The reader adds sheet findings (extra columns, formulas) to stream.findings as it goes;
    # item findings come with each item. Both are passed on before what validation says next.
    pending: list[Finding] = stream.findings

    def items() -> Iterator[dict[str, Any]]:
        for item in stream.items:
            current[:] = [item]
            pending.extend(item.findings)
            yield item.data

    document = (
        ItemStream(stream.kind, stream.envelope, items()) if _is_list(stream) else stream.envelope
    )
    checked = validation.iter_findings(
        document, kind=stream.kind, power_codes=power_codes, retired=retired
    )
    for finding in checked:
        yield from _drain(pending, stream.headers)
        sources = (
            current[0].sources
            if current and finding.path.startswith("$.items[")
            else stream.sources
        )
        found = finding if finding.source else _sourced(finding, sources, stream.headers)
        yield _with_option(found) if not stream.exact else found
    yield from _drain(pending, stream.headers)


#: The envelope elements a caller can supply for a department's workbook, by their option.
_OPTIONS = {
    "$.region": "--region",
    "$.level": "--level",
    "$.department": "--department",
    "$.version": "--version",
    "$.effective_date": "--effective-date",
}


def _with_option(finding: Finding) -> Finding:
    """A missing envelope element of a department's workbook says how to supply it."""
    option = _OPTIONS.get(finding.path) if finding.rule == "structure.required" else None
    if option is None:
        return finding
    message = f"{finding.message}；文件未写明，可用 {option} 指定（库：ReadOptions(envelope=…)）"
    return attrs.evolve(finding, message=message)


def _is_list(stream: WorkbookStream) -> bool:
    return kinds.get(stream.kind).is_list


def _drain(pending: list[Finding], headers: Headers) -> list[Finding]:
    """The reader's findings so far (their cells set), each with the header above its cell."""
    drained = [with_header(found, headers) for found in pending]
    pending.clear()
    return drained


def _sourced(finding: Finding, sources: list[RowSource], headers: Headers) -> Finding:
    """``finding`` with its cell, and the header above it when the cell is the element's own
    (not the first cell of the row of an element left out)."""
    found = attrs.evolve(finding, source=locate(finding.path, sources))
    return with_header(found, headers) if in_its_column(finding.path, sources) else found
