"""JSON and JSON Lines: lossless round trips, streaming, and clear errors for bad input."""

from __future__ import annotations

import gc
import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banzhang import convert, examples, kinds
from banzhang.errors import InvalidDocument, UnreadableInput
from banzhang.formats import for_path
from banzhang.formats import json as bjson
from tests.strategies import models

KIND_IDS = [kind.id for kind in kinds.all_kinds()]


def _with_kind(model: Any, kind: str) -> Any:
    return attrs.evolve(model, kind=kind)


@pytest.mark.parametrize("kind", KIND_IDS)
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_model_json_model_round_trip(kind: str, data: st.DataObject) -> None:
    """model → JSON text → model gives the same model, for any content, hostile text included."""
    model = _with_kind(data.draw(models(kinds.get(kind).document)), kind)
    buffer = io.BytesIO()
    bjson.dump(model, buffer)
    buffer.seek(0)
    assert bjson.load(buffer) == model


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_jsonl_round_trip(data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A list written as JSON Lines and read back item by item is the same list."""
    model = _with_kind(data.draw(models(kinds.get("power-list").document)), "power-list")
    path = tmp_path_factory.mktemp("jsonl") / "list.jsonl"
    bjson.iter_dump("power-list", model, model.items, path)
    stream = bjson.iter_load(path)
    rebuilt = convert.from_data(
        {**stream.envelope, "items": [convert.to_data(i) for i in stream.items]}
    )
    assert rebuilt == model


@pytest.mark.parametrize("kind", KIND_IDS)
def test_examples_round_trip_exactly(kind: str) -> None:
    """Each bundled example: data → model → data is the same data."""
    data = examples.load_data(kind)
    assert convert.to_data(convert.from_data(data)) == data


def test_jsonl_streams_without_reading_everything(tmp_path: Path) -> None:
    """iter_load reads the envelope at once and items only when asked."""
    path = tmp_path / "list.jsonl"
    model = examples.load("power-list")
    bjson.iter_dump("power-list", model, model.items, path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    stream = bjson.iter_load(path)
    assert stream.envelope["region"] == "150200"
    assert next(stream.items).name == "食品生产许可"
    with pytest.raises(UnreadableInput, match="第 5 行"):
        list(stream.items)


@pytest.mark.parametrize("enabled", [True, False])
def test_whole_document_parse_leaves_the_collector_as_it_was(enabled: bool, tmp_path: Path) -> None:
    """The cycle collector is paused for a parse, and left as found — also after a bad file."""
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    bjson.dump(examples.load("fee-list"), good)
    bad.write_text('{"kind": ', "utf-8")
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert bjson.load_data(good)["kind"] == "fee-list"
        assert gc.isenabled() is enabled
        with pytest.raises(UnreadableInput):
            bjson.load_data(bad)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_not_json_names_line_and_column(tmp_path: Path) -> None:
    """Broken JSON is UnreadableInput naming the line and column."""
    path = tmp_path / "bad.json"
    path.write_text('{\n  "kind": "power-list",\n  oops\n}', encoding="utf-8")
    with pytest.raises(UnreadableInput, match="第 3 行第 3 列"):
        bjson.load(path)


def test_not_utf8_is_unreadable(tmp_path: Path) -> None:
    """GBK bytes are refused with a clear error, never mis-decoded."""
    path = tmp_path / "gbk.json"
    path.write_bytes('{"kind": "权责清单"}'.encode("gbk"))
    with pytest.raises(UnreadableInput, match="UTF-8"):
        bjson.load(path)


def test_jsonl_may_start_with_a_byte_order_mark(tmp_path: Path) -> None:
    """Windows tools save UTF-8 with a BOM: it is not part of the envelope's line."""
    path = tmp_path / "list.jsonl"
    model = examples.load("power-list")
    bjson.iter_dump("power-list", model, model.items[:2], path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    stream = bjson.iter_load_data(path)
    assert stream.envelope["kind"] == "power-list"
    assert [item["name"] for item in stream.items] == [item.name for item in model.items[:2]]


def test_jsonl_cut_inside_a_character_is_unreadable(tmp_path: Path) -> None:
    """A file cut off inside a character is not UTF-8, and says so with its line (the
    broken character is not dropped unseen)."""
    path = tmp_path / "list.jsonl"
    model = examples.load("power-list")
    bjson.iter_dump("power-list", model, model.items[:1], path)
    data = path.read_bytes()
    path.write_bytes(data + '{"name": "食'.encode()[:-1])
    stream = bjson.iter_load_data(path)
    assert next(stream.items)["name"] == model.items[0].name
    with pytest.raises(UnreadableInput, match="第 3 行不是 UTF-8"):
        next(stream.items)


def test_nan_is_refused() -> None:
    """NaN and Infinity are not JSON numbers banzhang accepts."""
    with pytest.raises(UnreadableInput, match="NaN"):
        bjson.load(io.BytesIO(b'{"kind": "power-list", "x": NaN}'))


def test_refused_constant_names_the_file_and_line(tmp_path: Path) -> None:
    """An Infinity on an item line is refused with the file and the line it is on."""
    path = tmp_path / "list.jsonl"
    model = examples.load("power-list")
    bjson.iter_dump("power-list", model, model.items[:1], path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n" + '{"basic_code": "x", "fee": -Infinity}' + "\n")
    stream = bjson.iter_load_data(path)
    assert next(stream.items)["name"] == "食品生产许可"
    with pytest.raises(
        UnreadableInput, match=r"list\.jsonl 第 4 行：JSON 中不允许 -Infinity"
    ) as caught:
        next(stream.items)
    assert caught.value.source == str(path)


def test_decimal_numbers_keep_every_digit() -> None:
    """A non-integer number is read as Decimal, so no digit is lost before it is reported."""
    data = bjson.load_data(io.BytesIO(b'{"amount": 0.10000000000000000000000001}'))
    assert str(data["amount"]) == "0.10000000000000000000000001"


def test_wrong_shape_is_invalid_document_with_paths() -> None:
    """A document of the wrong shape raises InvalidDocument whose findings have $ paths."""
    data = examples.load_data("power-list")
    data["items"][1]["name"] = 7
    with pytest.raises(InvalidDocument) as caught:
        convert.from_data(data)
    assert [f.path for f in caught.value.findings] == ["$.items[1].name"]  # type: ignore[attr-defined]


def test_format_chosen_by_extension() -> None:
    """.json and .jsonl go to the JSON module; other extensions are refused clearly."""
    assert for_path("a.JSON").NAME == "json"
    with pytest.raises(UnreadableInput, match=r"\.pdf"):
        for_path("a.pdf")


def test_dump_writes_utf8_chinese(tmp_path: Path) -> None:
    """Output is UTF-8 with Chinese as is, not escaped."""
    path = tmp_path / "guide.json"
    bjson.dump(examples.load("service-guide"), path)
    assert "食品生产许可" in path.read_text("utf-8")
    assert json.loads(path.read_text("utf-8"))["kind"] == "service-guide"
