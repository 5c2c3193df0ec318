"""服务指南 and 审查细则 as Word documents: written to edit and print, read back exactly, and a
department's own Word guide read by its headings, "标题：值" lines and tables."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from docx import Document

import banzhang
from banzhang import convert, examples
from banzhang.cli import main
from banzhang.declare import fields_of
from banzhang.errors import UnreadableInput, UnwritableOutput
from banzhang.formats import docx, for_path
from tests.conftest import fixture_files, read_json

VALID = [
    path
    for path in fixture_files("valid")
    if path.parts[-3] in ("service-guide", "review-detail") and path.name != "expected.json"
]


@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parts[-3]}/{p.stem}")
def test_a_document_round_trips_through_word(path: Path) -> None:
    """JSON → .docx → JSON gives the same document, element for element."""
    data = read_json(path)
    buffer = io.BytesIO()
    docx.dump(data, buffer)
    document = convert.from_data(data, data["kind"])
    assert docx.load(io.BytesIO(buffer.getvalue())) == document
    assert list(docx.iter_findings(io.BytesIO(buffer.getvalue()))) == []


def test_the_word_guide_is_laid_out_for_print(tmp_path: Path) -> None:
    """A4, a title, numbered section headings, tables with header rows, the flow chart, and a
    footer with page numbers."""
    path = tmp_path / "guide.docx"
    docx.dump(examples.load("service-guide"), path)
    word = Document(str(path))
    section = word.sections[0]
    assert section.page_width is not None
    assert section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    headings = [p.text for p in word.paragraphs if p.style and p.style.name == "Heading 1"]
    assert headings[:3] == ["一、适用范围", "二、项目信息", "三、事项审查类型"]
    assert headings[-1] == "二十二、附件"
    assert word.paragraphs[0].text == "食品生产许可（新办）服务指南"
    (materials,) = [
        t for t in word.tables if len(t.columns) > 2 and t.rows[0].cells[1].text == "材料名称"
    ]
    assert [cell.text for cell in materials.rows[0].cells][:3] == ["序号", "材料名称", "出具机构"]
    assert any("▼" in cell.text for table in word.tables for cell in table.columns[0].cells)
    footer = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer
    assert 'w:instr="NUMPAGES"' in footer


def _department_guide(path: Path) -> None:
    """A guide as a department writes it: bold numbered headings, "标题：值" lines, usual
    variants of the titles, tables for 申请材料 and 办理流程, and one stray note."""
    word = Document()
    word.add_paragraph("食品生产许可（新办）服务指南")
    for heading, lines in (
        ("一、事项名称", ["食品生产许可（新办）"]),
        ("二、基本编码", ["000117047001"]),
        ("三、事项类型", ["行政许可"]),
        (
            "四、办理依据",
            ["1.《中华人民共和国食品安全法》第三十五条", "2.《食品生产许可管理办法》第二条"],
        ),
        ("五、受理机构", ["包头市市场监督管理局"]),
        ("六、实施主体", ["包头市市场监督管理局"]),
        ("七、受理条件", ["1. 具有与生产的食品品种相适应的场所", "2. 具有相适应的生产设备"]),
        ("八、申请材料", []),
    ):
        word.add_paragraph().add_run(heading).bold = True
        for line in lines:
            word.add_paragraph(line)
    table = word.add_table(rows=3, cols=4)
    for row, values in zip(
        table.rows,
        (
            ["序号", "材料名称", "材料形式", "原件份数"],
            ["1", "食品生产许可申请书", "原件", "1"],
            ["2", "营业执照", "复印件", ""],
        ),
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    word.add_paragraph().add_run("九、办理流程").bold = True
    steps = word.add_table(rows=3, cols=3)
    for row, values in zip(
        steps.rows,
        (
            ["环节名称", "办理人员", "环节时限"],
            ["受理", "窗口人员", "1个工作日"],
            ["决定", "分管负责人", "2个工作日"],
        ),
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    word.add_paragraph().add_run("十、办理时限").bold = True
    word.add_paragraph("法定办结时限：20个工作日")
    word.add_paragraph("承诺办结时限：10个工作日")
    word.add_paragraph("是否收费：不收费")
    word.add_paragraph().add_run("十一、监督投诉渠道").bold = True
    word.add_paragraph("投诉电话：12345")
    word.add_paragraph().add_run("十二、其他说明").bold = True
    word.add_paragraph("本指南自发布之日起施行。")
    word.save(str(path))


def test_a_departments_word_guide_is_read_by_its_headings_and_tables(tmp_path: Path) -> None:
    """Headings, their usual variants ("办理依据", "实施主体", "受理条件"), "标题：值" lines and
    tables become the guide; what fits no element is reported with its paragraph."""
    path = tmp_path / "指南.docx"
    _department_guide(path)
    data = docx.load_data(path)
    assert data["kind"] == "service-guide"
    assert (data["name"], data["basic_code"], data["power_type"]) == (
        "食品生产许可（新办）",
        "000117047001",
        "01",
    )
    assert [basis["title"] for basis in data["basis"]] == [
        "《中华人民共和国食品安全法》",
        "《食品生产许可管理办法》",
    ]
    assert data["deciding_agency"] == {"name": "包头市市场监督管理局"}
    assert len(data["conditions"]) == 2
    assert data["materials"] == [
        {"name": "食品生产许可申请书", "forms": ["原件"], "originals": 1},
        {"name": "营业执照", "forms": ["复印件"]},
    ]
    assert [step["time_limit"] for step in data["process"]] == [
        {"amount": 1, "unit": "工作日"},
        {"amount": 2, "unit": "工作日"},
    ]
    assert data["legal_time_limit"] == {"amount": 20, "unit": "工作日"}
    assert data["charged"] is False
    assert data["complaint"] == {"phones": ["12345"]}
    unread = [f for f in docx.iter_findings(path) if f.rule == "docx.unread-content"]
    assert [(f.source, f.value) for f in unread] == [("第 27 段", "本指南自发布之日起施行。")]


def test_findings_name_the_paragraph_or_the_table_cell(tmp_path: Path) -> None:
    """A rule broken in a Word guide names where: a paragraph, or a table's row and column."""
    path = tmp_path / "指南.docx"
    _department_guide(path)
    found = {(f.rule, f.path): f.source for f in docx.iter_findings(path)}
    assert found[("material.copies", "$.materials[1].copies")] == "表格 1 第 3 行"
    assert found[("notice.one-time", "$.process[0]")] == "表格 2 第 2 行"
    assert found[("contact.channels", "$.consultation")] is None  # absent: no place to name
    assert ("structure.required", "$.spec_version") not in found


