"""``banzhang stats FILES_OR_DIRS...``: counts per type, mode and level, and the 三办率."""

from __future__ import annotations

import argparse
from typing import Any

import attrs

from banzhang import codelists, kinds
from banzhang.cli._common import EXIT_OK, add_format_option, declare_files, output_file, print_json
from banzhang.crosslist import stats
from banzhang.errors import UnreadableInput
from banzhang.formats import expand, for_path
from banzhang.formats.excel.reports import Section, write_workbook


def register(subparsers: Any) -> None:
    """Add the ``stats`` verb."""
    parser = subparsers.add_parser("stats", help="统计：按事项类型、办理方式、层级计数，计算三办率")
    parser.add_argument("paths", nargs="+", metavar="文件或目录")
    parser.add_argument(
        "--excel", type=output_file(".xlsx"), metavar="报告.xlsx", help="另写一份 Excel 报告"
    )
    add_format_option(parser)
    declare_files(parser, inputs=("paths",), outputs=("excel",))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Count and report."""
    files = expand(args.paths)
    result = stats.collect(for_path(path).iter_load_data(path) for path in files)
    tables = _tables(result)
    if args.excel:
        write_workbook(
            args.excel, [Section(title, ["项目", "数量"], rows, (30, 12)) for title, rows in tables]
        )
    if args.format == "json":
        data = {**attrs.asdict(result), "three_modes_rate": result.three_modes_rate}
        print_json({**data, "titles": _titles(result)})
        return EXIT_OK
    for title, rows in tables:
        print(f"{title}：" + ("，".join(f"{name} {count}" for name, count in rows) or "无"))
    return EXIT_OK


def _titles(result: stats.Stats) -> dict[str, dict[str, str]]:
    """The Chinese title of every id the JSON counts by, beside the counts (for people)."""
    labels = {
        "lists": lambda kind: kinds.get(kind).title,
        "by_level": codelists.get("level").label,
        "by_power_type": codelists.get("power_type").label,
        "by_mode": codelists.get("service_mode").label,
        "by_online_depth": codelists.get("online_depth").label,
    }
    return {
        field: {key: label(key) for key in getattr(result, field)}
        for field, label in labels.items()
    }


def _tables(result: stats.Stats) -> list[tuple[str, list[tuple[str, Any]]]]:
    levels = codelists.get("level")
    types = codelists.get("power_type")
    rate = result.three_modes_rate
    if rate is None:
        shown = (
            "未计算：需要本地区的权责清单（分母是其中依申请的事项，不是“四办”清单本身）和“四办”清单"
        )
    else:
        shown = (
            f"{rate:.1%}（目标 {stats.THREE_MODES_TARGET:.0%}）："
            f"依申请事项 {result.application_items} 项，"
            f"其中马上办、网上办或一次办 {result.three_modes_items} 项"
        )
    depths = [(depth, result.by_online_depth.get(depth, 0)) for depth in ("网上预审", "全程网办")]
    return [
        ("清单数", [(_kind_title(kind), n) for kind, n in result.lists.items()]),
        ("事项数", [(_kind_title(kind), n) for kind, n in result.items.items()]),
        (
            "按层级",
            [(levels.label(c), n) for c, n in result.by_level.items()],
        ),
        (
            "按事项类型",
            [(types.label(c), n) for c, n in result.by_power_type.items()],
        ),
        ("按办理方式", list(result.by_mode.items())),
        ("网上办（按网办深度）", depths),
        ("三办率", [("马上办、网上办、一次办事项占比", shown)]),
    ]


def _kind_title(kind_id: str) -> str:
    """A kind by its Chinese title (an unknown id as written)."""
    try:
        return kinds.get(kind_id).title
    except UnreadableInput:
        return kind_id
