"""Write documents and templates as .xlsx, streaming (banzhang's own SpreadsheetML writer).

Every workbook banzhang writes is also a fill-in template: Chinese headers with input hints,
a hidden row of element ids, dropdowns fed from a hidden codelist sheet, code columns formatted as
text, frozen headers, a 说明 sheet generated from the declarations, and a hidden ``_banzhang``
sheet with the kind and spec version. Text is always written as text — a value starting with
``=`` is never a formula — and a value Excel cannot hold is an error naming its path.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from banzhang import codelists, kinds
from banzhang._access import get as _get
from banzhang._atomic import check_target, writing
from banzhang._version import SPEC_VERSION, __version__
from banzhang.declare import source_words
from banzhang.errors import InvalidDocument
from banzhang.formats._prolog import NOT_XML
from banzhang.formats.excel._xlsx import Book, Sheet, Style, UnwritableText, column_letter
from banzhang.formats.excel._xlsx import Column as Look
from banzhang.formats.tables import (
    CODELIST_SHEET,
    FORM_HEADERS,
    GUIDE_SHEET,
    INDEX_HEADER,
    META_SHEET,
    NO,
    YES,
    Column,
    Layout,
    Table,
    layout_for,
    write_value,
)
from banzhang.validation.findings import Finding

__all__ = ["dump", "iter_dump", "template"]

#: Excel's own limit on the characters of one cell.
CELL_LIMIT = 32767
_DROPDOWN_SPARE_ROWS = 1000
#: The first data row of a table's sheet: a title, the header, the hidden row of element ids.
_FIRST_ROW = 4
#: The title row's height, for its 16-point type.
_TITLE_POINTS = 24.0


def dump(document: Any, target: Any) -> None:
    """Write a whole document (a model, or JSON-shaped data) to ``target`` (.xlsx)."""
    data_kind = _get(document, "kind")
    kind = kinds.get(data_kind)
    items = _get(document, "items") if kind.is_list else None
    iter_dump(kind.id, document, items or (), target)


def template(kind_id: str, target: Any) -> None:
    """Write an empty fill-in workbook of ``kind_id`` to ``target``."""
    iter_dump(kind_id, None, (), target)


def iter_dump(kind_id: str, envelope: Any, items: Iterable[Any], target: Any) -> None:
    """Write a document item by item: memory stays flat however many items come.

    Args:
        kind_id: the kind.
        envelope: the envelope (lists) or the whole document (single documents); ``None`` for an
            empty template.
        items: the items of a list (models or JSON-shaped data), produced lazily.
        target: a path or a binary file object.

    Raises:
        InvalidDocument: a value Excel cannot hold (over 32,767 characters, or a control
            character); the finding names its path.
    """
    check_target(target)  # before anything is written: a bad target leaves nothing behind
    layout = layout_for(kind_id)
    book = Book()
    spec_version = _get(envelope, "spec_version") or SPEC_VERSION
    try:
        heading = _heading(layout, envelope)
        writer = _BookWriter(book, layout, spec_version=str(spec_version), heading=heading)
        writer.write_form(envelope)
        if layout.main is not None:
            writer.write_items(items)
        elif envelope is not None:
            writer.write_linked_of(envelope, index=None, base="$")
        writer.finish()
        with writing(target) as handle:
            book.save(handle)
    finally:
        book.close()  # also when the target cannot be opened: no temporary rows left open


@attrs.frozen
class _SheetState:
    """A table and the sheet its rows go to."""

    table: Table
    sheet: Sheet


class _BookWriter:
    """Writes the sheets of one layout, in order, into a streaming workbook."""

    def __init__(self, book: Book, layout: Layout, *, spec_version: str, heading: str) -> None:
        self.spec_version = spec_version
        self.heading = heading
        self.book = book
        self.layout = layout
        self.dropdowns = _codelist_ranges(layout)
        self.form_sheet = book.add_sheet(
            layout.form.sheet,
            columns=(Look(28, Style.HEADER), Look(60), Look(24, hidden=True)),
            freeze=(2, 0),
            title_rows=2,
        )
        self.tables: dict[str, _SheetState] = {}
        for table in layout.tables[1:]:
            state = _SheetState(table, self._start_table(table))
            self.tables[table.sheet] = state

    # -- the form (envelope or single document) ---------------------------------------------

    def write_form(self, document: Any) -> None:
        sheet = self.form_sheet
        # The title a printed page carries (the reader passes over a row naming no element).
        kind = self.layout.kind
        title = f"{self.heading}：{sheet.name}" if kind.is_list else self.heading
        sheet.append([title], style=Style.TITLE, height=_TITLE_POINTS)
        sheet.append(FORM_HEADERS, style=Style.HEADER)
        for row, column in enumerate(self.layout.form.columns, start=3):
            value = _value_at(document, column.path) if document is not None else None
            cell = self._cell(column, value, base="$")
            try:
                sheet.append((column.header, cell, column.id))
            except UnwritableText as err:
                raise _illegal_character(self.layout.form, document, "$") from err
            sheet.add_comment(row, 1, _hint(column))
            self._add_dropdown(sheet, column, f"B{row}")

    # -- tables ---------------------------------------------------------------------------

    def _start_table(self, table: Table) -> Sheet:
        looks = [Look(8)] if table.keyed else []
        looks += [
            Look(_width(column), Style.TEXT if column.spec.element.code else Style.PLAIN)
            for column in table.columns
        ]
        sheet = self.book.add_sheet(
            table.sheet,
            columns=looks,
            freeze=(_FIRST_ROW - 1, 1 if table.keyed else 0),
            title_rows=_FIRST_ROW - 1,
        )
        # The title above the header: what a printed page is (the reader finds the header
        # below it, as in a department's own workbook).
        title = self.heading if table is self.layout.main else f"{self.heading}：{table.sheet}"
        sheet.append([title], style=Style.TITLE, height=_TITLE_POINTS)
        headers = [INDEX_HEADER] if table.keyed else []
        ids = ["#"] if table.keyed else []
        first = len(headers) + 1
        for position, column in enumerate(table.columns, start=first):
            headers.append(column.header)
            ids.append(column.id)
            sheet.add_comment(_FIRST_ROW - 2, position, _hint(column))
        sheet.append(headers, style=Style.HEADER)
        sheet.append(ids, hidden=True)
        return sheet

    def write_items(self, items: Iterable[Any]) -> None:
        assert self.layout.main is not None
        main = self.tables[self.layout.main.sheet]
        for index, item in enumerate(items, start=1):
            base = f"$.items[{index - 1}]"
            self._append(main, item, index, base)
            self.write_linked_of(item, index=index, base=base)

    def write_linked_of(self, parent: Any, *, index: int | None, base: str) -> None:
        for table in self.layout.linked:
            entries = _get(parent, table.element or "") or ()
            for position, entry in enumerate(entries):
                self._append(
                    self.tables[table.sheet], entry, index, f"{base}.{table.element}[{position}]"
                )

    def _append(self, state: _SheetState, row_value: Any, index: int | None, base: str) -> None:
        cells: list[Any] = [index] if state.table.keyed else []
        cells += [
            self._cell(column, _value_at(row_value, column.path), base=base)
            for column in state.table.columns
        ]
        try:
            state.sheet.append(cells)
        except UnwritableText as err:
            raise _illegal_character(state.table, row_value, base) from err

    def _cell(self, column: Column, value: Any, *, base: str) -> Any:
        """Return what goes in the cell; its path is built only for an error (a hot path)."""
        written = write_value(column, value)
        if type(written) is str and len(written) > CELL_LIMIT:
            raise _too_long(f"{base}.{column.id}", column, len(written))
        return written

    # -- dropdowns, codelists, instructions, metadata ---------------------------------------

    def _add_dropdown(self, sheet: Sheet, column: Column, cells: str) -> None:
        source = self.dropdowns.get(_dropdown_key(column))
        if source is None:
            return
        codelist = column.spec.element.codelist
        strict = not column.multi and not (codelist and codelists.get(codelist).open)
        title = column.spec.element.title
        how = "可填写多个，每行一个，" if column.multi else ""
        more = "" if strict else "也可填写列表以外的值"
        prompt = f"请从下拉列表中选择{title}（填写名称即可）；{how}{more}".rstrip("，；") + "。"
        sheet.add_list_validation(cells, source, strict=strict, title=title, prompt=prompt)

    def finish(self) -> None:
        for state in self.tables.values():
            last = state.sheet.rows + _DROPDOWN_SPARE_ROWS  # the header rows, then the data
            first = 2 if state.table.keyed else 1
            for position, column in enumerate(state.table.columns, start=first):
                letter = column_letter(position)
                cells = f"{letter}{_FIRST_ROW}:{letter}{last}"
                self._add_dropdown(state.sheet, column, cells)
        _write_guide(self.book, self.layout)
        _write_codelists(self.book, self.layout)
        meta = self.book.add_sheet(META_SHEET, hidden=True)
        for key, value in (
            ("kind", self.layout.kind.id),
            ("spec_version", self.spec_version),
            ("generator", f"banzhang {__version__}"),
        ):
            try:
                meta.append((key, value))
            except UnwritableText as err:  # the spec version is the document's own text
                raise _illegal_character_at(f"$.{key}") from err


def _value_at(value: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        if value is None:
            return None
        value = value.get(name) if type(value) is dict else getattr(value, name, None)
    return value


def _width(column: Column) -> int:
    """A column's width: text wraps at 24 (12 Chinese characters a line, a few more in
    LibreOffice), an 18-character code fits at 20; never narrower than its header printed on
    one line. A table of six text columns prints on one landscape page."""
    if column.multi or (column.spec.shape == "str" and not column.spec.element.codelist):
        width = 24 if not column.spec.element.code else 20
    else:
        width = max(10, min(24, len(column.header) * 2 + 4))
    return max(width, _header_width(column.header))


def _header_width(header: str) -> int:
    """The width that prints ``header`` on one line in bold: a Chinese character takes a
    tenth more than two of Excel's units (a digit's width), and the cell has its padding."""
    units = (len(header.encode("utf-8")) + len(header)) // 2  # two for a Chinese character
    return -(-units * 11 // 10) + 2


def _heading(layout: Layout, envelope: Any) -> str:
    """The title a printed table carries: ``包头市市场监督管理局权责清单``, ``食品生产许可（新办）
    服务指南``; the kind's title alone in a template."""
    kind = layout.kind
    owner = _get(envelope, "name") if not kind.is_list else _get(envelope, "department")
    if owner is not None and not isinstance(owner, str):
        owner = _get(owner, "name")
    # A character no worksheet holds is refused where the name itself is written (with its
    # path); in the title it only stands marked.
    return NOT_XML.sub("\ufffd", f"{owner or ''}{kind.title}")


