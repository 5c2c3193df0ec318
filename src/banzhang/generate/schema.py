"""JSON Schema (draft 2020-12) generated from the declarations.

One self-contained file per kind (``schemas/<kind>.schema.json``, every definition it needs under
``$defs``, no reference leaves the file) plus ``common.schema.json`` with the shared value types
and the codelists. Each has a versioned ``urn:`` ``$id`` and Chinese ``title``/``description``;
the source of every element is in its ``$comment``.

>>> schema = schema_for("power-list")
>>> schema["$id"]
'urn:banzhang:schema:1.2:power-list'
>>> schema["properties"]["kind"]["const"]
'power-list'
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from banzhang import codelists, kinds
from banzhang._version import SPEC_VERSION
from banzhang.declare import FieldSpec, constraints_of, fields_of, model_info
from banzhang.models import common

__all__ = [
    "DIALECT",
    "common_schema",
    "generated_files",
    "load",
    "schema_for",
    "schema_id",
]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
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
    info = model_info(model)
    schema: dict[str, Any] = {"title": info.title}
    if info.description:
        schema["description"] = info.description
    schema["$comment"] = f"来源：{info.source}"
    schema.update(
        {
            "type": "object",
            "properties": {spec.name: _field_schema(spec, defs) for spec in specs},
            "required": [spec.name for spec in specs if spec.required],
            "additionalProperties": False,
        }
    )
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
    if shape == "object":
        assert spec.model is not None
        return _ref(spec.model, defs)
    allowed = constraints_of(spec, in_array=in_array)
    if shape == "int":
        return {"type": "integer"} | (
            {"minimum": allowed.minimum} if allowed.minimum is not None else {}
        )
    if shape == "bool":
        return {"type": "boolean"}
    schema: dict[str, Any] = {"type": "string"}
    if shape == "date":
        schema["format"] = "date"
    if allowed.enum is not None:
        schema["enum"] = list(allowed.enum)
    if allowed.suggestions:
        schema["examples"] = list(allowed.suggestions)
    if allowed.max_length:
        schema["maxLength"] = allowed.max_length
    patterns = [pattern.ecma for pattern in allowed.patterns]
    if len(patterns) == 1:
        schema["pattern"] = patterns[0]
    elif patterns:
        schema["allOf"] = [{"pattern": pattern} for pattern in patterns]
    return schema


def _example(spec: FieldSpec, example: str) -> Any:
    shape = spec.item_shape if spec.shape == "array" else spec.shape
    value: Any = int(example) if shape == "int" else example
    return [value] if spec.shape == "array" else value
