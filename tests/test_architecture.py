"""The layout keeps knowledge flowing one way, up the floors (docs/architecture.md)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import banzhang
from banzhang import kinds
from banzhang.declare import fields_of, model_info
from banzhang.formats import Format, docx, excel, for_path, spreadsheet, xml
from banzhang.formats import csv as csv_format
from banzhang.formats import json as json_format

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "banzhang"
SCHEMAS = PACKAGE / "schemas"

#: The floors, lowest first. A module may import its own floor and the floors below, never above.
FLOORS: tuple[tuple[str, ...], ...] = (
    (
        "_version",
        "_tsv",
        "_memo",
        "_access",
        "_atomic",
        "_reasons",
        "_collector",
        "_numerals",
        "_normalise",
        "errors",
    ),
    ("_data", "schemas"),
    ("codelists", "codes", "declare"),
    ("models", "kinds"),
    ("documents",),
    ("validation", "convert"),
    ("formats",),
    ("crosslist", "examples", "synthetic"),
    ("generate", "render"),
    # The review desk (Django, the ``desk`` extra) stands beside the command line, which starts
    # it; it uses the library below, never the command line's verbs.
    ("cli", "__main__", "desk"),
)
_FLOOR_OF = {name: height for height, names in enumerate(FLOORS) for name in names}


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str:
    while name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _imports(path: Path) -> set[str]:
    """Every banzhang module ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("banzhang"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in MODULES else _resolve(node.module))
        elif isinstance(node, ast.Import):
            found.update(_resolve(a.name) for a in node.names if a.name.startswith("banzhang"))
    return found


GRAPH = {name: _imports(path) - {name} for name, path in MODULES.items()}


def _top(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def test_every_module_stands_on_a_floor() -> None:
    """Each top-level module or package of banzhang is placed on a floor."""
    tops = {_top(name) for name in MODULES} - {"banzhang"}
    assert tops <= set(_FLOOR_OF), f"place these in FLOORS: {sorted(tops - set(_FLOOR_OF))}"


def test_no_import_runs_up_a_floor() -> None:
    """No module imports a module of a higher floor (lazy imports included)."""
    upward = [
        f"{name} → {target}"
        for name, targets in GRAPH.items()
        if name != "banzhang"  # the package's flat surface re-exports from every floor
        for target in targets
        if target != "banzhang" and _FLOOR_OF[_top(target)] > _FLOOR_OF[_top(name)]
    ]
    assert upward == []


def test_no_import_circle() -> None:
    """No module reaches itself through its imports."""
    circles = []
    for start, targets in GRAPH.items():
        seen: set[str] = set()
        stack = [*targets]
        while stack:
            current = stack.pop()
            if current == start:
                circles.append(start)
                break
            if current not in seen:
                seen.add(current)
                stack.extend(GRAPH.get(current, ()))
    assert circles == []


def _private_owner(module: str) -> str | None:
    """The package whose private module ``module`` is (``banzhang.formats.excel`` for
    ``banzhang.formats.excel._writer``); None for a public module or a top-level private one."""
    parts = module.split(".")
    for position, part in enumerate(parts):
        if part.startswith("_") and not part.startswith("__"):
            owner = ".".join(parts[:position])
            return owner if owner != "banzhang" else None
    return None


def _reach_ins() -> set[tuple[str, str]]:
    found = set()
    for name, path in MODULES.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.ImportFrom) and node.module):
                continue
            if not node.module.startswith("banzhang."):
                continue  # another library's insides (openpyxl's reader) are not ours to judge
            # ``from banzhang.formats.sheets import _probe`` reaches in as much as
            # ``from banzhang.formats.sheets._probe import probe`` does.
            named = [f"{node.module}.{alias.name}" for alias in node.names]
            for module in [node.module, *(m for m in named if m in MODULES)]:
                owner = _private_owner(module)
                if owner and not (package == owner or package.startswith(owner + ".")):
                    found.add((name, module))
    return found


def test_no_module_reaches_into_another_package_private_module() -> None:
    """A package's ``_private`` modules are its own: others import what it makes public."""
    assert _reach_ins() == set()


