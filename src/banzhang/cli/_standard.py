"""``banzhang standard --out DIR``: the three DB15/T drafts and their 编制说明, as Word files;
``banzhang standard --check DRAFT.docx …``: the GB/T 1.1 self-checks of a draft, as edited."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from banzhang.cli._common import EXIT_INVALID, EXIT_OK, CommandError
from banzhang.generate import standard
from banzhang.generate.standard import checks


def register(subparsers: Any) -> None:
    """Add the ``standard`` verb."""
    parser = subparsers.add_parser(
        "standard",
        help="生成三项地方标准征求意见稿（编码规则、服务指南编写规范、审查细则编写规范）及其编制说明，"
        "或检查征求意见稿的编排",
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument(
        "--out", type=Path, metavar="目录", help="输出目录：写出三项征求意见稿及其编制说明"
    )
    action.add_argument(
        "--check",
        type=Path,
        nargs="+",
        metavar="草案.docx",
        help="检查征求意见稿（如修改后的 .docx）：规范性引用、前言、附录、编号和要素顺序",
    )
    parser.set_defaults(func=run_standard)


def run_standard(args: argparse.Namespace) -> int:
    """Write the drafts, or check the drafts named; exit 1 when a check finds a problem."""
    if args.check:
        return _check(args.check)
    out: Path = args.out
    if out.exists() and not out.is_dir():
        message = f"输出位置 {out} 已存在且不是目录"
        raise CommandError(message)
    written = standard.write(out)
    print(f"已写出 {len(written)} 个文件（三项标准征求意见稿及其编制说明）到 {out}")
    problems = [
        f"《{draft.title}》：{problem}"
        for draft in standard.drafts()
        for problem in checks.check(standard.document_lines(draft))
    ]
    for problem in problems:  # a rule or declaration changed so that a draft breaks GB/T 1.1
        print(f"自检发现问题：{problem}", file=sys.stderr)
    return EXIT_INVALID if problems else EXIT_OK


def _check(paths: list[Path]) -> int:
    found = False
    for path in paths:
        lines = standard.read_lines(path)
        if lines and lines[0].role == "title" and lines[0].text.endswith("编制说明"):
            print(f"{path}：这是编制说明，不是标准文本，不做检查")
            continue
        problems = checks.check(lines)
        found = found or bool(problems)
        print(f"{path}：{'发现 ' + str(len(problems)) + ' 处问题' if problems else '未发现问题'}")
        for problem in problems:
            print(f"  - {problem}")
    return EXIT_INVALID if found else EXIT_OK
