"""A sheet's column mapping worked out once, and the per-row work it makes cheap.

Reading a list is mostly one step repeated: put each element cell of a row into the row's
object. In banzhang's own workbooks that step is a plain assignment for nearly every cell (text
as written, a codelist's title looked up, numbered lines split), so a plan compiles the row of
a sheet into one small function with each column's step written out: no loop over columns, no
attribute lookups, no decisions that are the same for every row. Cells that need judging (a
number in a text column, a date, a yes/no) go to the reader's general ``put``, in column order,
so each finding keeps its place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from banzhang.formats.sheets import cell_value
from banzhang.formats.tables._cells import codes_by_title, split_numbered, split_titles
from banzhang.formats.tables._headers import Target
from banzhang.formats.tables._layout import Column

__all__ = ["Fill", "Plan", "Put"]

#: The reader's general step for one cell: (object, column, cell value, place, findings).
Put = Callable[..., None]
#: A compiled row: (object, cells of a row wide enough — a tuple, or a list as calamine gives
#: it —, put, place, findings).
Fill = Callable[[dict[str, Any], Sequence[Any], Put, tuple[str, str, int], list[Any]], None]


@attrs.frozen
class Plan:
    """A sheet's column mapping sorted for the per-row loop, worked out once a sheet.

    Attributes:
        index: the column of the 序号, if any.
        columns: (column index, element column, its one key when the element is not nested)
            for each element column.
        linked: the ``linked-text`` and ``linked-field`` targets (departments' files only).
        width: the cells a row needs for every element column (shorter rows are padded).
        fill: the compiled row of banzhang's own workbooks; ``None`` for a department's file,
            whose every cell is judged.
    """

    index: int | None
    columns: tuple[tuple[int, Column, str | None], ...]
    linked: tuple[tuple[int, Target], ...]
    width: int
    fill: Fill | None

    @classmethod
    def of(cls, mapping: list[tuple[int, Target]], *, exact: bool) -> Plan:
        """The plan of ``mapping``; ``exact`` for banzhang's own workbooks."""
        index = next((at for at, target in mapping if target.role == "index"), None)
        columns = tuple(
            (at, target.column, target.column.path[0] if len(target.column.path) == 1 else None)
            for at, target in mapping
            if target.role == "column" and target.column is not None
        )
        linked = tuple(
            (at, target) for at, target in mapping if target.role in ("linked-text", "linked-field")
        )
        width = max((at for at, _, _ in columns), default=-1) + 1
        return cls(index, columns, linked, width, _compile(columns) if exact else None)


def _compile(columns: tuple[tuple[int, Column, str | None], ...]) -> Fill:
    """Write out the row of a sheet of banzhang's own workbook as one function.

    Each column becomes: take the cell; if it is text, set what banzhang wrote for it (the text
    itself, the code of a codelist title, the entries of numbered lines); otherwise (or for a
    column whose text needs judging) hand it to ``put``, as openpyxl would give it
    (:func:`._whole.cell_value`: a row may come as calamine gives it, ``""`` for an empty cell
    and whole numbers as floats). The codelist titles are those of the
    codelists in force when the workbook is opened (a profile may replace a codelist).
    """
    namespace: dict[str, Any] = {
        "split": split_numbered,
        "split_titles": split_titles,
        "remember": _remember,
        "cell": cell_value,
    }
    lines = ["def fill(data, cells, put, at, findings):"]
    for position, (index, column, key) in enumerate(columns):
        namespace[f"column_{position}"] = column
        place = f"(at[0], at[1], {index}, at[2])"
        general = f"put(data, column_{position}, cell(v), at={place}, findings=findings)"
        taken = _taken(column, position, namespace)
        lines.append(f"    v = cells[{index}]")
        if taken is None:
            lines += ["    if v is not None and (type(v) is not str or v):", f"        {general}"]
            continue
        if column.multi:  # an array with no entries (text "[]") is left out, not set empty
            # Numbered cells repeat from item to item (行使层级, 基本流程): each text's entries
            # (codes of titles included) are made once a sheet, and every item gets its own
            # copy of them.
            namespace[f"seen_{position}"] = {}
            text = [
                f"            entries = seen_{position}.get(v)",
                "            if entries is None:",
                f"                entries = remember(seen_{position}, v, {taken})",
                "            if entries:",
                f"                {_target(key, column)} = entries[:]",
            ]
        else:
            text = [f"            {_target(key, column)} = {taken}"]
        lines += [
            "    if type(v) is str:",
            "        if v:",
            *text,
            "    elif v is not None:",
            f"        {general}",
        ]
    lines.append("    return None")
    exec("\n".join(lines), namespace)  # noqa: S102 - our own source, built from declarations
    fill: Fill = namespace["fill"]
    return fill


#: The most numbered texts a column of a sheet remembers split (a bound on the memory it takes).
_REMEMBERED = 1024


def _remember(seen: dict[str, list[Any]], text: str, entries: list[Any]) -> list[Any]:
    """``entries``, kept as the split of ``text`` while the column has room for it."""
    if len(seen) < _REMEMBERED:
        seen[text] = entries
    return entries


def _taken(column: Column, position: int, namespace: dict[str, Any]) -> str | None:
    """The expression of a text cell's value as banzhang wrote it; ``None``: it needs judging."""
    if column.titled or column.titled_entries:
        titles = f"titles_{position}"
        namespace[titles] = codes_by_title(column.spec.element.codelist or "")
        if column.titled:
            return f"{titles}.get(v, v)"
        return f"[{titles}.get(entry, entry) for entry in split_titles(v, {titles})]"
    if column.verbatim_entries:
        return "split(v, exact=True)"
    if column.verbatim:
        return "v"
    return None


def _target(key: str | None, column: Column) -> str:
    """Where the value goes: ``data['name']``, or ``data.setdefault('agency', {})['name']``."""
    if key is not None:
        return f"data[{key!r}]"
    parents = "".join(f".setdefault({name!r}, {{}})" for name in column.path[:-1])
    return f"data{parents}[{column.path[-1]!r}]"
