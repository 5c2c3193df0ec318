"""``banzhang demo``: the main job, end to end, on the bundled examples."""

from __future__ import annotations

import argparse
import contextlib
import io
from importlib import resources
from pathlib import Path
from typing import Any

from banzhang.cli._common import EXIT_OK


def register(subparsers: Any) -> None:
    """Add the ``demo`` verb."""
    parser = subparsers.add_parser("demo", help="在自带示例上演示主要功能，输出到 --out 目录")
    parser.add_argument(
        "--out", type=Path, default=Path("demo-out"), help="输出目录（默认 demo-out）"
    )
    parser.set_defaults(func=run_demo)


def bundled_codes() -> list[str]:
    """Return the example codes shipped in ``banzhang.examples/codes.txt``."""
    text = resources.files("banzhang.examples").joinpath("codes.txt").read_text("utf-8")
    return [line.split("#")[0].strip() for line in text.splitlines() if line.split("#")[0].strip()]


def run_demo(args: argparse.Namespace) -> int:
    """Run each demo step and say where its output is."""
    from banzhang.cli import main  # noqa: PLC0415 - the demo drives the public CLI itself

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    explained = out / "codes-explained.txt"
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        for code in bundled_codes():
            main(["code", "explain", code])
            print()
    explained.write_text(buffer.getvalue(), encoding="utf-8")
    print(buffer.getvalue().rstrip())
    print(f"\n编码解释已写入 {explained}")
    return EXIT_OK
