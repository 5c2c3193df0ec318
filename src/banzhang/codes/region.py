"""行政区划代码 (GB/T 2260) for Inner Mongolia, from the packaged table ``regions-150000.tsv``.

The table holds the 自治区, its 12 盟市 and its 旗县（市、区） (plus NBS functional zones), each
with its level and parent. ``100000`` stands for central (national) bodies, whose USCCs carry it.

>>> lookup("150200").name
'包头市'
>>> lookup("150203").full_name
'内蒙古自治区包头市昆都仑区'
>>> validate("150000")
'150000'
>>> is_valid("159999")
False
"""

from __future__ import annotations

import re
from functools import cache

import attrs

from banzhang._tsv import read_table
from banzhang.codes._scheme import compact
from banzhang.errors import InvalidCode, InvalidComponent, InvalidFormat, InvalidLength

__all__ = [
    "LENGTH",
    "NATIONAL",
    "TITLE",
    "Region",
    "all_regions",
    "compact",
    "format",
    "is_valid",
    "level_of",
    "lookup",
    "parse",
    "provenance",
    "validate",
]

#: The code's Chinese title.
TITLE = "行政区划代码"
#: How many characters a compact code has.
LENGTH = 6

#: The code central bodies' USCCs carry in characters 3–8.
NATIONAL = "100000"
_LEVEL_TITLES = {
    "national": "国家级",
    "region": "自治区级",
    "league_city": "盟市级",
    "banner_county": "旗县级",
}


@attrs.frozen
class Region:
    """One administrative division.

    Attributes:
        code: the six-digit GB/T 2260 code.
        name: its Chinese name.
        level: ``national``, ``region``, ``league_city`` or ``banner_county``.
        parent: the code of the division above, or ``""``.
        kind: city, banner, county, district, zone, …
    """

    code: str
    name: str
    level: str
    parent: str
    kind: str

    @property
    def level_title(self) -> str:
        """The level in Chinese (盟市级, 旗县级, …)."""
        return _LEVEL_TITLES[self.level]

    @property
    def full_name(self) -> str:
        """The name with every ancestor's name before it."""
        return "".join(region.name for region in reversed(self.lineage()))

    def lineage(self) -> list[Region]:
        """This division, then the one above it, up to the top (自治区)."""
        chain = [self]
        while chain[-1].parent and (parent := lookup(chain[-1].parent)) is not None:
            chain.append(parent)
        return chain

    def lies_in(self, code: str) -> bool:
        """Whether this division is the division ``code`` or lies inside it."""
        return any(region.code == code for region in self.lineage())


@cache
def _table() -> tuple[dict[str, str], dict[str, Region]]:
    header, rows = read_table("banzhang._data", "regions-150000.tsv")
    regions = {row["code"]: Region(**row) for row in rows}
    regions[NATIONAL] = Region(NATIONAL, "中央", "national", "", "national")
    return header, regions


def provenance() -> str:
    """Return the comment lines that say where the region table comes from."""
    from importlib import resources  # noqa: PLC0415 - only the docs need the raw header

    text = resources.files("banzhang._data").joinpath("regions-150000.tsv").read_text("utf-8")
    return "\n".join(line[1:].strip() for line in text.splitlines() if line.startswith("#"))


def all_regions() -> tuple[Region, ...]:
    """Return every division in the table, in table order (``100000`` last)."""
    return tuple(_table()[1].values())


def lookup(code: str) -> Region | None:
    """Return the division with ``code``, or ``None`` when the table does not know it."""
    return _table()[1].get(code)


def validate(code: str) -> str:
    """Return the compact ``code`` if it is a known division.

    Raises:
        InvalidLength: not six characters.
        InvalidFormat: not all digits.
        InvalidComponent: well formed but not in the table.
    """
    code = compact(code)
    if len(code) != 6:
        message = f"行政区划代码应为6位，实际为{len(code)}位：“{code}”"
        raise InvalidLength(message, code=code, segment="行政区划代码")
    if not re.fullmatch(r"[0-9]{6}", code):
        message = f"行政区划代码只能由数字组成：“{code}”"
        raise InvalidFormat(message, code=code, segment="行政区划代码")
    if lookup(code) is None:
        message = f"行政区划代码 {code} 不在内蒙古行政区划表（GB/T 2260）中"
        raise InvalidComponent(message, code=code, segment="行政区划代码", position=1)
    return code


def is_valid(code: str) -> bool:
    """Return whether ``code`` is a known division."""
    try:
        validate(code)
    except InvalidCode:
        return False
    return True


def parse(code: str) -> Region:
    """Validate ``code`` and return its division."""
    found = lookup(validate(code))
    assert found is not None
    return found


def format(code: str) -> str:  # noqa: A001 - python-stdnum's verb
    """Return the canonical form (six digits)."""
    return validate(code)


def level_of(code: str) -> str:
    """The 层级 code of a region: 150000 自治区级, 15xx00 盟市级, other 15xxxx 旗县级 (SPEC §7).

    >>> level_of("150000"), level_of("150200"), level_of("150203")
    ('2', '3', '4')
    """
    if code.endswith("0000"):
        return "2"
    return "3" if code.endswith("00") else "4"
