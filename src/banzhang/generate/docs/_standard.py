"""The drafts on the site: each standard's numbered lines, the very ones Word prints, as a page.

The page and the .docx are both laid out from one document model
(:func:`banzhang.generate.standard.layout`), so the text a reader browses is the text the
standards office downloads.
"""

from __future__ import annotations

import re

from banzhang.generate.docs._markdown import escape, link, table
from banzhang.generate.docs._page import GENERATED, Page
from banzhang.generate.standard import Line, Standard, layout

__all__ = ["standard_page"]

_HEADINGS = {1: "##", 2: "###"}


def standard_page(draft: Standard, downloads: list[str]) -> Page:
    """Return the page of ``draft``, with links to its files among ``downloads``."""
    files = [path for path in downloads if path.rpartition("/")[2].startswith(draft.title)]
    lines = [
        GENERATED,
        f"# {escape(draft.title)}（征求意见稿）",
        "",
        "DB15/T ××××—YYYY　内蒙古自治区地方标准",
        "",
        "下载：" + "；".join(link(path.rpartition("/")[2], f"../{path}") for path in files) + "。",
    ]
    for line in layout(draft):
        lines += ["", _markdown(line)]
    return Page(f"standard/{draft.id}.md", draft.title, "\n".join(lines) + "\n", "标准")


def _markdown(line: Line) -> str:
    if line.role in ("chapter", "clause", "annex"):
        heading = _HEADINGS.get(line.level, "####")
        return f"{heading} {escape(line.text.replace(chr(10), ''))}"  # 附录A（规范性）代码表
    if line.role in ("term-number", "table-title", "bibliography-title"):
        return f"**{escape(line.text)}**"
    if line.role == "table" and line.table is not None:
        rows = ([escape(cell) for cell in row] for row in line.table.rows)
        return table([escape(h) for h in line.table.headers], rows)
    if line.role == "sublist":
        return "　　" + _not_a_list(line.text)
    if line.role == "list":
        return "　" + escape(line.text)
    return escape(line.text)


def _not_a_list(text: str) -> str:
    """Keep ``1) …`` as text: CommonMark would read it as an ordered list."""
    return re.sub(r"^(\d+)\)", r"\1\\)", escape(text))
