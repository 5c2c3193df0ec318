"""Excel: templates, a faithful writer, and a reader that survives real department files."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from banzhang import SPEC_VERSION, convert, examples, kinds
from banzhang.cli import main
from banzhang.errors import InvalidDocument, UnreadableInput
from banzhang.formats import excel
from banzhang.formats.excel import Limits
from banzhang.formats.excel.reports import Section, write_workbook
from banzhang.validation import rule
from tests.messy_workbooks import EXPECTED_ITEMS, department_power_list
from tests.strategies import models

KIND_IDS = [kind.id for kind in kinds.all_kinds()]


def _written(document: Any) -> io.BytesIO:
    buffer = io.BytesIO()
    excel.dump(document, buffer)
    buffer.seek(0)
    return buffer


# ---- the writer: faithful ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND_IDS)
def test_examples_round_trip(kind: str) -> None:
    """JSON → xlsx → JSON gives the same document, for every bundled example."""
    data = examples.load_data(kind)
    assert convert.to_data(excel.load(_written(convert.from_data(data)))) == data


@pytest.mark.parametrize("kind", KIND_IDS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_document_round_trips(kind: str, data: st.DataObject) -> None:
    """Any document a spreadsheet can hold — hostile text included — comes back the same."""
    model = attrs.evolve(data.draw(models(kinds.get(kind).document, cells=True)), kind=kind)
    assert excel.load(_written(model)) == model


def test_formula_text_is_written_as_text() -> None:
    """A value starting with = is text in the file: no <f> element, read back as written."""
    guide = attrs.evolve(examples.load("service-guide"), scope='=HYPERLINK("http://x")', name="+1")
    buffer = _written(guide)
    with zipfile.ZipFile(buffer) as package:
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/")]
        assert all(b"<f>" not in package.read(name) for name in sheets)
    buffer.seek(0)
    back = excel.load(buffer)
    assert (back.scope, back.name) == (guide.scope, "+1")


@pytest.mark.parametrize("whole", [True, False], ids=["whole", "streamed"])
def test_excel_escapes_read_as_characters_and_literal_ones_as_written(whole: bool) -> None:
    """``_x000D_`` in a cell is Excel's escape of a carriage return, on both reading paths;
    text that itself reads ``_x0041_`` is written escaped, so it comes back as written."""
    limits = excel.Limits() if whole else excel.Limits(whole_sheets_bytes=0)
    guide = attrs.evolve(examples.load("service-guide"), scope="见_x0041_与_x000D_条")
    assert excel.load(_written(guide), limits=limits).scope == guide.scope
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["包头市市场监督管理局权责清单"])
    sheet.append(["序号", "权力编码", "权力名称", "权力类别", "备注"])
    sheet.append([1, "000117047000", "食品经营许可", "行政许可", "第一条_x000D_\n第二条"])
    buffer = io.BytesIO()
    book.save(buffer)  # openpyxl keeps the text as given: as Excel writes a CR in a cell
    buffer.seek(0)
    data = excel.load_data(buffer, limits=limits)
    assert data["items"][0]["remark"] == "第一条\r\n第二条"


def test_each_sheet_states_its_size_up_front() -> None:
    """Every sheet has a <dimension> before its rows (the last column and row written), so a
    streaming reader need not parse it twice; openpyxl reads the same size."""
    power = examples.load("power-list")
    buffer = _written(power)
    with zipfile.ZipFile(buffer) as package:
        head = package.read("xl/worksheets/sheet2.xml")[:2000]
    assert b'<dimension ref="A1:' in head
    assert head.index(b"<dimension") < head.index(b"<sheetData")
    buffer.seek(0)
    sheet = load_workbook(buffer, read_only=True)["权责清单"]
    assert sheet.max_row == len(power.items) + 3  # the title, the header, the hidden ids
    header = next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
    assert sheet.max_column == len(header)


def test_a_report_shows_a_character_a_sheet_cannot_hold_as_a_replacement(tmp_path: Path) -> None:
    """A report quoting a department's stray control character is still written (as �)."""
    report = tmp_path / "r.xlsx"
    write_workbook(report, [Section("问题", ["文件", "说明"], [("a\x01.json", ["一", "二"])])])
    rows = list(load_workbook(report)["问题"].iter_rows(values_only=True))
    assert rows == [("文件", "说明"), ("a\ufffd.json", "一\n二")]


