"""Statistics: counts per type, mode and level, and the 三办率."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from banzhang import examples, synthetic
from banzhang.cli import main
from banzhang.crosslist import stats


def test_counts_over_a_province() -> None:
    """116 lists of n items: every item counted by level and by type."""
    lists, _ = synthetic.province(11)
    result = stats.collect(lists)
    assert result.lists == {"power-list": 116}
    assert result.by_level == {"2": 11, "3": 12 * 11, "4": 103 * 11}
    assert result.by_power_type == {f"{n:02d}": 116 for n in range(1, 12)}
    assert result.three_modes_rate is None


def test_three_modes_rate() -> None:
    """One of two "四办" items is only 就近办: the 三办率 is 50%."""
    modes = examples.load_data("service-mode-list")
    modes["items"][1]["modes"] = ["就近办"]
    result = stats.collect([modes])
    assert (result.mode_items, result.three_modes_items, result.three_modes_rate) == (2, 1, 0.5)
    assert result.by_mode == {"网上办": 1, "一次办": 1, "就近办": 1}


def test_cli_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """stats over files: text with the 三办率, JSON, and an Excel report."""
    paths = [str(examples.path(kind)) for kind in ("power-list", "service-mode-list")]
    report = tmp_path / "stats.xlsx"
    assert main(["stats", *paths, "--excel", str(report)]) == 0
    out = capsys.readouterr().out
    assert "三办率：马上办、网上办、一次办事项占比 100.0%（目标 80%）" in out
    assert "行政许可 1" in out
    assert main(["stats", *paths, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["three_modes_rate"] == 1.0
    assert load_workbook(report).sheetnames[-1] == "三办率"


def test_items_that_are_not_objects_are_skipped() -> None:
    """Junk entries are not counted and do not crash the count."""
    data = copy.deepcopy(examples.load_data("power-list"))
    data["items"].append("junk")
    assert stats.collect([data]).items == {"power-list": 3}
