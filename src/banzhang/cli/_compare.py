"""``banzhang compare FILES_OR_DIRS...``: 横向可比 of one department across regions."""

from __future__ import annotations

import argparse
from typing import Any

import attrs

from banzhang import codelists
from banzhang.cli._common import EXIT_OK, add_format_option, declare_files, output_file, print_json
from banzhang.codes import region as regions
from banzhang.crosslist import compare as comparison
from banzhang.formats import for_path
from banzhang.formats._inputs import expand
from banzhang.formats.excel.reports import Section, write_workbook


def register(subparsers: Any) -> None:
    """Add the ``compare`` verb."""
    parser = subparsers.add_parser("compare", help="横向可比：同一部门在同层级各地区的事项数量")
    parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    parser.add_argument(
        "--excel", type=output_file(".xlsx"), metavar="REPORT.xlsx", help="另写一份 Excel 报告"
    )
    add_format_option(parser)
    declare_files(parser, inputs=("paths",), outputs=("excel",))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compare and report; outliers are flagged, not errors."""
    groups = comparison.compare(for_path(path).iter_load_data(path) for path in expand(args.paths))
    types = sorted({code for group in groups for row in group.rows for code in row.counts})
    if args.excel:
        write_workbook(args.excel, [_section(groups, types)])
    if args.format == "json":
        print_json([attrs.asdict(group) for group in groups])
        return EXIT_OK
    names = codelists.get("power_type")
    levels = codelists.get("level")
    for group in groups:
        level = levels.label(group.level)
        department = group.department or "（未写部门）"
        print(f"{level} {department}：{len(group.rows)} 个地区，中位数 {group.median:g} 项")
        for row in group.rows:
            counts = "，".join(f"{names.label(c)} {n}" for c, n in row.counts.items())
            flag = "  ← 偏离中位数超过 30%" if row.outlier else ""
            print(f"  {_region(row.region)} 合计 {row.total}（{counts}）{flag}")
    return EXIT_OK


def _section(groups: list[comparison.Group], types: list[str]) -> Section:
    names = codelists.get("power_type")
    headers = [
        "层级",
        "部门",
        "区划",
        "部门全称",
        *(names.label(t) for t in types),
        "合计",
        "偏离",
    ]
    rows = (
        (
            group.level,
            group.department,
            _region(row.region),
            row.department,
            *(row.counts.get(t, 0) for t in types),
            row.total,
            "是" if row.outlier else "",
        )
        for group in groups
        for row in group.rows
    )
    return Section("横向比对", headers, rows, widths=(6, 20, 10, 28))


def _region(code: str) -> str:
    """A region as people say it: its name beside its code (包头市 150200)."""
    found = regions.lookup(code)
    return f"{found.name} {code}" if found is not None else code
