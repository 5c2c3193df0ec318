"""Where rows come from: every table-shaped input as a workbook of sheets of rows.

A back-end opens one kind of file and hands over its sheets in the typed form of
:class:`Workbook` and :class:`Sheet` — each row from row 1, column A, in a cell form named once
per sheet (:class:`Rows`), with the sheet's merged ranges and the formulas whose values may be
missing. The reader above (:mod:`banzhang.formats.tables`) says what the rows mean and never
knows which library parsed them. The back-ends:

- .xlsx (:func:`open_xlsx`): the package scanned first (zip bombs, DTDs, formulas, the memory a
  whole read would take), then read whole by calamine on a background thread, or streamed by
  openpyxl in flat memory;
- .xls and .ods (:func:`open_spreadsheet`): their records checked, parsed once in a child
  process, then read whole by calamine;
- .csv (:func:`open_csv`): decoded straight to one sheet of text;
- the tables of a Word document (:func:`word_tables`): each table a sheet, merged cells as
  ranges.

>>> import io
>>> book = open_csv(io.BytesIO("序号,事项名称\\n1,食品生产许可\\n".encode("gb18030")))
>>> book.sheetnames, list(book["Sheet1"].rows())
(('Sheet1',), [('序号', '事项名称'), ('1', '食品生产许可')])
"""

from banzhang.formats.sheets._calamine import MAX_SPREADSHEET_BYTES, open_spreadsheet
from banzhang.formats.sheets._contract import (
    Cell,
    FormulaRow,
    Range,
    Rows,
    Sheet,
    SheetState,
    Workbook,
)
from banzhang.formats.sheets._csv import MAX_BLANK_ROWS, MAX_CSV_BYTES, open_csv
from banzhang.formats.sheets._escapes import escape, unescape
from banzhang.formats.sheets._names import sheet_name
from banzhang.formats.sheets._open import open_xlsx, source_name
from banzhang.formats.sheets._safety import MAX_COLUMNS, MAX_ROWS, Limits
from banzhang.formats.sheets._whole import CellError, cell_value
from banzhang.formats.sheets._word import WordBook, WordTable, word_list, word_tables

__all__ = [
    "MAX_BLANK_ROWS",
    "MAX_COLUMNS",
    "MAX_CSV_BYTES",
    "MAX_ROWS",
    "MAX_SPREADSHEET_BYTES",
    "Cell",
    "CellError",
    "FormulaRow",
    "Limits",
    "Range",
    "Rows",
    "Sheet",
    "SheetState",
    "WordBook",
    "WordTable",
    "Workbook",
    "cell_value",
    "escape",
    "open_csv",
    "open_spreadsheet",
    "open_xlsx",
    "sheet_name",
    "source_name",
    "unescape",
    "word_list",
    "word_tables",
]
