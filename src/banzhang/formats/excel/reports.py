"""Reports as styled Excel workbooks: one sheet per section, for the people who act on them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from banzhang._atomic import writing
from banzhang.formats._prolog import NOT_XML
from banzhang.formats.excel._xlsx import Book, Column, Style

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
    """Write ``sections`` as a workbook: bold coloured headers with a filter, frozen, wrapped
    text in rows as high as it needs (LibreOffice and WPS do not fit them), printing landscape
    and fitted to the page's width with the header on every page."""
    book = Book()
    try:
        for section in sections:
            widths = list(section.widths) + [None] * (len(section.headers) - len(section.widths))
            sheet = book.add_sheet(
                section.title[:31],
                columns=[Column(width, Style.WRAP) for width in widths],
                freeze=(1, 0),
                title_rows=1,
                fit_rows=True,
                autofilter=True,
            )
            sheet.append(list(section.headers), style=Style.HEADER)
            for row in section.rows:
                sheet.append([_cell(value) for value in row])
        with writing(target) as handle:
            book.save(handle)
    finally:
        book.close()  # also when the target cannot be opened: no temporary rows left open


def _cell(value: Any) -> Any:
    """A report's cell: text, a number or a boolean; a list one entry a line. A character a
    worksheet cannot hold (a department's stray control character, quoted) shows as �."""
    if isinstance(value, list | tuple):
        value = "\n".join(map(str, value))
    if value is None or isinstance(value, bool | int | float):
        return value
    text = str(value)
    return NOT_XML.sub("\ufffd", text) if NOT_XML.search(text) else text
