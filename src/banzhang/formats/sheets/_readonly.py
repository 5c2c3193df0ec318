"""openpyxl's read-only mode, with memory that stays flat however long a sheet is.

Two things in openpyxl's read-only reader grow with the sheet:

- Opening a workbook, each sheet without a ``<dimension>`` element (every sheet openpyxl's own
  write-only mode writes) is parsed in full to look for one, keeping an emptied element per row
  until the end: a transient 50 MB at 200,000 rows, and a second parse of every sheet.
  :func:`load_read_only` looks for ``<dimension>`` in the sheet's first bytes instead, and leaves
  the size unknown (as openpyxl does when a sheet has none) when it is not there.
- Reading rows, each ``<row>`` is cleared but stays attached to ``<sheetData>``, and the
  attributes of every row with a height are kept. :func:`iter_values` reads the same cells with
  openpyxl's own cell logic (types, shared strings, dates) and lets each row go once read.

Both walk with the hardened ``iterparse`` openpyxl uses (defusedxml's, when installed). They use
openpyxl's private attributes as its own reader does; pyproject.toml pins the minor version.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import DATA_TAG, ROW_TAG, WorkSheetParser
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from banzhang._reasons import reason
from banzhang.errors import UnreadableInput
from banzhang.formats.sheets._contract import (
    Cell,
    FormulaRow,
    Range,
    Rows,
    SheetState,
    worksheet_words,
)
from banzhang.formats.sheets._escapes import unescape
from banzhang.formats.sheets._safety import MAX_ROWS
from banzhang.formats.sheets._whole import CellError

__all__ = ["StreamedBook", "StreamedSheet", "load_read_only"]


#: How far into a sheet's XML its ``<dimension>`` must appear (it precedes ``<sheetData>``).
_HEAD_BYTES = 64 * 1024
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension[\s/>]")
_SHEET_DATA = re.compile(rb"<(?:[\w.-]+:)?sheetData[\s/>]")
_STRING_TAG = f"{{{SHEET_MAIN_NS}}}si"


def load_read_only(source: Any, *, data_only: bool) -> Any:
    """Return a read-only workbook whose sheets learn their size without a full parse."""
    reader = _Reader(source, read_only=True, data_only=data_only, keep_links=False)
    reader.read()
    return reader.wb


class _Sheet(ReadOnlyWorksheet):
    def _get_size(self) -> None:
        own: Any = self
        with own._get_source() as source:
            head = source.read(_HEAD_BYTES)
        data = _SHEET_DATA.search(head)
        if _DIMENSION.search(head, 0, data.start() if data else len(head)):
            # openpyxl's own sizing, which stops at the <dimension> element near the top.
            super()._get_size()  # type: ignore[misc]  # private in openpyxl's stubs


class _Reader(ExcelReader):
    def read_strings(self) -> None:
        """Read the shared strings as written: :func:`iter_values` unescapes ``_xHHHH_`` once,
        in shared and inline strings alike (openpyxl would drop each ``x005F_`` here, turning a
        literal ``_x005F_x0041_`` into an escape)."""
        package: Any = self.package
        part = package.find(SHARED_STRINGS)
        if part is not None:
            with self.archive.open(part.PartName[1:]) as source:
                self.shared_strings = _raw_strings(source)

    def read_worksheets(self) -> None:
        """Add each worksheet as a :class:`_Sheet` (what ExcelReader does in read-only mode)."""
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files or "chartsheet" in rel.Type:
                continue
            worksheet = _Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
            worksheet.sheet_state = sheet.state or "visible"
            book: Any = self.wb
            book._sheets.append(worksheet)


class _Strings(list[str]):
    """The shared-string table, refusing a negative index: openpyxl looks each cell's index up
    as Python does, so ``<v>-1</v>`` would read as the table's last entry, without a word."""

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, int) and index < 0:
            raise IndexError(index)
        return super().__getitem__(index)


def _raw_strings(source: Any) -> list[str]:
    """openpyxl's ``read_string_table``, each text as written."""
    strings = _Strings()
    for _event, node in iterparse(source):
        if node.tag == _STRING_TAG:
            text: Any = Text.from_tree(node)
            strings.append(text.content)
            node.clear()
    return strings


class _FlatParser(WorkSheetParser):
    def parse_flat(self) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        sheet_data = None
        for event, element in iterparse(self.source, events=("start", "end")):
            if event == "start":
                if element.tag == DATA_TAG:
                    sheet_data = element
                continue
            if element.tag == ROW_TAG:
                row = self.parse_row(element)
                # Row heights are layout, never data: do not keep one per row.
                self.row_dimensions.clear()
                element.clear()
                if sheet_data is not None:
                    sheet_data.remove(element)  # always its only child by now: O(1)
                yield row


