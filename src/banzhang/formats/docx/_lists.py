"""A list published in Word — a 权责清单 or 收费目录 as a table in a page — read by the table
reader, as a worksheet is.

Departments publish whole lists as Word tables: a title paragraph (“××局权责清单”), then a table
whose first rows are its header (序号、事项名称、事项类型、设定依据…) and then one item a row;
a long list is split into several tables by page breaks, each repeating the header. Those
tables are one sheet to the table reader (:func:`banzhang.formats.sheets.word_list`), with the
paragraphs just above as its title rows, so everything a department's workbook is read with
applies: header aliases, group and section rows, merged cells, the envelope from the title.
A finding names the Word cell (``表格 2 第 5 行第 3 列``) or paragraph it came from.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

import attrs
from docx.table import Table
from docx.text.paragraph import Paragraph

from banzhang.formats.sheets import WordBook, word_list
from banzhang.formats.tables import header_row
from banzhang.validation.findings import Finding
from banzhang.validation.places import Cell, Sheet

__all__ = ["list_tables", "placed_in_word"]

#: The paragraphs just above the first table that may title it (the rest is the document's).
_TITLE_LINES = 3
#: The rows of a table searched for its header.
_HEAD_ROWS = 5


def list_tables(blocks: Sequence[Paragraph | Table], kind: str, name: str) -> WordBook | None:
    """The document's list tables as one sheet, or None when no table has a header of the
    kind's items (then the document is one item's label/value table, read by the walker)."""
    found: list[tuple[int, Table]] = []
    title_lines: list[tuple[int, str]] = []
    for number, table in _numbered_tables(blocks):
        rows = [
            [cell.text.strip() or None for cell in row.cells] for row in table.rows[:_HEAD_ROWS]
        ]
        if header_row(rows, kind) is not None:
            if not found:
                title_lines = _lines_above(blocks, table)
            found.append((number, table))
    if not found:
        return None
    return word_list(found, name, heading=[text for _number, text in title_lines])


def placed_in_word(finding: Finding, book: WordBook) -> Finding:
    """The finding with its place in the document: the Word table's cell, or the paragraph,
    instead of the sheet the table reader saw."""
    place = finding.place
    sheet = place.find(Sheet) if place is not None else None
    if place is None or sheet is None or sheet.title not in book.sheetnames:
        return finding
    cell = place.find(Cell)
    row = cell.row if cell is not None else None
    found = book[sheet.title].origin(row, cell.column if cell else None) if row else None
    return attrs.evolve(finding, source=found) if found is not None else finding


def _numbered_tables(blocks: Sequence[Paragraph | Table]) -> Iterator[tuple[int, Table]]:
    tables = (block for block in blocks if isinstance(block, Table))
    return zip(itertools.count(1), tables, strict=False)


def _lines_above(blocks: Sequence[Paragraph | Table], table: Table) -> list[tuple[int, str]]:
    """The last few paragraphs with text before ``table``, each with its number."""
    lines: list[tuple[int, str]] = []
    paragraphs = 0
    for block in blocks:
        if block is table or (isinstance(block, Table) and block._tbl is table._tbl):
            break
        if isinstance(block, Paragraph):
            paragraphs += 1
            if block.text.strip():
                lines.append((paragraphs, block.text.strip()))
    return lines[-_TITLE_LINES:]
