"""Read .xlsx workbooks — banzhang's own exactly, departments' leniently — item by item.

The reader streams (openpyxl read-only mode) and never holds the workbook: each item comes with
its own findings (extra columns, codes stored as numbers, formulas without a value, …) and the
cells it came from, so every finding can name its place as ``Sheet!C7`` beside its ``$`` path.
"""

from __future__ import annotations

import functools
import io
import itertools
import os
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import attrs
from openpyxl.utils import get_column_letter

from banzhang import codes, kinds
from banzhang._version import SPEC_VERSION
from banzhang.declare import fields_of
from banzhang.errors import BanzhangError, UnreadableInput
from banzhang.formats.excel._cells import (
    CellProblem,
    codes_by_title,
    read_value,
    split_numbered,
)
from banzhang.formats.excel._envelope import infer as infer_envelope
from banzhang.formats.excel._headers import Target, match_headers, normalize
from banzhang.formats.excel._layout import Column, Layout, Table, layout_for
from banzhang.formats.excel._readonly import iter_values, load_read_only
from banzhang.formats.excel._safety import Limits, inspect_package
from banzhang.formats.excel._sheets import CODELIST_SHEET, GUIDE_SHEET, META_SHEET
from banzhang.formats.excel._text_entries import entry_parser
from banzhang.formats.excel._text_entries import sub_item as sub_item_entry
from banzhang.formats.excel._whole import WholeBook
from banzhang.validation.catalogue import rule
from banzhang.validation.findings import Finding

__all__ = ["ReadItem", "RowSource", "WorkbookStream", "locate", "open_workbook"]

_HEADER_SEARCH_ROWS = 10
#: A data row as the tables yield it: row number, cells, column mapping, element letters.
Row = tuple[int, tuple[Any, ...], list[tuple[int, "Target"]], dict[str, str]]
_MIN_HEADER_MATCHES = 2
_INDEX_INDICES = re.compile(r"\[\d+\]")


