"""What the rendered guide and review detail share: the printable page and its building blocks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lxml import html
from lxml.html import builder as E

from banzhang import codelists
from banzhang._numerals import chinese_numeral
from banzhang._version import SPEC_VERSION, __version__
from banzhang.models.common import Agency, Contact, LegalBasis, TimeLimit

__all__ = [
    "MISSING",
    "agency_text",
    "basis_list",
    "contact_block",
    "facts",
    "numbered",
    "page",
    "section",
    "text_or_missing",
    "text_or_none",
    "time_text",
    "titled",
]

#: What an absent element the norms require shows: the reader sees the gap.
MISSING = "（未填写）"
#: What a section whose optional element is absent says: nothing is missing, there is none.
NONE = "无"

_STYLE = """
@page { size: A4; margin: 18mm 16mm 20mm;
  @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页";
    font-size: 10px; color: #57606a; } }
:root { color-scheme: light; }
body { margin: 0; background: #e9ecef; color: #1f2328;
  font: 15px/1.7 "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Noto Sans CJK SC",
  "Microsoft YaHei", "WenQuanYi Micro Hei", serif; }
.sheet { width: 210mm; box-sizing: border-box; margin: 12px auto; padding: 18mm 16mm 20mm;
  background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.18); }
header { text-align: center; border-bottom: 2px solid #b22222; margin-bottom: 1.2em; }
header h1 { font-size: 24px; margin: 0 0 .2em; letter-spacing: .05em; }
header p { margin: 0 0 .6em; color: #57606a; }
section { margin: 0 0 1.1em; }
h2 { font-size: 17px; margin: 1.2em 0 .4em; padding-left: .4em; border-left: 4px solid #b22222;
  break-after: avoid-page; }
h3 { font-size: 15px; margin: .8em 0 .3em; break-after: avoid-page; }
p { margin: .3em 0; }
ol, ul { margin: .3em 0; padding-left: 2em; }
table { width: 100%; border-collapse: collapse; margin: .4em 0; font-size: 13.5px; }
th, td { border: 1px solid #8c959f; padding: .3em .45em; vertical-align: top; text-align: left; }
th { background: #eef1f4; white-space: nowrap; }
table.facts th { width: 8em; }
thead { display: table-header-group; }
tr, figure, .notice { break-inside: avoid-page; }
figure { margin: .6em 0; text-align: center; }
figcaption { font-size: 13px; color: #57606a; }
svg.flowchart { max-width: 100%; height: auto; }
.missing { color: #8c959f; }
.notice { border: 1.5px solid #b22222; padding: .5em .8em; margin: .8em 0; background: #fff7f7; }
footer { margin-top: 2em; border-top: 1px solid #d0d7de; font-size: 12px; color: #57606a; }
/* No page of one stray row: lines of a paragraph, a table's rows and the closing note keep
   company with what precedes them. */
p, li { orphans: 3; widows: 3; }
footer { break-inside: avoid-page; break-before: avoid-page; }
@media print {
  body { background: #fff; }
  .sheet { width: auto; margin: 0; padding: 0; box-shadow: none; }
  footer { margin-top: 1em; }
  /* The 简版 is handed out as one sheet of paper. */
  .brief { font-size: 12.5px; line-height: 1.45; }
  .brief header { margin-bottom: .6em; }
  .brief header h1 { font-size: 19px; }
  .brief h2 { font-size: 14px; margin: .6em 0 .2em; }
  .brief section { margin: 0 0 .5em; }
  .brief table { font-size: 12px; margin: .2em 0; }
  .brief .notice { margin: .4em 0; padding: .3em .6em; }
}
"""


def page(
    title: str,
    subtitle: str,
    *content: html.HtmlElement,
    brief: bool = False,
    credit: bool = False,
) -> str:
    """Return a complete printable HTML document (``brief``: set to print on one page;
    ``credit``: a footer naming banzhang, off by default — a department publishes the guide)."""
    footer = (
        [E.FOOTER(E.P(f"由 banzhang {__version__} 依据规范版本 {SPEC_VERSION} 从事项数据生成。"))]
        if credit
        else []
    )
    document = E.HTML(
        E.HEAD(
            E.META(charset="utf-8"),
            E.META(name="viewport", content="width=device-width, initial-scale=1"),
            E.META(name="generator", content=f"banzhang {__version__}"),
            E.TITLE(title),
            E.STYLE(_STYLE),
        ),
        E.BODY(
            E.DIV(
                E.CLASS("sheet brief" if brief else "sheet"),
                E.HEADER(E.H1(title), E.P(subtitle)),
                *content,
                *footer,
            )
        ),
        lang="zh-CN",
    )
    text: str = html.tostring(document, doctype="<!DOCTYPE html>", encoding="unicode")
    return text


def section(
    title: str, *children: html.HtmlElement | str, number: int | None = None
) -> html.HtmlElement:
    """Return a titled section; ``number`` prefixes the title as official documents number
    their parts ("一、适用范围")."""
    # Official documents number their parts 一、二、…, never "1."
    heading = f"{chinese_numeral(number)}、{title}" if number is not None else title
    return E.SECTION(E.H2(heading), *children, **{"data-section": title})


def facts(rows: Iterable[tuple[str, html.HtmlElement | str | None]]) -> html.HtmlElement:
    """Return a two-column table of titled values, leaving out absent ones (an absent value
    the norms require comes as :func:`text_or_missing`'s placeholder, and stays)."""
    return E.TABLE(
        E.CLASS("facts"),
        E.TBODY(
            *(
                E.TR(E.TH(label), E.TD(value))
                for label, value in rows
                if value is not None and value != ""
            )
        ),
    )


def text_or_none(value: html.HtmlElement | str | None) -> html.HtmlElement | str:
    """Return ``value``, or "无" for an optional element left out (no placeholder to print)."""
    return NONE if value is None or value == "" else value


def text_or_missing(value: html.HtmlElement | str | None) -> html.HtmlElement | str:
    """Return ``value``, or a marked placeholder when it is absent or empty."""
    if value is None or value == "":
        return E.SPAN(E.CLASS("missing"), MISSING)
    return value


def numbered(entries: Sequence[str]) -> html.HtmlElement:
    """Return an ordered list, or the placeholder when there are no entries."""
    if not entries:
        return E.P(text_or_missing(None))
    return E.OL(*(E.LI(entry) for entry in entries))


def titled(codelist: str, code: str | None) -> str | None:
    """Return the Chinese title of ``code`` in ``codelist`` (the code itself for open lists)."""
    return None if code is None else codelists.get(codelist).label(code)


def time_text(limit: TimeLimit | None) -> str | None:
    """Return a time limit as a reader says it: ``20 个工作日``, ``即办``."""
    if limit is None:
        return None
    if limit.unit == "即办":
        text = "即办"
    elif limit.unit == "工作日":
        text = f"{limit.amount} 个工作日"
    else:
        text = f"{limit.amount} {limit.unit or ''}".strip()
    details = [part for part in (limit.note, limit.basis and f"依据：{limit.basis}") if part]
    return f"{text}（{'；'.join(details)}）" if details else text


def agency_text(agency: Agency | None) -> str | None:
    """Return an agency's name, with its working unit when given."""
    if agency is None:
        return None
    return f"{agency.name}（{agency.unit}）" if agency.unit else agency.name


def basis_list(bases: Sequence[LegalBasis]) -> html.HtmlElement:
    """Return legal bases as a numbered list: title, article, number, then the quoted text."""
    entries = []
    for basis in bases:
        head = basis.title + (basis.article or "")
        if basis.doc_number:
            head += f"（{basis.doc_number}）"
        entries.append(f"{head}：{basis.excerpt}" if basis.excerpt else head)
    return numbered(entries)


def contact_block(contact: Contact | None, *, required: bool = False) -> html.HtmlElement:
    """Return a contact as a small facts table; absent, the placeholder when ``required``."""
    if contact is None:
        return E.P(text_or_missing(None) if required else NONE)
    rows = [
        ("电话", "、".join(contact.phones) or None),
        ("地址", contact.address),
        ("时间", contact.hours),
        ("网址", contact.url),
    ]
    given = [(label, value) for label, value in rows if value is not None]
    return facts(given) if given else E.P(text_or_missing(None))
