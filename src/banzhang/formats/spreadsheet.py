"""Departments' .xls and .ods workbooks, read like .xlsx (SPEC §10 "Other spreadsheet formats").

python-calamine (Rust's calamine) reads both formats fast and without a spreadsheet program; the
Excel reader (:mod:`banzhang.formats.excel`) walks calamine's cells as it walks an .xlsx read
whole, with the same lenient department reading and the same findings (``Sheet1!C7``). What
calamine gives is what a formula last computed (as Excel's cached values); whole numbers come
back as integers, so a code stored as a number is reported (``excel.code-as-number``) just as in
.xlsx; dates stay dates. Text is kept as written, a control character an .xls can hold included:
writing it to .xlsx or XML (which cannot hold one) is refused, naming the element.

Refused before calamine parses anything: a file over :data:`MAX_BYTES`; an .ods (a zip package)
over the zip limits of :class:`banzhang.formats.excel.Limits`, with a DTD in any XML part, or
whose repeated rows and columns would spread past the memory a workbook read whole may take
(:mod:`banzhang.formats.sheets._ods`); an .xls whose compound file does not hold together or
whose sheet dimensions are impossible, which would abort calamine's Rust reader and the whole
process with it (:mod:`banzhang.formats.sheets._biff`). Then calamine parses the file once in a
child process (:mod:`banzhang.formats.sheets._probe`): a record that makes its Rust reader
panic or abort refuses the file there, and this process never meets it.

Known limitation: calamine reads an error value (``#N/A``, ``#REF!``) as an empty cell, so
``excel.error-cell`` is reported for .xlsx only (python-calamine issue #105). Read only: banzhang
writes .xlsx.
"""

from __future__ import annotations

from banzhang.formats._converted import ConvertedFormat
from banzhang.formats.sheets import MAX_SPREADSHEET_BYTES, open_spreadsheet

__all__ = [
    "EXTENSIONS",
    "MAX_BYTES",
    "NAME",
    "dump",
    "iter_dump",
    "iter_findings",
    "iter_load",
    "iter_load_data",
    "load",
    "load_data",
]

NAME = "spreadsheet"
EXTENSIONS: tuple[str, ...] = (".xls", ".ods")
#: The largest .xls or .ods read (the whole workbook is held in memory while it is read).
MAX_BYTES = MAX_SPREADSHEET_BYTES

_FORMAT = ConvertedFormat(open_spreadsheet, ".xls 和 .ods", instead=".xlsx")
load = _FORMAT.load
load_data = _FORMAT.load_data
iter_load = _FORMAT.iter_load
iter_load_data = _FORMAT.iter_load_data
iter_findings = _FORMAT.iter_findings
dump = _FORMAT.dump
iter_dump = _FORMAT.iter_dump
