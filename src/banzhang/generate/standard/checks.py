"""Self-checks of a draft against GB/T 1.1-2020, on its lines — built, or read back from Word.

Each check returns its problems as Chinese sentences (an empty list when the draft is sound):

- :func:`references_cited` — every 规范性引用文件 is cited in the body, and every document the
  body cites is listed (GB/T 1.1-2020 8.6, 9.5.4);
- :func:`foreword_free_of_requirements` — the 前言 states no requirement (8.3);
- :func:`annexes_referenced` — the body points at every annex (8.9);
- :func:`numbering_continuous` — chapters, clauses, annexes, tables and 列项 run on without gap;
- :func:`element_order` — 封面, 目次, 前言, 范围, 规范性引用文件, 术语和定义, …, 附录, 参考文献.

>>> from banzhang.generate.standard._model import Line
>>> foreword_free_of_requirements([Line("foreword", "本文件应由某单位提出。")])
['前言含有要求：“本文件应由某单位提出。”']
>>> numbering_continuous([Line("chapter", "1 范围", 1), Line("chapter", "3 术语和定义", 1)])
['编号不连续：“1 范围”之后是“3 术语和定义”']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from banzhang.generate.standard._model import Line

__all__ = [
    "CHECKS",
    "annexes_referenced",
    "check",
    "element_order",
    "foreword_free_of_requirements",
    "numbering_continuous",
    "references_cited",
]

#: A cited document: a standard's designation, or a law's title in book-title marks.
_CITED = re.compile(r"(?:GB/T|GB|DB15/T)\s?[0-9×]+(?:\.[0-9]+)?|《中华人民共和国[^》]+》")
#: A requirement's 能愿动词 (GB/T 1.1-2020 表C.1–C.3), not the 应 of 相应, 对应, 供应 …
_REQUIREMENT = re.compile(r"(?<![相对供反响适效感答])(?:不?应(?!用)|不?宜|必须|不得)")
_BODY_ROLES = frozenset(
    {"chapter", "clause", "paragraph", "list", "sublist", "term", "definition"}
    | {"note", "example", "table-title", "table"}
)


def _body(lines: list[Line]) -> list[Line]:
    """Return the normative text: the chapters and normative annexes (an example's text may
    name any law without citing it)."""
    found = []
    informative = False
    for line in lines:
        if line.role == "annex":
            informative = "（资料性）" in line.text
        elif line.role in _BODY_ROLES and not informative:
            found.append(line)
    return found


def _texts(line: Line) -> Iterator[str]:
    yield line.text
    if line.table is not None:
        yield from (cell for row in (line.table.headers, *line.table.rows) for cell in row)


def _citations(lines: list[Line]) -> dict[str, str]:
    """Return each document cited, by its designation without spaces, as first written."""
    found: dict[str, str] = {}
    for line in lines:
        for text in _texts(line):
            for match in _CITED.finditer(text):
                found.setdefault(match.group().replace(" ", ""), match.group())
    return found


def references_cited(lines: list[Line]) -> list[str]:
    """Every normative reference is cited in the body; every cited document is listed."""
    listed = {}
    for line in lines:
        if line.role == "reference":
            match = _CITED.search(line.text) or re.search(r"《[^》]+》", line.text)
            if match:
                listed[match.group().replace(" ", "")] = line.text
    cited = _citations(_body(lines))
    problems = [
        f"规范性引用文件“{text}”在正文中没有引用"
        for key, text in listed.items()
        if key not in cited
    ]
    problems += [
        f"正文引用了“{cited[key]}”，但它不在规范性引用文件中"
        for key in sorted(set(cited) - set(listed))
    ]
    return problems


def foreword_free_of_requirements(lines: list[Line]) -> list[str]:
    """The 前言 holds no requirement: none of 应, 不应, 宜, 不宜, 必须, 不得."""
    return [
        f"前言含有要求：“{line.text}”"
        for line in lines
        if line.role == "foreword" and _REQUIREMENT.search(line.text)
    ]


def annexes_referenced(lines: list[Line]) -> list[str]:
    """The body (outside the annexes) points at every annex by its letter."""
    body_text = ""
    problems = []
    for line in lines:
        if line.role == "annex":
            break
        body_text += "".join(_texts(line)) if line.role in _BODY_ROLES else ""
    for line in lines:
        if line.role == "annex":
            letter = line.text.split("\n")[0]
            if letter not in body_text:
                problems.append(f"正文没有提及{letter}")
    return problems


_PATTERNS = {
    "list": re.compile(r"^([a-z])\)"),
    "sublist": re.compile(r"^([0-9]+)\)"),
    "annex": re.compile(r"^附录([A-Z])"),
    "table-title": re.compile(r"^表(?:([A-Z])\.)?([0-9]+)"),
}
_CLAUSE = re.compile(r"^((?:[0-9]+|[A-Z])(?:\.[0-9]+)*)\s")
_HEADINGS = ("chapter", "clause", "term-number", "annex")


def numbering_continuous(lines: list[Line]) -> list[str]:
    """Chapters, clauses, annexes, tables and 列项 each follow on from the one before."""
    previous: dict[str, tuple[str, str]] = {}
    problems = []
    for line in lines:
        _restart(previous, line)
        found = _numbered(line)
        if found is None:
            continue
        series, number = found
        shown = line.text.splitlines()[0]
        before = previous.get(series)
        if number != (_successor(before[0]) if before else _first(number)):
            where = f"“{before[1]}”之后是" if before else "第一个编号是"
            problems.append(f"编号不连续：{where}“{shown}”")
        previous[series] = (number, shown)
    return problems


def _restart(previous: dict[str, tuple[str, str]], line: Line) -> None:
    """A 列项 starts afresh after other text; a clause's sub-clauses start afresh under it."""
    gone = [] if line.role in ("list", "sublist") else ["list", "sublist"]
    gone += ["sublist"] if line.role == "list" else []
    if line.role in _HEADINGS:
        found = _CLAUSE.match(line.text + " ") or re.match(r"^附录([A-Z])", line.text)
        number = found.group(1) if found else ""
        gone += [
            s for s in previous if s == f"clause:{number}" or s.startswith(f"clause:{number}.")
        ]
    for series in gone:
        previous.pop(series, None)


