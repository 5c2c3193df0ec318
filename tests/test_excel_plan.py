"""Excel reading: a sheet's compiled row does exactly what judging each cell would do."""

from __future__ import annotations

import datetime
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banzhang import codelists, kinds
from banzhang.formats.sheets import Workbook
from banzhang.formats.sheets._whole import CellError, cell_value
from banzhang.formats.tables._headers import Target
from banzhang.formats.tables._layout import Column, Table, layout_for
from banzhang.formats.tables._plan import Plan
from banzhang.formats.tables._reader import BookReader
from banzhang.validation.findings import Finding

TABLES = [
    pytest.param(table, id=f"{kind.id}:{table.sheet}")
    for kind in kinds.all_kinds()
    for table in layout_for(kind.id).tables
    if not table.form
]


def _cell(column: Column) -> st.SearchStrategy[Any]:
    """What a cell of ``column`` may hold: what banzhang writes, and what a hand may put."""
    written: list[Any] = ["", "文本", "1. 甲\n2. 乙", "[]", '["甲"]', "1. 甲\n3. 乙"]
    codelist = column.spec.element.codelist
    if codelist:
        titles = [entry.title for entry in codelists.get(codelist)]
        written += [*titles, "\n".join(f"{n}. {t}" for n, t in enumerate(titles[:3], 1))]
    return st.one_of(
        st.none(),
        st.sampled_from(written),
        st.text(max_size=6),
        st.integers(-5, 150200),
        st.floats(allow_nan=False, allow_infinity=False),
        st.booleans(),
        st.sampled_from([150200.0, 3.0, -0.0, 2.0**60, CellError(""), CellError("#N/A")]),
        st.dates().map(lambda day: datetime.datetime.combine(day, datetime.time())),
    )


def _judged_one_by_one(
    reader: BookReader, plan: Plan, cells: tuple[Any, ...]
) -> tuple[dict[str, Any], list[Finding]]:
    data: dict[str, Any] = {}
    findings: list[Finding] = []
    for index, column, _ in plan.columns:
        # A cell as openpyxl gives it: the compiled row also takes calamine's raw cells.
        raw = cell_value(cells[index]) if index < len(cells) else None
        if raw is not None:
            reader.put(data, column, raw, at=("$.items[0]", "表", index, 3), findings=findings)
    return data, findings


@pytest.mark.parametrize("table", TABLES)
@given(data=st.data())
def test_compiled_row_is_every_cell_judged(table: Table, data: st.DataObject) -> None:
    """Data, findings, their order and places: the same as each cell put in turn (a row as
    calamine gives it, ``""`` for an empty cell and whole numbers as floats, included)."""
    mapping = [(index, Target("column", column)) for index, column in enumerate(table.columns)]
    no_book = cast(Workbook, None)  # put_columns reads no sheet
    reader = BookReader(no_book, layout_for(_kind_of(table)), exact=True, name="x.xlsx")
    plan = Plan.of(mapping, exact=True)
    assert plan.fill is not None
    width = data.draw(st.integers(0, len(table.columns)), label="row width")
    cells = tuple(data.draw(_cell(column)) for column in table.columns[:width])
    compiled: dict[str, Any] = {}
    findings: list[Finding] = []
    reader.put_columns(compiled, plan, cells, at=("$.items[0]", "表", 3), findings=findings)
    expected, expected_findings = _judged_one_by_one(reader, plan, cells)
    assert compiled == expected
    assert list(compiled) == list(expected)  # elements in column order
    assert findings == expected_findings
    # The next row with the same cells (numbered texts are split once a sheet) is read the
    # same, into entries of its own: changing one item's list changes no other item's.
    again: dict[str, Any] = {}
    reader.put_columns(again, plan, cells, at=("$.items[0]", "表", 3), findings=[])
    assert again == expected
    assert not any(again[key] is value for key, value in compiled.items() if type(value) is list)


def test_department_files_have_no_compiled_row() -> None:
    """A department's cells are every one judged (spaces, aliases, numbers as text)."""
    table = layout_for("power-list").main
    assert table is not None
    mapping = [(index, Target("column", column)) for index, column in enumerate(table.columns)]
    assert Plan.of(mapping, exact=False).fill is None


def _kind_of(table: Table) -> str:
    return next(kind.id for kind in kinds.all_kinds() if table in layout_for(kind.id).tables)
