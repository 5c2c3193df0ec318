"""The verbs of a format read through the table reader (.csv, .xls, .ods).

Such a format has one job of its own — its file as a workbook of sheets
(:mod:`banzhang.formats.sheets`: the rows of a .csv; calamine's workbook for an .xls or .ods)
— and reads like a department's workbook from there (:mod:`banzhang.formats.tables`): the same
lenient reading, the same findings at the same cells. It writes nothing: banzhang writes
workbooks as .xlsx.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any

from banzhang.documents import ItemStream, Source, Target
from banzhang.errors import UnwritableOutput
from banzhang.formats import tables
from banzhang.formats._options import ReadOptions, given_envelope, merged_envelope
from banzhang.formats.sheets import Workbook
from banzhang.validation.against import Against, resolved
from banzhang.validation.findings import Finding

__all__ = ["ConvertedFormat"]


class ConvertedFormat:
    """Read verbs over ``as_workbook``; write verbs that refuse, naming ``formats`` (".csv")."""

    def __init__(
        self, as_workbook: Callable[[Any], Workbook], formats: str, *, instead: str = ".xlsx"
    ) -> None:
        self.as_workbook = as_workbook
        self.formats = formats
        self.instead = instead

    def refusal(self, target: Any) -> UnwritableOutput:
        """The error for a write: which formats are read only, and what to write instead."""
        where = os.fspath(target) if isinstance(target, str | os.PathLike) else "<target>"
        message = f"banzhang 只读取 {self.formats}，不写出（{where}）；请写成 {self.instead}"
        return UnwritableOutput(message, target=where)

    def load(
        self, source: Source, *, kind: str | None = None, options: ReadOptions | None = None
    ) -> Any:
        """Read a list or document as a model (see :func:`banzhang.formats.excel.load`)."""
        book = self.as_workbook(source)
        return tables.book_model(book, kind=kind, envelope=given_envelope(options))

    def load_data(
        self,
        source: Source,
        *,
        kind: str | None = None,
        options: ReadOptions | None = None,
        envelope: dict[str, Any] | None = None,
    ) -> Any:
        """Read as JSON-shaped data, without judging it."""
        book = self.as_workbook(source)
        return tables.book_data(book, kind=kind, envelope=merged_envelope(options, envelope))

    def iter_load(
        self, source: Source, *, kind: str | None = None, options: ReadOptions | None = None
    ) -> ItemStream:
        """Read a list item by item, each item a model."""
        book = self.as_workbook(source)
        return tables.book_models(book, kind=kind, envelope=given_envelope(options))

    def iter_load_data(
        self,
        source: Source,
        *,
        kind: str | None = None,
        options: ReadOptions | None = None,
        envelope: dict[str, Any] | None = None,
    ) -> ItemStream:
        """Read a list item by item as JSON-shaped data."""
        book = self.as_workbook(source)
        return tables.book_items(book, kind=kind, envelope=merged_envelope(options, envelope))

    def iter_findings(
        self,
        source: Source,
        *,
        kind: str | None = None,
        options: ReadOptions | None = None,
        against: Against | None = None,
        power_codes: Collection[str] | None = None,
        envelope: dict[str, Any] | None = None,
        retired: Collection[str] | None = None,
    ) -> Iterator[Finding]:
        """Read and validate; findings name their cell (``Sheet1!C7``)."""
        power_codes, retired = resolved(against, power_codes, retired)
        workbook = self.as_workbook(source)
        yield from tables.book_findings(
            workbook,
            kind=kind,
            power_codes=power_codes,
            envelope=merged_envelope(options, envelope),
            retired=retired,
        )

    def dump(self, document: Any, target: Target) -> None:
        """Refuse: this format is read only."""
        raise self.refusal(target)

    def iter_dump(self, kind: str, envelope: Any, items: Iterable[Any], target: Target) -> None:
        """Refuse, as :meth:`dump` does."""
        raise self.refusal(target)
