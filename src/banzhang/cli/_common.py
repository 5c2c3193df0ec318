"""What the verbs share: exit codes, output format, output files, and writing JSON."""

from __future__ import annotations

import argparse
import decimal
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from banzhang import codelists
from banzhang._atomic import refuse_same_file
from banzhang._reasons import reason
from banzhang.codes import region as regions
from banzhang.codes.region import level_of as infer_level
from banzhang.crosslist import adjust
from banzhang.errors import BanzhangError, UnreadableInput
from banzhang.formats import expand

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
#: Interrupted (Ctrl-C): 128 + SIGINT, as shells report it (docs/decisions.md).
EXIT_INTERRUPTED = 130


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


#: Envelope elements a caller may supply for a department's workbook or .csv: option → element.
ENVELOPE_OPTIONS = {
    "region": "行政区划代码或名称（如 150200 或 包头市）",
    "level": "层级代码或名称（如 3 或 盟市级）；给出 --region 时由区划推出",
    "department": "部门名称",
    "version": "版本（如 2024年版）",
    "effective_date": "生效日期（YYYY-MM-DD）",
}


def add_envelope_options(parser: argparse.ArgumentParser) -> None:
    """Give a verb the envelope options (``--region``, ``--level``, ``--department``, …)."""
    group = parser.add_argument_group(
        "清单信息（部门工作簿 .xlsx、.xls、.ods 或 .csv 没有写明、或写错时指定）"
    )
    for element, text in ENVELOPE_OPTIONS.items():
        group.add_argument("--" + element.replace("_", "-"), dest=element, metavar="值", help=text)


def envelope_given(args: argparse.Namespace) -> dict[str, Any] | None:
    """The envelope elements the caller supplied, as document values (codes resolved).

    Raises:
        CommandError: a region or level that names nothing known (exit 2).
    """
    given: dict[str, Any] = {}
    if args.region:
        given["region"] = _region_code(args.region)
        given["level"] = infer_level(given["region"])
    if args.level:
        level = codelists.get("level").resolve(args.level)
        if level is None:
            raise CommandError(f"未知的层级“{args.level}”；可用：1–7 或 盟市级 等名称")
        given["level"] = level
    if args.department:
        given["department"] = {"name": args.department}
    for element in ("version", "effective_date"):
        if getattr(args, element):
            given[element] = getattr(args, element)
    return given or None


def _region_code(text: str) -> str:
    if text.isdigit():
        return text
    for entry in regions.all_regions():
        if text in (entry.name, entry.full_name):
            return entry.code
    raise CommandError(f"区划表中没有“{text}”；请给出 6 位行政区划代码")


def add_retired_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--retired CODES.txt``: the register of retired codes the data desk keeps."""
    parser.add_argument(
        "--retired",
        type=Path,
        metavar="已取消编码.txt",
        help=(
            "已取消编码登记表（每行一个编码，其后可写说明；# 开头为注释）：再次使用其中的编码是错误"
        ),
    )


def read_retired(path: Path | None) -> dict[str, str]:
    """The register of retired codes at ``path`` (empty when none is named).

    Raises:
        UnreadableInput: the file cannot be read as UTF-8 text (exit 2).
    """
    if path is None:
        return {}
    try:
        return adjust.read_retired(path.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError) as err:
        message = f"无法读取已取消编码登记表 {path}：{reason(err)}"
        raise UnreadableInput(message, source=str(path)) from err


def region_text(code: object, *, full: bool = False) -> str:
    """A region as people say it: its name beside its code (``包头市 150200``); ``full`` gives
    the name with its parents' (``内蒙古自治区包头市 150200``). An unknown code stays as it is."""
    found = regions.lookup(str(code)) if code else None
    if found is None:
        return str(code or "")
    return f"{found.full_name if full else found.name} {code}"
