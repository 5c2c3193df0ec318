"""The standard itself: three DB15/T drafts in GB/T 1.1-2020 form, and an 编制说明 for each.

Seed 000 announces 《行政权力事项编码规则》, 《行政审批事项服务指南编写规范》 and
《行政审批事项审查细则编写规范》 as local standards. Each draft is one document model
(:class:`Standard`) built from the declarations — the segment tables, the kinds' elements and
sections, the codelists, the rule catalogue, the shipped examples — laid out once
(:func:`document_lines`) and printed to Word; the self-checks (:mod:`.checks`) read the same
lines, or the lines read back from the .docx (:func:`read_lines`).

>>> [draft.title for draft in drafts()]
['行政权力事项编码规则', '行政审批事项服务指南编写规范', '行政审批事项审查细则编写规范']
>>> from banzhang.generate.standard.checks import check
>>> [check(document_lines(draft)) for draft in drafts()]
[[], [], []]
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from banzhang._atomic import make_folder, write_bytes
from banzhang._reasons import reason
from banzhang.errors import UnreadableInput
from banzhang.generate.standard._coding import MAINTENANCE, RELATION, coding_rule
from banzhang.generate.standard._docx import STYLES, docx_bytes
from banzhang.generate.standard._explanation import explanation_bytes
from banzhang.generate.standard._front import document_lines
from banzhang.generate.standard._model import Line, Standard, Table, layout
from banzhang.generate.standard._norms import guide_norm, review_norm
from banzhang.generate.standard._words import clause_words, pattern_words, source_words

__all__ = [
    "MAINTENANCE",
    "RELATION",
    "Line",
    "Standard",
    "clause_words",
    "document_lines",
    "draft_files",
    "drafts",
    "layout",
    "pattern_words",
    "read_lines",
    "source_words",
    "write",
]


def drafts() -> list[Standard]:
    """Return the three drafts, in the order seed 000 names them."""
    return [coding_rule(), guide_norm(), review_norm()]


def draft_files() -> dict[str, bytes]:
    """Return every file the drafts make, by file name: each draft and its 编制说明."""
    files = {}
    for draft in drafts():
        files[f"{draft.title}（征求意见稿）.docx"] = docx_bytes(document_lines(draft), draft.title)
        files[f"{draft.title}（征求意见稿）编制说明.docx"] = explanation_bytes(draft)
    return files


def write(out: Path) -> list[Path]:
    """Write the drafts and their 编制说明 into the folder ``out``; return the files written."""
    make_folder(out)
    written = []
    for name, data in draft_files().items():
        write_bytes(out / name, data)
        written.append(out / name)
    return written


_ROLES = {style.name: role for role, style in STYLES.items()} | {STYLES["clause-3"].name: "clause"}


def read_lines(path: Path) -> list[Line]:
    """Read a draft back from its .docx: each paragraph's role from its style, tables in place.

    Raises:
        UnreadableInput: the file is missing or is not a Word document.
    """
    try:
        word = Document(str(path))
    except Exception as err:  # python-docx raises many kinds of error for a broken package
        message = f"{path} 不是可读的 Word 文档（.docx）：{reason(err)}"
        raise UnreadableInput(message, source=str(path)) from err
    lines = []
    for child in word.element.body.iterchildren():
        if child.tag.endswith("}p"):
            paragraph = Paragraph(child, word._body)
            role = _ROLES.get(paragraph.style.name if paragraph.style is not None else "")
            if role is not None:
                lines.append(Line(role, paragraph.text))
        elif child.tag.endswith("}tbl"):
            table = DocxTable(child, word._body)
            cells = [tuple(cell.text for cell in row.cells) for row in table.rows]
            lines.append(Line("table", "", table=Table("", "", cells[0], tuple(cells[1:]))))
    return lines
