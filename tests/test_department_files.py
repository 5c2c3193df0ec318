"""Departments' files as they write them: rows that are no items, merged cells, clerks' cells,
Word guides with labels that are no elements (each behaviour on a small file of its own)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

import banzhang
from banzhang import examples
from banzhang.formats import docx, excel


def _sheet(path: Path, rows: list[list[Any]], merged: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    book.save(path)
    return path


_HEADER = ["序号", "职权名称", "职权类型", "实施主体", "职权依据", "责任事项", "追责情形"]


def _power_row(number: int, name: str, kind: str = "行政许可") -> list[Any]:
    return [number, name, kind, "某局", "《某某条例》第十条", "受理责任：依法受理", "不履行的"]


def test_group_section_subtotal_and_repeated_header_rows_are_no_items(tmp_path: Path) -> None:
    """A section row gives its type, the header again and a 合计 are no items, and a group's
    text that no item takes is told with its cell (excel.not-an-item)."""
    rows = [
        ["某局权责清单"],
        _HEADER,
        ["一、行政处罚类"],
        _power_row(1, "对甲的处罚", kind=None),  # type: ignore[arg-type]
        _HEADER,
        [None, None, None, None, None, "以下为检查事项"],
        _power_row(2, "对乙的检查", kind="行政检查"),
        ["合计", None, "2 项"],
    ]
    path = _sheet(tmp_path / "list.xlsx", rows)
    items = excel.load_data(path)["items"]
    assert [(item["name"], item["power_type"]) for item in items] == [
        ("对甲的处罚", "02"),
        ("对乙的检查", "06"),
    ]
    told = [(f.source, f.value) for f in excel.iter_findings(path) if f.rule == "excel.not-an-item"]
    assert told == [("Sheet!A6", "以下为检查事项"), ("Sheet!A8", "合计")]


def test_a_fee_parent_row_lends_its_cells_to_its_numbered_sub_rows(tmp_path: Path) -> None:
    """签证费 with no fee of its own over (1)(2): two items named after both, the department
    group row carried down as their 执收单位, the title giving their 收费类别."""
    rows: list[list[Any]] = [
        ["某市行政事业性收费项目目录"],
        ["序号", "部门", "收费项目", "资金管理方式", "政策依据"],
        [None, "外交部门"],
        [2, None, "签证费"],
        [None, None, "(1)代办外国签证", "缴入中央和地方国库", "计价格〔1999〕466号"],
        [None, None, "(2)代填外国签证申请表", "缴入中央和地方国库", "财综〔2003〕45号"],
    ]
    path = _sheet(tmp_path / "收费.xlsx", rows, merged=("B3:E3",))
    data = excel.load_data(path)
    assert data["kind"] == "fee-list"
    assert [
        (item["name"], item["collecting_unit"], item["fund_management"], item["category"])
        for item in data["items"]
    ] == [
        ("签证费：代办外国签证", {"name": "外交部门"}, "缴入国库", "行政事业性收费"),
        ("签证费：代填外国签证申请表", {"name": "外交部门"}, "缴入国库", "行政事业性收费"),
    ]
    assert data["items"][0]["basis"] == [
        {"title": "计价格〔1999〕466号", "doc_number": "计价格〔1999〕466号"}
    ]


def test_cells_merged_down_and_a_header_over_two_columns(tmp_path: Path) -> None:
    """A 部门 merged over its items is each item's; the texts under a header merged over two
    columns are one element's, and a name merged down makes more of the item above."""
    rows: list[list[Any]] = [
        ["序号", "部门", "收费项目", None, "资金管理方式", "政策依据"],
        [1, "教育", "学费", None, "缴入财政专户", "教财〔2003〕4号"],
        [2, None, "住宿费", "(1)普通间", "缴入财政专户", "教财〔2003〕4号"],
        [None, None, None, "(2)单人间", None, None],
    ]
    merged = ("C1:D1", "B2:B4", "E3:E4", "F3:F4", "A3:A4")
    path = _sheet(tmp_path / "收费目录.xlsx", rows, merged=merged)
    items = excel.load_data(path)["items"]
    assert [(item["name"], item["collecting_unit"]["name"]) for item in items] == [
        ("学费", "教育"),
        ("住宿费：(1)普通间", "教育"),
        ("(2)单人间", "教育"),
    ]
    assert items[2]["fund_management"] == "缴入财政专户"


