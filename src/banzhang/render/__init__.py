"""Render a 服务指南 or 审查细则 as printable HTML (A4), with its flow chart as inline SVG.

The full guide follows the 21 sections of the 行政许可标准化指引 (SPEC §5); the 简版 keeps what an
applicant needs at the window and states where the full one is [S 002]. The review detail shows
each step's review points, standards, post and documents (SPEC §6). Nothing outside the page is
loaded: the styles are inline and the chart is drawn from the steps.

>>> from banzhang import examples
>>> page = render(examples.load("service-guide"))
>>> "<svg" in page and "十一、办理基本流程" in page
True
>>> "完整版获取方式" in render(examples.load("service-guide"), brief=True)
True
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from banzhang.errors import UnreadableInput
from banzhang.kinds.review_detail import ReviewDetail
from banzhang.kinds.service_guide import ServiceGuide
from banzhang.render._flowchart import BOX_FILL, FlowStep, flowchart, standalone_svg
from banzhang.render._guide import flow_steps, render_brief, render_full
from banzhang.render._review import render_review, review_flow_steps

__all__ = [
    "BOX_FILL",
    "FlowStep",
    "flow_steps",
    "flowchart",
    "flowchart_svg",
    "printable",
    "render",
    "render_brief",
    "render_full",
    "render_review",
]


def render(document: Any, *, brief: bool = False, credit: bool = False) -> str:
    """Return ``document`` (a :class:`ServiceGuide` or :class:`ReviewDetail`) as HTML.

    Args:
        document: the model to render.
        brief: for a guide, render the 简版 instead of the full guide.
        credit: end with a line naming banzhang (off: the department publishes the document).

    Raises:
        InvalidDocument: the 简版 is asked for but the guide does not say where the full one is.
        UnreadableInput: the document is of another kind, or ``brief`` is asked of a review detail.
    """
    if isinstance(document, ServiceGuide):
        guide = printable(document)
        return render_brief(guide, credit=credit) if brief else render_full(guide, credit=credit)
    if isinstance(document, ReviewDetail):
        if brief:
            message = "审查细则没有简版；--brief 只用于服务指南"
            raise UnreadableInput(message)
        return render_review(printable(document), credit=credit)
    message = f"只能渲染服务指南或审查细则，而不是 {type(document).__name__}"
    raise UnreadableInput(message)


# What HTML and XML cannot carry: C0 controls but tab and newlines, lone surrogates, U+FFFE/F.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def printable(value: Any) -> Any:
    """Return ``value`` with characters no page can show replaced by U+FFFD, visibly.

    A rendered page is for reading; the document itself is untouched, and validation of the XML
    form reports such characters as ``xml.illegal-character``.
    """
    if isinstance(value, str):
        return _UNPRINTABLE.sub("\ufffd", value)
    if isinstance(value, tuple):
        return tuple(printable(entry) for entry in value)
    if attrs.has(type(value)):
        changes = {f.name: printable(getattr(value, f.name)) for f in attrs.fields(type(value))}
        return attrs.evolve(value, **changes)
    return value


def flowchart_svg(document: Any) -> str:
    """Return the flow chart of a guide or review detail as a standalone SVG file's text."""
    document = printable(document)
    if isinstance(document, ServiceGuide):
        return standalone_svg(flow_steps(document.process), title=f"{document.name}办理流程图")
    if isinstance(document, ReviewDetail):
        return standalone_svg(review_flow_steps(document.steps), title=f"{document.name}审查流程图")
    message = f"只有服务指南和审查细则有流程图，而不是 {type(document).__name__}"
    raise UnreadableInput(message)
