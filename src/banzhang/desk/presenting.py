"""Findings and codes as a clerk reads them: grouped by rule and by sheet and row, each with its
cell or paragraph; kinds, regions and levels by their Chinese names."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from banzhang import codelists, kinds
from banzhang.codes import region as regions
from banzhang.crosslist import adjust
from banzhang.errors import UnknownName
from banzhang.validation import Finding, rule
from banzhang.validation.places import Cell, Sheet

__all__ = [
    "by_rule",
    "by_sheet",
    "changes",
    "kind_title",
    "level_title",
    "name_items",
    "region_title",
    "shown_places",
]

#: How many places a rule's group shows (the workbook download has every one).
PLACES_SHOWN = 20
#: How many findings the sheet-by-sheet table shows.
ROWS_SHOWN = 500

_ITEM = re.compile(r"^\$\.items\[(?P<index>[0-9]+)\]")


def kind_title(kind: str) -> str:
    """The kind's Chinese title (an unknown id as it is)."""
    try:
        return kinds.get(kind).title
    except UnknownName:
        return kind


def region_title(code: str) -> str:
    """``包头市 150200``; an unknown code as it is."""
    found = regions.lookup(code) if code else None
    return f"{found.name} {code}" if found else code


def level_title(code: str) -> str:
    """The level's Chinese name (市级 …)."""
    return codelists.get("level").label(code)


def name_items(shown: list[dict[str, Any]], items: Callable[[set[int]], Mapping[int, str]]) -> None:
    """Give each shown finding in an item (``$.items[N]…``) the item's code and name, as
    ``items`` (positions → names) finds them: the row a clerk looks for."""
    positions = {
        entry["path"]: int(match["index"])
        for entry in shown
        if (match := _ITEM.match(entry["path"]))
    }
    names = items(set(positions.values())) if positions else {}
    for entry in shown:
        position = positions.get(entry["path"])
        entry["item"] = names.get(position, "") if position is not None else ""


def shown_places(
    groups: list[dict[str, Any]], sheets: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every finding a page shows, from :func:`by_rule` and :func:`by_sheet`."""
    return [
        *(place for group in groups for place in group["places"]),
        *(row for sheet in sheets for row in sheet["rows"]),
    ]


def _shown(data: dict[str, Any]) -> dict[str, Any]:
    finding = Finding.from_dict(data)
    return {
        "item": "",
        "severity": finding.severity,
        "severity_title": finding.severity_title,
        "rule": finding.rule,
        "rule_title": rule(finding.rule).title,
        "place": finding.source or finding.path,
        "path": finding.path,
        "message": finding.message,
        "value": "" if finding.value is None else str(finding.value),
    }


def by_rule(findings: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One group a rule and weight, in the order first found: its title, count, first places."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for data in findings:
        key = (data["rule"], data["severity"])
        group = groups.get(key)
        if group is None:
            shown = _shown(data)
            group = groups[key] = {**shown, "count": 0, "places": []}
        group["count"] += 1
        if len(group["places"]) < PLACES_SHOWN:
            group["places"].append(_shown(data))
    for group in groups.values():
        group["more"] = group["count"] - len(group["places"])
    return list(groups.values())


def by_sheet(findings: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings sheet by sheet, row by row (those with no cell first, under 其他位置)."""
    sheets: dict[str, list[tuple[tuple[int, int], dict[str, Any]]]] = {}
    for count, data in enumerate(findings):
        if count >= ROWS_SHOWN:
            break
        place = Finding.from_dict(data).place
        sheet, cell = (place.find(Sheet), place.find(Cell)) if place else (None, None)
        where = sheet.title if sheet and cell else "其他位置"
        order = (cell.row, cell.column) if sheet and cell else (0, 0)
        sheets.setdefault(where, []).append((order, _shown(data)))
    return [
        {"sheet": sheet, "rows": [shown for _, shown in sorted(rows, key=lambda r: r[0])]}
        for sheet, rows in sheets.items()
    ]


def changes(diff: adjust.Diff, kind: str) -> list[dict[str, Any]]:
    """The adjustments as the ``diff`` report words them: each changed element by its title."""
    return [
        {
            "adjustment": change.adjustment,
            "key": change.key,
            "name": change.name,
            "lines": [
                f"{adjust.element_title(kind, element)}："
                f"{adjust.value_text(kind, element, old)} → {adjust.value_text(kind, element, new)}"
                for element, old, new in change.elements
            ],
            "related": "、".join(change.related),
        }
        for change in diff.changes
    ]
