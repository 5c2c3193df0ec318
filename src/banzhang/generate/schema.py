"""JSON Schema (draft 2020-12) generated from the declarations.

One self-contained file per kind (``schemas/<kind>.schema.json``, every definition it needs under
``$defs``, no reference leaves the file) plus ``common.schema.json`` with the shared value types
and the codelists. Each has a versioned ``urn:`` ``$id``; the source of every element is in its
``$comment``.

Shaped for code generators (json-schema-to-typescript, quicktype … name a type from its
``title``): a ``title`` is only ever a type's name (``PowerList``, ``Agency``, ``PowerTypeCode``),
and every Chinese name leads its ``description``, which generators put in doc comments. Closed
codelists and the region table are named definitions whose values are ``oneOf`` a ``const``
each with its Chinese title as ``description`` (and, for codelists, a type name from its English
title). A property refers to a definition through ``allOf`` so that its own description stays
apart from the definition's.

>>> schema = schema_for("power-list")
>>> schema["$id"], schema["title"]
('urn:banzhang:schema:1.2:power-list', 'PowerList')
>>> schema["properties"]["kind"]["const"]
'power-list'
>>> schema["$defs"]["PowerTypeCode"]["oneOf"][0]
{'const': '01', 'title': 'PowerTypeAdministrativeLicensing', 'description': '行政许可'}
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from banzhang import codelists, codes, kinds
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
        **body,
        "description": (
            f"{kind.title}（{kind.id}）：{kind.description}。banzhang 规范 {SPEC_VERSION}。"
        ),
        "$comment": f"来源：{kind.source}",
        "$defs": dict(sorted(defs.items())),
    }


def common_schema() -> dict[str, Any]:
    """Return the schema of the shared value types and codelists, for tools that want them."""
    defs: dict[str, Any] = {}
    for model in _SHARED_MODELS:
        _ref(model, defs)
    for name in codelists.names():
        codelist = codelists.get(name)
        if not codelist.open:
            _codelist_ref(name, defs)
            continue
        defs[codelist_type_name(name)] = {
            "title": codelist_type_name(name),
            "description": f"{codelist.title}（建议值，也可写别的）："
            + "；".join(f"{e.code} {e.title}" for e in codelist),
            "$comment": f"来源：{codelist.source}",
            "type": "string",
            "examples": list(codelist.codes),
        }
    _region_ref(defs)
    return {
        "$schema": DIALECT,
        "$id": schema_id("common"),
        "title": "Common",
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
    schema: dict[str, Any] = {
        "title": model.__name__,
        "description": f"{info.title}：{info.description}" if info.description else info.title,
    }
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
    described = f"{element.title}：{element.description}" if element.description else element.title
    schema: dict[str, Any] = {"description": described}
    schema["$comment"] = f"来源：{element.source}"
    if spec.shape == "array":
        schema["type"] = "array"
        schema["items"] = _value_schema(spec, spec.item_shape or "str", defs, in_array=True)
        if element.min_items:
            schema["minItems"] = element.min_items
    else:
        schema.update(_referred(_value_schema(spec, spec.shape, defs)))
    if element.example is not None:
        schema["examples"] = [_example(spec, element.example)]
    return schema


def _value_schema(
    spec: FieldSpec, shape: str, defs: dict[str, Any], *, in_array: bool = False
) -> dict[str, Any]:
    if shape == "object":
        assert spec.model is not None
        return _ref(spec.model, defs)
    if spec.element.code == "region":
        return _region_ref(defs)
    if spec.element.codelist and not codelists.get(spec.element.codelist).open:
        return _codelist_ref(spec.element.codelist, defs)
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


def _referred(schema: dict[str, Any]) -> dict[str, Any]:
    """Wrap a bare reference in ``allOf``: beside the property's own description, a sibling
    ``$ref`` makes generators copy the definition under a new name (``Agency1``)."""
    return {"allOf": [schema]} if list(schema) == ["$ref"] else schema


def codelist_type_name(name: str) -> str:
    """Return the definition name of codelist ``name``: ``power_type`` → ``PowerTypeCode``."""
    return "".join(part.capitalize() for part in name.split("_")) + "Code"


def _codelist_ref(name: str, defs: dict[str, Any]) -> dict[str, Any]:
    """Define closed codelist ``name`` once: each code a ``const`` with its Chinese title."""
    type_name = codelist_type_name(name)
    if type_name not in defs:
        codelist = codelists.get(name)
        prefix = type_name.removesuffix("Code")
        defs[type_name] = {
            "title": type_name,
            "description": codelist.title,
            "$comment": f"来源：{codelist.source}",
            "oneOf": [
                {"const": e.code, "title": prefix + _camel(e.title_en), "description": e.title}
                for e in codelist
            ],
        }
    return {"$ref": f"#/$defs/{type_name}"}


def _camel(english: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", english))


def _region_ref(defs: dict[str, Any]) -> dict[str, Any]:
    """Define the region table once: each code a ``const`` with the region's name."""
    if "RegionCode" not in defs:
        defs["RegionCode"] = {
            "title": "RegionCode",
            "description": "行政区划代码（内蒙古自治区）",
            "$comment": "来源：V GB/T 2260",
            "oneOf": [{"const": r.code, "description": r.name} for r in codes.region.all_regions()],
        }
    return {"$ref": "#/$defs/RegionCode"}


def _example(spec: FieldSpec, example: str) -> Any:
    shape = spec.item_shape if spec.shape == "array" else spec.shape
    value: Any = int(example) if shape == "int" else example
    return [value] if spec.shape == "array" else value
