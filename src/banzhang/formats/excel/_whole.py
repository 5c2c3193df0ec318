"""Plain workbooks read whole by python-calamine, behind the interface the reader walks.

A workbook whose sheets the package scan found plain (no formula without its saved value, no
error value the scan could not place, rows in order, all sheets within
:attr:`~banzhang.formats.excel.Limits.whole_sheets_bytes`, and calamine's cells estimated within
:attr:`~banzhang.formats.excel.Limits.whole_memory_bytes`) is read by Rust's calamine, several
times faster than openpyxl's streaming parser; any other workbook takes the streaming path
(:mod:`._readonly`), which reports formulas without values and broken rows. Both give the
reader the same values: text as written, whole numbers as integers, a formula's saved value,
error values as :class:`CellError` (calamine reads them as empty cells: the scan's places put
them back), dates, booleans, and ``None`` for an empty cell.

Departments' .xls and .ods workbooks (:mod:`banzhang.formats.spreadsheet`) are opened here too,
by the same calamine, and read by the same reader: no copy of them is made.
"""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import Any, TypeVar

from python_calamine import CalamineSheet, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from banzhang.errors import UnreadableInput

__all__ = ["CellError", "WholeBook", "WholeSheet", "calamine", "sheet_state"]

#: The largest whole number a float holds exactly: above it a number stays a float.
_EXACT_INTEGERS = 2**53
#: openpyxl's name for each hidden state (calamine's enum members are not hashable).
_STATES = ((SheetVisibleEnum.Hidden, "hidden"), (SheetVisibleEnum.VeryHidden, "veryHidden"))
#: A sheet's error cells found by the package scan: row (1-based) → column index → the value.
ErrorCells = dict[int, dict[int, str]]


class CellError(str):
    """A cell holding an Excel error value (``#N/A``, ``#REF!``, …): its formula failed.

    Told apart from text that reads the same, which a department may well have typed.
    """

    __slots__ = ()


class WholeSheet:
    """One worksheet: its title, visibility, and its rows, parsed once on first use.

    calamine holds the parsed cells (its own compact values); each row becomes Python values
    only while it is read, so a long sheet never exists as Python objects all at once.
    """

    def __init__(
        self,
        book: CalamineWorkbook,
        title: str,
        state: str,
        *,
        xml: bool,
        errors: ErrorCells | None = None,
    ) -> None:
        self._book = book
        self.title = title
        self.sheet_state = state
        self._xml = xml
        self._sheet: CalamineSheet | None = None
        #: Error cells, placed by the package scan: calamine reads them as empty cells.
        self._errors = errors or {}

    def _parsed(self) -> CalamineSheet:
        if self._sheet is None:
            message = f"工作表“{self.title}”的{' XML ' if self._xml else '内容'}无法读取"
            self._sheet = calamine(
                lambda: self._book.get_sheet_by_name(self.title), message, source=self.title
            )
        return self._sheet

    def _rows(self) -> Iterator[tuple[Any, ...]]:
        """Every row from row 1, column A. calamine's ``iter_rows`` yields the empty rows above
        the first cell in use, but starts each row at its first column in use: the columns
        before it are added here (pyproject.toml pins python-calamine's minor version)."""
        sheet = self._parsed()
        if sheet.start is None:  # no cell at all (iter_rows would fail)
            return
        left = sheet.start[1]
        pad = (None,) * left
        for number, row in enumerate(sheet.iter_rows(), start=1):
            # As openpyxl gives them: an empty cell is None, a whole number an integer (Excel
            # keeps every number as a float; 150200.0 was typed 150200). Inline, not a call a
            # cell: a whole sheet is hundreds of thousands of cells, most of them text.
            values = tuple(
                [
                    cell
                    if type(cell) is str and cell
                    else None
                    if cell == ""
                    else int(cell)
                    if type(cell) is float and cell.is_integer() and abs(cell) < _EXACT_INTEGERS
                    else cell
                    for cell in row
                ]
            )
            if number in self._errors:
                values = _with_errors(pad + values, self._errors[number])
                yield values
                continue
            yield pad + values if left else values

    def values(
        self, *, max_row: int | None = None, max_col: int | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Yield each row's values, ``max_col`` wide when given (as openpyxl's read-only sheets)."""
        rows = self._rows() if max_row is None else itertools.islice(self._rows(), max_row)
        if max_col is None:
            return rows
        return ((row + (None,) * (max_col - len(row)))[:max_col] for row in rows)

    def iter_rows(
        self, *, max_row: int | None = None, max_col: int | None = None, values_only: bool = True
    ) -> Iterator[tuple[Any, ...]]:
        """openpyxl's ``iter_rows(values_only=True)``, for the few places that call it."""
        assert values_only  # the reader asks for values only
        return self.values(max_row=max_row, max_col=max_col)


