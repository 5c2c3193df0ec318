"""动态调整: added, cancelled, delegated, recalled, renamed, rebased, and reused codes."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

import banzhang
from banzhang import examples
from banzhang.cli import main
from banzhang.crosslist import adjust
from banzhang.formats import json as json_format


def _versions() -> tuple[dict[str, Any], dict[str, Any]]:
    old = examples.load_data("power-list")
    new = copy.deepcopy(old)
    new["items"][0]["name"] = "食品生产许可（含食品添加剂）"  # renamed
    new["items"][0]["levels"] = ["3", "4"]  # from 自治区+盟市 down to 盟市+旗县: delegated
    new["items"][1]["basis"][0]["article"] = "第一百二十五条"  # basis changed
    new["items"][1]["levels"] = ["3"]  # lowest level up from 旗县 to 盟市: recalled
    cancelled = new["items"].pop(2)
    added = copy.deepcopy(cancelled)
    added.update(basic_code="000617019000", name="食品经营监督检查")
    new["items"].append(added)
    return old, new


def test_every_changed_item_gets_one_adjustment() -> None:
    """One adjustment per item, its element changes beneath: a renamed item that moved down a
    level is one 下放 (with the new name beneath), not a 下放 and a 变更."""
    old, new = _versions()
    diff = adjust.diff(old, new)
    found = sorted((change.adjustment, change.key) for change in diff.changes)
    assert found == [
        ("下放", "00011704700Y"),
        ("取消", "000617018000"),
        ("收回", "000217032000"),
        ("新增", "000617019000"),
    ]
    delegated = next(change for change in diff.changes if change.adjustment == "下放")
    assert [element for element, _, _ in delegated.elements] == ["levels", "name"]
    assert ("name", "食品生产许可", "食品生产许可（含食品添加剂）") in delegated.elements
    assert (diff.reused, diff.suspect, diff.retired) == ((), (), ())


def test_summary_reads_like_the_seeds_and_adds_up() -> None:
    """Counts per adjustment in the seeds' words; they add up to the items adjusted."""
    old, new = _versions()
    diff = adjust.diff(old, new)
    assert adjust.summary(diff) == "下放1项，收回1项，取消1项，增加1项"
    assert sum(diff.counts().values()) == len(diff.changes) == 4


def test_a_renamed_and_rebased_item_is_one_change() -> None:
    """名称 and 依据 changed, the level not: one 变更 with both beneath."""
    old = examples.load_data("power-list")
    new = copy.deepcopy(old)
    new["items"][1]["name"] += "（含网络交易）"
    new["items"][1]["basis"][0]["article"] = "第一百二十五条"
    (change,) = adjust.diff(old, new).changes
    assert change.adjustment == "变更"
    assert [element for element, _, _ in change.elements] == ["basis", "name"]


def test_an_item_split_into_sub_items_is_one_split() -> None:
    """A 主项 without 子项 (…000) that becomes a 主项 with 子项 (…00Y): 拆分, not 取消 + 新增."""
    old = examples.load_data("power-list")
    new = copy.deepcopy(old)
    item = new["items"][1]
    item["basic_code"] = "00021703200Y"
    item["sub_items"] = [
        {"basic_code": "000217032001", "name": "对生产不符合食品安全标准的食品的行政处罚"},
        {"basic_code": "000217032002", "name": "对经营不符合食品安全标准的食品的行政处罚"},
    ]
    (change,) = adjust.diff(old, new).changes
    assert (change.adjustment, change.key, change.related) == (
        "拆分",
        "000217032000",
        ("00021703200Y",),
    )


def test_items_merged_into_one_are_one_merge() -> None:
    """A new item whose 备注 names two vanished items: 合并, not two 取消 and a 新增."""
    old = examples.load_data("power-list")
    new = copy.deepcopy(old)
    merged = copy.deepcopy(new["items"][1])
    merged.update(
        basic_code="000217099000",
        name="食品安全违法行为的行政处罚",
        remark="由 000217032000 和“食品生产经营监督检查”合并",
    )
    new["items"][1:] = [merged]
    (change,) = adjust.diff(old, new).changes
    assert (change.adjustment, change.key) == ("合并", "000217099000")
    assert sorted(change.related) == ["000217032000", "000617018000"]


def test_a_name_changed_beyond_recognition_is_a_suspected_reuse() -> None:
    """Same code and type, a name with no significant word left: a warning (possible reuse)."""
    old = examples.load_data("power-list")
    new = copy.deepcopy(old)
    new["items"][2]["name"] = "校车安全监督检查"
    diff = adjust.diff(old, new)
    assert [change.key for change in diff.suspect] == ["000617018000"]
    new["items"][2]["name"] = "食品经营监督检查"
    assert adjust.diff(old, new).suspect == ()


def test_a_retired_code_that_comes_back_is_an_error(tmp_path: Path) -> None:
    """A new item under a code of the register of retired codes: an error, exit 1."""
    old = examples.load_data("power-list")
    new = copy.deepcopy(old)
    added = copy.deepcopy(new["items"][2])
    added.update(basic_code="000617015000", name="食品添加剂监督检查")
    new["items"].append(added)
    register = tmp_path / "retired.txt"
    register.write_text("# 已取消的编码\n000617015000\t2023年取消\n", "utf-8")
    diff = adjust.diff(old, new, retired=adjust.read_retired(register.read_text("utf-8")))
    assert [change.key for change in diff.retired] == ["000617015000"]
    json_format.dump(new, tmp_path / "new.json")
    argv = ["diff", str(examples.path("power-list")), str(tmp_path / "new.json")]
    assert main(argv) == 0
    assert main([*argv, "--retired", str(register)]) == 1


