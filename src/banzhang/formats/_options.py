"""What a caller tells a reader that the file may not say: the options of every format.

A platform that receives a department's workbook without a 清单信息 sheet knows its region,
level and department from who sent it: :class:`ReadOptions` carries them (``envelope``), and
how far a workbook may be read (``limits``), to whichever format the file is in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from banzhang.documents import ItemStream

if TYPE_CHECKING:  # a format's module is imported when a file needs it; this one always is
    from banzhang.formats.sheets import Limits

__all__ = ["ReadOptions", "for_kind", "given_envelope", "merged_envelope", "with_envelope"]


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How to read a file.

    Attributes:
        envelope: envelope elements the caller supplies (``region``, ``level``, ``department``,
            ``version``, ``effective_date`` …), as document values; they win over what the
            file says or implies. Those the document's kind does not have are left out.
        limits: how large a workbook (.xlsx) may be read, and how (read whole or streamed);
            other formats have limits of their own.
    """

    envelope: Mapping[str, Any] | None = None
    limits: Limits | None = None


def for_kind(given: Mapping[str, Any] | None, kind: str | None) -> dict[str, Any]:
    """The elements of ``given`` that documents of ``kind`` have: a platform may supply its
    region and level with every file it receives, and a 服务指南 without a 层级 gets none."""
    if not given:
        return {}
    from banzhang import kinds  # noqa: PLC0415 - the registry, only when something is given
    from banzhang.declare import fields_of  # noqa: PLC0415

    if kind is None or kind not in {known.id for known in kinds.all_kinds()}:
        return dict(given)
    names = {spec.name for spec in fields_of(kinds.get(kind).document)}
    return {key: value for key, value in given.items() if key in names}


def given_envelope(options: ReadOptions | None) -> dict[str, Any] | None:
    """The envelope elements ``options`` supplies (None when none)."""
    if options is None or not options.envelope:
        return None
    return dict(options.envelope)


def merged_envelope(
    options: ReadOptions | None, envelope: Mapping[str, Any] | None
) -> dict[str, Any] | None:
    """The envelope elements of ``options`` with those of the older ``envelope=`` keyword over
    them (a format's own keyword, kept for callers who used it)."""
    given = given_envelope(options)
    return {**(given or {}), **envelope} if envelope else given


def with_envelope(read: Any, options: ReadOptions | None) -> Any:
    """``read`` (a document as data, or an :class:`ItemStream`) with the envelope elements
    ``options`` supplies over its own."""
    given = given_envelope(options)
    if given is None:
        return read
    if isinstance(read, ItemStream):
        return ItemStream(read.kind, {**read.envelope, **for_kind(given, read.kind)}, read.items)
    kind = read.get("kind")
    return {**read, **for_kind(given, kind if isinstance(kind, str) else None)}
