"""Every Excel and Word file banzhang writes prints readably (issue 32): LibreOffice prints the
Word guide and review detail, every template, every converted list, the --excel reports of
validate, stats, levels, compare and diff, and the annotated workbook to PDF, and the pages'
text shows each table's header whole on one line, no column wrapping its text a character a
line, type no smaller than 7.5 points, and workbooks on landscape pages, a few a sheet."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from banzhang import examples, kinds
from banzhang.cli import main
from tests.conftest import FIXTURES
from tests.printing import Printed, print_all

_DEPARTMENT = FIXTURES / "workbooks" / "department.xlsx"
#: The sheet of findings banzhang adds to the department's workbook it hands back marked.
_FINDINGS_SHEET = "问题清单"
#: The smallest type a printed page may carry, in points (11-point cells at 75 % print at 8.25).
_SMALLEST_TYPE = 7.5
#: The most pages a sheet of the examples may print on (across and down).
_PAGES_A_SHEET = 4
#: The verbs across lists that write an --excel report.
_CROSS_LIST_VERBS = ("stats", "levels", "compare", "diff")


def _write_outputs(folder: Path) -> list[Path]:
    """Each kind of file banzhang writes for people, written through the command line."""
    written: list[Path] = []

    def run(*argv: str | Path) -> None:
        code = main([str(part) for part in argv])
        assert code in (0, 1), argv  # 1: the department's workbook has findings

    for document in ("service-guide", "review-detail"):
        source = folder / f"{document}.json"
        shutil.copy(Path(examples.__file__).parent / f"{document}.json", source)
        run("guide", "render", source, "--out", folder / f"word-{document}.docx")
        written.append(folder / f"word-{document}.docx")
    for kind in kinds.all_kinds():
        run("template", kind.id, folder / f"template-{kind.id}.xlsx")
        source = Path(examples.__file__).parent / f"{kind.id}.json"
        run("convert", source, folder / f"list-{kind.id}.xlsx")
        written += [folder / f"template-{kind.id}.xlsx", folder / f"list-{kind.id}.xlsx"]
    department = folder / "department.xlsx"
    shutil.copy(_DEPARTMENT, department)
    report, annotated = folder / "report-validate.xlsx", folder / "annotated.xlsx"
    run("validate", department, "--excel", report, "--annotate", annotated)
    power = Path(examples.__file__).parent / "power-list.json"
    reports = {verb: folder / f"report-{verb}.xlsx" for verb in _CROSS_LIST_VERBS}
    for verb, target in reports.items():
        sources = (power, power) if verb in ("levels", "diff") else (power,)
        run(verb, *sources, "--excel", target)
    return [*written, report, annotated, *reports.values()]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Printed]]:
    """Every output, printed once (one LibreOffice run for all)."""
    folder = tmp_path_factory.mktemp("printed")
    outputs = _write_outputs(folder)
    return {path.stem: (path, pages) for path, pages in print_all(outputs, folder).items()}


_NAMES = [
    "word-service-guide",
    "word-review-detail",
    *(f"template-{kind.id}" for kind in kinds.all_kinds()),
    *(f"list-{kind.id}" for kind in kinds.all_kinds()),
    "report-validate",
    *(f"report-{verb}" for verb in _CROSS_LIST_VERBS),
    "annotated",
]


def _workbook_headers(path: Path) -> tuple[list[str], int]:
    """The header texts of every visible sheet banzhang laid out, and how many such sheets
    (of the annotated copy only the 问题清单: the department's own sheets are theirs)."""
    book = load_workbook(path)
    headers: list[str] = []
    sheets = 0
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        if path.stem == "annotated" and sheet.title != _FINDINGS_SHEET:
            continue
        sheets += 1
        last = int(str(sheet.print_title_rows).split(":")[-1].lstrip("$"))
        shown = [row for row in range(1, last + 1) if not sheet.row_dimensions[row].hidden]
        headers += [
            str(cell.value)
            for cell in sheet[shown[-1]]
            if cell.value and not sheet.column_dimensions[cell.column_letter].hidden
        ]
    return headers, sheets


def _word_headers(path: Path) -> list[str]:
    """The header of every table of rows (its first cell 序号) in a Word document."""
    return [
        cell.text
        for table in Document(str(path)).tables
        if table.rows[0].cells[0].text == "序号"
        for cell in table.rows[0].cells
    ]


@pytest.mark.parametrize("name", _NAMES)
def test_every_header_prints_whole_on_one_line(
    printed: dict[str, tuple[Path, Printed]], name: str
) -> None:
    """A header cell's text is found whole within one printed line: no header wraps."""
    path, pages = printed[name]
    headers = _word_headers(path) if path.suffix == ".docx" else _workbook_headers(path)[0]
    assert headers
    assert [header for header in headers if not pages.whole_on_a_line(header)] == []


@pytest.mark.parametrize("name", _NAMES)
def test_no_column_wraps_a_character_a_line(
    printed: dict[str, tuple[Path, Printed]], name: str
) -> None:
    """No three lines in a row of one character each: every column is wide enough to read."""
    assert printed[name][1].narrow_columns() == []


@pytest.mark.parametrize("name", _NAMES)
def test_the_type_is_readable(printed: dict[str, tuple[Path, Printed]], name: str) -> None:
    """Nothing prints smaller than 7.5 points: a wide sheet takes pages, not a smaller scale."""
    assert printed[name][1].smallest_type >= _SMALLEST_TYPE


@pytest.mark.parametrize("name", [name for name in _NAMES if not name.startswith("word-")])
def test_a_workbook_prints_landscape_on_a_few_pages_a_sheet(
    printed: dict[str, tuple[Path, Printed]], name: str
) -> None:
    """Landscape A4 throughout (the annotated copy: our 问题清单 at least), a few pages a
    sheet."""
    path, pages = printed[name]
    _headers, sheets = _workbook_headers(path)
    if name == "annotated":  # the department's own sheets print as the department set them
        assert pages.landscape[0]
        return
    assert all(pages.landscape)
    assert len(pages.texts) <= _PAGES_A_SHEET * sheets


@pytest.mark.parametrize("name", ["word-service-guide", "word-review-detail"])
def test_a_word_document_turns_only_its_wide_tables(
    printed: dict[str, tuple[Path, Printed]], name: str
) -> None:
    """Portrait pages, a landscape section for a table of many columns; a handful of pages."""
    pages = printed[name][1]
    assert any(pages.landscape)
    assert not all(pages.landscape)
    assert len(pages.texts) <= 10


@pytest.mark.parametrize("name", ["word-service-guide", "word-review-detail"])
def test_the_word_flow_chart_prints_as_a_chart_on_one_page(
    printed: dict[str, tuple[Path, Printed]], name: str
) -> None:
    """The 办理流程图 is boxes joined by arrows (a line into an arrowhead), 开始 to 办结, each
    step's name and who and how long whole on their lines, the chart whole on one page."""
    pages = printed[name][1]
    kind = name.removeprefix("word-")
    document = examples.load(kind)
    steps = document.process if kind == "service-guide" else document.steps
    (page,) = [text for text in pages.texts if "办理流程图" in text and "开始" in text]
    lines = [line.strip() for line in page.splitlines()]
    chart = lines[lines.index("开始") : lines.index("办结") + 1]
    assert "↓" not in page
    assert chart.count("▼") == len(steps) + 1
    for step in steps:
        assert step.name in chart
