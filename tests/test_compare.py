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
    assert load_workbook(report).sheetnames == ["横向比对"]
