"""Gather a list's items from its main sheet and the linked sheets beside it.

Each item is one row of the main sheet (in a department's file, with the 子项 rows merged under
it); each linked sheet (子项, 设定依据, …) is walked alongside, its rows carrying the 序号 of their
item, in order. Rows that fit no item become findings naming their row; nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol

import attrs

from banzhang import codes
from banzhang.declare import fields_of
from banzhang.formats.sheets import cell_value
from banzhang.formats.tables._cells import split_numbered
from banzhang.formats.tables._headers import Target
from banzhang.formats.tables._layout import Column, Layout, Table
from banzhang.formats.tables._plan import Plan
from banzhang.formats.tables._sources import ReadItem, RowSource, finding, read_item, row_source
from banzhang.formats.tables.entries import entry_parser, parse_entries
from banzhang.formats.tables.entries import sub_item as sub_item_entry
from banzhang.validation.findings import Finding
from banzhang.validation.places import Place

__all__ = ["BookReader", "ItemBuilder", "LinkedCursor", "TableRows", "required_arrays"]

#: A 序号 as compared: numbers (written as numbers or digits) before any other text.
Key = tuple[int, int | str]


class BookReader(Protocol):
    """What gathering items asks of the workbook reader (``_reader.BookReader``)."""

    exact: bool
    layout: Layout
    required_arrays: tuple[str, ...]

    def table_rows(
        self, table: Table, findings: list[Finding], *, row_findings: list[Finding] | None = None
    ) -> TableRows | None:
        """The data rows of ``table`` (``None``: its sheet is absent)."""

    def put_columns(
        self,
        data: dict[str, Any],
        plan: Plan,
        cells: Sequence[Any],
        *,
        at: tuple[str, str, int],
        findings: list[Finding],
    ) -> None:
        """Set every element column's value of a row in ``data``."""

    def put(
        self,
        data: dict[str, Any],
        column: Column,
        raw: Any,
        *,
        at: tuple[str, str, int, int],
        findings: list[Finding],
    ) -> None:
        """Set one cell's value in ``data``."""


@attrs.define
class TableRows:
    """A table's data rows as found in a sheet, with what every row of the sheet shares.

    Attributes:
        sheet: the sheet the table was found in (a department's ``Sheet1``).
        mapping: (column index, what the column holds) for each mapped column.
        letters: element id → column letter.
        plan: the mapping worked out for the per-row loop.
        rows: (row number, cells) of each row that is not blank.
        header: the header row as written.
        continued: the rows (from 1) under an item's name merged down over them, in a list
            whose items have no 子项: more of the item above (a second 检查对象 and its 比例).
    """

    sheet: str
    mapping: list[tuple[int, Target]]
    letters: dict[str, str]
    plan: Plan
    rows: Iterator[tuple[int, Sequence[Any]]]
    header: tuple[Any, ...] = ()
    continued: frozenset[int] = frozenset()


