"""The command line's argument parser, speaking Chinese: usage, help and argument errors.

argparse writes its own words in English ("usage:", "the following arguments are required").
Its translations go through the process-wide gettext of the ``argparse`` module, which a
library must not change; so this parser translates what it prints itself, phrase by phrase,
and every verb's parser is one (subparsers take their parent's class).

>>> translate_error("the following arguments are required: FILE")
'缺少必需的参数：FILE'
>>> translate_error("argument VERB: invalid choice: 'nosuch' (choose from 'code', 'demo')")
"参数 VERB：无效的选择：'nosuch'（可选：'code', 'demo'）"
>>> translate_error("unrecognized arguments: --colour")
'无法识别的参数：--colour'
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

__all__ = ["ChineseParser", "translate_error", "translate_help"]

#: What argparse writes in its help and usage, and what the Chinese reader sees instead.
_HELP_PHRASES = (
    ("usage: ", "用法："),
    ("positional arguments:", "位置参数："),
    ("optional arguments:", "选项："),
    ("options:", "选项："),
    ("show this help message and exit", "显示本帮助并退出"),
    ("show program's version number and exit", "显示版本号并退出"),
)

#: argparse's error messages (Python 3.11–3.13), as patterns, and their Chinese.
_ERRORS = (
    (r"the following arguments are required: (.+)", r"缺少必需的参数：\1"),
    (
        r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)",
        r"参数 \1：无效的选择：\2（可选：\3）",
    ),
    (r"argument (\S+): invalid (\S+) value: (.+)", r"参数 \1：\2 值无效：\3"),
    (r"argument (\S+): expected one argument", r"参数 \1：需要一个值"),
    (r"argument (\S+): expected at least one argument", r"参数 \1：至少需要一个值"),
    (r"argument (\S+): expected (\d+) arguments?", r"参数 \1：需要 \2 个值"),
    (r"argument (\S+): not allowed with argument (\S+)", r"参数 \1：不能与参数 \2 同时使用"),
    (r"argument (\S+): ignored explicit argument (.+)", r"参数 \1：不接受值 \2"),
    (r"unrecognized arguments: (.+)", r"无法识别的参数：\1"),
    (r"ambiguous option: (\S+) could match (.+)", r"选项 \1 有歧义，可能是：\2"),
    (r"one of the arguments (.+) is required", r"参数 \1 必须给出其中一个"),
    (r"expected one argument", r"需要一个值"),
)


def translate_error(message: str) -> str:
    """An argparse error message in Chinese (as it is, if argparse wrote one we do not know)."""
    for pattern, chinese in _ERRORS:
        translated, count = re.subn(f"^{pattern}$", chinese, message)
        if count:
            return translated
    return message


def translate_help(text: str) -> str:
    """argparse's usage or help text with its own words in Chinese."""
    for english, chinese in _HELP_PHRASES:
        text = text.replace(english, chinese)
    return text


class ChineseParser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` whose usage, help and errors are Chinese."""

    def format_usage(self) -> str:
        """The usage line, in Chinese."""
        return translate_help(super().format_usage())

    def format_help(self) -> str:
        """The help text, in Chinese."""
        return translate_help(super().format_help())

    def error(self, message: str) -> NoReturn:
        """Print the usage and the error in Chinese, and exit 2 (argparse's usage-error code)."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{translate_error(message)}\n")