def _hint(column: Column) -> str:
    element = column.spec.element
    lines = [f"{element.title}（{column.id}）" + ("，必填" if element.required else "，选填")]
    if element.description:
        lines.append(element.description)
    if element.codelist:
        codelist = codelists.get(element.codelist)
        lines.append("可选：" + "、".join(codelist.title_of(code) for code in codelist.codes))
    if column.multi:
        lines.append("多项时每项一行，写成“1. …”“2. …”")
    if element.example:
        lines.append(f"示例：{element.example}")
    return "\n".join(lines)


def _dropdown_key(column: Column) -> str | None:
    if column.shape == "bool":
        return "bool"
    return column.spec.element.codelist


def _codelist_ranges(layout: Layout) -> dict[str | None, str]:
    keys = sorted(
        {key for table in layout.tables for c in table.columns if (key := _dropdown_key(c))}
    )
    ranges: dict[str | None, str] = {}
    for position, key in enumerate(keys, start=1):
        letter = column_letter(position)
        count = 2 if key == "bool" else len(codelists.get(key))
        ranges[key] = f"'{CODELIST_SHEET}'!${letter}$2:${letter}${count + 1}"
    return ranges


def _write_codelists(book: Book, layout: Layout) -> None:
    sheet = book.add_sheet(CODELIST_SHEET, hidden=True)
    keys = sorted(key for key in _codelist_ranges(layout) if key)
    columns = [
        [key] + ([YES, NO] if key == "bool" else [e.title for e in codelists.get(key)])
        for key in keys
    ]
    for row in range(max((len(c) for c in columns), default=0)):
        sheet.append([column[row] if row < len(column) else None for column in columns])


