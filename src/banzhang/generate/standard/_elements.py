"""要素表: one row an element — 名称, 类型, 必备或可选, 取值, 说明 — read from the declarations.

The 取值 column says in words what the value must be: a codelist is pointed at by its table in
附录A (``〔表:codelist-power_type〕``), a code at the coding rule, a format in words.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from banzhang import codelists, codes
from banzhang.declare import FieldSpec, fields_of, model_info, nested_models
from banzhang.generate.standard._model import Table
from banzhang.generate.standard._references import CODING_RULE
from banzhang.generate.standard._words import pattern_words

__all__ = [
    "BOOKKEEPING",
    "HEADERS",
    "codelists_used",
    "element_table",
    "nested_models",
    "type_words",
]

HEADERS = ("名称", "类型", "必备或可选", "取值", "说明")
_WIDTHS = (16, 19, 12, 25, 28)
_SHAPES = {"str": "文本", "int": "整数", "bool": "是或否", "date": "日期"}
#: Envelope elements a writer never fills in by hand: the file's own bookkeeping.
BOOKKEEPING = frozenset({"kind", "spec_version"})


def element_table(label: str, title: str, model: type[Any], names: tuple[str, ...] = ()) -> Table:
    """Return the 要素表 of ``model`` (only ``names``, in that order, when given)."""
    specs = {spec.name: spec for spec in fields_of(model) if spec.name not in BOOKKEEPING}
    chosen = [specs[name] for name in names if name in specs] if names else list(specs.values())
    rows = tuple(_row(spec) for spec in chosen)
    return Table(label, title, HEADERS, rows, _WIDTHS)


def _row(spec: FieldSpec) -> tuple[str, ...]:
    facts = spec.element
    return (
        facts.title,
        type_words(spec),
        "必备" if facts.required else "可选",
        "；".join(_values(spec)),
        _remarks(spec),
    )


def type_words(spec: FieldSpec) -> str:
    """Return an element's type in words (文本, 整数, 复合要素“申请材料”的列表 …)."""
    if spec.shape == "object" and spec.model is not None:
        return f"复合要素“{model_info(spec.model).title}”"
    if spec.shape == "array":
        if spec.item_shape == "object" and spec.model is not None:
            return f"复合要素“{model_info(spec.model).title}”的列表"
        return f"{_SHAPES.get(spec.item_shape or '', '文本')}的列表"
    return _SHAPES.get(spec.shape or "", "文本")


def _values(spec: FieldSpec) -> Iterator[str]:
    facts = spec.element
    if facts.code is not None:
        title = codes.KINDS[facts.code][0]
        length = codes.KINDS[facts.code][2]
        yield _code_words(facts.code, title, length)
    if facts.codelist is not None:
        found = codelists.get(facts.codelist)
        openness = "，也可填写表外的值" if found.open else ""
        yield f"按〔表:codelist-{facts.codelist}〕取值{openness}"
    if facts.pattern is not None:
        yield pattern_words(facts.pattern)
    if facts.max_length is not None:
        yield f"不超过 {facts.max_length} 字"
    if facts.min_items is not None:
        yield f"至少 {facts.min_items} 项"
    if facts.minimum is not None:
        yield f"不小于 {facts.minimum}"
    if spec.shape == "date":
        yield "YYYY-MM-DD"


def _code_words(kind: str, title: str, length: int) -> str:
    if kind == "region":
        return f"{length} 位行政区划代码，符合GB/T 2260"
    if kind == "uscc":
        return f"{length} 位统一社会信用代码，符合GB 32100"
    return f"{length} 位{title}，符合{CODING_RULE.designation}"


def _remarks(spec: FieldSpec) -> str:
    facts = spec.element
    parts = [facts.description] if facts.description else []
    if facts.aliases:
        parts.append("又称" + "、".join(facts.aliases))
    if facts.example is not None:
        parts.append(f"如“{facts.example}”")
    return "。".join(part.rstrip("。") for part in parts)


def codelists_used(models: list[type[Any]]) -> list[str]:
    """Return the codelists the elements of ``models`` take values from, in first-use order."""
    found: list[str] = []
    for model in models:
        for spec in fields_of(model):
            name = spec.element.codelist
            if name is not None and name not in found:
                found.append(name)
    return found
