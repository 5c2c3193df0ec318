"""XML and XSD: schema-valid, lossless, streaming, and safe against hostile input."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from banzhang import convert, examples, kinds
from banzhang.cli import main
from banzhang.errors import InvalidDocument, UnreadableInput
from banzhang.formats import excel, xml
from banzhang.generate import xsd
from banzhang.validation import Finding
from banzhang.validation.places import Line
from tests.conftest import ROOT, fixture_files, read_json
from tests.strategies import models

KIND_IDS = [kind.id for kind in kinds.all_kinds()]
SCHEMA_DIR = ROOT / "schemas"


def _xml_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    xml.dump(document, buffer)
    return buffer.getvalue()


def _schema(kind: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / f"{kind}.xsd")))


# ---- the XSD -------------------------------------------------------------------------------------


def test_committed_xsds_match_the_declarations() -> None:
    """Drift: regenerating the XSDs in memory gives exactly the committed files."""
    committed = {path.name: path.read_text("utf-8") for path in SCHEMA_DIR.glob("*.xsd")}
    assert committed == xsd.generated_files(), "schemas/ is stale: run make generate"


def test_xsd_documents_elements_in_chinese() -> None:
    """Every element has a Chinese xs:documentation; codelists are named enumerations whose
    values carry their Chinese titles; a kind's XSD includes the set."""
    assert 'schemaLocation="banzhang.xsd"' in xsd.xsd_for("service-guide")
    text = xsd.schema_set()
    assert '<xs:documentation xml:lang="zh">事项名称' in text
    assert '<xs:enumeration value="即办件"' not in text  # codes, not titles
    case_type = text[text.index('<xs:simpleType name="CaseTypeCode">') :]
    case_type = case_type[: case_type.index("</xs:simpleType>")]
    assert re.search(r'<xs:enumeration value="1">\s*<xs:annotation>.*?>即办件<', case_type, re.S)
    assert re.search(r'<xs:element name="case_type"[^>]* type="CaseTypeCode">', text)


def test_every_type_is_declared_once_in_the_set() -> None:
    """banzhang.xsd declares each named type and root once; the kind files declare none."""
    text = xsd.schema_set()
    names = re.findall(r'<xs:(?:complexType|simpleType|element) name="([^"]+)"', text)
    top = [name for name in names if name[0].isupper() or name in KIND_IDS]
    assert len(top) == len(set(top))
    assert set(KIND_IDS) <= set(top)
    for kind in KIND_IDS:
        assert "name=" not in xsd.xsd_for(kind).split("<xs:include")[1]


VALID = fixture_files("valid")


@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parts[-3]}/{p.stem}")
def test_every_valid_document_is_valid_xml_by_lxml(path: Path) -> None:
    """The XML of every valid fixture validates against its kind's XSD (lxml)."""
    data = read_json(path)
    document = etree.fromstring(_xml_bytes(convert.from_data(data)))
    schema = _schema(data["kind"])
    assert schema.validate(document), schema.error_log


def test_every_valid_document_is_valid_xml_by_xmllint(tmp_path: Path) -> None:
    """xmllint, independently of lxml, accepts the XML of every valid fixture."""
    xmllint = shutil.which("xmllint")
    assert xmllint, "xmllint is needed: apt-get install libxml2-utils (make test does)"
    for path in VALID:
        data = read_json(path)
        target = tmp_path / f"{path.parts[-3]}-{path.stem}.xml"
        target.write_bytes(_xml_bytes(convert.from_data(data)))
        schema = SCHEMA_DIR / f"{data['kind']}.xsd"
        result = subprocess.run(
            [xmllint, "--noout", "--nonet", "--schema", str(schema), str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("bad codelist", lambda d: d.update(case_type="5")),
        ("bad code", lambda d: d.update(basic_code="00011704700Z")),
        ("blank required text", lambda d: d.update(name="  ")),
        ("negative visits", lambda d: d.update(onsite_visits=-1)),
    ],
)
def test_xsd_rejects_what_the_schema_layer_rejects(name: str, change: Any) -> None:
    """An XSD-expressible fault is refused by the XSD as by the JSON Schema."""
    data = examples.load_data("service-guide")
    change(data)
    document = etree.fromstring(_xml_bytes(convert.from_data(data)))
    assert not _schema("service-guide").validate(document), name


