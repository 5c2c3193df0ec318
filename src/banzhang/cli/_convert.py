"""``banzhang convert IN OUT``: between formats, chosen by extension."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from banzhang import kinds
from banzhang.cli._common import EXIT_OK, CommandError, declare_files, output_file
from banzhang.convert import from_data
from banzhang.errors import InvalidDocument
from banzhang.formats import for_path, models_of

_SUFFIXES = (".json", ".jsonl", ".xlsx", ".xml")


def register(subparsers: Any) -> None:
    """Add the ``convert`` verb."""
    parser = subparsers.add_parser(
        "convert", help="在 .json、.jsonl、.xlsx、.xml 之间转换（按扩展名）"
    )
    parser.add_argument("source", type=Path, metavar="IN")
    parser.add_argument("target", type=output_file(*_SUFFIXES), metavar="OUT")
    parser.add_argument("--kind", choices=[kind.id for kind in kinds.all_kinds()])
    declare_files(parser, inputs=("source",), outputs=("target",))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read IN and write OUT, item by item for lists; a document of the wrong shape exits 1."""
    reader, writer = for_path(args.source), for_path(args.target)
    try:
        stream = reader.iter_load_data(args.source, kind=args.kind)
        if kinds.get(stream.kind).is_list:
            # An "items" the reader left in the envelope is not an array: from_data says so.
            envelope = from_data({"items": [], **stream.envelope})
            writer.iter_dump(stream.kind, envelope, models_of(stream).items, args.target)
        else:
            writer.dump(from_data(stream.envelope, stream.kind), args.target)
    except InvalidDocument as err:
        raise CommandError(str(err), exit_code=1) from err
    print(f"已写入 {args.target}")
    return EXIT_OK
