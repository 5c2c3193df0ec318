"""统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.

Eighteen characters from ``0123456789ABCDEFGHJKLMNPQRTUWXY``: 登记管理部门代码 (1), 机构类别代码
(1), 登记管理机关行政区划码 (6), 主体标识码 (9) and a check character computed over the first 17
with weights 3^(i-1) mod 31. The first character may be a letter (``A``, ``N``, ``Y``, …), which
some libraries wrongly reject.

>>> validate("91350100M000100Y43")
'91350100M000100Y43'
>>> calc_check_digit("91350100M000100Y4")
'3'
>>> parse("11150000MB1956397U").region
'150000'
>>> is_valid("91350100M000100Y44")
False
"""

from __future__ import annotations

import attrs

from banzhang.codes._scheme import Part, compact, load_scheme, split
from banzhang.errors import InvalidChecksum, InvalidCode

__all__ = [
    "ALPHABET",
    "LENGTH",
    "TITLE",
    "Uscc",
    "calc_check_digit",
    "compact",
    "explain",
    "format",
    "is_valid",
    "parse",
    "validate",
]

#: The code's Chinese title.
TITLE = "统一社会信用代码"
#: How many characters a compact code has.
LENGTH = 18

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

# GB 32100-2015 表1: 登记管理部门代码 and, within 机构编制/民政/工商, 机构类别代码.
_AUTHORITIES = {
    "1": "机构编制",
    "2": "外交",
    "3": "司法行政",
    "4": "文化",
    "5": "民政",
    "6": "旅游",
    "7": "宗教",
    "8": "工会",
    "9": "工商",
    "A": "中央军委改革和编制办公室",
    "N": "农业",
    "Y": "其他",
}
_CATEGORIES = {
    "11": "机关",
    "12": "事业单位",
    "13": "中央编办直接管理机构编制的群众团体",
    "19": "其他",
    "51": "社会团体",
    "52": "民办非企业单位",
    "53": "基金会",
    "59": "其他",
    "91": "企业",
    "92": "个体工商户",
    "93": "农民专业合作社",
}


@attrs.frozen
class Uscc:
    """A parsed 统一社会信用代码.

    Attributes:
        authority: 登记管理部门代码 (1 character).
        category: 机构类别代码 (1 character).
        region: 登记管理机关行政区划码 (characters 3–8).
        org_code: 主体标识码 (9 characters).
        check: the check character.
    """

    authority: str
    category: str
    region: str
    org_code: str
    check: str

    def __str__(self) -> str:
        return self.authority + self.category + self.region + self.org_code + self.check


def calc_check_digit(number: str) -> str:
    """Return the check character for the first 17 characters of ``number``."""
    total = sum(
        ALPHABET.index(char) * weight for char, weight in zip(number, _WEIGHTS, strict=False)
    )
    return ALPHABET[(31 - total % 31) % 31]


def validate(number: str) -> str:
    """Return the compact form of ``number`` if it is a valid 统一社会信用代码.

    Raises:
        InvalidLength: not 18 characters.
        InvalidFormat: a character outside the GB 32100 alphabet.
        InvalidChecksum: the check character is wrong.
    """
    number = compact(number)
    split(load_scheme("uscc"), number)
    expected = calc_check_digit(number)
    if number[-1] != expected:
        message = f"统一社会信用代码 {number} 的校验码应为“{expected}”，实际为“{number[-1]}”"
        raise InvalidChecksum(message, code=number, segment="校验码", position=18)
    return number


def is_valid(number: str) -> bool:
    """Return whether ``number`` is a valid 统一社会信用代码."""
    try:
        validate(number)
    except InvalidCode:
        return False
    return True


def parse(number: str) -> Uscc:
    """Validate ``number`` and return its named segments."""
    values = split(load_scheme("uscc"), validate(number))
    return Uscc(**values)


def format(number: str) -> str:  # noqa: A001 - python-stdnum's verb, shared by every code module
    """Return the canonical printed form (the compact form: GB 32100 prints no separators)."""
    return validate(number)


def explain(number: str) -> tuple[Part, ...]:
    """Return each segment of ``number`` with its meaning in Chinese."""
    uscc = parse(number)
    category = _CATEGORIES.get(uscc.authority + uscc.category, "未列明类别")
    return (
        Part(
            "authority",
            "登记管理部门代码",
            uscc.authority,
            _AUTHORITIES.get(uscc.authority, "未列明"),
        ),
        Part("category", "机构类别代码", uscc.category, category),
        Part("region", "登记管理机关行政区划码", uscc.region, _region_meaning(uscc.region)),
        Part("org_code", "主体标识码（组织机构代码）", uscc.org_code, "组织机构代码"),
        Part("check", "校验码", uscc.check, "校验正确"),
    )


def _region_meaning(code: str) -> str:
    from banzhang.codes import region  # noqa: PLC0415 - region imports this module's alphabet

    found = region.lookup(code)
    return found.full_name if found else "（不在内蒙古行政区划表中）"
