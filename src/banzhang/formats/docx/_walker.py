"""Walk a Word guide or review detail block by block, filling the document's data.

A department's document is read as a reviewer reads it:

- **the cover** (before the first heading): the title gives the item's name (``林木采伐许可证核发
  审批事项办事指南(简版)`` → 林木采伐许可证核发) and the agency before it; ``附件1``, a template's
  title, the issuing agency and the date are cover metadata, not content;
- **headings** (``一、受理范围``, a heading style, a bold line) open the element they name; a
  sub-heading (``(二)符合如下条件的,准予批准:``) stays inside it, unless it names an element or
  the grounds for refusal;
- **labelled lines** (``受理地点:…``, ``7.实施机关:市林草局``, ``1.行政许可事项名称及编码`` with its
  value below) set the element or part of one that the label names (:mod:`._labels`);
- **tables**: a material or step table by its header row, a label/value table (2 or 4 columns,
  a header row inside) pair by pair (:mod:`banzhang.formats.tables.labels`);
- **审批操作规程**: numbered steps (``1.受理``) with their ``(1)受理条件`` ``(2)岗位责任及权限``
  ``(3)责任人``.

What the cover says before the body is tentative: the body's own value replaces it. Text that
fits no element is kept with its section and place (reported once a section, never dropped).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs
from docx.table import Table
from docx.text.paragraph import Paragraph

from banzhang import kinds
from banzhang.declare import FieldSpec, fields_of
from banzhang.formats.docx._labels import MISSING, Labels
from banzhang.formats.docx._layout import (
    HEADING_NUMBER,
    parse_scalar,
    parse_time_limit,
    specs_by_label,
)
from banzhang.formats.tables.entries import parse_entries, split_entries, split_numbered
from banzhang.formats.tables.forms import STEP_LABELS
from banzhang.formats.tables.labels import fold, is_label_value_table, pairs
from banzhang.validation.places import Place

__all__ = ["Unplaced", "Walker"]

#: A label inside a value cell, after a sentence or a space (``。 急事急办的条件：``).
_INNER_LABEL = re.compile(r"(?:(?<=[。；;])|(?<=\s))\s*([^\s：:。；;，,、0-9（）()]{2,12})[：:]")

_LABELLED = re.compile(r"^\s*([^：:]{1,30})[：:]\s*(.*)$", re.DOTALL)
_CHINESE_NUMBERED = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
_SUB_HEADING = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]+\s*[)）]\s*")
#: Any numbering before a line's text: 一、 （一） 1. （1） ①.
_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.、．]|[①-⑳])\s*"
)
_STEP = re.compile(r"^\s*\d+\s*[.、．]\s*([^：:，,。；;]{1,15})\s*$")
_NAME_AND_CODE = re.compile(r"^(.*?)\s*【\s*([0-9A-Z]{12,14})\s*】\s*$")
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:发布|印发|实施|施行)?$")
_ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*[：:]?$")
_AGENCY_LINE = re.compile(
    r"^[^，,。；;：:（）()]{2,30}(?:局|委员会|委|厅|办公室|办|中心|院|政府|大队|队|所|站)$"
)
#: The words that say what kind of document a title is (cut off to leave the item's name).
_DOCUMENT_WORDS = re.compile(
    r"(?:行政审批|审批)?(?:事项)?(?:办事指南|服务指南|审查工作细则|审查细则|审批操作规程|操作规程|"
    r"审批流程图|流程图|实施规范)"
)
_AGENCY_PREFIX = re.compile(r"^(.{2,15}?(?:局|委员会|厅|办公室|中心|政府|大队))(.{2,})$")
_REFUSAL = re.compile(r"不予(?:批准|许可|受理)|不得|禁止")
#: What a web export shows for a link instead of a value.
#: What a web export shows for a link instead of a value, and "/" for "not applicable".
_NO_VALUE = frozenset({"查看", "点击查看", "点击访问", "下载", "点击下载", "详见附件", "/", "／"})
#: Steps drawn in one line: "申请受理——审查——审批——发放证件".
_ARROWS = re.compile(r"\s*(?:——+|—>|→|－－+|-{2,}>?)\s*")
#: A heading line before numbered entries ("一般程序：" over "1.立案责任：…").
_HEADING_LINE = re.compile(r"^[^\n：:]{1,12}[：:]\s*\n(?=\s*[（(]?1\s*[.、．)）])")
#: A numbering left before an entry: "（一）", "①".
_ENTRY_NUMBER = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.、．](?!\d)|[①-⑳])\s*"
)
_PHONE = re.compile(r"(?:\(|（)?0\d{2,3}(?:\)|）)?[-—\s]?\d{5,8}|1[3-9]\d{9}|400[-\d]{7,9}|12\d{3}")


@attrs.frozen
class Unplaced:
    """Content that fits no element: where, what, under which section, and whether its label
    is one the published forms use (an element the norms do not have).

    Attributes:
        place: the paragraph (第 12 段) or table cell (表格 1 第 3 行第 2 列).
        text: the content as written.
        section: the heading it stands under ("" before the first).
        form_label: whether it is a published form's label that is no element of the norms.
    """

    place: Place
    text: str
    section: str
    form_label: bool = False


class Walker:
    """Fills a document's data from its blocks, one open element at a time."""

    def __init__(self, kind: kinds.Kind, *, exact: bool) -> None:
        self.kind = kind
        self.exact = exact
        self.labels = Labels(kind)
        self.specs = {spec.name: spec for spec in fields_of(self.labels.model)}
        self.data: dict[str, Any] = {}
        self.places: dict[str, Place] = {}
        self.unplaced: list[Unplaced] = []
        self.cover: dict[str, str] = {}
        self.open: Any = None  # the path of the element being filled, None, or MISSING
        self.section = ""
        self.headed = False  # a heading (or a table) has ended the cover
        self.tentative: set[str] = set()
        self.step: dict[str, Any] | None = None  # the 审查环节 being filled
        self.step_field: str | None = None
        self.power_type: str | None = None  # what the title or a label says of the type
        self.paragraphs = 0
        self.tables = 0

    def walk(self, blocks: Sequence[Paragraph | Table]) -> None:
        """Read every block, in order."""
        for position, block in enumerate(blocks):
            if isinstance(block, Table):
                self.tables += 1
                self._table(block)
            else:
                self.paragraphs += 1
                following = blocks[position + 1] if position + 1 < len(blocks) else None
                self._paragraph(block, before_table=isinstance(following, Table))
        if "power_type" in self.specs and self.power_type and "power_type" not in self.data:
            self.data["power_type"] = self.power_type

    # -- paragraphs -----------------------------------------------------------------------

    def _paragraph(self, paragraph: Paragraph, *, before_table: bool) -> None:
        text = paragraph.text.strip()
        if not text:
            return
        place = Place.paragraph(self.paragraphs)
        style = paragraph.style.name if paragraph.style is not None else ""
        taken = (
            (not self.headed and self._cover(text, style, place))
            or self._step(text, place)
            or self._heading(paragraph, text, style)
            or self._labelled(text, place)
            # "林木采伐许可证申请材料目录": the caption of the table below
            or (before_table and self.open not in (None, MISSING) and _is_caption(text))
            or (_NAME_AND_CODE.match(text) is not None and self._name_line(text, place))
            or (self.open not in (None, MISSING) and self._put_text(self.open, text, place))
        )
        if not taken:
            self._unplace(place, text)

    def _cover(self, text: str, style: str, place: Place) -> bool:
        """A line of the cover: title, attachment mark, template title, issuer, date."""
        if self.exact:
            return style == "Title"
        if _LABELLED.match(text):
            return False  # "审批操作规程：", "事项名称：…": the body's lines, not the cover's
        if _ATTACHMENT.match(text):
            self.cover["附件"] = text
        elif "模板" in text and len(text) <= 60:
            self.cover["模板"] = text
        elif _DATE_LINE.match(text):
            self.cover["发布日期"] = text
        elif style == "Title" or (kinds.by_title(text) is not None and len(text) <= 80):
            self._title(text, place)
        elif _AGENCY_LINE.match(text):
            self.cover["发布机关"] = text
            self._tentative(("agency",), text, place)
        elif self.paragraphs == 1 and len(text) <= 40:
            self._title(text, place)
        else:
            return False
        return True

    def _title(self, text: str, place: Place) -> None:
        """The document's title: the item's name, the agency before it, the type it names."""
        self.cover.setdefault("标题", text)
        self.power_type = self.power_type or self.labels.power_type_in(text)
        name, agency = item_name(text)
        if agency:
            self._tentative(("agency",), agency, place)
        if name and name not in {title for title, _ in self.labels.types}:
            self._tentative(("name",), name, place)

    def _tentative(self, path: tuple[str, ...], text: str, place: Place) -> None:
        """A value the cover gives; the body's own replaces it. ``agency`` is the kind's
        agency element (决定机构 of a guide, 实施机关 of a review detail)."""
        if path == ("agency",):
            path = ("deciding_agency",) if "deciding_agency" in self.specs else ("agency",)
        if path[0] in self.data or path[0] not in self.specs:
            return
        self._set(path, text, place)

    def _heading(self, paragraph: Paragraph, text: str, style: str) -> bool:
        numbered = _CHINESE_NUMBERED.match(text)
        sub = _SUB_HEADING.match(text)
        bold = bool(paragraph.runs) and all(run.bold for run in paragraph.runs if run.text.strip())
        styled = style.startswith(("Heading", "标题"))
        if not (styled or numbered or sub or (bold and len(text) <= 20)):
            return False
        title = HEADING_NUMBER.sub("", _SUB_HEADING.sub("", text)).strip().rstrip("：:")
        if _LABELLED.match(title) and len(title) > 20:
            return False  # "四、设定和实施依据：《…》": a labelled line, read as one
        if len(title) > 40:
            return False  # a numbered sentence, not a heading
        if sub and not styled:
            return self._sub_heading(title)
        self._end_cover(numbered_first=not numbered or text.lstrip().startswith("一"))
        self.section = text
        self.step = None
        found = self.labels.find(title)
        if found is MISSING and not self.exact:
            found = self.labels.within(title)
        self.open = found
        return True

    def _sub_heading(self, title: str) -> bool:
        """ "(二)符合如下条件的,准予批准:" inside an element; an element's own title opens it."""
        found = self.labels.find(title)
        if found is not MISSING:
            self.open = found
        elif _REFUSAL.search(title) and "prohibitions" in self.specs:
            self.open = ("prohibitions",)
        return True

    def _end_cover(self, *, numbered_first: bool) -> None:
        if numbered_first:
            self.headed = True

    def _labelled(self, text: str, place: Place) -> bool:
        """``标签：值`` (numbered or not), or a numbered label alone with its value below."""
        bare = _NUMBERING.sub("", text, count=1).strip() if _NUMBERING.match(text) else text
        labelled = _LABELLED.match(bare)
        if labelled is None:
            if bare != text and self.labels.is_label(bare.rstrip("：:")):
                self._open_label(bare.rstrip("：:"))
                return True
            return False
        label, value = labelled.group(1).strip(), labelled.group(2).strip()
        if self.step is not None and fold(label) in STEP_LABELS:
            self.step_field = STEP_LABELS[fold(label)]
            if value:
                self._put_step(value)
            return True
        contact = self._open_contact_part(label)
        if contact is not None:
            self.open = contact
            if value:
                self._set(contact, value, place)
            return True
        found = self.labels.fallback(label, self.data)
        if found is MISSING:
            return self._part_of_open(label, value, text, place)
        self._open_label(label)
        self.open = found
        if found is None:
            if value:
                self._unplace(place, text, form_label=True)
        elif value and not self._set(found, value, place):
            self._unplace(place, text)
        return True

    def _open_contact_part(self, label: str) -> tuple[str, ...] | None:
        """Inside an open contact (一 office, 申请接收), "接收地址", "联系电话", "办公时间" are
        its address, phones and hours, whatever they name elsewhere."""
        if self.open in (None, MISSING) or self.exact:
            return None
        spec = self.specs.get(self.open[0])
        if spec is None or spec.model is None or spec.model.__name__ != "Contact":
            return None
        for word, part in (("地址", "address"), ("地点", "address"), ("电话", "phones")):
            if word in label:
                return (self.open[0], part)
        if "时间" in label:
            return (self.open[0], "hours")
        return None

    def _open_label(self, label: str) -> None:
        found = self.labels.find(label)
        self.power_type = self.power_type or self.labels.power_type_of(label)
        self.open = found
        if found == ("steps",):
            self.step = None

    def _part_of_open(self, label: str, value: str, text: str, place: Place) -> bool:
        """An unknown label inside an open contact (``办事窗口：…``) is kept apart, never
        merged into what the contact already says; inside a text or list it is content."""
        if self.open in (None, MISSING):
            return False
        spec = self.specs.get(self.open[0])
        if spec is None:
            return False
        if len(self.open) > 1 or spec.shape not in ("str", "array"):
            self._unplace(place, text)  # "邮政编码：…" is no address, "办公时间：…" no fee
            return True
        return False

    def _name_line(self, text: str, place: Place) -> bool:
        """ "林木采伐许可证核发(设区的市级权限)【000164213003】": the item a section is about."""
        if "name" not in self.specs:
            return False
        if self.open not in (None, MISSING) and self.open[0] != "name":
            return False
        if self.open == ("name",):
            return self._set(("name",), text, place)
        if self.headed or "name" in self.data:
            return False
        self._tentative(("name",), text, place)
        return True

    # -- 审批操作规程 ------------------------------------------------------------------------

    def _step(self, text: str, place: Place) -> bool:
        """ "1.受理": a new 审查环节, when the steps are open."""
        if self.open != ("steps",) or "steps" not in self.specs:
            return False
        found = _STEP.match(text)
        if found is None or self.labels.is_label(found.group(1)):
            return False
        self.headed = True
        steps = self.data.setdefault("steps", [])
        self.step = {"name": found.group(1).strip()}
        self.step_field = None
        self.places[f"$.steps[{len(steps)}]"] = place
        steps.append(self.step)
        return True

    def _put_step(self, text: str) -> None:
        assert self.step is not None
        assert self.step_field is not None
        field = self.step_field
        if field in ("standards", "points", "methods"):
            self.step.setdefault(field, []).extend(split_entries(text))
        elif field == "time_limit":
            limit = parse_time_limit(text)
            if limit is not None:
                self.step[field] = limit
        elif field == "post":
            self.step[field] = text.rstrip("。；;")
        else:
            joined = self.step.get(field)
            self.step[field] = f"{joined}\n{text}" if joined else text

    # -- values -----------------------------------------------------------------------------

    def _put_text(self, path: tuple[str, ...], text: str, place: Place) -> bool:
        """Text under an open element; False when the element takes no text."""
        if path == ("steps",):  # a 审查环节 opens with its number and name, as "1.受理"
            if self.step is None or self.step_field is None:
                return False
            self._put_step(text)
            return True
        spec = self.specs.get(path[0])
        if spec is None:
            return False
        if len(path) == 1 and spec.shape not in ("str", "array", "object"):
            return False  # 是否收费, 到现场次数: a value, not text that follows
        return self._set(path, text, place, following=True)

    def _set(
        self, path: tuple[str, ...], text: str, place: Place, *, following: bool = False
    ) -> bool:
        """Put ``text`` at ``path``; False when it does not fit there."""
        if text in _NO_VALUE:
            return True
        top = path[0]
        spec = self.specs.get(top)
        if spec is None:
            return False
        if top in self.tentative and self.headed:
            self.data.pop(top, None)  # the body says it: what the cover said gives way
            self.tentative.discard(top)
        if not self.headed:
            self.tentative.add(top)
        if len(path) > 1:
            return self._set_part(spec, path[1], text, place)
        if top == "name" and not self.exact:
            text = _ENTRY_NUMBER.sub("", text, count=1).strip()  # "1、伪造…的处罚"
        if top == "name" and (found := _NAME_AND_CODE.match(text)) is not None:
            text = found.group(1).strip()
            if len(found.group(2)) == 12 and "basic_code" in self.specs:
                self.data["basic_code"] = found.group(2)
                self.places["$.basic_code"] = place
        return self._text(spec, text, place, following=following)

    def _set_part(self, spec: FieldSpec, part: str, text: str, place: Place) -> bool:
        """``办理时间`` → the office's hours: one field of an object element."""
        assert spec.model is not None
        child = next((c for c in fields_of(spec.model) if c.name == part), None)
        if child is None:
            return False
        found = self.data.setdefault(spec.name, {})
        if child.shape == "array":
            values = _PHONE.findall(text) if part == "phones" else split_entries(text)
            found.setdefault(part, []).extend(values or [text.strip("；; ")])
        else:
            found[part] = _child_value(child, text.rstrip("；; \n"), exact=self.exact)
        self.places.setdefault(f"$.{spec.name}", place)
        return True

    def _text(self, spec: FieldSpec, text: str, place: Place, *, following: bool) -> bool:
        path = f"$.{spec.name}"
        if spec.shape == "array":
            entries = self.data.setdefault(spec.name, [])
            texts = split_entries(text) if self.exact else _entries(spec, text)
            if spec.item_shape == "object" and spec.model is not None:
                found = parse_entries(spec.model, texts)
            else:
                found = [parse_scalar(spec, entry, spec.item_shape) for entry in texts]
            for entry in found:
                self.places[f"{path}[{len(entries)}]"] = place
                entries.append(entry)
            return True
        if spec.shape == "object":
            value = _object_from_text(spec, text)
            if value is None:
                return False
            self._merge(spec.name, value)
        elif spec.name in self.data and spec.shape == "str" and following:
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

    def _unplace(self, place: Place, text: str, *, form_label: bool = False) -> None:
        if not _NUMBERING.sub("", text).strip():
            return  # "(2)" with nothing after it: a number, not content
        self.unplaced.append(Unplaced(place, text, self.section, form_label))

    # -- tables ---------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
        if not rows or _is_flow_chart(rows):
            return  # banzhang's flow chart is drawn from the 办理流程, read from its table
        self.headed = True
        spec = self.specs.get(self.open[0]) if self.open not in (None, MISSING) else None
        if not self.exact and "steps" in self.specs and _is_step_table(rows):
            self._step_columns(rows)
        elif spec is not None and spec.shape == "array" and spec.item_shape == "object":
            self._object_rows(spec, rows)
        elif not self.exact and is_label_value_table(rows, self.labels.is_label):
            self._pairs(rows)
        elif spec is not None and spec.shape == "object" and all(len(r) >= 2 for r in rows):
            self._object_pairs(spec, rows)
        else:
            for number, row in enumerate(rows, start=1):
                text = " | ".join(cell for cell in row if cell)
                if text:
                    self._unplace(Place.table(self.tables, number), text)

    def _step_columns(self, rows: list[list[str]]) -> None:
        """A 经办审查表 laid sideways: a row a field (环节名称, 审查责任人), a column a 环节."""
        steps = self.data.setdefault("steps", [])
        for column in range(1, max(len(row) for row in rows)):
            step: dict[str, Any] = {}
            for row in rows:
                field = STEP_LABELS.get(fold(row[0]))
                value = row[column].strip() if column < len(row) else ""
                if field and value:
                    step[field] = value
            if step.get("name") and _number_or_blank(rows[0][column] if rows[0] else ""):
                self.places[f"$.steps[{len(steps)}]"] = Place.table(self.tables, column=column + 1)
                steps.append(step)
            elif any(row[column].strip() for row in rows if column < len(row)):
                text = " | ".join(row[column] for row in rows if column < len(row))
                self._unplace(Place.table(self.tables, column=column + 1), text)

    def _pairs(self, rows: list[list[str]]) -> None:
        """A label/value table (a guide's 基本信息 as 政务服务网 exports it)."""
        for pair in pairs(rows, is_label=self.labels.is_label):
            place = Place.table(self.tables, pair.row, pair.column)
            value = pair.value.strip()
            if not value:
                continue
            found = self.labels.fallback(pair.label, self.data)
            self.power_type = self.power_type or self.labels.power_type_of(pair.label)
            if found is MISSING or found is None:
                text = f"{pair.label}：{value}"
                self._unplace(place, text, form_label=found is None)
                continue
            for path, label, part in self._labelled_parts(found, pair.label, value):
                if not self._set(path, part, place):
                    self._unplace(place, f"{label}：{part}")

    def _labelled_parts(self, found: Any, label: str, value: str) -> list[tuple[Any, str, str]]:
        """A value cell that goes on under another element's label (a 所需材料 cell ending with
        ``急事急办的条件：1、…``): each part with the element it belongs to."""
        parts: list[tuple[Any, str, str]] = []
        for inner in _INNER_LABEL.finditer(value):
            path = self.labels.find(inner.group(1))
            if path is MISSING or path is None or path == found:
                continue
            parts.append((found, label, value[: inner.start()].strip()))
            found, label, value = path, inner.group(1), value[inner.end() :].strip()
            return [*parts, *self._labelled_parts(found, label, value)]
        return [(found, label, value)]

    def _object_rows(self, spec: FieldSpec, rows: list[list[str]]) -> None:
        assert spec.model is not None
        labels = specs_by_label(spec.model)
        header = [labels.get(fold(cell)) for cell in rows[0]]
        entries = self.data.setdefault(spec.name, [])
        for number, row in enumerate(rows[1:], start=2):
            entry: dict[str, Any] = {}
            where = f"$.{spec.name}[{len(entries)}]"
            for column, (child, text) in enumerate(zip(header, row, strict=False), start=1):
                place = Place.table(self.tables, number, column)
                if child is not None and text:
                    entry[child.name] = _child_value(child, text, exact=self.exact)
                    self.places[f"{where}.{child.name}"] = place
                elif text and column > 1:
                    self._unplace(place, f"{rows[0][column - 1]}：{text}")
            if entry:
                self.places[where] = Place.table(self.tables, number)
                entries.append(entry)

    def _object_pairs(self, spec: FieldSpec, rows: list[list[str]]) -> None:
        assert spec.model is not None
        labels = specs_by_label(spec.model)
        value: dict[str, Any] = {}
        for number, row in enumerate(rows, start=1):
            child = labels.get(fold(row[0]))
            place = Place.table(self.tables, number)
            if child is None:
                self._unplace(place, " | ".join(row))
                continue
            value[child.name] = _child_value(child, row[1], exact=self.exact)
            self.places[f"$.{spec.name}.{child.name}"] = place
        self._merge(spec.name, value)


