"""Print a draft's lines as a Word document laid out as GB/T 1.1-2020 sets a standard.

Every line goes out in a named paragraph style (章标题, 一级条标题, 段, 列项 …), so Word and WPS
users — and the drafting plug-ins that read styles — see native styles they can restyle; the
chapter, annex and 前言 styles carry outline levels, so the 目次 (a Word TOC field, its entries
already filled in) updates itself when Word opens the file. Fonts follow GB/T 1.1: 黑体 for
titles, 宋体 for text, 五号 text and 小五 notes and tables. Three sections: the cover without a
page number, the front matter numbered I, II …, the body numbered from 1.

The file is the same, byte for byte, for the same draft: its dates are fixed, so the committed
copy in ``docs/`` can be compared.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

import attrs
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from banzhang.formats.docx import add_field
from banzhang.generate.standard._front import DESIGNATION, FILL_IN
from banzhang.generate.standard._model import Line, Table
from banzhang.generate.standard._ooxml import (
    SECTION_AFTER_PAGE_NUMBERS,
    SETTINGS_AFTER_UPDATE_FIELDS,
    insert_in_order,
    paragraph_successors,
)

__all__ = ["STYLES", "docx_bytes"]

_HEI, _SONG = "黑体", "宋体"
_LEFT, _CENTER, _RIGHT = (
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.RIGHT,
)
_JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
_FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


@attrs.frozen
class _Style:
    name: str
    font: str = _SONG
    size: float = 10.5
    align: Any = _JUSTIFY
    outline: int | None = None
    indent: float = 0  # first-line indent, in characters
    hanging: float = 0  # hanging indent, in characters
    before: float = 0
    after: float = 0
    page_break: bool = False


#: Each line role's paragraph style.
STYLES = {
    "cover-class": _Style("封面分类号", _HEI, 10.5, _LEFT),
    "cover-mark": _Style("封面标准标志", _HEI, 42, _RIGHT, before=24),
    "cover-name": _Style("封面标准类别", _HEI, 26, _CENTER, before=6, after=12),
    "cover-designation": _Style("封面标准编号", _HEI, 14, _RIGHT),
    "cover-filing": _Style("封面备案号", _SONG, 10.5, _RIGHT, after=6),
    "cover-title": _Style("封面标准名称", _HEI, 26, _CENTER, before=120),
    "cover-stage": _Style("封面稿次", _SONG, 14, _CENTER, before=24),
    "cover-patent": _Style("封面专利提示", _SONG, 9, _CENTER, before=200),
    "cover-dates": _Style("封面日期", _HEI, 14, _LEFT, before=24),
    "cover-issuer": _Style("封面发布机构", _HEI, 16, _CENTER, before=18),
    "toc-title": _Style("目次标题", _HEI, 16, _CENTER, after=18, page_break=True),
    "toc": _Style("目次条目", _SONG, 10.5, _LEFT, after=3),
    "foreword-title": _Style("前言标题", _HEI, 16, _CENTER, 0, after=18, page_break=True),
    "foreword": _Style("前言段", indent=2),
    "title": _Style("正文标准名称", _HEI, 16, _CENTER, before=12, after=24),
    "chapter": _Style("章标题", _HEI, 10.5, _LEFT, 0, before=8, after=8),
    "clause": _Style("一级条标题", _HEI, 10.5, _LEFT, 1, before=4, after=4),
    "clause-3": _Style("二级条标题", _HEI, 10.5, _LEFT, 2, before=4, after=4),
    "paragraph": _Style("段", indent=2),
    "list": _Style("列项", indent=2),
    "sublist": _Style("二级列项", indent=4),
    "note": _Style("注", _SONG, 9, hanging=0, indent=2),
    "example": _Style("示例", _SONG, 9, indent=2),
    "term-number": _Style("术语条目编号", _HEI, 10.5, _LEFT, before=4),
    "term": _Style("术语", _HEI, 10.5, _LEFT, indent=2),
    "definition": _Style("术语定义", indent=2),
    "reference": _Style("规范性引用文件", indent=2),
    "table-title": _Style("表标题", _HEI, 10.5, _CENTER, before=6, after=3),
    "table-cell": _Style("表格文字", _SONG, 9, _LEFT),
    "annex": _Style("附录标识", _HEI, 10.5, _CENTER, 0, after=12, page_break=True),
    "bibliography-title": _Style("参考文献标题", _HEI, 10.5, _CENTER, 0, after=12, page_break=True),
    "bibliography": _Style("参考文献", hanging=2),
}


def docx_bytes(lines: list[Line], title: str) -> bytes:
    """Return the .docx of a draft's ``lines``, its properties naming ``title``."""
    word = Document()
    _page(word.sections[0])
    _define_styles(word)
    if lines and lines[0].role == "title":  # a 编制说明: one section, numbered from 1
        _page_number(word.sections[0].footer.paragraphs[0])
    for line in lines:
        if line.role == "toc-title":
            _front_section(word)
        elif line.role == "title" and lines[0].role != "title":  # a 编制说明 has no cover
            _body_section(word)
        _write(word, line)
    _toc_field(word)
    _properties(word, title)
    return _fixed_zip(word)


