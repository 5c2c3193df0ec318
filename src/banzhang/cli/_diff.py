"""``banzhang diff OLD NEW``: 动态调整 between two versions of a list."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import attrs

from banzhang.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    CommandError,
    add_format_option,
    declare_files,
    output_file,
    print_json,
)
from banzhang.crosslist import adjust
from banzhang.formats import for_path
from banzhang.formats.excel.reports import Section, write_workbook


def register(subparsers: Any) -> None:
    """Add the ``diff`` verb."""
    parser = subparsers.add_parser("diff", help="动态调整：比较同一清单的新旧两个版本")
    parser.add_argument("old", type=Path, metavar="OLD")
    parser.add_argument("new", type=Path, metavar="NEW")
    parser.add_argument(
        "--excel", type=output_file(".xlsx"), metavar="REPORT.xlsx", help="另写一份 Excel 报告"
    )
    add_format_option(parser)
    declare_files(parser, inputs=("old", "new"), outputs=("excel",))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Report the adjustments; exit 1 when a code was reused for another item."""
    old, new = (_list_data(path) for path in (args.old, args.new))
    if old.get("kind") != new.get("kind"):
        message = f"两个版本的清单类型不同：{old.get('kind')} 与 {new.get('kind')}"
        raise CommandError(message)
    diff = adjust.diff(old, new)
    kind = str(new.get("kind"))
    if args.excel:
        write_workbook(args.excel, _sections(diff, kind))
    if args.format == "json":
        print_json(
            {
                "summary": adjust.summary(diff),
                "counts": diff.counts(),
                "changes": [_change_data(change, kind) for change in diff.changes],
                "reused": [_change_data(change, kind) for change in diff.reused],
            }
        )
    else:
        print(_text(diff, kind))
    return EXIT_INVALID if diff.reused else EXIT_OK


def _element_lines(change: adjust.Change, kind: str) -> list[str]:
    """Each changed element by its Chinese title, values as a reviewer reads them."""
    return [
        f"{adjust.element_title(kind, element)}："
        f"{adjust.value_text(kind, element, old)} → {adjust.value_text(kind, element, new)}"
        for element, old, new in change.elements
    ]


def _change_data(change: adjust.Change, kind: str) -> dict[str, Any]:
    """A change for programs: ids as keys, the Chinese titles beside them."""
    data = attrs.asdict(change)
    data["elements"] = [
        {
            "element": element,
            "title": adjust.element_title(kind, element),
            "old": old,
            "new": new,
            "text": line,
        }
        for (element, old, new), line in zip(
            change.elements, _element_lines(change, kind), strict=True
        )
    ]
    return data


def _text(diff: adjust.Diff, kind: str) -> str:
    lines = [f"动态调整：{adjust.summary(diff)}"]
    for change in diff.changes:
        lines.append(f"  [{change.adjustment}] {change.key} {change.name}")
        lines.extend(f"      {line}" for line in _element_lines(change, kind))
    for change in diff.reused:
        lines.append(
            f"  [错误] 编码 {change.key} 被用于另一个事项（名称和类型都变了）：{change.name}"
        )
    return "\n".join(lines)


def _sections(diff: adjust.Diff, kind: str) -> list[Section]:
    summary = Section("汇总", ["调整类型", "事项数"], list(diff.counts().items()), widths=(16, 10))
    rows = ((c.adjustment, c.key, c.name, "\n".join(_element_lines(c, kind))) for c in diff.changes)
    changes = Section(
        "调整明细", ["调整类型", "编码", "事项名称", "变更内容"], rows, widths=(14, 16, 36, 60)
    )
    return [summary, changes]


def _list_data(path: Path) -> dict[str, Any]:
    """A list file's data; a file that is not a list (no "items" array) is refused (exit 2)."""
    data = for_path(path).load_data(path)
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        message = f"{path} 不是清单：动态调整比较的是两个版本清单的“items”（事项）数组"
        raise CommandError(message)
    found: dict[str, Any] = data
    return found
