"""业务办理项编码 (handling-item code, 14 characters) — SPEC §7.

The 基本编码 of a 子项, or of a 主项 without 子项, followed by a two-digit 业务办理项序号 01–99.

>>> parse("00016421300301").basic_code
'000164213003'
>>> build("000164213003", 1)
'00016421300301'
>>> is_valid("00016421300Y01")
False
"""

from __future__ import annotations

import attrs

from banzhang.codes import basic
from banzhang.codes._scheme import Part, compact, load_scheme, split
from banzhang.errors import InvalidCode, InvalidComponent

__all__ = [
    "LENGTH",
    "TITLE",
    "HandlingCode",
    "build",
    "compact",
    "explain",
    "format",
    "is_valid",
    "parse",
    "validate",
]

#: The code's Chinese title.
TITLE = "业务办理项编码"
#: How many characters a compact code has.
LENGTH = 14


@attrs.frozen
class HandlingCode:
    """A parsed 业务办理项编码.

    Attributes:
        code: the whole compact code.
        basic_code: the 基本编码 it extends.
        handling_seq: the two-digit 业务办理项序号.
    """

    code: str
    basic_code: str
    handling_seq: str

    def __str__(self) -> str:
        return self.code


def parse(code: str) -> HandlingCode:
    """Validate ``code`` and return its segments.

    Raises:
        InvalidLength, InvalidFormat, InvalidComponent: see :func:`validate`.
    """
    code = compact(code)
    values = split(load_scheme("handling-code"), code)
    parent = basic.parse(values["basic_code"])
    if parent.has_sub_items:
        message = f"业务办理项编码 {code} 挂在有子项的主项 {parent.code} 上；应挂在其子项上"
        raise InvalidComponent(message, code=code, segment="基本编码", position=10)
    return HandlingCode(code=code, basic_code=parent.code, handling_seq=values["handling_seq"])


def validate(code: str) -> str:
    """Return the compact ``code`` if it is a valid 业务办理项编码.

    Raises:
        InvalidLength: not 14 characters.
        InvalidFormat: a segment has characters it may not have.
        InvalidComponent: a bad 基本编码 segment, a 主项 that has 子项, or 序号 ``00``.
    """
    return parse(code).code


def is_valid(code: str) -> bool:
    """Return whether ``code`` is a valid 业务办理项编码."""
    try:
        validate(code)
    except InvalidCode:
        return False
    return True


def format(code: str) -> str:  # noqa: A001 - python-stdnum's verb
    """Return the canonical printed form (the compact code)."""
    return validate(code)


def build(basic_code: str, number: int) -> str:
    """Return the code of 业务办理项 ``number`` (1–99) of ``basic_code``."""
    if not 0 < number <= 99:
        message = f"业务办理项序号 {number} 超出 1–99"
        raise InvalidComponent(message, code=basic_code, segment="业务办理项序号")
    return validate(basic.compact(basic_code) + f"{number:02d}")


def explain(code: str) -> tuple[Part, ...]:
    """Return each segment of ``code`` with its meaning in Chinese."""
    parsed = parse(code)
    return (
        *basic.explain(parsed.basic_code),
        Part(
            "handling_seq",
            "业务办理项序号",
            parsed.handling_seq,
            f"第 {int(parsed.handling_seq)} 个业务办理项",
        ),
    )
