"""Documents as every floor sees them: JSON-shaped data, models, and lists streamed item by item.

The leaf every floor reads: the package's own cattrs converter (models ⇄ JSON-shaped data), the
stream type :class:`ItemStream`, envelope and items access, and kind detection.

Structuring is strict — text must be text, integers integers, booleans booleans, no unknown keys
— except that an empty optional text, and an optional object with nothing in it, are read as
absent: the one reading every format can keep (an Excel cell cannot tell them apart).
Unstructuring leaves out absent elements (booleans are always written), so JSON stays as short
as the document; arrays become lists and dates ``YYYY-MM-DD``.

>>> from banzhang.models import TimeLimit
>>> to_data(TimeLimit(amount=20, unit="工作日"))
{'amount': 20, 'unit': '工作日'}
>>> envelope_of({"kind": "power-list", "items": []})["kind"]
'power-list'
"""

from __future__ import annotations

import datetime
import os
import types
import typing
from collections.abc import Iterable, Iterator
from typing import IO, Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from banzhang import kinds
from banzhang._memo import per_model
from banzhang.declare import fields_of, renames_of
from banzhang.errors import UnreadableInput

__all__ = [
    "ItemStream",
    "Source",
    "Target",
    "converter",
    "detect_kind",
    "envelope_of",
    "items_of",
    "to_data",
    "upgraded",
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


def envelope_of(document: Any) -> dict[str, Any]:
    """Return the envelope of a list given as JSON-shaped data or as an :class:`ItemStream`.

    Raises:
        TypeError: ``document`` is neither (a model, a path, …): say what the caller passed.
    """
    if isinstance(document, dict):
        return document
    envelope = getattr(document, "envelope", None)
    if not isinstance(envelope, dict):
        raise _not_a_list(document)
    return envelope


def items_of(document: Any) -> Iterable[Any]:
    """Return the items of a list given as JSON-shaped data or as an :class:`ItemStream`.

    Raises:
        TypeError: ``document`` is neither.
    """
    if isinstance(document, dict):
        items = document.get("items")
        return items if isinstance(items, list) else ()
    if not isinstance(getattr(document, "envelope", None), dict):
        raise _not_a_list(document)
    streamed: Iterable[Any] = document.items
    return streamed


def _not_a_list(document: Any) -> TypeError:
    found = type(document).__name__
    message = (
        f"应为清单的 JSON 形数据（dict）、ItemStream 或 ListFile，实际为 {found}；"
        "模型请先用 banzhang.documents.to_data 转换"
    )
    return TypeError(message)


def _strict(expected: type[Any]) -> Any:
    def structure(value: Any, _type: Any) -> Any:
        if type(value) is not expected:
            message = f"expected {expected.__name__}, got {type(value).__name__}"
            raise TypeError(message)
        return value

    return structure


def _optional_text(value: Any, _type: Any) -> str | None:
    """An empty optional text is an absent one: every format (Excel cells above all) agrees."""
    if value is None or value == "":
        return None
    result: str = _strict(str)(value, _type)
    return result


def _is_optional_model(hint: Any) -> bool:
    members = typing.get_args(hint)
    return (
        typing.get_origin(hint) in (typing.Union, types.UnionType)
        and len(members) == 2
        and type(None) in members
        and any(attrs.has(member) for member in members)
    )


def _optional_model(made: cattrs.Converter) -> Any:
    """An optional object with nothing in it (``{}``) is an absent one, as for text."""

    def factory(hint: Any) -> Any:
        model = next(member for member in typing.get_args(hint) if member is not type(None))

        def structure(value: Any, _type: Any) -> Any:
            if value is None or value == {}:
                return None
            return made.structure(value, model)

        return structure

    return factory


def _structure_date(value: Any, _type: Any) -> datetime.date:
    if not isinstance(value, str):
        message = f"expected a YYYY-MM-DD string, got {type(value).__name__}"
        raise TypeError(message)
    return datetime.date.fromisoformat(value)


def _omitting_absent(made: cattrs.Converter) -> Any:
    """Unstructure hooks that leave out absent elements (None, empty arrays) but keep booleans.

    A ``false`` says something to a reader ("not charged"), so it is always written; an element
    that is not there is simply not written.
    """

    def factory(model: type[Any]) -> Any:
        keep: dict[str, Any] = {
            field.name: override(omit_if_default=False)
            for field in attrs.fields(model)
            if field.type in (bool, "bool")
        }
        return make_dict_unstructure_fn(model, made, _cattrs_omit_if_default=True, **keep)

    return factory


def _make_converter() -> cattrs.Converter:
    made = cattrs.Converter(
        detailed_validation=True,
        forbid_extra_keys=True,
        unstruct_collection_overrides={tuple: list},
    )
    made.register_unstructure_hook_factory(attrs.has, _omitting_absent(made))
    for scalar in (str, int, bool):
        made.register_structure_hook(scalar, _strict(scalar))
    made.register_structure_hook(typing.Optional[str], _optional_text)  # noqa: UP045 - dispatch key
    made.register_structure_hook_factory(_is_optional_model, _optional_model(made))
    made.register_structure_hook(datetime.date, _structure_date)
    made.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    return made


#: The converter every banzhang format uses. Never the global cattrs converter.
converter = _make_converter()


def to_data(model: Any) -> dict[str, Any]:
    """Return a model as JSON-shaped data (dicts, lists, text, numbers, booleans)."""
    data: dict[str, Any] = converter.unstructure(model)
    return data


def detect_kind(data: Any, kind: str | None = None) -> kinds.Kind:
    """Return the kind of a document: ``kind`` when given, else the envelope's ``kind``.

    Raises:
        UnreadableInput: the data is not a JSON object, or names no registered kind.
    """
    if kind is not None:
        return kinds.get(kind)
    if not isinstance(data, dict):
        message = f"文档应为 JSON 对象，实际为 {type(data).__name__}"
        raise UnreadableInput(message)
    declared = data.get("kind")
    if not isinstance(declared, str):
        message = "无法识别文档类型：缺少“kind”（文档类型），可用 --kind 指定"
        raise UnreadableInput(message)
    return kinds.get(declared)


def upgraded(data: Any, model: type[Any]) -> Any:
    """Return ``data`` with elements an earlier spec version named otherwise under today's ids.

    ``data`` itself is returned when nothing needs renaming (the common case, at no cost);
    otherwise a copy of each object that changes. An element given under both ids keeps both, so
    that validation reports the old one as unknown.

    >>> from banzhang.kinds import service_mode_list
    >>> old = {"promised_time": {"amount": 0, "unit": "即办"}}
    >>> list(upgraded(old, service_mode_list.ServiceModeItem))
    ['promised_time_limit']
    """
    if not _needs_upgrade(model) or type(data) is not dict:
        return data
    renames = renames_of(model)
    result = {
        (renames[key] if key in renames and renames[key] not in data else key): value
        for key, value in data.items()
    }
    for spec in fields_of(model):
        value = result.get(spec.name)
        if spec.model is None or value is None or not _needs_upgrade(spec.model):
            continue
        if type(value) is list:
            result[spec.name] = [upgraded(entry, spec.model) for entry in value]
        else:
            result[spec.name] = upgraded(value, spec.model)
    return result


@per_model
def _needs_upgrade(model: type[Any]) -> bool:
    """Whether ``model`` or a model inside it has an element that was renamed."""
    return bool(renames_of(model)) or any(
        spec.model is not None and spec.model is not model and _needs_upgrade(spec.model)
        for spec in fields_of(model)
    )