def _write_guide(book: Book, layout: Layout) -> None:
    widths = (16, 22, 6, 8, 30, 26, 16, 20)  # one landscape page wide
    # The element ids last and hidden: a clerk reads names; a program may still look them up.
    looks = [*(Look(width) for width in widths), Look(24, hidden=True)]
    sheet = book.add_sheet(GUIDE_SHEET, columns=looks, freeze=(1, 0), title_rows=1)
    headers = ["工作表", "列名", "必填", "类型", "说明", "可选值", "示例", "来源", "要素编号"]
    sheet.append(headers, style=Style.HEADER)
    for table in layout.tables:
        for column in table.columns:
            sheet.append(_guide_row(table, column))
    for line in _how_sheets_link(layout):
        sheet.append([line])


def _how_sheets_link(layout: Layout) -> list[str]:
    """What the 说明 sheet says under the columns: how the sheets of a list hang together."""
    linked = [table for table in layout.tables if table.keyed]
    if not linked:
        return []
    main = layout.main.sheet if layout.main is not None else layout.form.sheet
    names = "、".join(f"“{table.sheet}”" for table in linked)
    return [
        "",
        "填写说明",
        f"“{main}”每行一个事项，“{INDEX_HEADER}”列从 1 起依次编号。",
        (
            f"{names}每行是某个事项的一项内容，第一列“{INDEX_HEADER}”写它所属事项的序号；"
            "一个事项有几项就写几行，按序号从小到大排列。"
        ),
        "第一行是标题；第三行（隐藏）是各列的要素编号，请勿删改；表头的批注说明每列填什么。",
    ]


