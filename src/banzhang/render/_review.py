"""The 审查细则 for the reviewing staff: per step what to check, by what standard, who and how."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import html
from lxml.html import builder as E

from banzhang.kinds.review_detail import ReviewDetail, ReviewStep
from banzhang.render._flowchart import FlowStep, flowchart
from banzhang.render._page import (
    NONE,
    agency_text,
    facts,
    numbered,
    page,
    section,
    text_or_missing,
    text_or_none,
    time_text,
    titled,
)

__all__ = ["render_review"]


def render_review(detail: ReviewDetail, *, credit: bool = False) -> str:
    """Return the review detail as printable HTML (``credit``: a footer naming banzhang)."""
    subtitle = f"基本编码 {detail.basic_code} · {titled('power_type', detail.power_type)}"
    return page(f"{detail.name}审查细则", subtitle, *_sections(detail), credit=credit)


def review_flow_steps(steps: tuple[ReviewStep, ...]) -> list[FlowStep]:
    """Return the boxes of the 审查流程图: each step with its post and time limit."""
    return [
        FlowStep(step.name, " · ".join(p for p in (step.post, time_text(step.time_limit)) if p))
        for step in steps
    ]


def _sections(detail: ReviewDetail) -> Iterator[html.HtmlElement]:
    yield section("基本信息", facts(_identity(detail)))
    chart = flowchart(
        review_flow_steps(detail.steps),
        title=f"{detail.name}审查流程图",
        start="受理申请",
        end="办结归档",
    )
    yield section("审查流程", E.FIGURE(chart, E.FIGCAPTION("审查流程图")))
    for number, step in enumerate(detail.steps, start=1):
        yield section(f"{step.name}环节", *_step(step), number=number)
    for title, entries in (
        ("裁量基准", detail.discretion),
        ("不予受理情形", detail.non_acceptance_grounds),
        ("不予许可情形", detail.refusal_grounds),
    ):
        yield section(title, numbered(entries) if entries else E.P(NONE))
    for title, text in (
        ("听证", detail.hearing),
        ("实地核查要求", detail.onsite_verification),
        ("陈述申辩", detail.statement),
    ):
        yield section(title, E.P(text_or_none(text)))
    # Given grounds for refusal, the remedies must be named (refusal.remedies): a gap shows.
    refused = detail.refusal_grounds or detail.non_acceptance_grounds
    remedies = text_or_missing(detail.remedies) if refused else text_or_none(detail.remedies)
    yield section("救济途径", E.P(remedies))


def _identity(detail: ReviewDetail) -> list[tuple[str, str | None]]:
    return [
        ("事项名称", detail.name),
        ("基本编码", detail.basic_code),
        ("事项类型", titled("power_type", detail.power_type)),
        ("实施机关", agency_text(detail.agency)),
        ("法定办结时限", time_text(detail.legal_time_limit)),
        ("承诺办结时限", time_text(detail.promised_time_limit)),
        ("审批流程特殊情形", "、".join(detail.approval_flags) or "无"),
        ("多部门联合办理", "是" if detail.joint_approval else "否"),
    ]


def _step(step: ReviewStep) -> list[html.HtmlElement]:
    rows = [
        ("责任环节", titled("responsibility_stage", step.stage)),
        ("岗位", step.post),
        ("岗位职责及权限", step.duties),
        ("审查方式", "、".join(step.methods) or None),
    ]
    if step.method_basis:
        rows.append(("审查方式理由依据", step.method_basis))
    # The number of inspectors matters only where staff go on site (行政许可法第三十四条).
    if step.inspectors is not None or "实地核查" in step.methods:
        inspectors = None if step.inspectors is None else f"{step.inspectors} 人"
        rows.append(("核查人数", inspectors))
    rows += [("环节时限", time_text(step.time_limit)), ("文书", "、".join(step.documents) or None)]
    rows += [
        (title, "；".join(values))
        for title, values in (("前置条件", step.preconditions), ("后置条件", step.follow_on))
        if values
    ]
    return [
        facts(rows),
        E.H3("审查要点"),
        numbered(step.points),
        E.H3("审查标准"),
        numbered(step.standards),
    ]
