"""XSD (XML Schema 1.0) generated from the declarations: one schema set in ``schemas/``.

``banzhang.xsd`` declares everything once: target namespace :data:`NAMESPACE`, the ten kind ids
as root elements, every model as a named complex type, every closed codelist (and the region
table) as a named simple type whose values carry their Chinese title, and Chinese
``xs:documentation`` on every element. Each ``<kind>.xsd`` includes it and names its root.

Why one set rather than ten stand-alone files: the JDK's ``SchemaFactory.newSchema(Source[])``
(as Spring's ``Jaxb2Marshaller.setSchemas`` calls it) keeps only the first schema document of a
namespace, and ``xjc`` refuses a type defined twice. Since every kind file brings the whole set,
any of them, or all ten together, load into one ``Schema`` and one ``xjc`` run. The JAXB
customisations ride in ``xs:appinfo`` (other validators ignore them): codelists become Java
enums whose constants are named from the codes' English titles.

>>> text = xsd_for("power-list")
>>> 'schemaLocation="banzhang.xsd"' in text
True
>>> whole = schema_set()
>>> 'name="power-list"' in whole and 'name="PowerTypeCode"' in whole
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from lxml import etree

from banzhang import codelists, codes, kinds
from banzhang._version import SPEC_VERSION
from banzhang.declare import NOT_BLANK, FieldSpec, constraints_of, fields_of, model_info
from banzhang.formats.xml import NAMESPACE

__all__ = ["SET_FILE", "generated_files", "load", "schema_set", "xsd_for"]

XS = "http://www.w3.org/2001/XMLSchema"
JAXB = "http://java.sun.com/xml/ns/jaxb"
#: The file that declares the whole schema set; every kind's XSD includes it.
SET_FILE = "banzhang.xsd"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_BUILTIN = {"int": "xs:integer", "bool": "xs:boolean", "date": "xs:date"}
#: The region table's simple type (the codelists' are named from the codelist ids).
_REGION_TYPE = "RegionCode"


def _xs(tag: str) -> str:
    return f"{{{XS}}}{tag}"


def _schema_root(*, jaxb: bool = False) -> Any:
    nsmap = {"xs": XS, None: NAMESPACE} | ({"jaxb": JAXB} if jaxb else {})
    root = etree.Element(
        _xs("schema"),
        nsmap=nsmap,  # type: ignore[arg-type]  # lxml: None is the default namespace
        targetNamespace=NAMESPACE,
        elementFormDefault="qualified",
        version=SPEC_VERSION,
    )
    if jaxb:
        root.set(f"{{{JAXB}}}version", "2.1")
    return root


def _text(root: Any) -> str:
    text: str = etree.tostring(
        root, pretty_print=True, xml_declaration=True, encoding="UTF-8"
    ).decode()
    return text


def xsd_for(kind_id: str) -> str:
    """Return the XSD of documents of ``kind_id``: the whole set, included, and its root named.

    Raises:
        UnknownName: ``kind_id`` is no kind.
    """
    kind = kinds.get(kind_id)
    root = _schema_root()
    _document(
        root,
        f"{kind.title}（{kind.id}）：{kind.description}。根元素 <{kind.id}>，类型 "
        f"{kind.document.__name__}；各类文档的类型都在 {SET_FILE} 中声明一次。",
        source=kind.source,
    )
    etree.SubElement(root, _xs("include"), schemaLocation=SET_FILE)
    return _text(root)


def schema_set() -> str:
    """Return ``banzhang.xsd``: every root element, complex type and codelist type, once."""
    root = _schema_root(jaxb=True)
    _document(root, f"banzhang 规范 {SPEC_VERSION} 的全部文档类型：各类清单、服务指南和审查细则。")
    _jaxb_bindings(root)
    for kind in kinds.all_kinds():
        element = etree.SubElement(root, _xs("element"), name=kind.id, type=kind.document.__name__)
        _document(element, kind.title, source=kind.source)
    done: set[str] = set()
    for kind in kinds.all_kinds():
        _complex_type(root, kind.document, done, kind_id=kind.id)
    for name in codelists.names():
        if not codelists.get(name).open:
            _codelist_type(root, name)
    _region_type(root)
    return _text(root)


def generated_files() -> dict[str, str]:
    """Return every XSD file name and its text, as committed in ``schemas/``."""
    files = {f"{kind.id}.xsd": xsd_for(kind.id) for kind in kinds.all_kinds()}
    files[SET_FILE] = schema_set()
    return files


def load(name: str) -> bytes:
    """Return the committed XSD ``name`` (a kind id, or ``banzhang`` for the set) as bytes.

    A kind's XSD includes ``banzhang.xsd`` by a relative location: parse it with the package's
    ``schemas`` directory as base URL, or use the set itself.
    """
    from importlib import resources  # noqa: PLC0415 - only callers of load need it

    return resources.files("banzhang.schemas").joinpath(f"{name}.xsd").read_bytes()


def _jaxb_bindings(root: Any) -> None:
    """Tell xjc to make an enum of every enumerated type, naming constants it cannot derive."""
    appinfo = etree.SubElement(etree.SubElement(root, _xs("annotation")), _xs("appinfo"))
    etree.SubElement(appinfo, f"{{{JAXB}}}globalBindings", typesafeEnumMemberName="generateName")


def _document(parent: Any, text: str, *, source: str = "", java: str = "", name: str = "") -> None:
    """Annotate ``parent`` with Chinese documentation, and its source apart, for programs.

    ``java`` names the JAXB customisation (``property``, ``class``, ``typesafeEnumClass``) that
    carries the text into the generated Javadoc (xjc copies ``xs:documentation`` only onto enum
    constants); ``name`` is an enum constant's Java name.
    """
    annotation = etree.SubElement(parent, _xs("annotation"))
    if source:
        etree.SubElement(annotation, _xs("appinfo")).text = f"来源：{source}"
    if java or name:
        appinfo = etree.SubElement(annotation, _xs("appinfo"))
        if java:
            binding = etree.SubElement(appinfo, f"{{{JAXB}}}{java}")
            etree.SubElement(binding, f"{{{JAXB}}}javadoc").text = text
        if name:
            etree.SubElement(appinfo, f"{{{JAXB}}}typesafeEnumMember", name=name)
    documentation = etree.SubElement(annotation, _xs("documentation"))
    documentation.set(_XML_LANG, "zh")
    documentation.text = text


def codelist_type_name(name: str) -> str:
    """Return the XSD type name of codelist ``name``: ``power_type`` → ``PowerTypeCode``."""
    return "".join(part.capitalize() for part in name.split("_")) + "Code"


def _codelist_type(root: Any, name: str) -> None:
    codelist = codelists.get(name)
    simple = etree.SubElement(root, _xs("simpleType"), name=codelist_type_name(name))
    _document(simple, codelist.title, source=codelist.source, java="typesafeEnumClass")
    restriction = etree.SubElement(simple, _xs("restriction"), base="xs:string")
    constants = _java_constants((entry.code, entry.title_en) for entry in codelist)
    for entry in codelist:
        value = etree.SubElement(restriction, _xs("enumeration"), value=entry.code)
        _document(value, entry.title, name=constants[entry.code])


def _java_constants(entries: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Name each code's Java enum constant from its English title, unique within the type."""
    named: dict[str, str] = {}
    for code, title_en in entries:
        constant = re.sub(r"[^A-Za-z0-9]+", "_", title_en).strip("_").upper() or "CODE"
        if constant[0].isdigit() or constant in named.values():
            constant = f"{constant}_{re.sub(r'[^A-Za-z0-9]+', '_', code) or len(named)}"
        named[code] = constant
    return named


