"""``banzhang diff OLD NEW``: 动态调整 between two versions of a list, or of the lists of several
regions and levels (OLD and NEW folders)."""

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
    add_retired_option,
    declare_files,
    output_file,
    print_json,
    read_retired,
    region_text,
)
from banzhang.crosslist import adjust
from banzhang.formats import expand, for_path
from banzhang.formats.excel.reports import Section, write_workbook


def register(subparsers: Any) -> None:
    """Add the ``diff`` verb."""
    parser = subparsers.add_parser(
        "diff", help="动态调整：比较清单的新旧版本（两个文件，或各级清单的两个目录）"
    )
    parser.add_argument("old", type=Path, metavar="旧版", help="旧版清单文件，或各级旧版清单的目录")
    parser.add_argument("new", type=Path, metavar="新版", help="新版清单文件，或各级新版清单的目录")
    add_retired_option(parser)
    parser.add_argument(
        "--excel", type=output_file(".xlsx"), metavar="报告.xlsx", help="另写一份 Excel 报告"
    )
    add_format_option(parser)
    declare_files(parser, inputs=("old", "new", "retired"), outputs=("excel",))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Report the adjustments; exit 1 when a code was reused (for another item, or retired)."""
    retired = read_retired(args.retired)
    olds, news = (_lists(path) for path in (args.old, args.new))
    kinds_found = {str(data.get("kind")) for data in (*olds, *news)}
    if len(kinds_found) != 1:
        message = f"新旧版本的清单类型不同：{'、'.join(sorted(kinds_found))}"
        raise CommandError(message)
    kind = kinds_found.pop()
    if len(olds) == 1 and len(news) == 1:
        diff = adjust.diff(olds[0], news[0], retired=retired)
    else:
        diff = adjust.diff_lists(olds, news, retired=retired)
    if args.excel:
        write_workbook(args.excel, _sections(diff, kind))
    if args.format == "json":
        print_json(
            {
                "summary": adjust.summary(diff),
                "counts": diff.counts(),
                "changes": [_change_data(change, kind) for change in diff.changes],
                **{
                    name: [_change_data(change, kind) for change in getattr(diff, name)]
                    for name in ("reused", "suspect", "retired")
                },
            }
        )
    else:
        print(_text(diff, kind))
    return EXIT_INVALID if diff.has_errors else EXIT_OK


def _element_lines(change: adjust.Change, kind: str) -> list[str]:
    """Each changed element by its Chinese title, values as a reviewer reads them."""
    return [
        f"{adjust.element_title(kind, element)}："
        f"{adjust.value_text(kind, element, old)} → {adjust.value_text(kind, element, new)}"
        for element, old, new in change.elements
    ]


def _related_line(change: adjust.Change) -> str | None:
    if not change.related:
        return None
    if change.adjustment in (adjust.DELEGATED, adjust.RECALLED):
        where = "、".join(region_text(code) for code in change.related)
        return f"{'下放到' if change.adjustment == adjust.DELEGATED else '收回自'}：{where}"
    words = {adjust.MERGED: "由以下事项合并", adjust.SPLIT: "拆分为"}
    return f"{words.get(change.adjustment, '相关事项')}：{'、'.join(change.related)}"


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
    data["region_name"] = region_text(change.region) if change.region else None
    data["related_text"] = _related_line(change)
    return data


def _text(diff: adjust.Diff, kind: str) -> str:
    lines = [f"动态调整：{adjust.summary(diff)}（共 {len(diff.changes)} 项）"]
    for change in diff.changes:
        where = f"{region_text(change.region)} " if change.region else ""
        lines.append(f"  [{change.adjustment}] {where}{change.key} {change.name}")
        related = _related_line(change)
        lines.extend(f"      {line}" for line in _element_lines(change, kind))
        lines.extend([f"      {related}"] if related else [])
    for change in diff.reused:
        lines.append(
            f"  [错误] 编码 {change.key} 被用于另一个事项（名称和类型都变了）：{change.name}"
        )
    for change in diff.retired:
        lines.append(f"  [错误] 编码 {change.key} 已登记为取消，不得再用：{change.name}")
    for change in diff.suspect:
        lines.append(
            f"  [警告] 编码 {change.key} 的名称变得面目全非，可能被挪作他用：{change.name}"
        )
    return "\n".join(lines)


def _sections(diff: adjust.Diff, kind: str) -> list[Section]:
    summary = Section("汇总", ["调整类型", "事项数"], list(diff.counts().items()), widths=(16, 10))
    rows = (
        (
            c.adjustment,
            region_text(c.region) if c.region else "",
            c.key,
            c.name,
            "\n".join([*_element_lines(c, kind), *filter(None, [_related_line(c)])]),
        )
        for c in diff.changes
    )
    changes = Section(
        "调整明细",
        ["调整类型", "行政区划", "编码", "事项名称", "变更内容"],
        rows,
        widths=(10, 20, 16, 36, 60),
    )
    return [summary, changes]


def _lists(path: Path) -> list[dict[str, Any]]:
    """The list (a file) or lists (every list file in a folder) at ``path``."""
    return [_list_data(file) for file in (expand([path]) if path.is_dir() else [path])]


def _list_data(path: Path) -> dict[str, Any]:
    """A list file's data; a file that is not a list (no "items" array) is refused (exit 2)."""
    data = for_path(path).load_data(path)
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        message = f"{path} 不是清单：动态调整比较的是两个版本清单的“items”（事项）数组"
        raise CommandError(message)
    found: dict[str, Any] = data
    return found
