"""Formats are plugins with the same verbs; :class:`Format` writes the shared shape down.

The formats and the names ``format=`` takes for them (an extension, with or without its dot, or
the format's own name, any case):

========================  ===========================================================
``json``, ``jsonl``       JSON (a whole document) and JSON Lines (a list, an item a line)
``xlsx`` (``excel``)      banzhang's workbook, a department's filled-in template
``xml``                   banzhang's XML (``schemas/banzhang.xsd``)
``docx``                  a 服务指南 or 审查细则 as Word
``csv``                   a department's sheet saved as CSV (UTF-8 or GB18030)
``xls``, ``ods``          old and OpenDocument workbooks (``spreadsheet``), read only
========================  ===========================================================

A path's format is its extension. Bytes and binary streams without ``format=`` are sniffed: a
zip package by its content types (``xlsx``, ``docx``, ``ods``), an OLE2 file as ``xls``, ``{``
or ``[`` as JSON and ``<`` as XML; CSV and JSON Lines must be named.

>>> for_path("lists/power.xlsx").NAME
'excel'
>>> by_name(".XLSX").NAME
'excel'
>>> for_path("power.pdf").NAME  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
banzhang.errors.UnknownName: 不支持的文件类型“.pdf”；支持：.csv、.docx、.json、...、.xml
"""

from __future__ import annotations

import importlib
import io
import os
from collections.abc import Collection, Iterable, Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar, overload

from banzhang import _collector, validation
from banzhang.convert import models_of
from banzhang.documents import ItemStream, Source, Target, envelope_of, items_of
from banzhang.errors import InvalidDocument, UnknownName, UnreadableInput
from banzhang.formats._inputs import expand
from banzhang.formats._options import ReadOptions, with_envelope
from banzhang.formats._sniff import as_stream, sniff
from banzhang.validation.against import Against
from banzhang.validation.findings import Finding

if TYPE_CHECKING:
    from banzhang.kinds.fee_list import FeeList
    from banzhang.kinds.intermediary_list import IntermediaryList
    from banzhang.kinds.licensing_list import LicensingList
    from banzhang.kinds.power_list import PowerList
    from banzhang.kinds.public_service_list import PublicServiceList
    from banzhang.kinds.random_inspection_list import RandomInspectionList
    from banzhang.kinds.review_detail import ReviewDetail
    from banzhang.kinds.service_guide import ServiceGuide
    from banzhang.kinds.service_mode_list import ServiceModeList
    from banzhang.kinds.supervision_list import SupervisionList

__all__ = [
    "WORKBOOK_FORMATS",
    "Format",
    "Input",
    "ItemStream",
    "ListFile",
    "ReadOptions",
    "Source",
    "Target",
    "by_name",
    "dump",
    "envelope_of",
    "expand",
    "for_path",
    "is_valid",
    "items_of",
    "iter_dump",
    "iter_findings",
    "iter_load",
    "load",
    "load_data",
    "models_of",
    "pause_collector_during_reads",
    "register",
    "validate",
]


def pause_collector_during_reads(allowed: bool = True) -> None:
    """Let whole reads (a workbook, a JSON document) pause Python's cyclic garbage collector
    while they build the document — about a seventh of the time of a large workbook — and
    restore it after (``allowed=False`` stops it). The collector is the process's: the command
    line allows this, a library call never does it unless its program says so.
    """
    _collector.allow(allowed)


class Format(Protocol):
    """What every format module provides (``banzhang.formats.json`` is the first)."""

    NAME: str
    EXTENSIONS: tuple[str, ...]

    def load(
        self, source: Source, *, kind: str | None = None, options: ReadOptions | None = None
    ) -> Any:
        """Read a whole document as a model."""

    def load_data(
        self, source: Source, *, kind: str | None = None, options: ReadOptions | None = None
    ) -> Any:
        """Read a whole document as JSON-shaped data, without judging it."""

    def dump(self, document: Any, target: Target) -> None:
        """Write a whole document."""

    def iter_load(
        self, source: Source, *, kind: str | None = None, options: ReadOptions | None = None
    ) -> ItemStream:
        """Read a list item by item."""

    def iter_load_data(
        self, source: Source, *, kind: str | None = None, options: ReadOptions | None = None
    ) -> ItemStream:
        """Read item by item as JSON-shaped data (a single document: all of it as the envelope)."""

    def iter_dump(self, kind: str, envelope: Any, items: Iterable[Any], target: Target) -> None:
        """Write a list item by item."""

    def iter_findings(
        self,
        source: Source,
        *,
        kind: str | None = None,
        options: ReadOptions | None = None,
        against: Against | None = None,
        power_codes: Collection[str] | None = None,
        retired: Collection[str] | None = None,
    ) -> Iterator[Any]:
        """Read and validate, yielding every finding with its place in the source (and 同源
        against ``power_codes``, the region's 权责清单 codes, when given; and the register of
        ``retired`` codes — both also as ``against``)."""


