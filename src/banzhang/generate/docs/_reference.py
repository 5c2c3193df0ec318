"""The reference pages: codelists, the coding rule, the rule catalogue, and what is normative."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

from banzhang import codelists, codes, examples, kinds
from banzhang.codes import load_scheme
from banzhang.declare import SOURCE_TAGS, fields_of, split_sources
from banzhang.errors import InvalidCode
from banzhang.generate.docs._elements import model_title, source_text
from banzhang.generate.docs._markdown import anchor, code, escape, link, table
from banzhang.generate.docs._page import GENERATED, Page, source_legend
from banzhang.generate.standard import MAINTENANCE, RELATION, pattern_words
from banzhang.validation import all_rules

__all__ = ["codelists_page", "coding_rule_page", "normative_page", "rules_page"]

#: The segment tables shown on the coding-rule page, in the order a reader needs them.
SCHEMES = ("basic-code", "handling-code", "implementation-code", "uscc", "basic-code-letter")
_SEVERITY = {"error": "错误", "warning": "警告"}
_LAYER = {"schema": "结构", "codes": "编码", "rules": "编写规范"}


def codelists_page() -> Page:
    """Return the page listing every codelist with its codes."""
    lines = [GENERATED, "# 代码表", "", source_legend(""), ""]
    lines.append("文档中写代码（如 `01`），Excel 模板和报告中显示名称；输入时也接受名称和别名。")
    lines.append("")
    lines.append(
        f"每个代码表另有 CSV 和 JSON 文件（含英文名称），见{link('下载', 'downloads.md')}。"
    )
    for name in codelists.names():
        found = codelists.get(name)
        openness = "开放：也接受表外的值" if found.open else "封闭：只接受表中的代码"
        rows = (
            [
                code(e.code),
                escape(e.title),
                source_text(e.source),
                "、".join(code(alias) for alias in e.aliases),
            ]
            for e in found
        )
        lines += [
            "",
            anchor(f"codelist-{name}"),
            "",
            f"## {escape(found.title)}（{code(name)}）",
            "",
            f"{openness}。来源：{source_text(found.source)}。",
            "",
            table(("代码", "名称", "来源", "别名"), rows),
        ]
    return Page("codelists.md", "代码表", "\n".join(lines) + "\n", "标准")


def coding_rule_page() -> Page:
    """Return the coding rule: the segment tables and worked examples explained by banzhang."""
    lines = [
        GENERATED,
        "# 事项编码规则",
        "",
        (
            "本页是《行政权力事项编码规则》（"
            f"{link('征求意见稿', 'standard/coding-rule.md')}）的编码部分。"
            "编码规则为自定（**B**），"
            "依据已公开的国家事项编码（`00016421300Y`、`000164213003`、`00016421300301`）确定；"
            "统一社会信用代码依 **V** GB 32100-2015。各段的定义可由地方配置替换。"
        ),
        "",
        "**与国家标准的关系。** " + escape(RELATION.replace("本文件", "本规则")),
        "",
        "## 各编码的分段",
    ]
    for name in SCHEMES:
        lines += ["", *_scheme_section(name)]
    maintenance = [*_MAINTENANCE, "", f"来源：{source_text('S 002; V DB37/T 2561; S 000')}。"]
    lines += ["", "## 编码维护", "", *maintenance, "", "## 实例解析", ""]
    lines.append("以下编码与 `banzhang code explain` 的解释均由程序生成：")
    for value, comment in examples.codes():
        lines += ["", *_worked_example(value, comment)]
    return Page("coding-rule.md", "编码规则", "\n".join(lines) + "\n", "标准")


_MAINTENANCE = [f"- {escape(rule)}。" for rule in MAINTENANCE]


def _scheme_section(name: str) -> list[str]:
    scheme = load_scheme(name)
    rows = (
        [
            code(segment.name),
            escape(segment.title),
            str(segment.length),
            escape(pattern_words(segment.pattern)),
            link(segment.codelist, f"codelists.md#codelist-{segment.codelist}")
            if segment.codelist
            else "",
            code(segment.forbid) if segment.forbid else "",
        ]
        for segment in scheme.segments
    )
    return [
        anchor(f"scheme-{name}"),
        "",
        f"### {escape(scheme.title)}（{code(name)}，{scheme.length} 位）",
        "",
        f"来源：{source_text(scheme.source)}。",
        "",
        table(("分段", "名称", "位数", "格式", "代码表", "不允许的值"), rows),
    ]


def _worked_example(value: str, comment: str) -> list[str]:
    heading = [f"### {code(value)}", "", escape(comment) + "。", ""]
    try:
        parts = codes.explain(value)
    except InvalidCode as err:
        return [*heading, f"banzhang 拒绝此编码：{escape(str(err))}"]
    kind = codes.detect(value)
    title = codes.KINDS[kind][0]
    rows = ([escape(p.title), code(p.value), escape(p.meaning)] for p in parts)
    return [*heading, f"{escape(title)}：", "", table(("分段", "值", "含义"), rows)]


def rules_page() -> Page:
    """Return the rule catalogue: every rule id banzhang reports."""
    rows = (
        [
            code(r.id),
            _SEVERITY.get(r.severity, r.severity),
            _LAYER.get(r.layer, r.layer),
            escape(r.title),
            source_text(r.source),
        ]
        for r in all_rules()
    )
    lines = [
        GENERATED,
        "# 校验规则目录",
        "",
        (
            "每条发现都带规则编号、严重程度、`$` 路径"
            "（Excel 文件还带 `工作表!单元格`，XML 文件带行号）和中文说明。"
            "`banzhang rules --format json` 输出同一目录。严重程度为“错误”的发现使 "
            "`banzhang validate` 以退出码 1 结束。"
        ),
        "",
        source_legend(""),
        "",
        table(("规则", "严重程度", "层", "检查内容", "来源"), rows),
    ]
    return Page("rules.md", "校验规则", "\n".join(lines) + "\n")


def normative_page() -> Page:
    """Return the page that says which parts are published norms and which are banzhang's."""
    elements = list(_all_elements())
    tally = _tally(
        elements=[facts.source for _model, _name, facts in elements],
        rules=[r.source for r in all_rules()],
        codelists=[codelists.get(n).source for n in codelists.names()],
    )
    own = [(model, name, facts) for model, name, facts in elements if _tags(facts.source) == {"B"}]
    lines = [
        GENERATED,
        "# 哪些是规范，哪些是 banzhang 的解读",
        "",
        (
            "内蒙古“八张清单”的官方构成，以及编码规则、服务指南编写规范、审查细则编写规范的地方标准全文"
            "均未公开。banzhang 依据已公开的文本建模，并为每个要素、代码表和规则标明来源："
        ),
        "",
        *(f"- **{tag}**：{meaning}" for tag, meaning in SOURCE_TAGS.items()),
        "",
        (
            "只有 **V** 和 **S** 是规范本身；**P** 是实际系统的通行做法；**B** 是 banzhang 的解读，"
            "可以随规范公开而修改。每项 **B** 决定的理由见[banzhang 的决定](decisions.md)。"
        ),
        "",
        "## 按来源统计",
        "",
        table(("", *SOURCE_TAGS), tally),
        "",
        (
            "（一个来源可能同时带几个标记，如 “S 002; V 《中华人民共和国行政许可法》第三十八条”，"
            "各计一次。）"
        ),
        "",
        "## banzhang 自定的要素（仅 B）",
        "",
        table(("所在", "要素", "中文名称", "来源"), _element_rows(own)),
        "",
        "## banzhang 自定的规则（仅 B）",
        "",
        table(
            ("规则", "检查内容", "来源"),
            (
                [code(r.id), escape(r.title), source_text(r.source)]
                for r in all_rules()
                if _tags(r.source) == {"B"}
            ),
        ),
    ]
    return Page("normative.md", "规范与解读", "\n".join(lines) + "\n")


