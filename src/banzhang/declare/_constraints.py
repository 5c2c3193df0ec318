"""What a declared element allows, derived once: JSON Schema, XSD, the validator and Excel
dropdowns all read :func:`constraints_of`, so they agree by construction, not by luck.

>>> from banzhang.kinds import power_list
>>> from banzhang.declare import fields_of
>>> spec = {s.name: s for s in fields_of(power_list.PowerItem)}["power_type"]
>>> constraints_of(spec).enum[:2]
('01', '02')
"""

from __future__ import annotations

import re

import attrs

from banzhang import codelists, codes
from banzhang.declare._walk import FieldSpec

__all__ = [
    "DATE_PATTERN",
    "NOT_BLANK",
    "NOT_BLANK_XSD",
    "Constraints",
    "Pattern",
    "constraints_of",
    "region_codes",
]

#: Matches text with at least one character that is not white space: a required text element.
#: White space is spelled out rather than ``\S``, whose meaning differs: ECMAScript (JSON Schema)
#: counts U+FEFF, Python counts U+001C–U+001F and U+0085, XSD counts only tab, LF, CR and space.
#: Blank is what any of them calls white space, so all three agree (U+3000 included), and the
#: invisible characters no name consists of alone (U+180E, U+200B–U+200D, U+2060).
_WIDE_BLANKS = r"\x85\xa0\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
NOT_BLANK = r"[^\t\n\x0b\x0c\r\x1c-\x20" + _WIDE_BLANKS + "]"
#: The XSD form: XSD regular expressions have no ``\x``/``\u`` escapes, so the characters stand
#: as themselves (the C0 controls cannot occur in XML at all).
NOT_BLANK_XSD = r"[\s\S]*[^\s" + _WIDE_BLANKS.encode().decode("unicode_escape") + r"][\s\S]*"
#: A date as JSON carries it (the validator also checks that the day exists). Year 0000 is out, as
#: it is for XSD's xs:date and Python's dates, though JSON Schema's "date" format takes it.
DATE_PATTERN = r"^([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-[0-9]{2}-[0-9]{2}$"


@attrs.frozen
class Pattern:
    """A regular expression a text value must match, in both dialects the products need.

    Attributes:
        ecma: the JSON Schema (ECMA-262) form, anchored where it must match whole.
        xsd: the XSD form, which always matches the whole value.
        code: the code kind it checks (``basic``…), or ``None`` for a declared pattern.
    """

    ecma: str
    xsd: str
    code: str | None = None


@attrs.frozen
class Constraints:
    """Everything a value of one element must satisfy, besides its shape.

    Attributes:
        shape: ``str``, ``int``, ``bool``, ``date`` or ``object`` (of one value, also in arrays).
        patterns: every pattern a text value must match (all of them).
        enum: the only values allowed (a closed codelist, or the region table), or ``None``.
        suggestions: an open codelist's codes (allowed, not required).
        max_length: the most characters of a text value.
        minimum: the smallest number allowed.
        min_items: the fewest entries of an array (0 when unbounded).
    """

    shape: str
    patterns: tuple[Pattern, ...] = ()
    enum: tuple[str, ...] | None = None
    suggestions: tuple[str, ...] = ()
    max_length: int | None = None
    minimum: int | None = None
    min_items: int = 0


def region_codes() -> tuple[str, ...]:
    """The codes a ``region`` element may hold."""
    return tuple(entry.code for entry in codes.region.all_regions())


def xsd_pattern(json_pattern: str) -> str:
    r"""Return the XSD form of a JSON Schema pattern banzhang declares.

    XSD patterns match the whole value and know no anchors, so a pattern that is not anchored
    at an end gets ``[\s\S]*`` there.

    >>> xsd_pattern(r"^[0-9]+\.[0-9]+$")
    '[0-9]+\\.[0-9]+'
    >>> xsd_pattern(r"\S")
    '[\\s\\S]*\\S[\\s\\S]*'
    >>> xsd_pattern(r"^a\u3000$") == "a\u3000"
    True
    >>> "\u3000" in NOT_BLANK_XSD
    True
    """
    any_text = r"[\s\S]*"
    start = "" if json_pattern.startswith("^") else any_text
    end = "" if json_pattern.endswith("$") and not json_pattern.endswith(r"\$") else any_text
    body = json_pattern.removeprefix("^").removesuffix("$")
    # XSD has no \u escape: the character stands as itself.
    body = re.sub(r"\\u([0-9a-fA-F]{4})", lambda found: chr(int(found[1], 16)), body)
    return start + body + end


def constraints_of(spec: FieldSpec, *, in_array: bool | None = None) -> Constraints:
    """Return what a value of ``spec`` must satisfy (of one entry, for an array).

    Args:
        spec: the declared element.
        in_array: whether the value is an array's entry; by default, whether ``spec`` is an array.
    """
    element = spec.element
    entry = spec.shape == "array" if in_array is None else in_array
    shape = (spec.item_shape if spec.shape == "array" else spec.shape) or "str"
    min_items = element.min_items or 0
    if shape == "int":
        return Constraints(shape, minimum=element.minimum, min_items=min_items)
    if shape == "date":
        return Constraints(shape, (_date_pattern(),), min_items=min_items)
    if shape != "str":
        return Constraints(shape, min_items=min_items)
    enum: tuple[str, ...] | None = region_codes() if element.code == "region" else None
    suggestions: tuple[str, ...] = ()
    if element.codelist:
        codelist = codelists.get(element.codelist)
        if codelist.open:
            suggestions = tuple(codelist.codes)
        else:
            enum = tuple(codelist.codes)
    return Constraints(
        shape,
        _text_patterns(spec, in_array=entry),
        enum=enum,
        suggestions=suggestions,
        max_length=element.max_length,
        min_items=min_items,
    )


def _date_pattern() -> Pattern:
    return Pattern(DATE_PATTERN, xsd_pattern(DATE_PATTERN))


def _text_patterns(spec: FieldSpec, *, in_array: bool) -> tuple[Pattern, ...]:
    element = spec.element
    patterns: list[Pattern] = []
    if element.pattern:
        patterns.append(Pattern(element.pattern, xsd_pattern(element.pattern)))
    if element.code and element.code != "region":
        ecma = codes.pattern(element.code) or ""
        patterns.append(
            Pattern(ecma, codes.pattern(element.code, dialect="xsd") or "", element.code)
        )
    # Text that must be given, and every entry of a text array, may not be blank.
    if not patterns and not element.codelist and (in_array or element.required):
        patterns.append(Pattern(NOT_BLANK, NOT_BLANK_XSD))
    return tuple(patterns)
