"""Write Markdown that GitHub and CommonMark (with GFM tables) render the same way.

>>> escape("a*b_c")
'a\\\\*b\\\\_c'
>>> code("^(a|b)$")
'`^(a|b)$`'
>>> table(["要素", "说明"], [["name", "x|y"]]).splitlines()[2]
'| name | x\\\\|y |'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = ["anchor", "cell", "code", "escape", "link", "table"]

# The ASCII characters that start or end Markdown syntax inside a line of text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def escape(text: str) -> str:
    """Return ``text`` with every character Markdown could read as syntax escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def code(text: str) -> str:
    """Return ``text`` as an inline code span (its backticks fenced by longer runs)."""
    fence = "`"
    while fence in text:
        fence += "`"
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def cell(markdown: str) -> str:
    """Return a piece of Markdown fit for one table cell: pipes escaped, lines joined by <br>."""
    # GFM splits cells on | before inline parsing, even inside code spans, so \| is always needed.
    protected = re.sub(r"(?<!\\)\|", r"\\|", markdown)
    return "<br>".join(line.strip() for line in protected.splitlines()) or " "


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Return a GFM table; headers and cells are Markdown (see :func:`cell`)."""
    lines = [
        "| " + " | ".join(cell(header) for header in headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    lines.extend("| " + " | ".join(cell(value) for value in row) + " |" for row in rows)
    return "\n".join(lines)


def anchor(name: str) -> str:
    """Return an explicit anchor: GitHub and the HTML site both honour ``<a id>``."""
    return f'<a id="{name}"></a>'


def link(text: str, target: str) -> str:
    """Return a Markdown link whose text is escaped."""
    return f"[{escape(text)}]({target})"
