"""XML documents (``.xml``): streaming, valid against the generated XSD, hardened against attack.

Element names are the element ids, in declaration order; an array is its element repeated; the
root is the kind id, in the namespace :data:`NAMESPACE`. Writing streams through
``lxml.etree.xmlfile``; reading streams through ``iterparse`` and clears what it has read. A
document with a DOCTYPE is refused before parsing (no DTD, no entity of any kind, no network);
the parser also runs with entity resolution, DTD loading and the network off, and without
``huge_tree``. Findings name their line.

>>> import io
>>> from banzhang import examples
>>> buffer = io.BytesIO()
>>> dump(examples.load("review-detail"), buffer)
>>> _ = buffer.seek(0)
>>> load(buffer) == examples.load("review-detail")
True
"""

from __future__ import annotations

import datetime
import functools
import io
import itertools
import os
import re
from collections.abc import Collection, Iterable, Iterator
from typing import Any

import attrs
from lxml import etree

from banzhang import kinds, validation
from banzhang._access import get as _get
from banzhang._atomic import writing
from banzhang._reasons import reason
from banzhang._version import SPEC_VERSION
from banzhang.convert import from_data, models_of
from banzhang.declare import FieldSpec, fields_of, renames_of
from banzhang.documents import ItemStream
from banzhang.errors import InvalidDocument, UnreadableInput
from banzhang.formats._options import ReadOptions, for_kind, given_envelope
from banzhang.formats._prolog import declares_dtd, root_name, root_start
from banzhang.validation import finding as _finding
from banzhang.validation.against import Against, resolved
from banzhang.validation.findings import Finding
from banzhang.validation.places import Place

__all__ = [
    "EXTENSIONS",
    "NAME",
    "NAMESPACE",
    "dump",
    "iter_dump",
    "iter_findings",
    "iter_load",
    "iter_load_data",
    "load",
    "load_data",
]

NAME = "xml"
EXTENSIONS: tuple[str, ...] = (".xml",)
#: The namespace of banzhang's XML documents, versioned with the spec.
NAMESPACE = f"urn:banzhang:xml:{SPEC_VERSION}"
_PROLOG_LIMIT = 1 << 20
_LONGEST_INTEGER = 4000
_INTEGER = re.compile(r"\s*[-+]?[0-9]+\s*")


# ---- writing ------------------------------------------------------------------------------------


def dump(document: Any, target: Any) -> None:
    """Write a whole document (a model, or JSON-shaped data) as UTF-8 XML."""
    kind = kinds.get(_get(document, "kind"))
    items = _get(document, "items") if kind.is_list else None
    iter_dump(kind.id, document, items or (), target)


def iter_dump(kind_id: str, envelope: Any, items: Iterable[Any], target: Any) -> None:
    """Write a document item by item through ``lxml.etree.xmlfile``: memory stays flat.

    The XML is indented two spaces a level, an element a line, so a finding's line number points
    at the element and a diff of two versions shows what changed.

    Raises:
        InvalidDocument: a character XML 1.0 forbids; the finding names its path.
        UnknownName: ``kind_id`` is no kind.
    """
    kind = kinds.get(kind_id)
    with writing(target) as handle, etree.xmlfile(handle, encoding="utf-8") as out:
        out.write_declaration()
        with out.element(_qname(kind.id), nsmap=_DEFAULT_NAMESPACE):
            for spec in fields_of(kind.document):
                if kind.is_list and spec.name == "items":
                    for index, item in enumerate(items):
                        _write_object(out, "items", kind.item, item, f"$.items[{index}]", depth=1)
                    continue
                value = kind.id if spec.name == "kind" else _get(envelope, spec.name)
                _write_field(out, spec, value, f"$.{spec.name}", depth=1)
            out.write("\n")


#: The line break and indentation written before an element at each depth (whitespace between
#: elements, which every reader, banzhang's included, ignores).
_INDENTS = tuple("\n" + "  " * depth for depth in range(16))


def _indent(depth: int) -> str:
    return _INDENTS[depth] if depth < len(_INDENTS) else "\n" + "  " * depth


