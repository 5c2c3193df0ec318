"""Departments' .csv files, read like a one-sheet workbook (SPEC §10 "Other spreadsheet formats").

The text is UTF-8 (with or without a BOM) or GB18030, as Excel and WPS save it on Chinese
systems. The rows become one worksheet named after the file (``权责清单.csv`` → sheet
``权责清单``, which also tells the kind), and :mod:`banzhang.formats.excel` reads it with the
same lenient department reading and the same findings: a finding names its cell as
``权责清单!C7``. Every value stays text (a code keeps its zeros; ``=…`` is never a formula).
CSV is read only: a list has linked tables a single CSV cannot hold, so banzhang writes
.xlsx, .json, .jsonl or .xml instead.

>>> import io
>>> data = "序号,事项名称,基本编码\\n1,食品生产许可,000117047000\\n".encode("gb18030")
>>> _rows(data, "权责清单.csv")[1]
['1', '食品生产许可', '000117047000']
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Collection, Iterable, Iterator
from pathlib import PurePath
from typing import Any

from openpyxl import Workbook

from banzhang.documents import ItemStream, Source, Target
from banzhang.errors import UnreadableInput, UnwritableOutput
from banzhang.formats import excel
from banzhang.formats.excel._layout import sheet_name
from banzhang.validation.findings import Finding

__all__ = [
    "EXTENSIONS",
    "NAME",
    "dump",
    "iter_dump",
    "iter_findings",
    "iter_load",
    "iter_load_data",
    "load",
    "load_data",
]

NAME = "csv"
EXTENSIONS: tuple[str, ...] = (".csv",)
#: The largest .csv read (a department's list is a few MB; the workbook is built in memory).
MAX_BYTES = 200 * 1024 * 1024
_ENCODINGS = ("utf-8-sig", "gb18030")


def load(source: Source, *, kind: str | None = None) -> Any:
    """Read a .csv list as a model (see :func:`banzhang.formats.excel.load`)."""
    return excel.load(_as_workbook(source), kind=kind)


def load_data(source: Source, *, envelope: dict[str, Any] | None = None) -> Any:
    """Read a .csv list as JSON-shaped data, without judging it."""
    return excel.load_data(_as_workbook(source), envelope=envelope)


def iter_load(source: Source, *, kind: str | None = None) -> ItemStream:
    """Read a .csv list item by item, each item a model."""
    return excel.iter_load(_as_workbook(source), kind=kind)


def iter_load_data(
    source: Source, *, kind: str | None = None, envelope: dict[str, Any] | None = None
) -> ItemStream:
    """Read a .csv list item by item as JSON-shaped data."""
    return excel.iter_load_data(_as_workbook(source), kind=kind, envelope=envelope)


def iter_findings(
    source: Source,
    *,
    kind: str | None = None,
    power_codes: Collection[str] | None = None,
    envelope: dict[str, Any] | None = None,
) -> Iterator[Finding]:
    """Read and validate a .csv list; findings name their cell (``权责清单!C7``)."""
    workbook = _as_workbook(source)
    return excel.iter_findings(workbook, kind=kind, power_codes=power_codes, envelope=envelope)


def dump(document: Any, target: Target) -> None:
    """Refuse: banzhang reads .csv but writes lists as .xlsx, .json, .jsonl or .xml."""
    raise _read_only(target)


def iter_dump(kind: str, envelope: Any, items: Iterable[Any], target: Target) -> None:
    """Refuse, as :func:`dump` does."""
    raise _read_only(target)


def _read_only(target: Any) -> UnwritableOutput:
    where = os.fspath(target) if isinstance(target, str | os.PathLike) else "<csv>"
    message = f"banzhang 只读取 .csv，不写出 .csv（{where}）；请写成 .xlsx、.json、.jsonl 或 .xml"
    return UnwritableOutput(message, target=where)


def _as_workbook(source: Any) -> io.BytesIO:
    """The .csv as an in-memory workbook of one sheet named after the file."""
    name = os.fspath(source) if isinstance(source, str | os.PathLike) else "<csv>"
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its first sheet
    sheet.title = sheet_name(PurePath(name).stem) if name != "<csv>" else "Sheet1"
    for row in _rows(_read(source, name), name):
        sheet.append(row)
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.data_type = "s"  # text as written: never a formula, codes keep their zeros
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def _read(source: Any, name: str) -> bytes:
    try:
        if isinstance(source, str | os.PathLike):
            with open(source, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        else:
            data = source.read(MAX_BYTES + 1)
    except (OSError, ValueError, AttributeError) as err:
        message = f"无法打开 {name}：{getattr(err, 'strerror', None) or err}"
        raise UnreadableInput(message, source=name) from err
    if not isinstance(data, bytes):
        raise UnreadableInput(f"{name} 应以二进制方式打开", source=name)
    if len(data) > MAX_BYTES:
        message = f"{name} 超过 {MAX_BYTES // 1024 // 1024} MB，拒绝读取；请转成 .xlsx"
        raise UnreadableInput(message, source=name)
    return data


def _rows(data: bytes, name: str) -> list[list[str]]:
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        try:
            return list(csv.reader(io.StringIO(text, newline="")))
        except csv.Error as err:
            raise UnreadableInput(f"{name} 不是有效的 CSV：{err}", source=name) from err
    message = f"{name} 既不是 UTF-8 也不是 GB18030 编码的文本"
    raise UnreadableInput(message, source=name)
