"""Streams: ten times the items does not take ten times the memory, writing or reading."""

from __future__ import annotations

import random
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banzhang import convert, synthetic
from banzhang.errors import UnreadableInput
from banzhang.formats import ListFile, excel, for_path, xml


def _peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _write(module: ModuleType, items: int, target: Path) -> None:
    envelope = synthetic.power_list(0, seed=1)
    department = envelope["department"]
    generated = (
        synthetic.power_item(index, random.Random(index), department)  # noqa: S311 - test data
        for index in range(items)
    )
    module.iter_dump("power-list", envelope, generated, target)


def _read(module: ModuleType, source: Path) -> int:
    if module is excel:  # the streaming path: small plain workbooks are read whole, and fast
        return sum(1 for _ in excel.iter_load_data(source, limits=STREAMING).items)
    return sum(1 for _ in module.iter_load_data(source).items)


STREAMING = excel.Limits(whole_sheets_bytes=0)


@pytest.mark.parametrize(
    ("module", "suffix", "small"), [(excel, ".xlsx", 150), (xml, ".xml", 500)], ids=["excel", "xml"]
)
def test_memory_stays_flat(module: ModuleType, suffix: str, small: int, tmp_path: Path) -> None:
    """Peak memory for 10× the items stays under 3× that for 1×, writing and reading."""
    little, large = tmp_path / f"small{suffix}", tmp_path / f"large{suffix}"
    write_small = _peak(lambda: _write(module, small, little))
    write_large = _peak(lambda: _write(module, small * 10, large))
    read_small = _peak(lambda: _read(module, little))
    read_large = _peak(lambda: _read(module, large))
    assert _read(module, large) == small * 10
    assert write_large < 3 * write_small, (write_small, write_large)
    assert read_large < 3 * read_small, (read_small, read_large)


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".xlsx", ".xml"])
def test_list_file_reads_items_afresh_each_time(suffix: str, tmp_path: Path) -> None:
    """A ListFile gives its envelope at once and the same items every time they are asked for."""
    document = synthetic.power_list(7, seed=2)
    path = tmp_path / f"list{suffix}"
    for_path(path).iter_dump("power-list", convert.from_data(document), document["items"], path)
    found = ListFile(path)
    assert found.kind == "power-list"
    assert found.envelope["region"] == document["region"]
    assert "items" not in found.envelope
    first = [item["basic_code"] for item in found.items]
    assert first == [item["basic_code"] for item in found.items]
    assert first == [item["basic_code"] for item in document["items"]]
    assert repr(found) == f"ListFile({str(path)!r})"


def test_list_file_of_unknown_format_is_unreadable(tmp_path: Path) -> None:
    """Opening a file no format reads is an UnreadableInput, as for every reader."""
    (tmp_path / "list.csv").write_text("a,b\n", "utf-8")
    with pytest.raises(UnreadableInput):
        ListFile(tmp_path / "list.csv")


def test_a_plain_workbook_read_whole_is_read_as_when_streamed(tmp_path: Path) -> None:
    """The fast path (calamine, whole sheets) and the streaming path give the same items and
    the same findings, cells included."""
    from banzhang import examples  # noqa: PLC0415 - this test only
    from tests.messy_workbooks import department_power_list  # noqa: PLC0415

    paths = []
    for kind in examples.names():
        path = tmp_path / f"{kind}.xlsx"
        excel.dump(examples.load(kind), path)
        paths.append(path)
    department = tmp_path / "department.xlsx"
    department_power_list(department)  # its formula sends it down the streaming path anyway
    for path in [*paths, department]:
        assert excel.load_data(path) == excel.load_data(path, limits=STREAMING), path.name
        fast = list(excel.iter_findings(path))
        assert fast == list(excel.iter_findings(path, limits=STREAMING)), path.name


