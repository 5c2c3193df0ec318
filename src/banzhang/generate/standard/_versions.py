"""What changed in the declarations since an earlier spec version: the 编制说明's 与原版本的差异.

Each spec version's declarations are kept as a snapshot (``_data/versions/<version>.json``, written
by ``make generate`` for the current version and then left as the record of that version): every
element of every kind with its title, whether it is required, its codelist and its code. The
差异 of a draft is the difference between today's declarations and the newest earlier snapshot.

>>> old = {"service-guide": {"ServiceGuide.name": {"title": "事项名称", "required": True}}}
>>> new = {"service-guide": {"ServiceGuide.name": {"title": "事项名称", "required": False},
...                          "ServiceGuide.scope": {"title": "适用范围", "required": False}}}
>>> differences(old, new, "service-guide")
['增加要素“适用范围”', '“事项名称”由必备改为可选']
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from banzhang import kinds
from banzhang._version import SPEC_VERSION
from banzhang.declare import fields_of
from banzhang.generate.standard._elements import BOOKKEEPING, nested_models

__all__ = ["differences", "earlier_snapshot", "snapshot", "snapshot_text"]

Snapshot = dict[str, dict[str, dict[str, Any]]]


def snapshot() -> Snapshot:
    """Return today's declarations: per kind, each element (``Model.element``) and its facts."""
    found: Snapshot = {}
    for kind in kinds.all_kinds():
        models = [kind.document, *([kind.item] if kind.item else []), *nested_models(kind.document)]
        found[kind.id] = {
            f"{model.__name__}.{spec.name}": _facts(spec.element)
            for model in dict.fromkeys(models)
            for spec in fields_of(model)
            if spec.name not in BOOKKEEPING
        }
    return found


def _facts(element: Any) -> dict[str, Any]:
    facts = {"title": element.title, "required": element.required}
    facts.update({k: v for k in ("codelist", "code") if (v := getattr(element, k)) is not None})
    return facts


def snapshot_text() -> str:
    """Return today's snapshot as the JSON text kept for this spec version."""
    return json.dumps(snapshot(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def earlier_snapshot() -> tuple[str, Snapshot] | None:
    """Return the newest snapshot of a spec version before today's, with its version."""
    folder = resources.files("banzhang._data.versions")
    versions = [
        entry.name.removesuffix(".json")
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    ]
    earlier = sorted((v for v in versions if _key(v) < _key(SPEC_VERSION)), key=_key)
    if not earlier:
        return None
    text = folder.joinpath(f"{earlier[-1]}.json").read_text(encoding="utf-8")
    return earlier[-1], json.loads(text)


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def differences(old: Snapshot, new: Snapshot, kind: str) -> list[str]:
    """Return, in Chinese, how ``kind``'s elements changed from ``old`` to ``new``."""
    before, after = old.get(kind, {}), new.get(kind, {})
    found = [f"增加要素“{after[key]['title']}”" for key in after if key not in before]
    found += [f"删除要素“{before[key]['title']}”" for key in before if key not in after]
    for key in (key for key in after if key in before):
        found += _changed(before[key], after[key])
    return found


def _changed(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    title = after["title"]
    found = []
    if before["title"] != title:
        found.append(f"“{before['title']}”改称“{title}”")
    if before["required"] != after["required"]:
        change = "由可选改为必备" if after["required"] else "由必备改为可选"
        found.append(f"“{title}”{change}")
    if before.get("codelist") != after.get("codelist"):
        found.append(f"“{title}”的取值代码表改变")
    return found
