"""Write a 服务指南 or 审查细则 as a Word document a department edits, approves and prints.

A4 with page numbers; a title; numbered section headings ("一、适用范围"); under them each element
as "标题：值", lists as numbered lines, objects as two-column tables and lists of objects (申请材料,
办理流程, 审查环节) as tables with a header row. The 办理流程 also appears as a flow chart drawn
with table cells and arrows, which a department can edit like the rest (a picture could not be).
The document's kind and spec version are kept in its properties, so banzhang reads its own
documents back exactly.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from banzhang import kinds
from banzhang._access import get as _get
from banzhang._atomic import check_target, writing
from banzhang._version import SPEC_VERSION
from banzhang.declare import FieldSpec, fields_of
from banzhang.documents import to_data
from banzhang.errors import InvalidDocument
from banzhang.formats._prolog import NOT_XML
from banzhang.formats.docx._layout import numeral, scalar_text, time_text
from banzhang.validation.findings import Finding

__all__ = ["KIND_MARK", "add_field", "dump"]

#: The document property that says banzhang wrote it: "banzhang service-guide".
KIND_MARK = "banzhang"
#: Fonts and sizes of Chinese official documents (GB/T 9704): the title in 小标宋 二号, headings
#: in 黑体 and 楷体 三号, the body in 仿宋 (四号 here: a guide is read at a desk more than
#: posted), tables in 仿宋 五号; all in black (Word's headings are blue by default).
_STYLES = {
    "Title": ("方正小标宋简体", 22),
    "Heading 1": ("黑体", 16),
    "Heading 2": ("楷体", 16),
    "Normal": ("仿宋", 14),
    "Table Grid": ("仿宋", 10.5),
}
#: A table wider than this many columns prints in a landscape section of its own.
_PORTRAIT_COLUMNS = 6
#: The width text takes on the page: A4 less the margins, portrait and landscape.
_TEXT_WIDTH = {False: Mm(160), True: Mm(247)}
#: A character of a table and the padding of a cell (both sides), as LibreOffice prints them:
#: 仿宋 五号 (10.5 pt, 3.7 mm) in Word's default padding (1.9 mm a side), and 小五 (9 pt) in
#: 1 mm a side; a little spare for the bold header and the cell's borders.
_TABLE_TYPE = (Mm(3.8), Mm(4.5))
_SMALL_TYPE = (Mm(3.18), Mm(2.5))
#: The flow chart's column of boxes, and the arrow between two boxes (a line, an arrowhead).
_CHART_WIDTH = Mm(90)
_ARROW = ("│", "▼")
#: A value this short (申请人自备, 5 个工作日) is kept on one line where the page has the room.
_SHORT = 6


def dump(document: Any, target: Any) -> None:
    """Write a guide or review detail (a model or JSON-shaped data) to ``target`` (.docx)."""
    data = to_data(document) if not isinstance(document, dict) else document
    kind = kinds.get(_get(data, "kind"))
    check_target(target)
    _refuse_unwritable_text(data)
    word = _new_document(kind.id, str(data.get("spec_version") or SPEC_VERSION))
    _title(word, data, kind.title)
    specs = {spec.name: spec for spec in fields_of(kind.document)}
    for number, (title, names) in enumerate(kind.sections, start=1):
        word.add_heading(f"{numeral(number)}、{title}", level=1)
        for name in names:
            value = data.get(name)
            if value is None or value in ([], ""):
                continue
            _element(word, specs[name], value)
            if name in ("process", "steps"):
                _flow_chart(word, value)
    # Built whole in memory first: python-docx's zip, failing half-way on a full disk, was left
    # open and complained again when collected (a traceback after the Chinese message).
    built = io.BytesIO()
    word.save(built)
    with writing(target) as handle:
        handle.write(built.getvalue())


def _new_document(kind_id: str, spec_version: str) -> Any:
    word = Document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    for style_name, (font, size) in _STYLES.items():
        style = word.styles[style_name]
        style.font.name = font
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    _page_numbers(section.footer.paragraphs[0])
    properties = word.core_properties
    properties.category = f"{KIND_MARK} {kind_id}"
    properties.version = spec_version
    return word


def _page_numbers(paragraph: Any) -> None:
    """ "第 n 页，共 N 页", with Word's PAGE and NUMPAGES fields."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in (("第 ", "PAGE"), (" 页，共 ", "NUMPAGES"), (" 页", None)):
        paragraph.add_run(text)
        if field is not None:
            add_field(paragraph, field)