def test_codes_keep_leading_zeros_and_all_18_characters() -> None:
    """Codes are text cells: 000… and 18-character USCCs survive."""
    buffer = _written(examples.load("power-list"))
    sheet = load_workbook(buffer, read_only=True)["权责清单"]
    rows = list(sheet.iter_rows(min_row=4, max_row=4, values_only=True))  # below title, header, ids
    assert rows[0][1] == "00011704700Y"
    assert rows[0][5] == "11150200011520476N"


def test_text_over_the_cell_limit_is_an_error_naming_the_path() -> None:
    """32,768 characters are refused with the element's path, never truncated."""
    power = examples.load("power-list")
    long_item = attrs.evolve(power.items[1], remark="字" * 32_768)
    with pytest.raises(InvalidDocument) as caught:
        excel.dump(attrs.evolve(power, items=(power.items[0], long_item)), io.BytesIO())
    assert caught.value.findings[0].path == "$.items[1].remark"  # type: ignore[attr-defined]
    assert "32767" in str(caught.value)


def test_control_characters_are_an_error_naming_the_path() -> None:
    """A character XML forbids is refused with its path, never dropped."""
    power = examples.load("power-list")
    bad = attrs.evolve(power.items[2], name="食品\x01检查")
    with pytest.raises(InvalidDocument) as caught:
        excel.dump(attrs.evolve(power, items=(*power.items[:2], bad)), io.BytesIO())
    assert caught.value.findings[0].path == "$.items[2].name"  # type: ignore[attr-defined]


def test_streaming_write_takes_a_generator(tmp_path: Path) -> None:
    """iter_dump writes items from a generator and they read back in order."""
    power = examples.load("power-list")
    target = tmp_path / "stream.xlsx"
    excel.iter_dump("power-list", power, (item for item in power.items * 50), target)
    stream = excel.iter_load(target)
    assert sum(1 for _ in stream.items) == 150


# ---- templates -----------------------------------------------------------------------------------


