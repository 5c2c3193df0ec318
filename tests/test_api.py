"""The Python API as an embedder expects it: format names and extensions, bytes and streams sniffed,
text refused as a path, typed loading, LookupError for unknown names, Severity a Literal."""

from __future__ import annotations

import io
from pathlib import Path
from typing import assert_type

import pytest

import banzhang
from banzhang import codelists, examples, formats, kinds
from banzhang.errors import InvalidDocument, UnknownName, UnreadableInput
from banzhang.formats._sniff import sniff
from banzhang.kinds.power_list import PowerList
from banzhang.kinds.service_guide import ServiceGuide
from banzhang.validation import Severity
from tests.conftest import FIXTURES

NAMES = {
    "json": "json",
    ".json": "json",
    "jsonl": "json",
    "JSONL": "json",
    "xlsx": "excel",
    ".XLSX": "excel",
    "excel": "excel",
    "xml": "xml",
    ".xml": "xml",
    "docx": "docx",
    "csv": "csv",
    "xls": "spreadsheet",
    ".ods": "spreadsheet",
    "spreadsheet": "spreadsheet",
}


@pytest.mark.parametrize(("name", "module"), sorted(NAMES.items()))
def test_format_takes_extensions_and_names(name: str, module: str) -> None:
    """format= takes an extension with or without its dot, or the format's name, any case."""
    assert module == formats.by_name(name).NAME


@pytest.mark.parametrize(
    "lookup",
    [
        lambda: formats.by_name("pdf"),
        lambda: kinds.get("no-such"),
        lambda: codelists.get("no-such"),
        lambda: banzhang.load("report"),
    ],
    ids=["format", "kind", "codelist", "path without extension"],
)
def test_unknown_names_are_lookup_errors(lookup: object) -> None:
    """An unknown format, kind or codelist is an UnknownName: a LookupError and, as it always
    was, an UnreadableInput (the command line's exit 2); the message is Chinese, without reprs."""
    with pytest.raises(LookupError) as caught:
        lookup()  # type: ignore[operator]
    assert isinstance(caught.value, UnknownName)
    assert isinstance(caught.value, UnreadableInput)
    assert "'" not in str(caught.value)
    assert "“" in str(caught.value)


def _written(document: object, format_name: str) -> bytes:
    buffer = io.BytesIO()
    banzhang.dump(document, buffer, format=format_name)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("kind", "format_name"),
    [
        ("power-list", "json"),
        ("power-list", "xml"),
        ("power-list", "xlsx"),
        ("service-guide", "docx"),
    ],
)
def test_bytes_and_streams_are_sniffed(kind: str, format_name: str) -> None:
    """Bytes and a binary stream without format= are read in the format their content shows."""
    document = examples.load(kind)
    content = _written(document, format_name)
    assert sniff(io.BytesIO(content)) == format_name
    assert banzhang.load(content) == document
    assert banzhang.load(io.BytesIO(content)) == document
    assert banzhang.is_valid(content)


@pytest.mark.parametrize(("name", "found"), [("department.xls", "xls"), ("department.ods", "ods")])
def test_old_and_open_workbooks_are_sniffed(name: str, found: str) -> None:
    """An OLE2 .xls and an OpenDocument .ods are told by their content."""
    with (FIXTURES / "workbooks" / name).open("rb") as stream:
        assert sniff(stream) == found
        assert stream.tell() == 0


def test_what_cannot_be_sniffed_must_be_named() -> None:
    """CSV shows nothing to tell it by: without format= it is a usage error, with it it reads."""
    with pytest.raises(TypeError, match="format="):
        banzhang.load_data(b"kind,name\n")
    with pytest.raises(TypeError, match="format="):
        banzhang.dump(examples.load("power-list"), io.BytesIO())


def test_json_lines_from_a_stream_by_name() -> None:
    """format="jsonl" reads a stream as JSON Lines."""
    document = examples.load("power-list")
    content = _written(document, "jsonl")
    assert content.count(b"\n") == len(document.items) + 1
    assert banzhang.load(content, format="jsonl") == document


@pytest.mark.parametrize(
    "text", ['{"kind": "power-list"}', "<power-list/>", "\ufeff  [1]", "kind,name\n1,2"]
)
def test_document_text_is_not_taken_for_a_path(text: str) -> None:
    """A str is a path: text that is a document's content is a clear usage error."""
    with pytest.raises(TypeError, match="文件路径"):
        banzhang.load(text)
    with pytest.raises(TypeError, match="文件路径"):
        banzhang.load_data(text)


def _example(kind: str) -> Path:
    return Path(str(examples.path(kind)))


def test_typed_loading() -> None:
    """load(path, PowerList) and load(path, kind="service-guide") give mypy the model's type;
    a file of another kind is an InvalidDocument, a class that is no kind an UnknownName."""
    power = banzhang.load(_example("power-list"), PowerList)
    assert_type(power, PowerList)
    assert power.items[0].name
    guide = banzhang.load(_example("service-guide"), kind="service-guide")
    assert_type(guide, ServiceGuide)
    assert guide.accepting_agency.name
    with pytest.raises(InvalidDocument):
        banzhang.load(_example("service-guide"), PowerList)
    with pytest.raises(UnknownName):
        banzhang.load(_example("power-list"), dict)


def test_severity_is_a_literal() -> None:
    """Finding.severity is typed error | warning | info."""
    data = examples.load_data("power-list")
    data["items"][0]["power_type"] = "99"
    finding = next(iter(banzhang.iter_findings(data)))
    assert_type(finding.severity, Severity)
    assert finding.severity == "error"
