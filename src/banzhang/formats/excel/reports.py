"""Reports as styled Excel workbooks: one sheet per section, for the people who act on them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from banzhang._atomic import writing
from banzhang.formats.excel._print import WRAP, print_ready, style_header

__all__ = ["Section", "write_workbook"]


@attrs.frozen
class Section:
    """One sheet of a report.

    Attributes:
        title: the sheet name.
        headers: the column headers.
        rows: the rows (produced lazily, written streaming).
        widths: column widths, in characters.
    """

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    widths: Sequence[int] = ()


def write_workbook(target: Any, sections: Iterable[Section]) -> None:
    """Write ``sections`` as a workbook: bold coloured headers, frozen, wrapped text, printing
    landscape and fitted to the page's width with the header on every page."""
    book = Workbook(write_only=True)
    for section in sections:
        sheet = book.create_sheet(section.title[:31])
        sheet.freeze_panes = "A2"
        print_ready(sheet)
        for position, width in enumerate(section.widths, start=1):
            sheet.column_dimensions[chr(64 + position)].width = width
        sheet.append([_cell(sheet, header, header=True) for header in section.headers])
        for row in section.rows:
            sheet.append([_cell(sheet, value) for value in row])
    with writing(target) as handle:
        book.save(handle)


def _cell(sheet: Any, value: Any, *, header: bool = False) -> Any:
    cell = WriteOnlyCell(
        sheet, value=value if not isinstance(value, list | tuple) else "\n".join(map(str, value))
    )
    if isinstance(cell.value, str):
        cell.data_type = "s"  # text, never a formula
    if header:
        return style_header(cell)
    cell.alignment = WRAP
    return cell
