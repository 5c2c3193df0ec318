"""Look inside a .docx before python-docx parses it: refuse what would crash or swamp it, and
find the text the reader would not see.

A .docx is a zip of XML parts. Before python-docx opens one:

- every member is read through once: a bad CRC, a header that disagrees with the directory, an
  unknown compression method or a broken deflate stream refuses the file with a Chinese message
  (python-docx would raise its own error, or fail halfway through a part);
- a member that inflates more than :attr:`Limits.max_ratio` times its compressed size (past
  :attr:`Limits.ratio_floor_bytes`) or a package past :attr:`Limits.max_total_bytes` is a zip
  bomb (1.4 MB inflating to 6 GB was read in full before);
- every member's prolog is read up to its root element, however long its comments, and a DTD
  there refuses the file (no part of a Word document has a reason to carry one);
- the main document part is walked once with lxml: a cell spanning more columns than a Word
  table has (``gridSpan="2000000000"`` made python-docx build two billion cells), a span that is
  no number, or a vertical merge longer than python-docx can follow is refused; and every text
  python-docx's paragraphs and table cells do not give — content controls, custom XML blocks,
  tracked insertions, text boxes, nested tables, embedded documents (``altChunk``) — becomes a
  :class:`Note` with its place, so that it is reported instead of vanishing.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import IO

import attrs
from defusedxml import ElementTree
from lxml import etree

from banzhang._reasons import reason, zip_reason
from banzhang.errors import UnreadableInput
from banzhang.formats._inputs import BROKEN_ZIP
from banzhang.formats._prolog import declares_dtd, root_start
from banzhang.formats.excel import Limits

__all__ = ["Note", "check_package"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DOCUMENT = "word/document.xml"
_CHUNK = 1 << 16
#: The most columns a Word (or WPS) table has.
MOST_COLUMNS = 63
#: The longest vertical merge python-docx follows (it recurses once per merged row).
MOST_MERGED_ROWS = 500

#: What a reader calls each kind of element whose text python-docx does not give.
_HIDERS = {
    "sdt": "内容控件",
    "customXml": "自定义 XML 块",
    "ins": "修订（尚未接受的插入）",
    "moveTo": "修订（尚未接受的移动）",
    "txbxContent": "文本框",
    "smartTag": "智能标记",
    "fldSimple": "域",
    "tbl": "表格中的嵌套表格",
}
#: The paths from the body to a text python-docx gives (a paragraph's runs, its hyperlinks' runs).
_SEEN = {
    ("p", "r", "t"),
    ("p", "hyperlink", "r", "t"),
    ("tbl", "tr", "tc", "p", "r", "t"),
    ("tbl", "tr", "tc", "p", "hyperlink", "r", "t"),
}


@attrs.frozen
class Note:
    """Text of the document the reader does not see.

    Attributes:
        place: where it stands ("第 3 段", "表格 2 第 4 行", "第 3 段之后").
        holder: what holds it, in words ("内容控件", "文本框", …).
        text: the text (empty for an embedded document, whose text is in another part).
    """

    place: str
    holder: str
    text: str


def check_package(raw: bytes, name: str, limits: Limits | None = None) -> list[Note]:
    """Check the .docx ``raw`` (see the module's docstring); its unseen texts, in order.

    Raises:
        UnreadableInput: not a zip, a broken or over-large member, a DTD, an impossible table.
    """
    limits = limits or Limits()
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
    # ValueError: a name not UTF-8; NotImplementedError: a zip version no reader knows
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, RuntimeError) as err:
        message = f"{name} 不是 Word 文档（.docx 是 zip 格式；旧的 .doc 请先另存为 .docx）"
        raise UnreadableInput(message, source=name) from err
    with package:
        members = package.infolist()
        _check_sizes(members, name, limits)
        try:
            document = _main_part(package)
            kept = b""
            for member in members:
                data = _read_member(package, member, name, keep=member.filename == document)
                kept = data if member.filename == document else kept
        except UnreadableInput:  # our own refusal of a member (a DTD, a ratio): as it says
            raise
        except BROKEN_ZIP as err:
            message = f"{name} 的压缩数据已损坏，无法读取：{zip_reason(err)}"
            raise UnreadableInput(message, source=name) from err
    return _Scan(name).run(kept) if kept else []


def _check_sizes(members: list[zipfile.ZipInfo], name: str, limits: Limits) -> None:
    if len(members) > limits.max_members:
        message = f"{name} 含 {len(members)} 个部件，超过上限 {limits.max_members}，拒绝读取"
        raise UnreadableInput(message, source=name)
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if total > limits.max_total_bytes or (
            member.file_size > limits.ratio_floor_bytes and ratio > limits.max_ratio
        ):
            message = (
                f"{name} 的 {member.filename} 解压后 {member.file_size} 字节（压缩比 "
                f"{ratio:.0f}:1），超过上限（疑似 zip 炸弹），拒绝读取"
            )
            raise UnreadableInput(message, source=name)


def _main_part(package: zipfile.ZipFile) -> str:
    """The main document part, as the package's relationships name it (python-docx opens the
    part they name, whatever it is called)."""
    try:
        relations = ElementTree.fromstring(package.read("_rels/.rels"))
    except (KeyError, ElementTree.ParseError, ValueError, LookupError):
        return _DOCUMENT  # python-docx fails on such a package itself, with an error
    for relation in relations:
        if (relation.get("Type") or "").endswith("/officeDocument"):
            target = relation.get("Target") or ""
            return posixpath.normpath(target.lstrip("/")) if target else _DOCUMENT
    return _DOCUMENT


def _read_member(
    package: zipfile.ZipFile, member: zipfile.ZipInfo, name: str, *, keep: bool
) -> bytes:
    """Read a member through (zipfile checks its CRC at the end), refusing a DTD before its root
    element; its bytes when ``keep``."""
    head, checked, look_at, kept = b"", False, 0, []
    with package.open(member) as stream:
        for chunk in _chunks(stream):
            if keep:
                kept.append(chunk)
            if not checked:
                head += chunk
                if len(head) >= look_at:  # each time the head doubles: linear in the member
                    checked, look_at = _prolog_done(head, member, name), 2 * len(head)
    if not checked:
        _prolog_done(head, member, name)
    return b"".join(kept)


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while chunk := stream.read(_CHUNK):
        yield chunk


def _prolog_done(head: bytes, member: zipfile.ZipInfo, name: str) -> bool:
    """Whether ``head`` reaches the member's root element; refuse a DTD before it."""
    if declares_dtd(head):
        message = f"{name} 的 {member.filename} 含有 DTD（<!DOCTYPE 或 <!ENTITY），拒绝读取"
        raise UnreadableInput(message, source=name)
    return root_start(head) is not None


