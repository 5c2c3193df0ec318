"""What the verbs share: exit codes, output format, output files, and writing JSON."""

from __future__ import annotations

import argparse
import decimal
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from banzhang._atomic import refuse_same_file
from banzhang.errors import BanzhangError, UnreadableInput
from banzhang.formats._inputs import expand

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
    """Write ``data`` as indented UTF-8 JSON to standard output (exact decimals as numbers)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_jsonable)
    sys.stdout.write("\n")


def output_file(*suffixes: str) -> Callable[[str], Path]:
    """An argparse ``type`` for an output file: its extension must be one of ``suffixes``.

    A wrong extension is a usage error (exit 2), not a file of one format under another's name.
    """

    def checked(text: str) -> Path:
        path = Path(text)
        if path.suffix.lower() not in suffixes:
            wanted = "、".join(suffixes)
            message = f"输出文件 {text} 的扩展名应为 {wanted}"
            raise argparse.ArgumentTypeError(message)
        return path

    return checked


def declare_files(
    parser: argparse.ArgumentParser, *, inputs: Iterable[str], outputs: Iterable[str]
) -> None:
    """Say which arguments name input files or folders and which name outputs.

    :func:`refuse_overwriting_inputs` then refuses an output that is one of the inputs.
    """
    parser.set_defaults(input_arguments=tuple(inputs), output_arguments=tuple(outputs))


def refuse_overwriting_inputs(args: argparse.Namespace) -> None:
    """Refuse (exit 2) to write an output over an input file, also through a link or folder.

    Raises:
        UnwritableOutput: an output is one of the inputs.
    """
    outputs = [getattr(args, name, None) for name in getattr(args, "output_arguments", ())]
    sources: list[Any] = []
    for name in getattr(args, "input_arguments", ()):
        named = getattr(args, name)  # a declared name the verb lacks is a bug: let it show
        sources.extend(named if isinstance(named, list) else [named] if named else [])
    if not sources or not any(outputs):
        return
    try:
        files = tuple(expand(sources))
    except UnreadableInput:
        return  # the verb itself reports the missing input
    for target in outputs:
        if target is not None:
            refuse_same_file(target, files)


def _jsonable(value: Any) -> Any:
    """A value JSON has no type for: a decimal read from a file (kept exact) is written as text."""
    if isinstance(value, decimal.Decimal):
        return str(value)
    message = f"无法写成 JSON 的值：{type(value).__name__}"
    raise TypeError(message)