def _numbered(line: Line) -> tuple[str, str] | None:
    """Return (the series a number belongs to, the number's last part), or ``None``."""
    if line.role in _PATTERNS:
        found = _PATTERNS[line.role].match(line.text)
        if found is None:
            return None
        if line.role == "table-title":
            return f"table{found[1] or ''}", found[2]
        return line.role, found[1]
    if line.role in ("chapter", "clause", "term-number"):
        found = _CLAUSE.match(line.text + " ")
        if found is None:
            return None
        head, _dot, tail = found[1].rpartition(".")
        return f"clause:{head}", tail
    return None


def _first(number: str) -> str:
    return "a" if number.isalpha() and number.islower() else ("A" if number.isalpha() else "1")


_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def _successor(number: str) -> str:
    if number.isdigit():
        return str(int(number) + 1)
    if number.islower():
        return chr(ord(number) + 1)
    return _LETTERS[_LETTERS.index(number) + 1] if number in _LETTERS else ""


_ORDER = (
    ("cover-designation", "封面"),
    ("toc-title", "目次"),
    ("foreword-title", "前言"),
    ("title", "正文标准名称"),
)
_CHAPTERS = ("范围", "规范性引用文件", "术语和定义")


def element_order(lines: list[Line]) -> list[str]:
    """The elements stand in GB/T 1.1's order, the first three chapters fixed."""
    roles = [line.role for line in lines]
    positions = [roles.index(role) if role in roles else -1 for role, _name in _ORDER]
    problems = [
        f"缺少{name}" for (_role, name), at in zip(_ORDER, positions, strict=True) if at < 0
    ]
    if not problems and positions != sorted(positions):
        problems.append("封面、目次、前言和正文的顺序不对")
    chapters = [line.text.partition(" ")[2] for line in lines if line.role == "chapter"]
    if tuple(chapters[:3]) != _CHAPTERS:
        problems.append(f"前三章应为{'、'.join(_CHAPTERS)}，实为{'、'.join(chapters[:3])}")
    tail = [r for r in roles if r in ("chapter", "annex", "bibliography-title")]
    if tail != sorted(tail, key=("chapter", "annex", "bibliography-title").index):
        problems.append("附录应在各章之后、参考文献之前")
    return problems


CHECKS: tuple[Callable[[list[Line]], list[str]], ...] = (
    element_order,
    references_cited,
    foreword_free_of_requirements,
    annexes_referenced,
    numbering_continuous,
)


def check(lines: list[Line]) -> list[str]:
    """Return every problem all the self-checks find in ``lines``."""
    return [problem for run in CHECKS for problem in run(lines)]
