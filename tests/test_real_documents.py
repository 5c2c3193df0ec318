"""Documents as departments publish them, read as a reviewer reads them.

Each fixture is rebuilt from a real published page (SOURCES.md there names it) and kept as
published; ``X.checks`` holds the facts a reviewer reads from ``X``, as ``path = value``,
``path ~ part`` (contains; for a list, some entry contains) or ``len(path) = n``. Each file is
read with no option but the file itself, as a data desk would.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

import banzhang
from banzhang.errors import UnreadableInput

FIXTURES = Path(__file__).parent / "fixtures" / "real-documents"
CHECKS = sorted(FIXTURES.glob("*.checks"))
_CHECK = re.compile(r"^(len\()?([^\s)=~]+)\)?\s*(=|~)\s*(.*)$")

#: Facts banzhang does not read yet, each with why: the test fails when one starts to read (the
#: entry is then removed), so this list only ever shrinks.
KNOWN_GAPS: dict[str, dict[str, str]] = {}


def _document(checks: Path) -> Path:
    return next(p for p in FIXTURES.glob(f"{checks.stem}.*") if p.suffix != ".checks")


def _at(data: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(data, list):
            data = data[int(part)] if int(part) < len(data) else None
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def _holds(data: Any, line: str) -> bool:
    found = _CHECK.match(line)
    assert found is not None, line
    length, path, operator, expected = found.groups()
    value = _at(data, path)
    if length:
        return str(len(value) if isinstance(value, list) else 0) == expected
    if operator == "~":
        if isinstance(value, list):
            return any(expected in str(entry) for entry in value)
        return value is not None and expected in str(value)
    return value is not None and str(value) == expected


def _lines(checks: Path) -> list[str]:
    text = checks.read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@pytest.mark.parametrize("checks", CHECKS, ids=[path.stem for path in CHECKS])
def test_a_reviewer_reads_the_same_facts(checks: Path) -> None:
    """Every fact a reviewer reads from the published document is read, with no option."""
    data = banzhang.load_data(_document(checks))
    gaps = KNOWN_GAPS.get(checks.stem, {})
    missed = [line for line in _lines(checks) if line not in gaps and not _holds(data, line)]
    assert missed == []
    now_read = [line for line in gaps if _holds(data, line)]
    assert now_read == [], "read now: remove from KNOWN_GAPS"


def test_the_fixtures_name_their_sources() -> None:
    """Every fixture stands in SOURCES.md with the address it was rebuilt from."""
    sources = (FIXTURES / "SOURCES.md").read_text("utf-8")
    for checks in CHECKS:
        row = next((line for line in sources.splitlines() if _document(checks).name in line), "")
        assert "http" in row, checks.stem


@pytest.mark.parametrize("checks", CHECKS, ids=[path.stem for path in CHECKS])
def test_reading_a_published_document_never_fails_as_an_error(checks: Path) -> None:
    """What the reader cannot place is a warning (docx.unread-content, excel.extra-column),
    never an error: errors are the document's own faults."""
    reading = {"docx.unread-content", "excel.extra-column", "excel.headerless-column"}
    found = list(banzhang.iter_findings(_document(checks)))
    assert [f.rule for f in found if f.rule in reading and f.severity == "error"] == []


def test_a_workbook_of_no_kind_says_so(tmp_path: Path) -> None:
    """A workbook whose title, sheet, file name and header say nothing is refused, in Chinese."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "名称", "数量"])
    sheet.append([1, "桌子", 3])
    book.save(tmp_path / "台账.xlsx")
    with pytest.raises(UnreadableInput, match="请用 --kind 指定"):
        banzhang.load_data(tmp_path / "台账.xlsx")


def test_the_kind_is_read_from_a_header_alone(tmp_path: Path) -> None:
    """No title, a sheet called Sheet1: a 权责清单's columns say what it is."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "职权名称", "职权类型", "职权依据", "责任事项", "追责情形"])
    sheet.append(
        [1, "博物馆藏品取样审批", "行政许可", "《博物馆条例》第十条", "受理责任：公示", "不履行"]
    )
    book.save(tmp_path / "2024.xlsx")
    assert banzhang.load_data(tmp_path / "2024.xlsx")["kind"] == "power-list"