# Extension → module, imported on first use: a format costs nothing until a file needs it.
_BY_EXTENSION: dict[str, str] = {
    ".json": "banzhang.formats.json",
    ".jsonl": "banzhang.formats.json",
    ".xlsx": "banzhang.formats.excel",
    ".xml": "banzhang.formats.xml",
    ".csv": "banzhang.formats.csv",
    ".xls": "banzhang.formats.spreadsheet",
    ".ods": "banzhang.formats.spreadsheet",
    ".docx": "banzhang.formats.docx",
}

#: Formats read as a department's workbook: they take the envelope elements a caller supplies.
WORKBOOK_FORMATS = frozenset({"excel", "csv", "spreadsheet"})


def register(module_name: str, extensions: Iterable[str]) -> None:
    """Make the format module ``module_name`` available for ``extensions`` (``.xml``)."""
    for extension in extensions:
        _BY_EXTENSION[extension.lower()] = module_name


def for_path(path: str | os.PathLike[str]) -> Format:
    """Return the format that handles ``path``, chosen by its extension.

    Raises:
        UnknownName: no format handles that extension (an :class:`UnreadableInput`).
    """
    suffix = PurePath(path).suffix.lower()
    found = _BY_EXTENSION.get(suffix)
    if found is None:
        known = "、".join(sorted(_BY_EXTENSION))
        if suffix:
            message = f"不支持的文件类型“{suffix}”；支持：{known}"
        else:
            message = f"无法从文件名“{PurePath(path).name}”看出格式；请用 format= 指明（{known}）"
        raise UnknownName(message, name=suffix, source=os.fspath(path))
    result: Format = importlib.import_module(found)  # type: ignore[assignment,unused-ignore]  # a module is the Format
    return result