@attrs.frozen
class RowSource:
    """Where one object of the document was read: a row, and the letter of each element.

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


@attrs.frozen
class ReadItem:
    """One item as read, with what the reader noticed and where it came from.

    Attributes:
        data: the item as JSON-shaped data.
        findings: the reader's findings (their ``source`` set).
        sources: the rows the item was read from.
    """

    data: dict[str, Any]
    findings: list[Finding]
    sources: list[RowSource]


@attrs.define
class WorkbookStream:
    """A workbook opened for reading.

    Attributes:
        kind: the kind id.
        exact: whether banzhang wrote the workbook (read exactly, not leniently).
        envelope: the envelope (lists) or the whole document (single documents), as data.
        findings: findings about the envelope and the sheets.
        sources: where the envelope's elements were read.
        items: the items of a list, read lazily (empty for a single document).
    """

    kind: str
    exact: bool
    envelope: dict[str, Any]
    findings: list[Finding]
    sources: list[RowSource]
    items: Iterator[ReadItem]


def locate(path: str, sources: list[RowSource]) -> str | None:
    """Return ``Sheet!C7`` for a ``$`` path, from the rows that hold it (or its nearest parent)."""
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
    letter = best.letters.get(element, "A")
    return f"{best.sheet}!{letter}{best.row}"


def open_workbook(
    source: Any,
    *,
    kind: str | None = None,
    limits: Limits | None = None,
    envelope: dict[str, Any] | None = None,
) -> WorkbookStream:
    """Open ``source`` (a path or binary file object) for reading.

    ``envelope``: envelope elements the caller supplies (``region``, ``level``, ``department``,
    ``version``, ``effective_date``…); they win over what the workbook says or implies.

    Raises:
        UnreadableInput: not a workbook, a zip bomb, no recognisable kind or header.
    """
    name = os.fspath(source) if isinstance(source, str | os.PathLike) else "<workbook>"
    if not isinstance(source, str | os.PathLike):
        source = io.BytesIO(_read_all(source, name))
    scan = inspect_package(source, name, limits or Limits())
    book: Any = WholeBook(source, name) if scan.plain else _load(source, name, data_only=True)
    formulas = _load(source, name, data_only=False) if scan.formulas else None
    meta = _meta(book)
    exact = meta.get("kind") is not None
    found_kind = kind or meta.get("kind") or _detect_kind(book, name)
    layout = layout_for(kinds.get(found_kind).id)
    reader = _BookReader(book, formulas, layout, exact=exact, name=name)
    return reader.open(spec_version=meta.get("spec_version") or SPEC_VERSION, given=envelope)


def _read_all(source: Any, name: str) -> bytes:
    try:
        data = source.read()
    except (AttributeError, OSError, TypeError) as err:
        message = f"无法读取 {name}：应为文件路径或二进制文件对象"
        raise UnreadableInput(message, source=name) from err
    if not isinstance(data, bytes):
        message = f"{name} 应以二进制方式打开"
        raise UnreadableInput(message, source=name)
    return data


def _load(source: Any, name: str, *, data_only: bool) -> Any:
    if hasattr(source, "seek"):
        source.seek(0)
    try:
        return load_read_only(source, data_only=data_only)
    except BanzhangError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, Exception) as err:
        # openpyxl raises many kinds of error for a package that is not a workbook.
        message = f"{name} 不是可读的 .xlsx 工作簿：{type(err).__name__}: {err}"
        raise UnreadableInput(message, source=name) from err


def _meta(book: Any) -> dict[str, str]:
    if META_SHEET not in book.sheetnames:
        return {}
    rows = book[META_SHEET].iter_rows(max_col=2, values_only=True)
    return {str(key): str(value) for key, value in rows if key is not None and value is not None}


def _detect_kind(book: Any, name: str) -> str:
    """Find the kind from sheet names, then from a title row (包头市…权责清单)."""
    titles = sorted(kinds.all_kinds(), key=lambda kind: -len(kind.title))
    for sheet_name in book.sheetnames:
        for kind in titles:
            if normalize(kind.title) in normalize(sheet_name):
                return kind.id
    for sheet_name in book.sheetnames:
        for row in book[sheet_name].iter_rows(max_row=3, values_only=True):
            text = normalize("".join(str(cell) for cell in row if cell is not None))
            for kind in titles:
                if normalize(kind.title) in text:
                    return kind.id
    message = f"无法判断 {name} 是哪类清单：工作表名和标题行都没有写明；请用 --kind 指定"
    raise UnreadableInput(message, source=name)


class _BookReader:
    """Reads one workbook according to one layout."""

    def __init__(self, book: Any, formulas: Any, layout: Layout, *, exact: bool, name: str) -> None:
        self._plans: dict[int, tuple[list[tuple[int, Target]], _Plan]] = {}
        self.book = book
        self.formulas = formulas
        self.layout = layout
        self.exact = exact
        self.name = name
        #: Layout sheet name → the sheet it was found in (a department's "Sheet1").
        self.found_sheets: dict[str, str] = {}

    def open(self, *, spec_version: str, given: dict[str, Any] | None = None) -> WorkbookStream:
        kind = self.layout.kind
        envelope: dict[str, Any] = {"kind": kind.id, "spec_version": spec_version}
        findings: list[Finding] = []
        sources: list[RowSource] = []
        self._read_form(envelope, findings, sources)
        if not self.exact and self.layout.main is not None:
            for key, value in self._inferred_envelope().items():
                envelope.setdefault(key, value)
        envelope.update(given or {})
        if self.layout.main is None:
            self._read_single_linked(envelope, findings, sources)
            self._complete_arrays(envelope, self.layout.kind.document)
            items: Iterator[ReadItem] = iter(())
        else:
            items = self._items(findings)
        return WorkbookStream(kind.id, self.exact, envelope, findings, sources, items)

    def _inferred_envelope(self) -> dict[str, Any]:
        """What the rows above the main sheet's header say of the envelope (a department's file)."""
        main = self.layout.main
        assert main is not None
        sheet_name = self._find_sheet(main)
        if sheet_name is None:
            return {}
        head = list(itertools.islice(iter_values(self.book[sheet_name]), _HEADER_SEARCH_ROWS))
        header_at, _mapping = _find_header(head, match_headers(main, self.layout.linked))
        return infer_envelope(head[: header_at if header_at is not None else 0])

    # -- the form -----------------------------------------------------------------------------

    def _read_form(
        self, data: dict[str, Any], findings: list[Finding], sources: list[RowSource]
    ) -> None:
        table = self.layout.form
        if table.sheet not in self.book.sheetnames:
            return
        targets = match_headers(table, ())
        for row_number, row in enumerate(iter_values(self.book[table.sheet], max_col=3), start=1):
            title, value, element_id = (*row, None, None, None)[:3]
            target = targets.get(str(element_id)) if element_id else None
            target = target or (targets.get(normalize(title)) if title is not None else None)
            if target is None or target.column is None or target.role != "column":
                continue
            column = target.column
            path = "$." + column.id
            self._put(data, column, value, at=("$", table.sheet, 1, row_number), findings=findings)
            sources.append(RowSource(path, table.sheet, row_number, {column.id: "B", "": "B"}))

    def _read_single_linked(
        self, data: dict[str, Any], findings: list[Finding], sources: list[RowSource]
    ) -> None:
        for table in self.layout.linked:
            rows = self._table_rows(table, findings)
            if rows is None:
                continue
            entries: list[Any] = []
            for row_number, cells, mapping, letters in rows:
                entry: dict[str, Any] = {}
                path = f"$.{table.element}[{len(entries)}]"
                for index, target in mapping:
                    if target.role == "column" and target.column is not None:
                        value = cells[index] if index < len(cells) else None
                        at = (path, table.sheet, index, row_number)
                        self._put(entry, target.column, value, at=at, findings=findings)
                if entry:
                    self._complete_arrays(entry, table.model)
                    entries.append(entry)
                    sources.append(RowSource(path, table.sheet, row_number, letters))
            if entries:
                data[table.element or ""] = entries

    # -- tables -------------------------------------------------------------------------------

    def _find_sheet(self, table: Table) -> str | None:
        if table.sheet in self.book.sheetnames:
            return table.sheet
        if table is not self.layout.main:
            return None
        known = {t.sheet for t in self.layout.tables} | {GUIDE_SHEET, CODELIST_SHEET, META_SHEET}
        for sheet_name in self.book.sheetnames:
            if sheet_name not in known and self.book[sheet_name].sheet_state == "visible":
                return str(sheet_name)
        return None

    def _table_rows(self, table: Table, findings: list[Finding]) -> Iterator[Row] | None:
        sheet_name = self._find_sheet(table)
        if sheet_name is None:
            return None
        self.found_sheets[table.sheet] = sheet_name
        linked = self.layout.linked if table is self.layout.main else ()
        targets = match_headers(table, linked)
        sheet = self.book[sheet_name]
        rows = iter_values(sheet)
        head: list[tuple[Any, ...]] = []
        for _ in range(_HEADER_SEARCH_ROWS):
            row = next(rows, None)
            if row is None:
                break
            head.append(row)
        header_at, mapping = _find_header(head, targets)
        if header_at is None:
            if table is self.layout.main:
                message = (
                    f"{self.name} 的工作表“{sheet_name}”前 {_HEADER_SEARCH_ROWS} 行里没有找到表头"
                )
                raise UnreadableInput(message, source=self.name)
            return None
        skip = header_at + 1
        if self.exact and header_at + 1 < len(head) and _is_id_row(head[header_at + 1], targets):
            mapping = _map_row(head[header_at + 1], targets, by_id=True)
            skip += 1
        findings.extend(self._extra_columns(sheet_name, header_at + 1, head[header_at], mapping))
        if table is self.layout.main:
            findings.extend(self._extra_sheets(sheet_name))
        return self._rows(
            sheet_name,
            _chain(head[skip:], rows),
            skip=skip,
            mapping=mapping,
            findings=findings,
            headed=_headed(head[header_at], mapping),
        )

    def _rows(
        self,
        sheet_name: str,
        cells_rows: Iterator[tuple[Any, ...]],
        *,
        skip: int,
        mapping: list[tuple[int, Target]],
        findings: list[Finding],
        headed: frozenset[int] | None = None,
    ) -> Iterator[Row]:
        letters = _letters(mapping)
        # Columns with no header and no element: computed at the first row (rows share a width),
        # and usually none, so the per-row check costs nothing on the hot path.
        headerless: list[int] | None = None if headed is not None else []
        formula_rows = self._formula_rows(sheet_name)
        formula_iter = iter(formula_rows) if formula_rows is not None else None
        if formula_iter is not None:
            for _ in range(skip):
                next(formula_iter, None)
        row_number = skip
        for cells in cells_rows:
            row_number += 1
            formula_cells = next(formula_iter, None) if formula_iter is not None else None
            if _blank(cells, exact=self.exact):
                continue
            if formula_cells is not None:
                findings.extend(
                    _missing_formula_values(sheet_name, row_number, cells, formula_cells)
                )
            if headerless is None:
                headerless = [i for i in range(len(cells)) if i not in (headed or ())]
            for index in headerless:
                value = cells[index] if index < len(cells) else None
                if value is not None and str(value).strip():
                    headerless.remove(index)  # told once a column
                    findings.append(_headerless_finding(sheet_name, index, row_number, value))
                    break
            yield row_number, cells, mapping, letters

    def _formula_rows(self, sheet_name: str) -> Any:
        if self.formulas is None or sheet_name not in self.formulas.sheetnames:
            return None
        return self.formulas[sheet_name].iter_rows()

    def _extra_sheets(self, chosen: str) -> list[Finding]:
        """Visible sheets with content that no table of the layout reads."""
        known = {t.sheet for t in self.layout.tables} | {GUIDE_SHEET, CODELIST_SHEET, META_SHEET}
        findings = []
        for sheet_name in self.book.sheetnames:
            sheet = self.book[sheet_name]
            if sheet_name in known or sheet_name == chosen or sheet.sheet_state != "visible":
                continue
            if any(
                value is not None and str(value).strip()
                for row in itertools.islice(iter_values(sheet), _HEADER_SEARCH_ROWS * 10)
                for value in row
            ):
                message = (
                    f"工作表“{sheet_name}”不是本清单的工作表，其内容未读入；"
                    f"请把事项放在“{chosen}”中"
                )
                findings.append(_finding("excel.extra-sheet", "$", message, sheet_name, sheet_name))
        return findings

    def _extra_columns(
        self, sheet_name: str, row: int, header: tuple[Any, ...], mapping: list[tuple[int, Target]]
    ) -> list[Finding]:
        mapped = {index for index, _ in mapping}
        findings = []
        for index, cell in enumerate(header):
            if cell is None or index in mapped or not str(cell).strip():
                continue
            letter = get_column_letter(index + 1)
            message = f"工作表“{sheet_name}”第 {letter} 列“{cell}”不是本清单的要素，其内容未读入"
            source = f"{sheet_name}!{letter}{row}"
            findings.append(_finding("excel.extra-column", "$", message, str(cell), source))
        return findings

    # -- items -------------------------------------------------------------------------------

    def _items(self, sheet_findings: list[Finding]) -> Iterator[ReadItem]:
        main = self.layout.main
        assert main is not None
        rows = self._table_rows(main, sheet_findings)
        if rows is None:
            return
        linked = {
            table.element: _LinkedCursor(self, table, sheet_findings)
            for table in self.layout.linked
        }
        current: _ItemBuilder | None = None
        for row_number, cells, mapping, letters in rows:
            if current is not None and not self.exact and current.continues_with(cells, mapping):
                current.add_row(row_number, cells, mapping, letters)
                continue
            if current is not None and not self.exact and current.takes_sub_row(cells, mapping):
                current.add_sub_row(row_number, cells, mapping, letters)
                continue
            if current is not None:
                yield current.finish(linked)
            sheet = self.found_sheets.get(main.sheet, main.sheet)
            current = _ItemBuilder(self, sheet, len_index=_index_of(current))
            current.add_row(row_number, cells, mapping, letters)
        if current is not None:
            yield current.finish(linked)
        for cursor in linked.values():
            sheet_findings.extend(cursor.leftovers())

    def _complete_arrays(self, data: dict[str, Any], model: Any) -> None:
        """In banzhang's own files a required array with no entries is empty, not absent."""
        if not self.exact:
            return
        for name in _required_arrays(model):
            data.setdefault(name, [])

    # -- values ------------------------------------------------------------------------------

    def plan(self, mapping: list[tuple[int, Target]]) -> _Plan:
        """The plan of a sheet's ``mapping`` (the same list object for every row of a sheet)."""
        found = self._plans.get(id(mapping))
        if found is None or found[0] is not mapping:
            found = self._plans[id(mapping)] = (mapping, _Plan.of(mapping))
        return found[1]

    def put_columns(
        self,
        data: dict[str, Any],
        plan: _Plan,
        cells: tuple[Any, ...],
        *,
        at: tuple[str, str, int],
        findings: list[Finding],
    ) -> None:
        """Set every element column's value of a row in ``data``; ``at`` is (object path, sheet,
        row). The hot loop of reading: text in banzhang's own files is taken as written."""
        exact = self.exact
        width = len(cells)
        for index, column, key in plan.columns:
            raw = cells[index] if index < width else None
            if raw is None:
                continue
            if exact and type(raw) is str:
                if column.titled:  # a codelist's title: its code
                    raw = codes_by_title(column.spec.element.codelist or "").get(raw, raw)
                elif column.verbatim_entries:  # numbered lines of text or codes
                    raw = split_numbered(raw, exact=True)
                elif not column.verbatim:
                    self._put(data, column, raw, at=(at[0], at[1], index, at[2]), findings=findings)
                    continue
                if key is not None:
                    data[key] = raw
                else:
                    _set(data, column.path, raw)
                continue
            self._put(data, column, raw, at=(at[0], at[1], index, at[2]), findings=findings)

    def _put(
        self,
        data: dict[str, Any],
        column: Column,
        raw: Any,
        *,
        at: tuple[str, str, int, int],
        findings: list[Finding],
    ) -> None:
        """Set a cell's value in ``data``; ``at`` is (object path, sheet, column index, row)."""
        value, problems = read_value(column, raw, exact=self.exact)
        if problems:
            # Paths and cell names are built only when there is something to say: hot path.
            prefix, sheet, index, row = at
            source = f"{sheet}!{get_column_letter(index + 1)}{row}"
            path = f"{prefix}.{column.id}"
            findings.extend(_problem_findings(problems, path, raw, source))
        if value is None or (value == [] and column.multi):
            return
        _set(data, column.path, value)


