"""The document verbs: validate, rules, schema, convert — output formats and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from banzhang import examples
from banzhang.cli import main
from tests.conftest import FIXTURES


def _example_file(tmp_path: Path, kind: str) -> Path:
    target = tmp_path / f"{kind}.json"
    target.write_text(examples.path(kind).read_text("utf-8"), encoding="utf-8")
    return target


def test_validate_valid_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A valid file passes with exit 0 and says so."""
    assert main(["validate", str(_example_file(tmp_path, "power-list"))]) == 0
    assert "通过" in capsys.readouterr().out


def test_validate_groups_by_rule_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """An invalid file: exit 1, text grouped by rule with counts and places."""
    path = FIXTURES / "service-guide" / "invalid" / "fee-charged-without-basis.json"
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "fee.basis-required" in out
    assert "× 2" in out
    assert "$.fee_basis" in out


def test_validate_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` gives counts and each finding with rule, path and message."""
    path = FIXTURES / "power-list" / "invalid" / "code-duplicate.json"
    assert main(["validate", str(path), "--format", "json"]) == 1
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["counts"] == {"error": 1, "warning": 0}
    assert report["findings"][0]["rule"] == "code.duplicate"
    assert report["findings"][0]["path"] == "$.items[2].basic_code"


def test_validate_unreadable_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is not JSON exits 2 and is named; other files are still reported."""
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    good = _example_file(tmp_path, "fee-list")
    assert main(["validate", str(bad), str(good)]) == 2
    out = capsys.readouterr().out
    assert "无法读取" in out
    assert "通过" in out


def test_validate_missing_file_exits_2(tmp_path: Path) -> None:
    """A path that does not exist exits 2."""
    assert main(["validate", str(tmp_path / "nope.json")]) == 2


def test_validate_unknown_kind_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An envelope with an unknown kind exits 2 with the known kinds listed."""
    path = FIXTURES / "service-guide" / "invalid" / "unknown-kind.json"
    assert main(["validate", str(path)]) == 2
    assert "service-guide" in capsys.readouterr().out


def test_validate_with_forced_kind(capsys: pytest.CaptureFixture[str]) -> None:
    """``--kind`` that disagrees with the envelope is reported as structure.kind."""
    path = examples.path("fee-list")
    assert main(["validate", str(path), "--kind", "power-list", "--format", "json"]) == 1
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["findings"][0]["rule"] == "structure.kind"


def test_rules_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    """``rules --format json`` lists every rule with severity and source."""
    assert main(["rules", "--format", "json"]) == 0
    rules = {entry["id"]: entry for entry in json.loads(capsys.readouterr().out)}
    assert rules["review.two-inspectors"]["severity"] == "error"
    assert rules["notice.one-time"]["severity"] == "warning"


def test_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """``schema KIND`` prints the committed JSON Schema."""
    assert main(["schema", "review-detail"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert (printed["title"], printed["description"][:4]) == ("ReviewDetail", "审查细则")


def test_convert_json_to_jsonl_and_back(tmp_path: Path) -> None:
    """convert .json → .jsonl → .json gives the same document."""
    source = _example_file(tmp_path, "power-list")
    lines = tmp_path / "power.jsonl"
    back = tmp_path / "back.json"
    assert main(["convert", str(source), str(lines)]) == 0
    assert len(lines.read_text("utf-8").splitlines()) == 4
    assert main(["convert", str(lines), str(back)]) == 0
    assert json.loads(back.read_text("utf-8")) == examples.load_data("power-list")


def test_convert_invalid_shape_exits_1(tmp_path: Path) -> None:
    """A document of the wrong shape cannot be converted: exit 1."""
    source = tmp_path / "broken.json"
    shutil.copy(FIXTURES / "power-list" / "invalid" / "name-as-number.json", source)
    assert main(["convert", str(source), str(tmp_path / "out.jsonl")]) == 1


def test_convert_unsupported_extension_exits_2(tmp_path: Path) -> None:
    """An output extension no format handles exits 2."""
    source = _example_file(tmp_path, "fee-list")
    assert main(["convert", str(source), str(tmp_path / "out.csv")]) == 2
