"""``banzhang template KIND OUT.xlsx``: an empty fill-in workbook for departments."""

from __future__ import annotations

import argparse
from typing import Any

from banzhang import kinds
from banzhang.cli._common import EXIT_OK, output_file
from banzhang.formats import excel


def register(subparsers: Any) -> None:
    """Add the ``template`` verb."""
    parser = subparsers.add_parser("template", help="生成供部门填写的 Excel 模板")
    parser.add_argument(
        "kind",
        choices=[kind.id for kind in kinds.all_kinds()],
        metavar="类型",
        help="清单类型：" + "、".join(f"{kind.id}（{kind.title}）" for kind in kinds.all_kinds()),
    )
    parser.add_argument("target", type=output_file(".xlsx"), metavar="模板.xlsx")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the template."""
    excel.template(args.kind, args.target)
    print(f"已生成{kinds.get(args.kind).title}模板：{args.target}")
    return EXIT_OK