@attrs.frozen
class _Plan:
    """A sheet's column mapping sorted for the per-row loop, worked out once a sheet.

    Attributes:
        index: the column of the 序号, if any.
        columns: (column index, element column, its one key when the element is not nested)
            for each element column.
        linked: the ``linked-text`` and ``linked-field`` targets (departments' files only).
    """

    index: int | None
    columns: tuple[tuple[int, Column, str | None], ...]
    linked: tuple[tuple[int, Target], ...]

    @classmethod
    def of(cls, mapping: list[tuple[int, Target]]) -> _Plan:
        """The plan of ``mapping``."""
        index = next((at for at, target in mapping if target.role == "index"), None)
        columns = tuple(
            (at, target.column, target.column.path[0] if len(target.column.path) == 1 else None)
            for at, target in mapping
            if target.role == "column" and target.column is not None
        )
        linked = tuple(
            (at, target) for at, target in mapping if target.role in ("linked-text", "linked-field")
        )
        return cls(index, columns, linked)


@functools.cache
def _required_arrays(model: Any) -> tuple[str, ...]:
    """The required arrays of ``model`` (``items`` aside): learned once a model, read per row."""
    return tuple(
        spec.name
        for spec in fields_of(model)
        if spec.shape == "array" and spec.required and spec.name != "items"
    )


