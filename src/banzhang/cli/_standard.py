"""``banzhang standard --out DIR``: the three DB15/T drafts and their 编制说明, as Word files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from banzhang.cli._common import EXIT_OK, CommandError
from banzhang.generate import standard


def register(subparsers: Any) -> None:
    """Add the ``standard`` verb."""
    parser = subparsers.add_parser(
        "standard",
        help="生成三项地方标准征求意见稿（编码规则、服务指南编写规范、审查细则编写规范）及其编制说明",
    )
    parser.add_argument("--out", type=Path, required=True, help="输出目录")
    parser.set_defaults(func=run_standard)


def run_standard(args: argparse.Namespace) -> int:
    """Write the drafts and say how many files were written and where."""
    out: Path = args.out
    if out.exists() and not out.is_dir():
        message = f"输出位置 {out} 已存在且不是目录"
        raise CommandError(message)
    written = standard.write(out)
    print(f"已写出 {len(written)} 个文件（三项标准征求意见稿及其编制说明）到 {out}")
    return EXIT_OK
