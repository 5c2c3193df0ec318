"""The DB15/T drafts: GB/T 1.1-2020's order and numbering, read back from Word, and self-checks."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings

from banzhang import codelists, examples, kinds
from banzhang._version import SPEC_VERSION
from banzhang.cli import main
from banzhang.declare import fields_of
from banzhang.generate import standard
from banzhang.generate.standard import _explanation, _requirements, checks
from banzhang.generate.standard._docx import STYLES, docx_bytes
from banzhang.generate.standard._explanation import HEADINGS, explanation_lines
from banzhang.generate.standard._front import FILL_IN
from banzhang.generate.standard._model import Clause, Line, Paragraph, Table
from banzhang.generate.standard._norms import GUIDE, REVIEW, NormSpec
from banzhang.generate.standard._ooxml import PARAGRAPH_PROPERTIES, SETTINGS_AFTER_UPDATE_FIELDS
from banzhang.generate.standard._requirements import rules_of
from banzhang.generate.standard._versions import snapshot_text
from banzhang.validation import Rule, all_rules
from tests.conftest import ROOT
from tests.strategies import standards

TITLES = ("行政权力事项编码规则", "行政审批事项服务指南编写规范", "行政审批事项审查细则编写规范")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each draft's .docx, by title, written once."""
    out = tmp_path_factory.mktemp("standard")
    standard.write(out)
    return {title: out / f"{title}（征求意见稿）.docx" for title in TITLES}


@pytest.fixture(scope="module")
def read_back(written: dict[str, Path]) -> dict[str, list[Line]]:
    """Each draft's lines as python-docx reads them back from the file."""
    return {title: standard.read_lines(path) for title, path in written.items()}


@pytest.mark.parametrize("title", TITLES)
def test_draft_read_back_passes_every_self_check(
    read_back: dict[str, list[Line]], title: str
) -> None:
    """Order, references, 前言, annexes and numbering hold in the file Word opens."""
    assert checks.check(read_back[title]) == []


@pytest.mark.parametrize("title", TITLES)
def test_draft_elements_stand_in_gb_t_1_1_order(
    read_back: dict[str, list[Line]], title: str
) -> None:
    """封面, 目次, 前言, 正文 name, 1–3, technical chapters, 附录A（规范性）, 附录B, 参考文献."""
    lines = read_back[title]
    roles = [line.role for line in lines]
    firsts = [roles.index(r) for r in ("cover-designation", "toc-title", "foreword-title", "title")]
    assert firsts == sorted(firsts)
    chapters = [line.text for line in lines if line.role == "chapter"]
    assert chapters[:3] == ["1 范围", "2 规范性引用文件", "3 术语和定义"]
    assert [c.split(" ")[0] for c in chapters] == [str(n) for n in range(1, len(chapters) + 1)]
    annexes = [line.text for line in lines if line.role == "annex"]
    assert annexes[0] == "附录A\n（规范性）\n代码表"
    if title != TITLES[0]:
        assert annexes[1].startswith("附录B\n（资料性）\n")
    assert roles.index("bibliography-title") > max(i for i, r in enumerate(roles) if r == "annex")


def test_tables_and_clauses_are_numbered_gb_t_1_1_style(read_back: dict[str, list[Line]]) -> None:
    """Tables run 表1, 表2 … in the body and 表A.1 … in 附录A; clauses 5.1, 5.2; terms 3.1."""
    lines = read_back[TITLES[1]]
    tables = [line.text.split(" ")[0] for line in lines if line.role == "table-title"]
    body = [t for t in tables if "." not in t]
    annex = [t for t in tables if t.startswith("表A.")]
    assert body == [f"表{n}" for n in range(1, len(body) + 1)]
    assert annex == [f"表A.{n}" for n in range(1, len(annex) + 1)]
    clauses = [line.text.split(" ")[0] for line in lines if line.role == "clause"]
    assert clauses[:3] == ["5.1", "5.2", "5.3"]
    assert next(line.text for line in lines if line.role == "term-number") == "3.1"
    items = [line.text[:2] for line in lines if line.role == "list"]
    assert items[:2] == ["a)", "b)"]


