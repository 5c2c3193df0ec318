"""Walk the declarations: what shape each element of a model has, resolved once and cached.

Every generator (JSON Schema, validation, docs, and later Excel and XML) reads models through
:func:`fields_of`, so a new element appears everywhere by being declared once.
"""

from __future__ import annotations

import datetime
import types
import typing
from typing import Any

import attrs

from banzhang._memo import per_model
from banzhang.declare._element import Element, describe

__all__ = ["FieldSpec", "fields_of", "nested_models", "renames_of"]

_SCALARS: dict[Any, str] = {str: "str", int: "int", bool: "bool", datetime.date: "date"}


@attrs.frozen
class FieldSpec:
    """One declared element with its resolved shape.

    Attributes:
        name: the element id (the attrs field name, the JSON key).
        element: what the standard says of it.
        shape: ``str``, ``int``, ``bool``, ``date``, ``object`` or ``array``.
        item_shape: for arrays, the shape of an entry (never ``array``).
        model: the attrs class of an ``object``, or of an array's entries.
        nullable: whether the model allows ``None`` (an optional scalar or object).
        default: the model's default, or ``attrs.NOTHING`` for a required element.
    """

    name: str
    element: Element
    shape: str
    item_shape: str | None
    model: type[Any] | None
    nullable: bool
    default: Any

    @property
    def required(self) -> bool:
        """Whether a document must give the element."""
        return self.element.required


@per_model
def fields_of(model: type[Any]) -> tuple[FieldSpec, ...]:
    """Return the declared elements of an attrs ``model``, in declaration order."""
    hints = typing.get_type_hints(model)
    return tuple(_spec(field, hints[field.name]) for field in attrs.fields(model))


@per_model
def nested_models(model: type[Any]) -> list[type[Any]]:
    """Return every model reachable from ``model``'s elements, depth first, each once."""
    found: list[type[Any]] = []

    def visit(current: type[Any]) -> None:
        for spec in fields_of(current):
            if spec.model is not None and spec.model not in found:
                found.append(spec.model)
                visit(spec.model)

    visit(model)
    return found


def renames_of(model: type[Any]) -> dict[str, str]:
    """Return the earlier ids of ``model``'s elements, each with the id it has now.

    >>> from banzhang.kinds import service_mode_list
    >>> renames_of(service_mode_list.ServiceModeItem)
    {'promised_time': 'promised_time_limit'}
    """
    return {old: spec.name for spec in fields_of(model) for old in spec.element.renamed_from}


def _spec(field: attrs.Attribute[Any], hint: Any) -> FieldSpec:
    nullable = False
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        members = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        nullable = len(members) < len(typing.get_args(hint))
        (hint,) = members
    item_shape: str | None = None
    model: type[Any] | None = None
    if typing.get_origin(hint) is tuple:
        shape = "array"
        entry = typing.get_args(hint)[0]
        item_shape, model = _scalar_or_model(entry)
    else:
        shape, model = _scalar_or_model(hint)
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # attrs.Factory is a class
        default = default.factory()
    return FieldSpec(
        name=field.name,
        element=describe(field),
        shape=shape,
        item_shape=item_shape,
        model=model,
        nullable=nullable,
        default=default,
    )


def _scalar_or_model(hint: Any) -> tuple[str, type[Any] | None]:
    if hint in _SCALARS:
        return _SCALARS[hint], None
    if attrs.has(hint):
        return "object", hint
    message = f"cannot derive a shape from the annotation {hint!r}"
    raise TypeError(message)
