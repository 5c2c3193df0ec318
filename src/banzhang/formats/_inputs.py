"""Gather the lists a cross-list check reads: files, and every list file inside folders."""

from __future__ import annotations

import csv
import io
import os
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from banzhang._reasons import reason
from banzhang.errors import UnreadableInput

__all__ = ["BROKEN_ZIP", "LIST_SUFFIXES", "decode_csv", "expand", "read_limited"]

#: What reading a broken zip package raises (a bad CRC, a header naming another member, an
#: unknown compression method, a member said to be encrypted, a name that is not the UTF-8
#: its flag says): each means the package is broken, in .xlsx, .ods and .docx alike.
BROKEN_ZIP = (
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    OSError,
    EOFError,
    ValueError,
)
#: The encodings of a department's .csv, as Excel and WPS save it on Chinese systems.
_CSV_ENCODINGS = ("utf-8-sig", "gb18030")

LIST_SUFFIXES = (".json", ".jsonl", ".xlsx", ".xml", ".csv", ".xls", ".ods", ".docx")


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Return the files named, and the list files inside the folders named, in a stable order.

    Raises:
        UnreadableInput: a path that does not exist, or a folder with no list file in it.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in LIST_SUFFIXES and p.is_file()
            )
            if not inside:
                suffixes = "、".join(LIST_SUFFIXES)
                message = f"目录 {path} 中没有清单文件（{suffixes}）"
                raise UnreadableInput(message, source=str(path))
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            message = f"找不到文件或目录：{path}"
            raise UnreadableInput(message, source=str(path))
    return found


def read_limited(source: Any, name: str, limit: int, advice: str) -> bytes:
    """Return the bytes of ``source`` (a path or a binary file), refusing more than ``limit``.

    The readers that hold a whole file in memory (.csv, .xls, .ods) read it through here;
    ``advice`` says what to do with a file over the limit.

    Raises:
        UnreadableInput: missing, unreadable, opened as text, empty, or over the limit.
    """
    try:
        if isinstance(source, str | os.PathLike):
            with open(source, "rb") as handle:
                data = handle.read(limit + 1)
        else:
            data = source.read(limit + 1)
    except (OSError, ValueError, AttributeError) as err:
        message = f"无法打开 {name}：{reason(err)}"
        raise UnreadableInput(message, source=name) from err
    if not isinstance(data, bytes):
        raise UnreadableInput(f"{name} 应以二进制方式打开", source=name)
    if len(data) > limit:
        message = f"{name} 超过 {limit // 1024 // 1024} MB，拒绝读取；{advice}"
        raise UnreadableInput(message, source=name)
    return data


def decode_csv(data: bytes, name: str) -> list[list[str]]:
    """The rows of a .csv in UTF-8 (with or without a BOM) or GB18030.

    Raises:
        UnreadableInput: neither encoding, or not valid CSV.
    """
    for encoding in _CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        try:
            return list(csv.reader(io.StringIO(text, newline="")))
        except csv.Error as err:
            message = f"{name} 不是有效的 CSV：{reason(err)}"
            raise UnreadableInput(message, source=name) from err
    message = f"{name} 既不是 UTF-8 也不是 GB18030 编码的文本"
    raise UnreadableInput(message, source=name)
