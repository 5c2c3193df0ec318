"""The annexes every draft shares: 附录A（规范性）代码表 and 附录B（资料性）a filled example."""

from __future__ import annotations

from typing import Any

from banzhang import codelists, examples, kinds
from banzhang.declare import FieldSpec, fields_of
from banzhang.formats.docx import time_text
from banzhang.generate.standard._model import Annex, Clause, Paragraph, Table

__all__ = ["codelist_annex", "codelist_table", "example_annex", "value_words"]


def codelist_table(name: str) -> Table:
    """Return codelist ``name`` as a table: 代码, 名称, 又称."""
    found = codelists.get(name)
    rows = tuple((e.code, e.title, "、".join(e.aliases)) for e in found)
    title = f"{found.title}代码" + ("（开放）" if found.open else "")
    return Table(f"codelist-{name}", title, ("代码", "名称", "又称"), rows, (12, 40, 40))


def codelist_annex(names: list[str]) -> Annex:
    """Return 附录A: the codelists ``names``, a table each."""
    lead = Paragraph(
        "本附录给出各要素取值所依据的代码表。文件中填写代码，也可填写名称或“又称”一栏所列的写法；"
        "标明“开放”的代码表也可填写表外的值。"
    )
    return Annex("codelists", "代码表", True, (lead, *(codelist_table(n) for n in names)))


def example_annex(kind_id: str, what: str) -> Annex:
    """Return 附录B: the shipped example of ``kind_id`` filled in, section by section."""
    kind = kinds.get(kind_id)
    data = examples.load_data(kind_id)
    specs = {spec.name: spec for spec in fields_of(kind.document)}
    clauses = []
    for title, names in kind.sections:
        filled = [(specs[n], data[n]) for n in names if data.get(n) not in (None, "", [], ())]
        if filled:
            clauses.append(Clause(title, tuple(b for s, v in filled for b in _example(s, v))))
    lead = Paragraph(f"本附录给出按本文件编写的{what}示例。")
    return Annex("example", f"{what}示例", False, (lead,), tuple(clauses))


#: More columns than this do not fit an A4 page: such a table is printed turned, an entry a column.
_WIDEST = 7


def _example(spec: FieldSpec, value: Any) -> tuple[Paragraph | Table, ...]:
    """A list of entries with elements of their own (申请材料, 审查环节) as a table; the rest as
    “名称：值”."""
    title = spec.element.title
    if spec.model is None or spec.item_shape != "object" or not isinstance(value, list):
        return (Paragraph(f"{title}：{value_words(spec, value)}"),)
    entries = [entry for entry in value if isinstance(entry, dict)]
    used = {key for entry in entries for key in entry}
    columns = [child for child in fields_of(spec.model) if child.name in used]
    cells = [[value_words(c, entry.get(c.name, "")) for c in columns] for entry in entries]
    label = f"example-{spec.name}"
    if len(columns) < _WIDEST:
        headers = ("序号", *(child.element.title for child in columns))
        rows = tuple((str(n), *row) for n, row in enumerate(cells, start=1))
    else:
        headers = ("要素", *(f"第 {n} 项" for n in range(1, len(entries) + 1)))
        rows = tuple(
            (child.element.title, *(row[i] for row in cells)) for i, child in enumerate(columns)
        )
    first = 7 if headers[0] == "序号" else 16  # a number, or an element's name
    widths = (first, *(20 for _ in headers[1:]))
    lead = Paragraph(f"{title}见〔表:{label}〕。")
    return lead, Table(label, title, headers, rows, widths)


def value_words(spec: FieldSpec, value: Any, shape: str | None = None) -> str:
    """Return a value as a reader reads it: codes by their names, 是/否, nested elements titled."""
    shape = shape or spec.shape
    if isinstance(value, list):
        return "；".join(
            f"（{n}）{value_words(spec, entry, spec.item_shape)}"
            for n, entry in enumerate(value, start=1)
        )
    if isinstance(value, dict) and spec.model is not None and "unit" in value and "amount" in value:
        return time_text(value)  # a 时限, as the Word guide says it: “20 个工作日”
    if isinstance(value, dict) and spec.model is not None:
        inner = {child.name: child for child in fields_of(spec.model)}
        return "，".join(
            f"{inner[k].element.title}为{value_words(inner[k], v)}"
            for k, v in value.items()
            if k in inner
        )
    if shape == "bool" or isinstance(value, bool):
        return "是" if value else "否"
    if spec.element.codelist and isinstance(value, str):
        return codelists.get(spec.element.codelist).label(value)
    return str(value)
