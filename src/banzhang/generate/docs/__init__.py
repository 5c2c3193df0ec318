"""Publish the standard: Markdown pages and a self-contained HTML site, from the declarations.

Every generated page — one per kind, the codelists, the coding rule, the rule catalogue, what is
normative — is derived from the same declarations as the schemas; the hand-written guides
(decisions, Excel, XML) ship as package data and are published beside them. ``docs/`` in the
repository is :func:`write_markdown`'s output, and a drift test keeps it so.

>>> found = {page.path: page for page in pages()}
>>> "kinds/power-list.md" in found and "coding-rule.md" in found
True
>>> found["kinds/service-guide.md"].title
'服务指南'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from banzhang import kinds
from banzhang._atomic import replacing_folder, write_text
from banzhang._version import SPEC_VERSION, __version__
from banzhang.generate.docs._elements import kind_page
from banzhang.generate.docs._markdown import code, escape, link, table
from banzhang.generate.docs._page import GENERATED, Page
from banzhang.generate.docs._reference import (
    codelists_page,
    coding_rule_page,
    normative_page,
    rules_page,
)

__all__ = ["FORMATS", "Page", "pages", "write", "write_markdown"]

FORMATS = ("md", "html")

#: The hand-written pages, with their titles, in ``banzhang/_data/docs``.
_WRITTEN = {
    "architecture.md": "架构：知识单向流动",
    "decisions.md": "banzhang 的决定",
    "excel.md": "Excel 工作簿",
    "xml.md": "XML 与 XSD",
}


def pages() -> list[Page]:
    """Return every page, the index first."""
    reference = [codelists_page(), coding_rule_page(), rules_page(), normative_page()]
    written = [_written(name, title) for name, title in _WRITTEN.items()]
    by_kind = [kind_page(kind) for kind in kinds.all_kinds()]
    return [_index(by_kind, reference, written), *by_kind, *reference, *written]


def write_markdown(out: Path) -> list[Path]:
    """Write every page as Markdown under ``out`` and return the files written."""
    written = []
    for page in pages():
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text(target, page.text)
        written.append(target)
    return written


def write(out: Path, output_format: str = "md") -> list[Path]:
    """Write the documentation as ``md`` (Markdown) or ``html`` (a site), whole: the folder
    is built beside ``out`` and then takes its place, so a run that fails or is killed leaves
    the earlier documentation as it was (see :func:`banzhang._atomic.replacing_folder`). An
    ``out`` holding files other than pages (``.md``, ``.html``) is refused, not replaced.

    Raises:
        UnwritableOutput: ``out`` is a file, holds other files, or cannot be written.
    """
    with replacing_folder(out, ours=_is_page) as folder:
        if output_format == "html":
            from banzhang.generate.docs._html import write_site  # noqa: PLC0415 - markdown-it only here

            built = write_site(pages(), folder)
        else:
            built = write_markdown(folder)
    return [out / path.relative_to(folder) for path in built]


def _is_page(path: Path) -> bool:
    """Whether a file of an earlier ``docs --out`` folder is a page (so may be replaced)."""
    return path.suffix in (".md", ".html")


def _written(name: str, title: str) -> Page:
    text = resources.files("banzhang._data.docs").joinpath(name).read_text(encoding="utf-8")
    return Page(name, title, text)


def _index(by_kind: list[Page], reference: list[Page], written: list[Page]) -> Page:
    rows = (
        [
            link(kind.title, page.path),
            code(kind.id),
            "清单" if kind.is_list else "单个事项",
            escape(kind.description),
        ]
        for kind, page in zip(kinds.all_kinds(), by_kind, strict=True)
    )
    lines = [
        GENERATED,
        "# banzhang 文档",
        "",
        (
            "banzhang 是内蒙古行政审批制度改革“八张清单”、事项编码规则、"
            "服务指南和审查细则编写规范的参考实现。"
            "本文档与 JSON Schema、XSD、Excel 模板出自同一份要素声明"
            f"（banzhang {escape(__version__)}，规范版本 {escape(SPEC_VERSION)}）。"
        ),
        "",
        "## 文档类型",
        "",
        table(("名称", "类型编号", "形式", "说明"), rows),
        "",
        "## 参考",
        "",
        *(f"- {link(page.title, page.path)}" for page in reference),
        "",
        "## 说明",
        "",
        *(f"- {link(page.title, page.path)}" for page in written),
    ]
    return Page("index.md", "banzhang 文档", "\n".join(lines) + "\n")
