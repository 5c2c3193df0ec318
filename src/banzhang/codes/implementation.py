"""实施编码 (implementation code, 33 characters) — SPEC §7.

实施主体 USCC (18, GB 32100) + 实施主体性质 (1, ``agency_nature``) + 基本编码 (12) +
业务办理项序号 (2, ``00`` when none). The region of an implementation is the USCC's characters 3–8,
which must be a division in the Inner Mongolia table or ``100000`` for central bodies.

>>> code = build("11150200011520476N", "1", "000164213003", 1)
>>> code
'11150200011520476N100016421300301'
>>> parse(code).region.name
'包头市'
>>> len(code)
33
"""

from __future__ import annotations

import attrs

from banzhang import codelists
from banzhang.codes import basic, region, uscc
from banzhang.codes._scheme import Part, compact, load_scheme, split
from banzhang.errors import InvalidCode, InvalidComponent

__all__ = [
    "LENGTH",
    "TITLE",
    "ImplementationCode",
    "build",
    "compact",
    "explain",
    "format",
    "is_valid",
    "parse",
    "validate",
]

#: The code's Chinese title.
TITLE = "实施编码"
#: How many characters a compact code has.
LENGTH = 33


@attrs.frozen
class ImplementationCode:
    """A parsed 实施编码.

    Attributes:
        code: the whole compact code.
        agency_uscc: the 实施主体's 统一社会信用代码.
        agency_nature: the 实施主体性质 code.
        basic_code: the 基本编码.
        handling_seq: the 业务办理项序号 (``00`` when none).
        region: the division of the agency (USCC characters 3–8).
    """

    code: str
    agency_uscc: str
    agency_nature: str
    basic_code: str
    handling_seq: str
    region: region.Region

    @property
    def handling_code(self) -> str | None:
        """The 业务办理项编码, or ``None`` when the implementation has no 业务办理项."""
        return None if self.handling_seq == "00" else self.basic_code + self.handling_seq

    def __str__(self) -> str:
        return self.code


def parse(code: str) -> ImplementationCode:
    """Validate ``code`` and return its segments.

    Raises:
        InvalidLength: not 33 characters.
        InvalidFormat, InvalidChecksum: a bad USCC or 基本编码 segment.
        InvalidComponent: an unknown 实施主体性质 or region, or a bad 业务办理项.
    """
    code = compact(code)
    values = split(load_scheme("implementation-code"), code)
    agency = uscc.parse(values["agency_uscc"])
    found = region.lookup(agency.region)
    if found is None:
        message = (
            f"实施编码 {code} 第3位起的登记管理机关行政区划码 {agency.region} "
            "不在内蒙古行政区划表中（中央机关应为 100000）"
        )
        raise InvalidComponent(message, code=code, segment="登记管理机关行政区划码", position=3)
    parent = basic.parse(values["basic_code"])
    if values["handling_seq"] != "00":
        from banzhang.codes import handling  # noqa: PLC0415 - handling imports basic only

        handling.validate(parent.code + values["handling_seq"])
    return ImplementationCode(
        code=code,
        agency_uscc=str(agency),
        agency_nature=values["agency_nature"],
        basic_code=parent.code,
        handling_seq=values["handling_seq"],
        region=found,
    )


def validate(code: str) -> str:
    """Return the compact ``code`` if it is a valid 实施编码 (see :func:`parse`)."""
    return parse(code).code


def is_valid(code: str) -> bool:
    """Return whether ``code`` is a valid 实施编码."""
    try:
        validate(code)
    except InvalidCode:
        return False
    return True


def format(code: str, separator: str = "") -> str:  # noqa: A001 - python-stdnum's verb
    """Return the code, its four segments joined by ``separator`` (none by default)."""
    parsed = parse(code)
    parts = (parsed.agency_uscc, parsed.agency_nature, parsed.basic_code, parsed.handling_seq)
    return separator.join(parts)


def build(agency_uscc: str, agency_nature: str, basic_code: str, handling_seq: int = 0) -> str:
    """Make an 实施编码.

    Args:
        agency_uscc: the 实施主体's 统一社会信用代码.
        agency_nature: 实施主体性质 code (``1`` 法定机关 …) or its title.
        basic_code: the item's 基本编码.
        handling_seq: the 业务办理项序号 1–99, or 0 when there is none.
    """
    nature = codelists.get("agency_nature").resolve(agency_nature) or agency_nature
    if not 0 <= handling_seq <= 99:
        message = f"业务办理项序号 {handling_seq} 超出 0–99"
        raise InvalidComponent(message, code=basic_code, segment="业务办理项序号")
    number = uscc.validate(agency_uscc) + nature + basic.validate(basic_code)
    return validate(number + f"{handling_seq:02d}")


def explain(code: str) -> tuple[Part, ...]:
    """Return each segment of ``code`` with its meaning in Chinese."""
    parsed = parse(code)
    nature = codelists.get("agency_nature").title_of(parsed.agency_nature)
    seq = parsed.handling_seq
    return (
        Part(
            "agency_uscc", "实施主体统一社会信用代码", parsed.agency_uscc, parsed.region.full_name
        ),
        Part("agency_nature", "实施主体性质", parsed.agency_nature, nature),
        *basic.explain(parsed.basic_code),
        Part(
            "handling_seq",
            "业务办理项序号",
            seq,
            "无业务办理项" if seq == "00" else f"第 {int(seq)} 个业务办理项",
        ),
    )
