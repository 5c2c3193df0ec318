"""三级五同: exactly the planted differences are found, across files of any format."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from banzhang import synthetic
from banzhang.cli import main
from banzhang.crosslist import levels
from banzhang.formats import ItemStream
from banzhang.formats import json as json_format
from banzhang.validation import is_valid


def _found(report: levels.LevelsReport) -> list[tuple[str, str, str]]:
    return sorted((d.place.region, d.basic_code, d.element) for d in report.differences)


def _planted(planted: list[synthetic.Planted]) -> list[tuple[str, str, str]]:
    return sorted((p.region, p.basic_code, p.element) for p in planted)


def test_province_has_116_valid_lists() -> None:
    """The generator gives 1 自治区 + 12 盟市 + 103 旗县 lists, each valid."""
    lists, _ = synthetic.province(3)
    assert [document["level"] for document in lists].count("2") == 1
    assert [document["level"] for document in lists].count("3") == 12
    assert [document["level"] for document in lists].count("4") == 103
    assert all(is_valid(document) for document in lists[:5])


@settings(max_examples=10, deadline=None)
@given(st.integers(1, 12), st.integers(0, 30), st.integers(0, 10_000))
def test_exactly_the_planted_differences_are_found(items: int, plant: int, seed: int) -> None:
    """Whatever is planted, and only that, is reported, each against the 自治区 list."""
    lists, planted = synthetic.province(items, plant=min(plant, items * 115), seed=seed)
    report = levels.check((document["region"], document) for document in lists)
    assert _found(report) == _planted(planted)
    assert all(d.reference.region == "150000" for d in report.differences)


def test_planned_province_streams_what_province_holds() -> None:
    """province_plan's lists, generated item by item, are province()'s lists, plants included."""
    lists, planted = synthetic.province(6, plant=40, seed=9)
    plan = synthetic.province_plan(6, plant=40, seed=9)
    assert [entry.document() for entry in plan.lists] == lists
    assert list(plan.planted) == planted
    assert sum(len(entry.changes) for entry in plan.lists) == 40
    assert not plan.lists[0].changes  # the 自治区 list is the reference: never changed


def test_streamed_province_check_finds_the_plants() -> None:
    """The check over streams (envelope + item iterator) finds what it finds over dicts."""
    plan = synthetic.province_plan(5, plant=12, seed=4)
    streams = [
        (entry.envelope["region"], ItemStream("power-list", entry.envelope, entry.iter_items()))
        for entry in plan.lists
    ]
    assert _found(levels.check(streams)) == _planted(list(plan.planted))


def test_order_of_input_does_not_matter() -> None:
    """Lists given lowest level first are still compared against the highest."""
    lists, planted = synthetic.province(4, plant=8, seed=3)
    report = levels.check((document["region"], document) for document in reversed(lists))
    assert _found(report) == _planted(planted)


def test_generic_list_is_the_reference_of_its_level() -> None:
    """Without a 自治区 list, a 盟市 通用清单 is the reference for the other 盟市 lists."""
    lists, _ = synthetic.province(2, seed=5)
    leagues = [document for document in lists if document["level"] == "3"][:3]
    leagues[0]["generic"] = True
    leagues[2]["items"][1]["name"] = "另一个名称"
    report = levels.check((document["region"], document) for document in reversed(leagues))
    assert [(d.reference.generic, d.place.region, d.element) for d in report.differences] == [
        (True, leagues[2]["region"], "name")
    ]


def test_local_lists_of_one_level_are_not_compared_with_each_other() -> None:
    """Two 旗县 lists without a higher or generic reference: nothing to compare."""
    lists, _ = synthetic.province(2, seed=6)
    banners = [document for document in lists if document["level"] == "4"][:2]
    banners[1]["items"][0]["name"] = "不同"
    assert levels.check((document["region"], document) for document in banners).differences == ()


def test_basis_is_compared_regardless_of_order() -> None:
    """The same bases in another order are the same basis."""
    lists, _ = synthetic.province(1, seed=7)
    region, league = lists[0], lists[1]
    second = {"title": "《第二部法》", "article": "第一条"}
    region["items"][0]["basis"].append(second)
    league["items"][0]["basis"].insert(0, second)
    assert levels.check([("a", region), ("b", league)]).differences == ()


def test_cli_levels_reports_text_json_and_excel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """levels over a folder of mixed formats: exit 1, JSON differences, a styled Excel report."""
    lists, planted = synthetic.province(3, plant=4, seed=11)
    folder = tmp_path / "lists"
    folder.mkdir()
    for document in lists:
        json_format.dump(document, folder / f"{document['region']}.json")
    assert main(["convert", str(folder / "150200.json"), str(folder / "150200.xlsx")]) == 0
    (folder / "150200.json").unlink()
    capsys.readouterr()
    report_path = tmp_path / "levels.xlsx"
    assert main(["levels", str(folder), "--format", "json", "--excel", str(report_path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["lists"] == 116
    found = sorted(
        (d["place"]["region"], d["basic_code"], d["element"]) for d in data["differences"]
    )
    assert found == _planted(planted)
    book = load_workbook(report_path)
    assert book.sheetnames == ["汇总", "三级五同差异"]
    assert book["三级五同差异"].max_row == len(planted) + 1
    assert book["三级五同差异"]["A1"].font.bold


def test_cli_levels_without_differences_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Consistent lists: exit 0, and the text says 0 differences."""
    lists, _ = synthetic.province(2, seed=12)
    for document in lists[:14]:
        json_format.dump(document, tmp_path / f"{document['region']}.json")
    assert main(["levels", str(tmp_path)]) == 0
    assert "发现 0 处不一致" in capsys.readouterr().out


