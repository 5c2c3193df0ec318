"""《行政审批事项服务指南编写规范》 and 《行政审批事项审查细则编写规范》, from their kinds.

Each kind's sections become the 条 of its 编写内容 chapter, a 要素表 each; the value types it
uses (申请材料, 办理环节, 时限 …) get their own tables; the catalogue's rules become 编写要求.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from banzhang import codelists, kinds
from banzhang.declare import Element, fields_of, model_info
from banzhang.generate.standard._annexes import codelist_annex, example_annex
from banzhang.generate.standard._elements import (
    BOOKKEEPING,
    codelists_used,
    element_table,
    nested_models,
)
from banzhang.generate.standard._model import Clause, ListItems, Paragraph, Standard, Term
from banzhang.generate.standard._references import CODING_RULE, LAWS, NATIONAL, bibliography
from banzhang.generate.standard._requirements import rule_clauses, rules_of

__all__ = ["GUIDE", "REVIEW", "NormSpec", "guide_norm", "review_norm"]


@attrs.frozen
class NormSpec:
    """What differs between the two writing norms.

    Attributes:
        id: the draft's file stem.
        kind: the kind it governs.
        title: the draft's title.
        subject: what it governs, as the text names it (服务指南).
        purpose: what the governed document is for, for 范围.
        groups: the rule-id groups its 编写要求 gather.
        terms: the 术语 besides the kind's, each (term, definition); ``{name}`` in a
            definition stands for the names of codelist ``name``.
    """

    id: str
    kind: str
    title: str
    subject: str
    purpose: str
    groups: tuple[str, ...]
    terms: tuple[tuple[str, str], ...] = ()


_GUIDE_GROUPS = (
    *("guide", "basis", "material", "time", "process"),
    *("notice", "refusal", "fee", "contact", "mode"),
)

GUIDE = NormSpec(
    id="service-guide-norm",
    kind="service-guide",
    title="行政审批事项服务指南编写规范",
    subject="服务指南",
    purpose="向申请人公开行政审批事项的办理要求",
    groups=_GUIDE_GROUPS,
    terms=(
        (
            "容缺受理",
            "受理时申请人尚未提交、经承诺可在规定期限内补交的必要材料，先予受理、后补齐的受理方式。",
        ),
        ("法定办结时限", "法律、法规规定的办理期限。"),
        ("承诺办结时限", "实施机关向社会承诺的、不超过法定办结时限的办理期限。"),
        ("办件类型", "按办理时间对事项的分类，分为即办件和承诺件。"),
    ),
)

REVIEW = NormSpec(
    id="review-detail-norm",
    kind="review-detail",
    title="行政审批事项审查细则编写规范",
    subject="审查细则",
    purpose="规范行政审批事项的内部审查",
    groups=("review", "time", "process", "notice", "refusal"),
    terms=(
        ("审查环节", "行政审批事项内部办理的一个步骤，如受理、审查、决定、送达。"),
        ("审查要点", "审查环节中逐项审查的内容。"),
        ("审查标准", "判断审查要点是否符合要求的尺度。"),
        ("审查方式", "审查申请的方法，包括{review_method}。"),
    ),
)


def guide_norm() -> Standard:
    """Return the draft 《行政审批事项服务指南编写规范》."""
    return _norm(GUIDE)


def review_norm() -> Standard:
    """Return the draft 《行政审批事项审查细则编写规范》."""
    return _norm(REVIEW)


def _norm(spec: NormSpec) -> Standard:
    kind = kinds.get(spec.kind)
    models = [kind.document, *nested_models(kind.document)]
    rules = rules_of(spec.groups, spec.subject)
    sources = [kind.source, *(facts.source for _t, facts in _elements(models))]
    return Standard(
        id=spec.id,
        title=spec.title,
        scope=_scope(spec),
        normative_references=(
            *(NATIONAL[d] for d in ("GB/T 2260", "GB 32100")),
            CODING_RULE,
            LAWS["行政许可法"],
        ),
        terms=(Term(kind.title, f"{kind.description}，用于{spec.purpose}。"), *_terms(spec)),
        body=(
            _principles(spec),
            Clause("编写内容", children=_contents(spec, kind)),
            Clause("复合要素", children=_composites(models[1:])),
            Clause("编写要求", children=rule_clauses(spec.subject, spec.groups)),
        ),
        annexes=(codelist_annex(codelists_used(models)), example_annex(spec.kind, spec.subject)),
        bibliography=tuple(
            entry
            for entry in bibliography([*sources, *(r.source for r in rules)])
            if entry != "《中华人民共和国行政许可法》"  # a normative reference already
        ),
        basis=(
            *((title, facts.source) for title, facts in _elements(models) if facts.source),
            *((rule.title, rule.source) for rule in rules),
        ),
        kinds=(spec.kind,),
        introduction=(f"本文件与{CODING_RULE.designation}《{CODING_RULE.title}》配套使用。",),
    )


def _scope(spec: NormSpec) -> tuple[Paragraph, ...]:
    return (
        Paragraph(f"本文件规定了行政审批事项{spec.subject}的编写原则、编写内容和编写要求。"),
        Paragraph(
            "本文件适用于内蒙古自治区各级行政机关和法律法规授权的组织"
            f"编写行政审批事项的{spec.subject}。"
        ),
    )


def _elements(models: list[type[Any]]) -> list[tuple[str, Element]]:
    """Each element a writer fills in (not the file's bookkeeping), with its title."""
    return [
        (spec.element.title, spec.element)
        for model in models
        for spec in fields_of(model)
        if spec.name not in BOOKKEEPING
    ]


def _terms(spec: NormSpec) -> tuple[Term, ...]:
    """Return the spec's terms, each ``{codelist}`` in a definition filled with its names."""
    return tuple(Term(term, _DEFINED.sub(_names, text)) for term, text in spec.terms)


_DEFINED = re.compile(r"\{(\w+)\}")


def _names(found: re.Match[str]) -> str:
    return "、".join(entry.title for entry in codelists.get(found[1]))


def _principles(spec: NormSpec) -> Clause:
    subject = spec.subject
    return Clause(
        "编写原则",
        (
            Paragraph(
                f"{subject}应依据《中华人民共和国行政许可法》和设定事项的法律法规编写，内容合法、准确、完整。"
            ),
            Paragraph(
                f"一个事项（子项或无子项的主项）编写一份{subject}；事项的编码应符合{CODING_RULE.designation}。"
            ),
            Paragraph(
                f"{subject}应包括第5章、第6章所列的必备要素，可包括可选要素；"
                "要素的取值应符合附录A的代码表。"
            ),
            Paragraph(f"{subject}的用语应规范、明确，与设定依据的表述一致。"),
            Paragraph(f"按本文件编写的{subject}示例见附录B。"),
        ),
    )


def _contents(spec: NormSpec, kind: kinds.Kind) -> tuple[Clause, ...]:
    parts = ListItems(
        tuple((title, ()) for title, _names in kind.sections),
        f"{spec.subject}由下列部分组成，并按下列顺序编排：",
    )
    clauses = [Clause("构成", (parts,))]
    for title, names in kind.sections:
        label = f"section-{names[0]}"
        lead = Paragraph(f"{title}的要素见〔表:{label}〕。")
        clauses.append(
            Clause(title, (lead, element_table(label, f"{title}要素", kind.document, names)))
        )
    return tuple(clauses)


def _composites(models: list[type[Any]]) -> tuple[Clause, ...]:
    """A clause each value type the elements use (申请材料, 时限 …), with its 要素表."""
    clauses = []
    for model in models:
        title = model_info(model).title
        label = f"model-{model.__name__}"
        lead = Paragraph(f"复合要素“{title}”由〔表:{label}〕所列要素组成。")
        clauses.append(Clause(title, (lead, element_table(label, f"{title}要素", model))))
    return tuple(clauses)
