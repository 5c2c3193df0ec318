"""The document model of a standard in GB/T 1.1-2020's structure, and its numbered layout.

A :class:`Standard` holds what its builder derives from the declarations — clauses (章/条) with
paragraphs (段), lists (列项), tables, notes and examples; terms; normative and informative
annexes; references — without numbers. :func:`layout` numbers it once, the GB/T 1.1 way
(``1``, ``1.1``, ``附录A``, ``A.1``, ``表1``, ``表A.1``, 列项 ``a)``/``1)``), into a flat run of
:class:`Line` s: the Word writer prints them, the site renders them, and the self-checks read
them (or the same run read back from a .docx), so the three cannot disagree.

Text may point at a table or an annex by its label — ``〔表:elements〕``, ``〔附录:codelists〕`` —
and :func:`layout` puts the number in its place.

>>> draft = Standard(
...     id="x", title="示例", scope=(Paragraph("本文件规定了示例。"),),
...     body=(Clause("要求", (Paragraph("见〔表:t〕。"), Table("t", "字段", ("名称",), ()))),),
... )
>>> [line.text for line in layout(draft) if line.role in ("chapter", "table-title")]
['1 范围', '2 规范性引用文件', '3 术语和定义', '4 要求', '表1 字段']
>>> [line.text for line in layout(draft) if line.text.startswith("见")]
['见表1。']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import attrs

__all__ = [
    "Annex",
    "Block",
    "Clause",
    "Example",
    "Line",
    "ListItems",
    "Note",
    "Paragraph",
    "Reference",
    "Standard",
    "Table",
    "Term",
    "layout",
]


@attrs.frozen
class Paragraph:
    """A paragraph (段)."""

    text: str


@attrs.frozen
class ListItems:
    """A list (列项): each entry its text and the entries of its second level.

    Attributes:
        entries: (text, sub-entries) pairs; printed ``a)`` and ``1)``.
        lead: the sentence that introduces the list, if it is not the paragraph before it.
    """

    entries: tuple[tuple[str, tuple[str, ...]], ...]
    lead: str = ""


@attrs.frozen
class Table:
    """A table with its title; numbered ``表1`` in the body, ``表A.1`` in an annex.

    Attributes:
        label: how text points at it (``〔表:label〕``).
        title: its title, without the number.
        headers: the column headings.
        rows: the cells, row by row.
        widths: each column's relative width, for print.
    """

    label: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()


@attrs.frozen
class Note:
    """A note (注): informative, never a requirement."""

    text: str


@attrs.frozen
class Example:
    """An example (示例): informative."""

    text: str


Block = Paragraph | ListItems | Table | Note | Example


@attrs.frozen
class Clause:
    """A clause (章 at the top, 条 below), with its blocks and its sub-clauses."""

    title: str
    blocks: tuple[Block, ...] = ()
    children: tuple[Clause, ...] = ()


@attrs.frozen
class Term:
    """A term and its definition (术语和定义), with an optional note."""

    term: str
    definition: str
    note: str = ""


@attrs.frozen
class Annex:
    """An annex: normative (规范性) or informative (资料性).

    Attributes:
        label: how text points at it (``〔附录:label〕``).
        title: its title.
        normative: whether it is 规范性.
        blocks: what it says before its clauses.
        clauses: its clauses, numbered ``A.1`` …
    """

    label: str
    title: str
    normative: bool
    blocks: tuple[Block, ...] = ()
    clauses: tuple[Clause, ...] = ()


@attrs.frozen
class Reference:
    """A referenced document: its designation (``GB/T 2260``, or ``""`` for a law) and title."""

    designation: str
    title: str

    @property
    def text(self) -> str:
        """How the reference is listed: ``GB/T 2260 中华人民共和国行政区划代码`` or ``《…》``."""
        return f"{self.designation}　{self.title}" if self.designation else f"《{self.title}》"


@attrs.frozen
class Standard:
    """One draft local standard.

    Attributes:
        id: its file name stem (``coding-rule``).
        title: its Chinese title.
        scope: 1 范围.
        body: the technical chapters, from 4 on.
        normative_references: 2 规范性引用文件.
        terms: 3 术语和定义.
        annexes: 附录A, 附录B, …
        bibliography: 参考文献, each entry's text.
        introduction: what the 前言 says of the document beyond GB/T 1.1's fixed wording.
        basis: for the 编制说明, each part of the content and where it comes from
            (what, source), the source in the declarations' notation.
        kinds: the document kinds whose elements it sets out (for 与原版本的差异).
    """

    id: str
    title: str
    scope: tuple[Block, ...]
    body: tuple[Clause, ...]
    normative_references: tuple[Reference, ...] = ()
    terms: tuple[Term, ...] = ()
    annexes: tuple[Annex, ...] = ()
    bibliography: tuple[str, ...] = ()
    introduction: tuple[str, ...] = ()
    basis: tuple[tuple[str, str], ...] = ()
    kinds: tuple[str, ...] = ()


@attrs.frozen
class Line:
    """One numbered line of a laid-out standard.

    Attributes:
        role: what it is — ``chapter``, ``clause``, ``paragraph``, ``list``, ``sublist``,
            ``note``, ``example``, ``term-number``, ``term``, ``definition``, ``table-title``,
            ``table``, ``annex`` (``附录A\\n（规范性）\\n代码表``), ``reference``,
            ``bibliography-title``, ``bibliography``; the front matter adds its own roles.
        text: its text, number included (``4.1 申请材料``, ``a) ……``).
        level: the depth of a clause (1 for ``4``, 2 for ``4.1``), 0 for other lines.
        table: the table, for ``table`` lines.
    """

    role: str
    text: str
    level: int = 0
    table: Table | None = None


_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # GB/T 1.1 skips I and O, which read as 1 and 0


def layout(standard: Standard) -> list[Line]:
    """Number ``standard`` and return its lines from 1 范围 to 参考文献."""
    labels = _labels(standard)
    numbering = _Numbering(labels)
    lines = [*numbering.chapter("范围", standard.scope)]
    lines += numbering.references(standard.normative_references)
    lines += numbering.terms(standard.terms)
    for clause in standard.body:
        lines += numbering.clause(clause, str(numbering.next_chapter()))
    for letter, annex in zip(_LETTERS, standard.annexes, strict=False):
        lines += numbering.annex(letter, annex)
    if standard.bibliography:
        lines.append(Line("bibliography-title", "参考文献"))
        lines += [Line("bibliography", f"[{n}]　{e}") for n, e in _enumerate(standard)]
    return [_resolved(line, labels) for line in lines]


def _enumerate(standard: Standard) -> Iterator[tuple[int, str]]:
    yield from enumerate(standard.bibliography, start=1)


def _labels(standard: Standard) -> dict[str, str]:
    """Return the number each table and annex label stands for (``表:x`` → ``表A.1``).

    Raises:
        ValueError: two tables or two annexes share a label (text could not say which it means).
    """
    numbered: list[tuple[str, str]] = []
    body_tables = [t for c in standard.body for t in _tables_of(c)]
    numbered += [(f"表:{t.label}", f"表{n}") for n, t in enumerate(body_tables, start=1)]
    for letter, annex in zip(_LETTERS, standard.annexes, strict=False):
        numbered.append((f"附录:{annex.label}", f"附录{letter}"))
        tables = [b for b in annex.blocks if isinstance(b, Table)]
        tables += [t for c in annex.clauses for t in _tables_of(c)]
        numbered += [(f"表:{t.label}", f"表{letter}.{n}") for n, t in enumerate(tables, start=1)]
    found = dict(numbered)
    if len(found) < len(numbered):
        counts = Counter(label for label, _number in numbered)
        twice = sorted(label for label, count in counts.items() if count > 1)
        message = f"《{standard.title}》中有重复的表或附录标签：{'、'.join(twice)}"
        raise ValueError(message)
    return found


def _tables_of(clause: Clause) -> Iterator[Table]:
    yield from (block for block in clause.blocks if isinstance(block, Table))
    for child in clause.children:
        yield from _tables_of(child)


_LABEL = re.compile(r"〔(表|附录):([^〕]+)〕")


def _resolve(text: str, labels: dict[str, str]) -> str:
    return _LABEL.sub(lambda found: labels[f"{found[1]}:{found[2]}"], text)


def _resolved(line: Line, labels: dict[str, str]) -> Line:
    """Return ``line`` with its labels, and those in its table's cells, numbered."""
    table = line.table
    if table is not None:
        rows = tuple(tuple(_resolve(cell, labels) for cell in row) for row in table.rows)
        table = attrs.evolve(table, rows=rows)
    return attrs.evolve(line, text=_resolve(line.text, labels), table=table)


