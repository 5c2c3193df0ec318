"""XSD (XML Schema 1.0) generated from the declarations: ``schemas/<kind>.xsd``.

Each file stands alone: target namespace :data:`NAMESPACE`, the kind id as root element, element
names from the element ids in declaration order (an array is its element repeated), Chinese
``xs:documentation`` on every element, enumerations from codelists and patterns for codes.

>>> text = xsd_for("power-list")
>>> 'name="power-list"' in text and "xs:enumeration" in text
True
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from banzhang import codelists, codes, kinds
from banzhang._introspect import FieldSpec, fields_of
from banzhang._version import SPEC_VERSION
from banzhang.schema import NOT_BLANK, region_codes

__all__ = ["NAMESPACE", "generated_files", "load", "xsd_for", "xsd_pattern"]

XS = "http://www.w3.org/2001/XMLSchema"
#: The namespace of banzhang's XML documents, versioned with the spec.
NAMESPACE = f"urn:banzhang:xml:{SPEC_VERSION}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_BUILTIN = {"int": "xs:integer", "bool": "xs:boolean", "date": "xs:date"}
_ANY_TEXT = r"[\s\S]*"


def _xs(tag: str) -> str:
    return f"{{{XS}}}{tag}"


def xsd_pattern(json_pattern: str) -> str:
    r"""Return the XSD form of a JSON Schema pattern banzhang declares.

    XSD patterns match the whole value and know no anchors, so a pattern that is not anchored
    at an end gets ``[\s\S]*`` there.

    >>> xsd_pattern(r"^[0-9]+\.[0-9]+$")
    '[0-9]+\\.[0-9]+'
    >>> xsd_pattern(r"\S")
    '[\\s\\S]*\\S[\\s\\S]*'
    """
    start = "" if json_pattern.startswith("^") else _ANY_TEXT
    end = "" if json_pattern.endswith("$") and not json_pattern.endswith(r"\$") else _ANY_TEXT
    return start + json_pattern.removeprefix("^").removesuffix("$") + end


def xsd_for(kind_id: str) -> str:
    """Return the XSD of documents of ``kind_id`` as text."""
    kind = kinds.get(kind_id)
    root = etree.Element(
        _xs("schema"),
        nsmap={"xs": XS, None: NAMESPACE},  # type: ignore[dict-item]  # lxml: None is the default
        targetNamespace=NAMESPACE,
        elementFormDefault="qualified",
        version=SPEC_VERSION,
    )
    _document(root, f"{kind.title}（{kind.id}）：{kind.description}。来源：{kind.source}")
    element = etree.SubElement(root, _xs("element"), name=kind.id, type=kind.document.__name__)
    _document(element, kind.title)
    done: set[str] = set()
    _complex_type(root, kind.document, done, kind_id=kind.id)
    text: str = etree.tostring(
        root, pretty_print=True, xml_declaration=True, encoding="UTF-8"
    ).decode()
    return text


def generated_files() -> dict[str, str]:
    """Return every XSD file name and its text, as committed in ``schemas/``."""
    return {f"{kind.id}.xsd": xsd_for(kind.id) for kind in kinds.all_kinds()}


def load(kind_id: str) -> bytes:
    """Return the committed XSD of ``kind_id`` shipped in the package."""
    from importlib import resources  # noqa: PLC0415 - only callers of load need it

    return resources.files("banzhang.schemas").joinpath(f"{kind_id}.xsd").read_bytes()


def _document(parent: Any, text: str) -> None:
    annotation = etree.SubElement(parent, _xs("annotation"))
    documentation = etree.SubElement(annotation, _xs("documentation"))
    documentation.set(_XML_LANG, "zh")
    documentation.text = text


def _complex_type(root: Any, model: type[Any], done: set[str], *, kind_id: str = "") -> None:
    name = model.__name__
    if name in done:
        return
    done.add(name)
    complex_type = etree.SubElement(root, _xs("complexType"), name=name)
    summary = (model.__doc__ or name).strip().splitlines()[0].rstrip(".")
    _document(complex_type, summary)
    sequence = etree.SubElement(complex_type, _xs("sequence"))
    nested = []
    for spec in fields_of(model):
        _field(sequence, spec, kind_id=kind_id)
        if spec.model is not None:
            nested.append(spec.model)
    for child in nested:
        _complex_type(root, child, done)


def _field(sequence: Any, spec: FieldSpec, *, kind_id: str) -> None:
    element = etree.SubElement(sequence, _xs("element"), name=spec.name)
    minimum = spec.element.min_items or 1 if spec.required else 0
    if spec.shape == "array" and not spec.element.min_items:
        minimum = 0
    if minimum != 1:
        element.set("minOccurs", str(minimum))
    if spec.shape == "array":
        element.set("maxOccurs", "unbounded")
    described = spec.element.title + (
        f"：{spec.element.description}" if spec.element.description else ""
    )
    _document(element, f"{described}（来源：{spec.element.source}）")
    shape = spec.item_shape if spec.shape == "array" else spec.shape
    if shape == "object":
        assert spec.model is not None
        element.set("type", spec.model.__name__)
        return
    if spec.name == "kind" and kind_id:
        element.set("type", "xs:string")
        element.set("fixed", kind_id)
        return
    _simple_type(element, spec, shape or "str")


def _simple_type(element: Any, spec: FieldSpec, shape: str) -> None:
    declared = spec.element
    facets: list[tuple[str, str]] = []
    if shape == "int" and declared.minimum is not None:
        facets.append(("minInclusive", str(declared.minimum)))
    if shape == "date":
        facets.append(("pattern", r"[0-9]{4}-[0-9]{2}-[0-9]{2}"))
    if shape == "str":
        facets.extend(_text_facets(spec))
    if not facets:
        element.set("type", _BUILTIN.get(shape, "xs:string"))
        return
    simple = etree.SubElement(element, _xs("simpleType"))
    restriction = etree.SubElement(
        simple, _xs("restriction"), base=_BUILTIN.get(shape, "xs:string")
    )
    for facet, value in facets:
        etree.SubElement(restriction, _xs(facet), value=value)


def _text_facets(spec: FieldSpec) -> list[tuple[str, str]]:
    declared = spec.element
    facets: list[tuple[str, str]] = []
    if declared.code == "region":
        facets.extend(("enumeration", code) for code in region_codes())
    elif declared.code:
        facets.append(("pattern", codes.pattern(declared.code, dialect="xsd") or ""))
    elif declared.codelist and not codelists.get(declared.codelist).open:
        facets.extend(("enumeration", code) for code in codelists.get(declared.codelist).codes)
    elif declared.pattern:
        facets.append(("pattern", xsd_pattern(declared.pattern)))
    elif (declared.required or spec.shape == "array") and not declared.codelist:
        facets.append(("pattern", xsd_pattern(NOT_BLANK)))
    if declared.max_length:
        facets.append(("maxLength", str(declared.max_length)))
    return facets
