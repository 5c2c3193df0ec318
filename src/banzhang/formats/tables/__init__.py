"""What rows mean, whatever parsed them: the table layer shared by every table-shaped input.

A back-end (:mod:`banzhang.formats.sheets`: a worksheet of .xlsx/.xls/.ods, a .csv, a table of
a .docx) hands over a :class:`~banzhang.formats.sheets.Workbook`; this package says what its
rows are, from the declarations:

- :func:`read_book` and the verbs over it (:func:`book_data`, :func:`book_items`,
  :func:`book_findings`, …) — a list's main table found by its header (declared titles and
  aliases), its linked tables (子项, 设定依据, …) by the item's 序号, a department's group and
  section rows, merged cells, the envelope from the title rows; every finding with its cell;
- the layout a kind has in a workbook (:func:`layout_for`) and values ⇄ cells
  (:func:`read_value`, :func:`write_value`), which the .xlsx writer uses too;

- :mod:`.entries` — arrays of objects written as text in one cell or line: citations
  (``【法律】《…》（…修正）第五十条：第一款``, several laws in one cell, document numbers alone),
  责任事项 with their stage (``受理阶段责任：``), 子项 with their code;
- :mod:`.labels` — label/value tables (2 or 4 columns, a header row inside, merged values);
- :mod:`.forms` — the labels of published forms (政务服务网 基本信息表, the national 实施规范
  基本要素 form) and what each names: a part of an element, or no element of the norms.

The Word reader (:mod:`banzhang.formats.docx`) and the workbook formats
(:mod:`banzhang.formats.excel`, ``.csv``, ``.xls``/``.ods``) all read through it
(docs/architecture.md).
"""

from banzhang.formats.tables._cells import NO, YES, numbered, read_value, write_value
from banzhang.formats.tables._layout import (
    ENVELOPE_SHEET,
    INDEX_HEADER,
    Column,
    Layout,
    Table,
    layout_for,
)
from banzhang.formats.tables._reader import (
    ReadItem,
    WorkbookStream,
    header_row,
    kind_by_header,
    read_book,
)
from banzhang.formats.tables._sheets import (
    ANNOTATION_SHEET,
    CODELIST_SHEET,
    FORM_HEADERS,
    GUIDE_SHEET,
    META_SHEET,
)
from banzhang.formats.tables._sources import RowSource, locate
from banzhang.formats.tables._verbs import (
    book_data,
    book_findings,
    book_items,
    book_model,
    book_models,
)

__all__ = [
    "ANNOTATION_SHEET",
    "CODELIST_SHEET",
    "ENVELOPE_SHEET",
    "FORM_HEADERS",
    "GUIDE_SHEET",
    "INDEX_HEADER",
    "META_SHEET",
    "NO",
    "YES",
    "Column",
    "Layout",
    "ReadItem",
    "RowSource",
    "Table",
    "WorkbookStream",
    "book_data",
    "book_findings",
    "book_items",
    "book_model",
    "book_models",
    "header_row",
    "kind_by_header",
    "layout_for",
    "locate",
    "numbered",
    "read_book",
    "read_value",
    "write_value",
]
