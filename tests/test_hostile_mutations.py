"""Any element of any example given a value of the wrong type (or a hostile text): every verb
still answers with an exit code of its contract and a message, never a traceback.

Found by mutating the examples so: a material's forms holding a list, a time limit's unit an
object (unhashable: validation raised TypeError), an object given as text (cattrs raised
AttributeError in convert), a NUL in a guide written to Word (lxml raised ValueError), a
power type that is a list (stats and levels keyed on it)."""

from __future__ import annotations

import contextlib
import copy
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banzhang import examples, kinds
from banzhang.cli import main

_VALUES: list[Any] = [None, True, 0, -1, 10**30, 1.5, "", "x", "\x00", "\uffff", "𠀀", [], {},
                      [None], [["原件"]], {"a": 1}, "9" * 50, "1900-02-30"]  # fmt: skip


def _paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    parts = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in parts:
        yield from _paths(value, (*path, key))


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


@st.composite
def _mutated(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(sorted(kind.id for kind in kinds.all_kinds())))
    data = copy.deepcopy(examples.load_data(kind))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from([p for p in _paths(data) if p]))
        _set(data, path, copy.deepcopy(draw(st.sampled_from(_VALUES))))
    return data


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(_mutated())
def test_no_mutation_makes_a_verb_raise(tmp_path: Path, data: dict[str, Any]) -> None:
    source = tmp_path / "x.json"
    source.write_text(json.dumps(data, ensure_ascii=False))
    for argv in (
        ["validate", str(source)],
        ["convert", str(source), str(tmp_path / "o.xlsx")],
        ["convert", str(source), str(tmp_path / "o.docx")],
        ["guide", "render", str(source), "--out", str(tmp_path / "g.html")],
        ["levels", str(source)],
        ["stats", str(source)],
        ["compare", str(source)],
        ["diff", str(source), str(source)],
    ):
        said = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(said):
            code = main(argv)
        assert code in (0, 1, 2), argv
        assert "Traceback" not in said.getvalue()
