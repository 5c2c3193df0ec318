"""Read a 服务指南 or 审查细则 from Word: banzhang's own documents exactly, others as published.

The document is walked block by block (:mod:`._walker`): headings, ``标题：值`` lines, numbered
sections and steps, material tables and label/value tables as 政务服务网 pages export them.
Every value remembers where it was read ("第 12 段", "表格 2 第 3 行第 2 列"), for the
findings; text that fits no element is kept with its section (``docx.unread-content``), never
dropped in silence. The kind is read from the title, else from the labels the document uses.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from typing import Any

import attrs
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from banzhang import kinds
from banzhang._reasons import reason
from banzhang._version import SPEC_VERSION
from banzhang.errors import BanzhangError, UnreadableInput
from banzhang.formats._inputs import read_limited
from banzhang.formats.docx._labels import MISSING, Labels
from banzhang.formats.docx._lists import list_tables
from banzhang.formats.docx._package import Note, check_package
from banzhang.formats.docx._walker import Unplaced, Walker
from banzhang.formats.docx._writer import KIND_MARK
from banzhang.formats.sheets import WordBook
from banzhang.formats.tables import kind_by_header
from banzhang.formats.tables.labels import fold
from banzhang.validation.places import Place

__all__ = ["ReadDocument", "read"]

#: The largest .docx read (a guide is a few hundred KB; images make it bigger).
MAX_BYTES = 50 * 1024 * 1024


@attrs.define
class ReadDocument:
    """A document read from Word: its data, where each value came from, what was not read.

    Attributes:
        kind: the kind id.
        data: the document as JSON-shaped data.
        places: each ``$`` path read → its paragraph or table cell.
        unread: content that fits no element, with its place and section.
        cover: what the cover says besides the elements (附件, 模板, 标题, 发布机关, 发布日期).
        unseen: text the walk cannot see (content controls, text boxes, tracked insertions…),
            found by the package check before python-docx parsed.
    """

    kind: str
    data: dict[str, Any]
    places: dict[str, Place]
    unread: list[Unplaced]
    cover: dict[str, str] = attrs.Factory(dict)
    unseen: list[Note] = attrs.Factory(list)
    #: A list published as Word tables: read by the table reader (``data`` is then empty).
    book: WordBook | None = None


def read(source: Any, *, kind: str | None = None) -> ReadDocument:
    """Read ``source`` (a path or binary file) as a 服务指南 or 审查细则 — or as a list of the
    one item a department published as a label/value table (a 权责清单 梳理表).

    Raises:
        UnreadableInput: not a .docx, a DTD inside, too large, or of no kind it can tell.
    """
    name = os.fspath(source) if isinstance(source, str | os.PathLike) else "<docx>"
    raw = read_limited(source, name, MAX_BYTES, "请删去文档中的大图片后再试")
    unseen = _check_package(raw, name)
    try:
        return _read(raw, name, kind, unseen)
    except (BanzhangError, MemoryError):
        raise
    except Exception as err:  # python-docx raises many kinds of error for a broken package,
        # before the walk (opening it) or during it (a span that is no number, a merge it
        # cannot follow): each is the file's, never a traceback
        message = f"{name} 不是可读的 Word 文档（.docx）：{reason(err)}"
        raise UnreadableInput(message, source=name) from err


def _read(raw: bytes, name: str, kind: str | None, unseen: list[Note]) -> ReadDocument:
    word = Document(io.BytesIO(raw))
    blocks = list(_blocks(word))
    found = kinds.get(kind or _kind(word, blocks, name))
    if found.is_list and (book := list_tables(blocks, found.id, name)) is not None:
        return ReadDocument(found.id, {}, {}, [], unseen=unseen, book=book)
    walker = Walker(found, exact=_is_ours(word))
    walker.walk(blocks)
    # A department's document follows the spec of today, as a department's workbook does.
    version = word.core_properties.version if walker.exact else None
    head = {"kind": found.id, "spec_version": version or SPEC_VERSION}
    if found.is_list:  # one item published as a label/value table (a 权责清单 梳理表)
        places = {"$.items[0]" + path[1:]: place for path, place in walker.places.items()}
        data = {**head, "items": [walker.data] if walker.data else []}
        return ReadDocument(found.id, data, places, walker.unplaced, walker.cover, unseen)
    data = {**head, **walker.data}
    return ReadDocument(found.id, data, walker.places, walker.unplaced, walker.cover, unseen)


def _check_package(raw: bytes, name: str) -> list[Note]:
    """A .docx is a zip of XML parts: refuse a broken zip, a zip bomb, a DTD or an impossible
    table before python-docx parses; the text its walk would not see (see :mod:`._package`)."""
    return check_package(raw, name)


def _is_ours(word: Any) -> bool:
    """Whether banzhang wrote the document (its properties say so): read it exactly."""
    return str(word.core_properties.category or "").startswith(f"{KIND_MARK} ")


def _kind(word: Any, blocks: list[Paragraph | Table], name: str) -> str:
    """The kind a department's document is: its title says it (办事指南, 实施规范, 审批操作规程),
    else the labels it uses are most of one kind's."""
    category = word.core_properties.category or ""
    if category.startswith(f"{KIND_MARK} "):
        return str(category.split(" ", 1)[1])
    opening = [block.text for block in blocks[:6] if isinstance(block, Paragraph)]
    for text in opening:
        found = kinds.by_title(fold(text))
        if found is not None:
            return found.id
    by_labels = _kind_by_labels(blocks)
    if by_labels is not None:
        return by_labels
    by_header = _kind_by_header(blocks)
    if by_header is not None:
        return by_header
    message = (
        f"无法判断 {name} 是服务指南还是审查细则：标题中没有写明，所用标签也不足以判断；"
        "请用 --kind 指定"
    )
    raise UnreadableInput(message, source=name)


def _kind_by_labels(blocks: list[Paragraph | Table]) -> str | None:
    """The kind whose labels the document's label cells and lines use most (at least three,
    and more than any other kind's): a guide's, a review detail's, or a list item's."""
    texts = [
        row.cells[0].text
        for block in blocks
        if isinstance(block, Table)
        for row in block.rows[:60]
        if row.cells
    ]
    texts += [
        block.text.split("：")[0].split(":")[0] for block in blocks if isinstance(block, Paragraph)
    ]
    scores = {}
    for kind in kinds.all_kinds():
        labels = Labels(kind)
        scores[kind.id] = sum(
            1 for text in texts if 0 < len(text.strip()) <= 30 and labels.find(text) is not MISSING
        )
    ranked = sorted(scores.items(), key=lambda pair: -pair[1])
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return ranked[0][0]
    return None


def _kind_by_header(blocks: list[Paragraph | Table]) -> str | None:
    """The list kind whose items a table's header names (a list published as a Word table
    whose title does not say its kind)."""
    heads = {
        f"表格 {number}": [[cell.text.strip() or None for cell in row.cells] for row in rows]
        for number, rows in enumerate(
            (block.rows[:5] for block in blocks if isinstance(block, Table)), start=1
        )
    }
    return kind_by_header(heads)


def _blocks(word: Any) -> Iterator[Paragraph | Table]:
    """The body's paragraphs and tables, in order."""
    for child in word.element.body.iterchildren():
        if child.tag.endswith("}p"):
            yield Paragraph(child, word)
        elif child.tag.endswith("}tbl"):
            yield Table(child, word)