def _index_of(builder: _ItemBuilder | None) -> int:
    return 0 if builder is None else builder.index + 1


class _ItemBuilder:
    """Gathers one item from its row (and, in departments' files, its 子项 rows below)."""

    def __init__(self, reader: _BookReader, sheet: str, *, len_index: int) -> None:
        self.reader = reader
        self.sheet = sheet
        self.index = len_index
        self.path = f"$.items[{len_index}]"
        self.data: dict[str, Any] = {}
        self.findings: list[Finding] = []
        self.sources: list[RowSource] = []
        self.key: Any = None

    def continues_with(self, cells: tuple[Any, ...], mapping: list[tuple[int, Target]]) -> bool:
        """A row with only 子项 fields continues the item above (主项 cells merged over it)."""
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

    def add_row(
        self,
        row_number: int,
        cells: tuple[Any, ...],
        mapping: list[tuple[int, Target]],
        letters: dict[str, str],
    ) -> None:
        self.sources.append(RowSource(self.path, self.sheet, row_number, letters))
        plan = self.reader.plan(mapping)
        if plan.index is not None and self.key is None and plan.index < len(cells):
            self.key = cells[plan.index]
        at = (self.path, self.sheet, row_number)
        self.reader.put_columns(self.data, plan, cells, at=at, findings=self.findings)
        if plan.linked:
            self._add_linked(row_number, cells, plan.linked)

    def _add_linked(
        self, row_number: int, cells: tuple[Any, ...], targets: tuple[tuple[int, Target], ...]
    ) -> None:
        """A department's row: 子项 fields beside the item's own, or an array as numbered text."""
        entries: dict[str, dict[str, Any]] = {}
        for index, target in targets:
            raw = cells[index] if index < len(cells) else None
            if target.role == "linked-text" and target.linked is not None and raw is not None:
                self._add_text_entries(target.linked, raw)
            elif target.linked is not None and target.column is not None:  # linked-field
                entry = entries.setdefault(target.linked.element or "", {})
                element = target.linked.element or ""
                position = len(self.data.get(element, []))
                at = (f"{self.path}.{element}[{position}]", self.sheet, index, row_number)
                self.reader._put(entry, target.column, raw, at=at, findings=self.findings)
        for element, entry in entries.items():
            if entry:
                self.data.setdefault(element, []).append(entry)

    # -- layout (b): 子项 codes in the main code column, the 主项 name merged over them ---------

    def takes_sub_row(self, cells: tuple[Any, ...], mapping: list[tuple[int, Target]]) -> bool:
        """A row with no name of its own whose code is a 子项 of this item's 主项 (SPEC §10 b)."""
        code, name = _cell_of(cells, mapping, "basic_code"), _cell_of(cells, mapping, "name")
        main = _main_code(self.data.get("basic_code"))
        return name is None and main is not None and _main_code(code) == main

    def add_sub_row(
        self,
        row_number: int,
        cells: tuple[Any, ...],
        mapping: list[tuple[int, Target]],
        letters: dict[str, str],
    ) -> None:
        """Add the row as one more 子项 (its code from the code column, its name beside it)."""
        self.sources.append(RowSource(self.path, self.sheet, row_number, letters))
        self._lift_to_main()
        entry = {"basic_code": str(_cell_of(cells, mapping, "basic_code")).strip()}
        entry.update(_sub_name(cells, mapping))
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
        parse = entry_parser(table.model)
        texts = split_numbered(str(raw), exact=self.reader.exact)
        self.data.setdefault(table.element or "", []).extend(
            parse(text) for text in texts if text.strip()
        )

    def finish(self, linked: dict[str | None, _LinkedCursor]) -> ReadItem:
        subs = self.data.get("sub_items", [])
        if not self.reader.exact and any("basic_code" not in sub for sub in subs):
            self._lift_to_main()  # a 子项 code with its name beside it: the item is its 主项
        key = self.key if self.key is not None else self.index + 1
        for element, cursor in linked.items():
            entries = cursor.take(key, self.path, self.sources, self.findings)
            if entries:
                self.data.setdefault(element or "", []).extend(entries)
        assert self.reader.layout.main is not None
        self.reader._complete_arrays(self.data, self.reader.layout.main.model)
        return ReadItem(self.data, self.findings, self.sources)