def test_template_has_what_departments_need(tmp_path: Path) -> None:
    """Chinese headers with hints, hidden ids, dropdowns from a hidden codelist sheet, 说明."""
    target = tmp_path / "template.xlsx"
    assert main(["template", "power-list", str(target)]) == 0
    book = load_workbook(target)
    assert book.sheetnames[:2] == ["清单信息", "权责清单"]
    sheet = book["权责清单"]
    assert sheet["A1"].value == "权责清单"  # the title a printed page carries
    assert sheet["C2"].value == "事项名称"
    assert sheet["C3"].value == "name"
    assert sheet.row_dimensions[3].hidden
    assert sheet.freeze_panes == "B4"
    assert "必填" in sheet["C2"].comment.text
    assert sheet.column_dimensions["B"].number_format == "@"
    formulas = {dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert any("_代码表" in formula for formula in formulas)
    assert book["_代码表"].sheet_state == "hidden"
    assert book["_banzhang"].sheet_state == "hidden"
    assert book["_banzhang"]["B2"].value == SPEC_VERSION
    guide = book["说明"]
    guide_rows = list(guide.iter_rows(values_only=True))
    row = next(row for row in guide_rows if row[:2] == ("权责清单", "事项类型"))
    assert row[-1] == "power_type"  # the element id, last and hidden: a clerk reads names
    assert guide.column_dimensions["I"].hidden
    assert str(row[5]).startswith("行政许可、行政处罚、")  # choices by name, never "01 行政许可"
    level = next(row for row in guide_rows if row[:2] == ("清单信息", "层级"))
    assert level[6] == "盟市级"  # the example by name too


def test_the_template_names_its_sources_by_title(tmp_path: Path) -> None:
    """The 说明 sheet's 来源 column cites documents by their titles, as the standard does: no
    bare tag (``V GB/T 2260``, ``B SPEC §7``, ``S 002``) a clerk could not look up."""
    target = tmp_path / "template.xlsx"
    excel.template("power-list", target)
    guide = list(load_workbook(target)["说明"].iter_rows(values_only=True))
    sources = {str(row[7]) for row in guide[1:] if row[7]}
    assert "GB/T 2260《中华人民共和国行政区划代码》" in sources
    assert "自定：参考规范第 7 节（事项编码规则）" in sources
    assert not [source for source in sources if re.search(r"(^|；)[VSPB] |SPEC|§", source)]


def test_filled_template_reads_back(tmp_path: Path) -> None:
    """A template filled in like a person would (titles in dropdown columns) reads correctly."""
    target = tmp_path / "filled.xlsx"
    excel.template("service-mode-list", target)
    book = load_workbook(target)
    form = book["清单信息"]
    for row in form.iter_rows(min_row=2):
        value = {
            "region": "150203",
            "level": "旗县级",
            "version": "2026",
            "effective_date": "2026-03-01",
        }
        element_id = str(row[2].value)
        if element_id in value:
            row[1].value = value[element_id]
    sheet = book[book.sheetnames[1]]
    sheet.append(
        [
            1,
            "000117047002",
            "食品生产许可（变更）",
            "包头市市场监督管理局",
            None,
            None,
            None,
            "1. 马上办\n2. 网上办",
            "全程网办",
            "即办件",
            0,
            "即办",
            None,
            None,
            0,
        ]
    )
    book.save(target)
    data = excel.load_data(target)
    assert data["level"] == "4"
    item = data["items"][0]
    assert item["modes"] == ["马上办", "网上办"]
    assert item["case_type"] == "1"
    assert item["onsite_visits"] == 0


# ---- the reader: real department files ----------------------------------------------------------


def test_department_workbook_reads_exactly(tmp_path: Path) -> None:
    """Title row, synonyms, merged 主项 over 子项, numbers, full-width, blanks: the exact items."""
    path = tmp_path / "department.xlsx"
    department_power_list(path)
    data = excel.load_data(path)
    assert data["kind"] == "power-list"
    assert data["items"] == EXPECTED_ITEMS


def test_department_workbook_findings_name_their_cells(tmp_path: Path) -> None:
    """Reader findings (extra column, codes as numbers or in full-width digits, formula) carry
    Sheet!Cell."""
    path = tmp_path / "department.xlsx"
    department_power_list(path)
    found = {(f.rule, f.source, f.path) for f in excel.iter_findings(path) if f.layer == "excel"}
    assert found == {
        ("excel.extra-column", "Sheet1!M3", "$"),
        ("excel.code-normalised", "Sheet1!B4", "$.items[0].basic_code"),
        ("excel.code-as-number", "Sheet1!E5", "$.items[0].sub_items[1].basic_code"),
        ("excel.code-as-number", "Sheet1!B7", "$.items[1].basic_code"),
        ("excel.formula-without-value", "Sheet1!L7", "$"),
    }


def test_validation_findings_from_a_workbook_carry_cells(tmp_path: Path) -> None:
    """A rule broken in a workbook names the cell beside the $ path."""
    power = examples.load("power-list")
    item = attrs.evolve(power.items[1], power_type="06")
    path = tmp_path / "broken.xlsx"
    excel.dump(attrs.evolve(power, items=(power.items[0], item, power.items[2])), path)
    (finding,) = list(excel.iter_findings(path))
    assert (finding.rule, finding.path, finding.source) == (
        "code.type-mismatch",
        "$.items[1].basic_code",
        "权责清单!B5",
    )


def test_code_beyond_15_digits_stored_as_number_is_an_error(tmp_path: Path) -> None:
    """A USCC typed as a number has lost digits: an error, not a silent wrong code."""
    path = tmp_path / "uscc.xlsx"
    excel.dump(examples.load("fee-list"), path)
    book = load_workbook(path)
    book["清单信息"]["B6"].value = 111502000115204760  # below the title and the header
    book.save(path)
    rules = [f.rule for f in excel.iter_findings(path)]
    assert "excel.number-precision" in rules


def test_linked_rows_that_match_no_item_are_reported(tmp_path: Path) -> None:
    """A 子项 row whose 序号 matches no item is an error finding, not silently dropped."""
    path = tmp_path / "orphan.xlsx"
    excel.dump(examples.load("power-list"), path)
    book = load_workbook(path)
    book["子项"].append([9, "000117047009", "孤立的子项"])
    book.save(path)
    findings = [f for f in excel.iter_findings(path) if f.rule == "excel.linked-row"]
    assert [f.source for f in findings] == ["子项!A7"]


def _basis_keys_changed(tmp_path: Path, row: int, key: int) -> Path:
    """The power-list example with the 序号 in 设定依据!A{row} mistyped as ``key``."""
    path = tmp_path / f"basis-{row}-{key}.xlsx"
    excel.dump(examples.load("power-list"), path)
    book = load_workbook(path)
    book["设定依据"][f"A{row}"].value = key
    book.save(path)
    return path


def test_a_mistyped_key_in_place_of_an_items_only_row_is_read_there(tmp_path: Path) -> None:
    """序号 1, 1, 9, 3 where item 2's one 设定依据 should be: read as item 2's, with one finding
    (no knock-on "至少应有 1 条" for item 2), and item 3's row still reaches item 3."""
    path = _basis_keys_changed(tmp_path, 6, 9)
    data = excel.load_data(path)
    expected = excel.load_data(_basis_keys_changed(tmp_path, 6, 2))
    assert data == expected
    findings = [(f.rule, f.source) for f in excel.iter_findings(path)]
    assert findings == [("excel.linked-row", "设定依据!A6")]


def test_a_mistyped_key_never_takes_the_next_correct_row(tmp_path: Path) -> None:
    """序号 1, 9, 2, 3: the 9 interrupts item 1's rows; it is reported, not read, and the rows
    after it (items 2 and 3) are read as they should be."""
    path = _basis_keys_changed(tmp_path, 5, 9)
    data = excel.load_data(path)
    assert [len(item["basis"]) for item in data["items"]] == [1, 1, 1]
    findings = [(f.rule, f.source) for f in excel.iter_findings(path)]
    assert findings == [("excel.linked-row", "设定依据!A5")]


# ---- hostile packages -------------------------------------------------------------------------


def test_not_a_workbook_is_unreadable(tmp_path: Path) -> None:
    """A text file named .xlsx, and a zip that is not a workbook, are UnreadableInput."""
    text = tmp_path / "text.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(UnreadableInput, match="zip"):
        excel.load(text)
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as package:
        package.writestr("hello.txt", "hi")
    with pytest.raises(UnreadableInput):
        excel.load(other)


def test_missing_workbook_is_named_missing_not_malformed(tmp_path: Path) -> None:
    """A workbook that is not there cannot be opened; it is not called "not a zip"."""
    with pytest.raises(UnreadableInput, match="无法打开") as caught:
        excel.load(tmp_path / "absent.xlsx")
    assert "zip" not in str(caught.value)


def test_empty_workbook_is_unreadable(tmp_path: Path) -> None:
    """A workbook with nothing in it says the kind cannot be told."""
    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    with pytest.raises(UnreadableInput, match="--kind"):
        excel.load(path)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    """A member that inflates a thousandfold is refused before any XML is parsed."""
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/worksheets/sheet1.xml", b"0" * (40 * 1024 * 1024))
    with pytest.raises(UnreadableInput, match="zip 炸弹"):
        excel.load(path)


def test_total_size_limit_is_kept(tmp_path: Path) -> None:
    """The total inflated size is capped (a Limits setting)."""
    path = tmp_path / "guide.xlsx"
    excel.dump(examples.load("service-guide"), path)
    with pytest.raises(UnreadableInput, match="字节"):
        excel.load(path, limits=Limits(max_total_bytes=10_000))


def test_a_shared_string_table_over_its_limit_is_refused(tmp_path: Path) -> None:
    """The shared-string table, held whole in memory, has its own cap, checked before parsing."""
    path = tmp_path / "shared.xlsx"
    excel.dump(examples.load("fee-list"), path)
    table = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"<si><t>\xe6\x9d\x83</t></si>" * 100
        + b"</sst>"
    )
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("xl/sharedStrings.xml", table)
    assert excel.load(path) == examples.load("fee-list")  # an unused table under the cap
    with pytest.raises(UnreadableInput, match="共享字符串表"):
        excel.load(path, limits=Limits(max_shared_strings_bytes=1000))
    assert Limits().max_shared_strings_bytes == 512 * 1024**2


