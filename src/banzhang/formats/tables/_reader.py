"""Read a workbook of any back-end — banzhang's own exactly, departments' leniently — item by
item.

The reader walks the rows a :class:`~banzhang.formats.sheets.Workbook` hands over (calamine's
parse, openpyxl's stream, a .csv's text, a Word document's tables) and never holds them all:
each item comes with its own findings (extra columns, codes stored as numbers, formulas without
a value, …) and the cells it came from, so every finding can name its place (``Sheet!C7``)
beside its ``$`` path.
"""

from __future__ import annotations

import collections
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import PurePath
from typing import Any

import attrs

from banzhang import kinds
from banzhang._version import SPEC_VERSION
from banzhang.declare import fields_of
from banzhang.errors import UnreadableInput
from banzhang.formats._options import for_kind
from banzhang.formats.sheets import FormulaRow, Rows, Sheet, Workbook, cell_value
from banzhang.formats.tables._cells import (
    CellProblem,
    read_value,
)
from banzhang.formats.tables._department import (
    DepartmentRows,
    complete_item,
    department_rows,
    item_defaults,
)
from banzhang.formats.tables._envelope import infer as infer_envelope
from banzhang.formats.tables._headers import Target, match_headers, normalize
from banzhang.formats.tables._items import (
    ItemBuilder,
    LinkedCursor,
    TableRows,
    required_arrays,
)
from banzhang.formats.tables._layout import Column, Layout, Table, layout_for
from banzhang.formats.tables._merged import fill_down, header_spans, join_columns, join_parts
from banzhang.formats.tables._plan import Plan
from banzhang.formats.tables._sheets import (
    ANNOTATION_SHEET,
    CODELIST_SHEET,
    GUIDE_SHEET,
    META_SHEET,
)
from banzhang.formats.tables._sources import (
    Headers,
    ReadItem,
    RowSource,
    finding,
    header_texts,
    locate,
)
from banzhang.validation.findings import Finding
from banzhang.validation.places import Place, column_letter
from banzhang.validation.places import Sheet as PlaceSheet

__all__ = [
    "ReadItem",
    "RowSource",
    "WorkbookStream",
    "header_row",
    "kind_by_header",
    "locate",
    "read_book",
]