def test_cover_carries_what_a_local_standard_draft_shows(read_back: dict[str, list[Line]]) -> None:
    """DB15/T designation, ICS/CCS, 备案号, 征求意见稿, patent notice, dates, issuer."""
    cover = "\n".join(line.text for line in read_back[TITLES[0]] if line.role.startswith("cover"))
    for words in ("ICS", "CCS", "DB15/T ××××—YYYY", "备案号", "（征求意见稿）", "专利"):
        assert words in cover
    assert "××××-××-××发布\t××××-××-××实施" in cover
    assert "内蒙古自治区市场监督管理局" in cover
    assert "行政权力事项编码规则" in cover


def test_front_matter_has_a_toc_field_and_fill_in_fields(written: dict[str, Path]) -> None:
    """The 目次 is a Word TOC field Word refreshes; 提出/归口/起草单位 are MACROBUTTON fields."""
    word = Document(str(written[TITLES[2]]))
    instructions = [t.text for t in word.element.body.iter(qn("w:instrText"))]
    assert any(text.strip().startswith("TOC \\o") for text in instructions)
    for prompt in FILL_IN:
        assert any(f"MACROBUTTON NoMacro {prompt}" in text for text in instructions)
    assert word.settings.element.find(qn("w:updateFields")) is not None


def test_styles_are_named_and_set_in_gb_t_1_1_fonts(written: dict[str, Path]) -> None:
    """Every paragraph is in a named style; titles in 黑体 with outline levels, text in 宋体."""
    word = Document(str(written[TITLES[0]]))
    names = {style.name for style in STYLES.values()}
    # the empty paragraphs that only end a section (cover, front matter) keep Word's default
    used = {p.style.name for p in word.paragraphs if p.style is not None and p.text}
    assert used <= names
    chapter = word.styles[STYLES["chapter"].name]
    fonts = chapter.element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "黑体"
    assert chapter.element.pPr.find(qn("w:outlineLvl")) is not None
    assert word.styles[STYLES["paragraph"].name].element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"


@pytest.mark.parametrize(
    ("title", "kind"), [(TITLES[1], "service-guide"), (TITLES[2], "review-detail")]
)
def test_writing_norm_lists_every_element_with_its_obligation(
    read_back: dict[str, list[Line]], title: str, kind: str
) -> None:
    """Each declared element of the kind has a 要素表 row: its title and 必备 or 可选."""
    rows = {
        row[0]: row
        for line in read_back[title]
        if line.table is not None and line.table.headers[:3] == ("名称", "类型", "必备或可选")
        for row in line.table.rows
    }
    for spec in fields_of(kinds.get(kind).document):
        if spec.name in ("kind", "spec_version"):
            continue
        assert rows[spec.element.title][2] == ("必备" if spec.element.required else "可选")


@pytest.mark.parametrize(("title", "spec"), [(TITLES[1], GUIDE), (TITLES[2], REVIEW)])
def test_each_rule_becomes_a_requirement_with_its_severity_verb(
    read_back: dict[str, list[Line]], title: str, spec: NormSpec
) -> None:
    """An error's title is listed under “…不应出现”, a warning's under “…不宜出现”."""
    lines = read_back[title]
    lead = ""
    verbs: dict[str, str] = {}
    for line in lines:
        if line.role == "paragraph":
            lead = line.text
        elif line.role == "list":
            verbs[line.text.partition(" ")[2].rstrip("；。")] = lead
    rules = rules_of(spec.groups, spec.subject)
    assert len(rules) >= 5
    for rule in rules:
        verb = "不应" if rule.severity == "error" else "不宜"
        assert verbs[rule.title] == f"{spec.subject}{verb}出现下列情形：", rule.id
    assert "权责清单事项未写明基本流程（三级五同无法比对）" not in verbs  # the 权责清单's rule


def test_annex_a_lists_every_code_of_the_codelists_used(read_back: dict[str, list[Line]]) -> None:
    """The coding rule's 附录A has the 事项类型 table with every code."""
    tables = [line for line in read_back[TITLES[0]] if line.role == "table"]
    codes = {row[0] for line in tables if line.table for row in line.table.rows}
    assert set(codelists.get("power_type").codes) <= codes


