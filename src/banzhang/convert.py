"""The package's own cattrs converter: models ⇄ JSON-shaped data.

Structuring is strict — text must be text, integers integers, booleans booleans, no unknown keys
— except that an empty optional text, and an optional object with nothing in it, are read as
absent: the one reading every format can keep (an Excel cell cannot tell them apart). When
structuring fails, the error lists the schema-layer findings with their ``$`` paths instead of a
cattrs traceback. Unstructuring leaves out absent elements (booleans are always written), so
JSON stays as short as the document; arrays become lists and dates ``YYYY-MM-DD``.

>>> from banzhang.models import TimeLimit
>>> to_data(TimeLimit(amount=20, unit="工作日"))
{'amount': 20, 'unit': '工作日'}
"""

from __future__ import annotations

import datetime
import types
import typing
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from banzhang import kinds
from banzhang.errors import InvalidDocument, UnreadableInput

__all__ = ["converter", "detect_kind", "from_data", "item_from_data", "to_data"]


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


def from_data(data: Any, kind: str | None = None) -> Any:
    """Return the model of a document given as JSON-shaped data.

    Args:
        data: the document (a dict as :func:`json.loads` gives it).
        kind: the kind id, when the envelope does not say it.

    Raises:
        UnreadableInput: the kind cannot be told.
        InvalidDocument: the data does not have the shape of the kind; ``findings`` say where.
    """
    found = detect_kind(data, kind)
    try:
        return converter.structure(data, found.document)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as err:
        from banzhang.validation import iter_findings  # noqa: PLC0415 - validation imports us

        findings = tuple(
            finding
            for finding in iter_findings(data, kind=found.id, layers=("schema",))
            if finding.severity == "error"
        )
        if not findings:
            raise
        shown = "\n".join(str(finding) for finding in findings[:10])
        more = f"\n…… 另有 {len(findings) - 10} 处" if len(findings) > 10 else ""
        message = f"{found.title}的结构有 {len(findings)} 处错误：\n{shown}{more}"
        raise InvalidDocument(message, findings) from err


def item_from_data(data: Any, kind: str, index: int) -> Any:
    """Return the model of item ``index`` of a list of ``kind``, as :func:`from_data` does.

    Raises:
        InvalidDocument: the item does not have the item's shape; paths start ``$.items[index]``.
    """
    found = kinds.get(kind)
    assert found.item is not None
    try:
        return converter.structure(data, found.item)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as err:
        from banzhang.validation._structure import object_checker  # noqa: PLC0415

        out: list[Any] = []
        object_checker(found.item)(data, f"$.items[{index}]", out)
        findings = tuple(f for f in out if f.severity == "error")
        if not findings:
            raise
        message = f"{found.title}第 {index + 1} 条事项的结构有误：\n" + "\n".join(
            map(str, findings)
        )
        raise InvalidDocument(message, findings) from err
