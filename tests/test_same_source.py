"""同源: lists given together with their region's 权责清单 must use its codes."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

import banzhang
from banzhang import convert, examples, kinds
from banzhang.cli import main
from banzhang.formats import excel, for_path
from banzhang.formats import json as json_format
from banzhang.validation import iter_findings, same_source


def test_examples_share_one_source() -> None:
    """The bundled documents of 包头市 all reference its 权责清单 (子项 codes included), the
    guide included; its 中介服务收费 names an item of its 中介服务事项清单."""
    references = {
        role: same_source.reference_keys(examples.load_data(kinds.with_role(role)[0].id), role)
        for role in (kinds.REFERENCE, kinds.INTERMEDIARY)
    }
    assert {"service-guide", "fee-list", "service-mode-list"} <= same_source.KINDS
    for kind in sorted(same_source.KINDS):
        keys = references[same_source.reference_role(kind)]
        assert list(same_source.iter_findings(examples.load_data(kind), keys)) == [], kind


def test_cli_validate_reports_codes_missing_from_the_power_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Given together, a "四办" item whose code is not in the 权责清单 is an error."""
    modes = examples.load_data("service-mode-list")
    modes["items"][1]["basic_code"] = "000117047009"
    json_format.dump(modes, tmp_path / "modes.json")
    power = str(examples.path("power-list"))
    assert main(["validate", str(tmp_path / "modes.json"), "--format", "json"]) == 0
    capsys.readouterr()
    assert main(["validate", power, str(tmp_path / "modes.json"), "--format", "json"]) == 1
    reports = json.loads(capsys.readouterr().out)["files"]
    assert [(f["rule"], f["path"]) for f in reports[1]["findings"]] == [
        ("crosslist.same-source", "$.items[1].basic_code")
    ]


def test_other_regions_are_not_checked(tmp_path: Path) -> None:
    """A list of another region is not held to this region's 权责清单."""
    modes = examples.load_data("service-mode-list")
    modes["region"], modes["level"] = "150203", "4"
    modes["items"][1]["basic_code"] = "000117047009"
    json_format.dump(modes, tmp_path / "modes.json")
    assert main(["validate", str(examples.path("power-list")), str(tmp_path / "modes.json")]) == 0


