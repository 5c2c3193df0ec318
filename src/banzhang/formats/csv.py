"""Departments' .csv files, read like a one-sheet workbook (SPEC §10 "Other spreadsheet formats").

The text is UTF-8 (with or without a BOM) or GB18030, as Excel and WPS save it on Chinese
systems. The rows become one worksheet named after the file (``权责清单.csv`` → sheet
``权责清单``, which also tells the kind), and :mod:`banzhang.formats.excel` reads it with the
same lenient department reading and the same findings: a finding names its cell as
``权责清单!C7``. Every value stays text (a code keeps its zeros; ``=…`` is never a formula).
CSV is read only: a list has linked tables a single CSV cannot hold, so banzhang writes
.xlsx, .json, .jsonl or .xml instead.

>>> import io
>>> data = "序号,事项名称,基本编码\\n1,食品生产许可,000117047000\\n".encode("gb18030")
>>> _rows(data, "权责清单.csv")[1]
['1', '食品生产许可', '000117047000']
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import PurePath
from typing import Any

from openpyxl import Workbook

from banzhang.errors import UnreadableInput
from banzhang.formats._converted import ConvertedFormat
from banzhang.formats._inputs import read_limited
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
_ENCODINGS = ("utf-8-sig", "gb18030")


def _as_workbook(source: Any) -> io.BytesIO:
    """The .csv as an in-memory workbook of one sheet named after the file."""
    name = os.fspath(source) if isinstance(source, str | os.PathLike) else "<csv>"
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its first sheet
    sheet.title = sheet_name(PurePath(name).stem) if name != "<csv>" else "Sheet1"
    for row in _rows(read_limited(source, name, MAX_BYTES, "请转成 .xlsx"), name):
        sheet.append(row)
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.data_type = "s"  # text as written: never a formula, codes keep their zeros
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def _rows(data: bytes, name: str) -> list[list[str]]:
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        try:
            return list(csv.reader(io.StringIO(text, newline="")))
        except csv.Error as err:
            raise UnreadableInput(f"{name} 不是有效的 CSV：{err}", source=name) from err
    message = f"{name} 既不是 UTF-8 也不是 GB18030 编码的文本"
    raise UnreadableInput(message, source=name)


_FORMAT = ConvertedFormat(_as_workbook, ".csv", instead=".xlsx、.json、.jsonl 或 .xml")
load = _FORMAT.load
load_data = _FORMAT.load_data
iter_load = _FORMAT.iter_load
iter_load_data = _FORMAT.iter_load_data
iter_findings = _FORMAT.iter_findings
dump = _FORMAT.dump
iter_dump = _FORMAT.iter_dump