def _page(section: Any) -> None:
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.header_distance = section.footer_distance = Mm(12)


def _define_styles(word: Any) -> None:
    normal = word.styles["Normal"]
    _fonts(normal.element, _SONG, 10.5)
    for style in STYLES.values():
        created = word.styles.add_style(style.name, WD_STYLE_TYPE.PARAGRAPH)
        created.base_style = normal
        created.quick_style = True
        _fonts(created.element, style.font, style.size)
        layout = created.paragraph_format
        layout.alignment = style.align
        layout.space_before, layout.space_after = Pt(style.before), Pt(style.after)
        layout.page_break_before = style.page_break
        if style.indent:
            layout.first_line_indent = Pt(style.size * style.indent)
        if style.hanging:
            layout.left_indent = Pt(style.size * style.hanging)
            layout.first_line_indent = -Pt(style.size * style.hanging)
        if style.outline is not None:
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(style.outline))
            insert_in_order(
                created.element.get_or_add_pPr(), outline, paragraph_successors("w:outlineLvl")
            )


def _fonts(style_element: Any, east_asian: str, size: float) -> None:
    run = style_element.get_or_add_rPr()
    fonts = run.get_or_add_rFonts()
    fonts.set(qn("w:ascii"), "Times New Roman")
    fonts.set(qn("w:hAnsi"), "Times New Roman")
    fonts.set(qn("w:eastAsia"), east_asian)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(round(size * 2)))
        run.append(element)


def _write(word: Any, line: Line) -> None:
    if line.role == "table" and line.table is not None:
        _table(word, line.table)
        return
    role = "clause-3" if line.role == "clause" and line.level >= 3 else line.role  # 4.1.1
    paragraph = word.add_paragraph(style=STYLES[role].name)
    if line.role == "cover-dates":
        _dates(paragraph, line.text)
    elif line.role == "foreword" and any(field in line.text for field in FILL_IN):
        _with_fill_in(paragraph, line.text)
    else:
        _text(paragraph, line.text)
    if line.role == "cover-filing":
        _rule_below(paragraph)


def _text(paragraph: Any, text: str) -> None:
    for part in text.split("\n"):
        paragraph.add_run(part)
    _breaks(paragraph)


def _breaks(paragraph: Any) -> None:
    """Put a line break before every run but the first (``附录A`` / ``（规范性）`` / title)."""
    for run in paragraph.runs[1:]:
        run._r.insert(0, OxmlElement("w:br"))


def _dates(paragraph: Any, text: str) -> None:
    issued, effective = text.split("\t")
    stops = paragraph.paragraph_format.tab_stops
    stops.add_tab_stop(Mm(165), alignment=2)  # 2: right-aligned, at the right margin
    paragraph.add_run(f"{issued}\t{effective}")
    _rule_below(paragraph, above=True)


def _rule_below(paragraph: Any, *, above: bool = False) -> None:
    """Draw the cover's horizontal rule under (or over) ``paragraph``."""
    borders = OxmlElement("w:pBdr")
    edge = OxmlElement("w:top" if above else "w:bottom")
    for key, value in (("val", "single"), ("sz", "8"), ("space", "4"), ("color", "000000")):
        edge.set(qn(f"w:{key}"), value)
    borders.append(edge)
    insert_in_order(paragraph._p.get_or_add_pPr(), borders, paragraph_successors("w:pBdr"))


