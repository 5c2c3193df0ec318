"""JSON and XML a careless sender or an attacker writes: half characters refused, nothing set
aside without a finding."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import banzhang
from banzhang import examples
from banzhang.errors import UnreadableInput, UnwritableOutput
from banzhang.formats import json as json_format
from banzhang.formats import xml


def _power(**change: object) -> dict[str, object]:
    return {**examples.load_data("power-list"), **change}


def test_a_lone_surrogate_is_refused_naming_its_element(tmp_path: Path) -> None:
    data = _power()
    data["items"][0]["name"] = "甲\ud800乙"  # type: ignore[index]
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data))  # ensure_ascii: written as the escape \\ud800
    with pytest.raises(UnreadableInput, match=r"\$\.items\[0\]\.name 含有不成对的代理项 \\ud800"):
        banzhang.load_data(path)


def test_a_character_beyond_the_basic_plane_as_an_escaped_pair_is_read(tmp_path: Path) -> None:
    """No false alarm: 𠀀 written as \\ud840\\udc00 (json.dumps' default) is one character."""
    data = _power()
    data["items"][0]["name"] = "𠀀"  # type: ignore[index]
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data))
    assert "\\ud840\\udc00" in path.read_text()
    assert banzhang.load_data(path)["items"][0]["name"] == "𠀀"


def test_a_model_holding_a_lone_surrogate_is_refused_by_the_writer(tmp_path: Path) -> None:
    data = _power()
    data["items"][0]["name"] = "甲\udfff"  # type: ignore[index]
    for name in ("x.json", "x.jsonl"):
        with pytest.raises(UnwritableOutput, match=r"不成对的代理项 \\udfff"):
            json_format.dump(data, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_items_on_the_envelope_line_of_json_lines_are_refused() -> None:
    line = json.dumps(_power(), ensure_ascii=False).encode() + b"\n"
    source = io.BytesIO(line)
    source.name = "x.jsonl"
    with pytest.raises(UnreadableInput, match="第 1 行（信封）含有“items”"):
        json_format.iter_load_data(source)


def test_an_empty_items_array_on_the_envelope_line_is_no_reason_to_refuse() -> None:
    envelope = _power(items=[])
    item = examples.load_data("power-list")["items"][0]
    text = json.dumps(envelope, ensure_ascii=False) + "\n" + json.dumps(item, ensure_ascii=False)
    source = io.BytesIO(text.encode())
    source.name = "x.jsonl"
    assert list(json_format.iter_load_data(source).items) == [item]


def test_lines_after_a_single_document_are_refused() -> None:
    guide = json.dumps(examples.load_data("service-guide"), ensure_ascii=False)
    source = io.BytesIO(guide.encode() + b'\n\n{"name": "x"}\n')
    source.name = "x.jsonl"
    with pytest.raises(UnreadableInput, match="第 3 行起还有内容"):
        json_format.iter_load_data(source)


def _xml(change: bytes) -> bytes:
    buffer = io.BytesIO()
    banzhang.dump(examples.load("power-list"), buffer, format="xml")
    return buffer.getvalue().replace(b"<items>", change + b"<items>", 1)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            "<附加收费>500 元</附加收费>".encode(),
            "根元素下有无法识别的元素“附加收费”，其内容未读入",
        ),
        (
            b'<e:region xmlns:e="urn:evil">999999</e:region>',
            "“region”在另一个命名空间 urn:evil 中，与文档其余部分不同，未读入",
        ),
    ],
)
def test_what_stands_under_the_root_unread_is_a_finding(change: bytes, message: str) -> None:
    found = [f for f in xml.iter_findings(io.BytesIO(_xml(change))) if f.rule.startswith("xml.")]
    assert [(f.rule, f.message) for f in found] == [("xml.unexpected-content", message)]
    assert xml.load_data(io.BytesIO(_xml(change)))["region"] == "150200"


def test_unknown_elements_at_the_start_and_end_are_found_too() -> None:
    buffer = io.BytesIO()
    banzhang.dump(examples.load("power-list"), buffer, format="xml")
    text = buffer.getvalue()
    text = text.replace(b"<kind>", b"<a>1</a><kind>", 1).replace(
        b"</power-list>", b"<b>2</b></power-list>"
    )
    found = [f.message for f in xml.iter_findings(io.BytesIO(text)) if f.rule.startswith("xml.")]
    assert found == [
        "根元素下有无法识别的元素“a”，其内容未读入",
        "根元素下有无法识别的元素“b”，其内容未读入",
    ]
