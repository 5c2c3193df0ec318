"""Statistics: counts per type, mode and level, and the 三办率."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

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


def _region_lists() -> tuple[dict[str, Any], dict[str, Any]]:
    """The bundled 权责清单 (01 with 3 子项, 02, 06) plus a 05 and two 08s; and its 四办 list."""
    power = copy.deepcopy(examples.load_data("power-list"))
    template = power["items"][1]
    for code, power_type, initiation in (
        ("000517001000", "05", None),
        ("000817002000", "08", "依申请"),
        ("000817003000", "08", "依职权"),
    ):
        extra = {**copy.deepcopy(template), "basic_code": code, "power_type": power_type}
        if initiation:
            extra["initiation"] = initiation
        power["items"].append(extra)
    return power, copy.deepcopy(examples.load_data("service-mode-list"))


def test_three_modes_rate_divides_by_the_power_lists_application_items() -> None:
    """依申请 items of the 权责清单 (01, 05, 08 依申请: 3) are the base, not the 四办 list."""
    power, modes = _region_lists()
    result = stats.collect([power, modes])
    assert (result.application_items, result.three_modes_items) == (3, 1)
    assert result.three_modes_rate == pytest.approx(1 / 3)
    assert result.by_online_depth == {"全程网办": 1}


def test_three_modes_rate_counts_an_item_through_its_sub_items_and_modes() -> None:
    """An item counts when the 四办 list serves it or a 子项 in one of the three modes only."""
    power, modes = _region_lists()
    for item in modes["items"]:
        item["modes"] = ["就近办"]
    assert stats.collect([power, modes]).three_modes_items == 0
    modes["items"].append(
        {**copy.deepcopy(modes["items"][0]), "basic_code": "000517001000", "modes": ["一次办"]}
    )
    assert stats.collect([power, modes]).three_modes_items == 1


def test_three_modes_rate_is_not_computed_without_both_lists() -> None:
    """No 权责清单, or no 四办 list: the rate is None (not 100% by construction)."""
    power, modes = _region_lists()
    assert stats.collect([modes]).three_modes_rate is None
    assert stats.collect([power]).three_modes_rate is None
    assert stats.collect([power, modes]).by_mode == {
        "网上办": 2,
        "一次办": 1,
        "马上办": 1,
        "就近办": 1,
    }


def test_cli_says_why_the_rate_is_not_computed(capsys: pytest.CaptureFixture[str]) -> None:
    """stats over a 四办 list alone says the rate needs the 权责清单."""
    assert main(["stats", str(examples.path("service-mode-list"))]) == 0
    assert "未计算：需要本地区的权责清单" in capsys.readouterr().out


def test_cli_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """stats over files: text with the 三办率, JSON, and an Excel report."""
    paths = [str(examples.path(kind)) for kind in ("power-list", "service-mode-list")]
    report = tmp_path / "stats.xlsx"
    assert main(["stats", *paths, "--excel", str(report)]) == 0
    out = capsys.readouterr().out
    assert "三办率：马上办、网上办、一次办事项占比 100.0%（目标 80%）：依申请事项 1 项" in out
    assert "行政许可 1" in out
    assert main(["stats", *paths, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["three_modes_rate"] == 1.0
    assert load_workbook(report).sheetnames[-1] == "三办率"


def test_items_that_are_not_objects_are_skipped() -> None:
    """Junk entries are not counted and do not crash the count."""
    data = copy.deepcopy(examples.load_data("power-list"))
    data["items"].append("junk")
    assert stats.collect([data]).items == {"power-list": 3}
