"""Excel reports for people (issue 32): a filter on the header, rows as high as their wrapped
text, findings in the order a clerk fixes the sheet."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from banzhang.cli import main
from banzhang.formats import excel
from banzhang.formats.excel.reports import Section, write_workbook

FIXTURES = Path(__file__).parent / "fixtures" / "real-documents"


def test_a_report_sheet_filters_and_sizes_its_rows(tmp_path: Path) -> None:
    """The header carries a filter; a row whose text wraps gets the height of its lines."""
    target = tmp_path / "报告.xlsx"
    long = "一二三四五六七八九十" * 6  # 120 width units in a column of 20: 7 lines
    write_workbook(
        target, [Section("问题", ["说明", "级别"], [(long, "错误"), ("短", "警告")], (20, 8))]
    )
    with zipfile.ZipFile(target) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
    assert '<autoFilter ref="A1:B3"/>' in sheet
    assert '<row r="2" ht="105.0" customHeight="1">' in sheet
    assert '<row r="3">' in sheet


def test_the_findings_of_a_workbook_come_sheet_by_sheet_and_row_by_row(tmp_path: Path) -> None:
    """validate --excel lists a file's findings without a cell first, then by row and column."""
    source = tmp_path / "权责清单.xlsx"
    shutil.copy(FIXTURES / "gongcheng-power-list.xlsx", source)
    report = tmp_path / "报告.xlsx"
    assert main(["validate", str(source), "--excel", str(report)]) == 1
    rows = list(load_workbook(report)["问题"].iter_rows(min_row=2, values_only=True))
    cells = [str(row[5]) if row[5] else None for row in rows]
    placed = [cell for cell in cells if cell is not None]
    assert cells == [None] * (len(cells) - len(placed)) + placed
    order = [(int(cell.split("!")[1][1:]), cell.split("!")[1][0]) for cell in placed]
    assert order == sorted(order)


def test_every_dropdown_of_a_template_says_what_to_choose(tmp_path: Path) -> None:
    """Selecting a dropdown cell tells the clerk what to pick; a strict one says why it refuses."""
    target = tmp_path / "模板.xlsx"
    excel.template("power-list", target)
    validations = load_workbook(target)["权责清单"].data_validations.dataValidation
    assert validations
    for validation in validations:
        assert validation.showInputMessage
        assert str(validation.prompt).startswith("请从下拉列表中选择")
        if validation.showErrorMessage:
            assert "列表以外的值不能填写" in str(validation.error)
    titles = {validation.promptTitle for validation in validations}
    assert "事项类型" in titles