#: The table layer's packages, lowest first: where rows come from (sheets), what rows mean
#: (tables), and the formats that read and write tables over both.
_TABLE_LAYER = (
    "banzhang.formats.sheets",
    "banzhang.formats.tables",
    ("banzhang.formats.excel", "banzhang.formats.docx", "banzhang.formats.csv"),
)


def _in_package(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_table_layer_imports_one_way() -> None:
    """sheets knows no reader, tables no format: a back-end never learns what rows mean, and
    the reader never learns which format's file it reads."""
    below_tables = [p for level in _TABLE_LAYER[2:] for p in level]
    rules = {
        "banzhang.formats.sheets": ["banzhang.formats.tables", *below_tables],
        "banzhang.formats.tables": below_tables,
    }
    upward = [
        f"{name} → {target}"
        for package, forbidden in rules.items()
        for name, targets in GRAPH.items()
        if _in_package(name, package)
        for target in targets
        if any(_in_package(target, other) for other in forbidden)
    ]
    assert upward == []


def test_flat_api_after_import_banzhang() -> None:
    """``import banzhang`` gives load, dump, validate, the registries and validation."""
    for name in ("load", "load_data", "dump", "iter_load", "iter_dump", "iter_findings"):
        assert callable(getattr(banzhang, name))
    assert banzhang.validation.iter_findings is not None
    assert banzhang.__all__ == sorted(banzhang.__all__, key=lambda n: (not n.isupper(), n))


def _walk_schema(node: Any, path: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "description") and isinstance(value, str):
                found.append((f"{path}/{key}", value))
            found.extend(_walk_schema(value, f"{path}/{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_walk_schema(value, f"{path}/{index}"))
    return found


@pytest.mark.parametrize("schema", sorted(SCHEMAS.glob("*.schema.json")), ids=lambda p: p.name)
def test_schema_words_are_chinese_without_source_tags(schema: Path) -> None:
    """Every description is the standard's Chinese, source tags live in $comment, and a title is
    only ever a type's name, for code generators (docs/decisions.md)."""
    texts = _walk_schema(json.loads(schema.read_text("utf-8")), "")
    wrong = [
        (where, text)
        for where, text in texts
        if (where.endswith("/title") and not re.fullmatch(r"[A-Z][A-Za-z0-9]*", text))
        or (
            where.endswith("/description")
            and (
                not re.search(r"[\u4e00-\u9fff]", text)
                or re.search(r"\[[VSPB][ \]]|[VSPB] §", text)
            )
        )
    ]
    assert texts
    assert wrong == []


def _all_models() -> list[type[Any]]:
    found: dict[type[Any], None] = {}
    stack = [m for kind in kinds.all_kinds() for m in (kind.document, kind.item) if m]
    while stack:
        current = stack.pop()
        if current not in found:
            found[current] = None
            stack.extend(spec.model for spec in fields_of(current) if spec.model)
    return sorted(found, key=lambda m: m.__name__)


@pytest.mark.parametrize("model", _all_models(), ids=lambda m: m.__name__)
def test_attributes_sections_agree_with_the_declarations(model: type[Any]) -> None:
    """A model's ``Attributes:`` names exactly its own elements, each by its declared title."""
    assert model_info(model).title
    section = (model.__doc__ or "").partition("Attributes:")[2]
    documented = dict(re.findall(r"^ {8}(\w+): (.*)$", section, re.MULTILINE))
    inherited = {
        field.name for base in model.__mro__[1:] if attrs.has(base) for field in attrs.fields(base)
    }
    own = [spec for spec in fields_of(model) if spec.name not in inherited]
    assert sorted(documented) == sorted(spec.name for spec in own)
    wrong = [spec.name for spec in own if spec.element.title not in documented[spec.name]]
    assert wrong == []


#: mypy checks each format module against the Format protocol here (modules are protocol members).
FORMATS: tuple[Format, ...] = (json_format, excel, xml, csv_format, spreadsheet, docx)


@pytest.mark.parametrize("module", FORMATS, ids=lambda m: m.NAME)
def test_every_format_is_registered_for_its_extensions(module: Format) -> None:
    """Each format module answers for the extensions it declares."""
    for extension in module.EXTENSIONS:
        assert for_path(f"x{extension}") is module
