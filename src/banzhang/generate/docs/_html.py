"""The HTML site: each Markdown page rendered and set in one layout, with no network assets.

The pages are rendered by markdown-it (CommonMark and GFM tables) from the very Markdown that
``docs/`` commits, so the two forms cannot disagree; lxml assembles the layout, rewrites links
between pages from ``.md`` to ``.html``, and refuses anything that would load from elsewhere.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from lxml import etree, html
from lxml.html import builder as E
from markdown_it import MarkdownIt

from banzhang._atomic import make_folder, write_text
from banzhang.generate.docs._page import Page

__all__ = ["render_page", "write_site"]

#: The site's name in the navigation and the window title (the index page's title).
_SITE = "“八张清单”标准化体系"

_STYLE = """
:root { color-scheme: light; }
body { margin: 0; font: 15px/1.65 "Noto Sans CJK SC", "Source Han Sans SC",
  "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif;
  color: #1f2328; background: #fff; display: flex; }
nav { width: 15rem; flex: none; padding: 1.5rem 1rem; background: #f4f6f8;
  border-right: 1px solid #d8dee4; min-height: 100vh; box-sizing: border-box; }
nav h2 { font-size: 1rem; margin: 0 0 .75rem; }
nav h3 { font-size: .85rem; color: #57606a; margin: 1rem 0 .3rem; }
nav ul { list-style: none; padding: 0; margin: 0 0 1rem; }
nav a { color: #0b4f9c; text-decoration: none; display: block; padding: .1rem 0; }
nav a[aria-current] { font-weight: bold; }
main { padding: 1.5rem 2.5rem 4rem; max-width: 75rem; min-width: 0; }
h1 { font-size: 1.8rem; border-bottom: 2px solid #b22222; padding-bottom: .3rem; }
h2 { font-size: 1.35rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 13.5px; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #eef1f4; } tr:nth-child(even) td { background: #fafbfc; }
code { font-family: "Noto Sans Mono CJK SC", ui-monospace, monospace; font-size: .92em;
  background: #f0f2f4; padding: 0 .2em; border-radius: 3px; }
pre { background: #f6f8fa; padding: .75rem 1rem; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
td:first-child code { white-space: nowrap; }
@media print { nav { display: none; } main { padding: 0; } }
"""


def write_site(pages: list[Page], out: Path) -> list[Path]:
    """Write every page as ``.html`` under ``out`` and return the files written."""
    renderer = MarkdownIt("commonmark", {"html": True}).enable("table")
    written = []
    for page in pages:
        target = out / _html_path(page.path)
        make_folder(target.parent)
        write_text(target, render_page(page, pages, renderer))
        written.append(target)
    return written


def render_page(page: Page, pages: list[Page], renderer: MarkdownIt) -> str:
    """Return one page as a complete HTML document with the site's navigation."""
    body = html.fragment_fromstring(renderer.render(page.text), create_parent="main")
    _rewrite_links(body)
    document = E.HTML(
        E.HEAD(
            E.META(charset="utf-8"),
            E.META(name="viewport", content="width=device-width, initial-scale=1"),
            E.TITLE(f"{page.title} · {_SITE}"),
            E.STYLE(_STYLE),
        ),
        E.BODY(_navigation(page, pages), body),
        lang="zh-CN",
    )
    _refuse_remote_assets(document)
    text: str = html.tostring(document, doctype="<!DOCTYPE html>", encoding="unicode")
    return text


def _navigation(current: Page, pages: list[Page]) -> html.HtmlElement:
    """The pages by group — 标准, 参考, 实现说明 — the index at the top as the site's name."""
    index, *rest = pages
    home = E.A(_SITE, href=_href(current, index))
    groups = []
    for group in dict.fromkeys(page.group for page in rest):
        entries = []
        for page in (p for p in rest if p.group == group):
            anchor = E.A(page.title, href=_href(current, page))
            if page is current:
                anchor.set("aria-current", "page")
            entries.append(E.LI(anchor))
        groups += [E.H3(group), E.UL(*entries)]
    return E.NAV(E.H2(home), *groups)


def _href(current: Page, page: Page) -> str:
    return posixpath.relpath(_html_path(page.path), posixpath.dirname(current.path) or ".")


def _html_path(path: str) -> str:
    return path.removesuffix(".md") + ".html"


def _rewrite_links(body: html.HtmlElement) -> None:
    for anchor in body.iter("a"):
        href = anchor.get("href")
        if href is None or "://" in href:
            continue
        target, hash_, fragment = href.partition("#")
        if target.endswith(".md"):
            anchor.set("href", _html_path(target) + hash_ + fragment)


def _refuse_remote_assets(document: html.HtmlElement) -> None:
    """Fail loudly if a page would load anything: the site must open offline, from a folder."""
    for element in document.iter(etree.Element):
        for attribute in ("src", "srcset", "data"):
            if element.get(attribute) is not None:
                message = f"文档页面不应加载外部资源：<{element.tag} {attribute}=...>"
                raise ValueError(message)
        if element.tag == "link":
            message = "文档页面不应加载外部样式表"
            raise ValueError(message)