def test_entity_expansion_inside_the_package_is_refused(tmp_path: Path) -> None:
    """Billion laughs inside a sheet's XML is refused (defusedxml), not expanded."""
    path = tmp_path / "laughs.xlsx"
    excel.dump(examples.load("fee-list"), path)
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    rebuilt = tmp_path / "rebuilt.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w") as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                content = laughs
            target.writestr(member, content)
    with pytest.raises(UnreadableInput):
        excel.load(rebuilt)


def _replace_member(source: Path, target: Path, member_name: str, content: bytes) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for member in old.infolist():
            new.writestr(member, content if member.filename == member_name else old.read(member))


@pytest.mark.parametrize(
    ("member", "content"),
    [
        ("xl/workbook.xml", b'<!DOCTYPE x SYSTEM "http://example.com/x.dtd"><workbook/>'),
        ("xl/worksheets/sheet2.xml", b'<?xml version="1.0"?><!ENTITY a "b"><worksheet/>'),
        ("xl/styles.xml", b"<?xml version='1.0'?>" + b"<!-- pad -->" * 400 + b"<styleSheet/>"),
    ],
    ids=["external-dtd", "entity-in-a-linked-sheet", "root-hidden-past-the-prolog"],
)
def test_any_part_with_a_dtd_is_refused_before_parsing(
    tmp_path: Path, member: str, content: bytes
) -> None:
    """Every XML part of the package is checked up front, not only the sheets read first."""
    path, rebuilt = tmp_path / "power.xlsx", tmp_path / "rebuilt.xlsx"
    excel.dump(examples.load("power-list"), path)
    _replace_member(path, rebuilt, member, content)
    with pytest.raises(UnreadableInput, match="拒绝读取"):
        excel.open_workbook(rebuilt)


