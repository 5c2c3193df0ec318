"""``banzhang code explain|check``: the item-coding rule on the command line."""

from __future__ import annotations

import argparse
from typing import Any

import attrs

from banzhang import codes
from banzhang.cli._common import EXIT_INVALID, EXIT_OK, add_format_option, print_json
from banzhang.errors import InvalidCode

_KIND_CHOICES = tuple(codes.KINDS)


def register(subparsers: Any) -> None:
    """Add the ``code`` verb and its sub-verbs."""
    parser = subparsers.add_parser(
        "code", help="解释或检查编码（基本编码、实施编码、统一社会信用代码…）"
    )
    verbs = parser.add_subparsers(dest="code_verb", metavar="explain|check", required=True)

    explain = verbs.add_parser("explain", help="逐段解释一个编码")
    explain.add_argument("code", metavar="编码", help="编码")
    explain.add_argument("--kind", choices=_KIND_CHOICES, help="编码种类（默认按长度识别）")
    add_format_option(explain)
    explain.set_defaults(func=run_explain)

    check = verbs.add_parser("check", help="检查一个或多个编码，逐个给出结论")
    check.add_argument("codes", nargs="+", metavar="编码", help="编码")
    check.add_argument("--kind", choices=_KIND_CHOICES, help="编码种类（默认按长度识别）")
    add_format_option(check)
    check.set_defaults(func=run_check)


def _verdict(code: str, kind: str | None) -> dict[str, Any]:
    try:
        kind = kind or codes.detect(code)
        compact = codes.module_for(kind).validate(code)
        parts = codes.explain(compact)
    except InvalidCode as err:
        return {
            "code": code,
            "kind": kind,
            "valid": False,
            "error": type(err).__name__,
            "segment": err.segment,
            "position": err.position,
            "message": err.message,
        }
    return {
        "code": code,
        "compact": compact,
        "kind": kind,
        "title": codes.KINDS[kind][0],
        "valid": True,
        "parts": [attrs.asdict(part) for part in parts],
        **_related(kind, compact),
    }


def _related(kind: str, code: str) -> dict[str, str]:
    """Codes a reader wants next to this one: the 主项 of a 子项, the region of an agency."""
    if kind == "basic":
        parsed = codes.basic.parse(code)
        return {"main_code": parsed.main_code} if parsed.is_sub_item else {}
    if kind == "implementation":
        found = codes.implementation.parse(code).region
        return {
            "region": found.code,
            "region_name": found.full_name,
            "region_level": found.level_title,
        }
    return {}


def run_explain(args: argparse.Namespace) -> int:
    """Print each segment of one code with its meaning."""
    verdict = _verdict(args.code, args.kind)
    if args.format == "json":
        print_json(verdict)
    else:
        print(_explain_text(verdict))
    return EXIT_OK if verdict["valid"] else EXIT_INVALID


def run_check(args: argparse.Namespace) -> int:
    """Print a verdict per code; exit 1 when any is invalid."""
    verdicts = [_verdict(code, args.kind) for code in args.codes]
    if args.format == "json":
        print_json(verdicts)
    else:
        for verdict in verdicts:
            mark = "有效" if verdict["valid"] else "无效"
            reason = verdict.get("title", "") if verdict["valid"] else verdict["message"]
            print(f"{verdict['code']}\t{mark}\t{reason}")
    return EXIT_OK if all(verdict["valid"] for verdict in verdicts) else EXIT_INVALID


def _explain_text(verdict: dict[str, Any]) -> str:
    if not verdict["valid"]:
        return f"{verdict['code']}：无效。{verdict['message']}"
    lines = [f"{verdict['compact']}（{verdict['title']}）"]
    width = max(len(part["title"]) for part in verdict["parts"])
    for part in verdict["parts"]:
        title = part["title"] + "　" * (width - len(part["title"]))
        lines.append(f"  {title}  {part['value']:<20}{part['meaning']}")
    if "main_code" in verdict:
        lines.append(f"  所属主项：{verdict['main_code']}")
    if "region" in verdict:
        lines.append(
            f"  实施地区：{verdict['region']} {verdict['region_name']}（{verdict['region_level']}）"
        )
    return "\n".join(lines)