# ---- round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND_IDS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_document_round_trips_through_xml(kind: str, data: st.DataObject) -> None:
    """model → XML → model is the same, hostile text included."""
    model = attrs.evolve(data.draw(models(kinds.get(kind).document, cells=True)), kind=kind)
    assert xml.load(io.BytesIO(_xml_bytes(model))) == model


@pytest.mark.parametrize("kind", KIND_IDS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_json_xml_excel_json_is_lossless(kind: str, data: st.DataObject) -> None:
    """JSON → XML → Excel → JSON gives back the same document."""
    model = attrs.evolve(data.draw(models(kinds.get(kind).document, cells=True)), kind=kind)
    from_xml = xml.load(io.BytesIO(_xml_bytes(convert.from_data(convert.to_data(model)))))
    workbook = io.BytesIO()
    excel.dump(from_xml, workbook)
    workbook.seek(0)
    assert convert.to_data(excel.load(workbook)) == convert.to_data(model)


def test_streaming_write_and_read(tmp_path: Path) -> None:
    """iter_dump takes a generator; iter_load gives the items one by one."""
    power = examples.load("power-list")
    target = tmp_path / "power.xml"
    xml.iter_dump("power-list", power, (item for item in power.items * 100), target)
    stream = xml.iter_load(target)
    assert stream.envelope["region"] == "150200"
    assert sum(1 for _ in stream.items) == 300


def test_forbidden_character_is_an_error_naming_the_path() -> None:
    """A character XML 1.0 forbids is refused with its path, never dropped."""
    power = examples.load("power-list")
    bad = attrs.evolve(power.items[1], remark="a\x0bb")
    with pytest.raises(InvalidDocument) as caught:
        xml.dump(attrs.evolve(power, items=(power.items[0], bad)), io.BytesIO())
    assert caught.value.findings[0].path == "$.items[1].remark"  # type: ignore[attr-defined]


# ---- hostile input -------------------------------------------------------------------------------

ATTACKS = {
    "billion laughs": (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        "<fee-list><kind>&lol3;</kind></fee-list>"
    ),
    "external file entity": (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        "<fee-list><kind>&secret;</kind></fee-list>"
    ),
    "external parameter entity": (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % remote SYSTEM "file:///etc/passwd">'
        "%remote;]><fee-list/>"
    ),
    "external DTD": (
        '<?xml version="1.0"?><!DOCTYPE fee-list SYSTEM "http://127.0.0.1:9/evil.dtd"><fee-list/>'
    ),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_attack_is_refused_with_a_clear_error(attack: str) -> None:
    """Each of billion laughs, external file/parameter entities and external DTDs is refused."""
    with pytest.raises(UnreadableInput, match="DTD"):
        xml.load(io.BytesIO(ATTACKS[attack].encode()))


def test_undeclared_entity_is_not_resolved() -> None:
    """Without a DTD an entity reference is a syntax error, never a lookup."""
    with pytest.raises(UnreadableInput, match="不是有效的 XML"):
        xml.load(io.BytesIO(b"<fee-list><kind>&passwd;</kind></fee-list>"))


def test_parser_is_hardened_even_without_the_prolog_check() -> None:
    """Defence in depth: the parser itself resolves no entity and loads no DTD."""
    events = xml._parse(io.BytesIO(ATTACKS["external file entity"].encode()))
    texts = [element.text for _event, element in events if element.text]
    assert all("root:" not in text for text in texts)


@pytest.mark.parametrize("junk", [b"", b"not xml", b"<unknown-kind/>", b"<fee-list>", b"\xff\xfe"])
def test_junk_is_unreadable(junk: bytes) -> None:
    """Junk gives UnreadableInput."""
    with pytest.raises(UnreadableInput):
        xml.load(io.BytesIO(junk))


# ---- findings and the command line ------------------------------------------------------------


def test_findings_carry_the_line_number(tmp_path: Path) -> None:
    """A rule broken in an XML file names its line."""
    power = examples.load("power-list")
    item = attrs.evolve(power.items[2], power_type="02")
    path = tmp_path / "power.xml"
    xml.dump(attrs.evolve(power, items=(*power.items[:2], item)), path)
    (finding,) = list(xml.iter_findings(path))
    assert finding.rule == "code.type-mismatch"
    line = _line_of(finding)
    assert "000617018000" in path.read_text("utf-8").splitlines()[line - 1]


def test_xml_is_indented_an_element_a_line() -> None:
    """Two spaces a level, an element a line: a change to one value is a one-line diff."""
    power = examples.load("power-list")
    text = _xml_bytes(power).decode()
    lines = text.splitlines()
    assert lines[1] == '<power-list xmlns="urn:banzhang:xml:1.2">'
    assert "  <items>" in lines
    assert "    <power_type>01</power_type>" in lines
    assert all(line.count("<") <= 2 for line in lines)  # a start tag and its end tag at most
    renamed = attrs.evolve(power.items[1], name="改过的名称")
    changed = _xml_bytes(attrs.evolve(power, items=(power.items[0], renamed, *power.items[2:])))
    differing = [
        pair
        for pair in zip(lines, changed.decode().splitlines(), strict=True)
        if pair[0] != pair[1]
    ]
    assert [new for _old, new in differing] == ["    <name>改过的名称</name>"]


def test_a_finding_names_the_line_of_its_element(tmp_path: Path) -> None:
    """A schema finding deep in an item names the line of the very element."""
    data = examples.load_data("power-list")
    data["items"][1]["power_type"] = "99"
    path = tmp_path / "power.xml"
    xml.dump(data, path)
    found = [f for f in xml.iter_findings(path) if f.rule == "structure.codelist"]
    assert [f.path for f in found] == ["$.items[1].power_type"]
    line = _line_of(found[0])
    assert path.read_text("utf-8").splitlines()[line - 1] == "    <power_type>99</power_type>"


def test_unknown_element_gets_a_did_you_mean(tmp_path: Path) -> None:
    """A misspelled element in XML is reported like a misspelled JSON key."""
    path = tmp_path / "fee.xml"
    path.write_bytes(
        _xml_bytes(examples.load("fee-list"))
        .replace(b"<payer>", b"<payr>")
        .replace(b"</payer>", b"</payr>")
    )
    findings = list(xml.iter_findings(path))
    assert [f.path for f in findings] == ["$.items[0].payr", "$.items[1].payr"]
    assert {f.rule for f in findings} == {"structure.unknown-key"}
    assert all("payer" in finding.message for finding in findings)


@pytest.mark.parametrize(
    ("kind", "before", "after"),
    [
        ("power-list", b"<items>", b"STRAY<items>"),  # between the envelope and the first item
        ("power-list", b"</power-list>", b"STRAY</power-list>"),  # after the last item
        ("power-list", b"<kind>", b"STRAY<kind>"),  # before the root's first child
        ("power-list", b"</items>", b"</items>STRAY"),  # between the first two items
        (
            "service-guide",
            b"</service-guide>",
            b"STRAY</service-guide>",
        ),  # a document without items
    ],
)
def test_stray_text_under_the_root_is_a_finding(kind: str, before: bytes, after: bytes) -> None:
    """Text directly under the root is reported, with its line, wherever it stands."""
    text = _xml_bytes(examples.load(kind))
    head, _sep, tail = (
        text.rpartition(before) if before.startswith(b"</") else text.partition(before)
    )
    found = list(xml.iter_findings(io.BytesIO(head + after + tail)))
    (stray,) = [f for f in found if f.rule == "xml.unexpected-content"]
    assert stray.path == "$"
    assert "STRAY" in stray.message
    assert stray.source
    assert stray.source.startswith("第 ")
    assert stray.source.endswith(" 行")
    assert list(xml.iter_findings(io.BytesIO(text))) == [
        f for f in found if f.rule != "xml.unexpected-content"
    ]


def test_cli_convert_and_validate_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """convert .json → .xml → .xlsx → .json; validate .xml."""
    source = tmp_path / "power.json"
    source.write_text(examples.path("power-list").read_text("utf-8"), encoding="utf-8")
    assert main(["convert", str(source), str(tmp_path / "power.xml")]) == 0
    assert main(["convert", str(tmp_path / "power.xml"), str(tmp_path / "power.xlsx")]) == 0
    assert main(["convert", str(tmp_path / "power.xlsx"), str(tmp_path / "back.json")]) == 0
    assert read_json(tmp_path / "back.json") == examples.load_data("power-list")
    assert main(["validate", str(tmp_path / "power.xml")]) == 0
    assert "通过" in capsys.readouterr().out


def _line_of(finding: Finding) -> int:
    """The line a finding names (its place's Line segment)."""
    assert finding.place is not None
    found = finding.place.find(Line)
    assert isinstance(found, Line)
    return found.number
