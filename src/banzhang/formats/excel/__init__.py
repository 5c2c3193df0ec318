"""Excel workbooks (.xlsx): fill-in templates, a faithful streaming writer, a forgiving reader.

The same verbs as every format — ``load``, ``load_data``, ``dump``, ``iter_load``,
``iter_dump`` — plus ``template`` and ``iter_findings``, whose findings name their cell
(``权责清单!E17``) beside their ``$`` path. The layout is derived from the declarations; see
``docs/excel.md``.

>>> import io
>>> from banzhang import examples
>>> buffer = io.BytesIO()
>>> dump(examples.load("power-list"), buffer)
>>> _ = buffer.seek(0)
>>> load(buffer) == examples.load("power-list")
True
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from banzhang.documents import ItemStream
from banzhang.formats._options import ReadOptions, given_envelope, merged_envelope
from banzhang.formats.excel._annotate import annotate
from banzhang.formats.excel._writer import dump, iter_dump, template
from banzhang.formats.sheets import Limits, Workbook, open_xlsx
from banzhang.formats.tables import (
    ReadItem,
    RowSource,
    WorkbookStream,
    book_data,
    book_findings,
    book_items,
    book_model,
    book_models,
    locate,
    read_book,
)
from banzhang.validation.against import Against, resolved
from banzhang.validation.findings import Finding

__all__ = [
    "EXTENSIONS",
    "NAME",
    "Limits",
    "ReadItem",
    "RowSource",
    "WorkbookStream",
    "annotate",
    "dump",
    "iter_dump",
    "iter_findings",
    "iter_load",
    "iter_load_data",
    "load",
    "load_data",
    "locate",
    "open_workbook",
    "template",
]

NAME = "excel"
EXTENSIONS: tuple[str, ...] = (".xlsx",)


def open_workbook(
    source: Any,
    *,
    kind: str | None = None,
    limits: Limits | None = None,
    envelope: dict[str, Any] | None = None,
) -> WorkbookStream:
    """Open the .xlsx ``source`` (a path or binary file object) for reading, item by item.

    Raises:
        UnreadableInput: not a workbook, a zip bomb, no recognisable kind or header.
    """
    return read_book(open_xlsx(source, limits), kind=kind, envelope=envelope)


def iter_load_data(
    source: Any,
    *,
    kind: str | None = None,
    options: ReadOptions | None = None,
    limits: Limits | None = None,
    envelope: dict[str, Any] | None = None,
) -> ItemStream:
    """Read a list item by item, each item as JSON-shaped data (``options.envelope``, or
    ``envelope``: elements the caller supplies, over what the workbook says; ``options.limits``
    or ``limits``: how large a workbook may be read)."""
    book = open_xlsx(source, _limits(options, limits))
    return book_items(book, kind=kind, envelope=merged_envelope(options, envelope))


def load_data(
    source: Any,
    *,
    kind: str | None = None,
    options: ReadOptions | None = None,
    limits: Limits | None = None,
    envelope: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Read a whole workbook as JSON-shaped data, without judging it."""
    book = open_xlsx(source, _limits(options, limits))
    return book_data(book, kind=kind, envelope=merged_envelope(options, envelope))


def load(
    source: Any,
    *,
    kind: str | None = None,
    options: ReadOptions | None = None,
    limits: Limits | None = None,
) -> Any:
    """Read a workbook as a model.

    Raises:
        UnreadableInput: not a workbook, a zip bomb, no kind or header found.
        InvalidDocument: read, but not of the kind's shape.
    """
    book = open_xlsx(source, _limits(options, limits))
    return book_model(book, kind=kind, envelope=given_envelope(options))


def iter_load(
    source: Any,
    *,
    kind: str | None = None,
    options: ReadOptions | None = None,
    limits: Limits | None = None,
) -> ItemStream:
    """Read a list item by item, each item as a model."""
    book = open_xlsx(source, _limits(options, limits))
    return book_models(book, kind=kind, envelope=given_envelope(options))


def iter_findings(
    source: Any,
    *,
    kind: str | None = None,
    options: ReadOptions | None = None,
    against: Against | None = None,
    limits: Limits | None = None,
    power_codes: Collection[str] | None = None,
    envelope: dict[str, Any] | None = None,
    retired: Collection[str] | None = None,
) -> Iterator[Finding]:
    """Yield what reading and validating a workbook finds, each finding with its cell.

    Streams: one item is held at a time, with the rows it came from. ``against`` (or
    ``power_codes``, the region's 权责清单 codes, and ``retired``) adds the 同源 and
    retired-code checks, as in validation; ``options`` (or ``envelope`` and ``limits``) as for
    :func:`load_data`.
    """
    power_codes, retired = resolved(against, power_codes, retired)
    book: Workbook = open_xlsx(source, _limits(options, limits))  # at the first finding asked
    yield from book_findings(
        book,
        kind=kind,
        power_codes=power_codes,
        envelope=merged_envelope(options, envelope),
        retired=retired,
    )


def _limits(options: ReadOptions | None, limits: Limits | None) -> Limits | None:
    return limits or (options.limits if options is not None else None)
