"""``banzhang convert IN OUT``: between formats, chosen by extension."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from banzhang import kinds
from banzhang.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    CommandError,
    add_envelope_options,
    declare_files,
    envelope_given,
    output_file,
)
from banzhang.convert import from_data
from banzhang.documents import ItemStream
from banzhang.errors import InvalidDocument
from banzhang.formats import Format, ReadOptions, for_path, models_of

_SUFFIXES = (".json", ".jsonl", ".xlsx", ".xml", ".docx")


def register(subparsers: Any) -> None:
    """Add the ``convert`` verb."""
    parser = subparsers.add_parser(
        "convert", help="在 .json、.jsonl、.xlsx、.xml 之间转换（按扩展名）"
    )
    parser.add_argument("source", type=Path, metavar="输入文件")
    parser.add_argument("target", type=output_file(*_SUFFIXES), metavar="输出文件")
    parser.add_argument("--kind", choices=[kind.id for kind in kinds.all_kinds()])
    add_envelope_options(parser)
    declare_files(parser, inputs=("source",), outputs=("target",))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read IN and write OUT, item by item for lists; a document of the wrong shape exits 1."""
    reader, writer = for_path(args.source), for_path(args.target)
    stream = _read(reader, args)
    try:
        if kinds.get(stream.kind).is_list:
            # An "items" the reader left in the envelope is not an array: from_data says so.
            envelope = from_data({"items": [], **stream.envelope})
            writer.iter_dump(stream.kind, envelope, models_of(stream).items, args.target)
        else:
            writer.dump(from_data(stream.envelope, stream.kind), args.target)
    except InvalidDocument as err:
        if writer.NAME != "json":
            hint = "\n（写成 .json 或 .jsonl 可先保存读到的全部内容，改正后再转换）"
            raise CommandError(str(err) + hint, exit_code=1) from err
        # Nothing a department wrote is lost: JSON takes the data as read, findings and all.
        _write_as_read(reader, writer, args)
        print(
            f"banzhang: {err}\n已按读到的内容写入 {args.target}（数据有误，退出码 1）",
            file=sys.stderr,
        )
        return EXIT_INVALID
    print(f"已写入 {args.target}")
    return EXIT_OK


def _read(reader: Format, args: argparse.Namespace) -> ItemStream:
    """Open IN, with the envelope elements given on the command line (workbooks and .csv)."""
    given = envelope_given(args)
    options = ReadOptions(envelope=given) if given is not None else None
    return reader.iter_load_data(args.source, kind=args.kind, options=options)


def _write_as_read(reader: Format, writer: Format, args: argparse.Namespace) -> None:
    stream = _read(reader, args)
    if kinds.get(stream.kind).is_list:
        writer.iter_dump(stream.kind, stream.envelope, stream.items, args.target)
    else:
        writer.dump(stream.envelope, args.target)
