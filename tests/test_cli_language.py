"""The command line speaks Chinese on its usage and error paths (issue 32): no English word
but the names a user types (verbs, options, kind ids, choices, file extensions) and product
names (Excel, Word, HTML, JSON …)."""

from __future__ import annotations

import argparse
import builtins
import io
import re
from pathlib import Path

import pytest

import banzhang
from banzhang import examples
from banzhang.cli import build_parser, main
from banzhang.formats._inputs import LIST_SUFFIXES

#: Words a Chinese user types or reads as names: choices, sub-verbs, products, date formats.
_NAMES = {
    "banzhang",
    "explain",
    "check",
    "render",
    "json",
    "text",
    "html",
    "common",
    "md",
    "Excel",
    "Word",
    "HTML",
    "JSON",
    "SVG",
    "Markdown",
    "XML",
    "zip",
    "UTF",
    "GB",
    "WPS",
    "LibreOffice",
    "Schema",
    "SQLite",  # the desk's stores, and the scheme of a PostgreSQL address
    "PostgreSQL",
    "postgresql",
    "YYYY",
    "MM",
    "DD",
}
_TYPED = re.compile(r"--?[a-z][a-z-]*|\{[^}]*\}|\.[a-z]{2,5}\b|'[^']*'|[a-z]+(?:-[a-z]+)+")


def _verbs() -> list[str]:
    parser = build_parser()
    found = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(found.choices)


def _english(text: str) -> set[str]:
    text = re.sub(r"-\n\s*", "-", text)  # a kind id argparse wrapped at its hyphen
    return set(re.findall(r"[A-Za-z]{2,}", _TYPED.sub(" ", text))) - _NAMES - set(_verbs())


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["nosuch"],
        ["--no-such-option"],
        *([verb, "--help"] for verb in _verbs()),
        *([verb, "--no-such-option"] for verb in _verbs()),
        ["validate"],
        ["convert", "a.json"],
        ["template", "no-such-kind", "t.xlsx"],
        ["validate", "--format", "yaml", "a.json"],
    ],
    ids=" ".join,
)
def test_usage_and_argument_errors_are_chinese(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Help, usage and argument errors carry no English word of argparse's or ours."""
    try:
        code = main(argv)
    except SystemExit as exit_:  # --help exits through argparse
        code = exit_.code if isinstance(exit_.code, int) else 2
    out = capsys.readouterr()
    assert code in (0, 2)
    assert _english(out.out + out.err) == set()
    if code == 2:
        assert "错误" in out.err


def _sub_verbs() -> list[list[str]]:
    parser = build_parser()
    verbs = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    found: list[list[str]] = []
    for verb, sub in verbs.choices.items():
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                found.extend([verb, name] for name in action.choices)
    return found


@pytest.mark.parametrize("argv", _sub_verbs(), ids=" ".join)
def test_the_help_of_an_action_is_chinese(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``guide render --help``, ``code explain --help``: metavars in Chinese too."""
    assert main([*argv, "--help"]) == 0
    assert _english(capsys.readouterr().out) == set()


#: Files that cannot be read, by name: the bytes each holds (None: the file does not exist).
_BROKEN: dict[str, bytes | None] = {
    **{f"不存在的清单{suffix}": None for suffix in LIST_SUFFIXES},
    "不是压缩包.xlsx": b"hello",
    "不是压缩包.docx": b"hello",
    "不是压缩包.ods": b"hello",
    "坏的.xls": b"\xd0\xcf\x11\xe0 hello",
    "截断的.xlsx": b"PK\x03\x04" + b"\x00" * 40,
    "坏的.json": b'{"kind": ',
    "坏的.jsonl": b'{"kind": "power-list"}\n{bad\n',
    "坏的.xml": b"<power-list><items></power-list>",
    "乱码.csv": b"\xff\xfe\x00\xd8",
}


def _said(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    out = capsys.readouterr()
    return (out.out + out.err).replace(str(tmp_path), "")


def _broken(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    if (data := _BROKEN[name]) is not None:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", sorted(_BROKEN))
@pytest.mark.parametrize(
    "verb",
    [
        ["validate", "{f}"],
        ["validate", "--format", "json", "{f}"],
        ["convert", "{f}", "{tmp}/出.json"],
        ["stats", "{f}"],
        ["diff", "{f}", "{f}"],
    ],
    ids=lambda verb: " ".join(verb[: 3 if verb[1].startswith("-") else 1]),
)
def test_a_file_that_cannot_be_read_is_named_and_explained_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, verb: list[str]
) -> None:
    """Missing, not a zip, broken JSON or XML, not UTF-8: the file's own name, what happened
    and what to do, exit 2 — never the library's English (``File is not a zip file``)."""
    path = _broken(tmp_path, name)
    assert main([part.format(f=path, tmp=tmp_path) for part in verb]) == 2
    said = _said(capsys, tmp_path)
    assert name in said
    assert _english(said) == set()


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionError(13, "Permission denied"), "没有读取权限"),
        (IsADirectoryError(21, "Is a directory"), "这是一个目录"),
        (OSError(5, "Input/output error"), "磁盘读写出错"),
        (OSError(116, "Stale file handle"), "网络盘"),
        (OSError(999, "Something unheard of"), "错误号 999"),
    ],
)
@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".xml", ".csv", ".docx", ".xls"])
def test_an_os_error_reading_is_explained_in_chinese(
    tmp_path: Path,
    *,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: OSError,
    words: str,
    suffix: str,
) -> None:
    """No permission, a disk error, a stale network share (simulated: the tests run as root)."""
    path = tmp_path / f"部门清单{suffix}"
    path.write_bytes(b"x")
    real_open = io.open

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise error
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]  # open's own

    monkeypatch.setattr(io, "open", refuse)
    monkeypatch.setattr(builtins, "open", refuse)
    assert main(["validate", str(path)]) == 2
    said = _said(capsys, tmp_path)
    assert path.name in said
    assert words in said
    assert _english(said) == set()


