"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from hypothesis import strategies as st

from banzhang import codelists
from banzhang.codes import region, uscc
from banzhang.convert import to_data
from banzhang.declare import FieldSpec, fields_of

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


_HOSTILE = [
    "=SUM(A1:A2)",
    "+1",
    "-1",
    "@x",
    "1.\n2.",
    "1. a\n2. b",
    "𠀀𪚥",
    "😴",
    "",
    " ",
    "\t",
    "\r\n",
    "_x0041_",
]
#: Characters XML 1.0 (so Excel and XML files) cannot hold: most C0 controls, surrogates, FFFE/F.
XML_ILLEGAL = "".join(
    chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
)

#: Text that has broken serializers: formula starts, newlines, CJK Extension B, emoji, controls.
HOSTILE_TEXT = st.one_of(st.text(max_size=12), st.sampled_from(_HOSTILE))
#: The same, limited to what an XML document (an .xlsx sheet, an .xml file) can hold.
XML_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters=XML_ILLEGAL), max_size=12),
    st.sampled_from(_HOSTILE),
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
        drawn = models(spec.model, cells=cells)
        # An optional object with nothing in it is an absent one (see banzhang.convert).
        return drawn.filter(to_data) if spec.nullable else drawn
    text = XML_TEXT if cells else HOSTILE_TEXT
    if cells and spec.element.codelist:
        # A cell of a codelist column shows a code by its title: a value that is itself a
        # title (not a code) reads back as that title's code. Hypothesis draws the titles it
        # finds among the project's literals, so they are left out here.
        titles = {entry.title for entry in codelists.get(spec.element.codelist)}
        text = text.filter(lambda drawn: drawn not in titles)
    if spec.nullable or (cells and spec.shape != "array"):
        # An empty optional text is an absent one (see banzhang.convert); in a cell, so is an
        # empty required one. Draw only texts that every format can keep.
        return text.filter(bool)
    return text


def models(model: type[Any], *, cells: bool = False) -> st.SearchStrategy[Any]:
    """Draw any instance of ``model``: each element present or absent, with hostile values.

    Args:
        model: the attrs class.
        cells: draw only documents a spreadsheet or XML file can hold (no empty required text,
            no character XML forbids).
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


# Words of a standard: CJK, digits, Latin letters and the punctuation GB/T 1.1 texts use (no tab
# or line break: Word stores those as elements of their own).
_STANDARD_TEXT = (
    st.text(
        alphabet=st.sampled_from(
            "行政许可事项编码规则服务指南审查细则应宜可不得ABCxyz0123456789，。、；：（）“”《》-/ "
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)


@st.composite
def standards(draw: st.DrawFn) -> Any:
    """Draw a small draft standard: clauses with paragraphs, lists, tables, notes; an annex."""
    from banzhang.generate.standard import _model as m  # noqa: PLC0415 - only these tests

    labels = itertools.count()  # each table its own label, as a builder gives them

    def blocks() -> tuple[Any, ...]:
        kinds_ = st.sampled_from(("paragraph", "list", "table", "note", "example"))
        found: list[Any] = []
        for kind in draw(st.lists(kinds_, min_size=1, max_size=4)):
            if kind == "paragraph":
                found.append(m.Paragraph(draw(_STANDARD_TEXT)))
            elif kind == "list":
                entries = draw(
                    st.lists(
                        st.tuples(_STANDARD_TEXT, st.lists(_STANDARD_TEXT, max_size=2).map(tuple)),
                        min_size=1,
                        max_size=3,
                    )
                )
                found.append(m.ListItems(tuple(entries), draw(_STANDARD_TEXT)))
            elif kind == "table":
                width = draw(st.integers(1, 4))
                row = st.tuples(*[_STANDARD_TEXT] * width)
                rows = tuple(draw(st.lists(row, max_size=3)))
                found.append(
                    m.Table(
                        f"t{next(labels)}",
                        draw(_STANDARD_TEXT),
                        draw(row),
                        rows,
                    )
                )
            else:
                kind_ = m.Note if kind == "note" else m.Example
                found.append(kind_(draw(_STANDARD_TEXT)))
        return tuple(found)

    def clauses(depth: int) -> tuple[Any, ...]:
        count = draw(st.integers(1 if depth == 0 else 0, 2))
        return tuple(
            m.Clause(draw(_STANDARD_TEXT), blocks(), clauses(depth + 1) if depth < 2 else ())
            for _ in range(count)
        )

    annex = m.Annex("a", draw(_STANDARD_TEXT), draw(st.booleans()), blocks())
    return m.Standard(
        id="drawn",
        title=draw(_STANDARD_TEXT),
        scope=(m.Paragraph(draw(_STANDARD_TEXT)),),
        body=clauses(0),
        terms=tuple(
            m.Term(draw(_STANDARD_TEXT), draw(_STANDARD_TEXT))
            for _ in range(draw(st.integers(0, 2)))
        ),
        annexes=(annex,),
        bibliography=tuple(draw(st.lists(_STANDARD_TEXT, max_size=2))),
    )
