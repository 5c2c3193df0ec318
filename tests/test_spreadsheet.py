"""Departments' .xls and .ods workbooks: read like .xlsx, with the same findings and cell places.

The fixtures are tests/messy_workbooks.py's department workbook as LibreOffice saved it in each
format: its formula (``=CONCATENATE("a","b")`` in 备注) was computed on saving, so it reads "ab".
control-character.xls is a one-item list LibreOffice saved from a CSV whose 权力名称 holds U+0001.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import banzhang
from banzhang.cli import main
from banzhang.errors import UnreadableInput, UnwritableOutput
from banzhang.formats import for_path, sheets, spreadsheet, tables
from tests.messy_workbooks import EXPECTED_ITEMS

FOLDER = Path(__file__).parent / "fixtures" / "workbooks"
WORKBOOKS = [FOLDER / "department.xls", FOLDER / "department.ods"]
#: The .xlsx items, with the formula's value LibreOffice computed when it saved the file.
EXPECTED = [
    {**item, "remark": "ab"} if item["basic_code"] == "000217032000" else item
    for item in EXPECTED_ITEMS
]


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.suffix)
def test_a_department_workbook_reads_exactly(path: Path) -> None:
    """Title row, synonyms, 子项 rows under merged 主项 cells, numbers: the .xlsx's items."""
    assert for_path(path) is spreadsheet
    data = banzhang.load_data(path)
    assert data["kind"] == "power-list"
    assert data["items"] == EXPECTED


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.suffix)
def test_findings_name_their_cells_as_in_xlsx(path: Path) -> None:
    """The reader's findings are the .xlsx's, at the same cells."""
    found = {(f.rule, f.source, f.path) for f in banzhang.iter_findings(path) if f.layer == "excel"}
    assert found == {
        ("excel.extra-column", "Sheet1!M3", "$"),
        ("excel.code-normalised", "Sheet1!B4", "$.items[0].basic_code"),
        ("excel.code-as-number", "Sheet1!E5", "$.items[0].sub_items[1].basic_code"),
        ("excel.code-as-number", "Sheet1!B7", "$.items[1].basic_code"),
    }


def test_cli_validates_and_converts_a_department_xls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate names the cells; convert writes what it read as JSON, with the envelope given."""
    source = tmp_path / "权责清单.xls"
    shutil.copy(WORKBOOKS[0], source)
    assert main(["validate", str(source)]) == 1
    assert "Sheet1!B7" in capsys.readouterr().out
    target = tmp_path / "list.json"
    argv = ["convert", str(source), str(target), "--version", "2026", "--effective-date"]
    assert main([*argv, "2026-01-01"]) == 0  # codes stored as numbers are only warned of
    written = json.loads(target.read_text("utf-8"))
    assert (written["region"], written["version"]) == ("150200", "2026")
    assert written["items"] == EXPECTED


def test_validate_reads_xls_and_ods_inside_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder of department files includes their .xls and .ods."""
    for path in WORKBOOKS:
        shutil.copy(path, tmp_path / path.name)
    assert main(["validate", str(tmp_path), "--format", "json"]) == 1
    files = [Path(report["file"]).name for report in json.loads(capsys.readouterr().out)["files"]]
    assert sorted(files) == ["department.ods", "department.xls"]


def test_writing_xls_or_ods_is_refused(tmp_path: Path) -> None:
    """banzhang writes .xlsx; an .xls or .ods target is refused with the reason."""
    document = banzhang.examples.load("power-list")
    for name in ("out.xls", "out.ods"):
        with pytest.raises(UnwritableOutput, match=r"\.xlsx"):
            banzhang.dump(document, tmp_path / name)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.xls", b""),
        ("text.xls", "序号,事项名称\n".encode()),
        ("half.xls", WORKBOOKS[0].read_bytes()[:3000]),
        ("half.ods", WORKBOOKS[1].read_bytes()[:3000]),
    ],
)
def test_broken_files_are_unreadable_with_a_reason(tmp_path: Path, name: str, data: bytes) -> None:
    """Not a workbook, or a cut-off one: UnreadableInput naming the file, never a crash."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableInput, match=name):
        banzhang.load_data(path)


def test_a_control_character_only_an_xls_can_hold_is_kept_not_dropped() -> None:
    """An .xls cell may hold a control character no .xlsx or XML can: it is read as written,
    never silently removed (writing it to .xlsx or XML is refused, naming the element)."""
    data = banzhang.load_data(FOLDER / "control-character.xls")
    assert data["items"][0]["name"] == "食品\x01生产许可"


def test_a_department_xls_is_read_without_a_copy_of_it() -> None:
    """calamine's workbook goes to the table reader as it is: no .xlsx is written on the way."""
    book = sheets.open_spreadsheet(WORKBOOKS[0])
    assert list(book.sheetnames) == ["Sheet1"]
    assert tables.book_data(book)["items"] == EXPECTED
