"""A memo keyed by model class, typed so that mypy --strict follows it (``functools.cache``
types its argument as ``Hashable``, which class objects do not satisfy in typeshed)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["per_model"]

Result = TypeVar("Result")


def per_model(function: Callable[[type[Any]], Result]) -> Callable[[type[Any]], Result]:
    """Compute ``function(model)`` once per model class."""
    memo: dict[type[Any], Result] = {}

    @functools.wraps(function)
    def wrapper(model: type[Any]) -> Result:
        if model not in memo:
            memo[model] = function(model)
        return memo[model]

    return wrapper