def test_a_phone_stored_as_a_number_is_told(tmp_path: Path) -> None:
    """A 监督电话 typed as a number may have lost its leading 0: a warning at its cell."""
    rows = [[*_HEADER, "监督电话"], [*_power_row(1, "对甲的许可"), 4712345678]]
    path = _sheet(tmp_path / "权责清单.xlsx", rows)
    (found,) = [f for f in excel.iter_findings(path) if f.rule == "excel.phone-as-number"]
    assert (found.source, found.severity) == ("Sheet!H2", "warning")
    assert "4712345678" in found.message


def test_unnumbered_lines_in_our_own_template_are_entries(tmp_path: Path) -> None:
    """受理⏎审查⏎决定 typed by a clerk into banzhang's workbook is three 基本流程 steps, and
    盟市级、旗县级 two 行使层级."""
    path = tmp_path / "权责清单.xlsx"
    excel.dump(examples.load("power-list"), path)
    book = load_workbook(path)
    sheet = book["权责清单"]
    # Row 1 is the title, row 2 the header, row 3 the hidden element ids, row 4 the first item.
    column = next(cell.column for cell in sheet[2] if cell.value == "基本流程")
    sheet.cell(row=4, column=column, value="受理\n审查\n决定")
    levels = next(cell.column for cell in sheet[2] if cell.value == "行使层级")
    sheet.cell(row=4, column=levels, value="盟市级、旗县级")
    book.save(path)
    item = excel.load_data(path)["items"][0]
    assert item["process"] == ["受理", "审查", "决定"]
    assert item["levels"] == ["3", "4"]


def _guide(path: Path, lines: list[str]) -> Path:
    word = Document()
    word.add_paragraph("某某许可办事指南")
    for line in lines:
        word.add_paragraph(line)
    word.save(str(path))
    return path


def test_an_unknown_label_never_overwrites_the_element_above(tmp_path: Path) -> None:
    """办公时间 after 是否收费 is the office's hours, 乘车路线 is kept apart, and a complaint
    phone keeps its area code."""
    path = _guide(
        tmp_path / "指南.docx",
        [
            "是否收费：否",
            "办公时间：工作日 9:00-17:00",
            "乘车路线：2路公交",
            "监督投诉方式：投诉电话：0833-12345",
        ],
    )
    data = docx.load_data(path)
    assert data["charged"] is False
    assert data["office"] == {"hours": "工作日 9:00-17:00"}
    assert data["complaint"] == {"phones": ["0833-12345"]}
    unread = [f for f in docx.iter_findings(path) if f.rule == "docx.unread-content"]
    assert [(f.severity, f.source, f.value) for f in unread] == [
        ("warning", "第 4 段", "乘车路线：2路公交")
    ]


def test_what_no_element_takes_is_one_warning_a_section(tmp_path: Path) -> None:
    """Three lines of one section that fit nothing: one warning naming each and its place."""
    path = _guide(
        tmp_path / "指南.docx",
        ["一、事项名称", "某某许可", "二、其他", "甲", "乙", "丙"],
    )
    (found,) = [f for f in docx.iter_findings(path) if f.rule == "docx.unread-content"]
    assert found.severity == "warning"
    assert "“二、其他”中" in found.message
    assert "“甲”（第 5 段）" in found.message
    assert "“丙”（第 7 段）" in found.message


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("乌审旗收费目录清单.xlsx", "fee-list"),
        ("双随机抽查事项清单.xlsx", "random-inspection-list"),
    ],
)
def test_the_kind_is_read_from_the_file_name(tmp_path: Path, name: str, kind: str) -> None:
    """No title row, a plain sheet name: the file's name says the kind."""
    title = "收费项目名称" if kind == "fee-list" else "抽查事项名称"
    path = _sheet(tmp_path / name, [["序号", title, "备注"], [1, "甲", "无"]])
    assert banzhang.load_data(path)["kind"] == kind


def test_a_guide_handled_online_needs_no_postal_delivery_at_zero_visits() -> None:
    """网办类型：全程网办 with 到办事现场次数 0 (政务服务网's words) needs no 邮寄送达."""
    data = examples.load_data("service-guide")
    data.update(onsite_visits=0, online=True, online_depth="全程网办", postal_delivery=False)
    data["modes"] = [mode for mode in data.get("modes", []) if mode != "网上办"]
    said = [f.path for f in banzhang.iter_findings(data) if f.rule == "mode.consistency"]
    assert "$.postal_delivery" not in said