def test_formulas_with_their_saved_values_are_read_whole() -> None:
    """A spreadsheet program saves each formula's value: such a workbook (the department's list
    as LibreOffice saved it, ``=CONCATENATE("a","b")`` in 备注) is read whole, as streamed."""
    from banzhang.formats.sheets._safety import PackageScan, inspect_package  # noqa: PLC0415
    from tests.messy_workbooks import EXPECTED_ITEMS  # noqa: PLC0415 - this test only

    path = Path(__file__).parent / "fixtures" / "workbooks" / "department.xlsx"
    assert inspect_package(path, path.name, excel.Limits()) == PackageScan(False, plain=True)
    data = excel.load_data(path)
    assert data == excel.load_data(path, limits=STREAMING)
    (computed,) = [item for item in data["items"] if item["basic_code"] == "000217032000"]
    assert computed["remark"] == "ab"
    assert len(data["items"]) == len(EXPECTED_ITEMS)
    assert list(excel.iter_findings(path)) == list(excel.iter_findings(path, limits=STREAMING))


@pytest.mark.parametrize(
    "cell",
    [
        '<c r="B2"><f>ROW()</f></c>',  # written by a program that does not calculate
        '<c r="B2" t="str"><f>A2</f><v></v></c>',  # a value saved empty
        '<c r="A2"><f>1</f></c><c r="B2"><v>3</v></c>',  # the next cell's value
    ],
    ids=["no-value", "empty-value", "value-of-another-cell"],
)
def test_a_formula_without_its_value_is_streamed(cell: str, tmp_path: Path) -> None:
    """Only the streaming reader names a formula without a value (calamine would read it as
    an empty cell); a row of nothing else is named too, not passed over as blank."""
    from banzhang.formats.sheets._safety import PackageScan, inspect_package  # noqa: PLC0415

    path = tmp_path / "formula.xlsx"
    header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    _one_sheet_package(path, f'{header}<row r="2">{cell}</row>', ["基本编码", "事项名称"])
    assert inspect_package(path, path.name, excel.Limits()) == PackageScan(True, plain=False)
    found = {(f.rule, f.source) for f in excel.iter_findings(path)}
    missing = "权责清单!A2" if cell.startswith('<c r="A2"') else "权责清单!B2"
    assert ("excel.formula-without-value", missing) in found


def _one_sheet_package(target: Path, sheet_data: str, strings: list[str]) -> None:
    """A minimal .xlsx of one sheet (权责清单) with the given rows and shared strings."""
    import zipfile  # noqa: PLC0415 - this helper only

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    entries = "".join(f"<si><t>{text}</t></si>" for text in strings)
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml"'
            f' ContentType="{office}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml"'
            f' ContentType="{office}.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{package}"><Relationship Id="rId1"'
            f' Type="{relations}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{relations}"><sheets>'
            '<sheet name="权责清单" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{package}"><Relationship Id="rId1"'
            f' Type="{relations}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{relations}/sharedStrings"'
            ' Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/sharedStrings.xml": f'<sst xmlns="{main}">{entries}</sst>',
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><sheetData>{sheet_data}</sheetData></worksheet>'
        ),
    }
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, text in parts.items():
            out.writestr(name, text)


