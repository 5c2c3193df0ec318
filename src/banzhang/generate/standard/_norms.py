"""《行政审批事项服务指南编写规范》 and 《行政审批事项审查细则编写规范》, from their kinds.

Each kind's sections become the 条 of its 编写内容 chapter, a 要素表 each; the value types it
uses (申请材料, 办理环节, 时限 …) get their own tables; the catalogue's rules become 编写要求.
"""

from __future__ import annotations

from typing import Any

import attrs

from banzhang import kinds
from banzhang.declare import fields_of, model_info
from banzhang.generate.standard._annexes import codelist_annex, example_annex
from banzhang.generate.standard._elements import codelists_used, element_table, nested_models
from banzhang.generate.standard._model import Clause, Paragraph, Standard, Term
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
        terms: the elements whose titles and descriptions become 术语 (besides the kind).
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
        ("审查要点", "审查环节中逐项审查的内容。"),
        ("审查标准", "判断审查要点是否符合要求的尺度。"),
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
    nested = nested_models(kind.document)
    sources = [
        kind.source,
        *(s.element.source for m in [kind.document, *nested] for s in fields_of(m)),
    ]
    sources += [rule.source for rule in rules_of(spec.groups, spec.subject)]
    return Standard(
        id=spec.id,
        title=spec.title,
        scope=(
            Paragraph(f"本文件规定了行政审批事项{spec.subject}的编写原则、编写内容和编写要求。"),
            Paragraph(
                f"本文件适用于内蒙古自治区各级行政机关和法律法规授权的组织编写行政审批事项的{spec.subject}。"
            ),
        ),
        normative_references=(
            NATIONAL["GB/T 2260"],
            NATIONAL["GB 32100"],
            CODING_RULE,
            LAWS["行政许可法"],
        ),
        terms=(Term(kind.title, f"{kind.description}，用于{spec.purpose}。"), *_terms(spec)),
        body=(
            _principles(spec),
            Clause("编写内容", children=_contents(spec, kind, nested)),
            Clause("编写要求", children=rule_clauses(spec.subject, spec.groups)),
        ),
        annexes=(
            codelist_annex(codelists_used([kind.document, *nested])),
            example_annex(spec.kind, spec.subject),
        ),
        bibliography=tuple(b for b in bibliography(sources) if b != "《中华人民共和国行政许可法》"),
        basis=(
            *(
                (s.element.title, s.element.source)
                for m in [kind.document, *nested]
                for s in fields_of(m)
                if s.element.source
            ),
            *((r.title, r.source) for r in rules_of(spec.groups, spec.subject)),
        ),
    )


def _terms(spec: NormSpec) -> tuple[Term, ...]:
    return tuple(Term(term, definition) for term, definition in spec.terms)


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
                f"{subject}应包括第5章所列的必备要素，可包括可选要素；要素的取值应符合附录A的代码表。"
            ),
            Paragraph(f"{subject}的用语应规范、明确，不宜使用“等”“其他”等兜底表述。"),
            Paragraph(f"按本文件编写的{subject}示例见附录B。"),
        ),
    )


def _contents(spec: NormSpec, kind: kinds.Kind, nested: list[type[Any]]) -> tuple[Clause, ...]:
    clauses = []
    for title, names in kind.sections:
        label = f"section-{names[0]}"
        lead = Paragraph(f"{title}的要素见〔表:{label}〕。")
        clauses.append(
            Clause(title, (lead, element_table(label, f"{title}要素", kind.document, names)))
        )
    for model in nested:
        title = model_info(model).title
        label = f"model-{model.__name__}"
        lead = Paragraph(f"复合要素“{title}”由〔表:{label}〕所列要素组成。")
        clauses.append(
            Clause(f"复合要素：{title}", (lead, element_table(label, f"{title}要素", model)))
        )
    return tuple(clauses)
