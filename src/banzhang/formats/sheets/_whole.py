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

Sheets are parsed on one background thread (:class:`SheetParser`): calamine lets go of Python's
interpreter lock while it parses, so on a machine of two cores a sheet parses while Python goes
on with the package scan of the next sheet (:class:`Ahead`) or with the rows of a sheet already
parsed. One thread, because a calamine workbook takes one call at a time.
"""

from __future__ import annotations

import io
import itertools
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePath
from typing import Any, TypeVar

from python_calamine import CalamineSheet, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from banzhang._reasons import reason
from banzhang.errors import UnreadableInput
from banzhang.formats.sheets._contract import Cell, Range, Rows, SheetState, worksheet_words

__all__ = [
    "Ahead",
    "CellError",
    "SheetParser",
    "WholeBook",
    "WholeSheet",
    "calamine",
    "cell_value",
    "sheet_state",
]

#: The largest whole number a float holds exactly: above it a number stays a float.
_EXACT_INTEGERS = 2**53
#: openpyxl's name for each hidden state (calamine's enum members are not hashable).
_STATES: tuple[tuple[Any, SheetState], ...] = (
    (SheetVisibleEnum.Hidden, "hidden"),
    (SheetVisibleEnum.VeryHidden, "veryHidden"),
)
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

    def __init__(self, parser: SheetParser, title: str, state: SheetState) -> None:
        self._parser = parser
        self.title = title
        self.state: SheetState = state
        #: Error cells, placed by the package scan: calamine reads them as empty cells.
        self.errors: ErrorCells = {}

    @property
    def parsed(self) -> bool:
        """Whether the sheet is parsed already (reading it will not wait)."""
        return self._parser.parsed(self.title)

    def _parsed(self) -> CalamineSheet:
        return self._parser.result(self.title)

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
            if number in self.errors:
                values = _with_errors(pad + values, self.errors[number])
                yield values
                continue
            yield pad + values if left else values

    def native_rows(self) -> Rows:
        """Every row from row 1, column A, as calamine gives it when it can: an empty cell is
        ``""``, every number a float (see :func:`cell_value`). Converting every cell took about a
        tenth of the time of reading banzhang's own files, whose reader looks at each cell
        anyway and takes either form. A sheet with error cells, or whose cells start past
        column A, gives its rows converted."""
        sheet = self._parsed()
        if sheet.start is None or sheet.start[1] or self.errors:
            return Rows("plain", self._rows())
        return Rows("calamine", sheet.iter_rows())

    def rows(self, *, max_col: int | None = None) -> Iterator[tuple[Cell, ...]]:
        """Yield each row's values, ``max_col`` wide when given."""
        rows = self._rows()
        if max_col is None:
            return rows
        return ((row + (None,) * (max_col - len(row)))[:max_col] for row in rows)

    def values(
        self, *, max_row: int | None = None, max_col: int | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """The first ``max_row`` rows (all when not given), ``max_col`` wide when given."""
        rows = self.rows(max_col=max_col)
        return rows if max_row is None else itertools.islice(rows, max_row)

    def merged(self) -> list[Range]:
        """The sheet's merged ranges, as (first row, first column, last row, last column) from
        0 (department files: what a merged cell covers is read as its value)."""
        ranges = getattr(self._parsed(), "merged_cell_ranges", None) or []
        return [(top, left, bottom, right) for (top, left), (bottom, right) in ranges]

    def words(self, row: int | None = None, column: int | None = None) -> str:
        return worksheet_words(self.title, row, column)


def cell_value(cell: Any) -> Any:
    """A cell of a row of :meth:`WholeSheet.raw_rows` as the reader's other rows give it (as
    openpyxl does): ``None`` for an empty cell, a whole number as an integer. Rows converted
    already pass through unchanged."""
    if type(cell) is str:  # not an error value (a str of its own type), even one with no text
        return cell or None
    if type(cell) is float and cell.is_integer() and abs(cell) < _EXACT_INTEGERS:
        return int(cell)
    return cell


def _with_errors(values: tuple[Any, ...], errors: dict[int, str]) -> tuple[Any, ...]:
    """The row with its error cells put back where calamine left them empty."""
    width = max(len(values), max(errors) + 1)
    cells = list(values) + [None] * (width - len(values))
    for column, value in errors.items():
        cells[column] = CellError(value)
    return tuple(cells)


class WholeBook:
    """A workbook's worksheets by name, in order (chart sheets left out)."""

    def __init__(self, book: CalamineWorkbook, name: str) -> None:
        # Read before the parser starts: from then on only its thread calls the workbook.
        metadata = calamine(
            lambda: [m for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet],
            _not_a_workbook(name),
            source=name,
        )
        self.name = name
        self.parser = SheetParser(book, xml=not name.lower().endswith(".xls"))
        self._sheets = {
            m.name: WholeSheet(self.parser, m.name, sheet_state(m.visible)) for m in metadata
        }
        self.sheetnames = list(self._sheets)
        self.heading: tuple[str, ...] = ()  # a spreadsheet's titles are in its sheets

    @classmethod
    def open(cls, source: Any, name: str) -> WholeBook:
        """Open a path, a binary file object or bytes (.xlsx, .xls or .ods) with calamine; its
        sheets start parsing at once, in order, in the background."""
        book = cls(_opened(source, name), name)
        book.parser.submit(book.sheetnames)
        return book

    def place_errors(self, errors: dict[str, ErrorCells]) -> None:
        """Put each sheet's error cells, as the package scan of an .xlsx placed them, back into
        its rows (calamine reads an error value as an empty cell)."""
        for title, cells in errors.items():
            if title in self._sheets:
                self._sheets[title].errors = cells

    def __getitem__(self, name: str) -> WholeSheet:
        return self._sheets[name]

    def formulas(self, title: str) -> None:
        """None: calamine gives each formula's saved value (a plain .xlsx has every one)."""
        return

    def close(self) -> None:
        """Parse no more of it (what was parsed stays readable)."""
        self.parser.cancel()


def _opened(source: Any, name: str) -> CalamineWorkbook:
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        return calamine(
            lambda: CalamineWorkbook.from_path(path), _not_a_workbook(name), source=name
        )
    if not isinstance(source, bytes):
        source.seek(0)
        source = source.read()
    data = io.BytesIO(source)
    return calamine(
        lambda: CalamineWorkbook.from_filelike(data), _not_a_workbook(name), source=name
    )


class SheetParser:
    """Parses a workbook's sheets on one background thread, each once, in the order submitted;
    a sheet asked for before its turn goes next.

    What calamine raises for a sheet is raised again to whoever asks for that sheet.
    """

    def __init__(self, book: CalamineWorkbook, *, xml: bool) -> None:
        self._book = book
        self._xml = xml
        self._queue: list[str] = []
        self._busy: str | None = None
        self._done: dict[str, CalamineSheet | BaseException] = {}
        self._changed = threading.Condition()
        self._running = False

    def submit(self, titles: Iterable[str]) -> None:
        """Parse these sheets in the background, after those submitted before."""
        with self._changed:
            self._queue += [t for t in titles if not self._known(t) and t not in self._queue]
            self._start()

    def cancel(self) -> None:
        """Parse nothing more (the sheet being parsed is finished, and let go)."""
        with self._changed:
            self._queue.clear()

    def parsed(self, title: str) -> bool:
        # No lock: a sheet is added to the dict whole, and never taken out.
        return title in self._done

    def result(self, title: str) -> CalamineSheet:
        """The sheet, parsed: waits for it, moving it to the head of the queue."""
        with self._changed:
            if not self._known(title):
                if title in self._queue:
                    self._queue.remove(title)
                self._queue.insert(0, title)
                self._start()
            while title not in self._done:
                self._changed.wait()
            found = self._done[title]
        if isinstance(found, BaseException):
            raise found
        return found

    def _known(self, title: str) -> bool:
        return title in self._done or title == self._busy

    def _start(self) -> None:
        # Called with the lock held. The thread ends when the queue is empty: none lingers.
        if self._queue and not self._running:
            self._running = True
            threading.Thread(target=self._run, name="banzhang-calamine", daemon=True).start()

    def _run(self) -> None:
        while True:
            with self._changed:
                if not self._queue:
                    self._running = False
                    return
                title = self._busy = self._queue.pop(0)
            found = self._parse(title)
            with self._changed:
                self._done[title] = found
                self._busy = None
                self._changed.notify_all()

    def _parse(self, title: str) -> CalamineSheet | BaseException:
        message = f"工作表“{title}”的{' XML ' if self._xml else '内容'}无法读取"
        try:
            return calamine(lambda: self._book.get_sheet_by_name(title), message, source=title)
        except BaseException as err:  # handed to the thread that asks for the sheet
            return err


class Ahead:
    """An .xlsx opened by calamine while the package scan is still going: each sheet the scan
    has cleared (see :class:`~banzhang.formats.sheets._safety.SheetsCleared`) starts parsing at
    once, so the scan of the next sheet and the parse overlap. Nothing is opened before the
    package's sizes and prologs are checked, and no sheet is parsed before its own scan."""

    def __init__(self, source: Any, name: str) -> None:
        self._source = source
        self._name = name
        self._book: WholeBook | None = None

    def begin(self) -> None:
        """The package passed its checks: open it (a workbook calamine cannot open is told
        about by :meth:`book`, or read by the streaming reader if the scan sends it there)."""
        try:
            self._book = WholeBook(_opened(self._source, self._name), self._name)
        except UnreadableInput:
            self._book = None

    def cleared(self, title: str) -> None:
        """The scan found this sheet plain and the workbook still within its limits."""
        if self._book is not None and title in self._book.sheetnames:
            self._book.parser.submit([title])

    def book(self, errors: dict[str, ErrorCells]) -> WholeBook:
        """The workbook, once the scan found it plain: the rest of its sheets submitted."""
        book = self._book or WholeBook(_opened(self._source, self._name), self._name)
        book.place_errors(errors)
        book.parser.submit(book.sheetnames)
        return book

    def cancel(self) -> None:
        """The workbook is not read whole after all: parse nothing more of it."""
        if self._book is not None:
            self._book.parser.cancel()
            self._book = None


_Result = TypeVar("_Result")


def calamine(call: Callable[[], _Result], message: str, *, source: str) -> _Result:
    """``call()``, with what calamine raises for a file it cannot read as UnreadableInput
    (``message``, then calamine's reason, about ``source``)."""
    try:
        return call()
    except Exception as err:  # calamine's own errors: not a workbook, broken, encrypted
        raise UnreadableInput(f"{message}：{reason(err)}", source=source) from err
    except BaseException as err:
        # A Rust panic inside calamine reaches Python as pyo3's PanicException, a BaseException.
        if type(err).__name__ != "PanicException":
            raise
        raise UnreadableInput(f"{message}：{reason(err)}", source=source) from err


def _not_a_workbook(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    return f"{name} 不是可读的 {suffix if suffix in _SUFFIXES else '.xlsx'} 工作簿"


_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def sheet_state(visible: Any) -> SheetState:
    """openpyxl's name for calamine's visibility of a sheet (visible, hidden, veryHidden)."""
    return next((state for found, state in _STATES if visible == found), "visible")