def test_cli_levels_missing_path_exits_2(tmp_path: Path) -> None:
    """A path that does not exist is a usage error."""
    assert main(["levels", str(tmp_path / "nope")]) == 2


def test_a_difference_that_vanishes_when_normalised_is_a_format_difference() -> None:
    """第35条 vs 第三十五条, a trailing space, full-width brackets: 格式差异, not 不一致."""
    lists, _ = synthetic.province(5, seed=3)
    region, league = copy.deepcopy(lists[0]), copy.deepcopy(lists[1])
    item = league["items"][0]
    item["name"] = item["name"].replace("（", "(").replace("）", ")") + " "
    for basis in item["basis"]:
        basis["title"] = basis["title"].strip("《》")
    report = levels.check([("region", region), ("league", league)])
    assert report.differences == ()
    assert {d.element for d in report.formal_differences} >= {"name", "basis"}
    assert {d.nature for d in report.formal_differences} == {"格式差异"}


def test_a_real_difference_stays_a_difference_after_normalising() -> None:
    """Another name is a 不一致 (an error), whatever its spacing."""
    lists, _ = synthetic.province(5, seed=3)
    region, league = copy.deepcopy(lists[0]), copy.deepcopy(lists[1])
    league["items"][0]["name"] += " （地方表述）"
    report = levels.check([("region", region), ("league", league)])
    assert [(d.element, d.nature) for d in report.differences] == [("name", "不一致")]


def _region_and_league(seed: int = 3) -> tuple[dict[str, Any], dict[str, Any]]:
    lists, _ = synthetic.province(3, seed=seed)
    return copy.deepcopy(lists[0]), copy.deepcopy(lists[1])


def test_an_item_recoded_at_a_lower_level_is_a_code_difference() -> None:
    """The 自治区's item (name and type) under another code in a 盟市 list: an 编码 不一致 naming
    the local code — found although no code is shared, and whatever the name's spacing."""
    region, league = _region_and_league()
    item = league["items"][1]
    expected = item["basic_code"]
    item["basic_code"] = expected[:4] + "99999" + expected[9:]
    item["name"] = item["name"].replace("（", "(").replace("）", ")")
    report = levels.check([("region", region), ("league", league)])
    assert [(d.element, d.expected, d.found, d.nature) for d in report.differences] == [
        ("basic_code", expected, item["basic_code"], "不一致")
    ]
    (difference,) = report.differences
    assert (difference.reference.path, difference.place.path) == ("$.items[1]", "$.items[1]")
    assert [d.element for d in report.formal_differences] == ["name"]
    assert report.counts()["basic_code"] == 1


def test_sub_items_are_compared_by_code_and_name() -> None:
    """Another 子项 name under a 子项 code is a 不一致 (or a 格式差异); a 子项 the level above does
    not have is a 不一致; one a lower level leaves out is none."""
    region, league = _region_and_league()
    subs = league["items"][0]["sub_items"]
    subs[0]["name"] = subs[0]["name"] + "（地方表述）"
    subs[1]["name"] = subs[1]["name"].replace("（", "(")
    subs.append({"basic_code": subs[0]["basic_code"][:9] + "009", "name": "本地新设子项"})
    report = levels.check([("region", region), ("league", league)])
    found = [(d.element, d.expected, d.found) for d in report.differences]
    first = region["items"][0]["sub_items"][0]
    assert found == [
        (
            "sub_items",
            f"{first['basic_code']} {first['name']}",
            f"{first['basic_code']} {subs[0]['name']}",
        ),
        ("sub_items", "（参照清单中没有此子项）", f"{subs[2]['basic_code']} 本地新设子项"),
    ]
    assert [d.element for d in report.formal_differences] == ["sub_items"]
    del subs[1:]
    subs[0]["name"] = first["name"]
    assert levels.check([("region", region), ("league", league)]).differences == ()


def test_nameless_items_are_not_matched_by_name() -> None:
    """Items without a name never match each other across levels by name."""
    region, league = _region_and_league()
    del region["items"][2]["name"]
    league["items"][2]["basic_code"] = league["items"][2]["basic_code"][:4] + "99999000"
    del league["items"][2]["name"]
    assert levels.check([("region", region), ("league", league)]).differences == ()
