"""A Java platform takes banzhang's XML: the JDK validates against all ten XSDs loaded together,
xjc generates the classes of the whole set, and JAXB reads and writes a document with them.

The JDK and Debian's ``jaxb`` (JAXB 2.3, ``javax.xml.bind``) are installed by
``tools/ensure-system-tools.sh``; the Java programs the tests compile live in ``tools/java``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from banzhang import codelists, examples, kinds
from banzhang.formats import xml
from tests.conftest import ROOT

SCHEMA_DIR = ROOT / "schemas"
JAVA_DIR = ROOT / "tools" / "java"
KIND_XSDS = [str(SCHEMA_DIR / f"{kind.id}.xsd") for kind in kinds.all_kinds()]
# Debian's jaxb: the javax.xml.bind API and its runtime (whose manifest names the rest).
JAXB_CLASSPATH = "/usr/share/java/jaxb-api.jar:/usr/share/java/jaxb-runtime.jar"


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is needed: apt-get install default-jdk-headless jaxb (make test does)"
    return found


def _run(*command: str) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def example_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every bundled example, written as XML by banzhang."""
    folder = tmp_path_factory.mktemp("examples")
    files = {}
    for kind in kinds.all_kinds():
        files[kind.id] = folder / f"{kind.id}.xml"
        xml.dump(examples.load(kind.id), files[kind.id])
    return files


@pytest.fixture(scope="module")
def validator(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ValidateAll compiled by javac; returns its class directory."""
    classes = tmp_path_factory.mktemp("validator")
    _run(
        _tool("javac"), "-encoding", "UTF-8", "-d", str(classes), str(JAVA_DIR / "ValidateAll.java")
    )
    return classes


def _validate(classes: Path, schemas: list[str], documents: list[Path]) -> dict[str, str]:
    output = _run(
        _tool("java"), "-cp", str(classes), "ValidateAll", *schemas, "--", *map(str, documents)
    )
    verdicts = {}
    for line in output.splitlines():
        verdict, _, rest = line.partition(" ")
        file, _, message = rest.partition(": ")
        verdicts[Path(file).stem] = f"{verdict} {message}".strip()
    return verdicts


@pytest.mark.parametrize("order", ["declared", "reversed"])
def test_jdk_validates_every_example_against_all_ten_xsds_together(
    validator: Path, example_files: dict[str, Path], order: str
) -> None:
    """One Schema from all ten kind XSDs (Spring's way) validates every kind, in any load order."""
    schemas = KIND_XSDS if order == "declared" else KIND_XSDS[::-1]
    verdicts = _validate(validator, schemas, list(example_files.values()))
    assert verdicts == dict.fromkeys(example_files, "valid")


def test_jdk_refuses_a_code_outside_the_codelist(
    validator: Path, example_files: dict[str, Path], tmp_path: Path
) -> None:
    """The same Schema is no rubber stamp: a 事项类型 outside the codelist is invalid."""
    text = example_files["power-list"].read_text("utf-8")
    bad = tmp_path / "bad-power-list.xml"
    bad.write_text(
        text.replace("<power_type>01</power_type>", "<power_type>99</power_type>", 1), "utf-8"
    )
    assert bad.read_text("utf-8") != text
    verdict = _validate(validator, KIND_XSDS, [bad])["bad-power-list"]
    assert verdict.startswith("invalid cvc-enumeration-valid: Value '99'"), verdict


@pytest.fixture(scope="module")
def jaxb_classes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """xjc over the ten kind XSDs in one run, then javac over its output and RoundTrip.java."""
    sources = tmp_path_factory.mktemp("xjc")
    classes = tmp_path_factory.mktemp("jaxb")
    _run(
        _tool("xjc"),
        "-nv",
        "-quiet",
        "-encoding",
        "UTF-8",
        "-p",
        "banzhang.jaxb",
        "-d",
        str(sources),
        *KIND_XSDS,
    )
    java_files = [str(path) for path in sources.rglob("*.java")]
    _run(
        _tool("javac"),
        "-encoding",
        "UTF-8",
        "-cp",
        JAXB_CLASSPATH,
        "-d",
        str(classes),
        *java_files,
        str(JAVA_DIR / "RoundTrip.java"),
    )
    return sources / "banzhang" / "jaxb", classes


def test_xjc_makes_one_class_per_type_and_enums_of_codelists(
    jaxb_classes: tuple[Path, Path],
) -> None:
    """Every model once, every closed codelist a Java enum; the Chinese names are in the Javadoc."""
    sources, _classes = jaxb_classes
    names = {path.stem for path in sources.glob("*.java")}
    assert {kind.document.__name__ for kind in kinds.all_kinds()} <= names
    assert {"Agency", "LegalBasis", "Responsibility", "PowerTypeCode", "RegionCode"} <= names
    power_type = (sources / "PowerTypeCode.java").read_text("utf-8")
    assert "public enum PowerTypeCode" in power_type
    assert re.search(
        r"\* 行政许可\s+\*\s+\*/\s+@XmlEnumValue\(\"01\"\)\s+ADMINISTRATIVE_LICENSING", power_type
    )
    item = (sources / "PowerItem.java").read_text("utf-8")
    assert re.search(
        r"\* 事项名称\s+\*\s+\* @return[^{]+\{@link String \}\s+\*\s+\*/\s+public String getName",
        item,
    )
    assert "protected PowerTypeCode powerType;" in item


def test_jaxb_round_trip_of_an_example(
    jaxb_classes: tuple[Path, Path], example_files: dict[str, Path], tmp_path: Path
) -> None:
    """JAXB unmarshals the power list (validating), its 事项类型 is an enum, and marshals it back,
    as XML banzhang reads into the same document."""
    _sources, classes = jaxb_classes
    back = tmp_path / "back.xml"
    printed = _run(
        _tool("java"),
        "-cp",
        f"{classes}:{JAXB_CLASSPATH}",
        "RoundTrip",
        str(SCHEMA_DIR / "banzhang.xsd"),
        str(example_files["power-list"]),
        str(back),
    )
    power_list = examples.load("power-list")
    first_type = power_list.items[0].power_type
    title_en = next(
        entry.title_en for entry in codelists.get("power_type") if entry.code == first_type
    )
    assert printed.split() == [title_en.upper().replace(" ", "_"), first_type]
    assert xml.load(back) == power_list
