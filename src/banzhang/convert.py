"""JSON-shaped data → models, with findings instead of a cattrs traceback when it does not fit.

The converter itself lives in :mod:`banzhang.documents` (re-exported here); this module adds what
needs validation: when structuring fails, the error lists the schema-layer findings with their
``$`` paths.

>>> from banzhang.models import TimeLimit
>>> to_data(TimeLimit(amount=20, unit="工作日"))
{'amount': 20, 'unit': '工作日'}
"""

from __future__ import annotations

from typing import Any

import cattrs

from banzhang import kinds
from banzhang.documents import ItemStream, converter, detect_kind, to_data, upgraded
from banzhang.errors import InvalidDocument
from banzhang.validation import iter_findings, object_checker

__all__ = [
    "converter",
    "detect_kind",
    "from_data",
    "item_from_data",
    "models_of",
    "to_data",
]


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
        return converter.structure(upgraded(data, found.document), found.document)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError, AttributeError) as err:
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
        return converter.structure(upgraded(data, found.item), found.item)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError, AttributeError) as err:
        out: list[Any] = []
        object_checker(found.item)(data, f"$.items[{index}]", out)
        findings = tuple(f for f in out if f.severity == "error")
        if not findings:
            raise
        message = f"{found.title}第 {index + 1} 条事项的结构有误：\n" + "\n".join(
            map(str, findings)
        )
        raise InvalidDocument(message, findings) from err


def models_of(stream: ItemStream) -> ItemStream:
    """Return ``stream`` with each item structured as a model (errors name ``$.items[i]``)."""
    items = (item_from_data(data, stream.kind, index) for index, data in enumerate(stream.items))
    return ItemStream(stream.kind, stream.envelope, items)
