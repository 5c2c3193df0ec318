"""Where in its file a finding is: a place kept as segments, rendered when someone reads it.

Every format says where it read a value in its own terms — a worksheet's cell, a Word
document's paragraph or table cell, a line of XML — and a finding keeps that place as
segments (:class:`Place`), so a program can act on it (the marked workbook fills the cell a
finding names; a report shows the column's header) and a person reads it rendered:

>>> str(Place.cell("权责清单", 7, 3))
'权责清单!C7'
>>> str(Place((Table(2), Cell(3, 2))))
'表格 2 第 3 行第 2 列'
>>> str(Place.line(12)), str(Place.paragraph(4))
('第 12 行', '第 4 段')
>>> Place.parse("权责清单!C7") == Place.cell("权责清单", 7, 3)
True
>>> place = Place((Table(2), Cell(3, 2)))
>>> place.to_data(), Place.from_data(place.to_data()) == place
([{'table': 2}, {'row': 3, 'column': 2}], True)
"""

from __future__ import annotations

import re
from typing import Any, TypeAlias

import attrs

__all__ = [
    "Cell",
    "Column",
    "Line",
    "Paragraph",
    "Place",
    "Row",
    "Segment",
    "Sheet",
    "Table",
    "Words",
    "column_letter",
    "column_number",
]


@attrs.frozen
class Sheet:
    """A worksheet (of an .xlsx, .xls, .ods, or the one sheet of a .csv), by its title."""

    title: str


@attrs.frozen
class Table:
    """A table of a Word document, counted from 1 as a reader counts them."""

    number: int


@attrs.frozen
class Paragraph:
    """A paragraph of a Word document's body, counted from 1."""

    number: int


@attrs.frozen
class Line:
    """A line of a text file (XML, JSON Lines), counted from 1."""

    number: int


@attrs.frozen
class Cell:
    """A cell of the sheet or table before it: its row and column, both counted from 1."""

    row: int
    column: int


@attrs.frozen
class Row:
    """A row of the sheet or table before it, counted from 1."""

    row: int


@attrs.frozen
class Column:
    """A column of the table before it, counted from 1 (a table laid sideways)."""

    column: int


@attrs.frozen
class Words:
    """A place only words give (a caller's own text): kept as written."""

    text: str


Segment: TypeAlias = Sheet | Table | Paragraph | Line | Cell | Row | Column | Words


@attrs.frozen
class Place:
    """Where a finding is: a sheet and a cell, a paragraph, a Word table and a cell, a line."""

    segments: tuple[Segment, ...]

    @classmethod
    def cell(cls, sheet: str, row: int, column: int) -> Place:
        """A worksheet's cell (row and column from 1)."""
        return cls((Sheet(sheet), Cell(row, column)))

    @classmethod
    def table(cls, number: int, row: int | None = None, column: int | None = None) -> Place:
        """A Word table, one of its cells, rows or columns (each counted from 1)."""
        if row is not None and column is not None:
            return cls((Table(number), Cell(row, column)))
        if row is not None:
            return cls((Table(number), Row(row)))
        if column is not None:
            return cls((Table(number), Column(column)))
        return cls((Table(number),))

    @classmethod
    def line(cls, number: int) -> Place:
        """A line of a text file."""
        return cls((Line(number),))

    @classmethod
    def paragraph(cls, number: int) -> Place:
        """A paragraph of a Word document."""
        return cls((Paragraph(number),))

    @classmethod
    def parse(cls, text: str) -> Place:
        """The place a rendering names (``权责清单!C7``, ``第 12 段``, ``表格 1 第 3 行第 2 列``,
        ``第 12 行``); other text is kept as :class:`Words`."""
        return _parsed(text)

    @classmethod
    def from_data(cls, data: list[dict[str, Any]]) -> Place:
        """The place :meth:`to_data` gave."""
        return cls(tuple(_segment_of(entry) for entry in data))

    def find(self, kind: type[Any]) -> Any:
        """The first segment of ``kind`` (:class:`Sheet`, :class:`Cell`, …), or ``None``."""
        return next((segment for segment in self.segments if isinstance(segment, kind)), None)

    def to_data(self) -> list[dict[str, Any]]:
        """The segments as JSON-ready data: ``[{"sheet": "权责清单"}, {"row": 7, "column": 3}]``."""
        return [_segment_data(segment) for segment in self.segments]

    def __str__(self) -> str:
        return "".join(_rendered(self.segments))


