"""The item-coding rule (SPEC §7): one module per code, each with python-stdnum's verbs.

``compact``, ``validate``, ``is_valid``, ``format``, ``parse`` and ``explain`` in
:mod:`~banzhang.codes.basic` (基本编码, 12), :mod:`~banzhang.codes.handling` (业务办理项编码, 14),
:mod:`~banzhang.codes.implementation` (实施编码, 33), :mod:`~banzhang.codes.uscc` (统一社会信用代码,
18) and :mod:`~banzhang.codes.region` (行政区划代码, 6). :func:`explain` picks the module by length.

>>> detect("00016421300Y")
'basic'
>>> [part.meaning for part in explain("00016421300Y")]
['国家设定', '行政许可', '第 64213 号主项', '有子项的主项']
"""

from __future__ import annotations

from types import ModuleType

from banzhang import codelists
from banzhang.codes import _scheme, basic, handling, implementation, region, uscc
from banzhang.codes._scheme import Part, Scheme, Segment, compact, load_scheme
from banzhang.errors import InvalidLength

__all__ = [
    "KINDS",
    "Part",
    "Scheme",
    "Segment",
    "basic",
    "compact",
    "detect",
    "explain",
    "handling",
    "implementation",
    "length_of",
    "load_scheme",
    "module_for",
    "pattern",
    "region",
    "uscc",
]

#: Code kind → (Chinese title, module, length), read from each module's ``TITLE`` and ``LENGTH``.
KINDS: dict[str, tuple[str, ModuleType, int]] = {
    module.__name__.rpartition(".")[2]: (module.TITLE, module, module.LENGTH)
    for module in (region, basic, handling, uscc, implementation)
}


def length_of(kind: str) -> int:
    """Return how many characters a compact code of ``kind`` has.

    >>> length_of("implementation")
    33
    """
    return KINDS[kind][2]


def detect(code: str) -> str:
    """Return the kind of ``code`` from its length after :func:`compact`.

    Raises:
        InvalidLength: no code kind has that length.
    """
    number = compact(code)
    for kind, (_title, _module, length) in KINDS.items():
        if len(number) == length:
            return kind
    lengths = "、".join(str(length) for _t, _m, length in KINDS.values())
    message = f"无法识别编码“{number}”：长度{len(number)}不是{lengths}位中的任何一种"
    raise InvalidLength(message, code=number, segment="编码")


def module_for(kind: str) -> ModuleType:
    """Return the module that handles code ``kind`` (``basic``, ``uscc``, …)."""
    return KINDS[kind][1]


def explain(code: str) -> tuple[Part, ...]:
    """Return each segment of ``code`` with its meaning, whatever kind of code it is."""
    kind = detect(code)
    if kind == "region":
        found = region.parse(code)
        return (
            Part("region", "行政区划代码", found.code, f"{found.full_name}（{found.level_title}）"),
        )
    result: tuple[Part, ...] = module_for(kind).explain(code)
    return result


def pattern(kind: str, *, dialect: str = "ecma") -> str | None:
    """Return an anchored regular expression for code ``kind``, or ``None`` for ``region``.

    The pattern says everything about a code that a regular expression can: lengths, alphabets,
    codelists and forbidden values. Check characters, the region table and the links between
    segments are left to :func:`validate`-style checks. The same pattern goes into the JSON
    Schema and the XSD, so banzhang and independent validators agree on it.

    >>> import re
    >>> bool(re.fullmatch(pattern("basic"), "00016421300Y"))
    True
    >>> bool(re.fullmatch(pattern("basic"), "00010000000Y"))
    False
    >>> "?!" in pattern("basic", dialect="xsd")
    False
    """
    basic_regex = _scheme.regex_of(load_scheme("basic-code"), dialect=dialect)
    uscc_regex = "[0-9A-HJ-NP-RTUW-Y]{18}"
    found: str | None = None
    if kind == "basic":
        found = basic_regex
    elif kind == "handling":
        # A 业务办理项 hangs on a 子项 or a 主项 without 子项: the 子项码 is three digits.
        head = _scheme.regex_of(load_scheme("basic-code"), skip=("sub",), dialect=dialect)
        sequence = "(?!00)([0-9]{2})" if dialect == "ecma" else "(0[1-9]|[1-9][0-9])"
        found = f"{head}([0-9]{{3}}){sequence}"
    elif kind == "uscc":
        found = uscc_regex
    elif kind == "implementation":
        nature = load_scheme("implementation-code").segment("agency_nature")
        natures = "|".join(codelists.get(nature.codelist or "agency_nature").codes)
        found = f"{uscc_regex}({natures}){basic_regex}([0-9]{{2}})"
    if found is None or dialect == "xsd":
        return found  # XSD patterns match the whole value: no anchors
    return f"^{found}$"