class StreamedSheet:
    """A worksheet streamed by openpyxl's read-only mode, a row at a time, in flat memory."""

    parsed = True  # read as it goes: nothing to wait for

    def __init__(self, sheet: Any) -> None:
        self._sheet = sheet
        self.title: str = sheet.title
        self.state: SheetState = sheet.sheet_state

    def rows(self, *, max_col: int | None = None) -> Iterator[tuple[Cell, ...]]:
        """Each row's values, as ``iter_rows(values_only=True)`` gives them."""
        return _streamed_values(self._sheet, max_row=None, max_col=max_col)

    def native_rows(self) -> Rows:
        """The rows in the plain form: openpyxl gives no other."""
        return Rows("plain", self.rows())

    def merged(self) -> list[Range]:
        """None known: the read-only mode does not read a sheet's merged cells."""
        return []

    def words(self, row: int | None = None, column: int | None = None) -> str:
        return worksheet_words(self.title, row, column)


class StreamedBook:
    """A workbook streamed by openpyxl: its values, and (when some may lack their saved value)
    its formulas, each from a workbook of its own."""

    def __init__(self, values: Any, formulas: Any, name: str) -> None:
        self._values = values
        self._formulas = formulas
        self.name = name
        self.sheetnames: list[str] = list(values.sheetnames)
        self.heading: tuple[str, ...] = ()  # a spreadsheet's titles are in its sheets

    def __getitem__(self, title: str) -> StreamedSheet:
        return StreamedSheet(self._values[title])

    def formulas(self, title: str) -> Iterator[FormulaRow] | None:
        if self._formulas is None or title not in self._formulas.sheetnames:
            return None
        return (
            tuple(
                str(cell.value) if getattr(cell, "data_type", None) == "f" else None for cell in row
            )
            for row in self._formulas[title].iter_rows()
        )

    def close(self) -> None:
        """Close both workbooks: openpyxl's read-only workbooks hold their file open (and sit
        in reference cycles: without this, until the collector comes by)."""
        for book in (self._values, self._formulas):
            if book is not None:
                book.close()


def _streamed_values(
    sheet: Any, *, max_row: int | None, max_col: int | None
) -> Iterator[tuple[Any, ...]]:
    book = sheet.parent
    max_col = max_col or sheet.max_column
    empty_row = (None,) * max_col if max_col else ()
    counter = 1
    with sheet._get_source() as source:
        parser = _FlatParser(
            source,
            sheet._shared_strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        rows = parser.parse_flat()
        while True:
            try:
                found = next(rows, None)
            except (IndexError, KeyError) as err:
                message = f"工作表“{sheet.title}”的单元格引用了不存在的共享字符串；文件已损坏"
                raise UnreadableInput(message, source=sheet.title) from err
            except (ParseError, DefusedXmlException, ValueError, LookupError) as err:
                message = f"工作表“{sheet.title}”的 XML 无法读取：{reason(err)}"
                raise UnreadableInput(message, source=sheet.title) from err
            if found is None or (max_row is not None and found[0] > max_row):
                break
            index, cells = found
            _check_row_number(sheet.title, index, counter)
            while counter < index:  # rows the file leaves out are empty rows
                counter += 1
                yield empty_row
            if counter == index:
                counter += 1
                for cell in cells:
                    if cell["data_type"] == "e":  # an error value, not text that looks like one
                        cell["value"] = CellError(cell["value"] or "")  # <c t="e"/>: none
                    elif cell["data_type"] == "s" and cell["value"] is not None:
                        cell["value"] = unescape(cell["value"])  # _x000D_: a carriage return
                yield sheet._get_row(cells, 1, max_col, values_only=True)


def _check_row_number(title: str, index: int, expected: int) -> None:
    """Refuse a row number past Excel's last row, or a row out of order or repeated.

    Excel writes rows in order, each once; a row that breaks this would be dropped or would
    make the reader walk up to two billion empty rows, so the file is refused before that.
    """
    if index > MAX_ROWS:
        message = f"工作表“{title}”的行号 {index} 超过 Excel 的最大行数 {MAX_ROWS}；文件已损坏"
        raise UnreadableInput(message, source=title)
    if index < expected:
        message = (
            f"工作表“{title}”的第 {index} 行出现在第 {expected - 1} 行之后（行的顺序错乱或重复）；"
            "请用 Excel 打开后另存，再提交"
        )
        raise UnreadableInput(message, source=title)
