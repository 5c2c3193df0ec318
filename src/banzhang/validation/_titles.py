"""Element titles for rule messages, read from the declarations instead of restated.

>>> from banzhang.models import Material
>>> title(Material, "name")
'材料名称'
"""

from __future__ import annotations

from typing import Any

from banzhang._memo import per_model
from banzhang.declare import fields_of

__all__ = ["title"]


def title(model: type[Any], key: str) -> str:
    """Return the Chinese title ``model`` declares for its element ``key``.

    Raises:
        KeyError: ``model`` has no element ``key`` (a rule naming an element that is not there).
    """
    return _titles(model)[key]


@per_model
def _titles(model: type[Any]) -> dict[str, str]:
    return {spec.name: spec.element.title for spec in fields_of(model)}
