"""The rule catalogue as data: ``banzhang/_data/rules.tsv``.

>>> rule("time.unit-missing").severity
'error'
>>> rule("contact.channels").layer
'rules'
"""

from __future__ import annotations

from functools import cache

import attrs

from banzhang._tsv import read_table

__all__ = ["Rule", "all_rules", "rule"]


@attrs.frozen
class Rule:
    """One rule of the catalogue.

    Attributes:
        id: the stable rule id.
        severity: ``error`` or ``warning``.
        layer: ``schema``, ``codes`` or ``rules``.
        title: what the rule checks, in Chinese.
        source: where the rule comes from.
    """

    id: str
    severity: str
    layer: str
    title: str
    source: str


@cache
def _catalogue() -> dict[str, Rule]:
    _header, rows = read_table("banzhang._data", "rules.tsv")
    return {row["id"]: Rule(**row) for row in rows}


def all_rules() -> tuple[Rule, ...]:
    """Return every rule in catalogue order."""
    return tuple(_catalogue().values())


def rule(rule_id: str) -> Rule:
    """Return the rule ``rule_id`` (``KeyError`` for an unknown id)."""
    return _catalogue()[rule_id]
