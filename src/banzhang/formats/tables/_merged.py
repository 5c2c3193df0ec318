"""Merged cells in a department's sheet, read as the reader of the printed sheet reads them.

A cell merged down over several rows (a 部门 over its items, a 发起部门 over two 抽查事项) holds
its value for each of them: the rows below its first get the value in that column — except an
item's name or 序号 merged down, which say that the rows below belong to the item above (its
子项), as the reader takes them. A header
merged across columns (``收费项目`` over a name and its ``(1)`` sub-name) makes them one
element: the row's texts under it are joined (``签证费：(1)代办外国签证``). Cells merged across
a data row (a name spanning two columns) hold one value, in their first column, as they are.
banzhang's own workbooks merge no cells.

>>> rows = [("部门", "项目"), ("教育", "学费"), (None, "住宿费")]
>>> list(fill_down(iter(rows), [(1, 0, 2, 0)]))
[('部门', '项目'), ('教育', '学费'), ('教育', '住宿费')]
>>> list(join_columns(iter([("签证费", "(1)代办")]), [(0, 1)]))
[('签证费：(1)代办', None)]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["fill_down", "header_spans", "join_columns"]

#: A merged range: (first row, first column, last row, last column), from 0.
Range = tuple[int, int, int, int]


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def fill_down(
    rows: Iterator[Sequence[Any]], ranges: list[Range], *, start: int = 0
) -> Iterator[tuple[Any, ...]]:
    """The rows (the first is row ``start``, from 0) with each cell merged down given the
    value of the range's first cell."""
    below: dict[int, list[tuple[int, int]]] = {}  # row → (column, first row of its range)
    for top, left, bottom, _right in ranges:
        for covered in range(top + 1, bottom + 1):
            below.setdefault(covered, []).append((left, top))
    anchors: dict[tuple[int, int], Any] = {}
    wanted = {(top, left) for top, left, bottom, _ in ranges if bottom > top}
    for number, cells in enumerate(rows, start=start):
        row = tuple(cells)
        for column in (left for top, left in wanted if top == number):
            anchors[(number, column)] = row[column] if column < len(row) else None
        fills = below.get(number)
        if fills:
            cells_list = list(row)
            for column, top in fills:
                value = anchors.get((top, column))
                if column >= len(cells_list):
                    cells_list += [None] * (column + 1 - len(cells_list))
                if _blank(cells_list[column]) and value is not None:
                    cells_list[column] = value
            row = tuple(cells_list)
        yield row


def header_spans(ranges: list[Range], header_row: int) -> list[tuple[int, int]]:
    """The (first, last) columns of each header cell merged across columns in ``header_row``."""
    return [
        (left, right)
        for top, left, bottom, right in ranges
        if top <= header_row <= bottom and right > left
    ]


def join_columns(
    rows: Iterator[Sequence[Any]], spans: list[tuple[int, int]]
) -> Iterator[tuple[Any, ...]]:
    """The rows with the texts under each spanning header joined into its first column."""
    for cells in rows:
        row = list(cells)
        for first, last in spans:
            parts = [str(row[i]).strip() for i in range(first, min(last + 1, len(row)))]
            texts = [part for index, part in enumerate(parts) if not _blank(row[first + index])]
            if len(texts) > 1 or (texts and _blank(row[first])):
                row[first] = "：".join(dict.fromkeys(texts))
                for index in range(first + 1, min(last + 1, len(row))):
                    row[index] = None
        yield tuple(row)


def join_parts(
    rows: Iterator[Sequence[Any]], parts: list[tuple[int, int]]
) -> Iterator[tuple[Any, ...]]:
    """The rows with each ``(column, part)`` pair's texts joined into ``column`` (``15%；每月``):
    one element a department wrote in two columns."""
    for cells in rows:
        row = list(cells)
        for first, other in parts:
            if other >= len(row) or _blank(row[other]):
                continue
            if first >= len(row):
                row += [None] * (first + 1 - len(row))
            texts = [str(row[i]).strip() for i in (first, other) if not _blank(row[i])]
            row[first] = "；".join(dict.fromkeys(texts))
            row[other] = None
        yield tuple(row)