def test_annex_b_is_the_shipped_example(read_back: dict[str, list[Line]]) -> None:
    """附录B（资料性）of the guide norm carries the example guide's 事项名称."""
    name = examples.load_data("service-guide")["name"]
    assert f"事项名称：{name}" in [line.text for line in read_back[TITLES[1]]]


def test_self_checks_find_each_fault() -> None:
    """Each check names the fault planted in an otherwise sound draft."""
    sound = standard.document_lines(standard.drafts()[0])
    assert checks.check(sound) == []

    def changed(role: str | tuple[str, ...], old: str, new: str) -> list[str]:
        lines = [
            attrs.evolve(line, text=line.text.replace(old, new)) if line.role in role else line
            for line in sound
        ]
        return checks.check(lines)

    assert changed("foreword", "提出。", "提出，各单位应遵照执行。") == [
        "前言含有要求：“本文件由〔请填写提出单位〕提出，各单位应遵照执行。”"
    ]
    assert any("GB 32100" in p for p in changed(("list", "paragraph"), "GB 32100", "某标准"))
    assert changed("paragraph", "GB/T 39554.1", "GB/T 99999") == [
        (
            "规范性引用文件“GB/T 39554.1　全国一体化政务服务平台　政务服务事项基本目录及实施清单"
            "　第1部分：编码要求”在正文中没有引用"
        ),
        "正文引用了“GB/T 99999”，但它不在规范性引用文件中",
    ]
    assert changed(("list", "paragraph"), "附录A", "附件") == ["正文没有提及附录A"]
    assert changed("chapter", "5 编码结构", "6 编码结构")[0].startswith("编号不连续：“4 编码原则”")
    assert changed("table-title", "表2", "表3")[0].startswith("编号不连续：“表1")


def test_element_order_check_sees_a_missing_foreword() -> None:
    """A draft without its 前言 is reported."""
    lines = [
        line
        for line in standard.document_lines(standard.drafts()[1])
        if not line.role.startswith("foreword")
    ]
    assert "缺少前言" in checks.element_order(lines)


@pytest.mark.parametrize("draft", standard.drafts(), ids=lambda d: d.id)
def test_explanation_has_the_ten_headings_and_fills_two(draft: standard.Standard) -> None:
    """任务来源 … 预期效益 in order; 编制依据 and 确定依据 filled, the rest marked prompts."""
    lines = explanation_lines(draft)
    headings = [line.text.partition("、")[2] for line in lines if line.role == "chapter"]
    assert headings == [heading for heading, _prompt in HEADINGS]
    prompts = [line.text for line in lines if line.text.startswith("〔请填写")]
    # no earlier spec version is kept yet: 与原版本的差异 is a prompt as well
    assert len(prompts) == sum(prompt is not None for _h, prompt in HEADINGS) + 1
    basis = next(line.table for line in lines if line.table is not None)
    assert basis is not None
    assert len(basis.rows) >= 5
    assert not [source for _what, source in basis.rows if re.search(r"[A-Za-z]{3,}", source)]


def test_files_are_the_same_bytes_each_time() -> None:
    """Writing twice gives identical files, so the committed copies can be compared."""
    assert standard.draft_files() == standard.draft_files()


def test_cli_standard_writes_six_files_and_refuses_a_file_as_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``banzhang standard --out DIR`` exits 0 with six files; a file as DIR exits 2 in Chinese."""
    assert main(["standard", "--out", str(tmp_path / "out")]) == 0
    assert len(list((tmp_path / "out").glob("*.docx"))) == 6
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["standard", "--out", str(blocker)]) == 2
    assert "不是目录" in capsys.readouterr().err


def test_cli_standard_says_in_chinese_when_the_folder_cannot_be_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder under a file cannot be made: exit 2, a Chinese message, no traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["standard", "--out", str(blocker / "drafts")]) == 2
    assert "无法写出" in capsys.readouterr().err


def _comparable(lines: list[Line]) -> list[tuple[str, str, tuple[tuple[str, ...], ...]]]:
    """Each line's role, text and (for a table) its cells, header first."""
    return [
        (
            line.role,
            line.text,
            (line.table.headers, *line.table.rows) if line.table is not None else (),
        )
        for line in lines
    ]


