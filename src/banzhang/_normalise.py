"""基本一致 [S 000]: the one normaliser every comparison across lists uses (SPEC §9).

What vanishes under it is a 格式差异 (a notice); what remains is a 不一致 (an error). It folds
full-/half-width forms (punctuation, brackets, digits), drops white space and the 《》 around a
title, and writes article numbers in Arabic numerals (第三十五条 = 第35条).

>>> normalise("《行政许可法》第三十五条 第一款") == normalise("行政许可法第35条第1款")
True
>>> normalise(" 食品生产许可（新办） ") == normalise("食品生产许可(新办)")
True
>>> normalise(["受理", "审查 "]) == normalise(["受理", "审查"])
True
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from banzhang._numerals import chinese_number

__all__ = ["normalise"]

_SPACE = re.compile(r"\s+")
_TITLE_MARKS = str.maketrans("", "", "《》〈〉")
_NUMBERED = re.compile(r"第([零〇一二两三四五六七八九十百千]+)(条|款|项|章|节|目)")


def normalise(value: Any) -> Any:
    """``value`` as compared: text folded, lists and objects normalised entry by entry."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, list):
        return [normalise(entry) for entry in value]
    if isinstance(value, dict):
        return {key: normalise(entry) for key, entry in value.items()}
    return value


def _text(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).translate(_TITLE_MARKS)
    folded = _SPACE.sub("", folded)
    return _NUMBERED.sub(lambda m: f"第{chinese_number(m.group(1))}{m.group(2)}", folded)
