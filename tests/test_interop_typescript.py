"""Code generators take banzhang's JSON Schemas: json-schema-to-typescript names every type after
its definition (``PowerList``, ``Agency``, ``PowerTypeCode``) with the Chinese names in the doc
comments, and tsc --strict compiles a file that uses them (``tools/typescript/usage.ts``).

Both tools are pinned in ``tools/typescript/package.json``; ``make test`` installs them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCHEMA_DIR = ROOT / "schemas"
TOOLS = ROOT / "tools" / "typescript"
BIN = TOOLS / "node_modules" / ".bin"


def _run(*command: str) -> str:
    assert shutil.which("node"), "node is needed (make test installs the node tools)"
    assert (BIN / "json2ts").exists(), "run: npm install --prefix tools/typescript (make test does)"
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """json-schema-to-typescript over every committed schema, as its command line runs (asked to
    declare definitions no property uses too, for common.schema.json's catalogue)."""
    folder = tmp_path_factory.mktemp("typescript")
    _run(
        str(BIN / "json2ts"),
        "--unreachableDefinitions",
        "-i",
        f"{SCHEMA_DIR}/*.schema.json",
        "-o",
        str(folder),
    )
    return folder


def _declared(text: str) -> list[str]:
    return re.findall(r"^export (?:interface|type) (\w+)", text, re.MULTILINE)


@pytest.mark.parametrize("schema", sorted(SCHEMA_DIR.glob("*.schema.json")), ids=lambda p: p.stem)
def test_every_type_is_named_after_its_definition(generated: Path, schema: Path) -> None:
    """Each definition gives one type of its own name: no NoName, no copies like Agency1."""
    loaded = json.loads(schema.read_text("utf-8"))
    names = _declared((generated / f"{schema.stem}.d.ts").read_text("utf-8"))
    definitions = [loaded["title"], *loaded["$defs"]]
    codes = [
        c["title"] for d in loaded["$defs"].values() for c in d.get("oneOf", []) if "title" in c
    ]
    assert sorted(names) == sorted(set(definitions) | set(codes))


def test_doc_comments_carry_the_chinese_names(generated: Path) -> None:
    """Interfaces, properties and code values are documented by their Chinese names."""
    text = (generated / "power-list.schema.d.ts").read_text("utf-8")
    assert re.search(
        r"/\*\*\n \* 权责清单（power-list）：[^\n]*\n \*/\nexport interface PowerList", text
    )
    assert re.search(r"/\*\*\n   \* 事项名称\n   \*/\n  name: string;", text)
    assert re.search(
        r"/\*\*\n \* 行政许可\n \*/\nexport type PowerTypeAdministrativeLicensing = \"01\";", text
    )
    assert re.search(r"/\*\*\n   \* 事项类型\n   \*/\n  power_type: PowerTypeCode;", text)


def test_tsc_compiles_a_file_using_the_types(generated: Path) -> None:
    """tsc --strict accepts the usage file, including its expectation that a code outside the
    codelist is a type error."""
    shutil.copy(TOOLS / "usage.ts", generated / "usage.ts")
    _run(
        str(BIN / "tsc"),
        "--strict",
        "--noEmit",
        "--target",
        "es2022",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        str(generated / "usage.ts"),
    )