def _levels_of_lists() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """包头市 and two of its districts, old and new: the 包头市 list's third item moves down."""
    league = examples.load_data("power-list")
    districts = []
    for region in ("150202", "150203"):
        district = copy.deepcopy(league)
        district.update(region=region, level="4")
        district["items"] = district["items"][:2]
        districts.append(district)
    olds = [league, *districts]
    news = copy.deepcopy(olds)
    moved = news[0]["items"].pop(2)
    for district in news[1:]:
        district["items"].append(copy.deepcopy(moved))
    return olds, news


def test_an_item_leaving_a_list_for_the_lists_below_is_one_delegation() -> None:
    """Gone from 包头市's list, arrived in its districts' lists: one 下放, not 取消 + 2 新增."""
    olds, news = _levels_of_lists()
    diff = adjust.diff_lists(olds, news)
    assert [(c.adjustment, c.key, c.region, c.related) for c in diff.changes] == [
        ("下放", "000617018000", "150200", ("150202", "150203"))
    ]
    back = adjust.diff_lists(news, olds)
    assert [(c.adjustment, c.region) for c in back.changes] == [("收回", "150200")]


def test_cli_diff_of_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """diff OLD_DIR NEW_DIR compares the lists of every region; the report names the regions."""
    olds, news = _levels_of_lists()
    for folder, lists in (("old", olds), ("new", news)):
        (tmp_path / folder).mkdir()
        for data in lists:
            json_format.dump(data, tmp_path / folder / f"{data['region']}.json")
    assert main(["diff", str(tmp_path / "old"), str(tmp_path / "new")]) == 0
    out = capsys.readouterr().out
    assert "动态调整：下放1项（共 1 项）" in out
    assert "下放到：东河区 150202、昆都仑区 150203" in out


def test_identical_versions_have_no_adjustment() -> None:
    """The same list twice: no adjustment."""
    data = examples.load_data("power-list")
    assert adjust.summary(adjust.diff(data, data)) == "无调整"


def test_code_reused_for_another_item_is_an_error() -> None:
    """A code whose name and type both change now names another item."""
    old = examples.load_data("power-list")
    new = copy.deepcopy(old)
    new["items"][2].update(name="某新事项", power_type="07")
    diff = adjust.diff(old, new)
    assert [change.key for change in diff.reused] == ["000617018000"]


def test_cli_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """diff: text summary, JSON, Excel report, exit 1 only for reused codes."""
    old, new = _versions()
    json_format.dump(old, tmp_path / "old.json")
    json_format.dump(new, tmp_path / "new.json")
    assert main(["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")]) == 0
    assert "下放1项" in capsys.readouterr().out
    report = tmp_path / "diff.xlsx"
    args = ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--format", "json"]
    assert main([*args, "--excel", str(report)]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["取消"] == 1
    assert load_workbook(report).sheetnames == ["汇总", "调整明细"]
    new["items"][0].update(name="别的事项", power_type="09")
    json_format.dump(new, tmp_path / "reused.json")
    assert main(["diff", str(tmp_path / "old.json"), str(tmp_path / "reused.json")]) == 1


def test_cli_diff_of_different_kinds_is_a_usage_error(tmp_path: Path) -> None:
    """Two different kinds cannot be compared."""
    assert main(["diff", str(examples.path("power-list")), str(examples.path("fee-list"))]) == 2


def test_diff_text_speaks_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Elements by their titles and codes by their codelist titles: no ids, no Python lists."""
    new = copy.deepcopy(examples.load_data("power-list"))
    new["items"][0]["levels"] = ["3", "4"]
    path = tmp_path / "new.json"
    banzhang.dump(new, path)
    main(["diff", str(examples.path("power-list")), str(path)])
    out = capsys.readouterr().out
    assert "行使层级：自治区级、盟市级 → 盟市级、旗县级" in out
    assert "levels" not in out
    assert "[" not in out.replace("[下放]", "")


def test_validate_checks_the_register_of_retired_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate --retired: an item or 子项 under a retired code is an error at its cell."""
    register = tmp_path / "retired.txt"
    register.write_text("000117047003 食品生产许可（延续），2024年并入变更\n", "utf-8")
    workbook = tmp_path / "power.xlsx"
    banzhang.dump(examples.load("power-list"), workbook)
    assert main(["validate", str(workbook)]) == 0
    capsys.readouterr()
    argv = ["validate", str(workbook), "--retired", str(register), "--format", "json"]
    assert main(argv) == 1
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert [(f["rule"], f["path"], f["source"]) for f in report["findings"]] == [
        ("crosslist.retired-code", "$.items[0].sub_items[2].basic_code", "子项!B6")
    ]
    assert main(["validate", str(workbook), "--retired", str(tmp_path / "missing.txt")]) == 2
