"""Read a 服务指南 or 审查细则 from Word: banzhang's own documents exactly, others leniently.

The document is walked paragraph by paragraph and table by table. A heading ("一、事项名称", in a
heading style or as a bold or numbered paragraph) whose title is an element's — declared title,
alias or usual variant — opens that element; so does a paragraph "标题：值", which also gives
its value. What follows an open element fills it: numbered lines an array, a two-column table an
object, a table with a header row an array of objects ("申请材料", "办理流程"), text a text.
Every value remembers where it was read ("第 12 段", "表格 2 第 3 行第 2 列"), for the findings;
text that fits no element is reported (``docx.unread-content``), never dropped in silence.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from typing import Any

import attrs
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from banzhang import kinds
from banzhang._version import SPEC_VERSION
from banzhang.declare import FieldSpec
from banzhang.errors import BanzhangError, UnreadableInput
from banzhang.formats._inputs import read_limited
from banzhang.formats.docx._layout import (
    HEADING_NUMBER,
    parse_scalar,
    parse_time_limit,
    specs_by_label,
    split_entries,
)
from banzhang.formats.docx._package import Note, check_package
from banzhang.formats.docx._writer import KIND_MARK
from banzhang.formats.excel._text_entries import entry_parser

__all__ = ["ReadDocument", "read"]

#: The largest .docx read (a guide is a few hundred KB; images make it bigger).
MAX_BYTES = 50 * 1024 * 1024
_LABELLED = re.compile(r"^\s*([^：:]{1,20})[：:]\s*(.*)$", re.DOTALL)
_CHINESE_NUMBERED = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")


@attrs.define
class ReadDocument:
    """A document read from Word: its data, where each value came from, what was not read.

    Attributes:
        kind: the kind id.
        data: the document as JSON-shaped data.
        places: each ``$`` path read → "第 12 段" or "表格 2 第 3 行第 2 列".
        unread: (place, text) of content that fits no element.
        unseen: text the walk cannot see (content controls, text boxes, tracked insertions…),
            found by the package check before python-docx parsed.
    """

    kind: str
    data: dict[str, Any]
    places: dict[str, str]
    unread: list[tuple[str, str]]
    unseen: list[Note] = attrs.field(factory=list)


def read(source: Any, *, kind: str | None = None) -> ReadDocument:
    """Read ``source`` (a path or binary file) as a 服务指南 or 审查细则.

    Raises:
        UnreadableInput: not a .docx, a DTD inside, too large, or not a guide or review detail.
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
        message = f"{name} 不是可读的 Word 文档（.docx）：{type(err).__name__}: {err}"
        raise UnreadableInput(message, source=name) from err


def _read(raw: bytes, name: str, kind: str | None, unseen: list[Note]) -> ReadDocument:
    word = Document(io.BytesIO(raw))
    found = kinds.get(kind or _kind(word, name))
    if found.is_list:
        message = f"Word 文档只用于服务指南和审查细则；{found.title}请用 .xlsx、.json 或 .xml"
        raise UnreadableInput(message, source=name)
    walker = _Walker(found, exact=_is_ours(word))
    walker.walk(_blocks(word))
    data = {"kind": found.id, **walker.data}
    # A department's document follows the spec of today, as a department's workbook does.
    version = word.core_properties.version if walker.exact else None
    data["spec_version"] = version or SPEC_VERSION
    return ReadDocument(found.id, data, walker.places, walker.unread, unseen)


def _check_package(raw: bytes, name: str) -> list[Note]:
    """A .docx is a zip of XML parts: refuse a broken zip, a zip bomb, a DTD or an impossible
    table before python-docx parses; the text its walk would not see (see :mod:`._package`)."""
    return check_package(raw, name)


def _is_ours(word: Any) -> bool:
    """Whether banzhang wrote the document (its properties say so): read it exactly."""
    return str(word.core_properties.category or "").startswith(f"{KIND_MARK} ")