class ItemBuilder:
    """Gathers one item from its row (and, in departments' files, its 子项 rows below)."""

    __slots__ = (
        "data",
        "findings",
        "index",
        "key",
        "path",
        "reader",
        "rows_found",
        "sources",
        "table",
    )

    def __init__(self, reader: BookReader, table: TableRows, *, index: int) -> None:
        self.reader = reader
        self.table = table
        self.index = index
        self.path = f"$.items[{index}]"
        self.data: dict[str, Any] = {}
        self.findings: list[Finding] = []
        self.sources: list[RowSource] = []
        self.key: Any = None
        #: What reading the linked sheets' rows found while the item took its entries (a
        #: column without a header): told after its own rows' findings, as read in turn.
        self.rows_found: list[Finding] = []

    def continues_with(self, cells: Sequence[Any]) -> bool:
        """A row with only 子项 fields continues the item above (主项 cells merged over it)."""
        mapping = self.table.mapping
        own = any(
            target.role in ("column", "linked-text")
            and index < len(cells)
            and cells[index] is not None
            for index, target in mapping
        )
        fields = any(
            target.role == "linked-field" and index < len(cells) and cells[index] is not None
            for index, target in mapping
        )
        return fields and not own

    def add_row(self, row_number: int, cells: Sequence[Any]) -> None:
        table = self.table
        self.sources.append(row_source((self.path, table.sheet, row_number, table.letters)))
        plan = table.plan
        if plan.index is not None and self.key is None and plan.index < len(cells):
            self.key = cell_value(cells[plan.index])
        at = (self.path, table.sheet, row_number)
        self.reader.put_columns(self.data, plan, cells, at=at, findings=self.findings)
        if plan.linked:
            self._add_linked(row_number, cells, plan.linked)

    def _add_linked(
        self, row_number: int, cells: Sequence[Any], targets: tuple[tuple[int, Target], ...]
    ) -> None:
        """A department's row: 子项 fields beside the item's own, or an array as numbered text."""
        entries: dict[str, dict[str, Any]] = {}
        for index, target in targets:
            raw = cell_value(cells[index]) if index < len(cells) else None
            if target.role == "linked-text" and target.linked is not None and raw is not None:
                self._add_text_entries(target.linked, raw)
            elif target.linked is not None and target.column is not None:  # linked-field
                entry = entries.setdefault(target.linked.element or "", {})
                element = target.linked.element or ""
                position = len(self.data.get(element, []))
                at = (f"{self.path}.{element}[{position}]", self.table.sheet, index, row_number)
                self.reader.put(entry, target.column, raw, at=at, findings=self.findings)
        for element, entry in entries.items():
            if entry:
                self.data.setdefault(element, []).append(entry)

    # -- layout (b): 子项 codes in the main code column, the 主项 name merged over them ---------

    def takes_sub_row(self, cells: Sequence[Any]) -> bool:
        """A row with no name of its own whose code is a 子项 of this item's 主项 (SPEC §10 b)."""
        mapping = self.table.mapping
        if _cell_of(cells, mapping, "name") is not None:
            return False  # the usual row: an item of its own (no code parsed for it)
        main = _main_code(self.data.get("basic_code"))
        return main is not None and _main_code(_cell_of(cells, mapping, "basic_code")) == main

    def add_sub_row(self, row_number: int, cells: Sequence[Any]) -> None:
        """Add the row as one more 子项 (its code from the code column, its name beside it)."""
        table = self.table
        self.sources.append(RowSource(self.path, table.sheet, row_number, table.letters))
        self._lift_to_main()
        entry = {"basic_code": str(_cell_of(cells, table.mapping, "basic_code")).strip()}
        entry.update(_sub_name(cells, table.mapping))
        self.data.setdefault("sub_items", []).append(entry)

    def _lift_to_main(self) -> None:
        """The first row's code is a 子项's: the item becomes its 主项 (``00Y``) with that 子项."""
        code = self.data.get("basic_code")
        main = _main_code(code)
        if main is None or main == code:
            return
        subs = self.data.get("sub_items", [])
        first: dict[str, Any] = {"basic_code": code}
        if len(subs) == 1 and "basic_code" not in subs[0]:
            first.update(subs.pop())
        self.data["sub_items"] = [first, *subs]
        self.data["basic_code"] = main

    def _add_text_entries(self, table: Table, raw: Any) -> None:
        texts = split_numbered(str(raw), exact=self.reader.exact)
        if self.reader.exact:  # banzhang writes one entry a line, as it is
            parse = entry_parser(table.model)
            entries = [parse(text) for text in texts if text.strip()]
        else:  # a department's: several citations in one entry are several 依据
            entries = parse_entries(table.model, texts)
        self.data.setdefault(table.element or "", []).extend(entries)

    def rows_read(self) -> None:
        """The item's own rows are all read: what they say is settled before linked entries
        are added (its 序号; in a department's file, whether it is a 主项)."""
        subs = self.data.get("sub_items", [])
        if not self.reader.exact and any("basic_code" not in sub for sub in subs):
            self._lift_to_main()  # a 子项 code with its name beside it: the item is its 主项
        if self.key is None:
            self.key = self.index + 1

    def take(self, cursor: LinkedCursor) -> None:
        """Add the entries of the linked sheet ``cursor`` walks that carry the item's 序号."""
        entries = cursor.take(self.key, self.path, self.sources, self.findings)
        if entries:
            self.data.setdefault(cursor.element, []).extend(entries)
        if cursor.rows_found:
            self.rows_found += cursor.rows_found
            cursor.rows_found.clear()

    def finish(self) -> ReadItem:
        """The item, once every linked sheet has been taken from."""
        for name in self.reader.required_arrays:
            self.data.setdefault(name, [])
        return read_item((self.data, self.findings, self.sources))


