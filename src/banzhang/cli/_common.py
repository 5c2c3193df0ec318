"""What the verbs share: exit codes, output format, and writing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from banzhang.errors import BanzhangError

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class CommandError(BanzhangError):
    """A verb cannot go on; ``exit_code`` says why (usually :data:`EXIT_USAGE`)."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """Give a report verb the ``--format text|json`` option."""
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="输出格式：text（默认，供人阅读）或 json（供程序读取）",
    )


def print_json(data: Any) -> None:
    """Write ``data`` as indented UTF-8 JSON to standard output."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
