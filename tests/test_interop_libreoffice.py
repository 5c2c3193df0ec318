"""A real spreadsheet application reads what banzhang writes: LibreOffice, headless, to CSV."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import attrs
from openpyxl import load_workbook
from pypdf import PdfReader

from banzhang import examples
from banzhang.formats import docx, excel
from banzhang.formats.excel.reports import Section, write_workbook
from banzhang.generate import standard
from tests.printing import convert

# The 12th token (-1) asks LibreOffice to write every sheet to its own CSV file.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def test_libreoffice_reads_the_same_values(tmp_path: Path) -> None:
    """Every cell of the items sheet, as LibreOffice exports it, equals what banzhang wrote."""
    power = examples.load("power-list")
    hostile = attrs.evolve(
        power.items[1],
        name="=1+1",
        remark="@SUM(A1)\n第二行 😴 𠀀",
        supervision="-5",
        supervision_phone="0472-5617035",
    )
    workbook = tmp_path / "power.xlsx"
    excel.dump(attrs.evolve(power, items=(power.items[0], hostile, power.items[2])), workbook)
    _convert(tmp_path, workbook, CSV_FILTER, tmp_path)
    exported = tmp_path / "power-权责清单.csv"
    with exported.open(encoding="utf-8", newline="") as handle:
        theirs = list(csv.reader(handle))
    book = load_workbook(workbook, read_only=True)  # holds the file open until closed
    ours = [
        ["" if cell is None else str(cell) for cell in row]
        for row in book["权责清单"].iter_rows(values_only=True)
    ]
    book.close()
    width = max(len(row) for row in ours)
    assert [row + [""] * (width - len(row)) for row in theirs] == [
        row + [""] * (width - len(row)) for row in ours
    ]
    assert theirs[4][2] == "=1+1"  # text, not the number 2 (below the title, header, ids)
    assert theirs[3][1] == "00011704700Y"
    assert theirs[3][5] == "11150200011520476N"


def _convert(tmp_path: Path, document: Path, target: str, folder: Path) -> None:
    """Have LibreOffice, headless, convert ``document`` with the filter ``target``."""
    convert(tmp_path / "profile", [document], target, folder)


def _to_pdf(tmp_path: Path, workbook: Path) -> bytes:
    _convert(tmp_path, workbook, "pdf", tmp_path / "pdf")
    return (tmp_path / "pdf" / f"{workbook.stem}.pdf").read_bytes()


def test_libreoffice_prints_every_workbook_we_write(tmp_path: Path) -> None:
    """A template, a written list and a report open in LibreOffice and print to PDF: a page or
    a few across a sheet (the 权责清单 three pages wide, readable), not twenty."""
    template, power, report = (
        tmp_path / "template.xlsx",
        tmp_path / "power.xlsx",
        tmp_path / "r.xlsx",
    )
    excel.template("power-list", template)
    excel.dump(examples.load("power-list"), power)
    write_workbook(report, [Section("问题", ["文件", "说明"], [("a.json", "第一行\n第二行")])])
    pages = {}
    for workbook in (template, power, report):
        pdf = _to_pdf(tmp_path, workbook)
        assert pdf.startswith(b"%PDF")
        pages[workbook.stem] = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages["template"] <= 16, pages  # 7 sheets and the 说明, a few pages each
    assert pages["r"] == 1


def test_libreoffice_prints_the_word_guide_and_review_detail(tmp_path: Path) -> None:
    """The .docx banzhang writes opens in LibreOffice Writer and prints to PDF (A4 pages)."""
    for kind in ("service-guide", "review-detail"):
        document = tmp_path / f"{kind}.docx"
        docx.dump(examples.load(kind), document)
        pdf = _to_pdf(tmp_path, document)
        assert pdf.startswith(b"%PDF")
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2


def test_a_wide_word_table_prints_landscape_with_readable_columns(tmp_path: Path) -> None:
    """The 申请材料 table (15 columns) prints on landscape pages, its header names whole on a
    line and its material names unbroken by the character — the rest of the guide portrait."""
    document = tmp_path / "guide.docx"
    docx.dump(examples.load("service-guide"), document)
    _to_pdf(tmp_path, document)
    reader = PdfReader(tmp_path / "pdf" / "guide.pdf")
    landscape = [page for page in reader.pages if page.mediabox.width > page.mediabox.height]
    assert landscape
    assert len(landscape) < len(reader.pages)
    text = "\n".join(page.extract_text() for page in landscape)
    assert "材料名称" in text
    assert "营业执照" in text
    assert max(map(len, text.splitlines())) > 10  # not one character a line


def _pdf_pages(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def test_libreoffice_prints_the_drafts_as_local_standard_drafts(tmp_path: Path) -> None:
    """Each DB15/T draft and 编制说明 prints: the cover carries DB15/T and 征求意见稿, the 目次
    and 前言 pages follow, and no 要素表 column is so narrow that it wraps a character a line."""
    drafts = tmp_path / "drafts"
    standard.write(drafts)
    for document in sorted(drafts.glob("*.docx")):
        _convert(tmp_path, document, "pdf", tmp_path / "pdf")
        pages = _pdf_pages(tmp_path / "pdf" / f"{document.stem}.pdf")
        if document.stem.endswith("编制说明"):
            assert "编制说明" in pages[0]
            assert "五、主要技术内容及确定依据" in "".join(pages)
            continue
        assert "DB15/T ××××—YYYY" in pages[0]
        assert "征求意见稿" in pages[0]
        assert "内蒙古自治区地方标准" in pages[0]
        assert "目次" in pages[1]
        assert "1 范围" in pages[1]
        assert "前言" in pages[2]
        assert "GB/T 1.1" in pages[2]
        assert "1 范围" in pages[3]
        lines = [line.strip() for page in pages for line in page.splitlines()]
        singles = [n for n, line in enumerate(lines) if re.fullmatch(r"[\u4e00-\u9fff]", line)]
        runs = [n for n in singles if n + 1 in singles and n + 2 in singles]
        assert runs == [], document.stem  # three one-character lines in a row: a column too narrow
        if "编写规范" in document.stem:
            assert any(line.startswith("名称 类型 必备或可选 取值 说明") for line in lines)
