"""The rule catalogue as data: ``banzhang/_data/rules.tsv``.

>>> rule("time.unit-missing").severity
'error'
>>> rule("contact.channels").layer
'rules'
"""

from __future__ import annotations

from functools import cache
from typing import get_args

import attrs

from banzhang._tsv import read_table
from banzhang.validation.findings import Severity

__all__ = ["Rule", "all_rules", "rule", "severity_of"]


def severity_of(text: str) -> Severity:
    """Return ``text`` as a :data:`Severity`.

    Raises:
        ValueError: ``text`` is not ``error``, ``warning`` or ``info`` (a mistake in rules.tsv).
    """
    known: tuple[Severity, ...] = get_args(Severity)
    for severity in known:
        if text == severity:
            return severity
    message = f"未知的严重程度“{text}”"
    raise ValueError(message)


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
    severity: Severity = attrs.field(converter=severity_of)
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