class _LinkedCursor:
    """Walks a linked sheet alongside the main one: its rows carry their item's 序号, in order.

    A row whose 序号 is larger than the next row's, which in turn follows the rows read so far in
    order, is a mistyped 序号, not the start of a later item (1, 5, 3: the 5): it is set aside at
    once, so the correct rows after it still reach their items. Where it
    stands in place of an item's only rows of a table every item must have, it is read as that
    item's (with a finding): the item is not also reported as missing the table.
    """

    def __init__(self, reader: _BookReader, table: Table, findings: list[Finding]) -> None:
        self.reader = reader
        self.table = table
        self.rows = reader._table_rows(table, findings)
        #: Rows read ahead (at most two), each with its 序号 as written and as compared.
        self.ahead: list[tuple[Row, Any, tuple[int, int | str] | None]] = []
        self.unmatched: list[Finding] = []
        #: The 序号 of the last row read into an item: a mistyped row breaks the order after it.
        self.last_key: tuple[int, int | str] | None = None
        parent = reader.layout.main.model if reader.layout.main is not None else None
        specs = {spec.name: spec for spec in fields_of(parent)} if parent is not None else {}
        spec = specs.get(table.element or "")
        self.every_item_has_rows = spec is not None and spec.required

    def _peek(self, offset: int = 0) -> tuple[Row, Any, tuple[int, int | str] | None] | None:
        while len(self.ahead) <= offset and self.rows is not None:
            row = next(self.rows, None)
            if row is None:
                break
            index = self.reader.plan(row[2]).index
            written = row[1][index] if index is not None and index < len(row[1]) else None
            self.ahead.append((row, written, None if written is None else _as_key(written)))
        return self.ahead[offset] if len(self.ahead) > offset else None

    def _mistyped(self, compared: tuple[int, int | str]) -> bool:
        """The next row alone breaks the order: the row after it follows the rows read so far."""
        after = self._peek(1)
        after_key = after[2] if after is not None else None
        if after_key is None or not after_key < compared:
            return False
        return self.last_key is None or self.last_key < after_key

    def take(
        self, key: Any, item_path: str, sources: list[RowSource], findings: list[Finding]
    ) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = []
        wanted = _as_key(key)
        ahead = self.ahead
        while (peeked := ahead[0] if ahead else self._peek()) is not None:
            (row_number, cells, mapping, letters), row_key, compared = peeked
            if compared == wanted:
                pass  # the common case: the next row is this item's
            elif compared is not None and compared > wanted:
                if not self._mistyped(compared):
                    break
                after = self._peek(1)
                stands_before_later_items = after is not None and (after[2] or wanted) > wanted
                if stands_before_later_items and entries:
                    break  # the next item's place: let it decide
                if not (stands_before_later_items and self.every_item_has_rows):
                    self.ahead.pop(0)
                    self.unmatched.append(self._orphan(row_number, row_key))
                    continue
                findings.append(self._read_by_place(row_number, row_key, key))
            elif compared is None or compared != wanted:
                self.ahead.pop(0)
                self.unmatched.append(self._orphan(row_number, row_key))
                continue
            self.ahead.pop(0)
            self.last_key = wanted
            path = f"{item_path}.{self.table.element}[{len(entries)}]"
            entry: dict[str, Any] = {}
            plan = self.reader.plan(mapping)
            at = (path, self.table.sheet, row_number)
            self.reader.put_columns(entry, plan, cells, at=at, findings=findings)
            self.reader._complete_arrays(entry, self.table.model)
            entries.append(entry)
            sources.append(RowSource(path, self.table.sheet, row_number, letters))
        if self.unmatched:
            findings.extend(self.unmatched)
            self.unmatched = []
        return entries

    def leftovers(self) -> list[Finding]:
        found = []
        while (peeked := self._peek()) is not None:
            self.ahead.pop(0)
            found.append(self._orphan(peeked[0][0], peeked[1]))
        return found

    def _read_by_place(self, row_number: int, written: Any, key: Any) -> Finding:
        message = (
            f"工作表“{self.table.sheet}”第 {row_number} 行的序号写为“{written}”，与前后行不连续；"
            f"它位于序号 {key} 的事项所在位置，已按位置读作该事项的内容，请改正序号"
        )
        source = f"{self.table.sheet}!A{row_number}"
        return _finding("excel.linked-row", "$", message, written, source)

    def _orphan(self, row_number: int, key: Any) -> Finding:
        message = (
            f"工作表“{self.table.sheet}”第 {row_number} 行的序号“{key}”对不上主表中的事项"
            "（应与主表序号一致，且按主表顺序排列），该行未读入"
        )
        return _finding("excel.linked-row", "$", message, key, f"{self.table.sheet}!A{row_number}")