class ListFile:
    """A list file read twice: its envelope now, its items streamed each time they are asked for.

    What the cross-list checks take: they order many lists by their envelopes before reading
    any items, and holding every list's items meanwhile is what this avoids. ``envelope_of`` and
    ``items_of`` accept it like an :class:`ItemStream`.

    Attributes:
        path: the file.
        kind: the kind id the file declares (read from its envelope).
        envelope: the list's envelope as JSON-shaped data.

    Raises:
        UnreadableInput: the file cannot be read, or its format or kind is unknown.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = PurePath(path)
        self._format = for_path(path)
        opened = self._format.iter_load_data(path)
        self.kind: str = opened.kind
        self.envelope: dict[str, Any] = opened.envelope
        if "items" in self.envelope:
            found = type(self.envelope["items"]).__name__
            message = f"{path} 的“items”（事项）应为数组，实际为 {found}"
            raise UnreadableInput(message, source=os.fspath(path))

    @property
    def items(self) -> Iterator[Any]:
        """The items as JSON-shaped data, read afresh from the file."""
        return self._format.iter_load_data(self.path).items

    def __repr__(self) -> str:
        return f"ListFile({str(self.path)!r})"


def by_name(name: str) -> Format:
    """Return the format called ``name``: an extension with or without its dot (``xlsx``,
    ``.xlsx``, ``json``, ``jsonl``, ``xml``, ``docx``, ``csv``, ``xls``, ``ods``) or a format's
    own name (``excel``, ``spreadsheet``), in any case.

    Raises:
        UnknownName: no registered format has that name (an :class:`UnreadableInput`).
    """
    key = name.strip().lower()
    extension = key if key.startswith(".") else f".{key}"
    if extension in _BY_EXTENSION:
        return for_path(f"file{extension}")
    for module_name in dict.fromkeys(_BY_EXTENSION.values()):
        module: Format = importlib.import_module(module_name)  # type: ignore[assignment,unused-ignore]  # a module is the Format
        if key == module.NAME:
            return module
    known = "、".join(sorted({e.removeprefix(".") for e in _BY_EXTENSION}))
    message = f"未知的文件格式“{name}”；可用：{known}"
    raise UnknownName(message, name=name)


#: What the reading functions take: a path, a binary stream, or the bytes of a file.
Input = Source | bytes | bytearray | memoryview
_M = TypeVar("_M")


def _chosen(where: Input, format: str | None, *, reading: bool = True) -> tuple[Format, Any]:  # noqa: A002 - the public keyword
    """The format to use and the source or target to give it (bytes become a stream)."""
    if isinstance(where, bytes | bytearray | memoryview):
        where = as_stream(where)
    opened = hasattr(where, "read") or hasattr(where, "write")
    if not isinstance(where, str | os.PathLike) and not opened:
        message = f"应为文件路径、二进制文件对象或文件的字节，实际为 {type(where).__name__}"
        raise TypeError(message)
    if isinstance(where, str) and _looks_like_content(where):
        message = (
            "banzhang 把 str 当作文件路径，这段文字却像是文件内容；"
            "请传入它的字节（text.encode()）或二进制文件对象，并可用 format= 指明格式"
        )
        raise TypeError(message)
    if format is not None:
        chosen = by_name(format)
        if chosen.NAME == "json" and format.strip().lower().lstrip(".") == "jsonl":
            where = _named_jsonl(where, reading=reading)
        return chosen, where
    if isinstance(where, str | os.PathLike):
        return for_path(where), where
    found = sniff(where) if reading and hasattr(where, "seek") else None
    if found is None:
        message = (
            "从文件对象读写时须以 format= 指明格式（json、jsonl、xlsx、xml、docx、csv、xls、ods）；"
            "读取时只有 xlsx、docx、ods、xls、JSON 和 XML 能从内容认出"
        )
        raise TypeError(message)
    return by_name(found), where


def _looks_like_content(text: str) -> bool:
    """A str that no file system would hold as a path, but a document's text would be."""
    stripped = text.lstrip("\ufeff \t\r\n")
    return ("\n" in text or stripped.startswith(("{", "[", "<"))) and not os.path.exists(text)


def _named_jsonl(where: Any, *, reading: bool) -> Any:
    """A stream the JSON format takes as JSON Lines (it tells them apart by the name)."""
    if isinstance(where, str | os.PathLike) or str(getattr(where, "name", "")).endswith(".jsonl"):
        return where
    if not reading:
        return _JsonLinesTarget(where)
    named = io.BytesIO(where.read())
    named.name = "<stream>.jsonl"  # BytesIO takes attributes
    return named


class _JsonLinesTarget:
    """A caller's binary stream, named so that the JSON format writes JSON Lines into it."""

    name = "<stream>.jsonl"

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        written: int = self._stream.write(data)
        return written


def _kind_of_model(model: type[Any]) -> str:
    from banzhang import kinds  # noqa: PLC0415 - the registry loads every kind; typed loads only

    for kind in kinds.all_kinds():
        if kind.document is model:
            return kind.id
    message = f"{model.__name__} 不是 banzhang 的文档类型；可用：" + "、".join(
        kind.document.__name__ for kind in kinds.all_kinds()
    )
    raise UnknownName(message, name=model.__name__)