def _with_errors(values: tuple[Any, ...], errors: dict[int, str]) -> tuple[Any, ...]:
    """The row with its error cells put back where calamine left them empty."""
    width = max(len(values), max(errors) + 1)
    cells = list(values) + [None] * (width - len(values))
    for column, value in errors.items():
        cells[column] = CellError(value)
    return tuple(cells)


class WholeBook:
    """A workbook's worksheets by name, in order (chart sheets left out).

    ``errors``: each sheet's error cells as the package scan of an .xlsx placed them (calamine
    reads an error value as an empty cell).
    """

    def __init__(
        self, book: CalamineWorkbook, name: str, errors: dict[str, ErrorCells] | None = None
    ) -> None:
        metadata = calamine(
            lambda: [m for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet],
            _not_a_workbook(name),
            source=name,
        )
        self.name = name
        xml = not name.lower().endswith(".xls")  # .xlsx and .ods hold their sheets as XML
        self._sheets = {
            m.name: WholeSheet(
                book, m.name, sheet_state(m.visible), xml=xml, errors=(errors or {}).get(m.name)
            )
            for m in metadata
        }
        self.sheetnames = list(self._sheets)

    @classmethod
    def open(cls, source: Any, name: str, errors: dict[str, ErrorCells] | None = None) -> WholeBook:
        """Open a path, a binary file object or bytes (.xlsx, .xls or .ods) with calamine."""
        if isinstance(source, str | os.PathLike):
            path = os.fspath(source)
            opened = calamine(
                lambda: CalamineWorkbook.from_path(path), _not_a_workbook(name), source=name
            )
            return cls(opened, name, errors)
        if not isinstance(source, bytes):
            source.seek(0)
            source = source.read()
        data = io.BytesIO(source)
        opened = calamine(
            lambda: CalamineWorkbook.from_filelike(data), _not_a_workbook(name), source=name
        )
        return cls(opened, name, errors)

    def __getitem__(self, name: str) -> WholeSheet:
        return self._sheets[name]


_Result = TypeVar("_Result")


def calamine(call: Callable[[], _Result], message: str, *, source: str) -> _Result:
    """``call()``, with what calamine raises for a file it cannot read as UnreadableInput
    (``message``, then calamine's reason, about ``source``)."""
    try:
        return call()
    except Exception as err:  # calamine's own errors: not a workbook, broken, encrypted
        raise UnreadableInput(f"{message}：{type(err).__name__}: {err}", source=source) from err
    except BaseException as err:
        # A Rust panic inside calamine reaches Python as pyo3's PanicException, a BaseException.
        if type(err).__name__ != "PanicException":
            raise
        raise UnreadableInput(f"{message}：{type(err).__name__}: {err}", source=source) from err


def _not_a_workbook(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    return f"{name} 不是可读的 {suffix if suffix in _SUFFIXES else '.xlsx'} 工作簿"


_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def sheet_state(visible: Any) -> str:
    """openpyxl's name for calamine's visibility of a sheet (visible, hidden, veryHidden)."""
    return next((state for found, state in _STATES if visible == found), "visible")
