"""A department's .csv as one sheet of rows: decoded straight to text, no workbook made.

The text is UTF-8 (with or without a BOM) or GB18030, as Excel and WPS save it on Chinese
systems. The sheet is named after the file (``权责清单.csv`` → ``权责清单``, which also tells
the kind), as a worksheet would be, so a finding names its cell as ``权责清单!C7``. Every value
stays text as written: a code keeps its zeros, ``=…`` is never a formula, a control character
is kept (writing it to .xlsx or XML later is refused, naming its element, as for an .xls).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import Any

from banzhang.errors import UnreadableInput
from banzhang.formats._inputs import decode_csv, read_limited
from banzhang.formats.sheets._contract import Cell, FormulaRow
from banzhang.formats.sheets._memory import MemorySheet
from banzhang.formats.sheets._names import sheet_name
from banzhang.formats.sheets._open import source_name
from banzhang.formats.sheets._safety import MAX_COLUMNS

__all__ = ["MAX_BLANK_ROWS", "MAX_CSV_BYTES", "CsvBook", "open_csv"]

#: The largest .csv read (a department's list is a few MB; its rows are held while read).
MAX_CSV_BYTES = 200 * 1024 * 1024
#: The most blank rows in a row before more content: a file of blank lines is no list.
MAX_BLANK_ROWS = 10_000


class CsvBook:
    """A .csv as a workbook of one sheet."""

    def __init__(self, name: str, sheet: MemorySheet) -> None:
        self.name = name
        self._sheet = sheet
        self.sheetnames: Sequence[str] = (sheet.title,)
        self.heading: tuple[str, ...] = ()  # a .csv's title is its first rows

    def __getitem__(self, title: str) -> MemorySheet:
        if title != self._sheet.title:
            raise KeyError(title)
        return self._sheet

    def formulas(self, title: str) -> Iterator[FormulaRow] | None:
        return None  # text only: a .csv holds no formula

    def close(self) -> None:
        """Nothing is held open: the rows were read whole."""


def open_csv(source: Any) -> CsvBook:
    """The .csv ``source`` (a path or binary file) as a workbook of one sheet.

    Raises:
        UnreadableInput: too large, not text in a known encoding, a row wider than a worksheet,
            more than :data:`MAX_BLANK_ROWS` blank rows before more content.
    """
    name = source_name(source, "<csv>")
    data = read_limited(source, name, MAX_CSV_BYTES, "请转成 .xlsx")
    rows = _bounded(decode_csv(data, name), name)
    title = sheet_name(PurePath(name).stem) if name != "<csv>" else "Sheet1"
    return CsvBook(name, MemorySheet(title or "Sheet1", [_cells(row) for row in rows]))


def _cells(row: list[str]) -> tuple[Cell, ...]:
    return tuple(text or None for text in row)


def _bounded(rows: list[list[str]], name: str) -> list[list[str]]:
    """The rows without the blank ones at the end; refused when a row is wider than a
    worksheet, or when more than :data:`MAX_BLANK_ROWS` blank rows stand before more content."""
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    blank = 0
    for number, row in enumerate(rows, start=1):
        if len(row) > MAX_COLUMNS:
            message = f"{name} 第 {number} 行有 {len(row)} 列，超过工作表的上限 {MAX_COLUMNS} 列"
            raise UnreadableInput(message, source=name)
        blank = 0 if any(cell.strip() for cell in row) else blank + 1
        if blank > MAX_BLANK_ROWS:
            start = number - blank + 1
            message = f"{name} 从第 {start} 行起有超过 {MAX_BLANK_ROWS} 个连续空行，不是清单"
            raise UnreadableInput(message, source=name)
    return rows