def _all_elements() -> Iterator[tuple[type[Any], str, Any]]:
    """Yield (declaring model, element id, Element) for every element of every kind, once each.

    An inherited element (the envelope's ``kind``, ``region``, …) is counted once, on the model
    that declares it, not once per kind.
    """
    seen: set[tuple[type[Any], str]] = set()
    visited: set[type[Any]] = set()

    def visit(model: type[Any]) -> Iterator[tuple[type[Any], str, Any]]:
        visited.add(model)
        for spec in fields_of(model):
            origin = _declaring_model(model, spec.name)
            if (origin, spec.name) not in seen:
                seen.add((origin, spec.name))
                yield origin, spec.name, spec.element
            if spec.model is not None and spec.model not in visited:
                yield from visit(spec.model)

    for kind in kinds.all_kinds():
        yield from visit(kind.document)


def _declaring_model(model: type[Any], name: str) -> type[Any]:
    for ancestor in reversed(model.__mro__):
        if attrs.has(ancestor) and name in attrs.fields_dict(ancestor):
            return ancestor
    return model


def _tags(source: str) -> set[str]:
    return {tag for tag, _clause in split_sources(source) if tag}


def _tally(**groups: list[str]) -> list[list[str]]:
    titles = {"elements": "要素", "rules": "校验规则", "codelists": "代码表"}
    rows = []
    for group, sources in groups.items():
        counts = Counter(tag for source in sources for tag in _tags(source))
        rows.append([titles[group], *(str(counts[tag]) for tag in SOURCE_TAGS)])
    return rows


def _element_rows(elements: list[tuple[type[Any], str, Any]]) -> Iterator[list[str]]:
    for model, name, facts in elements:
        yield [
            escape(model_title(model)),
            code(name),
            escape(facts.title),
            source_text(facts.source),
        ]
