"""Outputs a careless or hostile caller names: every write stays atomic, and refuses what it
cannot replace by a regular file."""

from __future__ import annotations

import errno
import gc
import io
import os
import socket
import stat
import sys
import time
from pathlib import Path

import pytest

import banzhang
from banzhang import _atomic, cli, examples
from banzhang.errors import UnwritableOutput
from banzhang.generate import docs as publish


def test_a_name_of_250_bytes_is_written(tmp_path: Path) -> None:
    """The temporary name beside it (.NAME.xxxxxxxx.tmp) was too long for the file system."""
    target = tmp_path / ("清" * 82 + ".json")  # 246 + 5 bytes
    assert len(target.name.encode()) > 242
    _atomic.write_text(target, "{}")
    assert target.read_text() == "{}"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_fifo_is_not_replaced_by_a_regular_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    os.mkfifo(target)
    with pytest.raises(UnwritableOutput, match="不是普通文件"):
        _atomic.write_text(target, "{}")
    assert not target.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_a_socket_behind_a_link_is_not_replaced(tmp_path: Path) -> None:
    """A link is followed (the file it points to is replaced): to a socket, refused."""
    place = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(place))
        link = tmp_path / "out.json"
        link.symlink_to(place)
        with pytest.raises(UnwritableOutput, match="不是普通文件"):
            _atomic.write_text(link, "{}")
        assert stat.S_ISSOCK(place.stat().st_mode)


def test_stale_temporary_files_of_the_target_are_cleaned(tmp_path: Path) -> None:
    """A writer killed a day ago left its temporary file; the next write removes it, and keeps
    a recent one (another writer may be at work) and files of other names."""
    target = tmp_path / "out.json"
    stale, recent = tmp_path / ".out.json.abcd1234.tmp", tmp_path / ".out.json.wxyz9876.tmp"
    other = tmp_path / ".other.json.abcd1234.tmp"
    for path in (stale, recent, other):
        path.write_text("partial")
    old = time.time() - _atomic.STALE_SECONDS - 60
    for path in (stale, other):
        os.utime(path, (old, old))
    _atomic.write_text(target, "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, recent.name, other.name]
    )


def test_ctrl_c_is_a_chinese_message_and_exit_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An interrupted verb prints no traceback: a message, and the shell's code for SIGINT."""

    def interrupted(args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "refuse_overwriting_inputs", interrupted)
    target = tmp_path / "out.json"
    assert cli.main(["convert", "in.json", str(target)]) == 130
    assert capsys.readouterr().err == (
        "banzhang: 已中断（Ctrl-C）；正在写的输出已放弃，原有文件未改动\n"
    )
    assert not target.exists()


def test_load_of_none_says_what_it_wanted() -> None:
    with pytest.raises(
        TypeError, match="应为文件路径、二进制文件对象或文件的字节，实际为 NoneType"
    ):
        banzhang.load(None)  # type: ignore[call-overload]


@pytest.mark.parametrize("document", [5, {"a": 1}, ["x"], None])
def test_dump_refuses_what_is_no_document(document: object) -> None:
    """``dump(5, …)`` wrote ``5``: a file no verb could read back as a document."""
    buffer = io.BytesIO()
    with pytest.raises(TypeError, match="要写出的不是清单或文档"):
        banzhang.dump(document, buffer, format="json")
    assert buffer.getvalue() == b""


@pytest.mark.parametrize(
    "argv",
    [
        ["docs", "--out", "{file}/site"],
        ["guide", "render", "{guide}", "--out", "{file}/guide.html"],
    ],
)
def test_an_output_under_a_file_is_a_chinese_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """The folder above the output is a file: mkdir raised (a traceback)."""
    (tmp_path / "file").write_text("x")
    guide = examples.path("service-guide")
    filled = [part.format(file=tmp_path / "file", guide=guide) for part in argv]
    assert cli.main(filled) == 2
    assert "路径中有一段不是目录" in capsys.readouterr().err


def test_docs_replace_an_earlier_site_whole(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert cli.main(["docs", "--out", str(site)]) == 0
    assert cli.main(["docs", "--out", str(site), "--format", "html"]) == 0
    assert not list(site.rglob("*.md"))  # the Markdown site is gone whole, not mixed in
    assert (site / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary folder left


def test_docs_killed_half_way_leave_the_earlier_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    publish.write(site)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}

    def half_way(out: Path) -> list[Path]:
        (out / "index.md").write_text("half")
        raise KeyboardInterrupt

    monkeypatch.setattr(publish, "write_markdown", half_way)
    with pytest.raises(KeyboardInterrupt):
        publish.write(site)
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_docs_refuse_a_folder_holding_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(UnwritableOutput, match=r"目录中有不是由它生成的文件（notes\.txt）"):
        publish.write(tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"


class _FullDisk(io.RawIOBase):
    """A file on a full disk: every write fails as the disk's does."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".json", ".xml"])
def test_a_full_disk_is_a_chinese_message_and_nothing_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """Writing .docx on a full disk left python-docx's zip open: when collected, it printed a
    second traceback after the message."""
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    monkeypatch.setattr(os, "fdopen", lambda descriptor, mode: _closing(descriptor))
    kind = "service-guide" if suffix == ".docx" else "power-list"
    with pytest.raises(UnwritableOutput, match="磁盘空间不足"):
        banzhang.dump(examples.load(kind), tmp_path / f"out{suffix}")
    gc.collect()
    assert unraisable == []
    assert list(tmp_path.iterdir()) == []


def _closing(descriptor: int) -> io.BufferedWriter:
    os.close(descriptor)
    return io.BufferedWriter(_FullDisk(), buffer_size=1)


def test_folders_left_by_a_docs_run_killed_a_day_ago_are_cleaned(tmp_path: Path) -> None:
    site = tmp_path / "site"
    built, aside = tmp_path / ".site.abcd1234.tmp", tmp_path / ".site.wxyz9876.old"
    for folder in (built, aside):
        folder.mkdir()
        (folder / "index.md").write_text("half")
        old = time.time() - _atomic.STALE_SECONDS - 60
        os.utime(folder, (old, old))
    publish.write(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
