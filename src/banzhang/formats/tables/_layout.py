"""How a kind lays out in a workbook, derived from the declarations.

A list kind has a 清单信息 form (the envelope, one element a row), a main table (one item a row,
nested single objects flattened into columns, arrays of text in numbered multi-line cells), and
one linked table per array of objects in an item (子项, 设定依据, …), whose rows carry the item's
序号. A single document (服务指南, 审查细则) has a form and linked tables the same way.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import attrs

from banzhang import codelists, kinds
from banzhang.declare import FieldSpec, fields_of
from banzhang.formats.sheets import sheet_name

__all__ = ["ENVELOPE_SHEET", "INDEX_HEADER", "Column", "Layout", "Table", "layout_for"]

ENVELOPE_SHEET = "清单信息"
INDEX_HEADER = "序号"
_SKIPPED_ENVELOPE = ("kind", "spec_version", "items")


@attrs.frozen
class Column:
    """One column (or form row): a scalar element, or an array of scalars in one cell.

    Attributes:
        path: the element ids from the table's model down to the value (``("agency", "name")``).
        header: the Chinese header (``实施主体``, ``实施主体/统一社会信用代码``).
        spec: the declaration of the value.
        multi: whether the cell holds an array of scalars as numbered lines.
        aliases: other headers real lists use for it: the declared aliases of its element, or of
            the object whose leading name it is (实施主体 = 责任主体 for ``agency.name``).
        former_ids: the dotted ids earlier spec versions wrote in the hidden id row
            (``promised_time.amount`` before 1.1).
    """

    path: tuple[str, ...]
    header: str
    spec: FieldSpec
    multi: bool
    aliases: tuple[str, ...] = ()
    former_ids: tuple[str, ...] = ()
    #: Plain text (no code, no codelist, one value): read as it is from banzhang's own files.
    plain: bool = attrs.field(init=False, eq=False, repr=False)
    #: One text or code value: in banzhang's own files the cell's text is the value.
    verbatim: bool = attrs.field(init=False, eq=False, repr=False)
    #: Several text or code values: in banzhang's own files, the numbered lines are the values.
    verbatim_entries: bool = attrs.field(init=False, eq=False, repr=False)
    #: One value of a codelist (not a code): banzhang's own files show its title.
    titled: bool = attrs.field(init=False, eq=False, repr=False)
    #: Several values of a codelist: banzhang's own files show their titles as numbered lines.
    titled_entries: bool = attrs.field(init=False, eq=False, repr=False)
    #: For a codelist column, each code's title (what the cell shows); ``None`` otherwise.
    titles: dict[str, str] | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        element = self.spec.element
        plain = not self.multi and self.spec.shape == "str" and not element.code
        object.__setattr__(self, "plain", plain and not element.codelist)
        one_text = not self.multi and self.spec.shape == "str"
        object.__setattr__(
            self, "verbatim", one_text and bool(element.code or not element.codelist)
        )
        texts = self.multi and self.spec.item_shape in ("str", None)
        entries = texts and bool(element.code or not element.codelist)
        object.__setattr__(self, "verbatim_entries", entries)
        titled = bool(element.codelist and not element.code)
        object.__setattr__(self, "titled", one_text and titled)
        object.__setattr__(self, "titled_entries", texts and titled)
        found = codelists.get(element.codelist) if element.codelist else None
        titles = {entry.code: entry.title for entry in found} if found else None
        object.__setattr__(self, "titles", titles)

    @property
    def id(self) -> str:
        """The dotted element id written in the hidden id row (``agency.uscc``)."""
        return ".".join(self.path)

    @property
    def shape(self) -> str:
        """The shape of one value: ``str``, ``int``, ``bool`` or ``date``."""
        return (self.spec.item_shape if self.multi else self.spec.shape) or "str"


@attrs.frozen
class Table:
    """A sheet of rows (or a form of element rows).

    Attributes:
        sheet: the sheet name.
        element: the array it holds in its parent (``items``, ``basis``); ``None`` for a form.
        model: the attrs class of one row.
        columns: its columns.
        keyed: whether each row starts with the 序号 of the item it belongs to.
        form: whether it is laid out as element rows (要素 | 内容) rather than columns.
        aliases: for a linked table, the other titles of its element (设定依据 = 实施依据): a
            department's column of that title holds the whole array as numbered text.
    """

    sheet: str
    element: str | None
    model: type[Any]
    columns: tuple[Column, ...]
    keyed: bool = False
    form: bool = False
    aliases: tuple[str, ...] = ()


@attrs.frozen
class Layout:
    """Every table of a kind.

    Attributes:
        kind: the kind.
        form: the envelope form (lists) or the document form (single documents).
        main: the items table, for lists.
        linked: the tables of arrays of objects (under each item, or under the document).
    """

    kind: kinds.Kind
    form: Table
    main: Table | None
    linked: tuple[Table, ...]

    @property
    def tables(self) -> tuple[Table, ...]:
        """Every table in sheet order."""
        return (self.form, *((self.main,) if self.main else ()), *self.linked)


@cache
def layout_for(kind_id: str) -> Layout:
    """Return the workbook layout of documents of ``kind_id``."""
    kind = kinds.get(kind_id)
    skip = _SKIPPED_ENVELOPE
    if kind.item is None:
        columns, arrays = _flatten(kind.document, skip=skip)
        form = Table(sheet_name(kind.title), None, kind.document, columns, form=True)
        linked = _linked_tables(arrays, keyed=False, taken={form.sheet})
        return Layout(kind, form, None, linked)
    envelope, _ = _flatten(kind.document, skip=skip)
    form = Table(ENVELOPE_SHEET, None, kind.document, envelope, form=True)
    columns, arrays = _flatten(kind.item)
    main = Table(sheet_name(kind.title), "items", kind.item, columns, keyed=True)
    linked = _linked_tables(arrays, keyed=True, taken={form.sheet, main.sheet})
    return Layout(kind, form, main, linked)


def _linked_tables(arrays: list[FieldSpec], *, keyed: bool, taken: set[str]) -> tuple[Table, ...]:
    tables = []
    for spec in arrays:
        assert spec.model is not None
        columns, nested = _flatten(spec.model)
        if nested:
            message = f"{spec.model.__name__} nests arrays of objects two deep; no sheet layout"
            raise TypeError(message)
        name = sheet_name(spec.element.title)
        while name in taken:
            name = sheet_name(name + "_")
        taken.add(name)
        aliases = spec.element.aliases
        tables.append(Table(name, spec.name, spec.model, columns, keyed=keyed, aliases=aliases))
    return tuple(tables)


def _flatten(
    model: type[Any],
    *,
    skip: tuple[str, ...] = (),
    path: tuple[str, ...] = (),
    title: str = "",
    aliases: tuple[str, ...] = (),
    former: tuple[tuple[str, ...], ...] = (),
) -> tuple[tuple[Column, ...], list[FieldSpec]]:
    """Return the columns of ``model`` and the arrays of objects that need linked tables."""
    columns: list[Column] = []
    arrays: list[FieldSpec] = []
    for position, spec in enumerate(fields_of(model)):
        if spec.name in skip:
            continue
        here = (*path, spec.name)
        # Every spelling of this path an earlier spec version wrote: a renamed element, or one
        # inside an object that was renamed.
        earlier = (
            *((*old_path, spec.name) for old_path in former),
            *(
                (*spelling, old)
                for spelling in (path, *former)
                for old in spec.element.renamed_from
            ),
        )
        header = _header(title, spec, first=position == 0)
        if spec.shape == "object":
            assert spec.model is not None
            nested, nested_arrays = _flatten(
                spec.model,
                path=here,
                title=header,
                aliases=spec.element.aliases,
                former=earlier,
            )
            if nested_arrays:
                message = f"{model.__name__}.{spec.name} holds arrays of objects; no sheet layout"
                raise TypeError(message)
            columns.extend(nested)
        elif spec.shape == "array" and spec.item_shape == "object":
            if path:
                message = f"{model.__name__}.{spec.name}: arrays of objects inside objects"
                raise TypeError(message)
            arrays.append(spec)
        else:
            named = header == title  # the object's leading name answers to the object's aliases
            spellings = aliases if named else spec.element.aliases
            former_ids = tuple(".".join(spelling) for spelling in earlier)
            columns.append(Column(here, header, spec, spec.shape == "array", spellings, former_ids))
    return tuple(columns), arrays


def _header(parent: str, spec: FieldSpec, *, first: bool) -> str:
    """The parent's title alone for an object's leading name, else ``parent/child``."""
    if not parent:
        return spec.element.title
    if first and spec.name == "name":
        return parent
    return f"{parent}/{spec.element.title}"
