"""The verbs of a format read through the Excel reader (.csv, .xls, .ods).

Such a format has one job of its own — its file as a workbook the Excel reader takes (an
in-memory .xlsx for a .csv; calamine's workbook for an .xls or .ods) — and reads like a
department's workbook from there: the same lenient reading, the same findings at the same
cells. It writes nothing: banzhang writes workbooks as .xlsx.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any

from banzhang.documents import ItemStream, Source, Target
from banzhang.errors import UnwritableOutput
from banzhang.formats import excel
from banzhang.validation.findings import Finding

__all__ = ["ConvertedFormat"]


class ConvertedFormat:
    """Read verbs over ``as_workbook``; write verbs that refuse, naming ``formats`` (".csv")."""

    def __init__(
        self, as_workbook: Callable[[Any], Any], formats: str, *, instead: str = ".xlsx"
    ) -> None:
        self.as_workbook = as_workbook
        self.formats = formats
        self.instead = instead

    def refusal(self, target: Any) -> UnwritableOutput:
        """The error for a write: which formats are read only, and what to write instead."""
        where = os.fspath(target) if isinstance(target, str | os.PathLike) else "<target>"
        message = f"banzhang 只读取 {self.formats}，不写出（{where}）；请写成 {self.instead}"
        return UnwritableOutput(message, target=where)

    def load(self, source: Source, *, kind: str | None = None) -> Any:
        """Read a list or document as a model (see :func:`banzhang.formats.excel.load`)."""
        return excel.load(self.as_workbook(source), kind=kind)

    def load_data(self, source: Source, *, envelope: dict[str, Any] | None = None) -> Any:
        """Read as JSON-shaped data, without judging it."""
        return excel.load_data(self.as_workbook(source), envelope=envelope)

    def iter_load(self, source: Source, *, kind: str | None = None) -> ItemStream:
        """Read a list item by item, each item a model."""
        return excel.iter_load(self.as_workbook(source), kind=kind)

    def iter_load_data(
        self, source: Source, *, kind: str | None = None, envelope: dict[str, Any] | None = None
    ) -> ItemStream:
        """Read a list item by item as JSON-shaped data."""
        workbook = self.as_workbook(source)
        return excel.iter_load_data(workbook, kind=kind, envelope=envelope)

    def iter_findings(
        self,
        source: Source,
        *,
        kind: str | None = None,
        power_codes: Collection[str] | None = None,
        envelope: dict[str, Any] | None = None,
        retired: Collection[str] | None = None,
    ) -> Iterator[Finding]:
        """Read and validate; findings name their cell (``Sheet1!C7``)."""
        workbook = self.as_workbook(source)
        return excel.iter_findings(
            workbook, kind=kind, power_codes=power_codes, envelope=envelope, retired=retired
        )

    def dump(self, document: Any, target: Target) -> None:
        """Refuse: this format is read only."""
        raise self.refusal(target)

    def iter_dump(self, kind: str, envelope: Any, items: Iterable[Any], target: Target) -> None:
        """Refuse, as :meth:`dump` does."""
        raise self.refusal(target)