@overload
def load(
    source: Input, model: type[_M], *, format: str | None = None, options: ReadOptions | None = None
) -> _M: ...
@overload
def load(
    source: Input,
    *,
    kind: Literal["power-list"],
    format: str | None = None,
    options: ReadOptions | None = None,
) -> PowerList: ...
@overload
def load(
    source: Input,
    *,
    kind: Literal["licensing-list"],
    format: str | None = None,
    options: ReadOptions | None = None,
) -> LicensingList: ...
@overload
def load(
    source: Input,
    *,
    kind: Literal["intermediary-list"],
    format: str | None = None,
    options: ReadOptions | None = None,
) -> IntermediaryList: ...
@overload
def load(
    source: Input,
    *,
    kind: Literal["fee-list"],
    format: str | None = None,
    options: ReadOptions | None = None,
) -> FeeList: ...
@overload
def load(
    source: Input,
    *,
    kind: Literal["public-service-list"],
    format: str | None = None,
    options: ReadOptions | None = None,
) -> PublicServiceList: ...
@overload
def load(
    source: Input,
    *,
    kind: Literal["supervision-list"],
    format: str | None = None,
    options: ReadOptions | None = None,
) -> SupervisionList: ...
@overload
def load(
    source: Input,
    *,
    kind: Literal["random-inspection-list"],
    format: str | None = None,
    options: ReadOptions | None = None,
) -> RandomInspectionList: ...
@overload
def load(
    source: Input,
    *,
    kind: Literal["service-mode-list"],
    format: str | None = None,
    options: ReadOptions | None = None,
) -> ServiceModeList: ...
@overload
def load(
    source: Input,
    *,
    kind: Literal["service-guide"],
    format: str | None = None,
    options: ReadOptions | None = None,
) -> ServiceGuide: ...
@overload
def load(
    source: Input,
    *,
    kind: Literal["review-detail"],
    format: str | None = None,
    options: ReadOptions | None = None,
) -> ReviewDetail: ...
@overload
def load(
    source: Input,
    *,
    kind: str | None = None,
    format: str | None = None,
    options: ReadOptions | None = None,
) -> Any: ...
def load(
    source: Input,
    model: type[Any] | None = None,
    *,
    kind: str | None = None,
    format: str | None = None,  # noqa: A002 - the public keyword
    options: ReadOptions | None = None,
) -> Any:
    """Read a whole document as a model.

    Args:
        source: a path (its extension names the format), a binary stream or bytes (sniffed, or
            named by ``format``). A ``str`` is always a path: text raises :class:`TypeError`.
        model: the document class expected (``load(path, PowerList)``), typed for mypy; a file
            of another kind is an :class:`InvalidDocument`.
        kind: the kind id, when the file does not say it (a workbook, a CSV); typed for mypy.
        format: ``json``, ``jsonl``, ``xlsx``, ``xml``, ``docx``, ``csv``, ``xls``, ``ods``
            (with or without the dot).
        options: what the caller knows that the file may not say
            (:class:`~banzhang.formats.ReadOptions`: envelope elements such as the region of a
            department's workbook without 清单信息; a workbook's limits).

    >>> from banzhang import examples
    >>> load(examples.path("power-list")).kind
    'power-list'

    Raises:
        UnreadableInput: the file cannot be read, or its format or kind is unknown
            (:class:`UnknownName`, a :class:`LookupError`, for an unknown name).
        InvalidDocument: the content does not have the kind's shape (``findings`` say where).
        TypeError: a ``str`` that is a document's text, or a stream whose format cannot be told.
    """
    chosen, where = _chosen(source, format)
    if model is not None:
        kind = _kind_of_model(model)
    return chosen.load(where, kind=kind, options=options)


def load_data(
    source: Input,
    *,
    kind: str | None = None,
    format: str | None = None,  # noqa: A002 - the public keyword
    options: ReadOptions | None = None,
) -> Any:
    """Read a whole document as JSON-shaped data, without judging it.

    ``source``, ``kind``, ``format`` and ``options`` as for :func:`load`.

    Raises:
        UnreadableInput: the file cannot be read or its format is unknown.
        TypeError: a ``str`` that is a document's text, or a stream whose format cannot be told.
    """
    chosen, where = _chosen(source, format)
    return chosen.load_data(where, kind=kind, options=options)


def dump(document: Any, target: Target, *, format: str | None = None) -> None:  # noqa: A002
    """Write a whole document (a model or JSON-shaped data), atomically.

    ``target`` is a path, whose extension names the format (``.json``, ``.jsonl``, ``.xlsx``,
    ``.xml``, ``.docx``, ``.csv``), or a binary stream with ``format`` naming it.

    Raises:
        InvalidDocument: the document cannot be written in the format (a character XML forbids).
        UnwritableOutput: the target cannot be written; nothing is left half-written.
        UnknownName: the format is unknown.
        TypeError: ``document`` is no document (neither a model nor data with a ``kind``), or a
            stream without ``format``.
    """
    kind = document.get("kind") if isinstance(document, dict) else getattr(document, "kind", None)
    if not isinstance(kind, str):
        found = type(document).__name__
        message = f"要写出的不是清单或文档（应为模型或带 kind 的数据），实际为 {found}"
        raise TypeError(message)
    chosen, where = _chosen(target, format, reading=False)
    chosen.dump(document, where)


