"""Where each value of a workbook was read, and the findings that name it.

A finding about an item names its cell (``权责清单!C7``) beside its ``$`` path: every object the
reader builds remembers the row it came from and the letter of each element's column, and
:func:`locate` turns a path into the cell that holds it (or the row of its nearest parent).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import attrs

from banzhang.validation.catalogue import rule
from banzhang.validation.findings import Finding
from banzhang.validation.places import Cell, Place, Sheet, column_number

__all__ = [
    "Headers",
    "ReadItem",
    "RowSource",
    "finding",
    "header_texts",
    "in_its_column",
    "locate",
    "read_item",
    "row_source",
    "with_header",
]

_INDEX_INDICES = re.compile(r"\[\d+\]")
#: The line breaks (and the spaces around them) of a header written over several lines.
_BREAKS = re.compile(r"\s*\n\s*")

#: The headers of each sheet read by its header row, as written: sheet → column (from 1) → text.
Headers = dict[str, dict[int, str]]


class RowSource(NamedTuple):
    """Where one object of the document was read: a row, and the letter of each element.

    A named tuple rather than an attrs class: the reader makes one for every row it reads, and
    a tuple is made in half the time of a frozen attrs instance.

    Attributes:
        path: the ``$`` path of the object the row holds (``$.items[3]``).
        sheet: the sheet name.
        row: the 1-based row number.
        letters: element id → column letter (shared by every row of the sheet).
    """

    path: str
    sheet: str
    row: int
    letters: dict[str, str]


class ReadItem(NamedTuple):
    """One item as read, with what the reader noticed and where it came from (a named tuple,
    as :class:`RowSource`: one is made for every item).

    Attributes:
        data: the item as JSON-shaped data.
        findings: the reader's findings (their ``source`` set).
        sources: the rows the item was read from.
    """

    data: dict[str, Any]
    findings: list[Finding]
    sources: list[RowSource]


#: A :class:`RowSource` from a tuple of its fields, made without the named tuple's own
#: ``__new__`` (a Python function: the reader makes a source for every row, and this takes
#: two thirds of the time).
row_source: Callable[[tuple[str, str, int, dict[str, str]]], RowSource] = functools.partial(
    tuple.__new__, RowSource
)
#: A :class:`ReadItem` from a tuple of its fields, the same way (one for every item).
read_item: Callable[[tuple[dict[str, Any], list[Finding], list[RowSource]]], ReadItem] = (
    functools.partial(tuple.__new__, ReadItem)
)


def locate(path: str, sources: list[RowSource]) -> Place | None:
    """The cell of a ``$`` path (``Sheet!C7``), from the rows that hold it (or its nearest
    parent)."""
    found = _row_and_element(path, sources)
    if found is None:
        return None
    best, element = found
    letter = best.letters.get(element, "A")
    return Place.cell(best.sheet, best.row, column_number(letter))


def in_its_column(path: str, sources: list[RowSource]) -> bool:
    """Whether :func:`locate` finds the column of ``path`` (or of an element holding it), not
    only its row (an element left out has no column: its row's first cell stands for it)."""
    found = _row_and_element(path, sources)
    return found is not None and found[1] in found[0].letters


def _row_and_element(path: str, sources: list[RowSource]) -> tuple[RowSource, str] | None:
    """The row nearest to ``path``, and the element of ``path`` (or holding it) it has a
    column for (``""`` for none)."""
    best: RowSource | None = None
    for source in sources:
        if (path == source.path or path.startswith((source.path + ".", source.path + "["))) and (
            best is None or len(source.path) > len(best.path)
        ):
            best = source
    if best is None:
        return None
    rest = path[len(best.path) :].lstrip(".")
    element = _INDEX_INDICES.sub("", rest)
    while element and element not in best.letters:
        element = element.rpartition(".")[0]
    return best, element


def header_texts(row: Sequence[Any]) -> dict[int, str]:
    """Each column's header in ``row`` (by its number, from 1) as the department wrote it, its
    lines joined."""
    return {
        index: _BREAKS.sub("", str(cell)).strip()
        for index, cell in enumerate(row, start=1)
        if cell is not None and str(cell).strip()
    }


def with_header(found: Finding, headers: Headers) -> Finding:
    """``found`` with the header above its cell, when it names a cell of a sheet in ``headers``."""
    if found.place is None or found.header is not None:
        return found
    sheet, cell = found.place.find(Sheet), found.place.find(Cell)
    header = headers.get(sheet.title, {}).get(cell.column) if sheet and cell else None
    return attrs.evolve(found, header=header) if header else found


def finding(rule_id: str, path: str, message: str, value: Any, source: Place) -> Finding:
    """A reader's finding of ``rule_id`` about ``value`` at the cell ``source``."""
    return Finding(rule_id, rule(rule_id).severity, path, message, value, "excel", source)
