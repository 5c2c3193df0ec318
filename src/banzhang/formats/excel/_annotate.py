"""The department's own workbook handed back marked: each cell with a finding highlighted and
carrying the finding as a comment, and a 问题清单 sheet linking to every cell.

The copy is of the file the department sent — its sheets, values, formulas and formatting —
read whole by openpyxl (a .xlsx), or rebuilt cell for cell from its rows (an .xls, .ods or
.csv, which become .xlsx). Nothing of the original is changed but the fills and comments of the
cells named; the 问题清单 sheet is one the reader knows and passes over, so the marked copy
reads back to the same document. The original is never touched: the copy is written through
the atomic writer, and an output that is the input is refused by the command line.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from python_calamine import CalamineWorkbook

from banzhang._atomic import writing
from banzhang._reasons import reason
from banzhang.errors import UnreadableInput
from banzhang.formats._inputs import decode_csv
from banzhang.formats.excel._xlsx import row_height, wrapped_lines
from banzhang.formats.sheets import sheet_name
from banzhang.formats.tables import ANNOTATION_SHEET
from banzhang.validation import Finding, rule
from banzhang.validation.places import Cell, Sheet, column_letter

__all__ = ["annotate"]

#: A cell named by a finding: ``Sheet!C7`` (the sheet's name may hold anything but "!").
_FILLS = {
    "error": PatternFill("solid", fgColor="FFC7CE"),
    "warning": PatternFill("solid", fgColor="FFEB9C"),
}
_NOTICE_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEADERS = ("序号", "级别", "规则", "规则名称", "位置", "所在列的表头", "要素路径", "说明")
#: One landscape page wide at a readable scale (see ``_xlsx.Sheet.pages_wide``).
_WIDTHS = (6, 6, 22, 24, 12, 14, 24, 40)
_SIDE = Side("thin", color="808080")
_BORDER = Border(left=_SIDE, right=_SIDE, top=_SIDE, bottom=_SIDE)
_WRAPPED = Alignment(wrap_text=True, vertical="top")


def annotate(source: Path, findings: Iterable[Finding], target: Path) -> int:
    """Write to ``target`` (.xlsx) a copy of the workbook ``source`` with ``findings`` marked;
    return how many cells were marked.

    Raises:
        UnreadableInput: ``source`` cannot be opened as a workbook or .csv.
    """
    book = _copy_of(source)
    listed = list(findings)
    by_cell: dict[tuple[str, str], list[Finding]] = {}
    for finding in listed:
        place = _cell_of(finding, book.sheetnames)
        if place is not None:
            by_cell.setdefault(place, []).append(finding)
    for (sheet, coordinate), found in by_cell.items():
        _mark(book[sheet][coordinate], found)
    _list_sheet(book, listed, by_cell)
    with writing(target) as handle:
        book.save(handle)
    return len(by_cell)


def _copy_of(source: Path) -> Any:
    suffix = source.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return load_workbook(source)
        if suffix == ".csv":
            rows = decode_csv(source.read_bytes(), str(source))
            return _from_rows({sheet_name(source.stem) or "Sheet1": rows})
        return _from_rows(_calamine_rows(source))
    except UnreadableInput:
        raise
    except Exception as err:  # openpyxl and calamine raise many kinds for a broken file
        message = f"无法为 {source} 生成批注副本：{reason(err)}"
        raise UnreadableInput(message, source=str(source)) from err


def _calamine_rows(source: Path) -> dict[str, list[list[Any]]]:
    book = CalamineWorkbook.from_path(str(source))
    return {name: list(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names}


def _from_rows(sheets: dict[str, list[list[Any]]]) -> Any:
    book = Workbook()
    for first in book.worksheets:  # the empty sheet a new workbook starts with
        book.remove(first)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append([None if cell == "" else cell for cell in row])
    return book


def _cell_of(finding: Finding, sheets: list[str]) -> tuple[str, str] | None:
    """The sheet and cell (``C7``) a finding names, when the workbook has that sheet."""
    place = finding.place
    sheet = place.find(Sheet) if place is not None else None
    cell = place.find(Cell) if place is not None else None
    if sheet is None or cell is None or sheet.title not in sheets:
        return None
    return sheet.title, f"{column_letter(cell.column)}{cell.row}"


def _mark(cell: Any, found: list[Finding]) -> None:
    worst = "error" if any(f.severity == "error" for f in found) else found[0].severity
    cell.fill = _FILLS.get(worst, _NOTICE_FILL)
    text = "\n".join(f"[{f.severity_title}] {f.message}（{rule(f.rule).title}）" for f in found)
    comment = Comment(text, "banzhang")
    comment.width, comment.height = 320, min(60 + 40 * len(found), 400)
    cell.comment = comment


def _list_sheet(
    book: Any, listed: list[Finding], marked: dict[tuple[str, str], list[Finding]]
) -> None:
    """The 问题清单: a row a finding, its place a link to the marked cell."""
    if ANNOTATION_SHEET in book.sheetnames:
        del book[ANNOTATION_SHEET]
    sheet = book.create_sheet(ANNOTATION_SHEET, 0)
    sheet.append(_HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, finding in enumerate(listed, start=1):
        place = _cell_of(finding, book.sheetnames)
        shown = f"{place[0]}!{place[1]}" if place else (finding.source or "")
        sheet.append(
            (
                number,
                finding.severity_title,
                finding.rule,
                rule(finding.rule).title,
                shown,
                finding.header or "",
                finding.path,
                finding.message,
            )
        )
        if place is not None and place in marked:
            link = sheet.cell(row=number + 1, column=5)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{place[0]}'!{place[1]}")
            link.font = Font(color="0563C1", underline="single")
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    _print_ready(sheet)
    last = get_column_letter(len(_HEADERS))
    sheet.auto_filter.ref = f"A1:{last}{max(len(listed) + 1, 2)}"
    sheet.freeze_panes = "A2"


def _print_ready(sheet: Any) -> None:
    """Bordered, wrapped cells in rows as high as their text, printed landscape one page wide
    with the header on every page (LibreOffice and WPS fit no row to its text themselves)."""
    for row in sheet.iter_rows():
        lines = 1
        for cell, width in zip(row, _WIDTHS, strict=False):
            cell.border = _BORDER
            cell.alignment = _WRAPPED
            if cell.value is not None:
                lines = max(lines, wrapped_lines(str(cell.value), width - 1))
        sheet.row_dimensions[row[0].row].height = row_height(lines) if lines > 1 else None
    setup = sheet.page_setup
    setup.orientation, setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
