"""One table reader for every table-shaped input: a worksheet, a .csv and a Word document's
table give the same list and the same findings, each finding at its own place."""

from __future__ import annotations

import csv
from pathlib import Path

import attrs
import docx
import pytest
from docx.document import Document as WordDocument
from openpyxl import Workbook

import banzhang
from banzhang.formats import sheets, tables
from banzhang.validation import Finding
from banzhang.validation.places import Cell, Place, Sheet, Table

TITLE = "包头市市场监督管理局权责清单（2026年版）"
HEADER = ["序号", "权力名称", "权力类别", "实施主体", "设定依据", "责任事项", "追责情形"]
ROWS = [
    [
        "1",
        "食品生产许可",
        "行政许可",
        "包头市市场监督管理局",
        "《中华人民共和国食品安全法》第三十五条",
        "1.受理责任：依法受理或不予受理。\n2.审查责任：审查申请材料。",
        "对符合法定条件的申请不予受理的",
    ],
    [
        "2",
        "对生产经营不符合食品安全标准的食品的行政处罚",
        "行政处罚",
        "包头市市场监督管理局",
        "《中华人民共和国食品安全法》第一百二十四条",
        "立案责任：依法立案。",
        "没有法律依据实施行政处罚的",
    ],
    [
        "3",
        "食品生产经营监督检查",
        "许可",  # no 事项类型 of the codelist: a finding at this cell
        "包头市市场监督管理局",
        "《中华人民共和国食品安全法》第一百一十条",
        "检查责任：依法检查。",
        "未依法检查的",
    ],
]
BAD_TYPE = (2, 2)  # the row (from 0) and column (from 0) of "许可"


