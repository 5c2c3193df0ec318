"""The element pages: one per kind, a table per model, every cell read from the declarations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from banzhang import codelists, codes
from banzhang.declare import (
    Element,
    FieldSpec,
    fields_of,
    model_info,
    nested_models,
    split_sources,
)
from banzhang.generate.docs._downloads import schema_downloads
from banzhang.generate.docs._markdown import anchor, code, escape, link, table
from banzhang.generate.docs._page import GENERATED, Page, source_legend
from banzhang.generate.standard import clause_words, pattern_words
from banzhang.kinds import Kind

__all__ = ["kind_page", "model_title", "source_text"]

_SHAPES = {"str": "文本", "int": "整数", "bool": "是/否", "date": "日期（YYYY-MM-DD）"}
_HEADERS = ("要素", "中文名称", "类型", "必填", "约束", "代码表", "来源", "说明")


def kind_page(kind: Kind) -> Page:
    """Return the page of ``kind``: its document, its item (for lists) and every nested model."""
    lines = [
        GENERATED,
        f"# {escape(kind.title)}（{code(kind.id)}）",
        "",
        f"{escape(kind.description)}。来源：{source_text(kind.source)}。",
        "",
        source_legend("../"),
        "",
        _schema_links(kind),
        "",
        "## 文档要素",
        "",
        _element_table(kind.document),
    ]
    if kind.item is not None:
        title = f"## 事项要素：{escape(model_title(kind.item))}"
        lines += ["", anchor(_model_anchor(kind.item)), "", title, "", _element_table(kind.item)]
    nested = [model for model in nested_models(kind.document) if model is not kind.item]
    if nested:
        lines += ["", "## 复合要素", ""]
        for model in nested:
            lines += [
                anchor(_model_anchor(model)),
                "",
                f"### {escape(model_title(model))}（{code(model.__name__)}）",
                "",
                _element_table(model),
                "",
            ]
    return Page(f"kinds/{kind.id}.md", kind.title, "\n".join(lines).rstrip() + "\n", "标准")


def _schema_links(kind: Kind) -> str:
    """Link the kind's schema files, whichever the package ships (a shared one as well)."""
    names = [
        name for name in schema_downloads() if name.rpartition("/")[2].startswith(kind.id + ".")
    ]
    links = "；".join(link(name.rpartition("/")[2], f"../{name}") for name in names)
    return f"下载：{links}（全部文件见{link('下载', '../downloads.md')}）。"


def model_title(model: type[Any]) -> str:
    """Return the declared Chinese title of a model."""
    return model_info(model).title


def source_text(source: str) -> str:
    """Return a source as Markdown, each tag in bold (``**S** 002；**V** 《…》第三十条``)."""
    return "；".join(
        f"**{tag}** {escape(clause_words(clause))}".rstrip()
        if tag
        else escape(clause_words(clause))
        for tag, clause in split_sources(source)
    )


def _element_table(model: type[Any]) -> str:
    return table(_HEADERS, (_row(spec) for spec in fields_of(model)))


def _row(spec: FieldSpec) -> list[str]:
    facts = spec.element
    return [
        code(spec.name),
        escape(facts.title),
        _type_text(spec),
        "是" if facts.required else "否",
        "；".join(_constraints(spec)),
        _codelist_text(facts.codelist),
        source_text(facts.source),
        _note(facts),
    ]


def _type_text(spec: FieldSpec) -> str:
    if spec.shape == "object":
        return _model_link(spec.model)
    if spec.shape == "array":
        entry = _model_link(spec.model) if spec.item_shape == "object" else _shape(spec.item_shape)
        return f"数组：{entry}"
    return _shape(spec.shape)


def _shape(shape: str | None) -> str:
    return _SHAPES.get(shape or "", shape or "")


def _model_link(model: type[Any] | None) -> str:
    assert model is not None  # an object or an array of objects always has its model
    return link(model_title(model), f"#{_model_anchor(model)}")


def _model_anchor(model: type[Any]) -> str:
    return f"model-{model.__name__}"


def _constraints(spec: FieldSpec) -> Iterator[str]:
    facts = spec.element
    if facts.code is not None:
        title, _module, length = codes.KINDS[facts.code]
        yield f"{escape(title)}（{length} 位，见{link('编码规则', '../coding-rule.md')}）"
    if facts.pattern is not None:
        yield escape(pattern_words(facts.pattern))
    if facts.max_length is not None:
        yield f"至多 {facts.max_length} 字"
    if facts.min_items is not None:
        yield f"至少 {facts.min_items} 项"
    if facts.minimum is not None:
        yield f"不小于 {facts.minimum}"


def _codelist_text(name: str | None) -> str:
    if name is None:
        return ""
    found = codelists.get(name)
    openness = "，开放" if found.open else ""
    return link(f"{found.title}（{name}{openness}）", f"../codelists.md#codelist-{name}")


def _note(facts: Element) -> str:
    parts = [escape(facts.description)] if facts.description else []
    if facts.aliases:
        parts.append("又称：" + "、".join(escape(alias) for alias in facts.aliases))
    if facts.example is not None:
        parts.append(f"示例：{code(facts.example)}")
    return "<br>".join(parts)
