"""Publish the standard: Markdown pages, a self-contained HTML site and the files to download.

The site is titled as the standard. Its 标准 pages are the three drafts — laid out from the same
document model as the Word files — and what they consist of: one page per kind, the codelists,
the coding rule, the downloads. Its 参考 pages say where each part comes from and list the rules
banzhang checks; its 实现说明 pages (architecture, Excel, XML, decisions) are about this library,
not the standard. Every page is derived from the declarations, or ships as package data;
``docs/`` in the repository is :func:`write_markdown`'s output, and a drift test keeps it so.

>>> found = {page.path: page for page in pages()}
>>> "kinds/power-list.md" in found and "standard/coding-rule.md" in found
True
>>> found["kinds/service-guide.md"].title, found["excel.md"].group
('服务指南', '实现说明')
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from banzhang import kinds
from banzhang._atomic import make_folder, replacing_folder, write_bytes, write_text
from banzhang._version import SPEC_VERSION
from banzhang.generate import standard
from banzhang.generate.docs._downloads import downloads, downloads_page
from banzhang.generate.docs._elements import kind_page
from banzhang.generate.docs._markdown import escape, link, table
from banzhang.generate.docs._page import GENERATED, Page
from banzhang.generate.docs._reference import (
    codelists_page,
    coding_rule_page,
    normative_page,
    rules_page,
)
from banzhang.generate.docs._standard import standard_page

__all__ = ["FORMATS", "GROUPS", "SITE_TITLE", "Page", "pages", "write", "write_markdown"]

FORMATS = ("md", "html")
#: The site's title: the standard system seed 000 sets up, not the tool that publishes it.
SITE_TITLE = "自治区行政审批制度改革“八张清单”标准化体系"
#: The navigation's groups, in order.
GROUPS = ("标准", "参考", "实现说明")

#: The hand-written pages, with their titles, in ``banzhang/_data/docs``: all 实现说明.
_WRITTEN = {
    "architecture.md": "架构：知识单向流动",
    "decisions.md": "实现中的决定",
    "excel.md": "Excel 工作簿",
    "xml.md": "XML 与 XSD",
}


def pages(files: dict[str, bytes] | None = None) -> list[Page]:
    """Return every page, the index first (``files``: the downloads, computed if not given)."""
    files = downloads() if files is None else files
    drafts = [standard_page(draft, sorted(files)) for draft in standard.drafts()]
    by_kind = [kind_page(kind) for kind in kinds.all_kinds()]
    named = [codelists_page(), coding_rule_page(), downloads_page(files)]
    reference = [normative_page(), rules_page()]
    written = [_written(name, title) for name, title in _WRITTEN.items()]
    rest = [*drafts, *by_kind, *named, *reference, *written]
    return [_index(rest), *rest]


def write_markdown(out: Path) -> list[Path]:
    """Write every page as Markdown, and the downloads, under ``out``; return the files."""
    files = downloads()
    written = []
    for page in pages(files):
        target = out / page.path
        make_folder(target.parent)
        write_text(target, page.text)
        written.append(target)
    return written + _write_downloads(out, files)


def write(out: Path, output_format: str = "md") -> list[Path]:
    """Write the documentation as ``md`` (Markdown) or ``html`` (a site), whole: the folder
    is built beside ``out`` and then takes its place, so a run that fails or is killed leaves
    the earlier documentation as it was (see :func:`banzhang._atomic.replacing_folder`). An
    ``out`` holding files other than pages (``.md``, ``.html``) is refused, not replaced.

    Raises:
        UnwritableOutput: ``out`` is a file, holds other files, or cannot be written.
    """
    with replacing_folder(out, ours=_is_ours) as folder:
        if output_format == "html":
            from banzhang.generate.docs._html import write_site  # noqa: PLC0415 - markdown-it only here

            files = downloads()
            built = write_site(pages(files), folder) + _write_downloads(folder, files)
        else:
            built = write_markdown(folder)
    return [out / path.relative_to(folder) for path in built]


def _is_ours(path: Path) -> bool:
    """Whether a file of an earlier ``docs --out`` folder is ours (so may be replaced): a page,
    or a file of its downloads."""
    return path.suffix in (".md", ".html") or path.parts[:1] == ("downloads",)


def _write_downloads(out: Path, files: dict[str, bytes]) -> list[Path]:
    return [_put(out / path, data) for path, data in files.items()]


def _put(target: Path, data: bytes) -> Path:
    make_folder(target.parent)
    write_bytes(target, data)
    return target


def _written(name: str, title: str) -> Page:
    text = resources.files("banzhang._data.docs").joinpath(name).read_text(encoding="utf-8")
    return Page(name, title, text, "实现说明")


def _index(rest: list[Page]) -> Page:
    lines = [
        GENERATED,
        f"# {escape(SITE_TITLE)}",
        "",
        (
            "本站发布《行政权力事项编码规则》《行政审批事项服务指南编写规范》"
            "《行政审批事项审查细则编写规范》三项地方标准的征求意见稿，以及“八张清单”"
            f"各类文档的要素、代码表和编码规则（规范版本 {escape(SPEC_VERSION)}）。"
            "页面、Word 文本、JSON Schema、XSD 和代码表文件出自同一份要素声明。"
        ),
    ]
    notes = {
        "标准": "标准文本及其组成：各类文档的要素、代码表、编码规则和可下载的文件。",
        "参考": "各部分的来源，以及据以检查文档的规则。",
        "实现说明": "参考实现 banzhang 的说明，不属于标准。",
    }
    for group in GROUPS:
        lines += ["", f"## {group}", "", notes[group], ""]
        members = [page for page in rest if page.group == group]
        lines += [f"- {link(page.title, page.path)}" for page in members]
    lines += ["", "## 文档类型", "", _kinds_table()]
    return Page("index.md", SITE_TITLE, "\n".join(lines) + "\n", "标准")


def _kinds_table() -> str:
    rows = (
        [
            link(kind.title, f"kinds/{kind.id}.md"),
            "清单" if kind.is_list else "单个事项",
            escape(kind.description),
        ]
        for kind in kinds.all_kinds()
    )
    return table(("名称", "形式", "说明"), rows)