def test_a_workbook_whose_cells_would_fill_memory_is_streamed(tmp_path: Path) -> None:
    """calamine copies a shared string into every cell that refers to it, and holds a sheet's
    whole rectangle: 30,000 cells naming one 30 KB string (900 MB), or two cells at opposite
    corners of a sheet, would exhaust memory read whole. A 1 MB file must not do that: the
    package scan estimates it and sends it down the streaming path."""
    from banzhang.formats.sheets._safety import inspect_package  # noqa: PLC0415

    header = '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c></row>'
    copies = tmp_path / "copies.xlsx"
    rows = "".join(f'<row r="{n}"><c r="B{n}" t="s"><v>0</v></c></row>' for n in range(2, 30_002))
    _one_sheet_package(copies, header + rows, ["字" * 10_000, "基本编码", "事项名称"])
    corners = tmp_path / "corners.xlsx"
    far = '<row r="1048576"><c r="XFD1048576" t="s"><v>0</v></c></row>'
    _one_sheet_package(corners, header + far, ["x", "基本编码", "事项名称"])
    for path in (copies, corners):
        assert not inspect_package(path, path.name, excel.Limits()).plain, path.name
    # Each cell is counted with its own string: one long text among short ones is no reason
    # to stream (an Excel-written list has a few long 依据 among many short names).
    mixed = tmp_path / "mixed.xlsx"
    rows = "".join(f'<row r="{n}"><c r="B{n}" t="s"><v>3</v></c></row>' for n in range(2, 30_002))
    _one_sheet_package(mixed, header + rows, ["字" * 10_000, "基本编码", "事项名称", "许可"])
    assert inspect_package(mixed, "mixed", excel.Limits()).plain
    assert inspect_package(copies, "copies", excel.Limits(whole_memory_bytes=2**40)).plain
    items = excel.load_data(copies)["items"]  # streamed: flat memory, every row read
    assert len(items) == 30_000
    assert items[0]["name"] == "字" * 10_000


def test_rows_and_columns_before_the_first_cell_keep_their_places(tmp_path: Path) -> None:
    """A sheet whose first cell is C3 is read whole with its cells where they are: findings
    name the same cells as when streamed."""
    path = tmp_path / "offset.xlsx"
    cells = (
        '<row r="3"><c r="C3" t="s"><v>0</v></c><c r="D3" t="s"><v>1</v></c></row>'
        '<row r="4"><c r="C4" t="s"><v>2</v></c><c r="D4" t="s"><v>3</v></c></row>'
    )
    _one_sheet_package(path, cells, ["基本编码", "事项名称", "0001", "食品经营许可"])
    assert excel.load_data(path) == excel.load_data(path, limits=STREAMING)
    fast = [(f.rule, f.source) for f in excel.iter_findings(path)]
    assert fast == [(f.rule, f.source) for f in excel.iter_findings(path, limits=STREAMING)]
    assert any(source and source.startswith("权责清单!") for _, source in fast)


def test_the_rectangle_a_sheet_spans_counts_its_outlying_cells() -> None:
    """The estimate of a sheet read whole reaches its widest column and deepest row, wherever
    the cell that holds them stands (calamine holds the whole rectangle)."""
    from banzhang.formats.sheets._safety import _plain_shape  # noqa: PLC0415

    def sheet(*cells: tuple[str, str]) -> bytes:
        rows = "".join(f'<row r="{n}"><c r="{ref}"><v>1</v></c></row>' for n, ref in cells)
        return f"<worksheet><sheetData>{rows}</sheetData></worksheet>".encode()

    assert _plain_shape(sheet(("1", "A1"), ("5", "B5"))) == (9, 26)
    assert _plain_shape(sheet(("1", "A1"), ("5", "AB5"))) == (9, 28)
    assert _plain_shape(sheet(("1", "A1"), ("5", "XFD5"))) == (9, 16_384)
    # A cell whose own reference lies far below its row element
    assert _plain_shape(sheet(("1", "A1"), ("2", "C123456"))) == (123_456, 26)
    assert _plain_shape(sheet(("1", "A1"), ("2", "AC123456"))) == (123_456, 29)
    assert _plain_shape(sheet(("1", "A1"), ("2", "C1048577"))) is None


