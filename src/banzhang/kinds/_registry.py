"""The registry of document kinds: adding a kind is one module plus one :func:`register` call."""

from __future__ import annotations

from typing import Any

import attrs

from banzhang.errors import UnreadableInput

__all__ = ["Kind", "all_kinds", "get", "register"]


@attrs.frozen
class Kind:
    """A document kind of the standard.

    Attributes:
        id: the kind id written in documents (``power-list``).
        title: its Chinese title (权责清单).
        document: the model class of a whole document.
        item: the model class of one item, for lists; ``None`` for single documents.
        source: where the kind comes from (V/S/P/B tag and clause).
        order: where it stands in listings (the SPEC's order for the ten built-in kinds).
        description: what it is.
    """

    id: str
    title: str
    document: type[Any]
    item: type[Any] | None
    source: str
    order: int = 100
    description: str = ""

    @property
    def is_list(self) -> bool:
        """Whether documents of this kind are lists of items."""
        return self.item is not None


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add ``kind`` to the registry (replacing one with the same id) and return it."""
    _KINDS[kind.id] = kind
    return kind


def get(kind_id: str) -> Kind:
    """Return the kind called ``kind_id``.

    Raises:
        UnreadableInput: no such kind is registered.
    """
    try:
        return _KINDS[kind_id]
    except (KeyError, TypeError):
        known = "、".join(_KINDS)
        message = f"未知的文档类型 {kind_id!r}；已知类型：{known}"
        raise UnreadableInput(message) from None


def all_kinds() -> tuple[Kind, ...]:
    """Return every registered kind, in the SPEC's order and then by id."""
    return tuple(sorted(_KINDS.values(), key=lambda kind: (kind.order, kind.id)))
