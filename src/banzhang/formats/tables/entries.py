"""Arrays of objects that departments write as text (设定依据, 责任事项, 子项), in a cell or a line.

Departments cite their bases as they are published: a tag of the 效力层级 first
(``【法律】``), the title in 《》, the edition in brackets, the article with a colon before its
paragraph, several laws in one cell one after another, or a fee catalogue's document numbers
alone (``计价格〔1999〕466号,价费字〔1992〕198号``). Each citation becomes one 依据.

>>> basis = legal_basis("《中华人民共和国食品安全法》第三十五条第一款 国家实行许可制度。")
>>> basis["title"], basis["article"], basis["excerpt"]
('《中华人民共和国食品安全法》', '第三十五条第一款', '国家实行许可制度。')
>>> from banzhang.models.common import LegalBasis
>>> cell = "【法律】《公路法》第五十条。《公路安全保护条例》"
>>> [basis["title"] for basis in parse_entries(LegalBasis, [cell])]
['《公路法》', '《公路安全保护条例》']
>>> legal_basis("计价格〔1999〕466号")["doc_number"]
'计价格〔1999〕466号'
>>> responsibility("受理阶段责任：公示应当提交的材料。")
{'stage': '受理', 'content': '公示应当提交的材料。'}
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from banzhang import codelists
from banzhang.declare import fields_of

__all__ = [
    "entry_parser",
    "legal_basis",
    "parse_entries",
    "responsibility",
    "split_citations",
    "split_entries",
    "split_numbered",
    "sub_item",
]

_TITLE = re.compile(r"《[^《》]+》")
_NUMBER = "[一二三四五六七八九十百千零〇两0-9]+"
#: "第五十条", "第五十条:第一款", "第三十条、第三十一条", "附件第464项".
_ARTICLE = re.compile(
    rf"^\s*((?:附件)?第{_NUMBER}[条项](?:[:：\s]*第{_NUMBER}[款项目]|[、，,和及]?第{_NUMBER}条)*)"
)
_ARTICLE_GLUE = re.compile(r"[:：\s]+(?=第)")
#: A document number: 国务院令第412号, 计价格〔1999〕466号, ***令第593号, 财综[2003]45号,
#: 浙价服【2008】267号文件, [1992]价费字198号 (the year first), 国家发展改革委令2016年第44号.
_DOC_NUMBER = re.compile(
    r"[^\s,，、;；()（）《》]*?"
    r"(?:令(?:[0-9]{4}年)?第?\s*[0-9]+\s*号"
    r"|[〔\[［【(（][0-9]{4}[〕\]］】)）]\s*第?[0-9]+\s*号"
    r"|[〔\[［【][0-9]{4}[〕\]］】][^\s,，、;；《》]*?[0-9]+\s*号)(?:文件)?"
)
#: What a citation may open with: its level tag, its title, or its document number alone.
_LEVEL_TAG = re.compile(r"^\s*【([^】]{1,12})】\s*")
#: Where a second citation starts inside one text.
_NEXT_CITATION = re.compile(
    r"(?<=[。；;\n])\s*(?=【|《)"  # after the end of a sentence
    r"|(?<=[》)）])\s*(?=《)"  # right after a title, or the brackets after one
    r"|(?<=\S)\s+(?=《)"  # after a space
    r"|(?<=\S)\s*(?=【[^】]{1,12}】《)"  # before a level tag
)
_LIST_SEPARATOR = re.compile(r"[,，、;；\s]+")
#: "（1997年7月3日公布，…第二次修正）" right after a title.
_BRACKETED = re.compile(r"^\s*[（(]([^（）()]*)[）)]")
_STAGE = re.compile(r"^\s*([^：:，,。]{1,8}?)(?:阶段|环节)?(?:责任)?[：:]\s*")


def split_citations(text: str) -> list[str]:
    """The citations in one text: a list of titles or document numbers separated by commas,
    or citations that follow one another ("…第五十条…。《公路安全保护条例》")."""
    joined = re.sub(r"(?<=[0-9])\s+(?=号)", "", text.strip())  # "2559 号": one number
    parts = [part.strip().rstrip("。") for part in _LIST_SEPARATOR.split(joined)]
    if len(parts) > 1 and all(_is_citation_head(part) for part in parts if part):
        return [part for part in parts if part]
    cuts = [0, *(found.end() for found in _NEXT_CITATION.finditer(text)), len(text)]
    pieces = [text[start:stop].strip() for start, stop in itertools.pairwise(cuts)]
    return [piece for piece in pieces if piece]


def _is_citation_head(part: str) -> bool:
    """A whole title (with its article) or a document number alone."""
    title = _TITLE.match(part)
    if title is not None:
        rest = part[title.end() :]
        return not rest.strip() or bool(_ARTICLE.match(rest) or _BRACKETED.match(rest))
    found = _DOC_NUMBER.fullmatch(part)
    return found is not None


def legal_basis(text: str) -> dict[str, Any]:
    """Split "【level】《title》（edition）第…条… excerpt" into a LegalBasis; the full stop that
    ends a citation is no excerpt.

    >>> legal_basis("《中华人民共和国行政许可法》第三十条、第三十二条。")
    {'title': '《中华人民共和国行政许可法》', 'article': '第三十条、第三十二条'}
    """
    basis: dict[str, Any] = {}
    tag = _LEVEL_TAG.match(text)
    if tag is not None and (level := codelists.get("basis_level").resolve(tag.group(1))):
        basis["level"] = level
        text = text[tag.end() :]
    found = _TITLE.search(text)
    if found is None:
        number = _DOC_NUMBER.search(text)
        if number is not None and number.group(0).strip():
            return {"title": text.strip(), "doc_number": number.group(0).strip(), **basis}
        return {"title": text.strip(), **basis}
    basis["title"] = found.group(0)
    rest = _bracketed(text[found.end() :], basis)
    article = _ARTICLE.match(rest)
    if article:
        basis["article"] = _ARTICLE_GLUE.sub("", article.group(1)).strip()
        rest = rest[article.end() :]
    excerpt = rest.strip(" ：:，,\u3000\n")
    if excerpt.strip("。；;.、"):  # a full stop alone ends the citation: no excerpt
        basis["excerpt"] = excerpt
    return basis


def _bracketed(rest: str, basis: dict[str, Any]) -> str:
    """Take the brackets after a title: a document number, or the edition (公布、修正)."""
    found = _BRACKETED.match(rest)
    if found is None:
        return rest
    inside = found.group(1).strip()
    number = _DOC_NUMBER.match(inside)
    if number is not None:  # "国务院令第129号公布，国务院令第638号修改": the first is its number
        basis["doc_number"] = number.group(0)
    if inside and (number is None or number.group(0) != inside):
        basis["edition"] = inside
    return rest[found.end() :]


def responsibility(text: str) -> dict[str, Any]:
    """Split "受理责任：…", "受理阶段责任：…" or "事后监管环节责任：…" into stage and content."""
    found = _STAGE.match(text)
    stage = codelists.get("responsibility_stage").resolve(found.group(1)) if found else None
    if found and stage:  # "事中事后责任": the stage's other name, read as its code (事后监管)
        return {"stage": stage, "content": text[found.end() :].strip()}
    return {"content": text.strip()}


#: A 基本编码 at the start of a 子项 entry ("000117047001 新办"); the rest is its name.
_CODE_FIRST = re.compile(r"^\s*([0-9]{9}[0-9A-Z]{3})\s*[：:、，,\s]*(.*)$", re.DOTALL)


def sub_item(text: str) -> dict[str, Any]:
    """A 子项 written in a cell: its name, unless the text is (or starts with) its code.

    >>> sub_item("新办"), sub_item("000117047001")
    ({'name': '新办'}, {'basic_code': '000117047001'})
    >>> sub_item("000117047002 变更")
    {'basic_code': '000117047002', 'name': '变更'}
    """
    found = _CODE_FIRST.match(text)
    if found is None:
        return {"name": text.strip()}
    entry: dict[str, Any] = {"basic_code": found.group(1)}
    if found.group(2).strip():
        entry["name"] = found.group(2).strip()
    return entry


def entry_parser(model: type[Any]) -> Callable[[str], dict[str, Any]]:
    """Return how one numbered entry of a ``model`` array is read."""
    name = model.__name__
    if name == "LegalBasis":
        return legal_basis
    if name == "Responsibility":
        return responsibility
    if name == "SubItem":
        return sub_item
    first_text = next(spec.name for spec in fields_of(model) if spec.shape == "str")

    def generic(text: str) -> dict[str, Any]:
        return {first_text: text.strip()}

    return generic


def parse_entries(model: type[Any], texts: Iterable[str]) -> list[dict[str, Any]]:
    """Each entry of ``texts`` read as a ``model``; a text holding several citations gives
    one 依据 each."""
    parse = entry_parser(model)
    citations = model.__name__ == "LegalBasis"
    found = []
    for text in texts:
        pieces = split_citations(text) if citations else [text]
        found += [parse(piece) for piece in pieces if piece.strip()]
    return found


# ---- numbered entries in one cell --------------------------------------------------------------

#: A department's entry marker: "1." "2、" "（3）" at the start, after a line break, a "；" or "。",
#: or after a space ("1.新办 2.变更" in one line); never "2.0" (a number goes on after it).
#: Once the first entry is numbered, "3、" counts as the next marker even right after text
#: ("…贴有照片3、提交…", as web pages run lines together).
_MARKER = re.compile(
    r"(?:(?:^|(?<=[\n；;。 \t\u3000]))[ \t\u3000]*[（(]?(\d+)[ \t]*[.、．)）:：]"
    r"|(?<=[^\d\s.．,，、])(\d+)、)(?!\d)[ \t\u3000]*"
)
#: The markers :func:`numbered` writes: "1. " at the start of a line.
_EXACT_MARKER = re.compile(r"(?:^|(?<=\n))(\d+)\. ")


#: "1. " … "99. ": the markers of the lines :func:`numbered` writes.
_LINE_MARKERS = tuple(f"{number}. " for number in range(1, 100))


def _numbered_lines(text: str) -> list[str] | None:
    """The entries of text whose every line starts with the next marker ("1. a\n2. b"), as
    :func:`numbered` writes one-line entries; ``None`` for any other text (the markers
    decide it)."""
    lines = text.split("\n")
    if len(lines) > len(_LINE_MARKERS) or not all(map(str.startswith, lines, _LINE_MARKERS)):
        return None
    # "1. " to "9. " are three characters long, "10. " to "99. " four.
    return [line[3:] for line in lines[:9]] + [line[4:] for line in lines[9:]]


def split_numbered(text: str, *, exact: bool) -> list[str]:
    """Split a numbered multi-line cell ("1.…\\n2.…") into its entries.

    Markers must count up from 1, so a number inside an entry does not split it. An exact read
    takes only what :func:`numbered` writes; a lenient one also takes "1、", "（1）", "1.…；2.…",
    and, without numbers, one entry a line.
    """
    if len(text) > _LONGEST_REMEMBERED:
        return _split(text, exact)
    # A list repeats its numbered cells from item to item (行使层级, 基本流程, 追责情形): each
    # text is split once; every caller gets a list of its own.
    return list(_split_remembered(text, exact))


#: Texts up to this long are remembered split (a bound on the memory the cache takes).
_LONGEST_REMEMBERED = 2000


@functools.lru_cache(maxsize=4096)
def _split_remembered(text: str, exact: bool) -> tuple[str, ...]:
    return tuple(_split(text, exact))


def _split(text: str, exact: bool) -> list[str]:
    if exact and text.startswith("[") and text.endswith("]"):
        try:
            loaded = json.loads(text)
        except ValueError:
            loaded = None
        if isinstance(loaded, list) and all(isinstance(entry, str) for entry in loaded):
            return loaded
    if exact and (lines := _numbered_lines(text)) is not None:
        return lines
    marker = _EXACT_MARKER if exact else _MARKER
    cuts: list[tuple[int, int]] = []
    expected = 1
    for match in marker.finditer(text):
        if int(match.group(1) or match.group(2)) == expected and (match.start() == 0 or cuts):
            cuts.append((match.start(), match.end()))
            expected += 1
    if not cuts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        # banzhang numbers every entry it writes: lines with no number at all, even in its
        # own template, are a clerk's entries one a line ("受理⏎审查⏎决定").
        if exact and len(lines) < 2:
            return [text]
        return lines
    entries = []
    for position, (_start, end) in enumerate(cuts):
        stop = cuts[position + 1][0] if position + 1 < len(cuts) else len(text)
        entry = text[end:stop]
        if position + 1 < len(cuts):
            entry = entry.removesuffix("\n")
        # A "；" between numbered entries separates them; a "。" ends a sentence and stays.
        entries.append(entry if exact else entry.strip().rstrip("；;").strip())
    return entries


#: A numbered entry's marker at the start of a line: "1. ", "2、", "（3）", "①" (never "2.0").
_ENTRY_MARKER = re.compile(r"^\s*(?:[（(]?\d+[)）]?\s*[.、．]?\s*(?=\D)|[①-⑳]\s*)")
_NUMBERED = re.compile(r"^\s*(?:[（(]?\d+[)）]?\s*[.、．)）]|[①-⑳])")


def split_entries(text: str) -> list[str]:
    """Entries written in one cell or paragraph: one a line, numbered or not ("1. …", "①…")."""
    entries = []
    for line in text.splitlines():
        if not line.strip():
            continue
        numbered = _NUMBERED.match(line)
        entry = _ENTRY_MARKER.sub("", line, count=1).strip() if numbered else line.strip()
        if entry:
            entries.append(entry)
    return entries