def add_field(paragraph: Any, instruction: str) -> None:
    """Append a Word field (``PAGE``, ``NUMPAGES``) to ``paragraph``, showing 1 until Word or
    LibreOffice computes it."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    shown = OxmlElement("w:t")
    shown.text = "1"
    run.append(shown)
    simple.append(run)
    paragraph._p.append(simple)


def _title(word: Any, data: dict[str, Any], kind_title: str) -> None:
    word.add_heading(
        f"{data.get('name', '')}{kind_title}", level=0
    ).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _element(word: Any, spec: FieldSpec, value: Any) -> None:
    if spec.shape == "object" and spec.model is not None and spec.model.__name__ == "TimeLimit":
        _labelled(word, spec.element.title, time_text(value))
    elif spec.shape == "object" and isinstance(value, dict):
        _labelled(word, spec.element.title, "")
        _object_table(word, spec, value)
    elif spec.shape == "array" and spec.item_shape == "object":
        _labelled(word, spec.element.title, "")
        _objects_table(word, spec, value)
    elif spec.shape == "array":
        _labelled(word, spec.element.title, "")
        for index, entry in enumerate(value, start=1):
            word.add_paragraph(f"{index}. {scalar_text(spec, entry, spec.item_shape)}")
    else:
        _labelled(word, spec.element.title, scalar_text(spec, value))


def _labelled(word: Any, label: str, text: str) -> None:
    paragraph = word.add_paragraph()
    paragraph.add_run(f"{label}：").bold = True
    if text:
        paragraph.add_run(text)


def _object_table(word: Any, spec: FieldSpec, value: dict[str, Any]) -> None:
    assert spec.model is not None
    rows = [(child, value[child.name]) for child in fields_of(spec.model) if child.name in value]
    table = word.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for child, child_value in rows:
        cells = table.add_row().cells
        cells[0].text = child.element.title
        cells[1].text = _cell_text(child, child_value)


def _objects_table(word: Any, spec: FieldSpec, entries: list[Any]) -> None:
    """One row an entry, one column each element any entry has (in declaration order); a table
    too wide for a portrait page prints in a landscape section of its own, its columns as wide
    as what they hold."""
    assert spec.model is not None
    used = {key for entry in entries if isinstance(entry, dict) for key in entry}
    columns = [child for child in fields_of(spec.model) if child.name in used]
    wide = len(columns) + 1 > _PORTRAIT_COLUMNS
    if wide:
        _turn(word, landscape=True)
    table = _filled_table(word, columns, entries)
    _fit_columns(table, landscape=wide)
    if wide:
        _turn(word, landscape=False)


def _filled_table(word: Any, columns: list[FieldSpec], entries: list[Any]) -> Any:
    table = word.add_table(rows=1, cols=len(columns) + 1)
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text = "序号"
    for cell, child in zip(header[1:], columns, strict=True):
        cell.text = child.element.title
    for cell in header:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    _repeat_header(table.rows[0])
    for index, entry in enumerate(entries, start=1):
        cells = table.add_row().cells
        cells[0].text = str(index)
        for cell, child in zip(cells[1:], columns, strict=True):
            if isinstance(entry, dict) and child.name in entry:
                cell.text = _cell_text(child, entry[child.name])
    return table


def _turn(word: Any, *, landscape: bool) -> None:
    """Start a new page in the other orientation (A4, the same margins)."""
    section = word.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Mm(297), Mm(210)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)


def _fit_columns(table: Any, *, landscape: bool) -> None:
    """Give each column its header on one line (three characters at least: Word's equal
    columns wrapped a character a line) and share the rest of the page's width by what the
    columns hold (a name wide). A table whose headers do not fit so in 五号 is set in 小五 with
    narrow cell padding, as printed guides set their widest tables."""
    headers = [cell.text for cell in table.rows[0].cells]
    page = int(_TEXT_WIDTH[landscape])
    small = sum(_least(len(header), small=False) for header in headers) > page
    _set_type(table, small=small)
    longest = [
        max((len(line) for cell in column.cells[1:] for line in cell.text.splitlines()), default=1)
        for column in table.columns
    ]
    least = [_least(len(header), small=small) for header in headers]
    # A short value (申请人自备) whole on its line too, where the page has the room.
    whole = [
        max(narrowest, _least(min(length, _SHORT), small=small))
        for narrowest, length in zip(least, longest, strict=True)
    ]
    least = whole if sum(whole) <= page else least
    extra = [
        max(min(length, 30) - max(len(header), _SHORT if length <= _SHORT else 3), 0)
        for header, length in zip(headers, longest, strict=True)
    ]
    spare = max(page - sum(least), 0)
    total = sum(extra) or 1
    table.autofit = False
    for column, narrowest, share in zip(table.columns, least, extra, strict=True):
        width = narrowest + spare * share // total
        column.width = width  # the grid, which LibreOffice and WPS lay out by
        for cell in column.cells:
            cell.width = width  # each cell, which Word lays out by


def _least(characters: int, *, small: bool) -> int:
    """The width a column needs for ``characters`` on one line (three at least)."""
    character, padding = _SMALL_TYPE if small else _TABLE_TYPE
    return int(character * max(characters, 3) + padding)


def _set_type(table: Any, *, small: bool) -> None:
    """Set ``table`` in 五号, or in 小五 with 1 mm of padding each side of a cell. Each run
    says its size: LibreOffice and WPS set a table's text in the body's 四号 otherwise, its
    table style's size notwithstanding."""
    size = Pt(9) if small else Pt(_STYLES["Table Grid"][1])
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = size
    if not small:
        return
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(int(_SMALL_TYPE[1] / 2 / Mm(1) * 56.7)))  # twips
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)


