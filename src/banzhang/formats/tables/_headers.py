"""Match the headers departments really write to the elements of a table (SPEC §10).

Matching ignores spaces, full-width/half-width differences, a leading ``*`` and a trailing
annotation such as ``（必填）``; it knows the synonyms real lists use for the same element
(each element's declared aliases).

>>> normalize(" 事项名称（必填） ")
'事项名称'
>>> normalize("＊实施 主体")
'实施主体'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import attrs

from banzhang.formats.tables._layout import INDEX_HEADER, Column, Table

__all__ = ["Target", "match_headers", "normalize"]

_ANNOTATION = re.compile(r"[（(][^（）()]*[）)]$")


@attrs.frozen
class Target:
    """What a sheet column holds.

    Attributes:
        role: ``column`` (an element of the row), ``index`` (the 序号), ``linked-text`` (a whole
            array of objects written as numbered text), or ``linked-field`` (one field of a
            one-per-row array entry, such as 子项名称 beside its 主项).
        column: the element column (for ``column`` and ``linked-field``).
        linked: the linked table (for ``linked-text`` and ``linked-field``).
    """

    role: str
    column: Column | None = None
    linked: Table | None = None


def normalize(header: Any) -> str:
    """Return a header as matching sees it."""
    text = unicodedata.normalize("NFKC", str(header))
    text = re.sub(r"\s+", "", text).lstrip("*")
    return _ANNOTATION.sub("", text)


def match_headers(table: Table, linked: tuple[Table, ...]) -> dict[str, Target]:
    """Return every header (normalised) or element id that names something in ``table``."""
    found: dict[str, Target] = {INDEX_HEADER: Target("index"), "#": Target("index")}
    for column in table.columns:
        found[column.id] = Target("column", column)
        for former in column.former_ids:  # a workbook of an earlier spec version
            found[former] = Target("column", column)
    for links in linked:
        for column in links.columns:
            found[f"{links.element}.{column.id}"] = Target("linked-field", column, links)
    for column in table.columns:
        found.setdefault(normalize(column.spec.element.title), Target("column", column))
        found[normalize(column.header)] = Target("column", column)
    for links in linked:
        found.setdefault(normalize(links.sheet), Target("linked-text", None, links))
        for column in links.columns:
            found.setdefault(normalize(column.header), Target("linked-field", column, links))
    # The synonyms real lists use (SPEC §10) are declared on the elements as aliases.
    for column in table.columns:
        for alias in column.aliases:
            found.setdefault(normalize(alias), Target("column", column))
    for links in linked:
        _add_linked_aliases(found, links)
    return found


def _add_linked_aliases(found: dict[str, Target], links: Table) -> None:
    """A linked table's other titles (the whole array as text) and its columns' aliases."""
    for alias in links.aliases:
        found.setdefault(normalize(alias), Target("linked-text", None, links))
    for column in links.columns:
        for alias in column.aliases:
            found.setdefault(normalize(alias), Target("linked-field", column, links))
