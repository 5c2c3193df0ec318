"""Docs generated from the declarations: committed, complete, and a working offline HTML site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html

from banzhang import codelists, examples, kinds
from banzhang.cli import main
from banzhang.declare import fields_of
from banzhang.generate import docs as publish
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
            target_name, _hash, fragment = href.partition("#")
            target = (path.parent / target_name).resolve() if target_name else path
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
