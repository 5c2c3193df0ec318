"""Bundled example documents, one per kind, named after it (``power-list.json``, …).

They are Inner Mongolia flavoured and valid: a 包头市 market-regulation bureau's lists, and the
service guide and review detail of 食品生产许可（新办）. Agency codes are built with the GB 32100
check character; they illustrate, they do not identify real registrations.

>>> load("service-guide").name
'食品生产许可（新办）'
>>> "power-list" in names()
True
>>> codes()[0]
('00016421300Y', '国家设定的行政许可主项，有子项')
"""

from __future__ import annotations

import json
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

__all__ = ["codes", "load", "load_data", "names", "path"]


def names() -> tuple[str, ...]:
    """Return the kinds with a bundled example, sorted."""
    files = resources.files(__name__).iterdir()
    return tuple(sorted(f.name.removesuffix(".json") for f in files if f.name.endswith(".json")))


def path(kind: str) -> Traversable:
    """Return the bundled example file of ``kind``."""
    return resources.files(__name__).joinpath(f"{kind}.json")


def load_data(kind: str) -> dict[str, Any]:
    """Return the example of ``kind`` as JSON-shaped data (a fresh copy each call)."""
    data: dict[str, Any] = json.loads(path(kind).read_text(encoding="utf-8"))
    return data


def load(kind: str) -> Any:
    """Return the example of ``kind`` as a model."""
    from banzhang.convert import from_data  # noqa: PLC0415 - keep the examples import light

    return from_data(load_data(kind))


def codes() -> list[tuple[str, str]]:
    """Return the example codes of ``codes.txt`` with what each illustrates."""
    text = resources.files(__name__).joinpath("codes.txt").read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        code, _hash, comment = line.partition("#")
        if code.strip():
            found.append((code.strip(), comment.strip()))
    return found
