"""Nothing lost: outputs are written whole or not at all, and never over an input."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import banzhang
from banzhang import examples, synthetic
from banzhang._atomic import replacing
from banzhang.cli import main
from banzhang.errors import UnwritableOutput
from banzhang.formats import json as json_format


def test_a_failed_write_leaves_the_earlier_file_and_no_temporary(tmp_path: Path) -> None:
    """An error while writing keeps the old file byte for byte; the temporary file is gone."""
    target = tmp_path / "list.json"
    target.write_bytes(b"earlier")

    def write_half() -> None:
        with replacing(target) as handle:
            handle.write(b"half")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_half()
    assert target.read_bytes() == b"earlier"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["list.json"]


def test_a_write_through_a_link_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    """The link stays a link; the file behind it gets the new content."""
    (tmp_path / "real.json").write_bytes(b"old")
    (tmp_path / "link.json").symlink_to("real.json")
    with replacing(tmp_path / "link.json") as handle:
        handle.write(b"new")
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "real.json").read_bytes() == b"new"


@pytest.mark.parametrize(
    ("where", "reason"),
    [("missing/x.json", "目录不存在"), ("folder", "这是一个目录")],
)
def test_unwritable_targets_are_our_error(tmp_path: Path, where: str, reason: str) -> None:
    """A missing folder or a folder as target is UnwritableOutput with a Chinese reason."""
    (tmp_path / "folder").mkdir()
    with pytest.raises(UnwritableOutput, match=reason):
        banzhang.dump(examples.load("power-list"), tmp_path / where, format="json")


def test_a_killed_conversion_leaves_the_old_output(tmp_path: Path) -> None:
    """kill -9 in the middle of writing a workbook: the earlier output is untouched."""
    source, target = tmp_path / "big.jsonl", tmp_path / "out.xlsx"
    envelope = {key: value for key, value in synthetic.power_list(0).items() if key != "items"}
    json_format.iter_dump("power-list", envelope, synthetic.iter_power_items(20_000), source)
    banzhang.dump(examples.load("power-list"), target)
    earlier = target.read_bytes()
    command = [sys.executable, "-m", "banzhang", "convert", str(source), str(target)]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    # Kill it once it has started writing (a temporary file appears beside the target).
    while not any(p.name.startswith(".out.xlsx.") for p in tmp_path.iterdir()):
        assert child.poll() is None, "the conversion ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert target.read_bytes() == earlier
    assert banzhang.load(target) == examples.load("power-list")


@pytest.mark.parametrize(
    "argv",
    [
        ["convert", "{a}", "{a}"],
        ["convert", "{a}", "{link}"],
        ["validate", "{x}", "--excel", "{x}"],
        ["levels", "{dir}", "--excel", "{x}"],
        ["guide", "render", "{g}", "--out", "{g_html}", "--svg", "{g_html_svg}"],
    ],
)
def test_an_output_that_is_an_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Exit 2 and a Chinese message; the input is unchanged."""
    files = {
        "a": tmp_path / "a.jsonl",
        "link": tmp_path / "link.jsonl",
        "x": tmp_path / "a.xlsx",
        "dir": tmp_path,
        "g": tmp_path / "g.html",
        "g_html": tmp_path / "g.html",
        "g_html_svg": tmp_path / "g.svg",
    }
    banzhang.dump(examples.load("power-list"), files["a"])
    files["link"].symlink_to("a.jsonl")
    banzhang.dump(examples.load("power-list"), files["x"])
    files["g"].write_text("<html/>", "utf-8")
    before = {path: path.read_bytes() for path in (files["a"], files["x"], files["g"])}
    code = main([part.format(**files) for part in argv])
    assert code == 2
    assert "就是输入文件" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in before} == before


@pytest.mark.parametrize(
    "argv",
    [
        ["template", "power-list", "t.json"],
        ["convert", "{a}", "out.csv"],
        ["validate", "{a}", "--excel", "report.json"],
        ["guide", "render", "{a}", "--out", "guide.pdf"],
    ],
)
def test_an_output_extension_must_fit_the_verb(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    """A workbook is not written under a .json name (and so on): a usage error, exit 2."""
    source = tmp_path / "a.json"
    banzhang.dump(examples.load("power-list"), source)
    monkeypatch.chdir(tmp_path)
    assert main([part.format(a=source) for part in argv]) == 2
    assert "扩展名应为" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.json"]


@pytest.mark.parametrize(
    ("where", "error", "reason"),
    [
        ("tempfile.mkstemp", PermissionError(13, "Permission denied"), "没有写权限"),
        ("os.fsync", OSError(28, "No space left on device"), "磁盘空间不足"),
        ("os.replace", OSError(30, "Read-only file system"), "文件系统只读"),
    ],
)
def test_a_refused_write_keeps_the_old_file_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, error: OSError, reason: str
) -> None:
    """A read-only folder, a full disk or a read-only file system (simulated: the tests run as
    root): UnwritableOutput in Chinese, the earlier file untouched, no temporary file left."""
    target = tmp_path / "list.json"
    target.write_bytes(b"earlier")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(where, refuse)
    with pytest.raises(UnwritableOutput, match=reason):
        banzhang.dump(examples.load("power-list"), target)
    assert target.read_bytes() == b"earlier"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["list.json"]
