"""The department workbooks the desk's tests hand in: the fixture workbook (3 items, one error
and warnings with their cells), and a later version of it with one item renamed and one gone."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import FIXTURES

DEPARTMENT = FIXTURES / "workbooks" / "department.xlsx"


def later_version(target: Path) -> Path:
    """The department's next version: 食品生产许可 renamed, the last item (row 8) cancelled."""
    book = load_workbook(DEPARTMENT)
    sheet = book["Sheet1"]
    sheet["C4"] = "食品生产许可证核发"
    sheet.delete_rows(8)
    book.save(target)
    book.close()
    return target
