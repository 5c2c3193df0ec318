"""Departments' .csv files, read like a one-sheet workbook (SPEC §10 "Other spreadsheet formats").

The text is UTF-8 (with or without a BOM) or GB18030, as Excel and WPS save it on Chinese
systems. The rows become one sheet named after the file (``权责清单.csv`` → sheet ``权责清单``,
which also tells the kind: :func:`banzhang.formats.sheets.open_csv`), and the table reader
(:mod:`banzhang.formats.tables`) reads it with the same lenient department reading as a
worksheet and the same findings: a finding names its cell as ``权责清单!C7``. Every value stays
text as written (a code keeps its zeros; ``=…`` is never a formula; a control character is
kept, and writing it to .xlsx or XML is then refused, naming the element, as for an .xls).
Blank rows at the end are dropped; a row wider than a worksheet, or more than
:data:`MAX_BLANK_ROWS` blank rows before more content, refuses the file.

CSV is read only: a list has linked tables a single CSV cannot hold, so banzhang writes
.xlsx, .json, .jsonl or .xml instead.

>>> import io
>>> data = "序号,事项名称,基本编码\\n1,食品生产许可,000117047000\\n".encode("gb18030")
>>> load_data(io.BytesIO(data), kind="power-list")["items"][0]["basic_code"]
'000117047000'
"""

from __future__ import annotations

from banzhang.formats._converted import ConvertedFormat
from banzhang.formats.sheets import MAX_BLANK_ROWS, MAX_CSV_BYTES, open_csv

__all__ = [
    "EXTENSIONS",
    "MAX_BLANK_ROWS",
    "MAX_BYTES",
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
#: The largest .csv read (a department's list is a few MB; its rows are held while read).
MAX_BYTES = MAX_CSV_BYTES

_FORMAT = ConvertedFormat(open_csv, ".csv", instead=".xlsx、.json、.jsonl 或 .xml")
load = _FORMAT.load
load_data = _FORMAT.load_data
iter_load = _FORMAT.iter_load
iter_load_data = _FORMAT.iter_load_data
iter_findings = _FORMAT.iter_findings
dump = _FORMAT.dump
iter_dump = _FORMAT.iter_dump
