"""A corpus of hostile inputs every CLI verb must survive (exit 0, 1 or 2; no traceback).

``python -m tests.hostile FOLDER`` writes it out (about 120 small files) to try by hand.

Each entry is a file name and its bytes, built from the bundled examples; ``write_corpus``
puts them in a folder. The shapes come from adversarial reviews (#18): wrong types where a list
belongs, numbers too big to convert, duplicate keys, DTDs hidden behind comments, foreign
namespaces, corrupt workbooks, row numbers in the billions.
"""

from __future__ import annotations

import copy
import io
import json
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import banzhang
from banzhang import SPEC_VERSION, examples
from banzhang.formats.sheets._biff import workbook_stream

_DTD = b"<!DOCTYPE a [<!ENTITY b 'c'>]>"


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _with(kind: str, change: Callable[[dict[str, Any]], None]) -> bytes:
    data = copy.deepcopy(examples.load_data(kind))
    change(data)
    return _json(data)


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.__setitem__(key, value)


def _material(**change: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: data["materials"][0].update(change)


def _json_entries() -> dict[str, bytes]:
    power = json.dumps(examples.load_data("power-list"), ensure_ascii=False)
    guide = json.dumps(examples.load_data("service-guide"), ensure_ascii=False)
    entries = {
        f"items-{name}.json": _with("power-list", _set("items", value))
        for name, value in (("null", None), ("true", True), ("number", 5), ("text", "x"))
    }
    entries |= {
        "items-object.json": _with("power-list", _set("items", {})),
        "items-not-objects.json": _with("power-list", _set("items", [1, "x", None, [1]])),
        "kind-number.json": _with("power-list", _set("kind", 5)),
        "kind-unknown.json": _with("power-list", _set("kind", "清单")),
        "region-array.json": _with("power-list", _set("region", ["150000"])),
        "text-uffff.json": _with(
            "power-list", lambda d: d["items"][0].__setitem__("name", "甲\uffff")
        ),
        "text-formula-control.json": _with(
            "power-list", lambda d: d["items"][0].__setitem__("name", "=\b")
        ),
        "guide-with-items.json": _with("service-guide", _set("items", [1])),
        # Wrong types deep down (found by mutation): validation and convert raised.
        "forms-holding-a-list.json": _with(
            "service-guide", _material(shareable=True, forms=[["原件"]])
        ),
        "time-limit-unit-an-object.json": _with(
            "service-guide", _set("legal_time_limit", {"amount": 20, "unit": {"a": 1}})
        ),
        "time-limit-a-list.json": _with("service-guide", _set("legal_time_limit", [1])),
        "nul-in-a-guide.json": _with("service-guide", _set("name", "食品\x00生产许可")),
        "nul-in-the-spec-version.json": _with("power-list", _set("spec_version", "1.\x002")),
        "modes-a-number.json": _with(
            "service-mode-list", lambda d: d["items"][0].__setitem__("modes", 5)
        ),
        "integer-5000-digits.json": (power[:-1] + ', "x": ' + "9" * 5000 + "}").encode(),
        "amount-400-digits.json": guide.replace(
            '"amount": 20', '"amount": ' + "9" * 400, 1
        ).encode(),
        "amount-1e308.json": guide.replace('"amount": 20', '"amount": 1e308', 1).encode(),
        "amount-decimal.json": guide.replace('"amount": 20', '"amount": 20.5', 1).encode(),
        "duplicate-kind.json": ('{"kind": "fee-list", ' + power[1:]).encode(),
        "nested-deep.json": b"[" * 100_000 + b"]" * 100_000,
        "empty.json": b"",
        "not-json.json": bytes(range(256)),
        "nan.json": power.replace(f'"{SPEC_VERSION}"', "NaN", 1).encode(),
        "top-level-array.json": b"[1, 2, 3]",
        "utf16.json": power.encode("utf-16"),
        "bad-second-line.jsonl": b'{"kind": "power-list"}\n{bad\n',
        "null-envelope.jsonl": b"null\n",
        "junk-items.jsonl": _json({k: v for k, v in json.loads(power).items() if k != "items"})
        + b"\nnull\n5\n[]\n",
        # Half a character: valid JSON, no Unicode text; every writer failed on it (a traceback).
        "lone-surrogate.json": power.replace(
            '"spec_version"', '"x": "\\ud800", "spec_version"', 1
        ).encode(),
        "items-on-the-envelope-line.jsonl": power.encode() + b"\n",
        "lines-after-a-guide.jsonl": guide.encode() + b'\n{"name": "x"}\n',
    }
    return entries


def _xml_entries() -> dict[str, bytes]:
    buffer = io.BytesIO()
    banzhang.dump(examples.load("power-list"), buffer, format="xml")
    text = buffer.getvalue()
    declaration, _, body = text.partition(b"?>")
    head = declaration + b"?>"
    return {
        "dtd-behind-comment.xml": head + b"<!-- <x -->" + _DTD + body,
        "comment-with-element.xml": head + b"<!-- <b> -->" + body,
        "utf16.xml": text.decode().replace("utf-8", "UTF-16").encode("utf-16"),
        "attributes-and-text.xml": text.replace(b"<items>", b"stray<items foo='bar'>", 1),
        "foreign-namespace.xml": text.replace(b"urn:banzhang:xml:", b"urn:evil:", 1),
        "unknown-element-under-root.xml": text.replace(
            b"<items>", "<附加收费>500 元</附加收费><items>".encode(), 1
        ),
        "second-namespace-same-key.xml": text.replace(
            b"<items>", b'<e:region xmlns:e="urn:evil">999999</e:region><items>', 1
        ),
        "cut-in-half.xml": text[: len(text) // 2],
        "integer-5000-digits.xml": text.replace(
            b"<onsite_visits>", b"<onsite_visits>" + b"9" * 5000, 1
        ),
        "billion-laughs.xml": b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY l "l"><!ENTITY l2 '
        b'"&l;&l;&l;&l;">]><power-list>&l2;</power-list>',
        "empty.xml": b"",
        "not-xml.xml": b"\x00\x01 not xml",
    }


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _patched(workbook: bytes, member: str, change: Callable[[bytes], bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(workbook)) as package:
        members = {name: package.read(name) for name in package.namelist()}
    members[member] = change(members[member])
    return _zip(members)


def _minimal_workbook(sheet: bytes, shared: bytes, table: bytes = b"") -> bytes:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006"
    return _zip(
        {
            "[Content_Types].xml": (
                f'<Types xmlns="{package}/content-types">'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Default Extension="rels" '
                'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Override PartName="/xl/workbook.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
            ).encode(),
            "_rels/.rels": (
                f'<Relationships xmlns="{package}/relationships"><Relationship Id="r1" '
                f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
            ).encode(),
            "xl/workbook.xml": (
                f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                '<sheet name="权责清单" sheetId="1" r:id="r1"/></sheets></workbook>'
            ).encode(),
            "xl/_rels/workbook.xml.rels": (
                f'<Relationships xmlns="{package}/relationships">'
                f'<Relationship Id="r1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                f'<Relationship Id="r2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
                "</Relationships>"
            ).encode(),
            "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>'.encode()
            + sheet
            + b"</sheetData></worksheet>",
            "xl/sharedStrings.xml": f'<sst xmlns="{main}"'.encode()
            + table
            + b">"
            + shared
            + b"</sst>",
        }
    )


def _excel_entries() -> dict[str, bytes]:
    buffer = io.BytesIO()
    banzhang.dump(examples.load("power-list"), buffer, format="excel")
    book = buffer.getvalue()
    header = (
        b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        b'<c r="C1" t="s"><v>2</v></c></row>'
    )
    shared = "<si><t>序号</t></si><si><t>事项名称</t></si><si><t>基本编码</t></si>".encode()
    row = b'<row r="%s"><c r="A%s"><v>1</v></c><c r="B%s" t="s"><v>%s</v></c></row>'
    return {
        "row-two-billion.xlsx": _minimal_workbook(
            header + row % (b"2000000000", b"2000000000", b"2000000000", b"1"), shared
        ),
        "rows-out-of-order.xlsx": _minimal_workbook(
            header + row % (b"3", b"3", b"3", b"1") + row % (b"2", b"2", b"2", b"1"), shared
        ),
        # 100,000 formulas in one cell, its one value after them (0.8 MB, under the ratio
        # check): the package scan must not search from each formula to the cell's end.
        "formulas-in-one-cell.xlsx": _minimal_workbook(
            header
            + b'<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="str">'
            + b"<f>1</f>" * 100_000
            + b"<v>x</v></c></row>",
            shared,
        ),
        "shared-string-out-of-range.xlsx": _minimal_workbook(
            header + row % (b"2", b"2", b"2", b"99999"), shared
        ),
        **{
            f"shared-string-index-{label}.xlsx": _minimal_workbook(
                header + row % (b"2", b"2", b"2", index), shared
            )
            for label, index in (
                ("minus-one", b"-1"),
                ("letters", b"abc"),
                ("fraction", b"0.5"),
                ("1e23", b"1" + b"0" * 23),
            )
        },
        # calamine reserves the count the table claims: two billion entries abort the process.
        "shared-strings-claim-two-billion.xlsx": _minimal_workbook(
            header, shared, b' count="2000000000" uniqueCount="2000000000"'
        ),
        # A 31-letter column wraps calamine's arithmetic into a 200 GB rectangle (SIGABRT).
        "column-of-31-letters.xlsx": _minimal_workbook(
            header + b'<row r="2"><c r="' + b"A" * 31 + b'2"><v>1</v></c></row>', shared
        ),
        "column-past-xfd.xlsx": _minimal_workbook(
            header + b'<row r="2"><c r="XFE2"><v>1</v></c></row>', shared
        ),
        # calamine reads lower-case references too: the far corner makes a 512 GB rectangle.
        "lower-case-far-corner.xlsx": _minimal_workbook(
            header + b'<row r="2"><c r="xfd1048576"><v>1</v></c></row>', shared
        ),
        "empty-shared-string-value.xlsx": _minimal_workbook(
            header + b'<row r="2"><c r="A2"><f>1+1</f></c><c r="B2" t="s"><v></v></c></row>',
            shared,
        ),
        "dtd-behind-comment.xlsx": _patched(
            book, "xl/workbook.xml", lambda data: b"<!-- <x -->" + _DTD + data
        ),
        **_broken_zips(book, b"xl/worksheets/sheet1.xml", ".xlsx"),
        "not-a-zip.xlsx": b"PK\x03\x04 garbage",
        # Found by mutation: a zip version no reader knows (NotImplementedError escaped), and
        # broken XML in a streamed sheet read to find the kind (openpyxl's ParseError).
        "unknown-encoding-in-the-workbook-part.xlsx": _patched(
            book,
            "xl/workbook.xml",
            lambda text: b'<?xml version="1.0" encoding="UTF9-8"?>' + text.partition(b"?>")[2],
        ),
        "zip-version-unknown.xlsx": _rewritten(
            book,
            lambda b, at: b[: at + 6] + b"\x4d\x00" + b[at + 8 :],
            directory=True,
            member=b"xl/worksheets/sheet1.xml",
        ),
        "broken-xml-where-the-kind-is-looked-for.xlsx": _patched(
            _minimal_workbook(
                b'<row r="1"><c r="A1"><f>1</f></c></row><row r="2"><c r="A2" \x01/></row>', shared
            ),
            "xl/workbook.xml",
            lambda text: text.replace("权责清单".encode(), b"Sheet1"),
        ),
        # A member's name flagged UTF-8 but not UTF-8 (found by mutation): zipfile raised.
        "member-name-not-utf8.xlsx": _zip(
            {"[Content_Types].xml": b"<Types/>", "xl/\u00fc.xml": b"<a/>"}
        ).replace("\u00fc".encode(), b"\xd1A"),
        "empty.xlsx": b"",
        "zip-without-workbook.xlsx": _zip({"hello.txt": b"hello"}),
    }


def _csv_entries() -> dict[str, bytes]:
    return {
        "empty.csv": b"",
        "not-text.csv": bytes(range(128, 256)),
        "unbalanced-quote.csv": '序号,事项名称\n1,"食品生产许可\n'.encode(),
        "no-header.csv": "1,2,3\n4,5,6\n".encode("gb18030"),
        "formula.csv": "序号,事项名称,基本编码\n1,=1+1,000117047000\n".encode(),
        "control-characters.csv": "序号,事项名称\n1,食品\x00生产\x01许可\uffff\n".encode(),
        "blank-lines.csv": "序号,事项名称\n".encode() + b"\n" * 300_000 + "1,许可\n".encode(),
        "wider-than-a-sheet.csv": b",".join([b"a"] * 20_000) + b"\n",
    }


_DEPARTMENT = Path(__file__).parent / "fixtures" / "workbooks"


def _spreadsheet_entries() -> dict[str, bytes]:
    xls = (_DEPARTMENT / "department.xls").read_bytes()
    ods = (_DEPARTMENT / "department.ods").read_bytes()
    return {
        "empty.xls": b"",
        "text-named.xls": "序号,事项名称\n1,食品生产许可\n".encode(),
        "cut-in-half.xls": xls[: len(xls) // 2],
        "cut-in-half.ods": ods[: len(ods) // 2],
        "dtd.ods": _patched(ods, "content.xml", lambda text: _DTD + text.partition(b"?>")[2]),
        **_broken_zips(ods, b"content.xml", ".ods"),
        # Found by mutation: a member flagged as encrypted (zipfile's RuntimeError escaped).
        "member-encrypted.ods": _rewritten(
            ods, lambda b, at: b[: at + 8] + bytes([b[at + 8] | 1]) + b[at + 9 :],
            directory=True, member=b"styles.xml",
        ),
        "bomb.ods": _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                          "content.xml": b"<a>" + b" " * (40 * 1024 * 1024) + b"</a>"}),
        # calamine reserves a sheet's DIMENSIONS before reading it: both abort the process.
        "dimension-four-billion-rows.xls": _dimensions(xls, 0, 0xFFFFFFFF, 0, 0xFF),
        "dimension-inverted.xls": _dimensions(xls, 100, 2, 0, 13),
        "compound-file-broken.xls": xls[:512] + b"\xff" * (len(xls) - 512),
        "fat-of-four-billion-sectors.xls": _at(xls, 44, struct.pack("<I", 0xFFFFFFFF)),
        # A cell record retyped as merged cells claiming more ranges than it holds: calamine
        # panics (its message and backtrace on stderr) unless a child process meets it first.
        "merged-cells-cut-short.xls": _retyped_cell(xls, row=3, kind=0x00E5),
        # A sheet said to start past the stream's end (found by mutation): calamine panicked.
        "sheet-past-the-stream.xls": _sheet_at(xls, 0x7FFFFFFF),
        # A cell at column 53,506 (found by mutation): the reader's column letters failed.
        "cell-past-column-iv.xls": _cell_column(xls, 53_505),
        "row-repeated-a-million-times.ods": _patched(ods, "content.xml", _repeat_a_row),
        "cell-repeated-16000-times.ods": _patched(ods, "content.xml", _repeat_a_cell),
    }  # fmt: skip


def _at(data: bytes, offset: int, replacement: bytes) -> bytes:
    return data[:offset] + replacement + data[offset + len(replacement) :]


def _sheet_at(xls: bytes, offset: int) -> bytes:
    """The .xls with its BOUNDSHEET record pointing the sheet at ``offset`` of the stream."""
    stream = workbook_stream(xls, "department.xls")
    at = stream.index(b"\x85\x00")
    record = stream[at : at + 8]
    assert xls.count(record) == 1
    return xls.replace(record, record[:4] + struct.pack("<I", offset))


def _retyped_cell(xls: bytes, *, row: int, kind: int) -> bytes:
    """The .xls with the first shared-string cell of ``row`` (from 0) given another record type."""
    stream = workbook_stream(xls, "department.xls")
    at = struct.unpack_from("<I", stream, stream.index(b"\x85\x00") + 4)[0]
    while struct.unpack_from("<HH", stream, at) != (0x00FD, 10) or stream[at + 4] != row:
        at += 4 + struct.unpack_from("<H", stream, at + 2)[0]
    record = stream[at : at + 14]
    assert xls.count(record) == 1
    return xls.replace(record, struct.pack("<H", kind) + record[2:])


def _cell_column(xls: bytes, column: int) -> bytes:
    """The .xls with its first shared-string cell (LABELSST) moved to ``column``."""
    stream = workbook_stream(xls, "department.xls")
    sheet = stream.index(b"\x85\x00")  # the BOUNDSHEET record: where the sheet's records start
    at = struct.unpack_from("<I", stream, sheet + 4)[0]
    while struct.unpack_from("<H", stream, at)[0] != 0x00FD:
        at += 4 + struct.unpack_from("<H", stream, at + 2)[0]
    record = stream[at : at + 14]
    assert xls.count(record) == 1
    return xls.replace(record, record[:6] + struct.pack("<H", column) + record[8:])


#: The DIMENSIONS record of tests/fixtures/workbooks/department.xls (rows 0–8, columns 0–13).
_DEPARTMENT_DIMENSIONS = bytes.fromhex("00020e00000000000800000000000d000000")


def _dimensions(xls: bytes, first_row: int, end_row: int, first_column: int, end: int) -> bytes:
    """The .xls with its sheet's DIMENSIONS record claiming other rows and columns."""
    record = _DEPARTMENT_DIMENSIONS[:4] + struct.pack(
        "<IIHHH", first_row, end_row, first_column, end, 0
    )
    assert xls.count(_DEPARTMENT_DIMENSIONS) == 1
    return xls.replace(_DEPARTMENT_DIMENSIONS, record)


_ODS_ROW = b'<table:table-row table:style-name="ro1">'


def _repeat_a_row(content: bytes) -> bytes:
    """The third row of the sheet (one with values), a million times over."""
    third = [found.start() for found in re.finditer(re.escape(_ODS_ROW), content)][2]
    repeated = _ODS_ROW[:-1] + b' table:number-rows-repeated="1000000">'
    return content[:third] + repeated + content[third + len(_ODS_ROW) :]


def _repeat_a_cell(content: bytes) -> bytes:
    """A row of one text cell repeated 16,000 times, itself repeated 100,000 times."""
    at = content.index(_ODS_ROW)
    row = (
        b'<table:table-row table:number-rows-repeated="100000"><table:table-cell '
        b'office:value-type="string" table:number-columns-repeated="16000"><text:p>x</text:p>'
        b"</table:table-cell></table:table-row>"
    )
    return content[:at] + row + content[at:]


def _word_entries() -> dict[str, bytes]:
    buffer = io.BytesIO()
    banzhang.dump(examples.load("service-guide"), buffer, format="docx")
    guide = buffer.getvalue()
    document = "word/document.xml"
    return {
        "text-named.docx": "一、事项名称\n食品生产许可".encode(),
        "cut-in-half.docx": guide[: len(guide) // 2],
        "dtd.docx": _patched(guide, document, lambda text: _DTD + text.partition(b"?>")[2]),
        # The DTD past the first 4 KB, behind a long comment: the prolog is read to the root.
        "dtd-behind-long-comment.docx": _patched(
            guide,
            document,
            lambda text: b"<!--" + b"x" * 8000 + b"-->" + _DTD + text.partition(b"?>")[2],
        ),
        "no-title.docx": _zip({"[Content_Types].xml": b"<Types/>"}),
        # python-docx builds one cell per spanned column: two billion of them.
        "grid-span-two-billion.docx": _patched(guide, document, _span(b"2000000000")),
        "grid-span-letters.docx": _patched(guide, document, _span(b"abc")),
        # 30 MB of zeros in 30 KB: past the ratio limit (the whole package was read before).
        "ratio-bomb.docx": _with_member(guide, "word/media/zeros.bin", bytes(30 * 1024 * 1024)),
        "duplicate-relationship.docx": _patched(
            guide, "word/_rels/document.xml.rels", _duplicate_relationship
        ),
        **_broken_zips(guide, b"word/document.xml", ".docx"),
        **{
            f"unseen-{what}.docx": _patched(guide, document, _hidden(wrapped))
            for what, wrapped in _HIDDEN.items()
        },
    }


def _span(value: bytes) -> Callable[[bytes], bytes]:
    """The document with its first table cell spanning ``value`` columns."""
    return lambda text: text.replace(
        b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="' + value + b'"/>', 1
    )


def _with_member(package: bytes, name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(package)) as opened:
        members = {member: opened.read(member) for member in opened.namelist()}
    return _zip({**members, name: data})


def _duplicate_relationship(rels: bytes) -> bytes:
    first = rels.index(b"<Relationship ")
    end = rels.index(b"/>", first) + 2
    return rels[:end] + rels[first:end] + rels[end:]


#: What to wrap a paragraph's text in (its run is ``{}``), by the name of the file.
_HIDDEN = {
    "content-control": b"<w:sdt><w:sdtContent><w:p>{}</w:p></w:sdtContent></w:sdt>",
    "custom-xml": b'<w:customXml w:element="x"><w:p>{}</w:p></w:customXml>',
    "tracked-insertion": b'<w:p><w:ins w:id="1" w:author="a">{}</w:ins></w:p>',
    "text-box": b"<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p>{}</w:p>"
    b"</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>",
    "alt-chunk": b'<w:altChunk r:id="rId99"/>',
}


def _hidden(wrapped: bytes) -> Callable[[bytes], bytes]:
    """The document with a paragraph charging an extra fee in ``wrapped``, at its end."""
    run = "<w:r><w:t>另收取加急费 500 元</w:t></w:r>".encode()
    block = wrapped.replace(b"{}", run)
    return lambda text: at_body_end(text, block)


def at_body_end(text: bytes, block: bytes) -> bytes:
    """The document with ``block`` last in its body, before the body's own section properties
    (a landscape section's properties stand earlier, inside a paragraph)."""
    head, _, tail = text.rpartition(b"<w:sectPr")
    return head + block + b"<w:sectPr" + tail


def _rewritten(
    package: bytes,
    change: Callable[[bytes, int], bytes],
    *,
    directory: bool = False,
    member: bytes = b"word/document.xml",
) -> bytes:
    """The package with ``change`` applied to its bytes at ``member``'s local header (or its
    entry in the central directory, which zipfile believes first)."""
    signature, name_at = (b"PK\x01\x02", 46) if directory else (b"PK\x03\x04", 30)
    at = package.index(signature)
    while package[at + name_at : at + name_at + len(member)] != member:
        at = package.index(signature, at + 4)
    return change(package, at)


def _broken_zips(package: bytes, member: bytes, suffix: str) -> dict[str, bytes]:
    """The package broken four ways at ``member``: its data, its CRC, its header's name, its
    compression method."""
    where = len(member)
    return {
        f"zip-bad-data{suffix}": _rewritten(
            package, lambda b, at: _flip(b, at + 30 + where + 20), member=member
        ),
        f"zip-bad-crc{suffix}": _rewritten(
            package, lambda b, at: _flip(b, at + 16), directory=True, member=member
        ),
        f"zip-header-name{suffix}": _rewritten(
            package, lambda b, at: _flip(b, at + 30 + 5), member=member
        ),
        f"zip-compression-method{suffix}": _rewritten(
            package, lambda b, at: _flip(b, at + 10), directory=True, member=member
        ),
    }


def _flip(package: bytes, offset: int) -> bytes:
    return package[:offset] + bytes([package[offset] ^ 0xFF]) + package[offset + 1 :]


def corpus() -> dict[str, bytes]:
    """Every hostile file, by name."""
    return {
        **_json_entries(),
        **_xml_entries(),
        **_excel_entries(),
        **_csv_entries(),
        **_spreadsheet_entries(),
        **_word_entries(),
    }


def write_corpus(folder: Path) -> list[Path]:
    """Write the corpus into ``folder`` and return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in corpus().items():
        path = folder / name
        path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":  # python -m tests.hostile FOLDER: the corpus as files, to try by hand
    import sys

    for written in write_corpus(Path(sys.argv[1])):
        print(written)
