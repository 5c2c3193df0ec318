"""Which list each file given to ``validate`` is checked against for 同源, or why it is not.

The reference of a list whose items must come from another list (SPEC §9) is, among the files
given: for a 收费清单, the region's 中介服务事项清单; for the others, the level's 通用清单 when
one is given, else the region's own 权责清单. A file whose reference is not among them is still
validated, and its report says that 同源 was not checked and why.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from banzhang import kinds
from banzhang.cli._common import region_text
from banzhang.errors import UnreadableInput
from banzhang.formats import ListFile
from banzhang.validation import same_source

__all__ = ["SameSource", "plan"]


@attrs.frozen
class SameSource:
    """One file's 同源 check.

    Attributes:
        keys: what its items are checked against (codes or names), or None when not checked.
        note: the reference it was checked against, or why it was not (Chinese).
    """

    keys: dict[str, str] | None
    note: str


def plan(opened: dict[Path, ListFile]) -> dict[Path, SameSource]:
    """The 同源 check of every opened file that needs one (files that do not are left out)."""
    regional: dict[tuple[str, str], tuple[Path, dict[str, str]]] = {}
    generic: dict[str, tuple[Path, dict[str, str]]] = {}
    for path, found in opened.items():
        for role in (kinds.REFERENCE, kinds.INTERMEDIARY):
            if not kinds.get(found.kind).has(role):
                continue
            try:
                keys = same_source.reference_keys(found, role)
            except UnreadableInput:
                continue  # left to its own report
            envelope = found.envelope
            if role == kinds.REFERENCE and envelope.get("generic") is True:
                generic.setdefault(str(envelope.get("level")), (path, keys))
            else:
                regional.setdefault((role, str(envelope.get("region"))), (path, keys))
    return {
        path: _check(found, regional, generic)
        for path, found in opened.items()
        if found.kind in same_source.KINDS
    }


def _check(
    found: ListFile,
    regional: dict[tuple[str, str], tuple[Path, dict[str, str]]],
    generic: dict[str, tuple[Path, dict[str, str]]],
) -> SameSource:
    role = same_source.reference_role(found.kind)
    wanted = kinds.with_role(role)[0].title
    region, level = found.envelope.get("region"), found.envelope.get("level")
    reference = generic.get(str(level)) if role == kinds.REFERENCE and level else None
    reference = reference or regional.get((role, str(region)))
    if reference is not None:
        path, keys = reference
        return SameSource(keys, f"同源：已对照 {path}")
    if not region:
        return SameSource(None, f"同源未检查：文档未写明行政区划代码，无法确定对照的{wanted}")
    where = region_text(region, full=True)
    return SameSource(None, f"同源未检查：未提供本地区（{where}）的{wanted}")