class LinkedCursor:
    """Walks a linked sheet alongside the main one: its rows carry their item's 序号, in order.

    A row whose 序号 is larger than the next row's, which in turn follows the rows read so far in
    order, is a mistyped 序号, not the start of a later item (1, 5, 3: the 5): it is set aside at
    once, so the correct rows after it still reach their items. Where it
    stands in place of an item's only rows of a table every item must have, it is read as that
    item's (with a finding): the item is not also reported as missing the table.
    """

    def __init__(self, reader: BookReader, table: Table, findings: list[Finding]) -> None:
        self.reader = reader
        self.table = table
        self.element = table.element or ""
        #: What reading rows found since an item last took from the cursor (see ItemBuilder).
        self.rows_found: list[Finding] = []
        self.found = reader.table_rows(table, findings, row_findings=self.rows_found)
        self.rows = self.found.rows if self.found is not None else iter(())
        self.index = self.found.plan.index if self.found is not None else None
        #: Rows read ahead (at most two): row number, cells, 序号 as written and as compared.
        self.ahead: list[tuple[int, Sequence[Any], Any, Key | None]] = []
        self.unmatched: list[Finding] = []
        #: The 序号 of the last row read into an item: a mistyped row breaks the order after it.
        self.last_key: Key | None = None
        parent = reader.layout.main.model if reader.layout.main is not None else None
        specs = {spec.name: spec for spec in fields_of(parent)} if parent is not None else {}
        spec = specs.get(self.element)
        self.every_item_has_rows = spec is not None and spec.required
        #: In banzhang's own files a required array with no entries is empty, not absent.
        self.required_arrays = required_arrays(table.model) if reader.exact else ()

    def _peek(self, offset: int = 0) -> tuple[int, Sequence[Any], Any, Key | None] | None:
        ahead, index = self.ahead, self.index
        while len(ahead) <= offset:
            row = next(self.rows, None)
            if row is None:
                return None
            row_number, cells = row
            written = cells[index] if index is not None and index < len(cells) else None
            if type(written) is not int:  # a float or "" as calamine gives it, or anything else
                written = cell_value(written)
            if type(written) is int:  # the usual 序号
                compared: Key | None = (0, written)
            else:
                compared = None if written is None else as_key(written)
            ahead.append((row_number, cells, written, compared))
        return ahead[offset]

    def take(
        self, key: Any, item_path: str, sources: list[RowSource], findings: list[Finding]
    ) -> list[dict[str, Any]]:
        """The entries of the item with 序号 ``key`` from the rows next in the sheet; their
        places are added to ``sources``, rows that belong to no item set aside as findings."""
        entries: list[dict[str, Any]] = []
        wanted = as_key(key)
        ahead, peek = self.ahead, self._peek
        prefix = f"{item_path}.{self.element}["
        while (peeked := ahead[0] if ahead else peek()) is not None:
            # The common cases: the next row is this item's, or a later item's (the row after
            # it does not go back before it: not a mistyped 序号). Anything else is judged apart.
            compared = peeked[3]
            if compared != wanted:
                if compared is not None and compared > wanted and not self._mistyped(compared):
                    break  # the row stays for a later item
                if not self._read_out_of_order(peeked, key, entries, findings):
                    if ahead and ahead[0] is peeked:
                        break  # the row stays for a later item
                    continue  # the row was set aside
            del ahead[0]
            self.last_key = wanted
            entries.append(self._entry(peeked, f"{prefix}{len(entries)}]", sources, findings))
        if self.unmatched:
            findings.extend(self.unmatched)
            self.unmatched = []
        return entries

    def _read_out_of_order(
        self,
        peeked: tuple[int, Sequence[Any], Any, Key | None],
        key: Any,
        entries: list[dict[str, Any]],
        findings: list[Finding],
    ) -> bool:
        """Whether a row whose 序号 is not the item's is read as the item's all the same (in
        place of a mistyped 序号); when not, it either stays ahead for a later item, or is
        taken off and set aside as matching no item."""
        row_number, _cells, written, compared = peeked
        wanted = as_key(key)
        if compared is not None and compared > wanted:
            if not self._mistyped(compared):
                return False  # a later item's row
            after = self._peek(1)
            stands_before_later_items = after is not None and (after[3] or wanted) > wanted
            if stands_before_later_items and entries:
                return False  # the next item's place: let it decide
            if stands_before_later_items and self.every_item_has_rows:
                findings.append(self._read_by_place(row_number, written, key))
                return True
        self.ahead.pop(0)
        self.unmatched.append(self._orphan(row_number, written))
        return False

    def _mistyped(self, compared: Key) -> bool:
        """The next row alone breaks the order: the row after it follows the rows read so far."""
        after = self._peek(1)
        after_key = after[3] if after is not None else None
        if after_key is None or not after_key < compared:
            return False
        return self.last_key is None or self.last_key < after_key

    def _entry(
        self,
        peeked: tuple[int, Sequence[Any], Any, Key | None],
        path: str,
        sources: list[RowSource],
        findings: list[Finding],
    ) -> dict[str, Any]:
        found = self.found
        assert found is not None  # a row was read from it
        row_number, sheet = peeked[0], found.sheet
        entry: dict[str, Any] = {}
        self.reader.put_columns(
            entry, found.plan, peeked[1], at=(path, sheet, row_number), findings=findings
        )
        for name in self.required_arrays:
            entry.setdefault(name, [])
        sources.append(row_source((path, sheet, row_number, found.letters)))
        return entry

    def leftovers(self) -> list[Finding]:
        """The rows left after the last item: each a finding (they fit no item)."""
        found = []
        while (peeked := self._peek()) is not None:
            self.ahead.pop(0)
            found += self.rows_found
            self.rows_found.clear()
            found.append(self._orphan(peeked[0], peeked[2]))
        return found + self.rows_found

    def _read_by_place(self, row_number: int, written: Any, key: Any) -> Finding:
        message = (
            f"工作表“{self.table.sheet}”第 {row_number} 行的序号写为“{written}”，与前后行不连续；"
            f"它位于序号 {key} 的事项所在位置，已按位置读作该事项的内容，请改正序号"
        )
        source = Place.cell(self.table.sheet, row_number, 1)
        return finding("excel.linked-row", "$", message, written, source)

    def _orphan(self, row_number: int, key: Any) -> Finding:
        written = "没有填写序号" if key is None else f"的序号“{key}”对不上主表中的事项"
        message = (
            f"工作表“{self.table.sheet}”第 {row_number} 行{written}"
            "（应与主表序号一致，且按主表顺序排列），该行未读入"
        )
        return finding(
            "excel.linked-row", "$", message, key, Place.cell(self.table.sheet, row_number, 1)
        )


