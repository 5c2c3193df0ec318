"""服务指南 and 审查细则 as Word documents (.docx), the form departments write, approve and print.

``banzhang convert 指南.json 指南.docx`` writes one (A4, numbered headings, tables, the flow chart,
page numbers); ``banzhang convert 指南.docx 指南.json`` reads one back — banzhang's own exactly,
a department's by its headings and "标题：值" lines — each finding naming its paragraph or table
cell ("第 12 段", "表格 2 第 3 行第 2 列"). Lists are not Word documents: they are refused.

>>> import io
>>> from banzhang import examples
>>> buffer = io.BytesIO()
>>> dump(examples.load("service-guide"), buffer)
>>> load(io.BytesIO(buffer.getvalue())) == examples.load("service-guide")
True
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Iterator
from typing import Any

import attrs

from banzhang import kinds, validation
from banzhang.convert import from_data, models_of
from banzhang.documents import ItemStream, Source, Target
from banzhang.errors import UnreadableInput, UnwritableOutput
from banzhang.formats import tables
from banzhang.formats._options import ReadOptions, given_envelope, with_envelope
from banzhang.formats.docx._layout import time_text
from banzhang.formats.docx._lists import placed_in_word
from banzhang.formats.docx._package import Note
from banzhang.formats.docx._reader import ReadDocument, read
from banzhang.formats.docx._walker import Unplaced
from banzhang.formats.docx._writer import add_field
from banzhang.formats.docx._writer import dump as _dump
from banzhang.validation import finding as _finding
from banzhang.validation.against import Against, resolved
from banzhang.validation.findings import Finding
from banzhang.validation.places import Place

__all__ = [
    "EXTENSIONS",
    "NAME",
    "add_field",
    "dump",
    "iter_dump",
    "iter_findings",
    "iter_load",
    "iter_load_data",
    "load",
    "load_data",
    "time_text",
]

NAME = "docx"
EXTENSIONS: tuple[str, ...] = (".docx",)


def load_data(
    source: Source, *, kind: str | None = None, options: ReadOptions | None = None
) -> dict[str, Any]:
    """Read a guide or review detail (or a list published as Word tables) as JSON-shaped
    data, without judging it."""
    found = read(source, kind=kind)
    if found.book is not None:
        return tables.book_data(found.book, kind=found.kind, envelope=given_envelope(options))
    data: dict[str, Any] = with_envelope(found.data, options)
    return data


def load(source: Source, *, kind: str | None = None, options: ReadOptions | None = None) -> Any:
    """Read a guide or review detail (or a list published as Word tables) as a model.

    Raises:
        UnreadableInput: not a .docx, or of no kind it can tell.
        InvalidDocument: read, but not of the kind's shape.
    """
    found = read(source, kind=kind)
    if found.book is not None:
        return tables.book_model(found.book, kind=found.kind, envelope=given_envelope(options))
    return from_data(with_envelope(found.data, options), found.kind)


def iter_load(
    source: Source, *, kind: str | None = None, options: ReadOptions | None = None
) -> ItemStream:
    """The items of a list published in Word, as models; a guide or review detail is refused
    (it holds no items: use :func:`load`)."""
    found = read(source, kind=kind)
    if not kinds.get(found.kind).is_list:
        raise _not_a_list(source)
    return models_of(_items(found, options))


def iter_load_data(
    source: Source, *, kind: str | None = None, options: ReadOptions | None = None
) -> ItemStream:
    """A list's items as data; a guide or review detail as the envelope of a stream without
    items (as for single documents)."""
    found = read(source, kind=kind)
    if kinds.get(found.kind).is_list:
        return _items(found, options)
    return ItemStream(found.kind, with_envelope(found.data, options), iter(()))


def _items(found: ReadDocument, options: ReadOptions | None) -> ItemStream:
    """The items of a list read from Word: its tables' rows, or the one item of a label/value
    table."""
    if found.book is not None:
        return tables.book_items(found.book, kind=found.kind, envelope=given_envelope(options))
    envelope = {key: value for key, value in found.data.items() if key != "items"}
    stream = ItemStream(found.kind, envelope, iter(found.data["items"]))
    items: ItemStream = with_envelope(stream, options)
    return items


def iter_findings(
    source: Source,
    *,
    kind: str | None = None,
    options: ReadOptions | None = None,
    against: Against | None = None,
    power_codes: Collection[str] | None = None,
    retired: Collection[str] | None = None,
) -> Iterator[Finding]:
    """Read and validate; each finding names its paragraph or table cell, and content that fits
    no element is ``docx.unread-content``."""
    power_codes, retired = resolved(against, power_codes, retired)
    found = read(source, kind=kind)
    yield from _unread(found)
    if found.book is not None:  # a list published as Word tables: read as a worksheet is
        book = found.book
        checked_book = tables.book_findings(
            book,
            kind=found.kind,
            envelope=given_envelope(options),
            power_codes=power_codes,
            retired=retired,
        )
        yield from (placed_in_word(finding, book) for finding in checked_book)
        return
    checked = validation.iter_findings(
        with_envelope(found.data, options),
        kind=found.kind,
        power_codes=power_codes,
        retired=retired,
    )
    for finding in checked:
        place = _nearest(finding.path, found.places)
        yield attrs.evolve(finding, source=place) if place else finding


def dump(document: Any, target: Target) -> None:
    """Write a guide or review detail as .docx; a list is refused."""
    kind = document.get("kind") if isinstance(document, dict) else getattr(document, "kind", None)
    if (
        isinstance(kind, str)
        and kind in {k.id for k in kinds.all_kinds()}
        and kinds.get(kind).is_list
    ):
        raise _list_refused(target, kinds.get(kind).title)
    _dump(document, target)


def iter_dump(kind: str, envelope: Any, items: Iterable[Any], target: Target) -> None:
    """Write a single document (``envelope``); lists are refused."""
    if kinds.get(kind).is_list:
        raise _list_refused(target, kinds.get(kind).title)
    _dump(envelope, target)


def _unread(found: ReadDocument) -> list[Finding]:
    """What fits no element, one finding a section: how many, what, and where each stands."""
    title = kinds.get(found.kind).title
    sections: dict[str, list[Unplaced]] = {}
    for unplaced in found.unread:
        sections.setdefault(unplaced.section, []).append(unplaced)
    findings = []
    for section, entries in sections.items():
        where = f"“{section}”中" if section else ""
        shown = "；".join(f"“{_short(entry.text)}”（{entry.place}）" for entry in entries[:5])
        more = f"等 {len(entries)} 处" if len(entries) > 5 else ""
        forms = sum(entry.form_label for entry in entries)
        why = f"，其中 {forms} 处是政务服务网等表单的栏目，不是编写规范的要素" if forms else ""
        message = f"{where}{shown}{more}不属于{title}的任何要素，未读入{why}"
        value = "\n".join(entry.text for entry in entries)
        finding = _finding("docx.unread-content", "$", message, value)
        findings.append(attrs.evolve(finding, source=entries[0].place))
    for note in found.unseen:  # text the walk cannot see: one finding each, saying how to fix it
        # An error, unlike text the norms have no element for: a tracked insertion or a text
        # box is the document's to fix (accept the revision, move the text into the body).
        finding = _finding("docx.unread-content", "$", _unseen(note), note.text, severity="error")
        findings.append(attrs.evolve(finding, source=note.place))
    return findings


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:30] + "…"


def _unseen(note: Note) -> str:
    """What a text the reader cannot see says: where it is, and how to make it readable."""
    if not note.text:
        return f"文档嵌入了{note.holder}，其内容未读入；请把它的内容粘贴为正文"
    advice = (
        "请先接受或拒绝修订" if note.holder.startswith("修订") else "请把它改为正文的段落或表格"
    )
    return f"{note.holder}中的“{note.text[:30]}”未读入（只读正文的段落和表格）；{advice}"


def _nearest(path: str, places: dict[str, Place]) -> Place | None:
    """The place of ``path``, or of its nearest parent read (``$.materials[2]`` for its name)."""
    while path:
        if path in places:
            return places[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 1 else ""
    return None


def _not_a_list(source: Any) -> UnreadableInput:
    where = os.fspath(source) if isinstance(source, str | os.PathLike) else "<docx>"
    message = f"{where}：这份 Word 文档是一份服务指南或审查细则，不是清单"
    return UnreadableInput(message, source=where)


def _list_refused(target: Any, title: str) -> UnwritableOutput:
    where = os.fspath(target) if isinstance(target, str | os.PathLike) else "<docx>"
    message = f"{title}不写成 Word 文档（{where}）；Word 只用于服务指南和审查细则，清单请写成 .xlsx"
    return UnwritableOutput(message, target=where)
