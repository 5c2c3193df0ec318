"""Chinese numerals as the seeds and statutes write them: 五, 十五, 六十, 一百二十四.

>>> [chinese_number(text) for text in ("五", "十", "十五", "六十", "一百二十四", "二百零三", "15")]
[5, 10, 15, 60, 124, 203, 15]
>>> [chinese_numeral(number) for number in (1, 10, 12, 21, 99)]
['一', '十', '十二', '二十一', '九十九']
"""

from __future__ import annotations

__all__ = ["chinese_number", "chinese_numeral"]

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int:
    """The value of ``text``, in Arabic or Chinese numerals below ten thousand (0 if neither)."""
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for character in text:
        if character in _DIGITS:
            digit = _DIGITS[character]
        elif character in _UNITS:
            total += (digit or 1) * _UNITS[character]
            digit = 0
        else:
            return 0
    return total + digit


_NUMERALS = "一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """The Chinese numeral of 1–99, as official documents number their parts (一、十二、)."""
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + (_NUMERALS[ones - 1] if ones else "")
