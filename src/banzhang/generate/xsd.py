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

from banzhang import kinds
from banzhang._version import SPEC_VERSION
from banzhang.declare import FieldSpec, constraints_of, fields_of, model_info
from banzhang.formats.xml import NAMESPACE

__all__ = ["generated_files", "load", "xsd_for"]

XS = "http://www.w3.org/2001/XMLSchema"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_BUILTIN = {"int": "xs:integer", "bool": "xs:boolean", "date": "xs:date"}


def _xs(tag: str) -> str:
    return f"{{{XS}}}{tag}"


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
    _document(root, f"{kind.title}（{kind.id}）：{kind.description}。", source=kind.source)
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


def _document(parent: Any, text: str, *, source: str = "") -> None:
    """Annotate ``parent`` with Chinese documentation, and its source apart, for programs."""
    annotation = etree.SubElement(parent, _xs("annotation"))
    if source:
        etree.SubElement(annotation, _xs("appinfo")).text = f"来源：{source}"
    documentation = etree.SubElement(annotation, _xs("documentation"))
    documentation.set(_XML_LANG, "zh")
    documentation.text = text


def _complex_type(root: Any, model: type[Any], done: set[str], *, kind_id: str = "") -> None:
    name = model.__name__
    if name in done:
        return
    done.add(name)
    complex_type = etree.SubElement(root, _xs("complexType"), name=name)
    info = model_info(model)
    described = f"{info.title}：{info.description}" if info.description else info.title
    _document(complex_type, described, source=info.source)
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
    _document(element, described, source=spec.element.source)
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
    allowed = constraints_of(spec)
    base = _BUILTIN.get(shape, "xs:string")
    facets: list[tuple[str, str]] = []
    if allowed.minimum is not None:
        facets.append(("minInclusive", str(allowed.minimum)))
    if allowed.enum is not None:
        facets.extend(("enumeration", code) for code in allowed.enum)
    if allowed.max_length:
        facets.append(("maxLength", str(allowed.max_length)))
    _restricted(element, base, [pattern.xsd for pattern in allowed.patterns], facets)


def _restricted(parent: Any, base: str, patterns: list[str], facets: list[tuple[str, str]]) -> None:
    """Give ``parent`` a simple type of ``base`` with every pattern and facet.

    Patterns in one restriction step are alternatives in XSD; every pattern must hold, so each
    further pattern restricts the type derived with the ones before it.
    """
    if not patterns and not facets:
        parent.set("type", base)
        return
    simple = etree.SubElement(parent, _xs("simpleType"))
    if len(patterns) > 1:
        restriction = etree.SubElement(simple, _xs("restriction"))
        _restricted(restriction, base, patterns[:-1], facets)
        etree.SubElement(restriction, _xs("pattern"), value=patterns[-1])
        return
    restriction = etree.SubElement(simple, _xs("restriction"), base=base)
    for pattern in patterns:
        etree.SubElement(restriction, _xs("pattern"), value=pattern)
    for facet, value in facets:
        etree.SubElement(restriction, _xs(facet), value=value)
