"""The junk sweep: public entry points fed junk raise only banzhang's own errors."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import banzhang
from banzhang import BanzhangError, codes, convert, examples, render, validation
from banzhang.crosslist import adjust, compare, levels, stats
from banzhang.formats import excel, xml
from banzhang.formats import json as bjson

JUNK: list[Any] = [None, "", "😴", " ", "\x00", "0" * 10_000, 12, 3.5, b"00016421300Y", [], {}]

CODE_ENTRY_POINTS: list[Callable[[Any], object]] = [
    function
    for module in (codes.basic, codes.handling, codes.implementation, codes.uscc, codes.region)
    for function in (module.validate, module.parse, module.format)
] + [codes.explain, codes.detect, codes.basic.explain, codes.uscc.explain]


@pytest.mark.parametrize("entry", CODE_ENTRY_POINTS, ids=lambda f: f"{f.__module__}.{f.__name__}")
@pytest.mark.parametrize("junk", JUNK, ids=repr)
def test_code_entry_points_raise_only_our_errors(entry: Callable[[Any], object], junk: Any) -> None:
    """Junk gives a BanzhangError, never a TypeError, IndexError or KeyError."""
    with pytest.raises(BanzhangError):
        entry(junk)


@given(st.text(max_size=40))
def test_is_valid_never_raises(text: str) -> None:
    """``is_valid`` answers True or False for any text."""
    for module in (codes.basic, codes.handling, codes.implementation, codes.uscc, codes.region):
        assert module.is_valid(text) in (True, False)


@given(st.text(max_size=40))
def test_explain_raises_only_our_errors(text: str) -> None:
    """``explain`` on arbitrary text either explains or raises a BanzhangError."""
    with contextlib.suppress(BanzhangError):
        codes.explain(text)


DOCUMENT_ENTRY_POINTS: list[Callable[[Any], object]] = [
    lambda junk: list(validation.iter_findings(junk)),
    validation.validate,
    convert.from_data,
    lambda junk: bjson.load(io.BytesIO(junk if isinstance(junk, bytes) else str(junk).encode())),
    lambda junk: list(bjson.iter_load(io.BytesIO(str(junk).encode())).items),
    bjson.load,
    render.render,
    lambda junk: render.render(junk, brief=True),
    render.flowchart_svg,
]
DOCUMENT_JUNK: list[Any] = [*JUNK, {"kind": "nope"}, {"kind": None}, "[1, 2", b"\xff\xfe", 0]


@pytest.mark.parametrize("entry", DOCUMENT_ENTRY_POINTS, ids=range(len(DOCUMENT_ENTRY_POINTS)))
@pytest.mark.parametrize("junk", DOCUMENT_JUNK, ids=repr)
def test_document_entry_points_raise_only_our_errors(
    entry: Callable[[Any], object], junk: Any
) -> None:
    """Junk documents give a BanzhangError (or, for validation, findings), nothing else."""
    with contextlib.suppress(BanzhangError):
        entry(junk)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.text(max_size=5), children, max_size=3)
        ),
        max_leaves=12,
    )
)
def test_validating_any_json_with_a_kind_gives_findings_not_crashes(junk: Any) -> None:
    """Any JSON value validated as a power list yields findings (or our error), never a crash."""
    with contextlib.suppress(BanzhangError):
        list(validation.iter_findings(junk, kind="power-list"))
    with contextlib.suppress(BanzhangError):
        list(
            validation.iter_findings({"kind": "service-guide", "process": junk, "materials": junk})
        )


_POWER = examples.load("power-list")


def _not_a_path(junk: Any) -> Any:
    """Junk as a target, except text: a text target is a file name and would be written."""
    return io.BytesIO() if isinstance(junk, str) else junk


LIBRARY_CALLS: dict[str, Callable[[Any], object]] = {
    "formats.json.dump": lambda junk: bjson.dump(junk, io.BytesIO()),
    "formats.xml.dump": lambda junk: xml.dump(junk, io.BytesIO()),
    "formats.excel.dump": lambda junk: excel.dump(junk, io.BytesIO()),
    "formats.json.dump(target)": lambda junk: bjson.dump(_POWER, _not_a_path(junk)),
    "formats.xml.dump(target)": lambda junk: xml.dump(_POWER, _not_a_path(junk)),
    "formats.excel.dump(target)": lambda junk: excel.dump(_POWER, _not_a_path(junk)),
    "formats.json.iter_dump": lambda junk: bjson.iter_dump("power-list", junk, [], io.BytesIO()),
    "formats.xml.iter_dump": lambda junk: xml.iter_dump("power-list", junk, [], io.BytesIO()),
    "crosslist.adjust.diff": lambda junk: adjust.diff(junk, junk),
    "crosslist.stats.collect": lambda junk: stats.collect([junk]),
    "crosslist.compare.compare": lambda junk: compare.compare([junk]),
    "crosslist.levels.check": lambda junk: levels.check([("a", junk)]),
    "banzhang.load": banzhang.load,
    "banzhang.iter_findings": lambda junk: list(banzhang.iter_findings(junk)),
}


@pytest.mark.parametrize("call", LIBRARY_CALLS.values(), ids=LIBRARY_CALLS.keys())
@pytest.mark.parametrize(
    "junk", [*JUNK, object(), {"kind": 5}, {"items": 5}], ids=lambda j: type(j).__name__
)
def test_library_calls_check_their_arguments(call: Callable[[Any], object], junk: Any) -> None:
    """Wrong argument types give TypeError or our own error at the boundary, never from inside."""
    with contextlib.suppress(BanzhangError, TypeError):
        call(junk)
