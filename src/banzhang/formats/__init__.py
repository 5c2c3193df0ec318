"""Formats are plugins with the same verbs; :class:`Format` writes the shared shape down.

>>> for_path("lists/power.xlsx").NAME
'excel'
>>> for_path("power.pdf").NAME  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
banzhang.errors.UnreadableInput: 不支持的文件类型“.pdf”；支持：.csv、.docx、.json、...、.xml
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Collection, Iterable, Iterator
from pathlib import PurePath
from typing import Any, Protocol

from banzhang import validation
from banzhang.convert import models_of
from banzhang.documents import ItemStream, Source, Target, envelope_of, items_of
from banzhang.errors import InvalidDocument, UnreadableInput
from banzhang.validation.findings import Finding

__all__ = [
    "WORKBOOK_FORMATS",
    "Format",
    "ItemStream",
    "ListFile",
    "Source",
    "Target",
    "by_name",
    "dump",
    "envelope_of",
    "for_path",
    "is_valid",
    "items_of",
    "iter_dump",
    "iter_findings",
    "iter_load",
    "load",
    "load_data",
    "models_of",
    "register",
    "validate",
]


class Format(Protocol):
    """What every format module provides (``banzhang.formats.json`` is the first)."""

    NAME: str
    EXTENSIONS: tuple[str, ...]

    def load(self, source: Source, *, kind: str | None = None) -> Any:
        """Read a whole document as a model."""

    def load_data(self, source: Source) -> Any:
        """Read a whole document as JSON-shaped data, without judging it."""

    def dump(self, document: Any, target: Target) -> None:
        """Write a whole document."""

    def iter_load(self, source: Source, *, kind: str | None = None) -> ItemStream:
        """Read a list item by item."""

    def iter_load_data(self, source: Source, *, kind: str | None = None) -> ItemStream:
        """Read item by item as JSON-shaped data (a single document: all of it as the envelope)."""

    def iter_dump(self, kind: str, envelope: Any, items: Iterable[Any], target: Target) -> None:
        """Write a list item by item."""

    def iter_findings(
        self,
        source: Source,
        *,
        kind: str | None = None,
        power_codes: Collection[str] | None = None,
        retired: Collection[str] | None = None,
    ) -> Iterator[Any]:
        """Read and validate, yielding every finding with its place in the source (and 同源
        against ``power_codes``, the region's 权责清单 codes, when given; and the register of
        ``retired`` codes)."""


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
        UnreadableInput: no format handles that extension.
    """
    suffix = PurePath(path).suffix.lower()
    found = _BY_EXTENSION.get(suffix)
    if found is None:
        known = "、".join(sorted(_BY_EXTENSION))
        message = f"不支持的文件类型“{suffix}”；支持：{known}"
        raise UnreadableInput(message, source=os.fspath(path))
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
    """Return the format called ``name`` (``json``, ``excel``, ``xml``).

    Raises:
        UnreadableInput: no registered format has that name.
    """
    for module_name in dict.fromkeys(_BY_EXTENSION.values()):
        module: Format = importlib.import_module(module_name)  # type: ignore[assignment,unused-ignore]  # a module is the Format
        if name == module.NAME:
            return module
    known = "、".join(sorted({m.rpartition(".")[2] for m in _BY_EXTENSION.values()}))
    message = f"未知的文件格式“{name}”；可用：{known}"
    raise UnreadableInput(message)


def _chosen(where: Source, format: str | None) -> Format:  # noqa: A002 - the public keyword
    opened = hasattr(where, "read") or hasattr(where, "write")
    if not isinstance(where, str | os.PathLike) and not opened:
        message = f"应为文件路径或文件对象，实际为 {type(where).__name__}"
        raise TypeError(message)
    if format is not None:
        return by_name(format)
    if isinstance(where, str | os.PathLike):
        return for_path(where)
    message = "从文件对象读写时须以 format= 指明格式（json、excel、xml）"
    raise TypeError(message)


def load(source: Source, *, kind: str | None = None, format: str | None = None) -> Any:  # noqa: A002
    """Read a whole document from a file as a model, in the format its extension names.

    >>> from banzhang import examples
    >>> load(examples.path("power-list")).kind
    'power-list'

    Raises:
        UnreadableInput: the file cannot be read, or its format or kind is unknown.
        InvalidDocument: the content does not have the kind's shape (``findings`` say where).
    """
    return _chosen(source, format).load(source, kind=kind)


def load_data(source: Source, *, format: str | None = None) -> Any:  # noqa: A002
    """Read a whole document from a file as JSON-shaped data, without judging it."""
    return _chosen(source, format).load_data(source)


def dump(document: Any, target: Target, *, format: str | None = None) -> None:  # noqa: A002
    """Write a whole document (a model or JSON-shaped data) in the format ``target`` names.

    Raises:
        TypeError: ``document`` is no document: neither a model nor data with a ``kind``.
    """
    kind = document.get("kind") if isinstance(document, dict) else getattr(document, "kind", None)
    if not isinstance(kind, str):
        found = type(document).__name__
        message = f"要写出的不是清单或文档（应为模型或带 kind 的数据），实际为 {found}"
        raise TypeError(message)
    _chosen(target, format).dump(document, target)


def iter_load(source: Source, *, kind: str | None = None, format: str | None = None) -> ItemStream:  # noqa: A002
    """Read a list item by item, each item a model."""
    return _chosen(source, format).iter_load(source, kind=kind)


def iter_dump(
    kind: str,
    envelope: Any,
    items: Iterable[Any],
    target: Target,
    *,
    format: str | None = None,  # noqa: A002 - the public keyword
) -> None:
    """Write a list item by item."""
    _chosen(target, format).iter_dump(kind, envelope, items, target)


def iter_findings(
    document: Any,
    *,
    kind: str | None = None,
    power_codes: Collection[str] | None = None,
    retired: Collection[str] | None = None,
    format: str | None = None,  # noqa: A002 - the public keyword
) -> Iterator[Finding]:
    """Yield every problem of a document: a model, JSON-shaped data, a stream — or a file.

    A file is read in its format, and each finding names its place there (``权责清单!E17``, a
    line). See :func:`banzhang.validation.iter_findings` for ``power_codes`` (同源) and
    ``retired`` (the register of retired codes).
    """
    if isinstance(document, str | os.PathLike) or format is not None:
        found: Iterator[Finding] = _chosen(document, format).iter_findings(
            document, kind=kind, power_codes=power_codes, retired=retired
        )
        return found
    return validation.iter_findings(document, kind=kind, power_codes=power_codes, retired=retired)


def validate(document: Any, *, kind: str | None = None, format: str | None = None) -> None:  # noqa: A002
    """Raise :class:`InvalidDocument` if a document or file has any finding of severity error."""
    validation.raise_for_errors(iter_findings(document, kind=kind, format=format))


def is_valid(document: Any, *, kind: str | None = None, format: str | None = None) -> bool:  # noqa: A002
    """Return whether a document or file has no finding of severity error."""
    try:
        validate(document, kind=kind, format=format)
    except InvalidDocument:
        return False
    return True
