"""Departments' .csv files, read like a one-sheet workbook (SPEC §10 "Other spreadsheet formats").

The text is UTF-8 (with or without a BOM) or GB18030, as Excel and WPS save it on Chinese
systems. The rows become one worksheet named after the file (``权责清单.csv`` → sheet
``权责清单``, which also tells the kind), and :mod:`banzhang.formats.excel` reads it with the
same lenient department reading and the same findings: a finding names its cell as
``权责清单!C7``. Every value stays text (a code keeps its zeros; ``=…`` is never a formula).
A character a worksheet cannot hold (NUL and the other C0 controls, U+FFFE, U+FFFF) is kept
through Excel's ``_xHHHH_`` escape: the C0 controls read back as written (writing them to .xlsx
or XML is then refused, naming the element, as for an .xls), the two non-characters as their
escape. Blank rows at the end are dropped; a row wider than a worksheet, or more than
:data:`MAX_BLANK_ROWS` blank rows before more content, refuses the file.

CSV is read only: a list has linked tables a single CSV cannot hold, so banzhang writes
.xlsx, .json, .jsonl or .xml instead.

>>> import io
>>> data = "序号,事项名称,基本编码\\n1,食品生产许可,000117047000\\n".encode("gb18030")
>>> decode_csv(data, "权责清单.csv")[1]
['1', '食品生产许可', '000117047000']
"""

from __future__ import annotations

import io
import os
import re
from pathlib import PurePath
from typing import Any

from openpyxl import Workbook

from banzhang.errors import UnreadableInput
from banzhang.formats._converted import ConvertedFormat
from banzhang.formats._inputs import decode_csv, read_limited
from banzhang.formats.excel._escapes import escape
from banzhang.formats.excel._layout import sheet_name

__all__ = [
    "EXTENSIONS",
    "NAME",
    "dump",
    "iter_dump",
    "iter_findings",
    "iter_load",
    "iter_load_data",
    "load",
    "load_data",
]

NAME = "csv"
EXTENSIONS: tuple[str, ...] = (".csv",)
#: The largest .csv read (a department's list is a few MB; the workbook is built in memory).
MAX_BYTES = 200 * 1024 * 1024


class _NamedBuffer(io.BytesIO):
    """The in-memory workbook, keeping the .csv's name for the Excel reader's messages."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


def _as_workbook(source: Any) -> io.BytesIO:
    """The .csv as an in-memory workbook of one sheet named after the file."""
    name = os.fspath(source) if isinstance(source, str | os.PathLike) else "<csv>"
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its first sheet
    sheet.title = sheet_name(PurePath(name).stem) if name != "<csv>" else "Sheet1"
    data = read_limited(source, name, MAX_BYTES, "请转成 .xlsx")
    for row in _bounded(decode_csv(data, name), name):
        sheet.append([_cell_text(text) for text in row])
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.data_type = "s"  # text as written: never a formula, codes keep their zeros
    buffer = _NamedBuffer(name)
    book.save(buffer)
    buffer.seek(0)
    return buffer


#: The most columns a worksheet has (XFD): a wider row has no cell to go to.
MAX_COLUMNS = 16_384
#: The most blank rows in a row before more content: a file of blank lines is no list.
MAX_BLANK_ROWS = 10_000
#: Characters a worksheet cannot hold (C0 controls but tab and newlines, U+FFFE, U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _cell_text(text: str) -> str:
    """A cell's text as the workbook holds it: Excel's ``_xHHHH_`` escape for a character a
    worksheet cannot hold (the reader turns it back, so the text stays as written, and writing
    it to .xlsx or XML later is refused naming its element, as for an .xls), and for a literal
    ``_xHHHH_`` (which would otherwise read back as the character it names)."""
    text = escape(text)
    return _NOT_XML.sub(lambda found: f"_x{ord(found.group()):04X}_", text) if text else text


def _bounded(rows: list[list[str]], name: str) -> list[list[str]]:
    """The rows without the blank ones at the end; refused when a row is wider than a
    worksheet, or when more than :data:`MAX_BLANK_ROWS` blank rows stand before more content
    (300,000 blank lines took 44 s and 1.2 GB as a workbook)."""
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


_FORMAT = ConvertedFormat(_as_workbook, ".csv", instead=".xlsx、.json、.jsonl 或 .xml")
load = _FORMAT.load
load_data = _FORMAT.load_data
iter_load = _FORMAT.iter_load
iter_load_data = _FORMAT.iter_load_data
iter_findings = _FORMAT.iter_findings
dump = _FORMAT.dump
iter_dump = _FORMAT.iter_dump