@pytest.mark.parametrize(("suffix", "place"), [(".xlsx", "!"), (".xml", "行")])
def test_same_source_findings_name_the_cell_or_line(
    suffix: str, place: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """From Excel the 同源 finding names the 基本编码 cell; from XML, the line."""
    modes = examples.load_data("service-mode-list")
    modes["items"][1]["basic_code"] = "000117047009"
    target = tmp_path / f"modes{suffix}"
    for_path(target).dump(convert.from_data(modes), target)
    power = tmp_path / f"power{suffix}"
    for_path(power).dump(examples.load("power-list"), power)
    assert main(["validate", str(power), str(target), "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["files"][1]["findings"]
    assert [(f["rule"], f["path"]) for f in found] == [
        ("crosslist.same-source", "$.items[1].basic_code")
    ]
    assert place in found[0]["source"]
    if suffix == ".xlsx":  # the cell holds the code the finding is about
        sheet, cell = found[0]["source"].split("!")
        assert load_workbook(target)[sheet][cell].value == "000117047009"


def test_validation_runs_same_source_in_its_one_pass() -> None:
    """validation.iter_findings(power_codes=…) finds what same_source.iter_findings finds."""
    codes = same_source.power_codes(examples.load_data("power-list"))
    modes = examples.load_data("service-mode-list")
    modes["items"][0]["basic_code"] = "000117047009"
    alone = list(same_source.iter_findings(modes, codes))
    assert [f.path for f in alone] == ["$.items[0].basic_code"]
    assert list(iter_findings(modes, power_codes=codes)) == alone
    assert list(iter_findings(modes, layers=("schema",), power_codes=codes)) == alone
    assert list(iter_findings(examples.load_data("power-list"), power_codes=set())) == []


def test_validate_writes_an_excel_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--excel: a summary row a file (unreadable ones too) and a row a finding, with its cell."""
    modes = examples.load_data("service-mode-list")
    modes["items"][1]["basic_code"] = "000117047009"
    target = tmp_path / "modes.xlsx"
    excel.dump(convert.from_data(modes), target)
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    power = str(examples.path("power-list"))
    report = tmp_path / "报告.xlsx"
    code = main(["validate", power, str(target), str(broken), "--excel", str(report)])
    assert code == 2  # an unreadable file wins, and the report is still written
    assert f"Excel 报告：{report}" in capsys.readouterr().out
    book = load_workbook(report)
    assert book.sheetnames == ["汇总", "问题"]
    summary = [row[:5] for row in book["汇总"].iter_rows(min_row=2, values_only=True)]
    assert summary == [
        (power, "权责清单", "通过", 0, 0),
        (str(target), "“马上办、网上办、就近办、一次办”事项清单", "不通过", 1, 0),
        (str(broken), None, "无法读取", None, None),
    ]
    rows = list(book["问题"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2], r[4]) for r in rows] == [
        (str(target), "crosslist.same-source", "$.items[1].basic_code")
    ]
    sheet, cell = str(rows[0][5]).split("!")
    assert load_workbook(target)[sheet][cell].value == "000117047009"


def test_a_four_ways_item_must_carry_the_power_lists_name() -> None:
    """同源 by name: a 四办 item under the right code with another name is an error; the same
    name written with other spacing or brackets is a 格式差异, reported as a notice."""
    power = examples.load_data("power-list")
    modes = copy.deepcopy(examples.load_data("service-mode-list"))
    codes = same_source.power_codes(power)
    modes["items"][0]["name"] = "食品生产许可 (新办)"  # formatting only
    modes["items"][1]["name"] = "食品经营许可（变更）"  # another item's name
    found = [(f.severity, f.path) for f in same_source.iter_findings(modes, codes)]
    assert found == [("info", "$.items[0].name"), ("error", "$.items[1].name")]


def test_items_that_point_at_an_approval_keep_their_own_names() -> None:
    """Intermediary and supervision items name themselves: only their code is checked."""
    codes = same_source.power_codes(examples.load_data("power-list"))
    for kind in ("intermediary-list", "supervision-list"):
        assert list(same_source.iter_findings(examples.load_data(kind), codes)) == []


def test_validate_checks_names_across_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """banzhang validate with the region's 权责清单 names the 四办 item whose name differs."""
    modes = copy.deepcopy(examples.load_data("service-mode-list"))
    modes["items"][1]["name"] = "食品经营许可（变更）"
    path = tmp_path / "service-mode-list.json"
    banzhang.dump(modes, path)
    assert main(["validate", str(examples.path("power-list")), str(path)]) == 1
    assert (
        "与本地区权责清单中 000117047002 的名称“食品生产许可（变更）”不一致"
        in capsys.readouterr().out
    )


def test_a_difference_of_form_is_a_notice_under_its_own_heading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name that differs only in form is counted and headed as a notice (提示), not valid-
    breaking; an error of the same rule keeps its own [错误] heading."""
    modes = copy.deepcopy(examples.load_data("service-mode-list"))
    modes["items"][0]["name"] = "食品生产许可 (新办)"
    path = tmp_path / "service-mode-list.json"
    banzhang.dump(modes, path)
    assert main(["validate", str(examples.path("power-list")), str(path)]) == 0
    out = capsys.readouterr().out
    assert "0 个错误，0 个警告，1 条提示" in out
    assert "[提示] crosslist.same-source" in out


def _validate_json(
    capsys: pytest.CaptureFixture[str], *paths: Any
) -> tuple[int, list[dict[str, Any]]]:
    code = main(["validate", *map(str, paths), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)["files"]


def test_a_guide_is_its_power_lists_item_by_code_and_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 服务指南 given with its region's 权责清单: its code must be there, under its name (spacing
    and brackets aside); the report says which list it was checked against."""
    power = examples.path("power-list")
    guide = examples.load_data("service-guide")
    json_format.dump(guide, tmp_path / "guide.json")
    code, reports = _validate_json(capsys, power, tmp_path / "guide.json")
    assert code == 0
    assert reports[1]["same_source"] == f"同源：已对照 {power}"
    guide["name"] = guide["name"].replace("（", "(").replace("）", ") ")
    json_format.dump(guide, tmp_path / "spaced.json")
    assert _validate_json(capsys, power, tmp_path / "spaced.json")[0] == 0
    guide["name"] = "食品经营许可（新办）"
    json_format.dump(guide, tmp_path / "renamed.json")
    code, reports = _validate_json(capsys, power, tmp_path / "renamed.json")
    assert code == 1
    assert [(f["rule"], f["path"]) for f in reports[1]["findings"]] == [
        ("crosslist.same-source", "$.name")
    ]


def test_a_list_validated_without_its_reference_says_same_source_was_not_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Alone, a 四办 list and a guide pass their own checks; the report says 同源 was not checked,
    naming the list it needs; a guide without a region says that."""
    guide = examples.load_data("service-guide")
    del guide["region"]
    json_format.dump(guide, tmp_path / "guide.json")
    modes = examples.path("service-mode-list")
    code, reports = _validate_json(capsys, modes, tmp_path / "guide.json")
    assert code == 0
    assert reports[0]["same_source"] == (
        "同源未检查：未提供本地区（内蒙古自治区包头市 150200）的权责清单"
    )
    assert "未写明行政区划代码" in reports[1]["same_source"]
    main(["validate", str(modes)])
    assert "同源未检查" in capsys.readouterr().out


def test_an_intermediary_fee_names_an_intermediary_service_of_its_region(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 中介服务收费 item names an item of the region's 中介服务事项清单 (not the 权责清单)."""
    fees = examples.load_data("fee-list")
    intermediary = examples.path("intermediary-list")
    json_format.dump(fees, tmp_path / "fees.json")
    code, reports = _validate_json(capsys, intermediary, tmp_path / "fees.json")
    assert (code, reports[1]["same_source"]) == (0, f"同源：已对照 {intermediary}")
    fees["items"][1]["intermediary_service"] = "食品安全评估"
    json_format.dump(fees, tmp_path / "other.json")
    code, reports = _validate_json(capsys, intermediary, tmp_path / "other.json")
    assert code == 1
    assert [(f["rule"], f["path"]) for f in reports[1]["findings"]] == [
        ("crosslist.same-source", "$.items[1].intermediary_service")
    ]
    code, reports = _validate_json(capsys, examples.path("power-list"), tmp_path / "other.json")
    assert code == 0
    assert "中介服务事项清单" in reports[1]["same_source"]


def test_the_levels_generic_list_is_the_reference_when_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 旗县 四办 list is checked against the 旗县-level 通用清单 before any regional list."""
    generic = examples.load_data("power-list")
    generic.update(region="150000", level="4", generic=True, published_by="内蒙古自治区人民政府")
    del generic["department"]
    json_format.dump(generic, tmp_path / "generic.json")
    modes = examples.load_data("service-mode-list")
    modes.update(region="150203", level="4")
    modes["items"][1]["basic_code"] = "000117047009"
    json_format.dump(modes, tmp_path / "modes.json")
    code, reports = _validate_json(capsys, tmp_path / "generic.json", tmp_path / "modes.json")
    assert code == 1
    assert reports[1]["same_source"] == f"同源：已对照 {tmp_path / 'generic.json'}"
    assert [(f["rule"], f["path"]) for f in reports[1]["findings"]] == [
        ("crosslist.same-source", "$.items[1].basic_code")
    ]
