"""How a 服务指南 or 审查细则 is laid out in Word, and how its values read as text.

The sections are the kind's declared ones (:attr:`banzhang.kinds.Kind.sections`: for a guide the
行政许可标准化指引 framework's 21, then the 附件); every element stands in exactly one of them,
under its declared Chinese title ("法定办结时限：20 个工作日"). The same titles — and their
declared aliases — are what the reader looks for in a department's document.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from banzhang import codelists
from banzhang._numerals import chinese_number, chinese_numeral
from banzhang.declare import FieldSpec, fields_of

__all__ = [
    "HEADING_NUMBER",
    "numeral",
    "parse_scalar",
    "parse_time_limit",
    "scalar_text",
    "specs_by_label",
    "time_text",
]

#: A heading's number as departments write it: "一、", "十二．", "3." before the title.
HEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+|\d+)\s*[、.．]\s*")

#: The usual variants of titles in departments' guides, beside the declared titles and aliases.
_VARIANTS = {
    "办理依据": "basis",
    "设定依据": "basis",
    "法律依据": "basis",
    "实施机关": "deciding_agency",
    "实施主体": "deciding_agency",
    "受理条件": "conditions",
    "申请材料目录": "materials",
    "办理流程": "process",
    "办理程序": "process",
    "法定时限": "legal_time_limit",
    "承诺时限": "promised_time_limit",
    "咨询电话": "consultation",
    "监督电话": "complaint",
    "投诉电话": "complaint",
    "收费标准及依据": "fee_standard",
    "数量限制": "quantity_limit",
}


def numeral(number: int) -> str:
    """The Chinese numeral of a section number, 1–99 (一, 十, 二十一)."""
    return chinese_numeral(number)


def specs_by_label(model: type[Any]) -> dict[str, FieldSpec]:
    """Each element of ``model`` by every label it may go by: title, aliases, usual variants."""
    specs = {spec.name: spec for spec in fields_of(model)}
    labels: dict[str, FieldSpec] = {}
    for spec in specs.values():
        for label in (spec.element.title, *spec.element.aliases):
            labels.setdefault(_fold(label), spec)
    for label, name in _VARIANTS.items():
        if name in specs:
            labels.setdefault(_fold(label), specs[name])
    return labels


def _fold(label: str) -> str:
    return re.sub(r"[\s　:：]", "", label)


def time_text(limit: dict[str, Any]) -> str:
    """A time limit as a reader says it: "20 个工作日", "即办", with its basis and note."""
    unit = limit.get("unit")
    if unit == "即办":
        text = "即办"
    else:
        text = f"{limit.get('amount')} {'个工作日' if unit == '工作日' else unit or ''}".strip()
    details = [
        f"{title}：{limit[key]}"
        for key, title in (("basis", "依据"), ("note", "说明"))
        if limit.get(key)
    ]
    return f"{text}（{'；'.join(details)}）" if details else text


_LIMIT = re.compile(
    r"(?P<amount>\d+|[一二三四五六七八九十百]+)\s*个?\s*(?P<unit>工作日|自然日|日|天|小时)"
)
_DETAIL = re.compile(r"(依据|说明)[：:]\s*([^；;）)]*)")


def parse_time_limit(text: str) -> dict[str, Any] | None:
    """Read "20 个工作日", "二十日", "即办" or "当场办结" as a time limit (None if it is not one).

    "日" counts working days, as 《中华人民共和国行政许可法》第八十二条 says; "天" calendar days.
    """
    details = {
        {"依据": "basis", "说明": "note"}[found.group(1)]: found.group(2).strip()
        for found in _DETAIL.finditer(text)
    }
    if re.search(r"即办|当场办结|当场办理", text) and not _LIMIT.search(text):
        return {"amount": 0, "unit": "即办", **details}
    found = _LIMIT.search(text)
    if found is None:
        return None
    amount = found.group("amount")
    units = {"日": "工作日", "天": "自然日"}
    unit = units.get(found.group("unit"), found.group("unit"))
    number = int(amount) if amount.isdigit() else chinese_number(amount)
    return {"amount": number, "unit": unit, **details}


def scalar_text(spec: FieldSpec, value: Any, shape: str | None = None) -> str:
    """A scalar value as written in the document: codes by their titles, 是/否."""
    shape = shape or spec.shape
    if shape == "bool":
        return "是" if value else "否"
    name = spec.element.codelist
    if name and isinstance(value, str):
        return codelists.get(name).label(value)
    return str(value)


def parse_scalar(
    spec: FieldSpec, text: str, shape: str | None = None, *, exact: bool = False
) -> Any:
    """A scalar value from its text: 是/否, whole numbers, dates, codelist titles — and, unless
    ``exact`` (banzhang's own document, which writes a code by its title and anything else as
    it is), the codelist's aliases."""
    shape = shape or spec.shape
    text = text.strip()
    parse = _PARSERS.get(shape)
    if parse is not None:
        return parse(text)
    name = spec.element.codelist
    if not name:
        return text
    codelist = codelists.get(name)
    if exact:
        return next((entry.code for entry in codelist if entry.title == text), text)
    return codelist.resolve(text) or text


def _parse_bool(text: str) -> Any:
    if text in ("是", "有", "需要", "收费", "true", "True"):
        return True
    if text in ("否", "无", "不需要", "不收费", "false", "False"):
        return False
    return text  # neither: validation says what is wrong


def _parse_int(text: str) -> Any:
    found = re.search(r"-?\d+", text)
    return int(found.group(0)) if found else text


def _parse_date(text: str) -> Any:
    found = re.match(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", text)
    return datetime.date(*map(int, found.groups())).isoformat() if found else text


_PARSERS: dict[str, Callable[[str], Any]] = {
    "bool": _parse_bool,
    "int": _parse_int,
    "date": _parse_date,
}