@attrs.define
class _Numbering:
    """Hands out chapter numbers and lays blocks out; tables are numbered by their labels."""

    labels: dict[str, str]
    chapters: int = 0

    def next_chapter(self) -> int:
        self.chapters += 1
        return self.chapters

    def chapter(self, title: str, blocks: tuple[Block, ...]) -> list[Line]:
        return self.clause(Clause(title, blocks), str(self.next_chapter()))

    def clause(self, clause: Clause, number: str) -> list[Line]:
        level = number.count(".") + 1  # an annex's A.1 stands below 附录A, as 4.1 below 4
        role = "chapter" if level == 1 else "clause"
        lines = [Line(role, f"{number} {clause.title}", level)]
        lines += self.blocks(clause.blocks)
        for index, child in enumerate(clause.children, start=1):
            lines += self.clause(child, f"{number}.{index}")
        return lines

    def blocks(self, blocks: tuple[Block, ...]) -> list[Line]:
        """Lay out a clause's blocks; two or more notes (examples) are numbered 注1, 注2 …"""
        counts = {kind: sum(isinstance(b, kind) for b in blocks) for kind in (Note, Example)}
        seen = dict.fromkeys(counts, 0)
        lines = []
        for block in blocks:
            if isinstance(block, Note | Example):
                seen[type(block)] += 1
                number = str(seen[type(block)]) if counts[type(block)] > 1 else ""
                role, word = ("note", "注") if isinstance(block, Note) else ("example", "示例")
                lines.append(Line(role, f"{word}{number}：{block.text}"))
            else:
                lines += self.block(block)
        return lines

    def block(self, block: Block) -> list[Line]:
        if isinstance(block, Paragraph):
            return [Line("paragraph", block.text)]
        if isinstance(block, Note | Example):
            return self.blocks((block,))
        if isinstance(block, Table):
            number = self.labels[f"表:{block.label}"]
            return [Line("table-title", f"{number} {block.title}"), Line("table", "", table=block)]
        return _list_lines(block)

    def references(self, references: tuple[Reference, ...]) -> list[Line]:
        lines = [Line("chapter", f"{self.next_chapter()} 规范性引用文件", 1)]
        if not references:
            return [*lines, Line("paragraph", "本文件没有规范性引用文件。")]
        lead = (
            "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
            "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）"
            "适用于本文件。"
        )
        return [*lines, Line("paragraph", lead), *(Line("reference", r.text) for r in references)]

    def terms(self, terms: tuple[Term, ...]) -> list[Line]:
        number = self.next_chapter()
        lines = [Line("chapter", f"{number} 术语和定义", 1)]
        if not terms:
            return [*lines, Line("paragraph", "本文件没有需要界定的术语和定义。")]
        lines.append(Line("paragraph", "下列术语和定义适用于本文件。"))
        for index, term in enumerate(terms, start=1):
            lines += [
                Line("term-number", f"{number}.{index}", 2),
                Line("term", term.term),
                Line("definition", term.definition),
            ]
            if term.note:
                lines.append(Line("note", f"注：{term.note}"))
        return lines

    def annex(self, letter: str, annex: Annex) -> list[Line]:
        kind = "（规范性）" if annex.normative else "（资料性）"
        # One paragraph with line breaks, as GB/T 1.1 sets it: a table of contents shows it whole.
        lines = [Line("annex", f"附录{letter}\n{kind}\n{annex.title}", 1)]
        lines += self.blocks(annex.blocks)
        for index, clause in enumerate(annex.clauses, start=1):
            lines += self.clause(clause, f"{letter}.{index}")
        return lines


def _list_lines(block: ListItems) -> list[Line]:
    """Lay a list out; its entries end in “；”, the last in “。” (GB/T 1.1-2020 7.5)."""
    lines = [Line("paragraph", block.lead)] if block.lead else []
    last = len(block.entries) - 1
    for index, (text, children) in enumerate(block.entries):
        end = "。" if index == last and not children else "；"
        lines.append(Line("list", f"{chr(ord('a') + index)}) {_ended(text, end)}"))
        for number, child in enumerate(children, start=1):
            end = "。" if index == last and number == len(children) else "；"
            lines.append(Line("sublist", f"{number}) {_ended(child, end)}"))
    return lines


def _ended(text: str, end: str) -> str:
    return text.rstrip("；。;.，,") + end
