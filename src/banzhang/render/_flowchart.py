"""The 办理流程图 as SVG, laid out from the steps alone: no external program draws it.

Steps stand in one column between a start and an end terminal, joined by arrows; each box holds
the step's name and one line of detail (who, and how long). Text is wrapped by its display
width, counting a CJK character as one em and other characters as half.

>>> svg = flowchart([FlowStep("受理", "窗口人员 · 1 工作日"), FlowStep("决定", "")])
>>> [box.get("data-step") for box in svg.iter("g") if box.get("data-step")]
['受理', '决定']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import attrs
from lxml import etree, html

__all__ = ["BOX_FILL", "FlowStep", "flowchart", "standalone_svg"]

#: The fill of step boxes; tests look for it in screenshots to see the chart was drawn.
BOX_FILL = "#dbe9f7"
_STROKE = "#0b4f9c"
_WIDTH = 520
_BOX_WIDTH = 360
_FONT = 15
_SMALL = 13
_LINE = 20
_GAP = 34
_TERMINAL_HEIGHT = 34
_STROKE_WIDTH: dict[str, object] = {"stroke-width": 1.5}


@attrs.frozen
class FlowStep:
    """One box of the chart.

    Attributes:
        name: the step's name, in bold.
        detail: one line of detail under it (may be empty).
    """

    name: str
    detail: str = ""


def flowchart(
    steps: Sequence[FlowStep], *, title: str = "办理流程图", start: str = "申请", end: str = "办结"
) -> html.HtmlElement:
    """Return the chart as an ``<svg>`` element to place inside an HTML page."""
    svg = html.Element("svg")
    parts = [_terminal(start, _GAP // 2)]
    y = _GAP // 2 + _TERMINAL_HEIGHT
    for step in steps:
        parts.append(_arrow(y, y + _GAP))
        box, height = _box(step, y + _GAP)
        parts.append(box)
        y += _GAP + height
    parts += [_arrow(y, y + _GAP), _terminal(end, y + _GAP)]
    height = y + _GAP + _TERMINAL_HEIGHT + _GAP // 2
    svg.attrib.update(
        {
            "viewBox": f"0 0 {_WIDTH} {height}",
            "width": str(_WIDTH),
            "height": str(height),
            "role": "img",
            "aria-label": title,
            "class": "flowchart",
        }
    )
    svg.append(_element("title", title))
    svg.extend(parts)
    return svg


def standalone_svg(steps: Sequence[FlowStep], *, title: str = "办理流程图") -> str:
    """Return the chart as a standalone SVG file's text (with its namespace)."""
    text = html.tostring(flowchart(steps, title=title), encoding="unicode", method="xml")
    tree = etree.fromstring(text.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    return etree.tostring(tree, encoding="unicode", xml_declaration=False) + "\n"


def _box(step: FlowStep, top: int) -> tuple[html.HtmlElement, int]:
    name_lines = _wrap(step.name, _BOX_WIDTH - 24, _FONT)
    detail_lines = _wrap(step.detail, _BOX_WIDTH - 24, _SMALL) if step.detail else []
    height = 16 + _LINE * (len(name_lines) + len(detail_lines))
    left = (_WIDTH - _BOX_WIDTH) // 2
    group = _element("g", **{"class": "step", "data-step": step.name})
    group.append(
        _element(
            "rect",
            x=left,
            y=top,
            width=_BOX_WIDTH,
            height=height,
            rx=6,
            fill=BOX_FILL,
            stroke=_STROKE,
            **_STROKE_WIDTH,
        )
    )
    baseline = top + 8 + _FONT
    for line in name_lines:
        group.append(_text(line, baseline, _FONT, bold=True))
        baseline += _LINE
    for line in detail_lines:
        group.append(_text(line, baseline, _SMALL, bold=False))
        baseline += _LINE
    return group, height


def _terminal(label: str, top: int) -> html.HtmlElement:
    width = 140
    group = _element("g", **{"class": "terminal"})
    group.append(
        _element(
            "rect",
            x=(_WIDTH - width) // 2,
            y=top,
            width=width,
            height=_TERMINAL_HEIGHT,
            rx=_TERMINAL_HEIGHT // 2,
            fill="#ffffff",
            stroke=_STROKE,
            **_STROKE_WIDTH,
        )
    )
    group.append(_text(label, top + _TERMINAL_HEIGHT // 2 + _FONT // 2 - 1, _FONT, bold=False))
    return group


def _arrow(top: int, bottom: int) -> html.HtmlElement:
    middle = _WIDTH // 2
    group = _element("g", **{"class": "arrow"})
    group.append(
        _element(
            "line",
            x1=middle,
            y1=top,
            x2=middle,
            y2=bottom - 7,
            stroke=_STROKE,
            **_STROKE_WIDTH,
        )
    )
    head = f"{middle - 5},{bottom - 8} {middle + 5},{bottom - 8} {middle},{bottom}"
    group.append(_element("polygon", points=head, fill=_STROKE))
    return group


def _text(line: str, baseline: int, size: int, *, bold: bool) -> html.HtmlElement:
    attributes = {
        "x": _WIDTH // 2,
        "y": baseline,
        "font-size": size,
        "text-anchor": "middle",
        "fill": "#1f2328",
        "font-weight": "bold" if bold else "normal",
    }
    return _element("text", line, **attributes)


def _element(tag: str, text: str | None = None, /, **attributes: object) -> html.HtmlElement:
    made = html.Element(tag, {key: str(value) for key, value in attributes.items()})
    made.text = text
    return made


def _wrap(text: str, width: int, size: int) -> list[str]:
    """Split ``text`` into lines no wider than ``width`` pixels at font ``size``."""
    lines, current, used = [], "", 0.0
    for char in text:
        advance = size if unicodedata.east_asian_width(char) in "WF" else size * 0.55
        if used + advance > width and current:
            lines.append(current)
            current, used = "", 0.0
        current += char
        used += advance
    if current:
        lines.append(current)
    return lines
