"""Estimate, before calamine parses an .ods, what its repeated rows and columns would spread to.

An .ods says "this row, a million times" (``table:number-rows-repeated``) and "this cell, 16,384
times" (``table:number-columns-repeated``) in a few bytes; calamine spreads every repeat of a
cell with a value into memory (its value and its formula each), so a 1 KB file could ask for
gigabytes and minutes. The content is scanned here a slice at a time, as calamine reads it:
empty cells (self-closing, no value, no formula) and empty rows at a sheet's end cost nothing
(LibreOffice writes a repeated empty row down to row 1,048,576 in every sheet), every other row
costs its repeats times the widest row of the sheet, and every cell with content its text once
per repeat. Over :attr:`~banzhang.formats.excel.Limits.whole_memory_bytes` the file is refused:
no streaming reader for .ods could take it instead.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import attrs

from banzhang._reasons import zip_reason
from banzhang.errors import UnreadableInput
from banzhang.formats._inputs import BROKEN_ZIP
from banzhang.formats.sheets._safety import Limits

__all__ = ["check_repeats", "estimate"]

#: What one spread cell takes in calamine's memory: its value, and its formula's empty string.
_CELL_BYTES = 64
_CHUNK = 1 << 22
#: A start tag calamine looks at (it matches the ``table:`` prefix literally, as here), with
#: its attributes (quoted values may hold ``>``) and whether it closes itself.
_TAG = re.compile(
    rb"<table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])"
    rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>"
)
_ROWS_REPEATED = re.compile(rb"table:number-rows-repeated\s*=\s*[\"']\s*(\d+)")
_COLUMNS_REPEATED = re.compile(rb"table:number-columns-repeated\s*=\s*[\"']\s*(\d+)")
_CONTENT = re.compile(rb"\b(?:office:[\w-]*value|table:formula)\s*=")


@attrs.define
class _Sheet:
    """The cells and text one sheet would spread to, as it is scanned."""

    widest: int = 0
    pending_rows: int = 0  # empty rows since the last row with content: spread if one follows
    rows: int = 0  # rows up to the last one with content
    text: int = 0

    def cells(self) -> int:
        return self.rows * self.widest


@attrs.define
class _Row:
    repeats: int
    width: int = 0  # columns up to the last cell with content
    columns: int = 0  # columns so far
    text: int = 0


def estimate(content: Iterator[bytes]) -> int:
    """The bytes calamine would take for the sheets of ``content`` (the XML, in slices)."""
    total = 0
    sheet = _Sheet()
    row: _Row | None = None
    cell: tuple[int, int] | None = None  # (its start, its repeats) while its end is unknown
    for tag, attributes, closed, start in _tags(content):
        if cell is not None and row is not None:  # a cell with content ends at the next tag
            row.text += (start - cell[0]) * cell[1]
            cell = None
        if tag == b"table":
            total += _spent(sheet, row)
            sheet, row = _Sheet(), None
        elif tag == b"table-row":
            _finish(sheet, row)
            row = _Row(_repeats(_ROWS_REPEATED, attributes))
        elif row is not None:
            repeats = _repeats(_COLUMNS_REPEATED, attributes)
            row.columns += repeats
            if not closed or _CONTENT.search(attributes):
                row.width = row.columns
                cell = (start, repeats)
    return total + _spent(sheet, row)


def _finish(sheet: _Sheet, row: _Row | None) -> None:
    if row is None:
        return
    if row.width == 0:
        sheet.pending_rows += row.repeats
        return
    sheet.rows += (sheet.pending_rows if sheet.rows else 0) + row.repeats  # none above the first
    sheet.pending_rows = 0
    sheet.widest = max(sheet.widest, row.width)
    sheet.text += row.text * row.repeats


def _spent(sheet: _Sheet, row: _Row | None) -> int:
    _finish(sheet, row)
    return sheet.cells() * _CELL_BYTES + sheet.text


def _repeats(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    found = pattern.search(attributes)
    return int(found.group(1)) if found else 1


def _tags(content: Iterator[bytes]) -> Iterator[tuple[bytes, bytes, bool, int]]:
    """Each tag of :data:`_TAG` (its name, attributes, whether it closes itself, where it
    starts in the whole content), across slices: a tag cut by a slice's end waits for the next."""
    kept, base = b"", 0
    for chunk in content:
        data = kept + chunk
        cut = data.rfind(b"<")
        cut = len(data) if cut < 0 else cut
        for found in _TAG.finditer(data, 0, cut):
            yield found.group(1), found.group(2), found.group(3) == b"/", base + found.start()
        kept, base = data[cut:], base + cut
        if len(kept) > _CHUNK:  # one tag longer than a slice: its attributes are not read
            kept, base = b"", base + len(kept)
    for found in _TAG.finditer(kept):
        yield found.group(1), found.group(2), found.group(3) == b"/", base + found.start()


def check_repeats(data: bytes, name: str, limits: Limits) -> None:
    """Refuse an .ods whose repeated rows and columns would spread past
    :attr:`Limits.whole_memory_bytes` in calamine's memory.

    Raises:
        UnreadableInput: naming the estimate and the limit.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package, package.open("content.xml") as stream:
            spent = estimate(iter(lambda: stream.read(_CHUNK), b""))
    except KeyError:
        return  # no content: calamine says the file is not a workbook
    except UnreadableInput:  # our own refusal, met while estimating: as it says
        raise
    except BROKEN_ZIP as err:
        raise UnreadableInput(f"{name} 的压缩数据已损坏：{zip_reason(err)}", source=name) from err
    if spent > limits.whole_memory_bytes:
        most = limits.whole_memory_bytes // 1024**2
        message = (
            f"{name} 的重复行、列（number-rows-repeated、number-columns-repeated）展开后约需 "
            f"{spent // 1024**2} MB 内存，超过上限 {most} MB，拒绝读取"
        )
        raise UnreadableInput(message, source=name)
