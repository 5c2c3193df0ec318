"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import strategies as st

from banzhang import codelists
from banzhang._introspect import FieldSpec, fields_of
from banzhang.codes import region, uscc

USCC_CHARS = uscc.ALPHABET


@st.composite
def basic_code_parts(draw: st.DrawFn) -> tuple[str, str, int, int, bool]:
    """Draw (source, power_type, main_seq, sub, has_sub_items) that make a valid 基本编码."""
    source = draw(st.sampled_from(codelists.get("code_source").codes))
    power_type = draw(st.sampled_from(codelists.get("power_type").codes))
    main_seq = draw(st.integers(1, 99999))
    has_sub_items = draw(st.booleans())
    sub = 0 if has_sub_items else draw(st.integers(0, 999))
    return source, power_type, main_seq, sub, has_sub_items


@st.composite
def valid_usccs(draw: st.DrawFn, *, inner_mongolia: bool = False) -> str:
    """Draw a valid 统一社会信用代码, letter-first ones included."""
    head = draw(st.text(USCC_CHARS, min_size=2, max_size=2))
    if inner_mongolia:
        area = draw(st.sampled_from([r.code for r in region.all_regions()]))
    else:
        area = draw(st.text("0123456789", min_size=6, max_size=6))
    body = draw(st.text(USCC_CHARS, min_size=9, max_size=9))
    first17 = head + area + body
    return first17 + uscc.calc_check_digit(first17)


# ---- documents, derived from the declarations ------------------------------------------------


#: Text that has broken serializers: formula starts, newlines, CJK Extension B, emoji, controls.
HOSTILE_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["=SUM(A1:A2)", "+1", "-1", "@x", "1.\n2.", "𠀀𪚥", "😴", "", " ", "\t"]),
)


def _scalar(spec: FieldSpec, shape: str, *, cells: bool) -> st.SearchStrategy[Any]:
    if shape == "int":
        return st.integers(min_value=-(2**63), max_value=2**63)
    if shape == "bool":
        return st.booleans()
    if shape == "date":
        return st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2999, 12, 31))
    if shape == "object":
        assert spec.model is not None
        return models(spec.model, cells=cells)
    if spec.nullable or (cells and spec.shape != "array"):
        # An empty optional text is an absent one (see banzhang.convert); in a cell, so is an
        # empty required one. Draw only texts that every format can keep.
        return HOSTILE_TEXT.filter(bool)
    return HOSTILE_TEXT


def models(model: type[Any], *, cells: bool = False) -> st.SearchStrategy[Any]:
    """Draw any instance of ``model``: each element present or absent, with hostile values.

    Args:
        model: the attrs class.
        cells: draw only documents a spreadsheet can hold (no empty required text).
    """
    key = (model, cells)
    if key not in _DRAWN:
        _DRAWN[key] = _models(model, cells=cells)
    return _DRAWN[key]


_DRAWN: dict[tuple[type[Any], bool], st.SearchStrategy[Any]] = {}


def _models(model: type[Any], *, cells: bool) -> st.SearchStrategy[Any]:
    arguments: dict[str, st.SearchStrategy[Any]] = {}
    for spec in fields_of(model):
        value: st.SearchStrategy[Any]
        if spec.shape == "array":
            entry = _scalar(spec, spec.item_shape or "str", cells=cells)
            value = st.lists(entry, max_size=2).map(tuple)
        else:
            value = _scalar(spec, spec.shape, cells=cells)
        if spec.nullable:
            value = st.none() | value
        arguments[spec.name] = value
    return st.builds(model, **arguments)
