"""``banzhang levels FILES_OR_DIRS...``: the 三级五同 check across 权责清单 of all levels."""

from __future__ import annotations

import argparse
from typing import Any

from banzhang import codelists, kinds
from banzhang.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    add_format_option,
    declare_files,
    output_file,
    print_json,
    region_text,
)
from banzhang.crosslist import levels
from banzhang.formats import ListFile, expand
from banzhang.formats.excel.reports import Section, write_workbook

_SHOWN = 20


def register(subparsers: Any) -> None:
    """Add the ``levels`` verb."""
    parser = subparsers.add_parser("levels", help="三级五同：比对各层级权责清单中同一编码的事项")
    parser.add_argument("paths", nargs="+", metavar="文件或目录", help="权责清单文件或目录")
    parser.add_argument(
        "--excel", type=output_file(".xlsx"), metavar="报告.xlsx", help="另写一份 Excel 报告"
    )
    add_format_option(parser)
    declare_files(parser, inputs=("paths",), outputs=("excel",))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Check, report as text or JSON (and Excel), exit 1 when anything differs."""
    files = [ListFile(path) for path in expand(args.paths)]
    power_lists = [(str(f.path), f) for f in files if kinds.get(f.kind).has(kinds.REFERENCE)]
    skipped = [str(f.path) for f in files if not kinds.get(f.kind).has(kinds.REFERENCE)]
    report = levels.check(power_lists)
    if args.excel:
        write_workbook(args.excel, _sections(report))
    if args.format == "json":
        print_json(
            {
                "lists": report.lists,
                "items": report.items,
                "shared_codes": report.shared_codes,
                "counts": report.counts(),
                "skipped": skipped,
                "differences": [difference.to_dict() for difference in report.differences],
                "formal_differences": [d.to_dict() for d in report.formal_differences],
            }
        )
    else:
        print(_text(report, skipped))
        if args.excel:
            print(f"Excel 报告：{args.excel}")
    return EXIT_INVALID if report.differences else EXIT_OK


def _text(report: levels.LevelsReport, skipped: list[str]) -> str:
    head = (
        f"三级五同：读取 {report.lists} 张权责清单、{report.items} 项事项，"
        f"{report.shared_codes} 个编码在不同层级出现；发现 {len(report.differences)} 处不一致"
        f"，{len(report.formal_differences)} 处格式差异（提示：规范化后一致）"
    )
    lines = [head]
    if skipped:
        lines.append(f"  （非权责清单，未比对：{'、'.join(skipped)}）")
    counts = report.counts()
    lines.append("  " + "，".join(f"{levels.ELEMENTS[e]} {n} 处" for e, n in counts.items()))
    for element, title in levels.ELEMENTS.items():
        found = [d for d in report.differences if d.element == element]
        for difference in found[:_SHOWN]:
            lines.append(f"  [{title}] {difference.basic_code}")
            lines.append(f"      参照 {difference.reference}：{_inline(difference.expected)}")
            lines.append(f"      本处 {difference.place}：{_inline(difference.found)}")
        if len(found) > _SHOWN:
            lines.append(f"  [{title}] …… 另有 {len(found) - _SHOWN} 处")
    for difference in report.formal_differences[:_SHOWN]:
        lines.append(f"  [格式差异·{difference.title}] {difference.basic_code}")
        lines.append(f"      参照 {difference.reference}：{_inline(difference.expected)}")
        lines.append(f"      本处 {difference.place}：{_inline(difference.found)}")
    if len(report.formal_differences) > _SHOWN:
        lines.append(f"  [格式差异] …… 另有 {len(report.formal_differences) - _SHOWN} 处")
    return "\n".join(lines)


def _sections(report: levels.LevelsReport) -> list[Section]:
    summary = Section(
        "汇总",
        ["项目", "数量"],
        [
            ("读取的权责清单", report.lists),
            ("读取的事项", report.items),
            ("在不同层级出现的编码", report.shared_codes),
            *(
                (f"{title}不一致", report.counts()[element])
                for element, title in levels.ELEMENTS.items()
            ),
        ],
        widths=(28, 12),
    )
    rows = (
        (
            d.nature,
            d.basic_code,
            d.title,
            region_text(d.reference.region),
            str(d.reference),
            _shown(d.expected),
            region_text(d.place.region),
            str(d.place),
            _shown(d.found),
        )
        for d in (*report.differences, *report.formal_differences)
    )
    headers = [
        "性质",
        "基本编码",
        "要素",
        "参照区划",
        "参照清单及位置",
        "参照值",
        "本处区划",
        "本处清单及位置",
        "本处值",
    ]
    return [
        summary,
        Section("三级五同差异", headers, rows, widths=(10, 16, 10, 10, 40, 30, 10, 40, 30)),
    ]


def _shown(value: Any) -> Any:
    return "\n".join(map(_entry, value)) if isinstance(value, list) else _entry(value)


def _inline(value: Any) -> str:
    """A compared value on one line: a process as 受理 → 审查, 依据 joined with ；, codes titled."""
    if isinstance(value, list):
        joiner = " → " if all(isinstance(entry, str) for entry in value) else "；"
        return joiner.join(map(_entry, value)) or "（无）"
    return _entry(value)


def _entry(value: Any) -> str:
    if isinstance(value, dict) and "title" in value:
        return f"{value['title']}{value.get('article') or ''}"
    if isinstance(value, str) and value in codelists.get("power_type"):
        return codelists.get("power_type").label(value)
    return str(value)