def required_arrays(model: type[Any]) -> tuple[str, ...]:
    """The required arrays of ``model`` (``items`` aside): an object of banzhang's own files
    that has no entries of one has it empty, not absent. Learned once a model."""
    found = _REQUIRED_ARRAYS.get(model)
    if found is None:
        found = _REQUIRED_ARRAYS[model] = tuple(
            spec.name
            for spec in fields_of(model)
            if spec.shape == "array" and spec.required and spec.name != "items"
        )
    return found


_REQUIRED_ARRAYS: dict[type[Any], tuple[str, ...]] = {}


def as_key(value: Any) -> Key:
    """A 序号 as compared: numbers (written as numbers or digits) before any other text."""
    if type(value) is int:
        return (0, value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, int(value))
    text = str(value).strip()
    return (0, int(text)) if text.isdigit() else (1, text)


def _cell_of(cells: Sequence[Any], mapping: list[tuple[int, Target]], element: str) -> Any:
    """The value of an element's column in a row (``None`` when empty or not mapped)."""
    for index, target in mapping:
        if target.role == "column" and target.column is not None and target.column.id == element:
            value = cells[index] if index < len(cells) else None
            return None if value is None or not str(value).strip() else value
    return None


def _main_code(code: Any) -> str | None:
    """The ``00Y`` 主项 code of a 子项 code, the code itself for a ``00Y``; else None."""
    text = str(code).strip() if code is not None else ""
    if len(text) != codes.basic.LENGTH or not codes.basic.is_valid(text):
        return None
    parsed = codes.basic.parse(text)
    if parsed.has_sub_items:
        return text
    return parsed.main_code if parsed.is_sub_item else None


def _sub_name(cells: Sequence[Any], mapping: list[tuple[int, Target]]) -> dict[str, Any]:
    """The 子项's name from the row's 子项 column (linked text or the 子项名称 field)."""
    for index, target in mapping:
        raw = cells[index] if index < len(cells) else None
        if raw is None or not str(raw).strip() or target.linked is None:
            continue
        if target.linked.element == "sub_items" and target.role in ("linked-text", "linked-field"):
            if target.role == "linked-field" and target.column is not None:
                if target.column.id == "name":
                    return {"name": str(raw).strip()}
                continue
            entry = sub_item_entry(str(raw))
            return {"name": entry["name"]} if "name" in entry else {}
    return {}