def _blank(cells: tuple[Any, ...], *, exact: bool) -> bool:
    """A row with nothing in it; in a department's file, spaces count as nothing too."""
    if exact:
        return cells.count(None) == len(cells)
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _as_key(value: Any) -> tuple[int, int | str]:
    """A 序号 as compared: numbers (written as numbers or digits) before any other text."""
    if type(value) is int:
        return (0, value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, int(value))
    text = str(value).strip()
    return (0, int(text)) if text.isdigit() else (1, text)


def _find_header(
    head: list[tuple[Any, ...]], targets: dict[str, Target]
) -> tuple[int | None, list[tuple[int, Target]]]:
    for position, row in enumerate(head):
        mapping = _map_row(row, targets, by_id=False)
        if sum(1 for _, target in mapping if target.role != "index") >= _MIN_HEADER_MATCHES:
            return position, mapping
    return None, []


def _map_row(
    row: tuple[Any, ...], targets: dict[str, Target], *, by_id: bool
) -> list[tuple[int, Target]]:
    mapping = []
    taken: set[int] = set()
    for index, cell in enumerate(row):
        if cell is None:
            continue
        target = targets.get(str(cell).strip() if by_id else normalize(cell))
        if target is None:
            continue
        identity = id(target.column) if target.column is not None else id(target.linked)
        if identity in taken and target.role != "index":
            continue
        taken.add(identity)
        mapping.append((index, target))
    return mapping


