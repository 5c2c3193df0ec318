"""Validation: fixtures of every kind and every rule, layers, and the public verbs."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import banzhang
from banzhang import examples, kinds
from banzhang.cli import main
from banzhang.errors import InvalidDocument, UnreadableInput
from banzhang.formats import ItemStream, xml
from banzhang.validation import all_rules, is_valid, iter_findings, validate
from tests.conftest import expected_findings, fixture_files, read_json

VALID = fixture_files("valid")
INVALID = fixture_files("invalid")


def _id(path: Path) -> str:
    return f"{path.parts[-3]}/{path.stem}"


@pytest.mark.parametrize("path", VALID, ids=_id)
def test_valid_fixtures_have_no_errors(path: Path) -> None:
    """A valid fixture produces no finding at all."""
    assert list(iter_findings(read_json(path))) == []


@pytest.mark.parametrize("path", INVALID, ids=_id)
def test_invalid_fixtures_produce_exactly_the_expected_findings(path: Path) -> None:
    """An invalid fixture produces exactly its expected rule ids at exactly its paths."""
    expected = expected_findings(path)
    if expected == [("unreadable", "$")]:
        with pytest.raises(UnreadableInput):
            list(iter_findings(read_json(path)))
        return
    found = [(finding.rule, finding.path) for finding in iter_findings(read_json(path))]
    assert sorted(found) == sorted(expected)


def test_every_rule_of_the_catalogue_has_an_invalid_fixture() -> None:
    """Each document rule has an invalid fixture (each format's own: test_excel, test_docx…)."""
    covered = {rule for path in INVALID for rule, _ in expected_findings(path)}
    documents = {
        rule.id for rule in all_rules() if rule.layer not in ("excel", "xml", "docx", "crosslist")
    }
    untested = documents - covered - {"structure.kind"}
    assert untested == set()


def test_every_kind_has_valid_and_invalid_fixtures() -> None:
    """Each registered kind has at least one valid and one invalid fixture."""
    for kind in kinds.all_kinds():
        assert any(path.parts[-3] == kind.id for path in VALID), kind.id
        assert any(path.parts[-3] == kind.id for path in INVALID), kind.id


def test_findings_carry_chinese_message_value_and_layer() -> None:
    """A finding names the element by its standard title and shows the value."""
    data = examples.load_data("service-guide")
    data["case_type"] = "5"
    (finding,) = iter_findings(data)
    assert "办件类型" in finding.message
    assert "5" in finding.message
    assert finding.value == "5"
    assert (finding.severity, finding.layer) == ("error", "schema")


def test_misspelled_key_is_one_finding_not_a_cascade() -> None:
    """A misspelled required key yields one 'did you mean' finding and no 'required' finding."""
    data = examples.load_data("power-list")
    data["items"][0]["basic_cod"] = data["items"][0].pop("basic_code")
    findings = list(iter_findings(data))
    assert [(f.rule, f.path) for f in findings] == [
        ("structure.unknown-key", "$.items[0].basic_cod")
    ]
    assert "basic_code" in findings[0].message
    assert "基本编码" in findings[0].message


def test_layers_can_be_selected() -> None:
    """``layers`` keeps only the findings of the layers asked for."""
    data = read_json(next(p for p in INVALID if p.name == "code-checksum.json"))
    assert list(iter_findings(data, layers=("schema",))) == []
    assert [f.rule for f in iter_findings(data, layers=("codes",))] == ["code.checksum"]


def test_validate_raises_with_all_findings_and_is_valid_answers() -> None:
    """``validate`` raises InvalidDocument listing the findings; ``is_valid`` says False."""
    data = read_json(next(p for p in INVALID if p.name == "mode-immediate.json"))
    with pytest.raises(InvalidDocument) as caught:
        validate(data)
    assert len(caught.value.findings) == 2
    assert "mode.consistency" in str(caught.value)
    assert not is_valid(data)
    assert is_valid(examples.load("service-guide"))


def test_warnings_do_not_make_a_document_invalid() -> None:
    """A document with only warnings is valid."""
    data = read_json(next(p for p in INVALID if p.name == "time-legal-default.json"))
    assert [f.severity for f in iter_findings(data)] == ["warning"]
    assert is_valid(data)


def test_insisting_on_another_kind_is_reported() -> None:
    """``kind=`` that disagrees with the envelope gives structure.kind first."""
    findings = list(iter_findings(examples.load_data("fee-list"), kind="power-list"))
    assert findings[0].rule == "structure.kind"


def test_iter_findings_is_lazy() -> None:
    """The first finding of a list comes before later items are checked."""
    data = examples.load_data("power-list")
    data["items"] = [dict(data["items"][0], name=1)] + [None] * 3

    def items() -> object:
        yield from data["items"][:1]
        raise AssertionError("read too far")

    stream = ItemStream("power-list", {k: v for k, v in data.items() if k != "items"}, items())  # type: ignore[arg-type]
    first = next(iter_findings(stream))
    assert first.path == "$.items[0].name"


def test_an_element_under_its_spec_1_0_id_still_loads() -> None:
    """四办 ``promised_time`` (spec 1.0) loads as ``promised_time_limit``, with a warning."""
    path = Path(__file__).parent / "fixtures/service-mode-list/invalid/spec-1.0-promised-time.json"
    data = read_json(path)
    document = banzhang.load(path)
    assert document.items[0].promised_time_limit.unit == data["items"][0]["promised_time"]["unit"]
    findings = list(iter_findings(data))
    assert {f.severity for f in findings} == {"warning"}
    assert is_valid(data)


def test_spec_1_0_files_load_in_every_format(tmp_path: Path) -> None:
    """XML and JSON Lines with ``promised_time``, and a workbook whose id row says so, load."""
    document = examples.load("service-mode-list")
    for name in ("a.xml", "a.jsonl", "a.xlsx"):
        banzhang.dump(document, tmp_path / name)
    for name in ("a.xml", "a.jsonl"):
        path = tmp_path / name
        text = path.read_text("utf-8").replace("promised_time_limit", "promised_time")
        path.write_text(text.replace(xml.NAMESPACE, "urn:banzhang:xml:1.0"), "utf-8")
        assert banzhang.load(path) == document
        assert {f.rule for f in banzhang.iter_findings(path)} == {"structure.renamed"}
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    for row in book.worksheets[1].iter_rows(max_row=3):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("promised_time_limit."):
                cell.value = cell.value.replace("promised_time_limit", "promised_time")
    book.save(tmp_path / "old.xlsx")
    assert banzhang.load(tmp_path / "old.xlsx") == document


def test_contact_channels_weigh_their_faults() -> None:
    """A missing 监督投诉渠道 is an error (seed 002 names it); a phone without area code warns."""
    folder = Path(__file__).parent / "fixtures/service-guide/invalid"
    (missing,) = iter_findings(read_json(folder / "contact-complaint-missing.json"))
    (no_area_code,) = iter_findings(read_json(folder / "contact-phone-without-area-code.json"))
    assert (missing.severity, no_area_code.severity) == ("error", "warning")


def test_a_correct_guide_with_real_world_wording_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """申请 and 制证 steps, a 12345 complaint line and (0472)-style area codes are correct."""
    path = (
        Path(__file__).parent
        / "fixtures/service-guide/valid/process-apply-and-certificate-steps.json"
    )
    assert main(["validate", str(path)]) == 0
    assert "通过" in capsys.readouterr().out


def test_a_declared_pattern_is_explained_in_words() -> None:
    """A 文件名称 without 书名号 is explained by the element's description, not a regex."""
    data = examples.load_data("power-list")
    data["items"][0]["basis"][0]["title"] = "行政许可法"
    (finding,) = [f for f in iter_findings(data) if f.rule == "structure.pattern"]
    assert finding.path == "$.items[0].basis[0].title"
    assert finding.message == (
        "“文件名称”的格式不正确：“行政许可法”；法律、法规、规章或规范性文件的名称，用书名号括起；"
        "应写成如“《中华人民共和国行政许可法》”的形式"
    )
