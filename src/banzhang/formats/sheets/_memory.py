"""A sheet whose rows are held in memory: a .csv's text, a Word table's cells."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from banzhang.formats.sheets._contract import Cell, Range, Rows, SheetState, worksheet_words

__all__ = ["MemorySheet"]


class MemorySheet:
    """Rows read whole already, in the plain form (``None`` for an empty cell), with the merged
    ranges the file gave."""

    state: SheetState = "visible"
    parsed = True

    def __init__(self, title: str, rows: list[tuple[Cell, ...]], merged: Sequence[Range] = ()):
        self.title = title
        self._rows = rows
        self._merged = list(merged)

    def rows(self, *, max_col: int | None = None) -> Iterator[tuple[Cell, ...]]:
        if max_col is None:
            return iter(self._rows)
        return ((row + (None,) * (max_col - len(row)))[:max_col] for row in self._rows)

    def native_rows(self) -> Rows:
        return Rows("plain", self.rows())

    def merged(self) -> list[Range]:
        return list(self._merged)

    def words(self, row: int | None = None, column: int | None = None) -> str:
        return worksheet_words(self.title, row, column)
