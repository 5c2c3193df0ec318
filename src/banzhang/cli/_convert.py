"""``banzhang convert IN OUT``: between formats, chosen by extension."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from banzhang import kinds
from banzhang.cli._common import EXIT_OK, CommandError
from banzhang.convert import from_data
from banzhang.errors import InvalidDocument
from banzhang.formats import for_path, models_of


def register(subparsers: Any) -> None:
    """Add the ``convert`` verb."""
    parser = subparsers.add_parser(
        "convert", help="在 .json、.jsonl、.xlsx、.xml 之间转换（按扩展名）"
    )
    parser.add_argument("source", type=Path, metavar="IN")
    parser.add_argument("target", type=Path, metavar="OUT")
    parser.add_argument("--kind", choices=[kind.id for kind in kinds.all_kinds()])
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read IN and write OUT, item by item for lists; a document of the wrong shape exits 1."""
    reader, writer = for_path(args.source), for_path(args.target)
    try:
        stream = reader.iter_load_data(args.source, kind=args.kind)
        if kinds.get(stream.kind).is_list:
            envelope = from_data({**stream.envelope, "items": []})
            writer.iter_dump(stream.kind, envelope, models_of(stream).items, args.target)
        else:
            writer.dump(from_data(stream.envelope, stream.kind), args.target)
    except InvalidDocument as err:
        raise CommandError(str(err), exit_code=1) from err
    print(f"已写入 {args.target}")
    return EXIT_OK