_HEADER_SEARCH_ROWS = 10
_MIN_HEADER_MATCHES = 2
#: The sheets banzhang adds to a workbook (instructions, codelists, metadata, the findings of a
#: marked copy): never a table of the list.
_OWN_SHEETS = frozenset({GUIDE_SHEET, CODELIST_SHEET, META_SHEET, ANNOTATION_SHEET})
#: The level a department's header may put before an element's title (区级主管部门).
_LEVEL_PREFIX = re.compile(r"^(?:自治区|省|盟市|地市|市|区|县|旗县|旗|乡镇|苏木)级")
#: The most items gathered from the main sheet while its linked sheets are still parsing
#: (each held until they are: a bound on memory).
_MOST_AHEAD = 10_000


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
        headers: the header row of each sheet read so far, as written (filled as the items
            are read: a finding's cell is looked up after its item).
    """

    kind: str
    exact: bool
    envelope: dict[str, Any]
    findings: list[Finding]
    sources: list[RowSource]
    items: Iterator[ReadItem]
    headers: Headers = attrs.field(factory=dict)


def read_book(
    book: Workbook,
    *,
    kind: str | None = None,
    envelope: dict[str, Any] | None = None,
) -> WorkbookStream:
    """Read ``book`` (any back-end's: :mod:`banzhang.formats.sheets`) as a list or document.

    ``envelope``: envelope elements the caller supplies (``region``, ``level``, ``department``,
    ``version``, ``effective_date``…); they win over what the workbook says or implies. The
    workbook is closed once read (or when reading it fails).

    Raises:
        UnreadableInput: no recognisable kind or header, a sheet that cannot be read.
    """
    try:
        meta = _meta(book)
        exact = meta.get("kind") is not None
        found_kind = kind or meta.get("kind") or _detect_kind(book, book.name)
        layout = layout_for(kinds.get(found_kind).id)
        reader = BookReader(book, layout, exact=exact, name=book.name)
        return reader.open(spec_version=meta.get("spec_version") or SPEC_VERSION, given=envelope)
    except BaseException:
        book.close()  # not left open until collected
        raise


def _meta(book: Workbook) -> dict[str, str]:
    if META_SHEET not in book.sheetnames:
        return {}
    rows = book[META_SHEET].rows(max_col=2)  # a broken sheet: UnreadableInput
    return {str(key): str(value) for key, value in rows if key is not None and value is not None}


def _detect_kind(book: Workbook, name: str) -> str:
    """Find the kind from sheet names, then a title row (包头市…权责清单, …收费项目目录), then the
    file's name, then the header: the kind whose item elements it names most."""
    sheets = [name for name in book.sheetnames if name != ANNOTATION_SHEET]
    for sheet_name in sheets:
        if (kind := kinds.by_title(normalize(sheet_name))) is not None:
            return kind.id
    heads = {
        sheet_name: list(itertools.islice(book[sheet_name].rows(), _HEADER_SEARCH_ROWS))
        for sheet_name in sheets
    }
    for rows in heads.values():
        for row in rows[:3]:
            text = normalize("".join(str(cell) for cell in row if cell is not None))
            if (kind := kinds.by_title(text)) is not None:
                return kind.id
    if (kind := kinds.by_title(normalize(PurePath(name).stem))) is not None:
        return kind.id
    if (found := kind_by_header(heads)) is not None:
        return found
    message = (
        f"无法判断 {name} 是哪类清单：工作表名、标题行、文件名和表头都没有写明；请用 --kind 指定"
    )
    raise UnreadableInput(message, source=name)


def header_row(rows: Sequence[Sequence[Any]], kind: str, *, least: int = 3) -> int | None:
    """The position of the first of ``rows`` that heads the items of ``kind`` — naming at
    least ``least`` of its elements by their titles or aliases, or one fewer beside a 序号
    column (a label/value table has no 序号 label) — or None."""
    layout = layout_for(kinds.get(kind).id)
    if layout.main is None:
        return None
    targets = match_headers(layout.main, layout.linked)
    for position, row in enumerate(rows):
        mapping = _map_row(tuple(row), targets, by_id=False)
        named = sum(1 for _, target in mapping if target.role != "index")
        indexed = any(target.role == "index" for _, target in mapping)
        if named >= least or (indexed and named >= least - 1 >= 1):
            return position
    return None


def kind_by_header(heads: Mapping[str, Sequence[Sequence[Any]]]) -> str | None:
    """The list kind whose header a row of the sheets' first rows (``heads``: sheet → rows)
    matches best (at least three elements, and more than any other kind's), or None."""
    scores: dict[str, int] = {}
    for kind in kinds.all_kinds():
        if not kind.is_list:
            continue
        layout = layout_for(kind.id)
        assert layout.main is not None
        targets = match_headers(layout.main, layout.linked)
        best = max(
            (
                sum(
                    1
                    for _, target in _map_row(tuple(row), targets, by_id=False)
                    if target.role != "index"
                )
                for rows in heads.values()
                for row in rows
            ),
            default=0,
        )
        scores[kind.id] = best
    ranked = sorted(scores.items(), key=lambda pair: -pair[1])
    clear = len(ranked) == 1 or ranked[1][1] < ranked[0][1]
    return ranked[0][0] if ranked and ranked[0][1] > _MIN_HEADER_MATCHES and clear else None


class BookReader:
    """Reads one workbook according to one layout."""

    def __init__(self, book: Workbook, layout: Layout, *, exact: bool, name: str) -> None:
        self.book = book
        self.layout = layout
        self.exact = exact
        self.name = name
        #: The required arrays of an item: empty, not absent, in banzhang's own files.
        main = layout.main
        self.required_arrays = required_arrays(main.model) if exact and main is not None else ()
        self._envelope: dict[str, Any] = {}
        self.headers: Headers = {}

    def open(self, *, spec_version: str, given: dict[str, Any] | None = None) -> WorkbookStream:
        kind = self.layout.kind
        envelope: dict[str, Any] = {"kind": kind.id, "spec_version": spec_version}
        findings: list[Finding] = []
        sources: list[RowSource] = []
        self._read_form(envelope, findings, sources)
        if not self.exact and self.layout.main is not None:
            for key, value in self._inferred_envelope().items():
                envelope.setdefault(key, value)
        envelope.update(for_kind(given, kind.id))  # the caller's elements of this kind win
        self._envelope = envelope
        if self.layout.main is None:
            self._read_single_linked(envelope, findings, sources)
            self._complete_arrays(envelope, self.layout.kind.document)
            self.close()
            items: Iterator[ReadItem] = iter(())
        else:
            items = self._items(findings)
        return WorkbookStream(kind.id, self.exact, envelope, findings, sources, items, self.headers)

    def _inferred_envelope(self) -> dict[str, Any]:
        """What the rows above the main sheet's header say of the envelope (a department's file)."""
        main = self.layout.main
        assert main is not None
        sheet_name = self._find_sheet(main)
        if sheet_name is None:
            return {}
        head = list(itertools.islice(self.book[sheet_name].rows(), _HEADER_SEARCH_ROWS))
        header_at, _mapping = _find_header(head, match_headers(main, self.layout.linked))
        heading: list[tuple[Any, ...]] = [(line,) for line in self.book.heading]
        above = heading + head[: header_at if header_at is not None else 0]
        self._title = " ".join(str(cell) for row in above for cell in row if cell is not None)
        return infer_envelope(above)

    _title = ""

    # -- the form -----------------------------------------------------------------------------

    def _read_form(
        self, data: dict[str, Any], findings: list[Finding], sources: list[RowSource]
    ) -> None:
        table = self.layout.form
        if table.sheet not in self.book.sheetnames:
            return
        targets = match_headers(table, ())
        for row_number, row in enumerate(self.book[table.sheet].rows(max_col=3), start=1):
            title, value, element_id = (*row, None, None, None)[:3]
            target = targets.get(str(element_id)) if element_id else None
            target = target or (targets.get(normalize(title)) if title is not None else None)
            if target is None or target.column is None or target.role != "column":
                continue
            column = target.column
            path = "$." + column.id
            self.put(data, column, value, at=("$", table.sheet, 1, row_number), findings=findings)
            sources.append(RowSource(path, table.sheet, row_number, {column.id: "B", "": "B"}))

    def _read_single_linked(
        self, data: dict[str, Any], findings: list[Finding], sources: list[RowSource]
    ) -> None:
        for table in self.layout.linked:
            found = self.table_rows(table, findings)
            if found is None:
                continue
            entries: list[Any] = []
            for row_number, cells in found.rows:
                entry: dict[str, Any] = {}
                path = f"$.{table.element}[{len(entries)}]"
                at = (path, table.sheet, row_number)
                self.put_columns(entry, found.plan, cells, at=at, findings=findings)
                if entry:
                    self._complete_arrays(entry, table.model)
                    entries.append(entry)
                    sources.append(RowSource(path, table.sheet, row_number, found.letters))
            if entries:
                data[table.element or ""] = entries

    # -- tables -------------------------------------------------------------------------------

    def _find_sheet(self, table: Table) -> str | None:
        if table.sheet in self.book.sheetnames:
            return table.sheet
        if table is not self.layout.main:
            return None
        known = {t.sheet for t in self.layout.tables} | _OWN_SHEETS
        for sheet_name in self.book.sheetnames:
            if sheet_name not in known and self.book[sheet_name].state == "visible":
                return str(sheet_name)
        return None

    def table_rows(
        self, table: Table, findings: list[Finding], *, row_findings: list[Finding] | None = None
    ) -> TableRows | None:
        """The data rows of ``table``, found by its header (``None``: the sheet is absent).
        What the header shows goes to ``findings`` at once; what rows show, as they are read,
        to ``row_findings`` (``findings`` when not given)."""
        sheet_name = self._find_sheet(table)
        if sheet_name is None:
            return None
        linked = self.layout.linked if table is self.layout.main else ()
        targets = match_headers(table, linked)
        sheet = self.book[sheet_name]
        native = sheet.native_rows() if self.exact else Rows("plain", sheet.rows())
        rows = native.rows
        head: list[tuple[Any, ...]] = []
        for _ in range(_HEADER_SEARCH_ROWS):
            row = next(rows, None)
            if row is None:
                break
            head.append(tuple(map(cell_value, row)))
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
        # 抽查比例 and 抽查周期: two columns of one text element, read as one (never exact).
        parts = [] if self.exact else _parts_of_one_text(head[header_at], targets, mapping)
        findings.extend(
            self._extra_columns(
                sheet_name, header_at + 1, head[header_at], mapping, [i for _, i in parts]
            )
        )
        if table is self.layout.main:
            findings.extend(self._extra_sheets(sheet_name))
        below: Iterator[Sequence[Any]] = itertools.chain(head[skip:], rows)
        headed = _headed(head[header_at], mapping) | {index for _, index in parts}
        if parts:
            below = join_parts(below, parts)
        merged = [] if self.exact else sheet.merged()
        down = _filled_down(merged, mapping, header_at, table)
        if down:  # a cell merged down holds its value in every row it covers
            below = fill_down(below, down, start=skip)
        spans = header_spans(merged, header_at)
        if spans:  # a header over two columns: its rows' texts are one element's
            below = join_columns(below, spans)
            headed |= {index for first, last in spans for index in range(first, last + 1)}
        data_rows = self._rows(
            sheet_name,
            below,
            skip=skip,
            findings=findings if row_findings is None else row_findings,
            headed=headed,
            form=native.form,
        )
        plan = Plan.of(mapping, exact=self.exact)
        continued = _continued(merged, mapping, header_at, table)
        letters = _letters(mapping)
        self.headers[sheet_name] = header_texts(head[header_at])
        return TableRows(sheet_name, mapping, letters, plan, data_rows, head[header_at], continued)

    def _rows(
        self,
        sheet_name: str,
        cells_rows: Iterator[Sequence[Any]],
        *,
        skip: int,
        findings: list[Finding],
        headed: frozenset[int] | None = None,
        form: str = "plain",
    ) -> Iterator[tuple[int, Sequence[Any]]]:
        # Columns with no header and no element, each told once: usually none, so the per-row
        # check costs nothing on the hot path. Rows share the sheet's width, except a streamed
        # sheet without a <dimension>: a row wider than those before adds its columns.
        headerless: list[int] = []
        width = 0
        formula_rows = self.book.formulas(sheet_name)
        if formula_rows is not None:  # a streamed workbook whose formulas may lack values
            cells_rows = _formula_checked(sheet_name, cells_rows, formula_rows, skip, findings)
        row_number = skip
        # The blank check of banzhang's own files inline: it runs for every row. In calamine's
        # form (Sheet.native_rows) an empty cell is "".
        empty = ("" if form == "calamine" else None) if self.exact else _ANY_BLANK
        for cells in cells_rows:
            row_number += 1
            if (
                cells.count(empty) == len(cells)
                if empty is not _ANY_BLANK
                else _blank_in_department_file(cells)
            ):
                continue
            if headed is not None and len(cells) > width:
                headerless += [i for i in range(width, len(cells)) if i not in headed]
                width = len(cells)
            if headerless:
                _tell_headerless(self.book[sheet_name], row_number, cells, headerless, findings)
            yield row_number, cells

    def _extra_sheets(self, chosen: str) -> list[Finding]:
        """Visible sheets with content that no table of the layout reads."""
        known = {t.sheet for t in self.layout.tables} | _OWN_SHEETS
        findings = []
        for sheet_name in self.book.sheetnames:
            sheet = self.book[sheet_name]
            if sheet_name in known or sheet_name == chosen or sheet.state != "visible":
                continue
            if any(
                value is not None and str(value).strip()
                for row in itertools.islice(sheet.rows(), _HEADER_SEARCH_ROWS * 10)
                for value in row
            ):
                message = (
                    f"工作表“{sheet_name}”不是本清单的工作表，其内容未读入；"
                    f"请把事项放在“{chosen}”中"
                )
                place = Place((PlaceSheet(sheet_name),))
                findings.append(finding("excel.extra-sheet", "$", message, sheet_name, place))
        return findings

    def _extra_columns(
        self,
        sheet_name: str,
        row: int,
        header: tuple[Any, ...],
        mapping: list[tuple[int, Target]],
        parts: list[int],
    ) -> list[Finding]:
        mapped = {index for index, _ in mapping} | set(parts)
        findings = []
        for index, cell in enumerate(header):
            if cell is None or index in mapped or not str(cell).strip():
                continue
            named = self.book[sheet_name].words(column=index + 1)
            message = f"{named}“{cell}”不是本清单的要素，其内容未读入"
            source = Place.cell(sheet_name, row, index + 1)
            findings.append(finding("excel.extra-column", "$", message, str(cell), source))
        return findings

    # -- items -------------------------------------------------------------------------------

    def _items(self, sheet_findings: list[Finding]) -> Iterator[ReadItem]:
        """Each item, with its linked sheets' entries. While the linked sheets are still being
        parsed in the background, the main sheet's next items are gathered meanwhile (at most
        :data:`_MOST_AHEAD`). What reading a main row finds waits with its item, so findings
        come in the same order however the two threads went."""
        try:
            yield from self._gathered(sheet_findings)
        finally:
            self.close()

    def close(self) -> None:
        """Let go of the workbook: its file (a streamed workbook holds it open), or what is
        left of its background parse."""
        self.book.close()

    def _gathered(self, sheet_findings: list[Finding]) -> Iterator[ReadItem]:
        main = self.layout.main
        assert main is not None
        row_findings: list[Finding] = []
        found = self.table_rows(main, sheet_findings, row_findings=row_findings)
        if found is None:
            return
        linked: list[LinkedCursor] = []  # made as the items reach each linked sheet
        finishing = False  # once items are finished, each is finished as soon as it is read
        parsing = self._parsing(self.layout.linked)
        waiting: collections.deque[tuple[ItemBuilder, list[Finding]]] = collections.deque()
        for builder in self._builders(found, row_findings):
            waiting.append((builder, row_findings[:]))
            row_findings.clear()
            while parsing and parsing[-1].parsed:
                parsing.pop()
            if not finishing and parsing and len(waiting) < _MOST_AHEAD:
                continue
            finishing = True
            yield from self._finished(waiting, linked, sheet_findings)
        yield from self._finished(waiting, linked, sheet_findings)
        sheet_findings += row_findings
        for cursor in linked:
            sheet_findings.extend(cursor.leftovers())

    def _finished(
        self,
        waiting: collections.deque[tuple[ItemBuilder, list[Finding]]],
        linked: list[LinkedCursor],
        findings: list[Finding],
    ) -> Iterator[ReadItem]:
        """Each waiting item finished with its linked sheets' entries, after what reading its
        rows found. The entries are taken a linked sheet at a time for all the items waiting,
        and each sheet's cursor is made (``linked`` grows) only when they reach it: a sheet
        still parsing is waited for only once the sheets before it are taken from. Each item
        gets its entries, sources and findings in the same order either way."""
        for builder, _ in waiting:
            builder.rows_read()
        for position, table in enumerate(self.layout.linked):
            if position == len(linked):
                linked.append(LinkedCursor(self, table, findings))
            cursor = linked[position]
            for builder, _ in waiting:
                builder.take(cursor)
        while waiting:
            builder, found_before = waiting.popleft()
            findings += found_before
            findings += builder.rows_found
            yield builder.finish()

    def _builders(self, found: TableRows, findings: list[Finding]) -> Iterator[ItemBuilder]:
        """Each item's builder, once its rows are read (in a department's file, the 子项 rows
        merged under it, and the rows that are no item left out: :mod:`._department`)."""
        lenient = not self.exact
        rows: Iterator[tuple[int, Sequence[Any]]] = found.rows
        main = self.layout.main
        assert main is not None
        department = (
            department_rows(found.mapping, main, found.header, found.continued) if lenient else None
        )
        if department is not None:
            rows = department.rows(found.rows)
            # What the title rows and envelope give items that do not say it (the department
            # as the 实施主体, the 收费类别 of a 行政事业性收费项目目录).
            defaults = item_defaults(found.mapping, main, self._envelope, self._title)
        current: ItemBuilder | None = None
        for row_number, cells in rows:
            if current is not None and lenient and current.continues_with(cells):
                current.add_row(row_number, cells)
                continue
            if current is not None and lenient and current.takes_sub_row(cells):
                current.add_sub_row(row_number, cells)
                continue
            if current is not None:
                yield current
            current = ItemBuilder(self, found, index=0 if current is None else current.index + 1)
            current.add_row(row_number, cells)
            if department is not None:
                complete_item(current.data, defaults, department.section, main)
                findings += self._not_items(self.book[found.sheet], department)
        if current is not None:
            yield current
        if department is not None:
            findings += self._not_items(self.book[found.sheet], department)

    @staticmethod
    def _not_items(sheet: Sheet, department: DepartmentRows) -> list[Finding]:
        """A department's rows read as no item that give nothing to the items (a group's text
        in a column no item takes): told, never dropped in silence."""
        told = []
        for row_number, text in department.skipped:
            message = f"{sheet.words(row=row_number)}“{text}”是分组、小计或表单行，不是事项，未读入"
            place = Place.cell(sheet.title, row_number, 1)
            told.append(finding("excel.not-an-item", "$", message, text, place))
        department.skipped.clear()
        return told

    def _parsing(self, tables: tuple[Table, ...]) -> list[Any]:
        """The sheets of ``tables`` still being parsed in the background, the last parsed
        first (a streamed sheet is read as it goes: never among them)."""
        sheets = [self.book[name] for name in map(self._find_sheet, tables) if name is not None]
        return [sheet for sheet in reversed(sheets) if not sheet.parsed]

    def _complete_arrays(self, data: dict[str, Any], model: Any) -> None:
        """In banzhang's own files a required array with no entries is empty, not absent."""
        if not self.exact:
            return
        for name in required_arrays(model):
            data.setdefault(name, [])

    # -- values ------------------------------------------------------------------------------

    def put_columns(
        self,
        data: dict[str, Any],
        plan: Plan,
        cells: Sequence[Any],
        *,
        at: tuple[str, str, int],
        findings: list[Finding],
    ) -> None:
        """Set every element column's value of a row in ``data``; ``at`` is (object path, sheet,
        row). The hot loop of reading: banzhang's own files run the plan's compiled row."""
        if len(cells) < plan.width:
            cells = (*cells, *(None,) * (plan.width - len(cells)))
        if plan.fill is not None:
            plan.fill(data, cells, self.put, at, findings)
            return
        for index, column, _ in plan.columns:
            raw = cells[index]
            if raw is not None:
                self.put(data, column, raw, at=(at[0], at[1], index, at[2]), findings=findings)

    def put(
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
            source = Place.cell(sheet, row, index + 1)
            path = f"{prefix}.{column.id}"
            findings.extend(_problem_findings(problems, path, raw, source))
        if value is None or (value == [] and column.multi):
            return
        _set(data, column.path, value)


def _formula_checked(
    sheet_name: str,
    cells_rows: Iterator[Sequence[Any]],
    formula_rows: Iterator[FormulaRow],
    skip: int,
    findings: list[Finding],
) -> Iterator[Sequence[Any]]:
    """The rows, each after its formulas without a value are told (before the blank check:
    a row of such formulas only is blank)."""
    formula_iter = iter(formula_rows)
    for _ in range(skip):
        next(formula_iter, None)
    for row_number, cells in enumerate(cells_rows, start=skip + 1):
        formula_cells = next(formula_iter, None)
        if formula_cells is not None:
            findings.extend(_missing_formula_values(sheet_name, row_number, cells, formula_cells))
        yield cells


def _tell_headerless(
    sheet: Sheet,
    row_number: int,
    cells: Sequence[Any],
    headerless: list[int],
    findings: list[Finding],
) -> None:
    """Tell the first column without a header that has content in the row (once a column)."""
    for index in headerless:
        value = cells[index] if index < len(cells) else None
        if value is not None and str(value).strip():
            headerless.remove(index)
            findings.append(_headerless_finding(sheet, index, row_number, value))
            return


#: The blank check of a department's file: no one value marks an empty cell (see below).
_ANY_BLANK = object()


def _blank_in_department_file(cells: Sequence[Any]) -> bool:
    """A row of a department's file with nothing in it: spaces count as nothing too (an error
    value, even one with no text saved, is something). Rows of banzhang's own files are checked
    inline in ``BookReader._rows``."""
    return all(cell is None or (type(cell) is str and not cell.strip()) for cell in cells)


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
    """Each header cell's target; where two cells name one element (部门 and 执收单位 both
    for the 执收单位), the one that gives its own title wins over an alias."""
    found: list[tuple[int, str, Target]] = []
    for index, cell in enumerate(row):
        if cell is None:
            continue
        key = str(cell).strip() if by_id else normalize(cell)
        target = targets.get(key)
        if target is None and not by_id:  # "区级主管部门": the element, at the list's level
            target = targets.get(_LEVEL_PREFIX.sub("", key))
        if target is not None:
            found.append((index, key, target))
    if not by_id:
        found.sort(key=lambda entry: not _own_title(entry[1], entry[2]))
    mapping = []
    taken: set[int] = set()
    for index, _key, target in found:
        identity = id(target.column) if target.column is not None else id(target.linked)
        if identity in taken and target.role != "index":
            continue
        taken.add(identity)
        mapping.append((index, target))
    return sorted(mapping, key=lambda pair: pair[0])


def _parts_of_one_text(
    header: tuple[Any, ...], targets: dict[str, Target], mapping: list[tuple[int, Target]]
) -> list[tuple[int, int]]:
    """(the element's column, another column) for each header cell naming, by another of its
    names, a text element a column already takes (抽查比例 beside 抽查周期 for 抽查比例和频次):
    a department wrote one element in two columns. Not when a column gives the element's own
    title (执收单位 beside 部门): the other is then something else the list keeps."""
    taken = {
        id(target.column): index
        for index, target in mapping
        if target.column is not None and not _own_title(normalize(header[index]), target)
    }
    mapped = {index for index, _ in mapping}
    parts = []
    for index, cell in enumerate(header):
        if cell is None or index in mapped:
            continue
        target = targets.get(normalize(cell))
        column = target.column if target is not None else None
        if target is None or column is None or target.role != "column":
            continue
        if id(column) in taken and column.plain:
            parts.append((taken[id(column)], index))
    return parts


def _filled_down(
    merged: list[tuple[int, int, int, int]],
    mapping: list[tuple[int, Target]],
    header_at: int,
    table: Table,
) -> list[tuple[int, int, int, int]]:
    """The merged ranges below the header whose value each row they cover takes: not the
    item's name or 序号 (merged, they make the rows below the item's own), and — in a list
    whose items have 子项 — nothing in the rows under a merged name or 序号: they are its 子项
    rows, and the item's other cells are read once, from its first row."""
    own = {index for index, target in mapping if _identifies_item(target)}
    below = [merge for merge in merged if merge[0] > header_at]
    if any(spec.name == "sub_items" for spec in fields_of(table.model)):
        sub_rows = {
            row for top, left, bottom, _ in below if left in own for row in range(top, bottom + 1)
        }
        below = [merge for merge in below if merge[0] not in sub_rows]
    return [merge for merge in below if merge[1] not in own]


def _continued(
    merged: list[tuple[int, int, int, int]],
    mapping: list[tuple[int, Target]],
    header_at: int,
    table: Table,
) -> frozenset[int]:
    """The rows (from 1) under a name merged down, in a list whose items have no 子项."""
    if any(spec.name == "sub_items" for spec in fields_of(table.model)):
        return frozenset()
    names = {index for index, target in mapping if _identifies_item(target) and target.column}
    return frozenset(
        row + 1
        for top, left, bottom, _ in merged
        if left in names and top > header_at
        for row in range(top + 1, bottom + 1)
    )


def _identifies_item(target: Target) -> bool:
    """The 序号 or the name: merged down, they make the rows below the item's own."""
    column = target.column
    return target.role == "index" or (column is not None and column.path == ("name",))


def _own_title(key: str, target: Target) -> bool:
    column = target.column
    return column is not None and key in (
        normalize(column.header),
        normalize(column.spec.element.title),
    )


def _is_id_row(row: tuple[Any, ...], targets: dict[str, Target]) -> bool:
    cells = [str(cell).strip() for cell in row if cell is not None]
    return bool(cells) and all(cell in targets for cell in cells)


def _letters(mapping: list[tuple[int, Target]]) -> dict[str, str]:
    letters: dict[str, str] = {}
    for index, target in mapping:
        letter = column_letter(index + 1)
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


def _missing_formula_values(
    sheet: str, row_number: int, cells: Sequence[Any], formulas: FormulaRow
) -> list[Finding]:
    found = []
    for index, formula in enumerate(formulas):
        if formula is not None and (index >= len(cells) or cells[index] is None):
            letter = column_letter(index + 1)
            message = (
                f"工作表“{sheet}”{letter}{row_number} 是公式（{formula}）但没有计算结果；"
                "banzhang 不执行公式，请在 Excel 中重新计算并保存，或改填数值"
            )
            found.append(
                finding(
                    "excel.formula-without-value",
                    "$",
                    message,
                    formula,
                    Place.cell(sheet, row_number, index + 1),
                )
            )
    return found


def _problem_findings(
    problems: list[CellProblem], path: str, raw: Any, source: Place
) -> list[Finding]:
    return [finding(rule_id, path, message, raw, source) for rule_id, message in problems]


def _headed(header: tuple[Any, ...], mapping: list[tuple[int, Target]]) -> frozenset[int]:
    """The columns with a header or an element: data anywhere else would go unread."""
    named = {index for index, cell in enumerate(header) if cell is not None and str(cell).strip()}
    return frozenset(named | {index for index, _ in mapping})


def _headerless_finding(sheet: Sheet, index: int, row: int, value: Any) -> Finding:
    value = cell_value(value)
    shown = str(value).strip()[:20]
    message = (
        f"{sheet.words(row=row, column=index + 1)} 有内容“{shown}”，但所在的列没有表头，未读入；"
        "请补上表头"
    )
    place = Place.cell(sheet.title, row, index + 1)
    return finding("excel.headerless-column", "$", message, str(value), place)