#: A segment's one field, under the name that says what it counts (``{"table": 2}``).
_NAMED_BY_KIND: dict[type[Any], str] = {
    Sheet: "sheet",
    Table: "table",
    Paragraph: "paragraph",
    Line: "line",
}


def _segment_data(segment: Segment) -> dict[str, Any]:
    fields = attrs.asdict(segment)
    named = _NAMED_BY_KIND.get(type(segment))
    return {named: next(iter(fields.values()))} if named else fields


def _segment_of(entry: dict[str, Any]) -> Segment:
    for kind, name in _NAMED_BY_KIND.items():
        if name in entry:
            segment: Segment = kind(entry[name])
            return segment
    if "row" in entry and "column" in entry:
        return Cell(entry["row"], entry["column"])
    if "row" in entry:
        return Row(entry["row"])
    if "column" in entry:
        return Column(entry["column"])
    return Words(str(entry.get("text", "")))


def _rendered(segments: tuple[Segment, ...]) -> list[str]:
    parts: list[str] = []
    in_sheet = False
    for segment in segments:
        match segment:
            case Sheet(title):
                parts.append(title)
                in_sheet = True
            case Cell(row, column) if in_sheet:
                parts.append(f"!{column_letter(column)}{row}")
            case Cell(row, column):
                parts.append(f" 第 {row} 行第 {column} 列")
            case Row(row):
                parts.append(f"!A{row}" if in_sheet else f" 第 {row} 行")
            case Column(column):
                parts.append(f" 第 {column} 列")
            case Table(number):
                parts.append(f"表格 {number}")
            case Paragraph(number):
                parts.append(f"第 {number} 段")
            case Line(number):
                parts.append(f"第 {number} 行")
            case Words(text):
                parts.append(text)
    return parts


def column_letter(number: int) -> str:
    """A column's letters, from its number counted from 1 (``3`` → ``C``, ``28`` → ``AB``)."""
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_number(letters: str) -> int:
    """A column's number, counted from 1, from its letters (``AB`` → ``28``)."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


_SHEET_CELL = re.compile(r"^(?P<sheet>.+)!(?P<letters>[A-Za-z]{1,3})(?P<row>[0-9]+)$")
_TABLE = re.compile(
    r"^表格 (?P<table>[0-9]+)(?: 第 (?P<row>[0-9]+) 行)?(?:第 (?P<column>[0-9]+) 列)?$"
)
_TABLE_COLUMN = re.compile(r"^表格 (?P<table>[0-9]+) 第 (?P<column>[0-9]+) 列$")
_NUMBERED = re.compile(r"^第 (?P<number>[0-9]+) (?P<unit>段|行)$")
_ENGLISH_LINE = re.compile(r"^line (?P<number>[0-9]+)$")


def _parsed(text: str) -> Place:
    if found := _SHEET_CELL.match(text):
        return Place.cell(found["sheet"], int(found["row"]), column_number(found["letters"]))
    if found := _TABLE_COLUMN.match(text):
        return Place((Table(int(found["table"])), Column(int(found["column"]))))
    if found := _TABLE.match(text):
        return Place((Table(int(found["table"])), *_row_and_column(found)))
    if found := _NUMBERED.match(text):
        number = int(found["number"])
        return Place.paragraph(number) if found["unit"] == "段" else Place.line(number)
    if found := _ENGLISH_LINE.match(text):
        return Place.line(int(found["number"]))
    return Place((Words(text),))


def _row_and_column(found: re.Match[str]) -> tuple[Segment, ...]:
    if found["row"] is None:
        return ()
    if found["column"] is None:
        return (Row(int(found["row"])),)
    return (Cell(int(found["row"]), int(found["column"])),)
