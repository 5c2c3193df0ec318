"""Every verb survives the hostile corpus: exit 0, 1 or 2, a Chinese message, bounded time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.hostile import write_corpus


@pytest.fixture(scope="module")
def sweep(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Run tests/hostile_sweep.py over the corpus in a child process (memory-limited)."""
    folder = tmp_path_factory.mktemp("hostile")
    write_corpus(folder)
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "hostile_sweep.py"), str(folder)],
        capture_output=True,
        text=True,
        check=True,
        timeout=1200,
    )
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


def test_the_sweep_ran_every_verb_over_every_file(sweep: list[dict[str, Any]]) -> None:
    """Each hostile file met each of the verbs (11 command lines a file)."""
    files = {
        result["argv"][1] if result["argv"][0] != "guide" else result["argv"][2] for result in sweep
    }
    assert len(files) >= 40
    assert len(sweep) == 12 * len(files)


def test_no_verb_raises_or_prints_a_traceback(sweep: list[dict[str, Any]]) -> None:
    """Nothing escapes a verb, nothing hangs, and no output holds a traceback."""
    escaped = [(r["argv"], r["raised"]) for r in sweep if r["raised"] or r["traceback"]]
    assert escaped == []


def test_no_native_library_prints_on_stderr(sweep: list[dict[str, Any]]) -> None:
    """A Rust panic in calamine prints its message and backtrace on the process's stderr:
    a file that makes it panic is met by a child process first (excel/_probe.py)."""
    printed = {(r["argv"][0], r["argv"][-1]): r["native"] for r in sweep if r["native"]}
    assert printed == {}


def test_every_exit_code_is_0_1_or_2(sweep: list[dict[str, Any]]) -> None:
    """The exit codes keep their contract: 0 ok, 1 invalid data, 2 unreadable or usage."""
    wrong = [(r["argv"], r["exit"]) for r in sweep if r["exit"] not in (0, 1, 2)]
    assert wrong == []


@pytest.mark.parametrize(
    "name",
    [
        "dtd-behind-comment.xml",
        "billion-laughs.xml",
        "dtd-behind-comment.xlsx",
        "row-two-billion.xlsx",
        "rows-out-of-order.xlsx",
        "duplicate-kind.json",
        "integer-5000-digits.json",
        "not-a-zip.xlsx",
        "empty.xls",
        "text-named.xls",
        "cut-in-half.xls",
        "cut-in-half.ods",
        "dtd.ods",
        "bomb.ods",
        "text-named.docx",
        "cut-in-half.docx",
        "dtd.docx",
        "no-title.docx",
        "shared-strings-claim-two-billion.xlsx",
        "column-of-31-letters.xlsx",
        "dimension-four-billion-rows.xls",
        "dimension-inverted.xls",
        "compound-file-broken.xls",
        "cell-past-column-iv.xls",
        "fat-of-four-billion-sectors.xls",
        "sheet-past-the-stream.xls",
        "merged-cells-cut-short.xls",
        "member-name-not-utf8.xlsx",
        "zip-version-unknown.xlsx",
        "broken-xml-where-the-kind-is-looked-for.xlsx",
        "member-encrypted.ods",
        "row-repeated-a-million-times.ods",
        "cell-repeated-16000-times.ods",
        "shared-string-index-minus-one.xlsx",
        "shared-string-index-letters.xlsx",
        "shared-string-index-fraction.xlsx",
        "shared-string-index-1e23.xlsx",
        "grid-span-two-billion.docx",
        "grid-span-letters.docx",
        "ratio-bomb.docx",
        "dtd-behind-long-comment.docx",
        "zip-bad-crc.docx",
        "zip-bad-data.docx",
        "zip-header-name.docx",
        "zip-compression-method.docx",
        *(
            f"zip-{how}{suffix}"
            for how in ("bad-data", "bad-crc", "header-name", "compression-method")
            for suffix in (".xlsx", ".ods")
        ),
        "lone-surrogate.json",
        "items-on-the-envelope-line.jsonl",
        "lines-after-a-guide.jsonl",
    ],
)
def test_dangerous_files_are_refused(sweep: list[dict[str, Any]], name: str) -> None:
    """DTDs (wherever they hide), impossible rows and ambiguous JSON are refused: exit 2."""
    codes = {r["exit"] for r in sweep if r["argv"][:2] == ["validate", str(_file(sweep, name))]}
    assert codes == {2}


@pytest.mark.parametrize(
    "name",
    [
        "items-null.json",
        "region-array.json",
        "attributes-and-text.xml",
        "foreign-namespace.xml",
        "unseen-content-control.docx",
        "unseen-custom-xml.docx",
        "unseen-tracked-insertion.docx",
        "unseen-text-box.docx",
        "unseen-alt-chunk.docx",
        "unknown-element-under-root.xml",
        "second-namespace-same-key.xml",
    ],
)
def test_wrong_content_is_a_finding(sweep: list[dict[str, Any]], name: str) -> None:
    """Content of the wrong type or place is invalid data (exit 1), not a crash or a pass."""
    codes = {r["exit"] for r in sweep if r["argv"][:2] == ["validate", str(_file(sweep, name))]}
    assert codes == {1}


def test_legitimate_oddities_are_read(sweep: list[dict[str, Any]]) -> None:
    """A comment holding markup before the root, UTF-16 XML and an absurd but well-formed
    time limit are read and judged like any document (exit 0: a warning at most)."""
    for name in ("comment-with-element.xml", "utf16.xml", "amount-400-digits.json"):
        codes = {r["exit"] for r in sweep if r["argv"] == ["validate", str(_file(sweep, name))]}
        assert codes == {0}, name


def _file(sweep: list[dict[str, Any]], name: str) -> Path:
    for result in sweep:
        if result["argv"][0] == "validate" and Path(result["argv"][1]).name == name:
            return Path(result["argv"][1])
    raise AssertionError(name)
