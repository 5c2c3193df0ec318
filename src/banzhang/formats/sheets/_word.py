"""The tables of a Word document as sheets: a list published in Word is a table in a page.

Each table is a sheet named ``表格 N`` (N counting the document's tables from 1, as a reader
counts them), its rows as the page shows them: a cell spanning columns (``gridSpan``) or merged
down (``vMerge``) holds its text in its first grid cell, the cells it covers are empty, and
the span is one of the sheet's merged ranges — as a merged cell of a worksheet. A finding names
a Word cell as ``表格 2 第 3 行第 2 列`` (see :mod:`banzhang.validation.places`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from banzhang.formats.sheets._contract import Cell, FormulaRow, Range
from banzhang.formats.sheets._memory import MemorySheet
from banzhang.validation.places import Cell as PlaceCell
from banzhang.validation.places import Place, Row, Segment, Table

__all__ = ["WordBook", "WordTable", "table_title", "word_list", "word_tables"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: What a run's parts read as: its text, a tab, a line break.
_RUN_TAGS = (f"{_W}t", f"{_W}tab", f"{_W}br")
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}br": "\n"}


def table_title(number: int) -> str:
    """The sheet name of the document's ``number``-th table (from 1)."""
    return f"表格 {number}"


class WordTable(MemorySheet):
    """One table of a Word document as a sheet — or several tables read as one (a list's table
    split by page breaks), with the paragraphs that title it above.

    ``origins``: for each row (from 1), where it is in the document — ``(Table(n), Row(r))`` —
    so a finding's cell in the sheet is named as the reader of the document finds it
    (:meth:`origin`).
    """

    def __init__(
        self,
        title: str,
        rows: list[tuple[Cell, ...]],
        merged: list[Range],
        origins: list[tuple[Segment, ...]] | None = None,
    ) -> None:
        super().__init__(title, rows, merged)
        self._origins = origins

    def words(self, row: int | None = None, column: int | None = None) -> str:
        """``表格 2 第 3 行第 4 列`` and its parts, as the document's reader counts them."""
        found = self.origin(row, column) if row is not None else None
        if found is not None:
            return str(found)
        first = self._origins[0][0] if self._origins else None
        table = Place.table(first.number) if isinstance(first, Table) else None
        named = str(table) if table is not None else self.title
        return f"{named} 第 {column} 列" if column is not None else named

    def origin(self, row: int, column: int | None) -> Place | None:
        """Where the sheet's cell (row and column from 1; a whole row without a column) is in
        the document: a table's cell."""
        if self._origins is None or not 0 < row <= len(self._origins):
            return None
        found = self._origins[row - 1]
        if isinstance(found[-1], Row) and column is not None:
            return Place((*found[:-1], PlaceCell(found[-1].row, column)))
        return Place(found)


class WordBook:
    """A Word document's tables, in order, as a workbook; ``heading``: the paragraphs that
    title them."""

    def __init__(self, name: str, tables: Sequence[WordTable], heading: Sequence[str] = ()) -> None:
        self.name = name
        self._tables = {table.title: table for table in tables}
        self.sheetnames: Sequence[str] = tuple(self._tables)
        self.heading: tuple[str, ...] = tuple(heading)

    def __getitem__(self, title: str) -> WordTable:
        return self._tables[title]

    def formulas(self, title: str) -> Iterator[FormulaRow] | None:
        return None  # a Word table's cells are text

    def close(self) -> None:
        """Nothing is held open: the document was read already."""


def word_tables(tables: Sequence[Any], name: str) -> WordBook:
    """A document's tables (python-docx tables or their ``w:tbl`` elements), in order, as
    sheets ``表格 1``, ``表格 2``, …"""
    sheets = [_sheet(getattr(t, "_tbl", t), n) for n, t in enumerate(tables, start=1)]
    return WordBook(name, sheets)


def word_list(
    tables: Sequence[tuple[int, Any]], name: str, *, heading: Sequence[str] = ()
) -> WordBook:
    """A list published in Word as one sheet: ``tables`` (each with its number in the
    document) one after the other — a table split by page breaks repeats its header, which the
    reader passes over — titled by ``heading`` (the paragraphs above, which say whose list it
    is as a worksheet's title rows do). The sheet's rows are the first table's rows as
    numbered in it; each finding's place is the table and row it is in (:meth:`origin`)."""
    rows: list[tuple[Cell, ...]] = []
    origins: list[tuple[Segment, ...]] = []
    merged: list[Range] = []
    for number, table in tables:
        sheet = _sheet(getattr(table, "_tbl", table), number)
        offset = len(rows)
        merged += [(a + offset, b, c + offset, d) for a, b, c, d in sheet.merged()]
        found = list(sheet.rows())
        rows += found
        origins += [(Table(number), Row(row)) for row in range(1, len(found) + 1)]
    first = tables[0][0] if tables else 1
    return WordBook(name, [WordTable(table_title(first), rows, merged, origins)], heading)


def _sheet(table: Any, number: int) -> WordTable:
    rows: list[list[Cell]] = []
    merged: list[Range] = []
    open_down: dict[int, list[int]] = {}  # grid column → [first row, last row, last column]
    for row_index, tr in enumerate(table.iterchildren(f"{_W}tr")):
        cells: list[Cell] = [None] * _grid_before(tr)
        for tc in tr.iterchildren(f"{_W}tc"):
            column, span = len(cells), _span(tc)
            merge = _vertical_merge(tc)
            if merge == "continue" and column in open_down:
                open_down[column][1] = row_index
                cells += [None] * span
                continue
            _close_range(open_down, column, merged)
            cells += [_text(tc) or None] + [None] * (span - 1)
            if merge == "restart":
                open_down[column] = [row_index, row_index, column + span - 1]
            elif span > 1:
                merged.append((row_index, column, row_index, column + span - 1))
        rows.append(cells)
    for column in list(open_down):
        _close_range(open_down, column, merged)
    return WordTable(table_title(number), [tuple(row) for row in rows], merged)


def _close_range(open_down: dict[int, list[int]], column: int, merged: list[Range]) -> None:
    found = open_down.pop(column, None)
    if found is not None:
        first, last, right = found
        merged.append((first, column, last, right))


def _grid_before(tr: Any) -> int:
    found = tr.find(f"{_W}trPr/{_W}gridBefore")
    return _number(found.get(f"{_W}val")) if found is not None else 0


def _span(tc: Any) -> int:
    found = tc.find(f"{_W}tcPr/{_W}gridSpan")
    return max(1, _number(found.get(f"{_W}val"))) if found is not None else 1


def _vertical_merge(tc: Any) -> str | None:
    found = tc.find(f"{_W}tcPr/{_W}vMerge")
    if found is None:
        return None
    return "restart" if found.get(f"{_W}val") == "restart" else "continue"


def _number(text: str | None) -> int:
    """A count the file gives (a span): a broken one counts as nothing (bounded by the package
    checks of :mod:`banzhang.formats.docx` before any table is read)."""
    try:
        return max(0, min(int(text or 0), 64))
    except ValueError:
        return 0


def _text(tc: Any) -> str:
    """The cell's text, a line a paragraph (as a worksheet's cell holds its line breaks)."""
    lines = []
    for paragraph in tc.iterchildren(f"{_W}p"):
        parts = [_RUN_TEXT.get(node.tag, node.text or "") for node in paragraph.iter(*_RUN_TAGS)]
        lines.append("".join(parts))
    return "\n".join(lines).strip()
