"""Segment tables: the data that says how a code splits into named parts.

A scheme is loaded from ``banzhang/_data/schemes/NAME.tsv``; a profile may load its own table
(for instance the 10-character letter-type variant) and pass it wherever a ``scheme`` is taken.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import attrs

from banzhang import codelists
from banzhang._tsv import read_table
from banzhang.errors import InvalidComponent, InvalidFormat, InvalidLength

__all__ = ["Part", "Scheme", "Segment", "compact", "in_words", "load_scheme", "regex_of", "split"]

_SEPARATORS = re.compile(r"[\s\-_./]+")


@attrs.frozen
class Segment:
    """One named part of a code.

    Attributes:
        name: the segment id (``power_type``).
        title: its Chinese title (事项类型).
        length: how many characters it takes.
        pattern: a regular expression the segment must match whole.
        codelist: the codelist its value must belong to, if any.
        spelling: ``code`` when the value is the codelist's code, ``alias`` when an alias.
        forbid: a value the pattern admits but the rule does not (``00000``), or ``""``.
    """

    name: str
    title: str
    length: int
    pattern: str
    codelist: str | None = None
    spelling: str = "code"
    forbid: str = ""

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern."""
        return _compiled(self.pattern)


@attrs.frozen
class Scheme:
    """An ordered segment table for one kind of code.

    Attributes:
        name: the scheme id (``basic-code``).
        title: the code's Chinese title.
        source: where the table comes from.
        segments: the segments in order.
    """

    name: str
    title: str
    source: str
    segments: tuple[Segment, ...]

    @property
    def length(self) -> int:
        """The total number of characters of a code of this scheme."""
        return sum(segment.length for segment in self.segments)

    def segment(self, name: str) -> Segment:
        """Return the segment called ``name``."""
        for segment in self.segments:
            if segment.name == name:
                return segment
        raise KeyError(name)

    def span(self, name: str) -> slice:
        """Return where segment ``name`` stands in a code of this scheme.

        >>> "000164213003"[load_scheme("basic-code").span("power_type")]
        '01'
        """
        start = 0
        for segment in self.segments:
            if segment.name == name:
                return slice(start, start + segment.length)
            start += segment.length
        raise KeyError(name)


@attrs.frozen
class Part:
    """A segment's value with its meaning, as ``explain`` reports it.

    Attributes:
        name: the segment id.
        title: the segment's Chinese title.
        value: the characters of the code in that segment.
        meaning: what the value means, in Chinese.
    """

    name: str
    title: str
    value: str
    meaning: str


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@cache
def load_scheme(name: str) -> Scheme:
    """Return the packaged segment table called ``name``.

    >>> load_scheme("basic-code").length
    12
    """
    header, rows = read_table("banzhang._data.schemes", f"{name}.tsv")
    segments = tuple(
        Segment(
            name=row["name"],
            title=row["title"],
            length=int(row["length"]),
            pattern=row["pattern"],
            codelist=row["codelist"] or None,
            spelling=row["spelling"] or "code",
            forbid=row.get("forbid", ""),
        )
        for row in rows
    )
    return Scheme(name=name, title=header["title"], source=header["source"], segments=segments)


def compact(code: object) -> str:
    """Return ``code`` without spaces or separators, half-width and upper case.

    >>> compact(" ０００１ 6421-300y ")
    '00016421300Y'
    """
    if not isinstance(code, str):
        message = f"编码应为字符串，实际为 {type(code).__name__}"
        raise InvalidFormat(message, code=repr(code), segment="编码")
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", code)).upper()


def split(scheme: Scheme, code: str) -> dict[str, str]:
    """Split a compact ``code`` into its segments, checking each against the table.

    Raises:
        InvalidLength: the code is not ``scheme.length`` characters long.
        InvalidFormat: a segment does not match its pattern.
        InvalidComponent: a segment's value is not in its codelist.
    """
    if len(code) != scheme.length:
        message = f"{scheme.title}应为{scheme.length}位，实际为{len(code)}位：“{code}”"
        raise InvalidLength(message, code=code, segment=scheme.title)
    values: dict[str, str] = {}
    start = 0
    for segment in scheme.segments:
        value = code[start : start + segment.length]
        _check_segment(scheme, segment, code, value, start + 1)
        values[segment.name] = value
        start += segment.length
    return values