def _region_type(root: Any) -> None:
    simple = etree.SubElement(root, _xs("simpleType"), name=_REGION_TYPE)
    _document(
        simple, "行政区划代码（内蒙古自治区）", source="V GB/T 2260", java="typesafeEnumClass"
    )
    restriction = etree.SubElement(simple, _xs("restriction"), base="xs:string")
    for region in codes.region.all_regions():
        value = etree.SubElement(restriction, _xs("enumeration"), value=region.code)
        _document(value, region.name)


def _complex_type(root: Any, model: type[Any], done: set[str], *, kind_id: str = "") -> None:
    name = model.__name__
    if name in done:
        return
    done.add(name)
    complex_type = etree.SubElement(root, _xs("complexType"), name=name)
    info = model_info(model)
    described = f"{info.title}：{info.description}" if info.description else info.title
    _document(complex_type, described, source=info.source, java="class")
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
    _document(element, described, source=spec.element.source, java="property")
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


def _named_enum(spec: FieldSpec) -> str | None:
    """The named type of a closed codelist or the region table the element takes, if any."""
    element = spec.element
    if element.code == "region":
        return _REGION_TYPE
    if element.codelist and not codelists.get(element.codelist).open:
        return codelist_type_name(element.codelist)
    return None


def _simple_type(element: Any, spec: FieldSpec, shape: str) -> None:
    allowed = constraints_of(spec)
    named = _named_enum(spec)
    base = named or _BUILTIN.get(shape, "xs:string")
    facets: list[tuple[str, str]] = []
    if allowed.minimum is not None:
        facets.append(("minInclusive", str(allowed.minimum)))
    if allowed.enum is not None and named is None:
        facets.extend(("enumeration", code) for code in allowed.enum)
    if allowed.max_length:
        facets.append(("maxLength", str(allowed.max_length)))
    # An enumeration has no blank value, so "not blank" adds nothing to a named one.
    patterns = [p.xsd for p in allowed.patterns if not (named and p.ecma == NOT_BLANK)]
    _restricted(element, base, patterns, facets)


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