def _kind(word: Any, name: str) -> str:
    category = word.core_properties.category or ""
    if category.startswith(f"{KIND_MARK} "):
        return category.split(" ", 1)[1]
    opening = "".join(p.text for p in word.paragraphs[:5])
    if "审查细则" in opening or "审查工作细则" in opening:
        return "review-detail"
    if "服务指南" in opening or "办事指南" in opening:
        return "service-guide"
    message = f"无法判断 {name} 是服务指南还是审查细则：标题中没有写明；请用 --kind 指定"
    raise UnreadableInput(message, source=name)


def _blocks(word: Any) -> Iterator[Paragraph | Table]:
    """The body's paragraphs and tables, in order."""
    for child in word.element.body.iterchildren():
        if child.tag.endswith("}p"):
            yield Paragraph(child, word)
        elif child.tag.endswith("}tbl"):
            yield Table(child, word)


class _Walker:
    """Fills a document's data from the blocks, one open element at a time."""

    def __init__(self, kind: kinds.Kind, *, exact: bool) -> None:
        self.kind = kind
        self.exact = exact
        self.labels = specs_by_label(kind.document)
        self.data: dict[str, Any] = {}
        self.places: dict[str, str] = {}
        self.unread: list[tuple[str, str]] = []
        self.open: FieldSpec | None = None
        self.paragraphs = 0
        self.tables = 0
        self.titled = False

    def walk(self, blocks: Iterator[Paragraph | Table]) -> None:
        for block in blocks:
            if isinstance(block, Table):
                self.tables += 1
                self._table(block)
            else:
                self.paragraphs += 1
                self._paragraph(block)

    # -- paragraphs -----------------------------------------------------------------------

    def _paragraph(self, paragraph: Paragraph) -> None:
        text = paragraph.text.strip()
        if not text:
            return
        place = f"第 {self.paragraphs} 段"
        style = paragraph.style.name if paragraph.style is not None else ""
        if style == "Title" or (not self.titled and self.paragraphs <= 2 and _is_title(text)):
            self.titled = True
            return
        if self._heading(paragraph, text, style):
            return
        labelled = _LABELLED.match(text)
        spec = self.labels.get(_fold(labelled.group(1))) if labelled else None
        if labelled and spec is not None:
            self.open = spec
            if labelled.group(2).strip():
                self._text(spec, labelled.group(2).strip(), place)
            return
        if self.open is not None and self._text(self.open, text, place):
            return
        self.unread.append((place, text))

    def _heading(self, paragraph: Paragraph, text: str, style: str) -> bool:
        # "一、…" is a heading; "1. …" is one only in a heading style or bold: else an entry.
        numbered = _CHINESE_NUMBERED.match(text)
        bold = bool(paragraph.runs) and all(run.bold for run in paragraph.runs if run.text.strip())
        if not (style.startswith(("Heading", "标题")) or numbered or (bold and len(text) <= 20)):
            return False
        title = HEADING_NUMBER.sub("", text).strip().rstrip("：:")
        if len(title) > 20:
            return False  # a numbered sentence, not a heading
        self.open = self.labels.get(_fold(title))
        return True

    def _text(self, spec: FieldSpec, text: str, place: str) -> bool:
        """Put text into an open element; False when the element takes no text."""
        path = f"$.{spec.name}"
        if spec.shape == "array":
            parse = entry_parser(spec.model) if spec.item_shape == "object" and spec.model else None
            entries = self.data.setdefault(spec.name, [])
            for entry in split_entries(text):
                where = f"{path}[{len(entries)}]"
                entries.append(
                    parse(entry) if parse else parse_scalar(spec, entry, spec.item_shape)
                )
                self.places[where] = place
            return True
        if spec.shape == "object":
            value = _object_from_text(spec, text)
            if value is None:
                return False
            self._merge(spec.name, value)
        elif spec.name in self.data and spec.shape == "str":
            self.data[spec.name] += "\n" + text  # a text in several paragraphs
        else:
            self.data[spec.name] = parse_scalar(spec, text, exact=self.exact)
        self.places.setdefault(path, place)
        return True

    def _merge(self, name: str, value: dict[str, Any]) -> None:
        found = self.data.setdefault(name, {})
        for key, part in value.items():
            if isinstance(part, list):
                found.setdefault(key, []).extend(part)
            else:
                found.setdefault(key, part)

    # -- tables ---------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
        if not rows or _is_flow_chart(rows):
            return  # banzhang's flow chart is drawn from the 办理流程, read from its table
        spec = self.open
        if spec is not None and spec.shape == "array" and spec.item_shape == "object":
            self._object_rows(spec, rows)
        elif spec is not None and spec.shape == "object" and all(len(r) >= 2 for r in rows):
            self._object_pairs(spec, rows)
        else:
            for number, row in enumerate(rows, start=1):
                text = " | ".join(cell for cell in row if cell)
                if text:
                    self.unread.append((f"表格 {self.tables} 第 {number} 行", text))

    def _object_rows(self, spec: FieldSpec, rows: list[list[str]]) -> None:
        assert spec.model is not None
        labels = specs_by_label(spec.model)
        header = [labels.get(_fold(cell)) for cell in rows[0]]
        entries = self.data.setdefault(spec.name, [])
        for number, row in enumerate(rows[1:], start=2):
            entry: dict[str, Any] = {}
            where = f"$.{spec.name}[{len(entries)}]"
            for column, (child, text) in enumerate(zip(header, row, strict=False), start=1):
                place = f"表格 {self.tables} 第 {number} 行第 {column} 列"
                if child is not None and text:
                    entry[child.name] = _child_value(child, text, exact=self.exact)
                    self.places[f"{where}.{child.name}"] = place
                elif text and column > 1:
                    self.unread.append((place, text))
            if entry:
                self.places[where] = f"表格 {self.tables} 第 {number} 行"
                entries.append(entry)

    def _object_pairs(self, spec: FieldSpec, rows: list[list[str]]) -> None:
        assert spec.model is not None
        labels = specs_by_label(spec.model)
        value: dict[str, Any] = {}
        for number, row in enumerate(rows, start=1):
            child = labels.get(_fold(row[0]))
            place = f"表格 {self.tables} 第 {number} 行"
            if child is None:
                self.unread.append((place, " | ".join(row)))
                continue
            value[child.name] = _child_value(child, row[1], exact=self.exact)
            self.places[f"$.{spec.name}.{child.name}"] = place
        self._merge(spec.name, value)