@pytest.mark.parametrize(
    ("where", "error", "words"),
    [
        ("tempfile.mkstemp", PermissionError(13, "Permission denied"), "没有写权限"),
        ("os.fsync", OSError(28, "No space left on device"), "磁盘空间不足"),
        ("os.fsync", OSError(122, "Disk quota exceeded"), "磁盘配额"),
        ("os.replace", OSError(30, "Read-only file system"), "文件系统只读"),
        ("tempfile.mkstemp", OSError(36, "File name too long"), "太长"),
    ],
)
@pytest.mark.parametrize(
    "verb",
    [
        ["convert", "{src}", "{tmp}/出清单.xlsx"],
        ["convert", "{src}", "{tmp}/出清单.xml"],
        ["template", "power-list", "{tmp}/出清单.xlsx"],
        ["validate", "{src}", "--excel", "{tmp}/出清单.xlsx"],
        ["guide", "render", "{guide}", "--out", "{tmp}/出清单.docx"],
        ["guide", "render", "{guide}", "--out", "{tmp}/出清单.html"],
    ],
    ids=lambda verb: " ".join(verb[:2]) + verb[-1][-5:],
)
def test_an_os_error_writing_is_explained_in_chinese(
    tmp_path: Path,
    *,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    where: str,
    error: OSError,
    words: str,
    verb: list[str],
) -> None:
    """A read-only folder, a full disk, a quota, a read-only file system, a name too long."""
    source, guide = tmp_path / "权责清单.json", tmp_path / "服务指南.json"
    banzhang.dump(examples.load("power-list"), source)
    banzhang.dump(examples.load("service-guide"), guide)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(where, refuse)
    argv = [part.format(src=source, tmp=tmp_path, guide=guide) for part in verb]
    assert main(argv) == 2
    said = _said(capsys, tmp_path)
    assert "出清单" in said
    assert words in said
    assert _english(said) == set()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["convert", "{src}", "{tmp}/权责清单.json/出.xlsx"], "路径中有一段不是目录"),
        (["template", "power-list", "{tmp}/文件夹.xlsx"], "这是一个目录"),
        (["validate", "{src}", "--retired", "{tmp}/无此登记表.txt"], "文件不存在"),
        (["validate", "{src}", "--retired", "{tmp}/文件夹.xlsx"], "这是一个目录"),
    ],
)
def test_a_path_that_is_not_what_it_should_be_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    """A file where a folder should be, a folder where a file should be, a missing register."""
    source = tmp_path / "权责清单.json"
    banzhang.dump(examples.load("power-list"), source)
    (tmp_path / "文件夹.xlsx").mkdir()
    assert main([part.format(src=source, tmp=tmp_path) for part in argv]) == 2
    said = _said(capsys, tmp_path)
    assert words in said
    assert _english(said) == set()


@pytest.mark.parametrize("name", ["不存在的清单.docx", "不是压缩包.docx"])
def test_a_draft_that_cannot_be_read_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """``standard --check`` on a missing or broken .docx: its name and what happened, in Chinese."""
    path = _broken(tmp_path, name)
    assert main(["standard", "--check", str(path)]) == 2
    said = _said(capsys, tmp_path)
    assert name in said
    assert _english(said) == set()
