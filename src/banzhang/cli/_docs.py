"""``banzhang docs --out DIR [--format md|html]``: the standard's documentation, generated."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from banzhang.cli._common import EXIT_OK, CommandError
from banzhang.generate import docs as publish


def register(subparsers: Any) -> None:
    """Add the ``docs`` verb."""
    parser = subparsers.add_parser(
        "docs",
        help="由要素声明生成标准文档网站：标准文本、各类型要素表、代码表、编码规则、下载文件",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="目录", help="输出目录")
    parser.add_argument(
        "--format",
        choices=publish.FORMATS,
        default="md",
        help="md（默认，Markdown）或 html（不依赖网络的静态网站）",
    )
    parser.set_defaults(func=run_docs)


def run_docs(args: argparse.Namespace) -> int:
    """Write the documentation and say where its index is."""
    out: Path = args.out
    if out.exists() and not out.is_dir():
        message = f"输出位置 {out} 已存在且不是目录"
        raise CommandError(message)
    written = publish.write(out, args.format)
    pages = [path for path in written if path.suffix in (".md", ".html")]
    index = next(path for path in pages if path.stem == "index")
    others = len(written) - len(pages)
    print(f"已写出 {len(pages)} 个页面和 {others} 个供下载的文件；入口：{index}")
    return EXIT_OK
