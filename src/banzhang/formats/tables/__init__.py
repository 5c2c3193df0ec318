"""What rows mean, whatever parsed them: the table layer shared by every table-shaped input.

A back-end (a worksheet of .xlsx/.xls/.ods/.csv, a table of a .docx) hands over rows of text;
this package says what they are, from the declarations:

- :mod:`.entries` — arrays of objects written as text in one cell or line: citations
  (``【法律】《…》（…修正）第五十条：第一款``, several laws in one cell, document numbers alone),
  责任事项 with their stage (``受理阶段责任：``), 子项 with their code;
- :mod:`.labels` — label/value tables (2 or 4 columns, a header row inside, merged values);
- :mod:`.forms` — the labels of published forms (政务服务网 基本信息表, the national 实施规范
  基本要素 form) and what each names: a part of an element, or no element of the norms.

The Word reader (:mod:`banzhang.formats.docx`) and the workbook reader
(:mod:`banzhang.formats.excel`) both read through it (docs/architecture.md).
"""