_DIGITS = re.compile(r"[0-9]+")


class _Scan:
    """One walk of the main document part: tables bounded, unseen texts noted."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.path: list[str] = []  # local names from the body down
        self.paragraphs = 0
        self.tables = 0
        self.rows = 0  # rows of the current top-level table
        self.merged: list[int] = []  # per open table: rows in a row with a merge continued
        self.notes: list[Note] = []

    def run(self, data: bytes) -> list[Note]:
        events = etree.iterparse(
            io.BytesIO(data),
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )
        body_depth = -1
        try:
            for event, element in events:
                tag = element.tag if isinstance(element.tag, str) else ""
                if event == "start":
                    if tag == f"{_W}body":
                        body_depth = len(self.path)
                    self.path.append(_local(tag))
                    if body_depth >= 0 and len(self.path) > body_depth + 1:
                        self._start(tag, element, body_depth)
                    continue
                self.path.pop()
                if body_depth >= 0 and len(self.path) > body_depth:
                    self._end(tag, element, body_depth)
        except etree.XMLSyntaxError as err:
            message = f"{self.name} 的 {_DOCUMENT} 不是格式正确的 XML：{reason(err)}"
            raise UnreadableInput(message, source=self.name) from err
        return self.notes

    def _start(self, tag: str, element: etree._Element, body: int) -> None:
        level = len(self.path) - body - 1  # 1: a block of the body
        if level == 1 and tag == f"{_W}p":
            self.paragraphs += 1
        elif level == 1 and tag == f"{_W}tbl":
            self.tables += 1
            self.rows = 0
        elif level == 2 and tag == f"{_W}tr" and self.path[-2] == "tbl":
            self.rows += 1
        if tag == f"{_W}tbl":
            self.merged.append(0)
        elif tag in (f"{_W}gridSpan", f"{_W}gridBefore", f"{_W}gridAfter"):
            self._check_span(element.get(f"{_W}val"))
        elif tag == f"{_W}altChunk":
            self.notes.append(Note(self._place(body), "外部文档（altChunk）", ""))

    def _end(self, tag: str, element: etree._Element, body: int) -> None:
        if tag == f"{_W}t" and element.text:
            self._text(element.text, body)
        elif tag == f"{_W}tbl" and self.merged:
            self.merged.pop()
        elif tag == f"{_W}tr" and self.merged:
            self.merged[-1] = self.merged[-1] + 1 if _continues_merge(element) else 0
            if self.merged[-1] > MOST_MERGED_ROWS:
                self._refuse(f"有单元格纵向连续合并了超过 {MOST_MERGED_ROWS} 行")
        if len(self.path) == body + 1:  # a block of the body ends: let it go
            element.clear()
            while element.getprevious() is not None:
                parent = element.getparent()
                assert parent is not None
                del parent[0]

    def _text(self, text: str, body: int) -> None:
        inside = (*self.path[body + 1 :], "t")
        if inside in _SEEN or f"{_MC}Fallback" in inside:
            return  # python-docx gives it; or the copy a program reads in place of a text box
        holder = next((_HIDERS[n] for n in inside[1:] if n in _HIDERS), None)
        if holder is None:
            holder = _HIDERS.get(inside[0], "正文中无法识别的结构")
        place = self._place(body)
        last = self.notes[-1] if self.notes else None
        if last is not None and (last.place, last.holder) == (place, holder):
            self.notes[-1] = attrs.evolve(last, text=last.text + text)
        else:
            self.notes.append(Note(place, holder, text))

    def _place(self, body: int) -> str:
        block = self.path[body + 1] if len(self.path) > body + 1 else ""
        if block == "p":
            return f"第 {self.paragraphs} 段"
        if block == "tbl":
            return f"表格 {self.tables} 第 {self.rows} 行" if self.rows else f"表格 {self.tables}"
        return f"第 {self.paragraphs} 段之后" if self.paragraphs else "正文开头"

    def _check_span(self, value: str | None) -> None:
        if value is None:
            return
        digits = value.strip()
        if not _DIGITS.fullmatch(digits):
            self._refuse(f"有一个单元格的跨列数“{value[:20]}”不是数字")
        if len(digits) > len(str(MOST_COLUMNS)) or int(digits) > MOST_COLUMNS:
            self._refuse(
                f"有一个单元格声称横跨 {digits[:20]} 列（Word 表格至多 {MOST_COLUMNS} 列）"
            )

    def _refuse(self, what: str) -> None:
        where = f"表格 {self.tables}" + (f" 第 {self.rows} 行" if self.rows else "")
        message = f"{self.name} 的{where}{what}，文件已损坏，拒绝读取"
        raise UnreadableInput(message, source=self.name)


def _continues_merge(row: etree._Element) -> bool:
    """Whether a row continues a vertical merge in one of its own cells (python-docx follows
    each such cell up through every row of the merge, recursively: the count of consecutive
    rows doing so bounds that depth)."""
    return any(
        (merge.get(f"{_W}val") or "continue") == "continue"
        for cell in row.iterchildren(f"{_W}tc")
        for properties in cell.iterchildren(f"{_W}tcPr")
        for merge in properties.iterchildren(f"{_W}vMerge")
    )


def _local(tag: str) -> str:
    return tag.rpartition("}")[2] if tag.startswith(f"{{{_W[1:-1]}}}") else tag
