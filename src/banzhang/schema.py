"""JSON Schema (draft 2020-12) generated from the declarations.

One self-contained file per kind (``schemas/<kind>.schema.json``, every definition it needs under
``$defs``, no reference leaves the file) plus ``common.schema.json`` with the shared value types
and the codelists. Each has a versioned ``urn:`` ``$id`` and Chinese ``title``/``description``;
the source of every element is in its ``$comment``.

>>> schema = schema_for("power-list")
>>> schema["$id"]
'urn:banzhang:schema:1.0:power-list'
>>> schema["properties"]["kind"]["const"]
'power-list'
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from banzhang import codelists, codes, kinds
from banzhang._introspect import FieldSpec, fields_of
from banzhang._version import SPEC_VERSION
from banzhang.codes import region
from banzhang.models import common

__all__ = [
    "DIALECT",
    "common_schema",
    "generated_files",
    "load",
    "schema_for",
    "schema_id",
    "text_patterns",
    "write",
]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Matches text with at least one character that is not white space: a required text element.
NOT_BLANK = r"\S"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_SHARED_MODELS = (
    common.LegalBasis,
    common.Agency,
    common.TimeLimit,
    common.Contact,
    common.Step,
    common.Responsibility,
    common.SubItem,
    common.HandlingItem,
    common.Material,
)


def schema_id(name: str) -> str:
    """Return the ``$id`` of schema ``name`` (a kind id or ``common``) for this spec version."""
    return f"urn:banzhang:schema:{SPEC_VERSION}:{name}"


def region_codes() -> list[str]:
    """The codes a ``region`` element may hold."""
    return [entry.code for entry in region.all_regions()]


def schema_for(kind_id: str) -> dict[str, Any]:
    """Return the self-contained JSON Schema of documents of kind ``kind_id``."""
    kind = kinds.get(kind_id)
    defs: dict[str, Any] = {}
    body = _object_schema(kind.document, defs)
    body["properties"]["kind"] = {**body["properties"]["kind"], "const": kind.id}
    return {
        "$schema": DIALECT,
        "$id": schema_id(kind.id),
        "title": kind.title,
        "description": (
            f"{kind.title}（{kind.id}）：{kind.description}。banzhang 规范 {SPEC_VERSION}。"
        ),
        "$comment": f"来源：{kind.source}",
        **body,
        "$defs": dict(sorted(defs.items())),
    }


def common_schema() -> dict[str, Any]:
    """Return the schema of the shared value types and codelists, for tools that want them."""
    defs: dict[str, Any] = {}
    for model in _SHARED_MODELS:
        _ref(model, defs)
    for name in codelists.names():
        codelist = codelists.get(name)
        entry: dict[str, Any] = {
            "title": codelist.title,
            "description": "；".join(f"{e.code} {e.title}" for e in codelist),
            "$comment": f"来源：{codelist.source}",
            "type": "string",
        }
        entry["examples" if codelist.open else "enum"] = list(codelist.codes)
        defs[f"codelist-{name}"] = entry
    return {
        "$schema": DIALECT,
        "$id": schema_id("common"),
        "title": "banzhang 共用定义",
        "description": f"各类清单和文档共用的值类型与代码表。banzhang 规范 {SPEC_VERSION}。",
        "$defs": dict(sorted(defs.items())),
    }


def generated_files() -> dict[str, str]:
    """Return every schema file name and its text, as committed in ``schemas/``."""
    files = {f"{kind.id}.schema.json": _dumps(schema_for(kind.id)) for kind in kinds.all_kinds()}
    files["common.schema.json"] = _dumps(common_schema())
    return files


def load(name: str) -> dict[str, Any]:
    """Return the committed schema ``name`` (a kind id or ``common``) shipped in the package."""
    text = resources.files("banzhang.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _ref(model: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    name = model.__name__
    if name not in defs:
        defs[name] = {}  # reserve first: a model may refer to itself
        defs[name] = _object_schema(model, defs)
    return {"$ref": f"#/$defs/{name}"}


def _object_schema(model: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    specs = fields_of(model)
    summary = (model.__doc__ or "").strip().splitlines()[0].rstrip(".")
    schema: dict[str, Any] = {
        "title": summary.split(":")[0],
        "type": "object",
        "properties": {spec.name: _field_schema(spec, defs) for spec in specs},
        "required": [spec.name for spec in specs if spec.required],
        "additionalProperties": False,
    }
    if ":" in summary:
        schema["description"] = summary.split(":", 1)[1].strip()
    return schema


def _field_schema(spec: FieldSpec, defs: dict[str, Any]) -> dict[str, Any]:
    element = spec.element
    schema: dict[str, Any] = {"title": element.title}
    if element.description:
        schema["description"] = element.description
    schema["$comment"] = f"来源：{element.source}"
    if spec.shape == "array":
        schema["type"] = "array"
        schema["items"] = _value_schema(spec, spec.item_shape or "str", defs, in_array=True)
        if element.min_items:
            schema["minItems"] = element.min_items
    else:
        schema.update(_value_schema(spec, spec.shape, defs))
    if element.example is not None:
        schema["examples"] = [_example(spec, element.example)]
    return schema


def _value_schema(
    spec: FieldSpec, shape: str, defs: dict[str, Any], *, in_array: bool = False
) -> dict[str, Any]:
    element = spec.element
    if shape == "object":
        assert spec.model is not None
        return _ref(spec.model, defs)
    if shape == "int":
        return {"type": "integer"} | (
            {"minimum": element.minimum} if element.minimum is not None else {}
        )
    if shape == "bool":
        return {"type": "boolean"}
    if shape == "date":
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    return _text_schema(spec, in_array=in_array)


def text_patterns(spec: FieldSpec, *, in_array: bool = False) -> list[str]:
    """Return the patterns a text value of ``spec`` must match (the validator uses the same)."""
    element = spec.element
    patterns = []
    if element.pattern:
        patterns.append(element.pattern)
    if element.code and element.code != "region":
        patterns.append(codes.pattern(element.code) or "")
    # Text that must be given, and every entry of a text array, may not be blank.
    if not patterns and not element.codelist and (in_array or element.required):
        patterns.append(NOT_BLANK)
    return patterns


def _text_schema(spec: FieldSpec, *, in_array: bool) -> dict[str, Any]:
    element = spec.element
    schema: dict[str, Any] = {"type": "string"}
    patterns = text_patterns(spec, in_array=in_array)
    if element.code == "region":
        schema["enum"] = region_codes()
    if element.codelist:
        codelist = codelists.get(element.codelist)
        schema["examples" if codelist.open else "enum"] = list(codelist.codes)
    if element.max_length:
        schema["maxLength"] = element.max_length
    if len(patterns) == 1:
        schema["pattern"] = patterns[0]
    elif patterns:
        schema["allOf"] = [{"pattern": pattern} for pattern in patterns]
    return schema


def _example(spec: FieldSpec, example: str) -> Any:
    shape = spec.item_shape if spec.shape == "array" else spec.shape
    value: Any = int(example) if shape == "int" else example
    return [value] if spec.shape == "array" else value


def write(directory: str) -> list[str]:
    """Write every generated schema (JSON Schema and XSD) into ``directory``; return the names."""
    from pathlib import Path  # noqa: PLC0415 - only the regeneration command writes files

    from banzhang import xsd  # noqa: PLC0415 - xsd imports this module

    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    files = {**generated_files(), **xsd.generated_files()}
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8")
    return sorted(files)


if __name__ == "__main__":  # pragma: no cover - ``make generate`` runs it
    import sys

    for written in write(sys.argv[1] if len(sys.argv) > 1 else "schemas"):
        print(written)
