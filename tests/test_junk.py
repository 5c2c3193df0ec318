"""The junk sweep: public entry points fed junk raise only banzhang's own errors."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banzhang import BanzhangError, codes

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