def _workbook(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet.append([TITLE])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    book.save(path)


def _csv(path: Path) -> None:
    with path.open("w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([TITLE])
        writer.writerow(HEADER)
        writer.writerows(ROWS)


def _word(path: Path, *, split_after: int | None = None) -> None:
    """The list as departments publish it in Word: a title paragraph, then the table (split
    into two tables by a page break after ``split_after`` rows, the header repeated)."""
    document: WordDocument = docx.Document()
    document.add_paragraph("附件")
    document.add_paragraph(TITLE)
    parts = [ROWS] if split_after is None else [ROWS[:split_after], ROWS[split_after:]]
    for number, rows in enumerate(parts):
        if number:
            document.add_paragraph("（续表）")
        table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
        for column, text in enumerate(HEADER):
            table.cell(0, column).text = text
        for row_number, row in enumerate(rows, start=1):
            for column, text in enumerate(row):
                table.cell(row_number, column).text = text
    document.save(str(path))


def _without_place(findings: list[Finding]) -> list[Finding]:
    return [attrs.evolve(finding, source=None) for finding in findings]


@pytest.fixture
def three_inputs(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "xlsx": tmp_path / "权责清单.xlsx",
        "csv": tmp_path / "权责清单.csv",
        "docx": tmp_path / "权责清单.docx",
    }
    _workbook(paths["xlsx"])
    _csv(paths["csv"])
    _word(paths["docx"])
    return paths


def test_a_worksheet_a_csv_and_a_word_table_give_the_same_list(
    three_inputs: dict[str, Path],
) -> None:
    """The same rows in three files: the same document, envelope from the title included."""
    read = {name: banzhang.load_data(path) for name, path in three_inputs.items()}
    assert read["csv"] == read["xlsx"]
    assert read["docx"] == read["xlsx"]
    assert [item["name"] for item in read["docx"]["items"]] == [row[1] for row in ROWS]
    assert read["docx"]["department"]["name"] == "包头市市场监督管理局"
    assert read["docx"]["version"] == "2026年版"


def test_the_findings_are_the_same_each_at_its_own_place(
    three_inputs: dict[str, Path],
) -> None:
    """Each format's findings are the table reader's; only the place is said in its terms."""
    found = {
        name: list(banzhang.iter_findings(path, kind="power-list"))
        for name, path in three_inputs.items()
    }
    assert _without_place(found["csv"]) == _without_place(found["xlsx"])
    assert _without_place(found["docx"]) == _without_place(found["xlsx"])
    row, column = BAD_TYPE
    [bad_xlsx] = [f for f in found["xlsx"] if f.value == "许可"]
    [bad_csv] = [f for f in found["csv"] if f.value == "许可"]
    [bad_word] = [f for f in found["docx"] if f.value == "许可"]
    # header in row 2 of the sheet; in the Word table, row 1 (the title is a paragraph)
    assert bad_xlsx.place == Place.cell("Sheet1", row + 3, column + 1)
    assert bad_csv.place == Place.cell("权责清单", row + 3, column + 1)
    assert bad_word.place == Place((Table(1), Cell(row + 2, column + 1)))
    assert bad_word.source == f"表格 1 第 {row + 2} 行第 {column + 1} 列"


def test_a_word_list_split_by_a_page_break_is_one_list(tmp_path: Path) -> None:
    """A long table broken over pages repeats its header in a second table: one list, and
    each finding names the table it is in."""
    path = tmp_path / "权责清单.docx"
    _word(path, split_after=2)
    data = banzhang.load_data(path)
    assert [item["name"] for item in data["items"]] == [row[1] for row in ROWS]
    [bad] = [f for f in banzhang.iter_findings(path) if f.value == "许可"]
    assert bad.place == Place((Table(2), Cell(2, 3)))


def test_a_word_list_title_is_read_from_its_paragraph(tmp_path: Path) -> None:
    """The paragraphs above the table title it, as a worksheet's title rows do: the table's
    rows keep their own numbers."""
    path = tmp_path / "list.docx"
    _word(path)
    book = sheets.word_list(
        [(1, docx.Document(str(path)).tables[0])], "list.docx", heading=["附件", TITLE]
    )
    assert book.heading == ("附件", TITLE)
    assert book[book.sheetnames[0]].origin(2, 3) == Place((Table(1), Cell(2, 3)))
    assert banzhang.load_data(path)["department"]["name"] == "包头市市场监督管理局"


def test_word_merged_cells_are_ranges_of_the_sheet(tmp_path: Path) -> None:
    """A 部门 merged down over its items and a section row merged across: the sheet has the
    first cell's text and the merged range, as a worksheet's merged cells read."""
    document: WordDocument = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for column, text in enumerate(["序号", "部门", "收费项目"]):
        table.cell(0, column).text = text
    table.cell(1, 0).merge(table.cell(1, 2)).text = "一、行政事业性收费"
    table.cell(2, 1).merge(table.cell(3, 1)).text = "外交部门"
    table.cell(2, 0).text, table.cell(2, 2).text = "1", "认证费"
    table.cell(3, 0).text, table.cell(3, 2).text = "2", "签证费"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    book = sheets.word_tables(docx.Document(str(path)).tables, "merged.docx")
    sheet = book["表格 1"]
    assert list(sheet.rows()) == [
        ("序号", "部门", "收费项目"),
        ("一、行政事业性收费", None, None),
        ("1", "外交部门", "认证费"),
        ("2", None, "签证费"),
    ]
    assert sorted(sheet.merged()) == [(1, 0, 1, 2), (2, 1, 3, 1)]


def test_a_csv_is_one_sheet_of_text_without_a_workbook(tmp_path: Path) -> None:
    """A .csv is decoded straight to rows: codes keep their zeros, a formula is text, a
    control character is kept as written."""
    path = tmp_path / "权责清单.csv"
    path.write_text("序号,基本编码,备注\n1,000117047000,=1+1\n2,x\x01y,\n", encoding="utf-8")
    book = sheets.open_csv(path)
    assert list(book.sheetnames) == ["权责清单"]
    assert list(book["权责清单"].rows()) == [
        ("序号", "基本编码", "备注"),
        ("1", "000117047000", "=1+1"),
        ("2", "x\x01y", None),
    ]
    assert book["权责清单"].native_rows().form == "plain"


def test_a_place_is_kept_as_segments_in_json(three_inputs: dict[str, Path]) -> None:
    """JSON gives the rendered place beside its segments, for a program to act on."""
    [bad] = [f for f in banzhang.iter_findings(three_inputs["docx"]) if f.value == "许可"]
    data = bad.to_dict()
    assert data["source"] == "表格 1 第 4 行第 3 列"
    assert data["place"] == [{"table": 1}, {"row": 4, "column": 3}]
    assert Place.parse(data["source"]) == bad.place


def test_the_reader_never_learns_which_back_end_parsed_the_file(tmp_path: Path) -> None:
    """The table reader takes any :class:`~banzhang.formats.sheets.Workbook`: one made here in
    a few lines reads like a worksheet."""

    class Rows:
        name = "in-memory"
        sheetnames = ("Sheet1",)
        heading = ()

        def __getitem__(self, title: str) -> sheets.WordTable:
            rows = [tuple(HEADER), *(tuple(row) for row in ROWS)]
            return sheets.WordTable(title, list(rows), [])

        def formulas(self, title: str) -> None:
            return None

        def close(self) -> None:
            return None

    data = tables.book_data(Rows(), kind="power-list")
    assert [item["name"] for item in data["items"]] == [row[1] for row in ROWS]
    assert Sheet("Sheet1") in next(
        f.place.segments for f in tables.book_findings(Rows(), kind="power-list") if f.place
    )


def test_a_word_table_is_named_as_its_reader_counts(tmp_path: Path) -> None:
    """A column no element takes is told in the Word document's terms (table and column by
    number), not a worksheet's letters; what it holds is never dropped in silence."""
    document: WordDocument = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=2, cols=len(HEADER) + 1)
    for column, text in enumerate([*HEADER, "联络员"]):
        table.cell(0, column).text = text
    for column, text in enumerate([*ROWS[0], "王五"]):
        table.cell(1, column).text = text
    path = tmp_path / "list.docx"
    document.save(str(path))
    [extra] = [f for f in banzhang.iter_findings(path) if f.rule == "excel.extra-column"]
    assert extra.message.startswith("表格 1 第 8 列“联络员”不是本清单的要素")
    assert extra.place == Place((Table(1), Cell(1, 8)))
