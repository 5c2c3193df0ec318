"""同源: lists given together with their region's 权责清单 must use its codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from banzhang import examples, same_source
from banzhang.cli import main
from banzhang.formats import json as json_format


def test_examples_share_one_source() -> None:
    """The bundled lists of 包头市 all reference its 权责清单 (子项 codes included)."""
    codes = same_source.power_codes(examples.load_data("power-list"))
    for kind in sorted(same_source.KINDS):
        assert list(same_source.iter_findings(examples.load_data(kind), codes)) == [], kind


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
    modes["region"] = "150203"
    modes["items"][1]["basic_code"] = "000117047009"
    json_format.dump(modes, tmp_path / "modes.json")
    assert main(["validate", str(examples.path("power-list")), str(tmp_path / "modes.json")]) == 0
