"""What makes a written workbook print like a form a department hands in: one look for all.

Headers bold on a fill, bordered and wrapped; every sheet landscape on A4, fitted to the page's
width (as many pages down as it needs), its header rows printed on every page. Applies to the
templates, to every list or document banzhang writes, and to the reports.
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

__all__ = ["WRAP", "print_ready", "style_header"]

_THIN = Side(style="thin", color="8EA9DB")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="305496")
_HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center", horizontal="center")
#: The alignment of a cell whose text runs over several lines.
WRAP = Alignment(wrap_text=True, vertical="top")
#: openpyxl's code for A4 paper (``Worksheet.PAPERSIZE_A4``).
_A4 = "9"


def style_header(cell: Any) -> Any:
    """Give a header cell the header look (bold white on blue, bordered, wrapped); return it."""
    cell.font = _HEADER_FONT
    cell.fill = _HEADER_FILL
    cell.border = _BORDER
    cell.alignment = _HEADER_ALIGNMENT
    return cell


def print_ready(sheet: Any, *, title_rows: str = "1:1") -> None:
    """Set ``sheet`` to print landscape on A4, fitted to the width, ``title_rows`` on each page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = _A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = title_rows
