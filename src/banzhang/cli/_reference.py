"""``banzhang rules`` and ``banzhang schema KIND``: the catalogue and the schemas, as data."""

from __future__ import annotations

import argparse
from typing import Any

import attrs

from banzhang import kinds
from banzhang.cli._common import EXIT_OK, add_format_option, print_json
from banzhang.generate import schema
from banzhang.validation import all_rules


def register(subparsers: Any) -> None:
    """Add the ``rules`` and ``schema`` verbs."""
    rules = subparsers.add_parser("rules", help="列出全部校验规则（规则编号、严重程度、来源）")
    add_format_option(rules)
    rules.set_defaults(func=run_rules)

    schemas = subparsers.add_parser("schema", help="输出某类文档的 JSON Schema")
    schemas.add_argument(
        "kind",
        choices=[*(kind.id for kind in kinds.all_kinds()), "common"],
        metavar="类型",
        help="文档类型："
        + "、".join(f"{kind.id}（{kind.title}）" for kind in kinds.all_kinds())
        + "，或 common（共用定义）",
    )
    schemas.set_defaults(func=run_schema)


def run_rules(args: argparse.Namespace) -> int:
    """Print the rule catalogue."""
    catalogue = all_rules()
    if args.format == "json":
        print_json([attrs.asdict(entry) for entry in catalogue])
        return EXIT_OK
    width = max(len(entry.id) for entry in catalogue)
    for entry in catalogue:
        severity = "错误" if entry.severity == "error" else "警告"
        print(f"{entry.id:<{width}}  {severity}  {entry.layer:<7} {entry.title}（{entry.source}）")
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    """Print the committed JSON Schema of one kind."""
    print_json(schema.load(args.kind))
    return EXIT_OK
