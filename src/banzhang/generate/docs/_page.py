"""A generated page, and the words every page shares."""

from __future__ import annotations

import attrs

from banzhang.declare import SOURCE_TAGS

__all__ = ["GENERATED", "Page", "source_legend"]

#: The first line of every generated page: where to change it instead of editing it.
GENERATED = (
    "<!-- 本页由 banzhang docs 从要素声明生成；"
    "请修改声明或 src/banzhang/_data/docs 后运行 make generate。 -->\n"
)


def source_legend(root: str) -> str:
    """Return what the source tags mean, for the top of a page ``root`` away from the index."""
    tags = "；".join(f"**{tag}** {meaning}" for tag, meaning in SOURCE_TAGS.items())
    return f"来源标记：{tags}（详见[哪些是规范，哪些是 banzhang 的解读]({root}normative.md)）。"


@attrs.frozen
class Page:
    """One page of the documentation.

    Attributes:
        path: where it goes, relative to the docs folder, with ``/`` separators (``kinds/x.md``).
        title: its title, for navigation.
        text: its Markdown.
        group: where the navigation lists it: 标准 (the normative text and what it consists
            of), 参考 (provenance and the rule catalogue) or 实现说明 (how banzhang implements it).
    """

    path: str
    title: str
    text: str
    group: str = "参考"
