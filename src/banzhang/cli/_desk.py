"""``banzhang desk``: the review desk, a local web service (the ``desk`` extra)."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from typing import Any

from banzhang.cli._common import CommandError

#: What the desk needs beyond the library: installed with ``pip install 'banzhang[desk]'``.
_EXTRA = ("django", "huey")


def register(subparsers: Any) -> None:
    """Add the ``desk`` verb."""
    parser = subparsers.add_parser(
        "desk", help="启动清单审核台：部门报送、审核、版本与动态调整（需安装 banzhang[desk]）"
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=Path("desk-data"),
        metavar="目录",
        help="数据目录：SQLite 数据库、校验队列和报送的文件（默认 ./desk-data，没有则创建）",
    )
    parser.add_argument(
        "--database",
        metavar="地址",
        help="数据库地址，如 postgresql://用户@主机:5432/库名（默认数据目录中的 SQLite）",
    )
    parser.add_argument("--port", type=int, default=8000, metavar="端口", help="端口（默认 8000）")
    parser.add_argument(
        "--admin", metavar="用户名", help="首次启动时创建的管理员账号（已存在则不动）"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Start the desk; without the extra installed, say how to install it (exit 2)."""
    missing = [name for name in _EXTRA if importlib.util.find_spec(name) is None]
    if missing:
        message = (
            "清单审核台需要另行安装：pip install 'banzhang[desk]'（缺少 "
            + "、".join(missing)
            + "）"
        )
        raise CommandError(message)
    from banzhang.desk import server  # noqa: PLC0415 - Django is loaded only for the desk

    return server.serve(args.data, args.database, args.port, args.admin)