def _check_segment(scheme: Scheme, segment: Segment, code: str, value: str, position: int) -> None:
    if not segment.regex.fullmatch(value):
        message = (
            f"{scheme.title} {code} 第{position}位起的{segment.title}“{value}”格式不正确"
            f"（应为{in_words(segment.pattern, segment.length)}）"
        )
        raise InvalidFormat(message, code=code, segment=segment.title, position=position)
    if segment.forbid and value == segment.forbid:
        message = f"{scheme.title} {code} 第{position}位起的{segment.title}不能为“{value}”"
        raise InvalidComponent(message, code=code, segment=segment.title, position=position)
    if segment.codelist is None:
        return
    codelist = codelists.get(segment.codelist)
    known = value in codelist if segment.spelling == "code" else codelist.resolve(value)
    if not known:
        message = (
            f"{scheme.title} {code} 第{position}位起的{segment.title}“{value}”"
            f"不在代码表“{codelist.title}”中"
        )
        raise InvalidComponent(message, code=code, segment=segment.title, position=position)


#: What a segment's character class holds, in words (the segment tables use these classes).
_CLASS_WORDS = {
    "[0-9]": "数字",
    "[A-Z]": "大写字母",
    "[0-9A-Z]": "数字或大写字母",
    "[0-9A-HJ-NP-RTUW-Y]": "数字或大写字母（不用 I、O、S、V、Z）",
}
_REPEATED = re.compile(r"^(\[[^\]]+\])(?:\{(\d+)\})?$")


def in_words(pattern: str, length: int) -> str:
    """Say what a segment's ``pattern`` admits, for a message a department can act on.

    >>> in_words("00Y|[0-9]{3}", 3)
    '“00Y”或3位数字'
    >>> in_words("[0-9A-HJ-NP-RTUW-Y]{18}", 18)
    '18位数字或大写字母（不用 I、O、S、V、Z）'
    """
    said = []
    for branch in pattern.split("|"):
        found = _REPEATED.match(branch)
        if found is None:
            said.append(f"“{branch}”" if branch.isalnum() else f"{length}位字符")
            continue
        count = found.group(2) or "1"
        said.append(f"{count}位{_CLASS_WORDS.get(found.group(1), '字符')}")
    return "或".join(said)


def regex_of(scheme: Scheme, *, skip: tuple[str, ...] = (), dialect: str = "ecma") -> str:
    """Return one regular expression (no anchors) for a whole code of ``scheme``.

    Codelist segments become alternations of their codes. A forbidden value becomes a negative
    lookahead in the ``ecma`` dialect (Python and ECMAScript, for JSON Schema), and an alternation
    that leaves it out in the ``xsd`` dialect, which has no lookahead.

    Args:
        scheme: the segment table.
        skip: segments to leave out (their names), for codes that embed a shorter one.
        dialect: ``ecma`` or ``xsd``.
    """
    parts = []
    for segment in scheme.segments:
        if segment.name in skip:
            continue
        body = segment.pattern
        if segment.codelist is not None:
            codelist = codelists.get(segment.codelist)
            spellings = [
                spelling
                for entry in codelist
                for spelling in ((entry.code,) if segment.spelling == "code" else entry.aliases)
            ]
            body = "|".join(re.escape(spelling) for spelling in spellings)
        if segment.forbid and dialect == "xsd":
            parts.append(f"({digits_except_zeros(segment.length, segment.forbid)})")
            continue
        guard = f"(?!{re.escape(segment.forbid)})" if segment.forbid else ""
        parts.append(f"{guard}({body})")
    return "".join(parts)


def digits_except_zeros(length: int, forbid: str) -> str:
    """Return an alternation for ``length`` digits other than all zeros, without lookahead.

    >>> digits_except_zeros(2, "00")
    '[1-9][0-9]{1}|0[1-9]'
    """
    if forbid != "0" * length:
        message = f"only an all-zero forbidden value can be written without lookahead: {forbid!r}"
        raise ValueError(message)
    options = []
    for zeros in range(length):
        rest = length - zeros - 1
        options.append("0" * zeros + "[1-9]" + (f"[0-9]{{{rest}}}" if rest else ""))
    return "|".join(options)
