"""Say in Chinese words what the declarations say in notation: formats and sources.

A standard and its site state a format as a reader would ("2 位数字"), not as a regular
expression, and a source as a citation, not as a tag and an English note.

>>> pattern_words("00Y|[0-9]{3}")
'“00Y”或 3 位数字'
>>> pattern_words("[0-9A-HJ-NP-RTUW-Y]{18}")
'18 位数字或大写字母（不含 I、O、S、V、Z）'
>>> pattern_words("^[0-9]+\\\\.[0-9]+$")
'1 位及以上数字、“.”、1 位及以上数字'
>>> source_words("S 002; V 《中华人民共和国行政许可法》第三十八条")
'《攀枝花市西区深化行政许可标准化建设工作方案》；《中华人民共和国行政许可法》第三十八条'
>>> source_words("B SPEC §7")
'自定：参考规范第 7 节（事项编码规则）'
"""

from __future__ import annotations

import re
import string

from banzhang.declare import clause_words, source_words

__all__ = ["char_class_words", "clause_words", "pattern_words", "source_words"]

_DIGITS = set(string.digits)
_UPPER = set(string.ascii_uppercase)
_LOWER = set(string.ascii_lowercase)
_TOKEN = re.compile(r"\[(?P<cls>[^\]]+)\]|(?P<esc>\\.)|(?P<any>\.)|(?P<lit>[^\[\\.{+*?])")
_REPEAT = re.compile(r"\{(\d+)\}|(\+)|(\*)")


def pattern_words(pattern: str) -> str:
    """Return a simple regular expression (classes, counts, literals, ``|``) in words."""
    bare = pattern.removeprefix("^").removesuffix("$")
    joined = "或".join(_sequence_words(part) for part in bare.split("|"))
    return re.sub(r"或(\d)", r"或 \1", joined)  # a space between a word and a number


def _sequence_words(pattern: str) -> str:
    words: list[str] = []
    literal = ""
    position = 0
    while position < len(pattern):
        token = _TOKEN.match(pattern, position)
        if token is None:  # a construct these words do not cover: show it as it is
            return f"格式“{pattern}”"
        position = token.end()
        repeat = _REPEAT.match(pattern, position)
        position = repeat.end() if repeat else position
        single = token["lit"] or (token["esc"] or "")[1:]
        if single and repeat is None:
            literal += single
            continue
        if literal:
            words.append(f"“{literal}”")
            literal = ""
        words.append(_counted(_token_words(token), repeat))
    if literal:
        words.append(f"“{literal}”")
    return "、".join(words)


def _token_words(token: re.Match[str]) -> str:
    if token["cls"]:
        return char_class_words(token["cls"])
    if token["any"]:
        return "任意字符"
    return f"“{(token['esc'] or '')[-1:] or token['lit']}”"


def _counted(what: str, repeat: re.Match[str] | None) -> str:
    if repeat is None:
        return f"1 位{what}"
    if repeat[1]:
        return f"{repeat[1]} 位{what}"
    return f"1 位及以上{what}" if repeat[2] else f"任意位{what}"


def char_class_words(spec: str) -> str:
    """Return the characters a class like ``0-9A-HJ-NP-Z`` admits, in words."""
    chars = _expand(spec)
    parts = []
    if chars >= _DIGITS:
        parts.append("数字")
    for letters, name in ((_UPPER, "大写字母"), (_LOWER, "小写字母")):
        present = chars & letters
        if len(present) >= len(letters) // 2:
            missing = sorted(letters - present)
            parts.append(name + (f"（不含 {'、'.join(missing)}）" if missing else ""))
            chars -= letters
    rest = sorted(chars - _DIGITS if chars >= _DIGITS else chars)
    parts += [f"“{char}”" for char in rest]
    return "或".join(parts)


def _expand(spec: str) -> set[str]:
    chars: set[str] = set()
    for first, last, single in re.findall(r"(.)-(.)|(.)", spec):
        if single:
            chars.add(single)
        else:
            chars.update(chr(c) for c in range(ord(first), ord(last) + 1))
    return chars