def _with_fill_in(paragraph: Any, text: str) -> None:
    """Write ``text`` with each ``〔请填写…〕`` as a MACROBUTTON field: one click selects it."""
    rest = text
    while rest:
        field = next((f for f in FILL_IN if f in rest), None)
        if field is None:
            paragraph.add_run(rest)
            return
        before, _found, rest = rest.partition(field)
        paragraph.add_run(before)
        _field(paragraph, f" MACROBUTTON NoMacro {field} ", field)


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, shown)):
        run = paragraph.add_run()
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == instruction:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = instruction
            run._r.append(code)
        else:
            run.text = shown
            run.font.highlight_color = 7  # yellow: a prompt still to fill in
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _table(word: Any, table: Table) -> None:
    grid = word.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False  # a fixed layout, widths as given: no column shrinks to a character
    widths = _widths(table)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice lays out by; Word reads the cells' widths
    _cells(grid.rows[0].cells, table.headers, widths, bold=True)
    _repeat_header(grid.rows[0])
    for row in table.rows:
        _cells(grid.add_row().cells, row, widths, bold=False)


def _widths(table: Table) -> list[Any]:
    weights = table.widths or tuple(1 for _ in table.headers)
    total = sum(weights)
    return [Mm(165 * weight / total) for weight in weights]


def _cells(cells: Any, texts: tuple[str, ...], widths: list[Any], *, bold: bool) -> None:
    for cell, text, width in zip(cells, texts, widths, strict=True):
        cell.width = width
        paragraph = cell.paragraphs[0]
        paragraph.style = STYLES["table-cell"].name
        if bold:
            paragraph.alignment = _CENTER
        run = paragraph.add_run(text)
        run.bold = bold or None


def _repeat_header(row: Any) -> None:
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(repeat)


def _front_section(word: Any) -> None:
    """Start the front matter: a new page, a header with the designation, pages I, II …"""
    section = word.add_section(WD_SECTION.NEW_PAGE)
    _page(section)
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.text = DESIGNATION
    header.alignment = _RIGHT
    _page_number(section.footer.paragraphs[0])
    _numbering(section, "upperRoman")


def _body_section(word: Any) -> None:
    section = word.add_section(WD_SECTION.NEW_PAGE)
    _page(section)
    _numbering(section, "decimal")


def _numbering(section: Any, style: str) -> None:
    numbers = OxmlElement("w:pgNumType")
    numbers.set(qn("w:fmt"), style)
    numbers.set(qn("w:start"), "1")
    insert_in_order(section._sectPr, numbers, SECTION_AFTER_PAGE_NUMBERS)


def _page_number(paragraph: Any) -> None:
    paragraph.alignment = _CENTER
    add_field(paragraph, "PAGE")


def _toc_field(word: Any) -> None:
    """Wrap the 目次 entries in a TOC field, and have Word refresh it (with page numbers)."""
    entries = [p for p in word.paragraphs if p.style.name == STYLES["toc"].name]
    if not entries:
        return
    first, last = entries[0], entries[-1]
    begin = [_char("begin"), _instruction(' TOC \\o "1-2" \\h \\z \\u '), _char("separate")]
    for position, element in enumerate(begin):
        first._p.insert(position + 1 if first._p.pPr is not None else position, element)
    last._p.append(_char("end"))
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    insert_in_order(word.settings.element, update, SETTINGS_AFTER_UPDATE_FIELDS)


def _char(kind: str) -> Any:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def _instruction(text: str) -> Any:
    run = OxmlElement("w:r")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = text
    run.append(code)
    return run


def _properties(word: Any, title: str) -> None:
    properties = word.core_properties
    properties.title = title
    properties.subject = f"{DESIGNATION}（征求意见稿）"
    properties.author = properties.last_modified_by = "banzhang"
    properties.category = "banzhang standard"
    properties.created = properties.modified = _FIXED_DATE.replace(tzinfo=None)
    properties.revision = 1


def _fixed_zip(word: Any) -> bytes:
    """Save ``word`` with every zip entry dated the same, so equal drafts give equal bytes."""
    saved = io.BytesIO()
    word.save(saved)
    fixed = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, source.read(info.filename))
    return fixed.getvalue()