def _is_id_row(row: tuple[Any, ...], targets: dict[str, Target]) -> bool:
    cells = [str(cell).strip() for cell in row if cell is not None]
    return bool(cells) and all(cell in targets for cell in cells)


def _letters(mapping: list[tuple[int, Target]]) -> dict[str, str]:
    letters: dict[str, str] = {}
    for index, target in mapping:
        letter = get_column_letter(index + 1)
        if target.role == "column" and target.column is not None:
            letters[target.column.id] = letter
        elif target.role in ("linked-text", "linked-field") and target.linked is not None:
            letters.setdefault(target.linked.element or "", letter)
            if target.column is not None:
                letters[f"{target.linked.element}.{target.column.id}"] = letter
    return letters


def _set(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for name in path[:-1]:
        data = data.setdefault(name, {})
    data[path[-1]] = value


def _chain(
    first: list[tuple[Any, ...]], rest: Iterator[tuple[Any, ...]]
) -> Iterator[tuple[Any, ...]]:
    yield from first
    yield from rest


def _missing_formula_values(
    sheet: str, row_number: int, cells: tuple[Any, ...], formula_cells: Any
) -> list[Finding]:
    found = []
    for index, cell in enumerate(formula_cells):
        if getattr(cell, "data_type", None) == "f" and (
            index >= len(cells) or cells[index] is None
        ):
            letter = get_column_letter(index + 1)
            message = (
                f"工作表“{sheet}”{letter}{row_number} 是公式（{cell.value}）但没有计算结果；"
                "banzhang 不执行公式，请在 Excel 中重新计算并保存，或改填数值"
            )
            found.append(
                _finding(
                    "excel.formula-without-value",
                    "$",
                    message,
                    str(cell.value),
                    f"{sheet}!{letter}{row_number}",
                )
            )
    return found


def _problem_findings(
    problems: list[CellProblem], path: str, raw: Any, source: str
) -> list[Finding]:
    return [_finding(rule_id, path, message, raw, source) for rule_id, message in problems]


def _finding(rule_id: str, path: str, message: str, value: Any, source: str) -> Finding:
    return Finding(rule_id, rule(rule_id).severity, path, message, value, "excel", source)


def _headed(header: tuple[Any, ...], mapping: list[tuple[int, Target]]) -> frozenset[int]:
    """The columns with a header or an element: data anywhere else would go unread."""
    named = {index for index, cell in enumerate(header) if cell is not None and str(cell).strip()}
    return frozenset(named | {index for index, _ in mapping})


def _headerless_finding(sheet: str, index: int, row: int, value: Any) -> Finding:
    letter = get_column_letter(index + 1)
    shown = str(value).strip()[:20]
    message = (
        f"工作表“{sheet}”第 {letter} 列没有表头，但第 {row} 行有内容“{shown}”，未读入；请补上表头"
    )
    return _finding("excel.headerless-column", "$", message, str(value), f"{sheet}!{letter}{row}")


def _cell_of(cells: tuple[Any, ...], mapping: list[tuple[int, Target]], element: str) -> Any:
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


def _sub_name(cells: tuple[Any, ...], mapping: list[tuple[int, Target]]) -> dict[str, Any]:
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
