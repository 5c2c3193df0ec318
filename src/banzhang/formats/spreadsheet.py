"""Departments' .xls and .ods workbooks, read like .xlsx (SPEC §10 "Other spreadsheet formats").

python-calamine (Rust's calamine) reads both formats fast and without a spreadsheet program. Each
sheet's cells become a sheet of an in-memory workbook (banzhang's own writer) of the same name,
visibility and cell places, and :mod:`banzhang.formats.excel` reads that with the same lenient
department reading and the same findings (``Sheet1!C7``). What calamine gives is what a formula
last computed (as Excel's cached values); whole numbers come back as integers, so a code stored
as a number is reported (``excel.code-as-number``) just as in .xlsx; dates stay dates.

Refused before calamine parses anything: a file over :data:`MAX_BYTES`; an .ods (a zip package)
over the zip limits of :class:`banzhang.formats.excel.Limits` or with a DTD in any XML part.

Known limitation: calamine reads an error value (``#N/A``, ``#REF!``) as an empty cell, so
``excel.error-cell`` is reported for .xlsx only (python-calamine issue #105). Read only: banzhang
writes .xlsx.
"""

from __future__ import annotations

import io
import os
from pathlib import PurePath
from typing import Any

from python_calamine import CalamineWorkbook, SheetTypeEnum

from banzhang.errors import UnreadableInput
from banzhang.formats._converted import ConvertedFormat
from banzhang.formats._inputs import read_limited
from banzhang.formats.excel import Limits
from banzhang.formats.excel._safety import inspect_package
from banzhang.formats.excel._whole import cell_value, sheet_state
from banzhang.formats.excel._xlsx import Book, Sheet, UnwritableText

__all__ = [
    "EXTENSIONS",
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

NAME = "spreadsheet"
EXTENSIONS: tuple[str, ...] = (".xls", ".ods")
#: The largest .xls or .ods read (the whole workbook is held in memory while it is read).
MAX_BYTES = 200 * 1024 * 1024


def _as_workbook(source: Any) -> io.BytesIO:
    """The workbook's sheets, cell for cell, as an in-memory .xlsx."""
    name = os.fspath(source) if isinstance(source, str | os.PathLike) else "<spreadsheet>"
    data = read_limited(source, name, MAX_BYTES, "请另存为 .xlsx")
    if not data:
        raise UnreadableInput(f"{name} 是空文件", source=name)
    if data[:2] == b"PK":  # an .ods is a zip package: the same checks as an .xlsx
        inspect_package(io.BytesIO(data), name, Limits())
    book = Book()
    try:
        for metadata, rows in _sheets(data, name):
            hidden = sheet_state(metadata.visible) != "visible"
            sheet = book.add_sheet(metadata.name, hidden=hidden)
            for number, row in enumerate(rows, start=1):
                _append(sheet, [cell_value(value) for value in row], name, number)
        if not book.sheets:
            raise UnreadableInput(f"{name} 中没有工作表", source=name)
        buffer = io.BytesIO()
        book.save(buffer)
    finally:
        book.close()
    buffer.seek(0)
    return buffer


def _append(sheet: Sheet, cells: list[Any], name: str, number: int) -> None:
    """Add a row to the in-memory workbook; text is text, dates stay dates."""
    try:
        sheet.append(cells)
    except UnwritableText as err:
        # An .xls can hold characters no .xlsx (no XML) can: say where, never drop them.
        message = (
            f"{name} 的工作表“{sheet.name}”第 {number} 行含有 XML 不允许的控制字符，"
            "banzhang 不会删去它；请先清除后另存"
        )
        raise UnreadableInput(message, source=name) from err


def _sheets(data: bytes, name: str) -> list[tuple[Any, list[list[Any]]]]:
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return [
            (metadata, workbook.get_sheet_by_name(metadata.name).to_python(skip_empty_area=False))
            for metadata in workbook.sheets_metadata
            if metadata.typ == SheetTypeEnum.WorkSheet
        ]
    except Exception as err:  # calamine's own errors: not a workbook, broken, encrypted
        raise _unreadable(name, err) from err
    except BaseException as err:
        # A Rust panic inside calamine reaches Python as pyo3's PanicException, a BaseException.
        if type(err).__name__ != "PanicException":
            raise
        raise _unreadable(name, err) from err


def _unreadable(name: str, err: BaseException) -> UnreadableInput:
    suffix = PurePath(name).suffix or ".xls/.ods"
    message = f"{name} 不是可读的 {suffix} 工作簿：{type(err).__name__}: {err}"
    return UnreadableInput(message, source=name)


_FORMAT = ConvertedFormat(_as_workbook, ".xls 和 .ods", instead=".xlsx")
load = _FORMAT.load
load_data = _FORMAT.load_data
iter_load = _FORMAT.iter_load
iter_load_data = _FORMAT.iter_load_data
iter_findings = _FORMAT.iter_findings
dump = _FORMAT.dump
iter_dump = _FORMAT.iter_dump