def test_cli_converts_a_guide_to_word_and_back(tmp_path: Path) -> None:
    """convert guide.json guide.docx, then back: the same guide; guide render --out x.docx too."""
    source = tmp_path / "guide.json"
    source.write_text(examples.path("service-guide").read_text("utf-8"), encoding="utf-8")
    assert main(["convert", str(source), str(tmp_path / "guide.docx")]) == 0
    assert main(["convert", str(tmp_path / "guide.docx"), str(tmp_path / "back.json")]) == 0
    assert json.loads((tmp_path / "back.json").read_text("utf-8")) == examples.load_data(
        "service-guide"
    )
    review = examples.path("review-detail")
    assert main(["guide", "render", str(review), "--out", str(tmp_path / "细则.docx")]) == 0
    assert banzhang.load(tmp_path / "细则.docx") == examples.load("review-detail")
    assert main(["guide", "render", str(source), "--brief", "--out", str(tmp_path / "b.docx")]) == 2


def test_lists_are_not_word_documents(tmp_path: Path) -> None:
    """A list is refused as a Word target (exit 2), with the reason."""
    with pytest.raises(UnwritableOutput, match="Word 只用于服务指南和审查细则"):
        docx.dump(examples.load("power-list"), tmp_path / "list.docx")
    argv = ["convert", str(examples.path("power-list")), str(tmp_path / "list.docx")]
    assert main(argv) == 2
    assert for_path(tmp_path / "x.docx") is docx


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("text.docx", "不是 Word 文档".encode(), "不是 Word 文档"),
        ("old.docx", b"\xd0\xcf\x11\xe0" + b"\x00" * 600, "另存为 .docx"),
    ],
)
def test_broken_files_are_unreadable(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    """Not a .docx (text, an old .doc): UnreadableInput with the reason, never a crash."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableInput, match=reason):
        docx.load_data(path)


def test_a_dtd_inside_the_package_is_refused(tmp_path: Path) -> None:
    """A DOCTYPE in any part of the package refuses it before python-docx parses it."""
    buffer = io.BytesIO()
    docx.dump(examples.load("service-guide"), buffer)
    path = tmp_path / "dtd.docx"
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(path, "w") as target,
    ):
        for member in source.namelist():
            data = source.read(member)
            if member == "word/document.xml":
                head, sep, rest = data.partition(b"?>")
                data = head + sep + b"<!DOCTYPE w [<!ENTITY x 'y'>]>" + rest
            target.writestr(member, data)
    with pytest.raises(UnreadableInput, match="DTD"):
        docx.load_data(path)


@pytest.mark.parametrize("kind", ["service-guide", "review-detail"])
def test_every_element_stands_in_exactly_one_declared_section(kind: str) -> None:
    """The declared sections hold each element once (the Word layout and the rendered guide
    follow them), ``kind`` and ``spec_version`` aside."""
    found = banzhang.kinds.get(kind)
    placed = [name for _title, names in found.sections for name in names]
    own = [spec.name for spec in fields_of(found.document)]
    assert sorted(placed) == sorted(set(own) - {"kind", "spec_version"})