def test_broken_xml_deep_in_a_sheet_is_our_error(tmp_path: Path) -> None:
    """A sheet whose XML breaks after some good rows stops the stream with UnreadableInput."""
    path, rebuilt = tmp_path / "power.xlsx", tmp_path / "rebuilt.xlsx"
    excel.dump(examples.load("power-list"), path)
    items_sheet = "xl/worksheets/sheet2.xml"  # 清单信息, then 权责清单
    with zipfile.ZipFile(path) as package:
        broken = package.read(items_sheet).replace(b"</sheetData>", b"<row><c></sheetData>")
    _replace_member(path, rebuilt, items_sheet, broken)
    with pytest.raises(UnreadableInput, match="XML 无法读取"):
        excel.load_data(rebuilt)


# ---- the command line ----------------------------------------------------------------------------


def test_cli_validate_department_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate on a department's workbook: exit 1, findings with their cells."""
    path = tmp_path / "department.xlsx"
    department_power_list(path)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Sheet1!L7" in out
    assert "excel.code-as-number" in out


def test_cli_convert_xlsx_json_round_trip(tmp_path: Path) -> None:
    """convert .json → .xlsx → .json gives the same document."""
    source = tmp_path / "guide.json"
    source.write_text(examples.path("service-guide").read_text("utf-8"), encoding="utf-8")
    assert main(["convert", str(source), str(tmp_path / "guide.xlsx")]) == 0
    assert main(["convert", str(tmp_path / "guide.xlsx"), str(tmp_path / "back.json")]) == 0
    assert excel.load(tmp_path / "guide.xlsx") == examples.load("service-guide")


