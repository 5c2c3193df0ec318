"""Label/value tables: a label cell, then its value, as 政务服务网 pages export a guide.

A row holds one pair (``法定办结时限 | 20个工作日``) or two (``办件类型 | 承诺件 | 办理形式 |
窗口办理``); a value that spans the rest of the row is one value (a merged cell repeats in every
column it covers, so repeats are folded). A row of labels only, followed by a row without any,
is a header for the row below it (``审批结果类型 | 审批结果名称 | 审批结果样本`` over ``证照 |
林木采伐许可证 | 查看``). Labels are compared folded: no spaces (``提 交 材 料 名 称``), no colon.

>>> rows = [["法定办结时限", "20个工作日", "承诺办结时限", "7个工作日"]]
>>> rows.append(["咨询方式", "电话", "电话", "电话"])
>>> [(pair.label, pair.value) for pair in pairs(rows, is_label=lambda text: True)]
[('法定办结时限', '20个工作日'), ('承诺办结时限', '7个工作日'), ('咨询方式', '电话')]
>>> fold(" 提 交 材 料 名 称： ")
'提交材料名称'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence

import attrs

__all__ = ["Pair", "fold", "is_label_value_table", "pairs", "unique_cells"]

_NOISE = re.compile(r"[\s\u3000:：*＊]")


def fold(label: str) -> str:
    """A label as matching sees it: NFKC, without spaces, colons or a leading ``*``."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", label))


@attrs.frozen
class Pair:
    """A label and its value, with where each stands (1-based row and column of the table).

    Attributes:
        label: the label as written.
        value: the value's text (empty when the label has none).
        row: the row of the value.
        column: the column of the value.
    """

    label: str
    value: str
    row: int
    column: int


def unique_cells(row: Sequence[str]) -> list[tuple[int, str]]:
    """A row's cells as (column, text), a merged cell's repeats folded into its first column."""
    found: list[tuple[int, str]] = []
    for column, text in enumerate(row, start=1):
        if found and text == found[-1][1] and text:
            continue
        found.append((column, text.strip()))
    return found


def pairs(rows: Sequence[Sequence[str]], *, is_label: Callable[[str], bool]) -> Iterator[Pair]:
    """Each label and its value in a label/value table, in reading order."""
    number = 0
    while number < len(rows):
        cells = unique_cells(rows[number])
        below = unique_cells(rows[number + 1]) if number + 1 < len(rows) else []
        if _is_header(cells, below, is_label):
            yield from _header_pairs(cells, below, number + 2)
            number += 2
            continue
        yield from _row_pairs(cells, number + 1)
        number += 1


def _is_header(
    cells: list[tuple[int, str]], below: list[tuple[int, str]], is_label: Callable[[str], bool]
) -> bool:
    """Labels only (at least two), over a row that starts with no label."""
    texts = [text for _, text in cells if text]
    return (
        len(texts) >= 2
        and all(is_label(text) for text in texts)
        and bool(below)
        and not is_label(below[0][1])
    )


def _header_pairs(
    header: list[tuple[int, str]], below: list[tuple[int, str]], row: int
) -> Iterator[Pair]:
    values = dict(below)
    for column, label in header:
        if label:
            yield Pair(label, values.get(column, ""), row, column)


def _row_pairs(cells: list[tuple[int, str]], row: int) -> Iterator[Pair]:
    for position in range(0, len(cells), 2):
        column, label = cells[position]
        value_column, value = cells[position + 1] if position + 1 < len(cells) else (column, "")
        if label:
            yield Pair(label, value, row, value_column)


def is_label_value_table(rows: Sequence[Sequence[str]], is_label: Callable[[str], bool]) -> bool:
    """Whether most rows start with a label (at least two rows do)."""
    starts = [unique_cells(row)[0][1] for row in rows if row and any(cell.strip() for cell in row)]
    labelled = sum(1 for text in starts if text and is_label(text))
    return labelled >= 2 and labelled * 2 >= len(starts)
