"""``banzhang guide render FILE --out OUT [--brief]``: a guide or review detail as HTML to print."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from banzhang import kinds, render
from banzhang._atomic import make_parent, write_text
from banzhang.cli._common import EXIT_INVALID, EXIT_OK, CommandError, declare_files, output_file
from banzhang.convert import from_data
from banzhang.errors import InvalidDocument
from banzhang.formats import docx, for_path
from banzhang.validation import ERROR, iter_findings

_RENDERABLE = ("service-guide", "review-detail")


def register(subparsers: Any) -> None:
    """Add the ``guide`` verb with its ``render`` action."""
    parser = subparsers.add_parser(
        "guide", help="服务指南与审查细则：生成可打印的 HTML，或供修改、审批的 Word 文档"
    )
    actions = parser.add_subparsers(dest="action", metavar="动作", required=True)
    rendering = actions.add_parser(
        "render", help="把服务指南（完整版或简版）或审查细则生成 A4 可打印 HTML，内含 SVG 流程图"
    )
    rendering.add_argument("file", type=Path, metavar="文件", help=".json、.xml 或 .xlsx 文件")
    rendering.add_argument(
        "--out",
        type=output_file(".html", ".htm", ".docx"),
        required=True,
        metavar="输出文件",
        help="输出的 .html 文件，或 .docx（Word：A4、标题、表格、流程图、页码）",
    )
    rendering.add_argument("--brief", action="store_true", help="生成简版服务指南")
    rendering.add_argument(
        "--credit", action="store_true", help="页尾注明由 banzhang 生成（默认不注明）"
    )
    rendering.add_argument(
        "--svg",
        type=output_file(".svg"),
        metavar="流程图.svg",
        help="另把流程图写成独立的 .svg 文件",
    )
    declare_files(rendering, inputs=("file",), outputs=("out", "svg"))
    rendering.set_defaults(func=run_render)


def run_render(args: argparse.Namespace) -> int:
    """Render FILE; findings go to standard error, and an invalid document still renders."""
    stream = for_path(args.file).iter_load_data(args.file)
    if stream.kind not in _RENDERABLE:
        message = f"只能渲染服务指南或审查细则；{args.file} 是{kinds.get(stream.kind).title}"
        raise CommandError(message)
    data = stream.envelope
    findings = list(iter_findings(data, kind=stream.kind))
    for finding in findings:
        print(f"{args.file}: {finding}", file=sys.stderr)
    word = args.out.suffix.lower() == ".docx"
    if word and args.brief:
        raise CommandError("简版只生成 HTML（--brief 与 .docx 不能同时使用）")
    try:
        document = from_data(data, stream.kind)
        text = None if word else render.render(document, brief=args.brief, credit=args.credit)
    except InvalidDocument as err:
        message = f"无法生成 {args.out}：{err}"
        raise CommandError(message, exit_code=EXIT_INVALID) from err
    make_parent(args.out)
    if text is None:
        docx.dump(document, args.out)
    else:
        write_text(args.out, text)
    print(f"已写入 {args.out}")
    if args.svg is not None:
        write_text(args.svg, render.flowchart_svg(document))
        print(f"已写入 {args.svg}")
    has_errors = any(finding.severity == ERROR for finding in findings)
    return EXIT_INVALID if has_errors else EXIT_OK
