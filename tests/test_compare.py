"""横向可比: the same department across regions of one level, outliers flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from banzhang import synthetic
from banzhang.cli import main
from banzhang.codes import region as regions
from banzhang.crosslist import compare
from banzhang.formats import json as json_format


def test_department_identity_drops_the_region_name() -> None:
    """包头市市场监督管理局 in 150200 is 市场监督管理局; 昆都仑区… in 150203 too."""
    assert compare.department_identity("包头市市场监督管理局", "150200") == "市场监督管理局"
    assert compare.department_identity("包头市昆都仑区市场监督管理局", "150203") == "市场监督管理局"


def _leagues(items: int) -> list[dict[str, object]]:
    lists, _ = synthetic.province(items, seed=3)
    leagues = [document for document in lists if document["level"] == "3"]
    for document in leagues:
        found = regions.lookup(str(document["region"]))
        assert found is not None
        document["department"] = {"name": f"{found.name}市场监督管理局"}
    return leagues


def test_counts_side_by_side_and_outlier_flagged() -> None:
    """12 盟市 of one department form one group; a list with far fewer items is flagged."""
    leagues = _leagues(10)
    leagues[5]["items"] = leagues[5]["items"][:3]  # type: ignore[index]
    (group,) = compare.compare(leagues)
    assert (group.level, group.department, len(group.rows)) == ("3", "市场监督管理局", 12)
    assert [row.region for row in group.rows if row.outlier] == [leagues[5]["region"]]
    assert group.rows[0].counts["01"] == 1


def test_cli_compare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """compare: text with the flag, JSON groups, an Excel sheet."""
    leagues = _leagues(10)
    leagues[0]["items"] = leagues[0]["items"][:2]  # type: ignore[index]
    folder = tmp_path / "lists"
    folder.mkdir()
    for document in leagues:
        json_format.dump(document, folder / f"{document['region']}.json")
    report = tmp_path / "compare.xlsx"
    assert main(["compare", str(folder), "--excel", str(report)]) == 0
    assert "偏离中位数超过 30%" in capsys.readouterr().out
    assert main(["compare", str(folder), "--format", "json"]) == 0
    (group,) = json.loads(capsys.readouterr().out)
    assert sum(row["outlier"] for row in group["rows"]) == 1
    assert load_workbook(report).sheetnames == ["横向比对", "要素差异", "可能漏项"]


def test_items_of_a_code_are_compared_across_the_level() -> None:
    """A 盟市 whose name or type of a shared code differs from most 盟市: a 不一致 (a 格式差异 when
    only the writing differs), with the usual value beside it."""
    leagues = _leagues(4)
    items = leagues[3]["items"]
    items[0]["name"] += "（本地表述）"  # type: ignore[index]
    items[1]["name"] = items[1]["name"].replace("（", "(").replace("）", ")")  # type: ignore[index]
    (group,) = compare.compare(leagues)
    found = [(d.basic_code, d.element, d.region, d.formal, d.usual_in) for d in group.differences]
    codes = [item["basic_code"] for item in items[:2]]  # type: ignore[index]
    region = str(leagues[3]["region"])
    assert found == [(codes[0], "name", region, False, 11), (codes[1], "name", region, True, 11)]
    assert group.gaps == ()


def test_an_item_most_regions_list_and_one_lacks_is_a_possible_omission() -> None:
    """A code 11 of 12 盟市 list is a possible 漏项 of the twelfth (a warning, exit 0)."""
    leagues = _leagues(4)
    dropped = leagues[7]["items"].pop(2)  # type: ignore[attr-defined]
    (group,) = compare.compare(leagues)
    assert [(gap.basic_code, gap.region, gap.listed_in) for gap in group.gaps] == [
        (dropped["basic_code"], leagues[7]["region"], 11)
    ]
    assert group.differences == ()


def test_cli_compare_exits_1_for_a_real_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 不一致 between regions of a level is an error; the text names regions and values."""
    leagues = _leagues(4)
    leagues[2]["items"][0]["power_type"] = "07"  # type: ignore[index]
    for document in leagues:
        json_format.dump(document, tmp_path / f"{document['region']}.json")
    assert main(["compare", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "[不一致·事项类型]" in out
    assert "多数地区（11 个）为：" in out
    assert "行政确认" in out
