"""``validate --annotate``: the department's own workbook handed back marked (issue 32)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

import banzhang
from banzhang.cli import main
from banzhang.formats import excel

FIXTURES = Path(__file__).parent / "fixtures"


def _marked(tmp_path: Path, name: str) -> tuple[Path, Path]:
    source = tmp_path / name
    shutil.copy(FIXTURES / "real-documents" / name, source)
    return source, tmp_path / "批注.xlsx"


def test_each_cell_with_a_finding_is_marked_and_listed(tmp_path: Path) -> None:
    """A cell a finding names is filled and carries the message; 问题清单 lists every finding,
    its place a link to the cell; the original is left as it was."""
    source, marked = _marked(tmp_path, "gongcheng-power-list.xlsx")
    before = source.read_bytes()
    assert main(["validate", str(source), "--annotate", str(marked)]) == 1
    assert source.read_bytes() == before
    findings = list(banzhang.iter_findings(source))
    book = load_workbook(marked)
    assert book.sheetnames[0] == "问题清单"
    listing = book["问题清单"]
    assert listing.max_row == len(findings) + 1
    named = [f for f in findings if f.source and f.source.startswith("Sheet1!")]
    assert named
    for finding in named:
        cell = book["Sheet1"][str(finding.source).split("!")[1]]
        assert cell.comment is not None
        assert finding.message in cell.comment.text
        assert cell.fill.fgColor.rgb in ("00FFC7CE", "00FFEB9C")
    links = [row[4].hyperlink for row in listing.iter_rows(min_row=2) if row[4].hyperlink]
    assert links
    assert all(str(link.location).startswith("'Sheet1'!") for link in links)


def test_the_marked_copy_reads_back_to_the_same_document(tmp_path: Path) -> None:
    """Comments, fills and the 问题清单 sheet change nothing the reader reads."""
    source, marked = _marked(tmp_path, "qinzhou-fee-list.xlsx")
    findings = list(banzhang.iter_findings(source))
    excel.annotate(source, findings, marked)
    assert banzhang.load_data(marked) == banzhang.load_data(source)
    again = [(f.rule, f.path, f.source) for f in banzhang.iter_findings(marked)]
    assert again == [(f.rule, f.path, f.source) for f in findings]


def test_a_csv_is_handed_back_as_a_marked_workbook(tmp_path: Path) -> None:
    """A department's .csv comes back as .xlsx, its sheet named as the findings name it."""
    source, marked = _marked(tmp_path, "权责清单-湖南省文物局.csv")
    assert main(["validate", str(source), "--annotate", str(marked)]) == 1
    book = load_workbook(marked)
    assert book.sheetnames == ["问题清单", "权责清单-湖南省文物局"]
    assert book["权责清单-湖南省文物局"]["A2"].value == "博物馆藏品取样审批"


def test_annotate_takes_one_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two files, or a JSON document, with --annotate: a usage error in Chinese, exit 2."""
    first, marked = _marked(tmp_path, "gongcheng-power-list.xlsx")
    second = tmp_path / "second.xlsx"
    shutil.copy(first, second)
    assert main(["validate", str(first), str(second), "--annotate", str(marked)]) == 2
    assert "只用于校验一个工作簿" in capsys.readouterr().err
    assert not marked.exists()
