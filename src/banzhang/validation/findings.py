"""What validation reports: a :class:`Finding` per problem, with its place and rule."""

from __future__ import annotations

from typing import Any, Final, Literal

import attrs

from banzhang.validation.places import Place

__all__ = ["ERROR", "INFO", "WARNING", "Finding", "Severity"]

#: How bad a finding is: an ``error`` makes the document invalid; a ``warning`` or an ``info``
#: does not.
Severity = Literal["error", "warning", "info"]
ERROR: Final[Severity] = "error"
WARNING: Final[Severity] = "warning"
INFO: Final[Severity] = "info"
_SEVERITY_TITLES: dict[Severity, str] = {ERROR: "错误", WARNING: "警告", INFO: "提示"}


def _as_place(where: Place | str | None) -> Place | None:
    """A finding's place from what a caller gives: segments, or their rendering."""
    return Place.parse(where) if isinstance(where, str) else where


@attrs.frozen
class Finding:
    """One problem found in a document.

    Attributes:
        rule: the stable rule id (``time.promised-exceeds-legal``).
        severity: ``error``, ``warning`` or ``info``.
        path: where, as a ``$``-rooted path (``$.items[3].materials[0].name``).
        message: the Chinese explanation, naming the element by its standard title.
        value: the value at fault, when there is one.
        layer: ``schema`` (what JSON Schema can express), ``codes`` (check characters, the region
            table, links between codes) or ``rules`` (the writing norms).
        place: where in the input file, as segments (:class:`~banzhang.validation.places.Place`:
            a sheet and cell, a paragraph, a Word table's cell, a line), when known. Given as
            ``source=`` — a place, or its rendering (``权责清单!E17``), which is read back into
            segments.
        header: the header the department wrote above that cell (``事项名称（必填）``), when
            the finding names a cell of a workbook read by its headers.
    """

    rule: str
    severity: Severity
    path: str
    message: str
    value: Any = None
    layer: str = "schema"
    place: Place | None = attrs.field(default=None, alias="source", converter=_as_place)
    header: str | None = None

    @property
    def source(self) -> str | None:
        """Where in the input file, as a person reads it: ``权责清单!E17``, ``第 12 行``,
        ``表格 2 第 3 行第 2 列`` (rendered from :attr:`place`), when known."""
        return None if self.place is None else str(self.place)

    @property
    def severity_title(self) -> str:
        """The severity in Chinese."""
        return _SEVERITY_TITLES[self.severity]

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as JSON-ready data: ``source`` (the place as a person reads it) and
        ``place`` (its segments), only when known."""
        data = {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
            "value": self.value,
            "layer": self.layer,
        }
        if self.place is not None:
            data["source"] = str(self.place)
            data["place"] = self.place.to_data()
        if self.header is not None:
            data["header"] = self.header
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """The finding :meth:`to_dict` gave (its place from the segments when given)."""
        fields = {key: data[key] for key in ("rule", "severity", "path", "message") if key in data}
        place = data.get("place")
        return cls(
            **fields,
            value=data.get("value"),
            layer=data.get("layer", "schema"),
            source=Place.from_data(place) if place is not None else data.get("source"),
            header=data.get("header"),
        )

    @property
    def where(self) -> str:
        """The path, then the cell and the header above it when known:
        ``$.items[0].name（权责清单!C7，“事项名称（必填）”列）``."""
        cell = f"{self.source}，“{self.header}”列" if self.source and self.header else self.source
        return f"{self.path}（{cell}）" if cell else self.path

    def __str__(self) -> str:
        return f"[{self.severity_title}] {self.where}：{self.message}（{self.rule}）"
