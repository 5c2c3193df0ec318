"""One meaning in every schema language: JSON Schema (ajv, as ECMAScript reads its patterns), the
XSD (libxml2 through lxml) and banzhang's own schema layer give the same verdict on the bundled
examples changed in the ways that trip schema languages up — blank and white-space-only text
(U+3000 included), codes, dates, lengths counted in characters, limits.

Where they differ on purpose, the test asserts the difference and docs/decisions.md says why.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from lxml import etree

from banzhang import examples, kinds
from banzhang.declare import fields_of
from banzhang.formats import xml
from banzhang.validation import ERROR, iter_findings
from tests.conftest import ROOT

SCHEMA_DIR = ROOT / "schemas"
AJV = ROOT / "tools" / "ajv"

Change = Callable[[dict[str, Any]], None]


def _item(field: str, value: Any) -> Change:
    return lambda data: data["items"][0].__setitem__(field, value)


def _top(field: str, value: Any) -> Change:
    return lambda data: data.__setitem__(field, value)


def _basis_title(value: str) -> Change:
    return lambda data: data["items"][0]["basis"][0].__setitem__("title", value)


def _agency_name(value: str) -> Change:
    return lambda data: data["items"][0]["agency"].__setitem__("name", value)


#: (name, kind, change, valid?) — the one verdict all three must give.
MUTATIONS: list[tuple[str, str, Change, bool]] = [
    ("unchanged", "power-list", lambda data: None, True),
    ("empty name", "power-list", _item("name", ""), False),
    ("spaces as name", "power-list", _item("name", "   "), False),
    ("ideographic space as name", "power-list", _item("name", "\u3000"), False),
    (
        "ideographic spaces around a name",
        "power-list",
        _item("name", "\u3000食品生产许可\u3000"),
        True,
    ),
    ("no-break spaces as name", "power-list", _item("name", "\u00a0\u00a0"), False),
    ("byte order mark as name", "power-list", _item("name", "\ufeff"), False),
    ("next-line as name", "power-list", _item("name", "\u0085"), False),
    ("tab and newline as name", "power-list", _item("name", "\t\n"), False),
    ("line separator as name", "power-list", _item("name", "\u2028"), False),
    ("Mongolian script as name", "power-list", _item("name", "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ"), True),
    ("name missing", "power-list", lambda data: data["items"][0].pop("name"), False),
    ("unknown 事项类型", "power-list", _item("power_type", "99"), False),
    ("empty 事项类型", "power-list", _item("power_type", ""), False),
    ("padded 事项类型", "power-list", _item("power_type", " 01"), False),
    ("事项类型 by its title", "power-list", _item("power_type", "行政许可"), False),
    ("unknown region", "power-list", _top("region", "159999"), False),
    ("unknown 行使层级", "power-list", _top("level", "8"), False),
    ("bad 基本编码", "power-list", _item("basic_code", "00011704700Z"), False),
    ("no 设定依据", "power-list", _item("basis", []), False),
    ("文件名称 without 书名号", "power-list", _basis_title("中华人民共和国行政许可法"), False),
    (
        "文件名称 with a line break",
        "power-list",
        _basis_title("《中华人民共和国\n行政许可法》"),
        False,
    ),
    ("文件名称 with a carriage return", "power-list", _basis_title("《行政许可法\r》"), False),
    ("文件名称 with a line separator", "power-list", _basis_title("《行政许可法\u2028》"), False),
    (
        "文件名称 with text after",
        "power-list",
        _basis_title("《中华人民共和国行政许可法》第三条"),
        True,
    ),
    ("30 February", "power-list", _top("effective_date", "2026-02-30"), False),
    ("29 February of a leap year", "power-list", _top("effective_date", "2028-02-29"), True),
    ("year 0000", "power-list", _top("effective_date", "0000-01-01"), False),
    ("year 9999", "power-list", _top("effective_date", "9999-12-31"), True),
    ("month 13", "power-list", _top("effective_date", "2026-13-01"), False),
    ("date with a time zone", "power-list", _top("effective_date", "2026-01-01Z"), False),
    ("date in full-width digits", "power-list", _top("effective_date", "２０２６-01-01"), False),
    ("zero-width space as name", "power-list", _item("name", "\u200b"), False),
    ("Mongolian vowel separator as name", "power-list", _item("name", "\u180e"), False),
    ("name with a zero-width joiner", "power-list", _item("name", "ᠮᠣᠩᠭᠣᠯ\u200d"), True),
    ("date without leading zeros", "power-list", _top("effective_date", "2026-1-1"), False),
    ("date and time", "power-list", _top("effective_date", "2026-01-01T00:00:00"), False),
    ("机构名称 of 200 characters", "power-list", _agency_name("局" * 200), True),
    ("机构名称 of 201 characters", "power-list", _agency_name("局" * 201), False),
    ("机构名称 of 200 astral characters", "power-list", _agency_name("\U00020000" * 200), True),
    ("机构名称 of 201 astral characters", "power-list", _agency_name("\U00020000" * 201), False),
    ("bad 规范版本", "power-list", _top("spec_version", "1"), False),
    ("no visit", "service-guide", _top("onsite_visits", 0), True),
    ("negative visits", "service-guide", _top("onsite_visits", -1), False),
    ("unknown 办件类型", "service-guide", _top("case_type", "5"), False),
    ("ideographic space as 受理条件", "service-guide", _top("conditions", ["\u3000"]), False),
]


def _required_texts() -> list[tuple[str, str, Change, bool]]:
    """Every required free-text element of every kind's envelope and first item, made one
    full-width space: each must be refused by all three."""
    found: list[tuple[str, str, Change, bool]] = []
    for kind in kinds.all_kinds():
        models = [(kind.document, _top)] + ([(kind.item, _item)] if kind.item else [])
        for model, setter in models:
            for spec in fields_of(model):
                element = spec.element
                free_text = not element.codelist and element.code != "region"
                if spec.shape == "str" and spec.required and free_text and spec.name != "kind":
                    name = f"{kind.id} {model.__name__}.{spec.name} a full-width space"
                    found.append((name, kind.id, setter(spec.name, "\u3000"), False))
    return found


MUTATIONS += _required_texts()


def _mutated(kind: str, change: Change) -> dict[str, Any]:
    data = examples.load_data(kind)
    change(data)
    return data


@pytest.fixture(scope="module")
def ajv_verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bool]:
    """ajv's verdict on every mutation, from one run of tools/ajv/check.mjs."""
    folder = tmp_path_factory.mktemp("mutations")
    files = {}
    for index, (name, kind, change, _valid) in enumerate(MUTATIONS):
        files[name] = folder / f"{index}.json"
        files[name].write_text(json.dumps(_mutated(kind, change), ensure_ascii=False), "utf-8")
    node = shutil.which("node")
    assert node, "node is needed for the ajv interop test (make test installs it)"
    assert (AJV / "node_modules" / "ajv").exists(), "run: npm install --prefix tools/ajv"
    command = [node, str(AJV / "check.mjs"), str(SCHEMA_DIR), *map(str, files.values())]
    report = json.loads(subprocess.run(command, capture_output=True, check=True).stdout)
    return {name: report["documents"][str(path)]["valid"] for name, path in files.items()}


