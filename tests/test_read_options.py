"""What a caller tells a reader: envelope elements over the file's own, in every format, only
those the document's kind has; the references checked against."""

from __future__ import annotations

from pathlib import Path

import pytest

import banzhang
from banzhang import examples
from banzhang.formats import for_path

GIVEN = banzhang.ReadOptions(envelope={"region": "150100", "level": "4"})


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".xlsx", ".xml"])
def test_a_list_takes_the_envelope_given_in_every_format(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"power{suffix}"
    for_path(path).dump(examples.load("power-list"), path)
    data = banzhang.load_data(path, options=GIVEN)
    assert (data["region"], data["level"]) == ("150100", "4")
    stream = banzhang.formats.for_path(path).iter_load_data(path, options=GIVEN)
    assert (stream.envelope["region"], stream.envelope["level"]) == ("150100", "4")


@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".xml", ".docx"])
def test_a_guide_takes_only_the_elements_it_has(suffix: str, tmp_path: Path) -> None:
    """A 服务指南 has a 行政区划代码 but no 层级: a platform giving both to every file it
    receives gets no finding for the level it cannot hold."""
    path = tmp_path / f"guide{suffix}"
    for_path(path).dump(examples.load("service-guide"), path)
    data = banzhang.load_data(path, options=GIVEN)
    assert data["region"] == "150100"
    assert "level" not in data
    findings = list(banzhang.iter_findings(path, options=GIVEN))
    assert not [f for f in findings if f.path == "$.level"]


def test_against_checks_the_same_source_and_the_retired_codes() -> None:
    """``Against`` carries the references: the 权责清单's codes for 同源, the retired codes."""
    guide = examples.load_data("service-guide")
    assert {f.rule for f in banzhang.iter_findings(guide)} == set()
    retired = banzhang.Against(retired={guide["basic_code"]})
    assert {f.rule for f in banzhang.iter_findings(guide, against=retired)} == {
        "crosslist.retired-code"
    }
    elsewhere = banzhang.Against(power_codes={"000000000000": "另一个事项"})
    assert {f.rule for f in banzhang.iter_findings(guide, against=elsewhere)} == {
        "crosslist.same-source"
    }
    power = banzhang.validation.same_source.power_codes(examples.load_data("power-list"))
    listed = banzhang.Against(power_codes=power)
    assert {f.rule for f in banzhang.iter_findings(guide, against=listed)} == set()
