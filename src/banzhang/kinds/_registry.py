"""The registry of document kinds: adding a kind is one module plus one :func:`register` call."""

from __future__ import annotations

from typing import Any

import attrs

from banzhang.declare import model
from banzhang.errors import UnknownName

__all__ = [
    "CHARGES",
    "INTERMEDIARY",
    "REFERENCE",
    "SAME_ITEM",
    "SAME_SOURCE",
    "SERVICE_MODES",
    "Kind",
    "all_kinds",
    "by_title",
    "get",
    "register",
    "with_role",
]

#: The list other lists are checked against: the 权责清单 (同源, 三级五同, the 三办率's base).
REFERENCE = "reference"
#: Its items must reference a 基本编码 of the region's reference list (同源 [S 003]).
SAME_SOURCE = "same-source"
#: Its items are the reference list's items themselves (not items that point at one): 同源
#: compares their names too.
SAME_ITEM = "same-item"
#: Its items say how an item is served (马上办, 网上办, …): the 三办率's numerator.
SERVICE_MODES = "service-modes"
#: Its items are the 中介服务事项 that 中介服务收费 items name (the reference of :data:`CHARGES`).
INTERMEDIARY = "intermediary"
#: Its 中介服务收费 items name an item of the region's :data:`INTERMEDIARY` list (同源 [S 003]).
CHARGES = "charges"


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
        roles: what the cross-list checks use it for (:data:`REFERENCE`, :data:`SAME_SOURCE`,
            :data:`SAME_ITEM`, :data:`SERVICE_MODES`, :data:`INTERMEDIARY`, :data:`CHARGES`).
        sections: for a single document, its sections in reading order, each (title, the ids
            of the elements it holds): every element but ``kind`` and ``spec_version`` in one.
        also_called: other titles departments give documents of this kind (收费目录清单,
            审批操作规程): kind detection reads them in titles, sheet names and file names.
    """

    id: str
    title: str
    document: type[Any]
    item: type[Any] | None
    source: str
    order: int = 100
    description: str = ""
    roles: frozenset[str] = frozenset()
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()
    also_called: tuple[str, ...] = ()

    def has(self, role: str) -> bool:
        """Whether this kind plays ``role``."""
        return role in self.roles

    @property
    def is_list(self) -> bool:
        """Whether documents of this kind are lists of items."""
        return self.item is not None


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add ``kind`` to the registry (replacing one with the same id) and return it.

    The kind's title, description and source are its document model's declaration too.
    """
    model(kind.title, description=kind.description, source=kind.source)(kind.document)
    _KINDS[kind.id] = kind
    return kind


def get(kind_id: str) -> Kind:
    """Return the kind called ``kind_id``.

    Raises:
        UnknownName: no such kind is registered (a :class:`LookupError`).
    """
    try:
        return _KINDS[kind_id]
    except (KeyError, TypeError):
        known = "、".join(_KINDS)
        message = f"未知的文档类型“{kind_id}”；已知类型：{known}"
        raise UnknownName(message, name=str(kind_id)) from None


def all_kinds() -> tuple[Kind, ...]:
    """Return every registered kind, in the SPEC's order and then by id."""
    return tuple(sorted(_KINDS.values(), key=lambda kind: (kind.order, kind.id)))


def by_title(text: str) -> Kind | None:
    """The kind whose title or other title ``text`` contains (the longest one found wins).

    >>> by_title("钦州市行政事业性收费项目目录").id
    'fee-list'
    >>> by_title("区城管局户外广告审批操作规程").id
    'review-detail'
    """
    names = sorted(
        ((name, kind) for kind in _KINDS.values() for name in (kind.title, *kind.also_called)),
        key=lambda pair: -len(pair[0]),
    )
    return next((kind for name, kind in names if name in text), None)


def with_role(role: str) -> tuple[Kind, ...]:
    """Return every registered kind that plays ``role``, in the SPEC's order."""
    return tuple(kind for kind in all_kinds() if kind.has(role))
