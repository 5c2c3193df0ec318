"""The codelists of the standard (SPEC §2), shipped as data files.

Each codelist is a TSV file in ``banzhang/_data/codelists`` with a code, a Chinese title, an
English title, the source of each entry, and optional aliases (the letter codes provincial systems
use for 事项类型). Codes are never translated; titles are.

>>> power_type = get("power_type")
>>> power_type.title_of("01")
'行政许可'
>>> power_type.label("99")
'99'
>>> power_type.resolve("XK")
'01'
>>> "11" in power_type
True
>>> get("material_source").open
True
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

import attrs

from banzhang._tsv import read_table
from banzhang.errors import UnknownName

__all__ = ["Codelist", "Entry", "get", "names"]

_PACKAGE = "banzhang._data.codelists"


@attrs.frozen
class Entry:
    """One code of a codelist.

    Attributes:
        code: the code as written in documents (``01``, ``马上办``).
        title: the Chinese title.
        title_en: the English title.
        source: where the entry comes from (V/S/P/B tag and clause).
        aliases: other spellings accepted on input (letter codes such as ``XK``).
    """

    code: str
    title: str
    title_en: str
    source: str
    aliases: tuple[str, ...] = ()


@attrs.frozen
class Codelist:
    """A named, ordered set of codes.

    Attributes:
        name: the codelist id (``power_type``).
        title: its Chinese title (事项类型).
        source: where the list comes from.
        open: whether values outside the list are allowed (SPEC marks some lists "open").
        entries: the codes in their standard order.
    """

    name: str
    title: str
    source: str
    open: bool
    entries: tuple[Entry, ...]
    _by_code: dict[str, Entry] = attrs.field(init=False, repr=False, eq=False)
    _by_spelling: dict[str, str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_code = {entry.code: entry for entry in self.entries}
        spellings: dict[str, str] = {}
        for entry in self.entries:
            for spelling in (entry.code, entry.title, *entry.aliases):
                spellings.setdefault(spelling.upper(), entry.code)
        object.__setattr__(self, "_by_code", by_code)
        object.__setattr__(self, "_by_spelling", spellings)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes in standard order."""
        return tuple(entry.code for entry in self.entries)

    def title_of(self, code: str) -> str:
        """Return the Chinese title of ``code``, or raise ``KeyError``."""
        return self._by_code[code].title

    def label(self, code: str) -> str:
        """Return the title of ``code``, or the code itself when it is not in the list.

        Open codelists admit values outside the list; reports show those as written.
        """
        entry = self._by_code.get(code)
        return entry.title if entry is not None else code

    def resolve(self, spelling: str) -> str | None:
        """Return the code that ``spelling`` (a code, title or alias) stands for, or ``None``."""
        return self._by_spelling.get(spelling.strip().upper())


@cache
def get(name: str) -> Codelist:
    """Return the codelist called ``name``.

    Raises:
        UnknownName: no such codelist is shipped (a :class:`LookupError`).
    """
    try:
        header, rows = read_table(_PACKAGE, f"{name}.tsv")
    except FileNotFoundError as err:
        message = f"没有名为“{name}”的代码表"
        raise UnknownName(message, name=name) from err
    entries = tuple(
        Entry(
            code=row["code"],
            title=row["title"],
            title_en=row["title_en"],
            source=row["source"],
            aliases=tuple(alias for alias in row["alias"].split(",") if alias),
        )
        for row in rows
    )
    return Codelist(
        name=name,
        title=header["title"],
        source=header["source"],
        open=header["open"] == "yes",
        entries=entries,
    )


def names() -> tuple[str, ...]:
    """Return the ids of every shipped codelist, sorted."""
    files = resources.files(_PACKAGE).iterdir()
    return tuple(sorted(f.name.removesuffix(".tsv") for f in files if f.name.endswith(".tsv")))