def test_formulas_are_checked_for_values_in_one_pass() -> None:
    """Every formula of a cell is served by the cell's one value, wherever it stands after
    them: a hostile cell of 100,000 formulas is checked in one pass (searching from each formula
    to the cell's end would take half a minute)."""
    from banzhang.formats.sheets._safety import _formula_without_value  # noqa: PLC0415

    many = b"<f>1</f>" * 100_000
    assert not _formula_without_value(b'<c r="A1">' + many + b"<v>1</v></c>")
    assert _formula_without_value(b'<c r="A1"><v>1</v>' + many + b"</c>")
    assert _formula_without_value(b'<c r="A1">' + many + b"</c><c><v>1</v></c>")
    two = b'<c r="A1"><f>1</f><v>1</v></c><c r="A2"><f>2</f></c><c r="A3"><v>3</v></c>'
    assert _formula_without_value(two)
    assert not _formula_without_value(two.replace(b"<f>2</f>", b"<f>2</f><v>2</v>"))
    assert _formula_without_value(b'<c r="A1"><f>1</f>')  # a cell cut off


@given(
    st.lists(
        st.sampled_from([b"f", b"<", b":", b"row", b" ", b">", b"/", b"x", b"\xe4"]), max_size=60
    ),
    st.integers(min_value=0, max_value=3),
)
def test_a_pattern_found_by_its_rare_byte_is_found_as_by_a_search(
    pieces: list[bytes], most: int
) -> None:
    """The scan looks for ``<f``, ``:f`` and ``:row`` through their rare byte: the answer is the
    pattern's own search, also past the most occurrences it looks at one by one."""
    import re  # noqa: PLC0415 - this test only

    from banzhang.formats.sheets import _safety  # noqa: PLC0415

    sheet = b"".join(pieces)
    searches = [
        (b"f", 1, re.compile(rb"<f[ >/]")),
        (b":", 0, re.compile(rb":f")),
        (b":", 0, re.compile(rb":row")),
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_safety, "_MOST_RARE_HITS", most)
        for rare, before, pattern in searches:
            found = _safety._found_by_rare_byte(sheet, rare, before, pattern)
            assert found == (pattern.search(sheet) is not None), (sheet, pattern)


def _renamed_basis_with_error(target: Path) -> None:
    """banzhang's 权责清单 workbook with its 设定依据 sheet stored as ``xl/worksheets/basis.xml``
    (named by an absolute target) and the first basis's 文件名称 an error value."""
    import io  # noqa: PLC0415 - this helper only
    import re  # noqa: PLC0415
    import zipfile  # noqa: PLC0415

    from banzhang import examples  # noqa: PLC0415

    buffer = io.BytesIO()
    excel.dump(examples.load("power-list"), buffer)
    renames = {
        "xl/worksheets/sheet4.xml": "xl/worksheets/basis.xml",
        "xl/worksheets/_rels/sheet4.xml.rels": "xl/worksheets/_rels/basis.xml.rels",
    }
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(target, "w") as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet4.xml":
                data = re.sub(
                    rb'<c r="B4"[^>]*><is><t>[^<]*</t></is></c>',
                    b'<c r="B4" t="e"><f>A1/0</f><v>#REF!</v></c>',
                    data,
                )
            elif name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
                data = data.replace(b'"worksheets/sheet4.xml"', b'"/xl/worksheets/basis.xml"')
                data = data.replace(b'"/xl/worksheets/sheet4.xml"', b'"/xl/worksheets/basis.xml"')
            out.writestr(renames.get(name, name), data)


def test_error_values_are_read_whole_in_their_places(tmp_path: Path) -> None:
    """calamine reads an error value as an empty cell: the package scan places each one (by
    the sheet's name, however its part is named) and the whole read reports it as streaming
    does — the same items and findings, cells included."""
    from banzhang.formats.sheets._safety import inspect_package  # noqa: PLC0415

    path = tmp_path / "errors.xlsx"
    _renamed_basis_with_error(path)
    scan = inspect_package(path, path.name, excel.Limits())
    assert scan.plain
    assert scan.errors == {"设定依据": {4: {1: "#REF!"}}}
    assert excel.load_data(path) == excel.load_data(path, limits=STREAMING)
    found = list(excel.iter_findings(path))
    assert found == list(excel.iter_findings(path, limits=STREAMING))
    assert ("excel.error-cell", "设定依据!B4") in {(f.rule, f.source) for f in found}