def _department_book_with(path: Path, change: Callable[[Any], None]) -> None:
    """The department workbook of messy_workbooks, changed by ``change`` before saving."""
    department_power_list(path)
    book = load_workbook(path)
    change(book)
    book.save(path)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda book: book["Sheet1"].__setitem__("P6", "没有表头的内容"),
            ("excel.headerless-column", "Sheet1!P6"),
        ),
        (
            lambda book: book.create_sheet("Sheet2").__setitem__("B3", "另一张表上的事项"),
            ("excel.extra-sheet", "Sheet2"),
        ),
        (
            lambda book: book["Sheet1"].__setitem__("L4", "#N/A"),
            ("excel.error-cell", "Sheet1!L4"),
        ),
    ],
    ids=["headerless-column", "extra-sheet", "error-cell"],
)
def test_unread_content_is_a_finding_with_its_cell(
    tmp_path: Path, change: Callable[[Any], None], expected: tuple[str, str]
) -> None:
    """Data the reader cannot place is never dropped silently: an error naming where it is."""
    path = tmp_path / "department.xlsx"
    _department_book_with(path, change)
    found = {(f.rule, f.source) for f in excel.iter_findings(path) if f.layer == "excel"}
    assert expected in found
    assert rule(expected[0]).severity == "error"


