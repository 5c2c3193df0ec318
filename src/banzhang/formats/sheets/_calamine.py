"""Open a department's .xls or .ods for the table reader: checked, probed, then calamine's."""

from __future__ import annotations

import io
from typing import Any

from banzhang.errors import UnreadableInput
from banzhang.formats._inputs import read_limited
from banzhang.formats.sheets._biff import COMPOUND_MAGIC, check_workbook_stream, workbook_stream
from banzhang.formats.sheets._ods import check_repeats
from banzhang.formats.sheets._open import source_name
from banzhang.formats.sheets._probe import probe
from banzhang.formats.sheets._safety import Limits, inspect_package
from banzhang.formats.sheets._whole import WholeBook

__all__ = ["MAX_SPREADSHEET_BYTES", "open_spreadsheet"]

#: The largest .xls or .ods read (the whole workbook is held in memory while it is read).
MAX_SPREADSHEET_BYTES = 200 * 1024 * 1024


def open_spreadsheet(source: Any) -> WholeBook:
    """The .xls or .ods ``source`` (a path or binary file), opened by calamine (no copy made).

    Refused before calamine parses anything: a file too large; an .ods over the zip limits,
    with a DTD, or whose repeated rows and columns would spread past the memory a workbook read
    whole may take; an .xls whose records would abort calamine's Rust reader. Then calamine
    parses the file once in a child process first: what makes it panic or abort refuses the
    file there, and this process never meets it.

    Raises:
        UnreadableInput: what is refused, in words.
    """
    name = source_name(source, "<spreadsheet>")
    data = read_limited(source, name, MAX_SPREADSHEET_BYTES, "请另存为 .xlsx")
    if not data:
        raise UnreadableInput(f"{name} 是空文件", source=name)
    if data[:2] == b"PK":  # an .ods is a zip package: the same checks as an .xlsx
        inspect_package(io.BytesIO(data), name, Limits())
        check_repeats(data, name, Limits())
    elif data.startswith(COMPOUND_MAGIC):  # an .xls: its records, as calamine would read them
        check_workbook_stream(workbook_stream(data, name), name)
    probe(data, name)  # parsed in a child first: nothing it meets can take this process down
    book = WholeBook.open(data, name)
    if not book.sheetnames:
        raise UnreadableInput(f"{name} 中没有工作表", source=name)
    return book
