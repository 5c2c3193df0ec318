"""``banzhang validate FILE...``: every finding, grouped by rule, with counts and first places."""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Collection
from pathlib import Path
from typing import Any

from banzhang import kinds
from banzhang.cli import _same_source
from banzhang.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    add_envelope_options,
    add_format_option,
    add_retired_option,
    declare_files,
    envelope_given,
    output_file,
    print_json,
    read_retired,
)
from banzhang.errors import UnreadableInput
from banzhang.formats import ListFile, ReadOptions, excel, expand, for_path
from banzhang.formats.excel.reports import Section, write_workbook
from banzhang.validation import INFO, Against, Finding, rule

_PLACES_SHOWN = 5


def register(subparsers: Any) -> None:
    """Add the ``validate`` verb."""
    parser = subparsers.add_parser("validate", help="校验清单、服务指南或审查细则文件")
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="文件或目录",
        help=".json、.jsonl、.xlsx 或 .xml 文件，或含有这些文件的目录（逐层读取）",
    )
    parser.add_argument(
        "--kind",
        choices=[kind.id for kind in kinds.all_kinds()],
        help="文档类型（默认由文件内容判断）",
    )
    parser.add_argument(
        "--excel", type=output_file(".xlsx"), metavar="报告.xlsx", help="另写一份 Excel 报告"
    )
    parser.add_argument(
        "--annotate",
        type=output_file(".xlsx"),
        metavar="批注.xlsx",
        help="把部门的工作簿（.xlsx、.xls、.ods 或 .csv）标好问题交回：每个有问题的单元格"
        "标色并附批注，另有“问题清单”工作表链接到各单元格（只校验一个文件时可用）",
    )
    add_retired_option(parser)
    add_format_option(parser)
    add_envelope_options(parser)
    declare_files(parser, inputs=("files", "retired"), outputs=("excel", "annotate"))
    parser.set_defaults(func=run)


def check_file(
    path: Path,
    kind: str | None,
    power_codes: Collection[str] | None = None,
    opened: ListFile | None = None,
    *,
    given: dict[str, Any] | None = None,
    retired: Collection[str] | None = None,
) -> dict[str, Any]:
    """Validate one file and return its report (``error`` set when it could not be read).

    ``power_codes``: the 基本编码 of the file's region's 权责清单, for 同源 (SPEC §9).
    ``opened``: the file already read for its envelope, which names its kind (else read here).
    ``retired``: the register of retired codes.
    """
    try:
        module = for_path(path)
        options = ReadOptions(envelope=given) if given is not None else None
        against = Against(power_codes=power_codes, retired=retired)
        findings = list(module.iter_findings(path, kind=kind, options=options, against=against))
        found = kind or (opened.kind if opened else module.iter_load_data(path).kind)
    except UnreadableInput as err:
        return {"file": str(path), "readable": False, "valid": False, "error": str(err)}
    counts = Counter(finding.severity for finding in findings)
    return {
        "file": str(path),
        "readable": True,
        "kind": found,
        "title": kinds.get(found).title,
        "valid": counts["error"] == 0,
        "counts": {"error": counts["error"], "warning": counts["warning"]},
        "findings": [finding.to_dict() for finding in findings],
    }


def run(args: argparse.Namespace) -> int:
    """Validate each file; exit 2 if any cannot be read, else 1 if any has an error."""
    files = _files(args.files)
    opened = _open_all(files)
    checks = _same_source.plan(opened)
    given = envelope_given(args)
    retired = read_retired(args.retired)
    reports = []
    for path in files:
        check = checks.get(path)
        keys = check.keys if check else None
        report = check_file(path, args.kind, keys, opened.get(path), given=given, retired=retired)
        if check is not None and report["readable"]:
            report["same_source"] = check.note
        reports.append(report)
    if args.excel:
        write_workbook(args.excel, _sections(reports))
    marked = _annotated(args, files, reports)
    if args.format == "json":
        print_json({"files": reports})
    else:
        if len(files) != len(args.files):  # a folder was named: say what was read in it
            print(f"共读取 {len(files)} 个文件：" + "、".join(map(str, files)) + "\n")
        print("\n\n".join(_text(report) for report in reports))
        if args.excel:
            print(f"\nExcel 报告：{args.excel}")
        if marked is not None:
            print(f"\n批注副本：{args.annotate}（标出 {marked} 个单元格）")
    if not all(report["readable"] for report in reports):
        return EXIT_USAGE
    return EXIT_OK if all(report["valid"] for report in reports) else EXIT_INVALID


