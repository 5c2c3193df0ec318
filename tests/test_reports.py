"""Excel reports for people (issue 32): a filter on the header, rows as high as their wrapped
text, findings in the order a clerk fixes the sheet."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

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


_DEPARTMENT = Path(__file__).parent / "fixtures" / "workbooks" / "department.xlsx"


def test_a_finding_names_the_header_the_department_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A cell of a department's workbook comes with the header above it — “职权编码”, the
    department's word for 基本编码 — in the text, in JSON beside the cell, in the --excel
    report; an element left out (only its row known) names no column."""
    report = tmp_path / "报告.xlsx"
    assert main(["validate", str(_DEPARTMENT), "--excel", str(report)]) == 1
    assert "$.items[1].basic_code（Sheet1!B7，“职权编码”列）" in capsys.readouterr().out
    assert main(["validate", str(_DEPARTMENT), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    by_path = {(data["rule"], data["path"]): data for data in findings}
    coded = by_path["excel.code-as-number", "$.items[1].basic_code"]
    assert (coded["source"], coded["header"]) == ("Sheet1!B7", "职权编码")
    left_out = by_path["process.missing", "$.items[1].process"]
    assert left_out["source"] == "Sheet1!A7"
    assert "header" not in left_out
    sheet = load_workbook(report)["问题"]
    headers = [cell.value for cell in sheet[1]]
    rows = [dict(zip(headers, row, strict=True)) for row in sheet.iter_rows(2, values_only=True)]
    assert {"单元格或行": "Sheet1!B7", "所在列的表头": "职权编码"}.items() <= next(
        row.items() for row in rows if row["单元格或行"] == "Sheet1!B7"
    )


def test_a_header_over_two_lines_is_named_on_one(tmp_path: Path) -> None:
    """“事项名称” and “（必填）” on two lines of one header cell read as one header."""
    source = tmp_path / "部门.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "权责清单"
    sheet.append(["序号", "事项名称\n（必填）", "基本编码", "事项类型", "实施依据"])
    sheet.append([1, "对违法行为的处罚", "０００１１７０４７０００", "行政处罚", "《某法》第一条"])
    sheet.append([2, None, "000117047001", "行政处罚", "《某法》第二条"])
    book.save(source)
    findings = list(excel.iter_findings(source))
    coded = next(f for f in findings if f.rule == "excel.code-normalised")
    assert (coded.source, coded.header) == ("权责清单!C2", "基本编码")
    unnamed = next(f for f in findings if f.path == "$.items[1].name")
    assert (unnamed.source, unnamed.header) == ("权责清单!B3", "事项名称（必填）")
    assert "（权责清单!B3，“事项名称（必填）”列）" in str(unnamed)