def item_name(title: str) -> tuple[str, str]:
    """The item's name and the agency a title names (either may be empty).

    >>> item_name("林木采伐许可证核发审批事项办事指南(简版)")
    ('林木采伐许可证核发', '')
    >>> item_name("区城管局户外广告审批流程图(次要干道、新村)")
    ('户外广告(次要干道、新村)', '区城管局')
    >>> item_name("行政许可事项实施规范(基本要素)")
    ('行政许可', '')
    """
    found = _DOCUMENT_WORDS.search(title)
    if found is None:
        return title.strip(), ""
    name = title[: found.start()].strip()
    after = title[found.end() :].strip()
    if after.startswith(("(", "（")) and "简版" not in after and "基本要素" not in after:
        name += after
    name = re.sub(r"[（(](?:行政)?审批事项[)）]$", "", name).strip() or name
    name = re.sub(r"(?:行政审批|审批)?事项$", "", name).strip() or name
    prefix = _AGENCY_PREFIX.match(name)
    if prefix is not None:
        return prefix.group(2).strip(), prefix.group(1)
    return name, ""


def _entries(spec: FieldSpec, text: str) -> list[str]:
    """A department's entries in one cell or paragraph: numbered however ("1、…2、…" in one
    line, "（一）", "①"), one a line, or steps joined by arrows."""
    text = _HEADING_LINE.sub("", text, count=1)
    entries = [_ENTRY_NUMBER.sub("", entry).strip() for entry in split_numbered(text, exact=False)]
    if len(entries) == 1 and spec.model is not None and spec.model.__name__ == "Step":
        steps = [step for step in _ARROWS.split(entries[0]) if step]
        entries = steps if len(steps) > 1 else entries
    return [entry for entry in entries if entry]