def _write_field(out: Any, spec: FieldSpec, value: Any, path: str, *, depth: int) -> None:
    if value is None:
        return
    if spec.shape != "array":
        _write_value(out, spec, spec.shape, value, path, depth=depth)
        return
    for index, entry in enumerate(value):
        _write_value(out, spec, spec.item_shape or "str", entry, f"{path}[{index}]", depth=depth)


def _write_value(
    out: Any, spec: FieldSpec, shape: str, value: Any, path: str, *, depth: int
) -> None:
    if shape == "object":
        _write_object(out, spec.name, spec.model, value, path, depth=depth)
        return
    out.write(_indent(depth))
    with out.element(_qname(spec.name)):
        try:
            out.write(_text(value))
        except ValueError as err:
            raise _illegal(path) from err


def _write_object(out: Any, name: str, model: Any, value: Any, path: str, *, depth: int) -> None:
    out.write(_indent(depth))
    with out.element(_qname(name)):
        for spec in fields_of(model):
            _write_field(out, spec, _get(value, spec.name), f"{path}.{spec.name}", depth=depth + 1)
        out.write(_indent(depth))


def _illegal(path: str) -> InvalidDocument:
    message = f"{path} 含有 XML 1.0 不允许的字符；banzhang 不会删去它，请先清除"
    finding = Finding("xml.illegal-character", "error", path, message, None, "xml")
    return InvalidDocument(message, (finding,))