def _layout_b_workbook(path: Path) -> None:
    """A department's 权责清单 with no 清单信息 sheet, 子项 codes in the main code column under a
    merged 主项 name, and a 子项 column of names (SPEC §10 layout b)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["包头市市场监督管理局权责清单（2024年版）"])
    sheet.append(["填报单位：包头市市场监督管理局", None, "填报日期：2024年3月"])
    sheet.append(
        [
            "序号",
            "权力编码",
            "权力名称",
            "子项",
            "权力类别",
            "实施主体",
            "设定依据",
            "责任事项",
            "追责情形",
        ]
    )
    sheet.append(
        [
            1,
            "000117047001",
            "食品生产许可",
            "新办",
            "行政许可",
            "包头市市场监督管理局",
            "《中华人民共和国食品安全法》第三十五条",
            "1.受理责任：依法受理",
            "1.不依法受理的",
        ]
    )
    sheet.append([None, "000117047002", None, "变更"])
    sheet.append([None, "000117047003", None, "延续"])
    for column in "ACEFGHI":
        sheet.merge_cells(f"{column}4:{column}6")
    book.save(path)


def test_sub_item_codes_under_a_merged_main_name_become_its_sub_items(tmp_path: Path) -> None:
    """The 00Y 主项 code is derived, each row a 子项 with its code and name; envelope inferred."""
    path = tmp_path / "department.xlsx"
    _layout_b_workbook(path)
    data = excel.load_data(path)
    (item,) = data["items"]
    assert item["basic_code"] == "00011704700Y"
    assert item["sub_items"] == [
        {"basic_code": "000117047001", "name": "新办"},
        {"basic_code": "000117047002", "name": "变更"},
        {"basic_code": "000117047003", "name": "延续"},
    ]
    assert (data["region"], data["level"], data["version"]) == ("150200", "3", "2024年版")
    found = {(f.rule, f.path) for f in excel.iter_findings(path)}
    assert found == {
        ("structure.required", "$.effective_date"),
        ("process.missing", "$.items[0].process"),
        # 责任事项 "1.受理责任：依法受理" names no 审查 or 决定 (a warning of its own)
        ("power.complete", "$.items[0].responsibilities"),
    }


def test_every_workbook_we_write_is_print_ready(tmp_path: Path) -> None:
    """Templates, lists and reports: styled headers, landscape A4 fitted to the width, header
    rows on every page, multi-line cells wrapped; the 说明 sheet says how 序号 links the sheets."""
    template, power, report = tmp_path / "t.xlsx", tmp_path / "p.xlsx", tmp_path / "r.xlsx"
    excel.template("power-list", template)
    excel.dump(examples.load("power-list"), power)
    write_workbook(report, [Section("问题", ["文件", "说明"], [("a.json", "一\n二")])])
    for path in (template, power, report):
        book = load_workbook(path)
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                continue
            setup = sheet.page_setup
            assert (setup.orientation, setup.paperSize) == ("landscape", 9)
            assert 1 <= (setup.fitToWidth or 0) <= 3  # several pages wide, never unreadable
            fit = sheet.sheet_properties.pageSetUpPr
            assert fit is not None
            assert fit.fitToPage
            assert sheet.print_title_rows, (path.name, sheet.title)
            last = int(sheet.print_title_rows.split(":")[-1].lstrip("$"))
            titles = [row for row in range(1, last + 1) if not sheet.row_dimensions[row].hidden]
            header = titles[-1]  # below a title row where there is one
            assert sheet[f"A{header}"].font.b
            assert sheet[f"A{header}"].border.bottom.style == "thin"
            if len(titles) > 1:
                assert sheet["A1"].font.b
                assert sheet["A1"].font.sz > sheet[f"A{header}"].font.sz
            if sheet.max_row > last:  # data cells bordered too, an empty one as well
                assert sheet[f"A{last + 1}"].border.bottom.style == "thin"
    multi_line = [
        cell
        for sheet in load_workbook(power).worksheets
        for row in sheet.iter_rows(min_row=3)
        for cell in row
        if "\n" in str(cell.value)
    ]
    assert multi_line
    assert all(cell.alignment.wrap_text for cell in multi_line)
    guide = [row[0] for row in load_workbook(template)["说明"].iter_rows(values_only=True)]
    assert any("序号" in str(line) and "所属事项" in str(line) for line in guide)


def test_sub_items_named_in_one_cell_are_read_one_by_one(tmp_path: Path) -> None:
    """Layout (c): "1.新办 2.变更 3.延续" in the 子项 column is three 子项 by name; their codes,
    not written, are asked for — one finding each, not a made-up code."""
    path = tmp_path / "one-cell.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["包头市市场监督管理局权责清单（2026年版）"])
    sheet.append(["序号", "权力编码", "权力名称", "子项", "权力类别", "实施主体", "设定依据"])
    sheet.append(
        [
            1,
            "00011704700Y",
            "食品生产许可",
            "1.新办 2.变更 3.延续",
            "行政许可",
            "包头市市场监督管理局",
            "《中华人民共和国食品安全法》第三十五条",
        ]
    )
    book.save(path)
    (item,) = excel.load_data(path)["items"]
    assert item["sub_items"] == [{"name": "新办"}, {"name": "变更"}, {"name": "延续"}]
    missing = [
        f.path
        for f in excel.iter_findings(path)
        if f.rule == "structure.required" and "sub_items" in f.path
    ]
    assert missing == [f"$.items[0].sub_items[{i}].basic_code" for i in range(3)]


def test_dates_and_times_written_read_back_as_written() -> None:
    """A date, a time and a duration banzhang's writer puts in a cell are read back by calamine
    as they were (each has its own number format)."""
    import datetime  # noqa: PLC0415 - this test only
    import io  # noqa: PLC0415

    from python_calamine import CalamineWorkbook  # noqa: PLC0415

    from banzhang.formats.excel._xlsx import Book  # noqa: PLC0415

    values = [
        datetime.date(2026, 1, 1),
        datetime.datetime(2026, 1, 1, 10, 30),
        datetime.time(9, 15),
        datetime.timedelta(hours=30),
        1.5,
        "2026-01-01",
    ]
    book = Book()
    book.add_sheet("Sheet1").append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    assert CalamineWorkbook.from_filelike(buffer).get_sheet_by_name("Sheet1").to_python() == [
        values
    ]
