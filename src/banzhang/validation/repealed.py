"""Repealed laws and regulations: a shipped, dated register, and the rule that reads it.

``basis.repealed``: a basis citing a 法律法规 that has been repealed or replaced is an error that
names its successor (a 服务指南 citing 《中华人民共和国执业医师法》 after 2022-03-01 should cite
《中华人民共和国医师法》). The register is ``banzhang/_data/repealed-laws.tsv``: one repealed
law a row with its successor, the day it ceased, and the published clause that repealed it. The
data desk updates it by adding rows, each with its source, and the ``updated`` date.

>>> entry = lookup("《执业医师法》")
>>> entry.successor, entry.since
('《中华人民共和国医师法》', '2022-03-01')
>>> lookup("《中华人民共和国医师法》") is None
True
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from banzhang._tsv import read_table
from banzhang.declare import fields_of
from banzhang.models import LegalBasis
from banzhang.validation import _facts as facts
from banzhang.validation._paths import join, join_index
from banzhang.validation._rules_codes import ListContext, RuleCheck
from banzhang.validation._structure import finding
from banzhang.validation.findings import Finding

__all__ = ["Repealed", "basis_current", "lookup", "register", "updated"]

_PREFIX = "中华人民共和国"


@attrs.frozen
class Repealed:
    """One repealed law or regulation.

    Attributes:
        title: its full title, in 《》.
        successor: the law or regulation that replaced it, in 《》.
        since: the day it ceased to be in force (YYYY-MM-DD).
        source: the published clause that repealed it.
    """

    title: str
    successor: str
    since: str
    source: str


@functools.cache
def _table() -> tuple[dict[str, str], dict[str, Repealed]]:
    header, rows = read_table("banzhang._data", "repealed-laws.tsv")
    entries = (Repealed(r["title"], r["successor"], r["since"], r["source"]) for r in rows)
    return header, {_key(entry.title): entry for entry in entries}


def _key(title: str) -> str:
    """A title compared as cited: without 《》, spaces, or the 中华人民共和国 prefix."""
    bare = "".join(title.split()).strip("《》")
    return bare.removeprefix(_PREFIX)


def register() -> tuple[Repealed, ...]:
    """Return every entry of the register, in its order."""
    return tuple(_table()[1].values())


def updated() -> str:
    """Return the day the register was last brought up to date."""
    return _table()[0]["updated"]


@functools.lru_cache(maxsize=4096)  # a list cites the same few laws in item after item
def lookup(title: str) -> Repealed | None:
    """Return the register's entry for ``title`` (cited with or without 中华人民共和国)."""
    return _table()[1].get(_key(title))


def basis_current(model: type[Any]) -> RuleCheck:
    """basis.repealed: no basis of a ``model`` cites a repealed law or regulation."""
    keys = tuple(
        (spec.name, spec.element.title)
        for spec in fields_of(model)
        if spec.shape == "array" and spec.model is LegalBasis
    )

    def check(data: Any, path: str, _context: ListContext) -> list[Finding]:
        out = []
        for key, shown in keys:
            for index, basis in enumerate(facts.as_list(data, key)):
                cited = facts.as_str(basis, "title")
                entry = lookup(cited) if cited is not None else None
                if entry is not None:
                    where = join(join_index(join(path, key), index), "title")
                    out.append(finding("basis.repealed", where, _message(shown, cited, entry)))
        return out

    return check


def _message(shown: str, cited: str | None, entry: Repealed) -> str:
    year, month, day = (int(part) for part in entry.since.split("-"))
    return (
        f"“{shown}”引用的{cited}已于{year}年{month}月{day}日废止，由{entry.successor}取代"
        f"（{re.split('[；：]', entry.source)[0]}）；应改引现行的{entry.successor}"
    )