def _qname(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


#: Detached elements (written one by one into the stream) declare the default namespace, so the
#: file reads <region>…</region> rather than <ns0:region xmlns:ns0=…>.
_DEFAULT_NAMESPACE: Any = {None: NAMESPACE}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


# ---- reading ------------------------------------------------------------------------------------


@attrs.frozen
class _Read:
    """An item (or the envelope) as read, with the line each of its elements started on."""

    data: Any
    lines: dict[str, int]
    #: What the reader set aside: (``$`` path, line, Chinese message), reported as findings.
    problems: list[tuple[str, int, str]] = attrs.field(factory=list)


def _source_bytes(source: Any, name: str) -> Any:
    """Return a seekable binary stream whose prolog has been checked for DTDs and entities."""
    if isinstance(source, str | os.PathLike):
        try:
            stream: Any = open(source, "rb")  # noqa: SIM115 - the parser closes it when done
        except (OSError, ValueError) as err:
            message = f"无法打开 {name}：{reason(err)}"
            raise UnreadableInput(message, source=name) from err
    elif hasattr(source, "read"):
        stream = source if hasattr(source, "seek") else io.BytesIO(source.read())
    else:
        message = f"无法读取 {type(source).__name__}：应为文件路径或二进制文件对象"
        raise UnreadableInput(message)
    return stream


def _check_prolog(stream: Any, name: str) -> str:
    """Refuse a DOCTYPE or ENTITY before the root element; return the root's local name."""
    start = stream.tell()
    head = b""
    while len(head) < _PROLOG_LIMIT:
        chunk = stream.read(65536)
        if not isinstance(chunk, bytes):
            message = f"{name} 应以二进制方式打开"
            raise UnreadableInput(message, source=name)
        head += chunk
        if declares_dtd(head):
            message = (
                f"{name} 含有 DOCTYPE（DTD）或实体声明；为防止实体膨胀和外部实体攻击，"
                "banzhang 拒绝读取任何带 DTD 的 XML"
            )
            raise UnreadableInput(message, source=name)
        if root_start(head) is not None or not chunk:
            break
    stream.seek(start)
    return root_name(head)


def _parse(stream: Any, tags: list[str] | None = None) -> Any:
    return etree.iterparse(
        stream,
        events=("end",) if tags else ("start", "end"),
        tag=tags,
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


@attrs.define
class _XmlStream:
    kind: str
    envelope: dict[str, Any]
    lines: dict[str, int]
    items: Iterator[_Read]
    problems: list[tuple[str, int, str]]


def _open(
    source: Any,
    kind: str | None,
    *,
    with_lines: bool = False,
    options: ReadOptions | None = None,
) -> _XmlStream:
    name = os.fspath(source) if isinstance(source, str | os.PathLike) else "<xml>"
    stream = _source_bytes(source, name)
    owned = stream if stream is not source else None  # a file we opened is ours to close
    try:
        opened = _opened(stream, owned, name, kind, with_lines=with_lines)
    except BaseException:
        if owned is not None:
            owned.close()
        raise
    opened.envelope.update(for_kind(given_envelope(options), opened.kind))  # the caller's win
    return opened


def _opened(
    stream: Any, owned: Any, name: str, kind: str | None, *, with_lines: bool
) -> _XmlStream:
    root = _check_prolog(stream, name)
    found = _kind(root, kind, name)
    # lxml reports only elements named like the root's children (in any namespace): Python does
    # not see the elements inside an item until the item is complete.
    tags = [f"{{*}}{spec.name}" for spec in fields_of(found.document)]
    tags.append(f"{{*}}{root}")  # the root's end: the text after its last child
    reader = _Reader(with_lines=with_lines)
    envelope: dict[str, Any] = {}
    lines: dict[str, int] = {}
    pending: list[_Read] = []
    children = _children(_parse(stream, tags), name, owned, reader.problems)
    for child in children:
        if not envelope and not pending and (foreign := _foreign_namespace(child)):
            reader.problems.append(foreign)
        if found.is_list and _local(child.tag) == "items":
            pending.append(reader.read_object(child, found.item, "$.items[0]"))
            break
        reader.add_field(envelope, lines, found.document, child, "$")
    _complete_arrays(envelope, found.document)
    items = _items(found, reader, pending, children)
    return _XmlStream(found.id, envelope, lines, items, reader.problems)


def _items(
    found: kinds.Kind, reader: _Reader, first: list[_Read], children: Iterator[Any]
) -> Iterator[_Read]:
    yield from first
    index = len(first)
    for child in children:
        if _local(child.tag) != "items":
            message = f"第 {child.sourceline} 行的“{_local(child.tag)}”应在所有事项（items）之前"
            raise UnreadableInput(message)
        yield reader.read_object(child, found.item, f"$.items[{index}]")
        index += 1


def _children(
    events: Any, name: str, owned: Any = None, problems: list[tuple[str, int, str]] | None = None
) -> Iterator[Any]:
    """Yield each complete child of the root, then forget it: memory stays flat.

    Text directly under the root (before, between or after its children) is noted in
    ``problems``: a child's tail is only known once the next child or the root's end is read.
    ``owned``, a file opened for the caller, is closed when the children are done with, read to
    the end or abandoned.
    """
    noted: list[tuple[str, int, str]] = [] if problems is None else problems
    first = True
    last: Any = None  # the last child yielded: the root's children not yielded are unknown
    namespace: dict[str, str] = {}  # the first child's: another one is noted, not read
    try:
        for _event, element in events:
            parent = element.getparent()
            if parent is None:
                _note_root_text(element, noted)
                _note_unknown(reversed(element), last, noted)
                continue
            if parent.getparent() is not None:
                continue  # an element of the same name deeper down: part of its parent
            if first:  # the root's own text ends where its first child starts
                _note_text(parent, noted)
                first = False
            previous = element.getprevious()  # finished: its tail ends where this child starts
            if previous is not None:
                _note_tail(previous, noted)
                if previous is not last:  # elements the parse did not report stand between
                    _note_unknown(element.itersiblings(preceding=True), last, noted)
            last = element
            tag = element.tag
            if tag[: tag.find("}") + 1] == namespace.setdefault("first", tag[: tag.find("}") + 1]):
                yield element
            else:  # a second namespace in one document: not read as banzhang's
                noted.append(_other_namespace(element))
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as err:
        raise _unreadable(name, err) from err
    finally:
        if owned is not None:
            owned.close()


def _note_unknown(siblings: Iterator[Any], last: Any, problems: list[tuple[str, int, str]]) -> None:
    """Note the root's children that are no element of the kind (the parse reports only those
    that are): ``siblings`` walk back from a child, or from the root's end, to ``last``."""
    unknown = list(itertools.takewhile(lambda sibling: sibling is not last, siblings))
    for sibling in reversed(unknown):
        message = f"根元素下有无法识别的元素“{_local(sibling.tag)}”，其内容未读入"
        problems.append(("$", sibling.sourceline or 0, message))


def _namespace(element: Any) -> str:
    return element.tag.partition("}")[0][1:] if str(element.tag).startswith("{") else ""


def _other_namespace(element: Any) -> tuple[str, int, str]:
    shown = _namespace(element) or "（无命名空间）"
    message = f"“{_local(element.tag)}”在另一个命名空间 {shown} 中，与文档其余部分不同，未读入"
    return ("$", element.sourceline or 0, message)


def _note_root_text(root: Any, problems: list[tuple[str, int, str]]) -> None:
    """At the root's end: note its text (a root with no children) and its last child's tail."""
    _note_text(root, problems)
    if len(root):
        _note_tail(root[-1], problems)


def _note_text(root: Any, problems: list[tuple[str, int, str]]) -> None:
    """Note stray text before the root's first child, once."""
    if (root.text or "").strip():
        problems.append(
            ("$", root.sourceline or 0, f"根元素下有多余的文字“{root.text.strip()[:20]}”，已忽略")
        )
    root.text = None


def _note_tail(child: Any, problems: list[tuple[str, int, str]]) -> None:
    """Note stray text after a finished child of the root, once."""
    if (child.tail or "").strip():
        text = child.tail.strip()[:20]
        problems.append(("$", child.sourceline or 0, f"根元素下有多余的文字“{text}”，已忽略"))
    child.tail = None


def _unreadable(name: str, err: BaseException) -> UnreadableInput:
    return UnreadableInput(f"{name} 不是有效的 XML：{reason(err)}", source=name)


def _local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else str(tag)


def _kind(local: str, kind: str | None, name: str) -> kinds.Kind:
    if kind is not None:
        return kinds.get(kind)
    if not local:
        raise UnreadableInput(f"{name} 不是有效的 XML：没有根元素", source=name)
    try:
        return kinds.get(local)
    except UnreadableInput:
        message = f"{name} 的根元素“{local}”不是已知的文档类型；可用 --kind 指定"
        raise UnreadableInput(message, source=name) from None


def _complete_arrays(data: dict[str, Any], model: Any) -> None:
    """An array is its element repeated, so none at all is an empty array, not a missing one.

    A required array with too few entries is then reported once, as ``structure.min-items``.
    """
    if model is None:
        return
    for spec in fields_of(model):
        if spec.shape == "array" and spec.required and spec.name != "items":
            data.setdefault(spec.name, [])


#: How one child element is read: (element id, shape, is an array, nested plan).
_Step = tuple[str, str, bool, "_Plan | None"]


class _Plan:
    """What to do with each child tag of a model's element, learned once per tag spelling.

    Reading is the hot path: this keeps name splitting and spec lookups out of the loop.
    """

    def __init__(self, model: Any) -> None:
        self.model = model
        self.steps: dict[str, _Step] = {}
        specs = fields_of(model) if model is not None else ()
        self.required_arrays = [
            spec.name
            for spec in specs
            if spec.shape == "array" and spec.required and spec.name != "items"
        ]

    def step(self, tag: Any) -> _Step:
        found = self.steps.get(tag)
        if found is None:
            name = _local(tag)
            spec = _specs(self.model).get(name)
            if spec is None:
                found = (name, "", False, _plan(None))
            else:
                shape = (spec.item_shape if spec.shape == "array" else spec.shape) or "str"
                nested = _plan(spec.model) if shape == "object" else None  # type: ignore[arg-type]  # classes hash; typeshed says not
                found = (name, shape, spec.shape == "array", nested)
            if isinstance(tag, str):
                self.steps[tag] = found
        return found


@functools.cache
def _plan(model: Any) -> _Plan:
    return _Plan(model)


def _fast_object(element: Any, plan: _Plan) -> dict[str, Any]:
    data: dict[str, Any] = {}
    steps = plan.steps  # the hot loop of reading: each tag's step looked up without a call
    for child in element:
        name, shape, is_array, nested = steps.get(child.tag) or plan.step(child.tag)
        grandchildren = len(child)
        if shape == "object" or (grandchildren and not shape):
            value: Any = _fast_object(child, nested or _plan(None))
        elif grandchildren:
            value = {_local(grandchild.tag): grandchild.text for grandchild in child}
        elif shape == "str":
            value = child.text or ""
        else:
            value = _scalar(child.text or "", shape)
        if is_array:
            data.setdefault(name, []).append(value)
        elif name in data:
            previous = data[name]
            data[name] = [*(previous if isinstance(previous, list) else [previous]), value]
        else:
            data[name] = value
    for name in plan.required_arrays:
        data.setdefault(name, [])
    return data


def _scalar(text: str, shape: str) -> Any:
    # An integer longer than Python converts (4,300 digits) stays text: a structure.type finding.
    if shape == "int" and len(text) < _LONGEST_INTEGER and _INTEGER.fullmatch(text):
        return int(text)
    if shape == "bool" and text.strip() in ("true", "1", "false", "0"):
        return text.strip() in ("true", "1")
    if shape == "date":
        # XML white space around a date is layout, as XSD's xs:date collapses it.
        return text.strip(" \t\r\n")
    return text


@functools.cache
def _specs(model: Any) -> dict[str, FieldSpec]:
    """Each element id of ``model`` with its declaration; earlier ids too (read, then reported)."""
    if model is None:
        return {}
    found = {spec.name: spec for spec in fields_of(model)}
    return {**{old: found[new] for old, new in renames_of(model).items()}, **found}


class _Reader:
    """Turns elements into JSON-shaped data; records lines only when findings will need them."""

    def __init__(self, *, with_lines: bool) -> None:
        self.with_lines = with_lines
        #: Set-aside content of the envelope (items carry their own in their _Read).
        self.problems: list[tuple[str, int, str]] = []

    def read_object(self, element: Any, model: Any, path: str) -> _Read:
        if not self.with_lines:
            return _Read(_fast_object(element, _plan(model)), {})
        data: dict[str, Any] = {}
        lines: dict[str, int] = {path: element.sourceline}
        outer, self.problems = self.problems, []
        _note_unexpected(element, path, self.problems, children=True)
        for child in element:
            self.add_field(data, lines, model, child, path)
        _complete_arrays(data, model)
        read = _Read(data, lines, self.problems)
        self.problems = outer
        return read

    def add_field(
        self, data: dict[str, Any], lines: dict[str, int], model: Any, child: Any, path: str
    ) -> None:
        field_name = _local(child.tag)
        spec = _specs(model).get(field_name)
        if spec is not None and spec.shape == "array":
            entries = data.setdefault(field_name, [])
            where = f"{path}.{field_name}[{len(entries)}]" if self.with_lines else path
            entries.append(self.value(child, spec, spec.item_shape or "str", where, lines))
        else:
            where = f"{path}.{field_name}" if self.with_lines else path
            value = self.value(child, spec, spec.shape if spec else "", where, lines)
            if field_name in data:
                # A single element given twice: keep both, so validation says what is wrong.
                previous = data[field_name]
                value = [*(previous if isinstance(previous, list) else [previous]), value]
            data[field_name] = value
        if self.with_lines:
            lines[where] = child.sourceline
            _note_unexpected(child, where, self.problems, children=bool(len(child)))

    def value(
        self, element: Any, spec: FieldSpec | None, shape: str, path: str, lines: dict[str, int]
    ) -> Any:
        if shape == "object" or (spec is None and len(element)):
            read = self.read_object(element, spec.model if spec else None, path)
            lines.update(read.lines)
            return read.data
        if len(element):
            return {_local(child.tag): child.text for child in element}
        return _scalar(element.text or "", shape)


#: The namespaces of banzhang's XML: this spec version's and the earlier ones it still reads.
_KNOWN_NAMESPACES = frozenset({NAMESPACE, "urn:banzhang:xml:1.1", "urn:banzhang:xml:1.0"})


def _note_unexpected(
    element: Any, path: str, problems: list[tuple[str, int, str]], *, children: bool
) -> None:
    """Note what banzhang's XML never holds: attributes, stray text, a foreign namespace."""
    line = element.sourceline or 0
    if element.attrib:
        names = "、".join(_local(name) for name in element.attrib)
        problems.append((path, line, f"元素带有属性 {names}；banzhang 的 XML 不用属性，已忽略"))
    if children and (element.text or "").strip():
        text = element.text.strip()[:20]
        problems.append((path, line, f"子元素之间有多余的文字“{text}”，已忽略"))
    for child in element if children else ():
        if (child.tail or "").strip():
            text = child.tail.strip()[:20]
            problems.append((path, child.sourceline or line, f"多余的文字“{text}”，已忽略"))


def _foreign_namespace(element: Any) -> tuple[str, int, str] | None:
    """The problem of a document outside banzhang's namespace (told once, at its first element)."""
    namespace = element.tag.partition("}")[0][1:] if isinstance(element.tag, str) else ""
    if namespace in _KNOWN_NAMESPACES:
        return None
    shown = namespace or "（无命名空间）"
    message = f"文档的命名空间 {shown} 不是 banzhang 的 {NAMESPACE}；按元素名读取"
    return ("$", element.sourceline or 0, message)


def _nearest_line(path: str, lines: dict[str, int]) -> int | None:
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


def iter_load_data(
    source: Any, *, kind: str | None = None, options: ReadOptions | None = None
) -> ItemStream:
    """Read a list lazily, each item as JSON-shaped data (a single document: the envelope)."""
    stream = _open(source, kind, options=options)
    return ItemStream(stream.kind, stream.envelope, (read.data for read in stream.items))


def load_data(
    source: Any, *, kind: str | None = None, options: ReadOptions | None = None
) -> dict[str, Any]:
    """Read a whole document as JSON-shaped data, without judging it."""
    stream = _open(source, kind, options=options)
    if kinds.get(stream.kind).is_list:
        return {**stream.envelope, "items": [read.data for read in stream.items]}
    return stream.envelope


def load(source: Any, *, kind: str | None = None, options: ReadOptions | None = None) -> Any:
    """Read a document as a model.

    Raises:
        UnreadableInput: not XML, a DTD, or an unknown root element.
        InvalidDocument: read, but not of the kind's shape.
    """
    return from_data(load_data(source, kind=kind, options=options), kind)


def iter_load(
    source: Any, *, kind: str | None = None, options: ReadOptions | None = None
) -> ItemStream:
    """Read a list lazily, each item as a model."""
    return models_of(iter_load_data(source, kind=kind, options=options))


def iter_findings(
    source: Any,
    *,
    kind: str | None = None,
    options: ReadOptions | None = None,
    against: Against | None = None,
    power_codes: Collection[str] | None = None,
    retired: Collection[str] | None = None,
) -> Iterator[Finding]:
    """Read and validate an XML document, each finding naming its line (``第 12 行``).

    ``against`` (or ``power_codes``, the region's 权责清单 codes, and ``retired``) adds the 同源
    and retired-code checks, as in validation.
    """
    power_codes, retired = resolved(against, power_codes, retired)
    stream = _open(source, kind, with_lines=True, options=options)
    current: list[_Read] = []
    set_aside = stream.problems  # the reader adds to it until the root's end is read

    def items() -> Iterator[dict[str, Any]]:
        for read in stream.items:
            current[:] = [read]
            set_aside.extend(read.problems)
            yield read.data

    is_list = kinds.get(stream.kind).is_list
    document: Any = (
        ItemStream(stream.kind, stream.envelope, items()) if is_list else stream.envelope
    )
    checked = validation.iter_findings(
        document, kind=stream.kind, power_codes=power_codes, retired=retired
    )
    for finding in checked:
        yield from _unexpected(set_aside)
        lines = (
            current[0].lines if current and finding.path.startswith("$.items[") else stream.lines
        )
        line = _nearest_line(finding.path, lines)
        yield attrs.evolve(finding, source=Place.line(line)) if line else finding
    yield from _unexpected(set_aside)


def _unexpected(problems: list[tuple[str, int, str]]) -> list[Finding]:
    """The reader's set-aside content as ``xml.unexpected-content`` findings (emptying the list)."""
    found = [
        attrs.evolve(_finding("xml.unexpected-content", path, message), source=Place.line(line))
        for path, line, message in problems
    ]
    problems.clear()
    return found