def _annotated(
    args: argparse.Namespace, files: list[Path], reports: list[dict[str, Any]]
) -> int | None:
    """Write the department's workbook marked (``--annotate``); how many cells were marked."""
    if not args.annotate:
        return None
    report = reports[0] if len(files) == 1 else None
    if report is None or files[0].suffix.lower() not in _ANNOTATED:
        message = "--annotate 只用于校验一个工作簿或 .csv 文件（.xlsx、.xls、.ods、.csv）"
        raise CommandError(message)
    if not report["readable"]:
        return None
    findings = [Finding.from_dict(data) for data in report["findings"]]
    return excel.annotate(files[0], findings, args.annotate)


#: The files ``--annotate`` hands back marked (as .xlsx).
_ANNOTATED = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


def _files(named: list[Path]) -> list[Path]:
    """The files named, and the list files inside the folders named (a missing file stays, to
    be reported as unreadable with the others)."""
    found: list[Path] = []
    for path in named:
        found.extend(expand([path]) if path.is_dir() else [path])
    return found


def _text(report: dict[str, Any]) -> str:
    if not report["readable"]:
        return f"{report['file']}：无法读取。{report['error']}"
    counts = report["counts"]
    head = f"{report['file']}（{report['title']}）："
    note = [f"  （{report['same_source']}）"] if "same_source" in report else []
    if not report["findings"]:
        return "\n".join([head + "通过，未发现问题。", *note])
    notices = sum(1 for data in report["findings"] if data["severity"] == INFO)
    told = f"，{notices} 条提示" if notices else ""
    lines = [head + f"{counts['error']} 个错误，{counts['warning']} 个警告{told}", *note]
    # A rule may weigh its findings differently (a 同源 格式差异 is a notice, another name an
    # error): each weight is its own group, so a heading never calls an error a notice.
    groups: dict[tuple[str, str], list[Finding]] = {}
    for data in report["findings"]:
        groups.setdefault((data["rule"], data["severity"]), []).append(Finding.from_dict(data))
    for (rule_id, _severity), findings in groups.items():
        entry = rule(rule_id)
        lines.append(
            f"  [{findings[0].severity_title}] {rule_id}（{entry.title}）× {len(findings)}"
        )
        lines.extend(
            f"      {finding.where}：{finding.message}" for finding in findings[:_PLACES_SHOWN]
        )
        if len(findings) > _PLACES_SHOWN:
            lines.append(f"      …… 另有 {len(findings) - _PLACES_SHOWN} 处")
    return "\n".join(lines)


def _sections(reports: list[dict[str, Any]]) -> list[Section]:
    """The workbook: one row a file, then one row a finding (file, rule, place, cell, message)."""
    summary = Section(
        "汇总",
        ["文件", "文档类型", "结论", "错误", "警告", "说明"],
        [_summary_row(report) for report in reports],
        widths=(40, 18, 10, 8, 8, 60),
    )
    findings = Section(
        "问题",
        ["文件", "级别", "规则", "规则名称", "位置", "单元格或行", "所在列的表头", "说明"],
        [
            (
                report["file"],
                Finding.from_dict(data).severity_title,
                data["rule"],
                rule(data["rule"]).title,
                data["path"],
                data.get("source") or "",
                data.get("header") or "",
                data["message"],
            )
            for report in reports
            for data in sorted(report.get("findings", ()), key=_by_cell)
        ],
        widths=(40, 8, 28, 30, 36, 16, 24, 60),
    )
    return [summary, findings]


_CELL = re.compile(r"^(?P<sheet>.+)!(?P<column>[A-Z]{1,3})(?P<row>[0-9]+)$")


def _by_cell(data: dict[str, Any]) -> tuple[Any, ...]:
    """A file's findings as a clerk fixes its sheets: sheet by sheet, row by row, column by
    column; findings with no cell (the envelope, a document's element) first, as found."""
    found = _CELL.match(str(data.get("source") or ""))
    if found is None:
        return (0, "", 0, 0)
    column = found["column"]
    return (1, found["sheet"], int(found["row"]), len(column), column)


def _summary_row(report: dict[str, Any]) -> tuple[Any, ...]:
    if not report["readable"]:
        return (report["file"], "", "无法读取", "", "", report["error"])
    verdict = "通过" if report["valid"] else "不通过"
    counts = report["counts"]
    note = report.get("same_source", "")
    return (report["file"], report["title"], verdict, counts["error"], counts["warning"], note)


def _open_all(paths: list[Path]) -> dict[Path, ListFile]:
    """Every file that can be opened, read for its envelope; the others are left to their report."""
    opened = {}
    for path in paths:
        try:
            opened[path] = ListFile(path)
        except UnreadableInput:
            continue
    return opened