def _guide_row(table: Table, column: Column) -> list[Any]:
    element = column.spec.element
    shape = {"str": "文本", "int": "整数", "bool": "是/否", "date": "日期"}[column.shape]
    if column.multi:
        shape = f"多项{shape}"
    allowed, example = "", element.example or ""
    if element.codelist:
        # Choices and examples by name, as the dropdowns offer them and a clerk writes them.
        codelist = codelists.get(element.codelist)
        allowed = "、".join(entry.title for entry in codelist) + (
            "（也可填写其他）" if codelist.open else ""
        )
        example = codelist.label(example) if example else ""
    return [
        table.sheet,
        column.header,
        "是" if element.required else "",
        shape,
        element.description,
        allowed,
        example,
        source_words(element.source),  # the documents by their titles, not "V GB/T 2260"
        column.id,
    ]


def _too_long(path: str, column: Column, length: int) -> InvalidDocument:
    message = (
        f"{path}（{column.header}）有 {length} 个字符，超过 Excel 单元格上限 {CELL_LIMIT}；"
        "banzhang 不会截断，请缩短或拆分"
    )
    finding = Finding("excel.cell-too-long", "error", path, message, length, "excel")
    return InvalidDocument(message, (finding,))


def _illegal_character(table: Table, row_value: Any, base: str) -> InvalidDocument:
    path = base
    for column in table.columns:
        value = _value_at(row_value, column.path)
        texts = value if isinstance(value, list | tuple) else [value]
        if any(isinstance(text, str) and NOT_XML.search(text) for text in texts):
            path = f"{base}.{column.id}"
            break
    return _illegal_character_at(path)


def _illegal_character_at(path: str) -> InvalidDocument:
    message = f"{path} 含有 Excel（XML）不允许的控制字符；banzhang 不会删去它，请先清除"
    finding = Finding("excel.illegal-character", "error", path, message, None, "excel")
    return InvalidDocument(message, (finding,))