@pytest.fixture(scope="module")
def xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "banzhang.xsd")))


def _xsd_valid(schema: etree.XMLSchema, data: dict[str, Any]) -> bool:
    buffer = io.BytesIO()
    xml.dump(data, buffer)  # JSON-shaped data is written as it is, valid or not
    return bool(schema.validate(etree.fromstring(buffer.getvalue())))


def _banzhang_valid(data: Any) -> bool:
    findings = iter_findings(data, layers=("schema",))
    return not [finding for finding in findings if finding.severity == ERROR]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_json_schema_xsd_and_banzhang_agree(
    mutation: tuple[str, str, Change, bool],
    ajv_verdicts: dict[str, bool],
    xsd: etree.XMLSchema,
) -> None:
    """Each schema language gives the verdict banzhang gives."""
    name, kind, change, valid = mutation
    data = _mutated(kind, change)
    verdicts = {
        "JSON Schema": ajv_verdicts[name],
        "XSD": _xsd_valid(xsd, data),
        "banzhang": _banzhang_valid(data),
    }
    assert verdicts == dict.fromkeys(verdicts, valid)


def test_white_space_around_a_date_is_layout_in_xml(xsd: etree.XMLSchema) -> None:
    """Deliberate difference (docs/decisions.md): in JSON a padded date is a wrong string; in
    XML white space around a date is layout, collapsed by xs:date and by banzhang's reader."""
    data = _mutated("power-list", _top("effective_date", " 2026-01-01\n"))
    assert not _banzhang_valid(data)
    assert _xsd_valid(xsd, data)
    buffer = io.BytesIO()
    xml.dump(data, buffer)
    buffer.seek(0)
    read = xml.load_data(buffer)
    assert read["effective_date"] == "2026-01-01"
    assert _banzhang_valid(read)


def test_element_order_is_the_xsds_alone(xsd: etree.XMLSchema) -> None:
    """Deliberate difference (docs/decisions.md): the XSD's xs:sequence fixes the order of
    elements; banzhang reads elements by name, in any order, into the same document."""
    buffer = io.BytesIO()
    xml.dump(examples.load("power-list"), buffer)
    root = etree.fromstring(buffer.getvalue())
    region, level = root[2], root[3]
    assert (etree.QName(region).localname, etree.QName(level).localname) == ("region", "level")
    root.insert(2, level)  # now <level> before <region>
    assert not xsd.validate(root)
    reordered = xml.load_data(io.BytesIO(etree.tostring(root)))
    assert reordered == examples.load_data("power-list")
    assert _banzhang_valid(reordered)