def _cell_text(spec: FieldSpec, value: Any) -> str:
    if spec.shape == "object" and isinstance(value, dict):
        if spec.model is not None and spec.model.__name__ == "TimeLimit":
            return time_text(value)
        return "；".join(f"{k}：{v}" for k, v in value.items())
    if spec.shape == "array" and isinstance(value, list):
        if spec.element.codelist:
            return "、".join(scalar_text(spec, entry, spec.item_shape) for entry in value)
        return "\n".join(
            f"{index}. {scalar_text(spec, entry, spec.item_shape)}"
            for index, entry in enumerate(value, start=1)
        )
    return scalar_text(spec, value)


def _repeat_header(row: Any) -> None:
    """Print a table's header row again on each page it runs onto."""
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)


def _flow_chart(word: Any, steps: list[Any]) -> None:
    """The flow chart, drawn with a table a department edits like the rest: a box a step (its
    name, then who and how long), 开始 and 办结 shaded, each joined to the next by an arrow —
    a line into an arrowhead, in a cell of its own — all in a column centred on the page."""
    caption = word.add_paragraph("办理流程图")
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.runs[0].bold = True
    boxes = [("开始", ""), *(_step_box(step) for step in steps if isinstance(step, dict))]
    boxes.append(("办结", ""))
    table = word.add_table(rows=0, cols=1)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    caption.paragraph_format.keep_with_next = True
    for position, (name, detail) in enumerate(boxes):
        if position:
            _arrow(table.add_row().cells[0])
        cell = table.add_row().cells[0]
        _box(cell, name, detail, terminal=position in (0, len(boxes) - 1))
    table.columns[0].width = _CHART_WIDTH
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a box whole on a page
        row.cells[0].width = _CHART_WIDTH
        for paragraph in row.cells[0].paragraphs:  # the chart on one page where it fits
            paragraph.paragraph_format.keep_with_next = row is not table.rows[-1]


def _step_box(step: dict[str, Any]) -> tuple[str, str]:
    """A step's box: its name, and who does it and how long it takes."""
    extra = [str(part) for part in (step.get("actor") or step.get("post"),) if part]
    limit = step.get("time_limit")
    if isinstance(limit, dict):
        extra.append(time_text(limit))
    return str(step.get("name", "")), " · ".join(extra)


def _box(cell: Any, name: str, detail: str, *, terminal: bool) -> None:
    """A box of the chart: the name in bold, the detail under it in 小五; 开始 and 办结 grey."""
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(name)
    run.bold, run.font.size = True, Pt(12)
    if detail:
        cell.add_paragraph().add_run(detail).font.size = Pt(9)
    for line in cell.paragraphs:
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.paragraph_format.space_before = Pt(2)
        line.paragraph_format.space_after = Pt(2)
    properties = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "12")  # 1.5 points
        border.set(qn("w:color"), "000000")
        borders.append(border)
    properties.append(borders)
    if terminal:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), "D9D9D9")
        properties.append(shading)


def _arrow(cell: Any) -> None:
    """An arrow down between two boxes: a line (│) into an arrowhead (▼), set tight so the two
    join, in a cell without borders."""
    first = cell.paragraphs[0]
    second = cell.add_paragraph()
    for paragraph, mark in ((first, _ARROW[0]), (second, _ARROW[1])):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        spacing = paragraph.paragraph_format
        spacing.space_before = spacing.space_after = Pt(0)
        spacing.line_spacing = Pt(9)
        paragraph.add_run(mark).font.size = Pt(10)


def _refuse_unwritable_text(data: Any) -> None:
    """Refuse, naming its element, a text Word's XML cannot hold (a control character, U+FFFF):
    python-docx raised lxml's ValueError half-way through the document."""
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack += [(f"{path}.{key}", part) for key, part in value.items()]
        elif isinstance(value, list):
            stack += [(f"{path}[{index}]", part) for index, part in enumerate(value)]
        elif isinstance(value, str) and NOT_XML.search(value):
            message = f"{path} 含有 Word（XML）不允许的控制字符；banzhang 不会删去它，请先清除"
            finding = Finding("xml.illegal-character", "error", path, message, None, "xml")
            raise InvalidDocument(message, (finding,))
