"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

from hypothesis import strategies as st

from banzhang import codelists
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