@pytest.mark.parametrize("draft", standard.drafts(), ids=lambda d: d.id)
def test_word_file_reads_back_as_the_lines_it_was_written_from(
    draft: standard.Standard, tmp_path: Path
) -> None:
    """Every paragraph (role and text) and every table cell comes back from the .docx."""
    lines = standard.document_lines(draft)
    target = tmp_path / "d.docx"
    target.write_bytes(docx_bytes(lines, draft.title))
    assert _comparable(standard.read_lines(target)) == _comparable(lines)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=standards())
def test_any_drawn_standard_round_trips_through_word(drawn: standard.Standard) -> None:
    """Round trip: a drawn draft's lines, written to Word and read back, are the same lines."""
    lines = standard.document_lines(drawn)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "d.docx"
        target.write_bytes(docx_bytes(lines, drawn.title))
        assert _comparable(standard.read_lines(target)) == _comparable(lines)
    assert checks.numbering_continuous(lines) == []


def test_cli_check_finds_a_requirement_added_to_the_foreword_in_word(
    written: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A drafter writes a requirement into the 前言 in Word: ``--check`` names it, exit 1."""
    word = Document(str(written[TITLES[1]]))
    foreword = next(p for p in word.paragraphs if p.style is not None and p.style.name == "前言段")
    foreword.add_run("各单位应遵照执行。")
    edited = tmp_path / "edited.docx"
    word.save(str(edited))
    assert main(["standard", "--check", str(written[TITLES[1]])]) == 0
    assert main(["standard", "--check", str(edited)]) == 1
    out = capsys.readouterr().out
    assert "未发现问题" in out
    assert "前言含有要求" in out
    assert "各单位应遵照执行。" in out


def test_cli_check_refuses_what_is_not_a_word_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not a .docx: exit 2 with a Chinese message."""
    junk = tmp_path / "junk.docx"
    junk.write_text("😴", encoding="utf-8")
    assert main(["standard", "--check", str(junk)]) == 2
    assert "不是可读的 Word 文档" in capsys.readouterr().err


def test_this_spec_versions_declarations_are_kept() -> None:
    """Drift: _data/versions/<spec version>.json is today's snapshot (make generate writes it)."""
    kept = ROOT / "src" / "banzhang" / "_data" / "versions" / f"{SPEC_VERSION}.json"
    assert kept.read_text("utf-8") == snapshot_text(), "run make generate"


def test_explanation_lists_the_changes_since_an_earlier_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With an earlier snapshot kept, 与原版本的差异 says what was added, removed and changed."""
    old = json.loads(snapshot_text())
    guide = old["service-guide"]
    guide["ServiceGuide.scope"]["required"] = True
    del guide["ServiceGuide.on_the_spot"]
    guide["ServiceGuide.withdrawn"] = {"title": "已删去的要素", "required": False}
    monkeypatch.setattr(_explanation, "earlier_snapshot", lambda: ("1.1", old))
    lines = [line.text for line in explanation_lines(standard.drafts()[1])]
    start = lines.index("七、与原版本的差异")
    assert lines[start + 1 : start + 5] == [
        "与规范 1.1 版相比，本文件所列要素有下列变化：",
        "——增加要素“当场决定”；",
        "——删除要素“已删去的要素”；",
        "——“适用范围”由必备改为可选。",
    ]


def test_a_rule_added_to_the_catalogue_appears_in_the_draft(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The catalogue is read when the draft is built: a new rule, even of a new severity, is
    listed (a notice as 不宜), never dropped."""
    added = Rule("guide.new-check", "info", "rules", "服务指南未写明某项新内容", "S 002")
    monkeypatch.setattr(_requirements, "all_rules", lambda: (*all_rules(), added))
    lines = standard.document_lines(standard.drafts()[1])
    texts = [line.text for line in lines]
    found = [n for n, text in enumerate(texts) if text.endswith(") 服务指南未写明某项新内容。")]
    assert len(found) == 1
    lead = next(t for t in reversed(texts[: found[0]]) if t.endswith("下列情形："))
    assert lead == "服务指南不宜出现下列情形："


def test_cli_standard_reports_a_draft_that_fails_its_self_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rule whose title cites a standard the draft does not list: written, reported, exit 1."""
    added = Rule("guide.cites", "error", "rules", "材料不符合GB/T 99999", "S 002")
    monkeypatch.setattr(_requirements, "all_rules", lambda: (*all_rules(), added))
    assert main(["standard", "--out", str(tmp_path)]) == 1
    assert len(list(tmp_path.glob("*.docx"))) == 6
    err = capsys.readouterr().err
    assert "《行政审批事项服务指南编写规范》：正文引用了“GB/T 99999”" in err


def test_a_third_level_clause_has_its_own_style(tmp_path: Path) -> None:
    """4.1.1 is set in 二级条标题 (outline level 3), 4.1 in 一级条标题, and both read back."""
    draft = standard.Standard(
        id="x",
        title="示例",
        scope=(Paragraph("本文件规定了示例。"),),
        body=(Clause("要求", children=(Clause("一般", children=(Clause("细则"),)),)),),
    )
    target = tmp_path / "x.docx"
    target.write_bytes(docx_bytes(standard.document_lines(draft), draft.title))
    styles = {p.text: p.style.name for p in Document(str(target)).paragraphs if p.style}
    assert styles["4.1 一般"] == "一级条标题"
    assert styles["4.1.1 细则"] == "二级条标题"
    assert [line.role for line in standard.read_lines(target) if "细则" in line.text] == ["clause"]


#: ECMA-376 CT_TblPr's children in order.
_TABLE_PROPERTIES = (
    *("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize"),
    *("w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd"),
    *("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption"),
    "w:tblDescription",
)
#: ECMA-376 CT_SectPr's children in order.
_SECTION_PROPERTIES = (
    *("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type"),
    *("w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType"),
    *("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection"),
    *("w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"),
)
#: CT_Settings' children from just before w:updateFields to the end.
_SETTINGS_AROUND_UPDATE = (
    *("w:defaultTabStop", "w:characterSpacingControl", "w:updateFields"),
    *SETTINGS_AFTER_UPDATE_FIELDS,
)


def _out_of_order(parents: list[Any], sequence: tuple[str, ...]) -> list[str]:
    """Each parent whose children do not follow ``sequence`` (python-docx's ECMA-376 order)."""
    wrong = []
    for parent in parents:
        tags = [child.tag.rpartition("}")[2] for child in parent]
        ranks = [sequence.index(f"w:{tag}") for tag in tags if f"w:{tag}" in sequence]
        if ranks != sorted(ranks):
            wrong.append(" ".join(tags))
    return wrong


def test_word_parts_keep_ecma_376_element_order(written: dict[str, Path]) -> None:
    """Paragraph, table and settings properties list their children in the schema's order,
    as Word demands (it calls a file with them out of order damaged)."""
    word = Document(str(written[TITLES[0]]))
    body = word.element.body
    styles = word.styles.element
    paragraphs = [*body.iter(qn("w:pPr")), *styles.iter(qn("w:pPr"))]
    assert _out_of_order(paragraphs, PARAGRAPH_PROPERTIES) == []
    assert _out_of_order(list(body.iter(qn("w:tblPr"))), _TABLE_PROPERTIES) == []
    assert _out_of_order([word.settings.element], _SETTINGS_AROUND_UPDATE) == []
    sections = list(body.iter(qn("w:sectPr")))
    assert len(sections) == 3  # cover, front matter, body
    assert _out_of_order(sections, _SECTION_PROPERTIES) == []
    assert len(list(body.iter(qn("w:tblLayout")))) == len(word.tables)


def test_two_tables_with_one_label_are_refused() -> None:
    """Text points at a table by its label: two tables sharing one is a builder's mistake."""
    table = Table("same", "甲", ("名称",), ())
    draft = standard.Standard(
        id="x",
        title="示例",
        scope=(Paragraph("本文件规定了示例。"),),
        body=(Clause("要求", (table,)), Clause("其他", (table,))),
    )
    with pytest.raises(ValueError, match="重复的表或附录标签：表:same"):
        standard.layout(draft)