@pytest.mark.parametrize(
    "cell",
    [
        '<c t="e"><v>#N/A</v></c>',  # no reference: its place is only known by parsing
        '<c r="B2" t="e"/>',  # no value
        '<c r="B2" t="e"><v>#N/A&amp;</v></c>',  # a value to unescape
    ],
    ids=["no-reference", "no-value", "escaped"],
)
def test_an_error_value_the_scan_cannot_place_is_streamed(cell: str, tmp_path: Path) -> None:
    """Error cells the scan cannot place exactly leave the sheet to the streaming reader."""
    from banzhang.formats.sheets._safety import inspect_package  # noqa: PLC0415

    path = tmp_path / "error.xlsx"
    header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    row = f'<row r="2"><c r="A2" t="s"><v>2</v></c>{cell}</row>'
    _one_sheet_package(path, header + row, ["基本编码", "事项名称", "000117047000"])
    assert not inspect_package(path, path.name, excel.Limits()).plain
    (error,) = [f for f in excel.iter_findings(path) if f.rule == "excel.error-cell"]
    assert error.source == "权责清单!B2"
    assert "None" not in error.message


def test_a_headerless_column_is_found_in_a_row_wider_than_the_first(tmp_path: Path) -> None:
    """A sheet without a ``<dimension>`` streams rows of their own widths: content in a column
    without a header is reported however far down its first wide row is."""
    path = tmp_path / "wide.xlsx"
    header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    rows = (
        '<row r="2"><c r="A2" t="s"><v>2</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="D3" t="s"><v>3</v></c></row>'
    )
    _one_sheet_package(path, header + rows, ["基本编码", "事项名称", "000117047000", "备忘"])
    for limits in (excel.Limits(), STREAMING):
        found = {(f.rule, f.source) for f in excel.iter_findings(path, limits=limits)}
        assert ("excel.headerless-column", "权责清单!D3") in found


def test_a_row_holding_only_an_error_without_its_value_is_not_blank(tmp_path: Path) -> None:
    """A cell marked as an error with no value saved is content: reported, not skipped."""
    path = tmp_path / "error.xlsx"
    header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    row = '<row r="2"><c r="B2" t="e"/></row>'
    _one_sheet_package(path, header + row, ["基本编码", "事项名称"])
    found = {(f.rule, f.source) for f in excel.iter_findings(path)}
    assert ("excel.error-cell", "权责清单!B2") in found


def test_own_rows_as_calamine_gives_them_read_as_when_streamed(tmp_path: Path) -> None:
    """banzhang's own sheets read whole reach the reader as calamine gives their rows (an
    empty cell ``""``, every number a float): numbers typed over text, a 序号 typed as text, as
    a fraction or left out, a number in a column without a header, a row of spaces — the
    items and the findings, their values and places, are those of the streamed read."""
    from openpyxl import load_workbook  # noqa: PLC0415 - this test only

    from banzhang import examples  # noqa: PLC0415
    from banzhang.formats.sheets import _safety  # noqa: PLC0415

    path = tmp_path / "typed.xlsx"
    excel.dump(examples.load("power-list"), path)
    book = load_workbook(path)
    main = book["权责清单"]
    main.cell(row=4, column=3, value=150200)  # a number over the first item's name
    main.cell(row=4, column=main.max_column + 2, value=7.0)
    main.append([" "] * 3)
    duties = book["责任事项"]
    duties.cell(row=4, column=1, value="2")  # the 序号 as text
    duties.append([2.5, "序号是小数"])
    duties.append([None, "没有序号"])
    duties.append([2**60, "序号超出整数"])
    book.save(path)
    assert _safety.inspect_package(path, path.name, excel.Limits()).plain
    streamed = list(excel.iter_findings(path, limits=STREAMING))
    assert excel.load_data(path) == excel.load_data(path, limits=STREAMING)
    assert list(excel.iter_findings(path)) == streamed
    rules = {finding.rule for finding in streamed}
    assert {"excel.headerless-column", "excel.linked-row"} <= rules
    assert any("序号“2.5”" in finding.message for finding in streamed)
    assert any("第 18 行没有填写序号" in finding.message for finding in streamed)
    assert not any("None" in finding.message for finding in streamed)


