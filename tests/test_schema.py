"""JSON Schema: generated from the declarations, committed, valid, and agreed on by ajv."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from banzhang import SPEC_VERSION, examples, kinds
from banzhang.generate import schema
from banzhang.validation import iter_findings
from tests.conftest import ROOT, fixture_files, read_json

SCHEMA_DIR = ROOT / "schemas"
AJV = ROOT / "tools" / "ajv"


def test_committed_schemas_match_the_declarations() -> None:
    """Drift: regenerating the schemas in memory gives exactly the committed files."""
    generated = schema.generated_files()
    committed = {path.name: path.read_text("utf-8") for path in SCHEMA_DIR.glob("*.schema.json")}
    assert committed == generated, "schemas/ is stale: run make generate"


@pytest.mark.parametrize("name", sorted(schema.generated_files()))
def test_schema_is_valid_against_the_meta_schema(name: str) -> None:
    """Every schema is a valid draft 2020-12 schema."""
    jsonschema.Draft202012Validator.check_schema(json.loads(schema.generated_files()[name]))


def test_schemas_are_shipped_in_the_package() -> None:
    """``schema.load`` reads the committed schema through importlib.resources."""
    loaded = schema.load("service-guide")
    assert loaded["$id"] == f"urn:banzhang:schema:{SPEC_VERSION}:service-guide"
    assert loaded["additionalProperties"] is False


def test_schema_carries_chinese_names_codelists_and_code_patterns() -> None:
    """Chinese names lead the descriptions, titles name types, codelists are named definitions
    whose codes carry their Chinese titles, codes have patterns, no network refs."""
    power = schema.schema_for("power-list")
    item = power["$defs"]["PowerItem"]
    assert (item["title"], item["description"]) == (
        "PowerItem",
        "权责清单事项：一项行政权力及其责任事项",
    )
    assert "title" not in item["properties"]["name"]
    assert item["properties"]["name"]["description"] == "事项名称"
    assert item["properties"]["power_type"]["allOf"] == [{"$ref": "#/$defs/PowerTypeCode"}]
    first = power["$defs"]["PowerTypeCode"]["oneOf"][0]
    assert first == {
        "const": "01",
        "title": "PowerTypeAdministrativeLicensing",
        "description": "行政许可",
    }
    assert "00Y" in item["properties"]["basic_code"]["pattern"]
    refs = [v for v in json.dumps(power).split('"') if v.startswith(("http", "#/"))]
    assert all(ref.startswith("#/") or ref == schema.DIALECT for ref in refs)


def test_jsonschema_accepts_every_example() -> None:
    """The plain jsonschema validator accepts each bundled example."""
    for kind in kinds.all_kinds():
        validator = jsonschema.Draft202012Validator(
            schema.load(kind.id), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        assert list(validator.iter_errors(examples.load_data(kind.id))) == []


def _ajv(documents: list[Path]) -> dict[str, dict[str, object]]:
    node = shutil.which("node")
    assert node is not None, "node is needed for the ajv interop test (make test installs it)"
    assert (AJV / "node_modules" / "ajv").exists(), "run: npm install --prefix tools/ajv"
    result = subprocess.run(
        [node, str(AJV / "check.mjs"), str(SCHEMA_DIR), *map(str, documents)],
        capture_output=True,
        text=True,
        check=True,
    )
    report: dict[str, dict[str, object]] = json.loads(result.stdout)
    return report


def test_ajv_compiles_every_schema_in_strict_mode() -> None:
    """ajv (draft 2020-12, strict) compiles every committed schema."""
    report = _ajv([])
    assert report["schemas"] == {name: {"compiled": True} for name in schema.generated_files()}


def test_ajv_and_banzhang_agree_on_every_fixture() -> None:
    """Differential: ajv's verdict equals banzhang's schema layer on every fixture document."""
    documents = [p for p in fixture_files("valid") + fixture_files("invalid") if _known_kind(p)]
    verdicts = _ajv(documents)["documents"]
    disagreements = []
    for path in documents:
        ours = not list(iter_findings(read_json(path), layers=("schema",)))
        theirs = verdicts[str(path)]
        if ours != theirs["valid"]:  # type: ignore[index]
            disagreements.append((path.name, ours, theirs))
    assert disagreements == []


def _known_kind(path: Path) -> bool:
    return read_json(path).get("kind") in {kind.id for kind in kinds.all_kinds()}
