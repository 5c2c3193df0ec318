"""The rows of a department's list that are not items, and what they say of the items below.

Published lists group their items. A row with one text across it names the department that
collects or carries out the items below (``外交部门``) — it is carried down into their empty
cells of that column — or a section (``一、行政许可类``), whose type the items below take when
they do not say it; a second header row, a subtotal (``合计``) or a blank row is no item. In a
fee catalogue a parent row without a fee of its own (``2 签证费``) is followed by its numbered
sub-rows (``(1)代办外国签证``): each sub-row is an item, taking the parent's cells it leaves
empty, and the parent is no item of its own. Banzhang's own workbooks have none of these rows.

>>> classify(["", "外交部门", "", ""], name_at=2, index_at=0)
'group'
>>> classify(["一、行政许可类", None, None], name_at=1, index_at=0)
'section'
>>> classify(["合计", None, "12 项"], name_at=1, index_at=0)
'subtotal'
>>> classify([None, None, "(1)代办外国签证", "中央"], name_at=2, index_at=0)
'sub-row'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from banzhang import codelists
from banzhang.declare import fields_of
from banzhang.formats.tables._headers import Target
from banzhang.formats.tables._layout import Table

__all__ = [
    "DepartmentRows",
    "classify",
    "complete_item",
    "department_rows",
    "item_defaults",
]

_SECTION = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十\d]+[部类章节])"
)
_SUBTOTAL = re.compile(r"^\s*(?:合\s*计|小\s*计|总\s*计|共\s*计)")
_SUB_MARKER = re.compile(r"^\s*[（(]\s*\d+\s*[)）]\s*")


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def classify(cells: Sequence[Any], *, name_at: int | None, index_at: int | None) -> str:
    """What a department's data row is: ``item``, ``group``, ``section``, ``subtotal`` or
    ``sub-row`` (the columns of the item's name and 序号 decide)."""
    texts = {cell.strip() for cell in cells if isinstance(cell, str) and cell.strip()}
    odd = any(not _blank(cell) and not isinstance(cell, str | int | float) for cell in cells)
    if not texts or odd:
        return "item"  # numbers alone, or an error value: content the item rows report
    if any(_SUBTOTAL.match(text) for text in texts) or _form_line(texts):
        return "subtotal"
    name = cells[name_at] if name_at is not None and name_at < len(cells) else None
    if _is_section(texts, blank_name=_blank(name)):
        return "section"
    if _blank(name):
        return _without_name(cells, texts, index_at)
    if not _has_index(cells, index_at) and _SUB_MARKER.match(str(name)):
        return "sub-row"
    return "item"


def _is_section(texts: set[str], *, blank_name: bool) -> bool:
    """ "一、行政许可类" alone, or "一、行政事业性收费 | 无" beside no name."""
    if any(_SECTION.match(text) for text in texts) and (blank_name or len(texts) == 1):
        return True
    return len(texts) == 1 and next(iter(texts)).endswith(("类", "类事项"))


def _without_name(cells: Sequence[Any], texts: set[str], index_at: int | None) -> str:
    """A group's text beside its number ("一 | 教育"), or one text across the row, is a group;
    a row with more (or a number alone) is an item without a name, which its findings say."""
    others = [cell for at, cell in enumerate(cells) if at != index_at and not _blank(cell)]
    if len(others) <= 1 and not (len(texts) == 1 and _number(next(iter(texts)))):
        return "group"
    return "item"


def _form_line(texts: set[str]) -> bool:
    """ "填报人： … 联系电话：": a line of the form to sign, labels with nothing after them."""
    return bool(texts) and all(text.endswith((":", "：")) for text in texts)


def _number(text: str) -> bool:
    return text.replace(".", "", 1).isdigit()


def _has_index(cells: Sequence[Any], index_at: int | None) -> bool:
    return index_at is not None and index_at < len(cells) and not _blank(cells[index_at])


class DepartmentRows:
    """Turns a department sheet's data rows into item rows (see the module's docstring).

    Attributes:
        sections: the section rows met, as (row number, text), for the types they give.
        skipped: rows that are no item and carry nothing: (row number, text).
    """

    def __init__(
        self,
        *,
        name_at: int | None,
        index_at: int | None,
        carried: frozenset[int],
        lends_to_sub_rows: bool,
        header: tuple[str, ...] = (),
        continued: frozenset[int] = frozenset(),
    ) -> None:
        self.name_at = name_at
        self.index_at = index_at
        self.carried_columns = carried
        self.lends = lends_to_sub_rows
        #: The header as folded: a page of the printed list repeats it (no item).
        self.header = header
        #: Rows under the item's name merged down: more of the item above.
        self.continued = continued
        self.sections: list[tuple[int, str]] = []
        self.skipped: list[tuple[int, str]] = []
        #: The section text in force for the rows below (its type becomes theirs).
        self.section: str | None = None

    def rows(self, rows: Iterator[tuple[int, Sequence[Any]]]) -> Iterator[tuple[int, list[Any]]]:
        """Item rows, with group texts carried into their empty cells; :attr:`section` is the
        section in force while each row is read."""
        carried: dict[int, Any] = {}
        held: tuple[int, list[Any]] | None = None  # the last item row, maybe a parent
        lender: list[Any] | None = None  # a parent row whose sub-rows are being read
        for row_number, cells in rows:
            row = list(cells)
            if self.header and _folded(row) == self.header:
                continue  # the header again, where the printed list turned a page
            if row_number in self.continued and held is not None and not self._named(row):
                held = (held[0], _joined(held[1], row))
                continue
            kind = classify(row, name_at=self.name_at, index_at=self.index_at)
            if kind in ("group", "section", "subtotal"):
                if held is not None:
                    yield held
                held, lender = None, None
                self._not_an_item(kind, row_number, row, carried)
                continue
            row = _filled(row, carried)
            if kind == "sub-row" and self.lends:
                own = (self.name_at, self.index_at)
                if lender is None and held is not None and _lends(held[1], row, own):
                    lender, held = held[1], None
                if lender is not None:
                    yield row_number, _from_parent(row, lender, self.name_at)
                    continue
            lender = None
            if held is not None:
                yield held
            held = (row_number, row)
        if held is not None:
            yield held

    def _named(self, row: list[Any]) -> bool:
        """Whether the row has a name of its own (a sub-name beside the merged one)."""
        at = self.name_at
        return at is not None and at < len(row) and not _blank(row[at])

    def _not_an_item(
        self, kind: str, row_number: int, row: list[Any], carried: dict[int, Any]
    ) -> None:
        at, text = next((i, str(cell).strip()) for i, cell in enumerate(row) if not _blank(cell))
        if kind == "section":
            self.section = text
            self.sections.append((row_number, text))
            carried.clear()
        elif kind == "group" and at in self.carried_columns:
            carried[at] = text
        else:
            self.skipped.append((row_number, text))


def _joined(row: list[Any], more: list[Any]) -> list[Any]:
    """The item's row with a continuation row's own texts added ("高校；中小学、幼儿园")."""
    joined = list(row) + [None] * max(0, len(more) - len(row))
    for index, cell in enumerate(more):
        if _blank(cell) or cell == joined[index]:
            continue
        joined[index] = cell if _blank(joined[index]) else f"{joined[index]}；{cell}"
    return joined


def _filled(row: list[Any], carried: dict[int, Any]) -> list[Any]:
    """The row with each carried group text in its column, where the row leaves it empty."""
    for column, text in carried.items():
        if column >= len(row):
            row += [None] * (column + 1 - len(row))
        if _blank(row[column]):
            row[column] = text
    return row


def _lends(parent: list[Any], row: list[Any], own: tuple[int | None, int | None]) -> bool:
    """Whether ``parent`` is a heading of its sub-rows: every cell it fills but its name and
    序号 (``own``) is filled in the sub-row too, and the sub-row fills more."""
    filled = {i for i, cell in enumerate(parent) if not _blank(cell) and i not in own}
    theirs = {i for i, cell in enumerate(row) if not _blank(cell) and i not in own}
    return filled < theirs


def _from_parent(row: list[Any], parent: list[Any], name_at: int | None) -> list[Any]:
    """The sub-row with the parent's cells where it has none, named after both
    (``签证费：代办外国签证``), as a reader of the catalogue names it."""
    row = list(row)
    for index, cell in enumerate(parent):
        if index == name_at or _blank(cell):
            continue
        if index >= len(row):
            row += [None] * (index + 1 - len(row))
        if _blank(row[index]):
            row[index] = cell
    if name_at is not None and name_at < len(row) and not _blank(row[name_at]):
        own = _SUB_MARKER.sub("", str(row[name_at]), count=1).strip()
        above = parent[name_at] if name_at < len(parent) else None
        row[name_at] = f"{str(above).strip()}：{own}" if not _blank(above) else own
    return row


def _folded(row: Sequence[Any]) -> tuple[str, ...]:
    texts = [re.sub(r"\s+", "", str(cell)) if not _blank(cell) else "" for cell in row]
    while texts and not texts[-1]:
        texts.pop()
    return tuple(texts)


def department_rows(
    mapping: list[tuple[int, Target]],
    table: Table,
    header: Sequence[Any] = (),
    continued: frozenset[int] = frozenset(),
) -> DepartmentRows:
    """How a department's sheet of ``table``, with its header row and its ``mapping``, is read
    row by row."""
    columns = {
        target.column.path: index
        for index, target in mapping
        if target.role == "column" and target.column is not None
    }
    agencies = {spec.name for spec in fields_of(table.model) if _is_agency(spec.model)}
    carried = frozenset(
        index for path, index in columns.items() if len(path) == 2 and path[0] in agencies
    )
    index_at = next((index for index, target in mapping if target.role == "index"), None)
    names = {spec.name for spec in fields_of(table.model)}
    return DepartmentRows(
        name_at=columns.get(("name",)),
        index_at=index_at,
        carried=carried,
        lends_to_sub_rows="sub_items" not in names,
        header=_folded(header),
        continued=continued,
    )


def item_defaults(
    mapping: list[tuple[int, Target]], table: Table, envelope: dict[str, Any], title: str
) -> dict[str, Any]:
    """What items of a department's list take when they do not say it: the list's department
    as their agency when the sheet has no agency column, and a required codelist element the
    title names (``(行政许可类)``, ``行政事业性收费项目目录``)."""
    written = {
        target.column.path
        for _, target in mapping
        if target.role == "column" and target.column is not None
    }
    department = (envelope.get("department") or {}).get("name")
    defaults: dict[str, Any] = {}
    for spec in fields_of(table.model):
        # An agency's unit written (承办机构) but not its name: the list's department still is.
        named = (spec.name, "name") in written
        if department and spec.element.required and _is_agency(spec.model) and not named:
            defaults.setdefault(spec.name, {"name": department})
        if any(path[0] == spec.name for path in written):
            continue
        name = spec.element.codelist
        if name and spec.element.required and spec.shape == "str":
            code = _named_in(name, title)
            if code is not None:
                defaults[spec.name] = code
    return defaults


def complete_item(
    data: dict[str, Any], defaults: dict[str, Any], section: str | None, table: Table
) -> None:
    """Give an item what its section (``二、经营服务性收费``) and the list's defaults say,
    where it says nothing."""
    for spec in fields_of(table.model) if section else ():
        name = spec.element.codelist
        if name and spec.element.required and spec.shape == "str" and spec.name not in data:
            code = _named_in(name, section or "")
            if code is not None:
                data[spec.name] = code
    for key, value in defaults.items():
        if isinstance(value, dict):
            found = data.setdefault(key, {})
            if isinstance(found, dict):  # the parts the item does not say
                for part, default in value.items():
                    found.setdefault(part, default)
        else:
            data.setdefault(key, value)


def _is_agency(model: type[Any] | None) -> bool:
    return model is not None and model.__name__ == "Agency"


def _named_in(codelist: str, text: str) -> str | None:
    """The code of the longest title of ``codelist`` found in ``text``."""
    entries = sorted(codelists.get(codelist), key=lambda entry: -len(entry.title))
    return next((entry.code for entry in entries if entry.title and entry.title in text), None)