def _marked_power_list(path: Path) -> None:
    """The example 权责清单 with something to report in the main sheet's rows (a column without
    a header, in the first item's row and the last's) and in a linked sheet (a column not of
    the list, a column without a header in a later item's row, a row of no item)."""
    from openpyxl import load_workbook  # noqa: PLC0415 - this helper only

    from banzhang import examples  # noqa: PLC0415

    excel.dump(examples.load("power-list"), path)
    book = load_workbook(path)
    main = book["权责清单"]
    width = main.max_column
    main.cell(row=4, column=width + 2, value="备忘")
    main.cell(row=main.max_row, column=width + 3, value="备忘")
    duties = book["责任事项"]
    width = duties.max_column
    duties.cell(row=2, column=width + 1, value="经办人")  # in the header
    duties.cell(row=duties.max_row, column=width + 3, value="旁注")
    duties.append([99, "无主的责任事项"])
    book.save(path)


def test_items_gathered_while_linked_sheets_parse_read_as_when_streamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the linked sheets are still parsing in the background, the reader goes on with the
    main sheet's items: the items and the findings, in their order, are those of the streamed
    read however long the parse takes."""
    import time  # noqa: PLC0415 - this test only

    from banzhang.formats.sheets import _safety, _whole  # noqa: PLC0415
    from banzhang.formats.tables import _reader  # noqa: PLC0415

    path = tmp_path / "marked.xlsx"
    _marked_power_list(path)
    assert _safety.inspect_package(path, path.name, excel.Limits()).plain
    streamed = (
        excel.load_data(path, limits=STREAMING),
        list(excel.iter_findings(path, limits=STREAMING)),
    )
    rules = {finding.rule for finding in streamed[1]}
    assert {"excel.headerless-column", "excel.extra-column", "excel.linked-row"} <= rules

    parse = _whole.SheetParser._parse

    def slowly(parser: _whole.SheetParser, title: str) -> object:
        if title in ("子项", "设定依据", "责任事项", "追责依据"):
            time.sleep(0.05)
        return parse(parser, title)

    assert (excel.load_data(path), list(excel.iter_findings(path))) == streamed
    monkeypatch.setattr(_whole.SheetParser, "_parse", slowly)
    assert (excel.load_data(path), list(excel.iter_findings(path))) == streamed
    monkeypatch.setattr(_reader, "_MOST_AHEAD", 2)  # the items waiting are bounded
    assert (excel.load_data(path), list(excel.iter_findings(path))) == streamed


def test_a_linked_sheet_is_taken_from_while_a_later_one_still_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The items gathered ahead take their entries a linked sheet at a time: the entries of
    设定依据 reach them while 责任事项, after it, is still parsing (its parse waits until they
    do, ten seconds at most), and the read is the same as ever."""
    import threading  # noqa: PLC0415 - this test only

    from banzhang.formats.sheets import _whole  # noqa: PLC0415
    from banzhang.formats.tables import _items  # noqa: PLC0415

    path = tmp_path / "list.xlsx"
    excel.dump(convert.from_data(synthetic.power_list(300, seed=5)), path)  # 责任事项 parsed last
    expected = excel.load_data(path, limits=STREAMING)
    taken_from_earlier = threading.Event()
    waited_in_vain: list[bool] = []
    parse, take = _whole.SheetParser._parse, _items.LinkedCursor.take

    def after_earlier_taken(parser: _whole.SheetParser, title: str) -> object:
        if title == "责任事项":
            waited_in_vain.append(not taken_from_earlier.wait(10))
        return parse(parser, title)

    def noted(cursor: _items.LinkedCursor, *args: Any) -> Any:
        if cursor.table.sheet == "设定依据":
            taken_from_earlier.set()
        return take(cursor, *args)

    assert _parser_thread_ends()
    monkeypatch.setattr(_whole.SheetParser, "_parse", after_earlier_taken)
    monkeypatch.setattr(_items.LinkedCursor, "take", noted)
    assert excel.load_data(path) == expected
    assert waited_in_vain == [False]


