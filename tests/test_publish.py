"""Docs generated from the declarations: committed, complete, and a working offline HTML site."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import html

from banzhang import codelists, examples, kinds
from banzhang.cli import main
from banzhang.declare import fields_of
from banzhang.generate import docs as publish
from banzhang.generate.docs._downloads import FOLDER, downloads
from banzhang.generate.docs._markdown import cell, code, escape, table
from banzhang.validation import all_rules
from tests.conftest import ROOT

DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """Every generated page's Markdown by its path."""
    return {page.path: page.text for page in publish.pages()}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML site, written once."""
    out = tmp_path_factory.mktemp("site")
    publish.write(out, "html")
    return out


def test_committed_docs_match_the_declarations(pages: dict[str, str]) -> None:
    """Drift: docs/ holds exactly the generated pages, byte for byte, and nothing else."""
    committed = {
        path.relative_to(DOCS).as_posix(): path.read_text("utf-8") for path in DOCS.rglob("*.md")
    }
    assert committed == pages, "docs/ is stale: run make generate"


def test_committed_downloads_match_the_declarations() -> None:
    """Drift: docs/downloads holds exactly the files to download, byte for byte."""
    committed = {
        path.relative_to(DOCS).as_posix(): path.read_bytes()
        for path in (DOCS / FOLDER).rglob("*")
        if path.is_file()
    }
    assert committed == downloads(), "docs/downloads is stale: run make generate"


def test_downloads_page_links_every_file_and_every_schema_is_offered(
    pages: dict[str, str],
) -> None:
    """Each schema file the package ships, each codelist (CSV, JSON) and each draft is listed."""
    files = downloads()
    shipped = {p.name for p in (ROOT / "src" / "banzhang" / "schemas").iterdir()}
    offered = {path.rpartition("/")[2] for path in files if "/schemas/" in path}
    assert offered == {name for name in shipped if name.endswith((".json", ".xsd"))}
    for name in codelists.names():
        assert f"{FOLDER}/codelists/{name}.csv" in files
        assert f"{FOLDER}/codelists/{name}.json" in files
    assert sum("/standard/" in path for path in files) == 6
    for path in files:
        assert f"({path})" in pages["downloads.md"], path


def test_codelist_downloads_read_back_as_the_codelists() -> None:
    """The CSV (with its BOM, for Excel) and JSON hold every code, name and alias."""
    files = downloads()
    for name in codelists.names():
        found = codelists.get(name)
        text = files[f"{FOLDER}/codelists/{name}.csv"].decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == ["代码", "名称", "英文名称", "别名", "来源"]
        assert [row[:2] for row in rows[1:]] == [[e.code, e.title] for e in found]
        data = json.loads(files[f"{FOLDER}/codelists/{name}.json"])
        assert [entry["code"] for entry in data["codes"]] == list(found.codes)
        assert data["open"] is found.open


#: Two or more English words in a row: a sentence, or a phrase, in English.
_ENGLISH = re.compile(r"[A-Za-z][A-Za-z'-]*(?:[ ,]+[A-Za-z][A-Za-z'-]*)+")
#: The names that stay as they are (formats and standards' designations).
_NAMES = {"JSON Schema", "JSON Lines", "V GB", "V DB", "V A", "B banzhang"}


def test_site_has_no_english_outside_code(site: Path) -> None:
    """Every page's text outside code is Chinese: no English sentence or phrase."""
    found = {}
    for path in site.rglob("*.html"):
        root = html.parse(str(path)).getroot()
        for element in root.xpath("//main//code|//main//pre"):
            element.drop_tree()
        english = set(_ENGLISH.findall(root.xpath("string(//main)"))) - _NAMES
        if english:
            found[path.name] = sorted(english)
    assert found == {}


def test_constraints_are_in_words_not_patterns(pages: dict[str, str]) -> None:
    """No regular expression is shown as a constraint: formats are said in words."""
    assert "^[0-9]+\\.[0-9]+$" not in pages["kinds/power-list.md"]
    assert "1 位及以上数字、“.”、1 位及以上数字" in pages["kinds/power-list.md"]
    assert "[0-9]{2}" not in pages["coding-rule.md"]
    assert "| 来源代码 | 2 | 2 位数字 |" in pages["coding-rule.md"]


def test_site_is_titled_as_the_standard_with_implementation_notes_apart(
    pages: dict[str, str],
) -> None:
    """The index is the standard's; 架构, Excel, XML and the decisions sit under 实现说明."""
    index = pages["index.md"]
    assert index.splitlines()[2] == f"# {publish.SITE_TITLE}"
    standard_part, _sep, notes = index.partition("## 实现说明")
    for name in ("architecture.md", "excel.md", "xml.md", "decisions.md"):
        assert f"({name})" in notes.partition("## 文档类型")[0]
        assert f"({name})" not in standard_part
    for draft in ("standard/coding-rule.md", "standard/service-guide-norm.md"):
        assert f"({draft})" in standard_part


def test_coding_rule_page_states_the_relation_without_what_was_not_read(
    pages: dict[str, str],
) -> None:
    """The relation to GB/T 39554.1 and GB 32100 is stated; nothing says what was not read."""
    text = pages["coding-rule.md"]
    assert "与国家标准的关系" in text
    assert "GB/T 39554.1" in text
    assert "没有读到" not in text
    assert "没有对照" not in text


def test_standard_pages_carry_the_drafts_text(pages: dict[str, str]) -> None:
    """Each draft's page has its chapters and annexes, as the Word file has them."""
    text = pages["standard/service-guide-norm.md"]
    for heading in ("1 范围", "2 规范性引用文件", "3 术语和定义", "附录A（规范性）代码表"):
        assert f"## {heading}" in text
    assert "**表A.1 " in text


