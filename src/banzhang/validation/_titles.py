"""Element titles for rule messages, read from the declarations instead of restated.

>>> from banzhang.models import Material
>>> title(Material, "name")
'材料名称'
"""

from __future__ import annotations

import functools
from typing import Any

from banzhang.declare import fields_of

__all__ = ["title"]


@functools.cache
def title(model: type[Any], key: str) -> str:
    """Return the Chinese title ``model`` declares for its element ``key``.

    Raises:
        KeyError: ``model`` has no element ``key`` (a rule naming an element that is not there).
    """
    for spec in fields_of(model):
        if spec.name == key:
            return spec.element.title
    raise KeyError(key)