def test_sheets_parse_in_the_background_each_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser takes sheets in the order submitted, a sheet asked for first goes next, none
    is parsed twice, and no thread is left running once the queue is empty."""
    from banzhang.formats.sheets import _whole  # noqa: PLC0415

    path = Path(__file__).parent / "fixtures" / "workbooks" / "department.xlsx"
    parsed = _count_parses(monkeypatch)
    book = _whole.WholeBook.open(path, path.name)
    first = book.sheetnames[0]
    rows = list(book[first].values())
    assert rows
    assert rows == list(book[first].values())
    for title in book.sheetnames:
        list(book[title].values())
        assert book[title].parsed
    assert sorted(parsed) == sorted(book.sheetnames)
    assert _parser_thread_ends()


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the sheets parsed from now on, in order (once no parser of an earlier
    read is still finishing its queue)."""
    from banzhang.formats.sheets import _whole  # noqa: PLC0415 - this helper only

    assert _parser_thread_ends()
    parsed: list[str] = []
    parse = _whole.SheetParser._parse

    def counted(parser: _whole.SheetParser, title: str) -> object:
        parsed.append(title)
        return parse(parser, title)

    monkeypatch.setattr(_whole.SheetParser, "_parse", counted)
    return parsed


def _parser_thread_ends() -> bool:
    """Whether the background parser's thread ends within ten seconds (at once, usually: a
    slow machine may still be finishing an earlier test's parse)."""
    import threading  # noqa: PLC0415 - this helper only

    for _ in range(1000):
        if not any(thread.name == "banzhang-calamine" for thread in threading.enumerate()):
            return True
        threading.Event().wait(0.01)
    return False


def test_a_sheet_calamine_cannot_parse_is_unreadable_where_it_is_read(tmp_path: Path) -> None:
    """What calamine raises on the background thread reaches the reader, as UnreadableInput
    naming the sheet."""
    path = tmp_path / "broken.xlsx"
    header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    _one_sheet_package(
        path, header + '<row r="2"><c r="A2" t="s"><v>9</v></c></row>', ["基本编码", "事项名称"]
    )
    with pytest.raises(UnreadableInput, match="权责清单"):
        excel.load_data(path)


def test_a_workbook_found_not_plain_late_is_streamed_and_its_parse_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sheets cleared by the scan start parsing at once; when a later sheet sends the workbook
    down the streaming path, nothing more is parsed and the streamed read is what is returned."""
    from openpyxl import load_workbook  # noqa: PLC0415 - this test only

    from banzhang.formats.sheets import _safety, _whole  # noqa: PLC0415

    path = tmp_path / "late.xlsx"
    _marked_power_list(path)
    book = load_workbook(path)
    book["追责依据"]["A5"] = "=ROW()"  # openpyxl saves no value: a formula without its value
    book.save(path)
    parsed = _count_parses(monkeypatch)
    ahead = _whole.Ahead(path, path.name)
    scan = _safety.inspect_package(path, path.name, excel.Limits(), ahead)
    assert scan.formulas
    assert not scan.plain
    ahead.cancel()
    assert _parser_thread_ends()
    # Only sheets scanned before the formula's were parsed (this example's are all small).
    assert set(parsed) <= {"清单信息", "权责清单", "子项", "设定依据", "责任事项"}
    found = {(f.rule, f.source) for f in excel.iter_findings(path)}
    assert ("excel.formula-without-value", "追责依据!A5") in found
