"""Where a model keeps its time limits and its steps, read from the declarations.

The time-limit rules once probed several key names on every document (``legal_time_limit``,
``promised_time_limit``, ``time_limit``; ``process``, ``steps``) with titles typed again; the
declarations already say which elements are a 时限 and which list a 环节, and their titles.

>>> from banzhang.kinds.service_guide import ServiceGuide
>>> shape_of(ServiceGuide).limits
(('legal_time_limit', '法定办结时限'), ('promised_time_limit', '承诺办结时限'))
>>> shape_of(ServiceGuide).steps
('process',)
>>> limit_text({"amount": 10, "unit": "工作日"}), limit_text({"amount": 4, "unit": "小时"})
('10个工作日', '4小时')
"""

from __future__ import annotations

from typing import Any

import attrs

from banzhang._memo import per_model
from banzhang.declare import fields_of
from banzhang.models import TimeLimit
from banzhang.validation import _facts as facts

__all__ = ["Shape", "limit_text", "shape_of", "steps_of"]


@attrs.frozen
class Shape:
    """The time limits and step lists a model declares.

    Attributes:
        limits: each element that holds one 时限, as (id, title).
        steps: each element that lists 环节 with their own 时限.
    """

    limits: tuple[tuple[str, str], ...]
    steps: tuple[str, ...]


@per_model
def shape_of(model: type[Any]) -> Shape:
    """Return where ``model`` keeps its time limits and its steps."""
    specs = fields_of(model)
    limits = tuple(
        (spec.name, spec.element.title)
        for spec in specs
        if spec.shape == "object" and spec.model is TimeLimit
    )
    steps = tuple(
        spec.name
        for spec in specs
        if spec.shape == "array"
        and spec.model is not None
        and any(
            entry.name == "time_limit" and entry.model is TimeLimit
            for entry in fields_of(spec.model)
        )
    )
    return Shape(limits, steps)


def steps_of(data: Any, keys: tuple[str, ...]) -> list[tuple[str, int, dict[str, Any]]]:
    """Each step under the step lists ``keys`` (a :class:`Shape`'s): (key, index, step)."""
    return [
        (key, index, step)
        for key in keys
        for index, step in enumerate(facts.as_list(data, key))
        if isinstance(step, dict)
    ]


#: How official documents write each unit after its number: 10个工作日, 4小时.
_WRITTEN = {"工作日": "个工作日", "自然日": "个自然日", "小时": "小时"}


def limit_text(limit: dict[str, Any]) -> str:
    """A time limit as a document writes it: ``10个工作日``, ``4小时``, ``即办``."""
    unit = limit.get("unit")
    if unit == "即办":
        return "即办"
    if not isinstance(unit, str):
        return f"{limit['amount']}（未写明单位）"
    return f"{limit['amount']}{_WRITTEN.get(unit, unit)}"
