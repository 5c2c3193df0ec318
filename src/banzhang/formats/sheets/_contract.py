"""What every back-end hands the table reader: a workbook of sheets of rows, typed.

A back-end knows its file (an .xlsx's package, calamine's parse, a .csv's text, a Word
document's tables); the reader above it (:mod:`banzhang.formats.tables`) knows only this
contract, and never which library parsed the file.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from typing import Literal, Protocol, TypeAlias

import attrs

from banzhang.validation.places import column_letter

__all__ = [
    "Cell",
    "FormulaRow",
    "Range",
    "Rows",
    "Sheet",
    "SheetState",
    "Workbook",
    "worksheet_words",
]

#: A cell's value: text (an error value is :class:`~banzhang.formats.sheets.CellError`, a
#: ``str`` of its own type), a number, a boolean, a date or time, or ``None`` for an empty cell.
Cell: TypeAlias = (
    str | int | float | bool | datetime.datetime | datetime.date | datetime.time
    | datetime.timedelta | None
)  # fmt: skip
#: A merged range: (first row, first column, last row, last column), counted from 0.
Range: TypeAlias = tuple[int, int, int, int]
#: Whether a sheet is shown (openpyxl's names: a ``veryHidden`` sheet only a program shows).
SheetState: TypeAlias = Literal["visible", "hidden", "veryHidden"]
#: A row's formulas, cell by cell: the formula's text, or ``None`` where the cell holds none.
FormulaRow: TypeAlias = Sequence[str | None]


@attrs.frozen
class Rows:
    """A sheet's rows in the form its back-end gives them, named once for the whole sheet.

    ``plain``: an empty cell is ``None`` and a whole number an ``int`` (every back-end can give
    this). ``calamine``: as calamine parses them — an empty cell is ``""``, every number a
    ``float`` — which saves converting each cell of banzhang's own large workbooks; a reader
    taking this form reads each cell through :func:`~banzhang.formats.sheets.cell_value`.
    """

    form: Literal["plain", "calamine"]
    rows: Iterator[Sequence[Cell]]


class Sheet(Protocol):
    """One sheet: a worksheet, a .csv's rows, a Word document's table."""

    @property
    def title(self) -> str:
        """The sheet's name, as a finding's place names it."""

    @property
    def state(self) -> SheetState:
        """Whether the sheet is shown."""

    @property
    def parsed(self) -> bool:
        """Whether reading the rows will not wait for a parse going on in the background."""

    def rows(self, *, max_col: int | None = None) -> Iterator[tuple[Cell, ...]]:
        """Every row from row 1, column A, in the plain form (``max_col`` wide when given)."""

    def native_rows(self) -> Rows:
        """Every row from row 1, column A, in the back-end's own form (see :class:`Rows`)."""

    def merged(self) -> list[Range]:
        """The merged ranges (none when the back-end cannot know them)."""

    def words(self, row: int | None = None, column: int | None = None) -> str:
        """How a reader of the file names the sheet, a row, a column or a cell of it (row and
        column from 1): ``工作表“权责清单”第 D 列``, ``工作表“权责清单”D7``, ``表格 2 第 3 行``."""


class Workbook(Protocol):
    """Sheets by title, in order."""

    @property
    def name(self) -> str:
        """The file's name, as messages name it."""

    @property
    def sheetnames(self) -> Sequence[str]:
        """The sheets' titles, in order."""

    @property
    def heading(self) -> Sequence[str]:
        """Lines that title the workbook outside its sheets — a Word document's paragraphs
        above its table (``××局权责清单（2024年版）``) — read as a sheet's title rows are;
        none for a spreadsheet file."""

    def __getitem__(self, title: str) -> Sheet:
        """The sheet of this title."""

    def formulas(self, title: str) -> Iterator[FormulaRow] | None:
        """The formulas of a sheet whose saved values may be missing, row by row from row 1
        (``None``: every formula of the sheet has its value, or there are none)."""

    def close(self) -> None:
        """Let go of the file and of any parse still going on."""


def worksheet_words(title: str, row: int | None = None, column: int | None = None) -> str:
    """A worksheet's part in words: ``工作表“权责清单”`` with ``第 7 行``, ``第 D 列`` or ``D7``."""
    named = f"工作表“{title}”"
    if row is not None and column is not None:
        return f"{named}{column_letter(column)}{row}"
    if column is not None:
        return f"{named}第 {column_letter(column)} 列"
    return f"{named}第 {row} 行" if row is not None else named
