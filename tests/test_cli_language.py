"""The command line speaks Chinese on its usage and error paths (issue 32): no English word
but the names a user types (verbs, options, kind ids, choices, file extensions) and product
names (Excel, Word, HTML, JSON …)."""

from __future__ import annotations

import argparse
import re

import pytest

from banzhang.cli import build_parser, main

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