def iter_load(
    source: Input,
    *,
    kind: str | None = None,
    format: str | None = None,  # noqa: A002 - the public keyword
    options: ReadOptions | None = None,
) -> ItemStream:
    """Read a list item by item, each item a model; the arguments as for :func:`load`.

    Raises:
        UnreadableInput: the file cannot be read, or its format or kind is unknown.
        InvalidDocument: an item does not have the kind's shape (raised when it is reached).
        TypeError: a ``str`` that is a document's text, or a stream whose format cannot be told.
    """
    chosen, where = _chosen(source, format)
    return chosen.iter_load(where, kind=kind, options=options)


def iter_dump(
    kind: str,
    envelope: Any,
    items: Iterable[Any],
    target: Target,
    *,
    format: str | None = None,  # noqa: A002 - the public keyword
) -> None:
    """Write a list item by item; ``target`` and ``format`` as for :func:`dump`.

    Raises:
        InvalidDocument: an item cannot be written in the format.
        UnwritableOutput: the target cannot be written; nothing is left half-written.
        UnknownName: the kind or the format is unknown.
        TypeError: a stream without ``format``.
    """
    chosen, where = _chosen(target, format, reading=False)
    chosen.iter_dump(kind, envelope, items, where)


def iter_findings(
    document: Any,
    *,
    kind: str | None = None,
    power_codes: Collection[str] | None = None,
    retired: Collection[str] | None = None,
    format: str | None = None,  # noqa: A002 - the public keyword
    options: ReadOptions | None = None,
    against: Against | None = None,
) -> Iterator[Finding]:
    """Yield every problem of a document: a model, JSON-shaped data — or a file (a path, a
    binary stream or bytes, with ``format`` as for :func:`load`).

    A file is read in its format, and each finding names its place there (``权责清单!E17``, a
    line). See :func:`banzhang.validation.iter_findings` for ``power_codes`` (同源) and
    ``retired`` (the register of retired codes), or both as ``against``
    (:class:`~banzhang.validation.Against`); ``options`` as for :func:`load`.

    Raises:
        UnreadableInput: a file cannot be read, or its format or kind is unknown.
        TypeError: a ``str`` that is a document's text, or a stream whose format cannot be told.
    """
    if _is_file(document) or format is not None:
        chosen, where = _chosen(document, format)
        found: Iterator[Finding] = chosen.iter_findings(
            where,
            kind=kind,
            options=options,
            against=against,
            power_codes=power_codes,
            retired=retired,
        )
        return found
    document = with_envelope(document, options) if isinstance(document, dict) else document
    return validation.iter_findings(
        document, kind=kind, power_codes=power_codes, retired=retired, against=against
    )


def _is_file(document: Any) -> bool:
    readable = hasattr(document, "read") and hasattr(document, "seek")
    return isinstance(document, str | os.PathLike | bytes | bytearray | memoryview) or readable


def validate(
    document: Any,
    *,
    kind: str | None = None,
    format: str | None = None,  # noqa: A002 - the public keyword
    options: ReadOptions | None = None,
    against: Against | None = None,
) -> None:
    """Raise :class:`InvalidDocument` if a document or file has any finding of severity error.

    The arguments as for :func:`iter_findings`.

    Raises:
        InvalidDocument: with every finding of severity error (and the warnings seen with them).
        UnreadableInput: a file cannot be read, or its format or kind is unknown.
    """
    found = iter_findings(document, kind=kind, format=format, options=options, against=against)
    validation.raise_for_errors(found)


def is_valid(
    document: Any,
    *,
    kind: str | None = None,
    format: str | None = None,  # noqa: A002 - the public keyword
    options: ReadOptions | None = None,
    against: Against | None = None,
) -> bool:
    """Return whether a document or file has no finding of severity error (the arguments as
    for :func:`iter_findings`).

    Raises:
        UnreadableInput: a file cannot be read, or its format or kind is unknown.
    """
    try:
        validate(document, kind=kind, format=format, options=options, against=against)
    except InvalidDocument:
        return False
    return True
