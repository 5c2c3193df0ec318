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


def test_every_adjustment_type_is_found() -> None:
    """Each planted change is reported with its adjustment type and elements."""
    old, new = _versions()
    diff = adjust.diff(old, new)
    found = sorted((change.adjustment, change.key) for change in diff.changes)
    assert found == sorted(
        [
            ("下放", "00011704700Y"),
            ("变更（更名）", "00011704700Y"),
            ("收回", "000217032000"),
            ("变更（依据）", "000217032000"),
            ("取消", "000617018000"),
            ("新增", "000617019000"),
        ]
    )
    renamed = next(change for change in diff.changes if change.adjustment == "变更（更名）")
    assert renamed.elements == (("name", "食品生产许可", "食品生产许可（含食品添加剂）"),)
    assert diff.reused == ()


def test_summary_reads_like_the_seeds() -> None:
    """Counts per adjustment type in the seeds' words."""
    old, new = _versions()
    assert adjust.summary(adjust.diff(old, new)) == (
        "下放1项，收回1项，取消1项，增加1项，变更（更名）1项，变更（依据）1项"
    )


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
