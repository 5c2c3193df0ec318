"""Formats are plugins with the same verbs; :class:`Format` writes the shared shape down.

>>> for_path("lists/power.xlsx").NAME
'excel'
>>> for_path("power.csv").NAME
Traceback (most recent call last):
...
banzhang.errors.UnreadableInput: 不支持的文件类型“.csv”；支持：.json、.jsonl、.xlsx、.xml
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Collection, Iterable, Iterator
from pathlib import PurePath
from typing import IO, Any, Protocol

import attrs

from banzhang.errors import UnreadableInput

__all__ = [
    "Format",
    "ItemStream",
    "ListFile",
    "Source",
    "Target",
    "envelope_of",
    "for_path",
    "items_of",
    "models_of",
    "register",
]

#: Where a document is read from: a path, or a binary file object.
Source = str | os.PathLike[str] | IO[bytes]
#: Where a document is written to: a path, or a binary file object.
Target = str | os.PathLike[str] | IO[bytes]


@attrs.frozen
class ItemStream:
    """A list read or written item by item.

    Attributes:
        kind: the kind id.
        envelope: the list's envelope as JSON-shaped data, without ``items``.
        items: the items, produced lazily.
    """

    kind: str
    envelope: dict[str, Any]
    items: Iterator[Any]


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
        self, source: Source, *, kind: str | None = None, power_codes: Collection[str] | None = None
    ) -> Iterator[Any]:
        """Read and validate, yielding every finding with its place in the source (and 同源
        against ``power_codes``, the region's 权责清单 codes, when given)."""


# Extension → module, imported on first use: format modules import this one for ItemStream.
_BY_EXTENSION: dict[str, str] = {
    ".json": "banzhang.formats.json",
    ".jsonl": "banzhang.formats.json",
    ".xlsx": "banzhang.excel",
    ".xml": "banzhang.xml",
}


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

    @property
    def items(self) -> Iterator[Any]:
        """The items as JSON-shaped data, read afresh from the file."""
        return self._format.iter_load_data(self.path).items

    def __repr__(self) -> str:
        return f"ListFile({str(self.path)!r})"


def envelope_of(document: Any) -> dict[str, Any]:
    """Return the envelope of a list given as JSON-shaped data or as an :class:`ItemStream`."""
    if isinstance(document, dict):
        return document
    envelope: dict[str, Any] = document.envelope
    return envelope


def items_of(document: Any) -> Iterable[Any]:
    """Return the items of a list given as JSON-shaped data or as an :class:`ItemStream`."""
    if isinstance(document, dict):
        items = document.get("items")
        return items if isinstance(items, list) else ()
    streamed: Iterable[Any] = document.items
    return streamed


def models_of(stream: ItemStream) -> ItemStream:
    """Return ``stream`` with each item structured as a model (errors name ``$.items[i]``)."""
    from banzhang.convert import item_from_data  # noqa: PLC0415 - convert imports kinds

    items = (item_from_data(data, stream.kind, index) for index, data in enumerate(stream.items))
    return ItemStream(stream.kind, stream.envelope, items)
