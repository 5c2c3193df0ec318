"""三级五同 and the other cross-list reports run over the latest accepted version of each list."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from banzhang import synthetic
from tests.desk.conftest import account, checked, client_of, department
from tests.desk.test_desk_store import hand_in

pytestmark = pytest.mark.usefixtures("desk")


def _handed_in(region: str, level: str, path: Path, *, plant: bool = False) -> Any:
    data = synthetic.power_list(3, seed=1, region=region, level=level)
    if plant:
        synthetic.plant_difference(data["items"][0], "name")
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    clerk = account("department", department=department(region=region, level=level))
    return checked(hand_in(client_of(clerk), path))


def test_levels_differences_come_from_the_latest_accepted_lists(tmp_path: Path) -> None:
    from banzhang.desk.models import Review

    region = _handed_in("150000", "2", tmp_path / "自治区.json")
    city = _handed_in("150200", "3", tmp_path / "包头市.json", plant=True)
    reviewer = account("reviewer", region="150000")
    reports = client_of(reviewer)
    before = reports.get("/reports/").content.decode()
    assert "（地方表述）" not in before  # nothing accepted yet: nothing compared
    for submission in (region, city):
        Review.objects.create(submission=submission, reviewer=reviewer, decision=Review.ACCEPTED)
    page = reports.get("/reports/").content.decode()
    assert "<td>不一致</td>" in page
    assert "<td>事项名称</td>" in page
    assert "<td>食品生产处罚（1）（地方表述）</td>" in page
    assert "内蒙古自治区 150000（自治区级清单）" in page
    assert "三办率" in page
    # A department's own view compares only what it may see: its own list.
    clerk = city.submitted_by
    assert "（地方表述）</td>" not in client_of(clerk).get("/reports/").content.decode()
