"""``banzhang compare FILES_OR_DIRS...``: 横向可比 of one department across regions."""

from __future__ import annotations

import argparse
from typing import Any

import attrs

from banzhang import codelists
from banzhang.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    add_format_option,
    declare_files,
    output_file,
    print_json,
    region_text,
)
from banzhang.crosslist import compare as comparison
from banzhang.formats import expand, for_path
from banzhang.formats.excel.reports import Section, write_workbook


def register(subparsers: Any) -> None:
    """Add the ``compare`` verb."""
    parser = subparsers.add_parser(
        "compare", help="横向可比：同一部门在同层级各地区的事项数量、名称、依据和类型"
    )
    parser.add_argument("paths", nargs="+", metavar="文件或目录")
    parser.add_argument(
        "--excel", type=output_file(".xlsx"), metavar="报告.xlsx", help="另写一份 Excel 报告"
    )
    add_format_option(parser)
    declare_files(parser, inputs=("paths",), outputs=("excel",))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compare and report: exit 1 for a 不一致; outliers, 格式差异 and 漏项 are not errors."""
    groups = comparison.compare(for_path(path).iter_load_data(path) for path in expand(args.paths))
    types = sorted({code for group in groups for row in group.rows for code in row.counts})
    if args.excel:
        write_workbook(args.excel, _sections(groups, types))
    if args.format == "json":
        print_json([_group_data(group) for group in groups])
    else:
        for group in groups:
            print("\n".join(_group_lines(group)))
    real = any(not d.formal for group in groups for d in group.differences)
    return EXIT_INVALID if real else EXIT_OK


def _group_data(group: comparison.Group) -> dict[str, Any]:
    """A group for programs: ids as keys, titles and region names beside them."""
    data = attrs.asdict(group)
    data["level_title"] = codelists.get("level").label(group.level)
    for entry in (*data["rows"], *data["differences"], *data["gaps"]):
        entry["region_name"] = region_text(entry["region"])
    for entry in data["differences"]:
        entry["nature"] = "格式差异" if entry["formal"] else "不一致"
    return data


def _group_lines(group: comparison.Group) -> list[str]:
    names = codelists.get("power_type")
    level = codelists.get("level").label(group.level)
    department = group.department or "（未写部门）"
    lines = [f"{level} {department}：{len(group.rows)} 个地区，中位数 {group.median:g} 项"]
    for row in group.rows:
        counts = "，".join(f"{names.label(c)} {n}" for c, n in row.counts.items())
        flag = "  ← 偏离中位数超过 30%" if row.outlier else ""
        lines.append(f"  {region_text(row.region)} 合计 {row.total}（{counts}）{flag}")
    for d in group.differences:
        nature = "格式差异" if d.formal else "不一致"
        found = _value(d.element, d.found)
        lines.append(f"  [{nature}·{d.title}] {d.basic_code} {region_text(d.region)}：{found}")
        lines.append(f"      多数地区（{d.usual_in} 个）为：{_value(d.element, d.usual)}")
    for gap in group.gaps:
        lines.append(
            f"  [可能漏项] {region_text(gap.region)} 没有 {gap.basic_code} {gap.name or ''}"
            f"（同级 {gap.listed_in} 个地区列有）"
        )
    return lines


def _value(element: str, value: Any) -> str:
    """A compared value as a reviewer reads it: 依据 joined, the type by its title."""
    if isinstance(value, list):
        return "、".join(map(str, value)) or "（无）"
    if value is None:
        return "（无）"
    return codelists.get("power_type").label(value) if element == "power_type" else str(value)


def _sections(groups: list[comparison.Group], types: list[str]) -> list[Section]:
    differences = Section(
        "要素差异",
        ["层级", "部门", "性质", "基本编码", "要素", "区划", "本地区的值", "多数地区的值"],
        (
            (
                codelists.get("level").label(group.level),
                group.department,
                "格式差异" if d.formal else "不一致",
                d.basic_code,
                d.title,
                region_text(d.region),
                _value(d.element, d.found),
                _value(d.element, d.usual),
            )
            for group in groups
            for d in group.differences
        ),
        widths=(8, 20, 10, 16, 10, 18, 40, 40),
    )
    gaps = Section(
        "可能漏项",
        ["层级", "部门", "区划", "基本编码", "事项名称", "同级列有的地区数"],
        (
            (
                codelists.get("level").label(group.level),
                group.department,
                region_text(gap.region),
                gap.basic_code,
                gap.name,
                gap.listed_in,
            )
            for group in groups
            for gap in group.gaps
        ),
        widths=(8, 20, 18, 16, 40, 10),
    )
    return [_section(groups, types), differences, gaps]


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
            codelists.get("level").label(group.level),
            group.department,
            region_text(row.region),
            row.department,
            *(row.counts.get(t, 0) for t in types),
            row.total,
            "是" if row.outlier else "",
        )
        for group in groups
        for row in group.rows
    )
    return Section("横向比对", headers, rows, widths=(6, 20, 10, 28))
