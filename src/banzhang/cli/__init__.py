"""The ``banzhang`` command: ``main(argv) -> int``.

Exit status is a public contract: 0 all good, 1 the data is invalid (any output is still
written), 2 a usage error or input that cannot be read. Every report verb takes
``--format json`` for machine-readable output.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from banzhang._version import SPEC_VERSION, __version__
from banzhang.cli import (
    _code,
    _compare,
    _convert,
    _demo,
    _desk,
    _diff,
    _docs,
    _guide,
    _levels,
    _reference,
    _standard,
    _stats,
    _template,
    _validate,
)
from banzhang.cli._common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    refuse_overwriting_inputs,
)
from banzhang.cli._parser import ChineseParser
from banzhang.errors import BanzhangError
from banzhang.formats import pause_collector_during_reads

__all__ = ["build_parser", "main"]

#: Each verb module has ``register(subparsers)``; the handler is stored as ``func``.
_VERBS = (
    _code,
    _validate,
    _convert,
    _template,
    _levels,
    _compare,
    _diff,
    _stats,
    _reference,
    _guide,
    _docs,
    _standard,
    _demo,
    _desk,
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every verb registered."""
    parser = ChineseParser(
        prog="banzhang",
        description="八张清单标准化：编码、清单、服务指南与审查细则的校验和转换。",
    )
    parser.add_argument(
        "--version", action="version", version=f"banzhang {__version__} (规范 {SPEC_VERSION})"
    )
    subparsers = parser.add_subparsers(dest="verb", metavar="命令")
    for verb in _VERBS:
        verb.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911 - one return per outcome
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default) and return the exit code."""
    pause_collector_during_reads()  # the command line owns its process (banzhang._collector)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        # argparse exits 0 for --help/--version and 2 for usage errors; keep both as return codes.
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    if not hasattr(args, "func"):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    args.cli = main  # a verb that drives other verbs (the demo) calls back through it
    try:
        refuse_overwriting_inputs(args)
        code: int = args.func(args)
    except BrokenPipeError:
        # The reader (``| head``) went away: that is its choice, not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces the closed stdout
        return EXIT_OK
    except CommandError as err:
        print(f"banzhang: {err}", file=sys.stderr)
        return err.exit_code
    except BanzhangError as err:
        print(f"banzhang: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        # Every write is atomic: what was being written is dropped whole, earlier files stand.
        print("banzhang: 已中断（Ctrl-C）；正在写的输出已放弃，原有文件未改动", file=sys.stderr)
        return EXIT_INTERRUPTED
    return code
