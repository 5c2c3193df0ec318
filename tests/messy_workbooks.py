"""Workbooks as departments really send them, built in code, with the document each must give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

HEADERS = [
    "序号",
    "职权编码",
    "权力名称",
    "子项名称",
    "子项编码",
    "权力类别",
    "实施主体（必填）",
    "设定依据",
    "责任事项",
    "问责情形",
    "层级",
    "备注",
    "联系人",
]
MERGED_OVER_SUB_ITEMS = "ABCFGHIJKLM"


def department_power_list(path: Path) -> None:
    """A 权责清单 with a title row, synonyms, merged 主项 cells, numbers, formulas, blanks."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet["A1"] = "包头市市场监督管理局权责清单（2026年版）"
    sheet.merge_cells("A1:M1")
    for column, header in enumerate(HEADERS, start=1):
        sheet.cell(row=3, column=column, value=header)
    rows: dict[int, list[Any]] = {
        4: [
            1,
            "０００１１７０４７００Ｙ",
            "  食品生产许可 ",
            "食品生产许可（新办）",
            "000117047001",
            "行政许可",
            "包头市市场监督管理局",
            (
                "1.《中华人民共和国食品安全法》第三十五条第一款 国家对食品生产经营实行许可制度。\n"
                "2.《食品生产许可管理办法》第二条"
            ),
            "1.受理责任：依法受理或不予受理。\n2.审查责任：审查申请材料。",
            "1.对符合法定条件的申请不予受理的；2.索取或者收受他人财物的",
            "盟市级、旗县级",
            None,
            "张三",
        ],
        5: [None, None, None, "食品生产许可（变更）", 117047002],
        7: [
            2,
            217032000,
            "对生产经营不符合食品安全标准的食品的行政处罚",
            None,
            None,
            "CF",
            "包头市市场监督管理局",
            "《中华人民共和国食品安全法》第一百二十四条第一款",
            "立案责任：依法立案。",
            "没有法律依据实施行政处罚的",
            "盟市级",
            '=CONCATENATE("a","b")',
        ],
        8: [
            3,
            "000617018000",
            "食品生产经营监督检查",
            None,
            None,
            "行政检查",
            "包头市市场监督管理局",
            "《中华人民共和国食品安全法》第一百一十条",
            "日常监督检查",
            "未按规定开展监督检查的",
            3,
        ],
    }
    for row, values in rows.items():
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row=row, column=column, value=value)
    for letter in MERGED_OVER_SUB_ITEMS:
        sheet.merge_cells(f"{letter}4:{letter}5")
    book.save(path)


AGENCY = {"name": "包头市市场监督管理局"}
FSL = "《中华人民共和国食品安全法》"

#: The items department_power_list must read as, exactly.
EXPECTED_ITEMS = [
    {
        "basic_code": "00011704700Y",
        "name": "食品生产许可",
        "sub_items": [
            {"name": "食品生产许可（新办）", "basic_code": "000117047001"},
            {"name": "食品生产许可（变更）", "basic_code": "000117047002"},
        ],
        "power_type": "01",
        "agency": AGENCY,
        "basis": [
            {
                "title": FSL,
                "article": "第三十五条第一款",
                "excerpt": "国家对食品生产经营实行许可制度。",
            },
            {"title": "《食品生产许可管理办法》", "article": "第二条"},
        ],
        "responsibilities": [
            {"stage": "受理", "content": "依法受理或不予受理。"},
            {"stage": "审查", "content": "审查申请材料。"},
        ],
        "accountability": ["对符合法定条件的申请不予受理的", "索取或者收受他人财物的"],
        "levels": ["3", "4"],
    },
    {
        "basic_code": "000217032000",
        "name": "对生产经营不符合食品安全标准的食品的行政处罚",
        "power_type": "02",
        "agency": AGENCY,
        "basis": [{"title": FSL, "article": "第一百二十四条第一款"}],
        "responsibilities": [{"stage": "立案", "content": "依法立案。"}],
        "accountability": ["没有法律依据实施行政处罚的"],
        "levels": ["3"],
    },
    {
        "basic_code": "000617018000",
        "name": "食品生产经营监督检查",
        "power_type": "06",
        "agency": AGENCY,
        "basis": [{"title": FSL, "article": "第一百一十条"}],
        "responsibilities": [{"content": "日常监督检查"}],
        "accountability": ["未按规定开展监督检查的"],
        "levels": ["3"],
    },
]
