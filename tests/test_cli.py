"""The ``banzhang`` command: verbs, output formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from banzhang import __version__
from banzhang.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints the version and exits 0."""
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_no_verb_is_a_usage_error() -> None:
    """No verb: exit 2."""
    assert main([]) == 2


def test_unknown_option_is_a_usage_error() -> None:
    """An unknown option: exit 2."""
    assert main(["code", "explain", "--bogus"]) == 2


def test_code_explain_main_item(capsys: pytest.CaptureFixture[str]) -> None:
    """``code explain 00016421300Y`` names 来源, 事项类型, 主项 and 子项 in Chinese."""
    assert main(["code", "explain", "00016421300Y"]) == 0
    out = capsys.readouterr().out
    for expected in ("00", "国家设定", "01", "行政许可", "64213", "00Y", "有子项的主项"):
        assert expected in out


def test_code_explain_sub_item_names_main(capsys: pytest.CaptureFixture[str]) -> None:
    """``code explain 000164213003`` names its 主项."""
    assert main(["code", "explain", "000164213003", "--format", "json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["main_code"] == "00016421300Y"
    assert [part["meaning"] for part in verdict["parts"]][-1].startswith("第 3 号子项")


def test_code_explain_implementation_region(capsys: pytest.CaptureFixture[str]) -> None:
    """An 实施编码's region is shown as its 盟市."""
    assert main(["code", "explain", "11150200011520476N100016421300301", "--format", "json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert (verdict["region"], verdict["region_level"]) == ("150200", "盟市级")


def test_code_check_reports_each_code_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """``code check`` gives a verdict per code and exits 1 when any is invalid."""
    assert main(["code", "check", "00016421300Y", "00016421300Z"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[:2] == ["00016421300Y", "有效"]
    assert lines[1].split("\t")[:2] == ["00016421300Z", "无效"]
    assert "子项码" in lines[1]


def test_code_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` gives one object per code with the fault's segment and position."""
    assert main(["code", "check", "91350100M000100Y44", "--format", "json"]) == 1
    (verdict,) = json.loads(capsys.readouterr().out)
    assert verdict["error"] == "InvalidChecksum"
    assert verdict["position"] == 18


def test_code_check_forced_kind(capsys: pytest.CaptureFixture[str]) -> None:
    """``--kind`` checks against one code kind whatever the length."""
    assert main(["code", "check", "--kind", "uscc", "00016421300Y"]) == 1
    assert "18位" in capsys.readouterr().out


def test_demo_runs_the_main_job(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``demo`` runs every step: codes, template, validation, conversion, checks, guides, docs."""
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out)]) == 0
    assert "有子项的主项" in (out / "codes-explained.txt").read_text("utf-8")
    assert (out / "权责清单模板.xlsx").exists()
    assert "通过" in (out / "examples-validation.txt").read_text("utf-8")
    report = json.loads((out / "flawed-validation.json").read_text("utf-8"))
    rules = {finding["rule"] for finding in report["files"][0]["findings"]}
    assert {"time.promised-exceeds-legal", "refusal.remedies", "structure.unknown-key"} <= rules
    original = json.loads((out / "examples" / "power-list.json").read_text("utf-8"))
    for name in ("from-excel.json", "from-xml.json", "from-jsonl.json"):
        assert json.loads((out / "converted" / name).read_text("utf-8")) == original
    levels = (out / "reports" / "levels.txt").read_text("utf-8")
    assert "发现 3 处不一致" in levels
    assert "[基本编码] 000899999000" in levels  # the item recoded at 旗县 level
    assert "下放1项" in (out / "reports" / "diff.txt").read_text("utf-8")
    same_source = (out / "reports" / "same-source.txt").read_text("utf-8")
    assert same_source.count("crosslist.same-source") == 2
    for verb in ("levels", "compare", "stats", "diff"):
        assert (out / "reports" / f"{verb}.xlsx").exists()
    assert "<svg" in (out / "rendered" / "服务指南.html").read_text("utf-8")
    assert "完整版获取方式" in (out / "rendered" / "服务指南（简版）.html").read_text("utf-8")
    assert "审查要点" in (out / "rendered" / "审查细则.html").read_text("utf-8")
    assert (out / "rendered" / "办理流程图.svg").exists()
    assert (out / "docs" / "md" / "kinds" / "power-list.md").exists()
    assert (out / "docs" / "html" / "index.html").exists()