def _is_step_table(rows: list[list[str]]) -> bool:
    """Rows headed 环节名称 and another field of a 环节 (审查责任人, 审查标准 …)."""
    fields = [STEP_LABELS.get(fold(row[0])) for row in rows if row]
    return "name" in fields and sum(1 for field in fields if field) >= 2


def _number_or_blank(text: str) -> bool:
    return not text.strip() or text.strip().isdigit()


def _is_caption(text: str) -> bool:
    return len(text) <= 40 and bool(re.search(r"(?:目录|清单|一览表|明细表?|如下)[：:]?$", text))


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
        return {"name": text.strip("；; ")}
    if name == "Contact":
        return _contact(text)
    return None


def _contact(text: str) -> dict[str, Any] | None:
    """A contact line: "地址：…", "办公时间：…", "网址：…", or phone numbers."""
    labelled = _LABELLED.match(text)
    label = labelled.group(1) if labelled else ""
    rest = (labelled.group(2) if labelled else text).strip("；; \n")
    if "地址" in label or "地点" in label:
        return {"address": rest}
    if "时间" in label:
        return {"hours": rest}
    if "网" in label or rest.startswith("http"):
        return {"url": rest}
    phones = _PHONE.findall(rest)
    if phones:
        return {"phones": phones}
    return None if label else {"address": rest}


#: The arrow between two boxes of banzhang's flow chart: a line into an arrowhead (as the
#: writer draws it), or the "↓" of documents it wrote before.
_FLOW_ARROWS = ("│\n▼", "↓")


def _is_flow_chart(rows: list[list[str]]) -> bool:
    """banzhang's own flow chart: one column of boxes joined by arrows (drawn from 办理流程)."""
    return all(len(row) == 1 for row in rows) and any(row[0] in _FLOW_ARROWS for row in rows)