@pytest.mark.parametrize("kind", [kind.id for kind in kinds.all_kinds()])
def test_kind_page_has_a_row_for_every_element(pages: dict[str, str], kind: str) -> None:
    """Each declared element of the document and its item appears in its table, with its title."""
    text = pages[f"kinds/{kind}.md"]
    found = kinds.get(kind)
    for model in (found.document, found.item):
        if model is None:
            continue
        for spec in fields_of(model):
            row = f"| `{spec.name}` | {escape(spec.element.title)} |"
            assert row in text, f"{kind}: no row for {model.__name__}.{spec.name}"


def test_kind_page_documents_every_nested_model(pages: dict[str, str]) -> None:
    """The guide's page has the tables of the value types it uses, each with an anchor."""
    text = pages["kinds/service-guide.md"]
    for model in ("Agency", "LegalBasis", "Material", "Step", "TimeLimit", "Contact"):
        assert f'<a id="model-{model}"></a>' in text


def test_codelists_page_lists_every_code(pages: dict[str, str]) -> None:
    """Every code of every shipped codelist is on the codelists page, under its anchor."""
    text = pages["codelists.md"]
    for name in codelists.names():
        assert f'<a id="codelist-{name}"></a>' in text
        for entry in codelists.get(name):
            assert f"| {code(entry.code)} | {escape(entry.title)} |" in text


def test_coding_rule_page_explains_the_national_codes(pages: dict[str, str]) -> None:
    """The worked examples are explained segment by segment, and the faulty one is refused."""
    text = pages["coding-rule.md"]
    assert "### `00016421300Y`" in text
    assert "| 子项码 | `00Y` | 有子项的主项 |" in text
    assert "| 业务办理项序号 | `01` | 第 1 个业务办理项 |" in text
    assert "banzhang 拒绝此编码" in text  # 150226000010000 has no code's length
    for value, _comment in examples.codes():
        assert f"### `{value}`" in text


def test_rules_page_lists_every_rule(pages: dict[str, str]) -> None:
    """The rule catalogue page has one row per rule id."""
    text = pages["rules.md"]
    for entry in all_rules():
        assert f"| `{entry.id}` |" in text


def test_normative_page_separates_the_norms_from_our_reading(pages: dict[str, str]) -> None:
    """The page counts elements by source tag and lists banzhang's own elements once each."""
    text = pages["normative.md"]
    assert "| 要素 |" in text
    assert "| 校验规则 |" in text
    assert text.count("| 文档 | `kind` |") == 1  # inherited by every kind, declared once
    assert "decisions.md" in text


def test_markdown_helpers_keep_table_cells_intact() -> None:
    """Pipes and newlines inside a cell never split or end the row."""
    assert cell("a|b\nc") == "a\\|b<br>c"
    assert cell(code("x|y")) == "`x\\|y`"
    assert escape("*强调*") == "\\*强调\\*"
    assert table(["h"], [["v"]]).count("\n") == 2


def test_html_site_has_every_page_and_no_broken_links(site: Path, pages: dict[str, str]) -> None:
    """Every page is there as .html and every internal link reaches a file and an anchor in it."""
    documents = {path: html.parse(str(path)).getroot() for path in site.rglob("*.html")}
    assert {p.relative_to(site).as_posix() for p in documents} == {
        path.removesuffix(".md") + ".html" for path in pages
    }
    for path, root in documents.items():
        for href in root.xpath("//a/@href"):
            if "://" in href:
                continue
            target_name, _hash, fragment = unquote(href).partition("#")
            target = (path.parent / target_name).resolve() if target_name else path
            if target.suffix != ".html":
                assert target.is_file(), f"{path.name}: broken download link {href}"
                continue
            assert target in documents, f"{path.name}: broken link {href}"
            if fragment:
                assert documents[target].xpath(f"//*[@id='{fragment}']"), f"{path.name}: {href}"


def test_html_site_loads_nothing_from_elsewhere(site: Path) -> None:
    """No scripts, stylesheets, images or fonts from outside: the site opens offline."""
    for path in site.rglob("*.html"):
        root = html.parse(str(path)).getroot()
        assert not root.xpath("//*[@src or @srcset]"), path.name
        assert not root.xpath("//link"), path.name
        assert not re.search(r"url\(|@import", path.read_text("utf-8")), path.name


def test_html_tables_have_as_many_rows_as_the_declarations(site: Path) -> None:
    """Escaping held: the guide's document table has one row per declared element."""
    root = html.parse(str(site / "kinds" / "service-guide.html")).getroot()
    first_table = root.xpath("//main//table")[0]
    rows = first_table.xpath("./tbody/tr")
    assert len(rows) == len(fields_of(kinds.get("service-guide").document))
    assert all(len(row.xpath("./td")) == 8 for row in rows)


def test_cli_docs_writes_markdown_and_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``banzhang docs`` writes both formats and names the index."""
    assert main(["docs", "--out", str(tmp_path / "md")]) == 0
    assert (tmp_path / "md" / "kinds" / "power-list.md").is_file()
    assert main(["docs", "--out", str(tmp_path / "html"), "--format", "html"]) == 0
    assert "index.html" in capsys.readouterr().out


def test_cli_docs_refuses_a_file_as_the_output_folder(tmp_path: Path) -> None:
    """An --out that is a file is a usage error (exit 2), not a traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["docs", "--out", str(blocker)]) == 2