def _child_value(spec: FieldSpec, text: str, *, exact: bool) -> Any:
    if spec.shape == "object":
        limit = parse_time_limit(text)
        return limit if limit is not None else text
    if spec.shape == "array":
        parts = (
            [part for part in re.split(r"[、，,\n]", text) if part.strip()]
            if spec.element.codelist
            else split_entries(text)
        )
        return [parse_scalar(spec, part, spec.item_shape, exact=exact) for part in parts]
    return parse_scalar(spec, text, exact=exact)


def _object_from_text(spec: FieldSpec, text: str) -> dict[str, Any] | None:
    """An object written as text: a time limit ("20 个工作日"), an agency's name, a contact."""
    name = spec.model.__name__ if spec.model is not None else ""
    if name == "TimeLimit":
        return parse_time_limit(text)
    if name == "Agency":
        return {"name": text}
    if name == "Contact":
        return _contact(text)
    return None


_PHONE = re.compile(r"(?:\(|（)?0\d{2,3}(?:\)|）)?[-—\s]?\d{7,8}|1[3-9]\d{9}|400[-\d]{7,9}|12\d{3}")


def _contact(text: str) -> dict[str, Any]:
    labelled = _LABELLED.match(text)
    label = labelled.group(1) if labelled else ""
    rest = labelled.group(2) if labelled else text
    if "地址" in label or "地点" in label:
        return {"address": rest}
    if "时间" in label:
        return {"hours": rest}
    if "网" in label or rest.startswith("http"):
        return {"url": rest}
    phones = _PHONE.findall(rest)
    return {"phones": phones} if phones else {"address": rest}


def _is_title(text: str) -> bool:
    return text.endswith(("服务指南", "办事指南", "审查细则", "审查工作细则", "（简版）"))


def _is_flow_chart(rows: list[list[str]]) -> bool:
    """banzhang's own flow chart: one column of boxes joined by arrows (drawn from 办理流程)."""
    return all(len(row) == 1 for row in rows) and any(row == ["↓"] for row in rows)


def _fold(label: str) -> str:
    return re.sub(r"[\s　:：]", "", label)
