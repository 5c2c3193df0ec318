"""What validation reports: a :class:`Finding` per problem, with its place and rule."""

from __future__ import annotations

from typing import Any, Final, Literal

import attrs

__all__ = ["ERROR", "INFO", "WARNING", "Finding", "Severity"]

#: How bad a finding is: an ``error`` makes the document invalid; a ``warning`` or an ``info``
#: does not.
Severity = Literal["error", "warning", "info"]
ERROR: Final[Severity] = "error"
WARNING: Final[Severity] = "warning"
INFO: Final[Severity] = "info"
_SEVERITY_TITLES: dict[Severity, str] = {ERROR: "错误", WARNING: "警告", INFO: "提示"}


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
        source: where in the input file: ``权责清单!E17`` or ``line 12``, when known.
        header: the header the department wrote above that cell (``事项名称（必填）``), when
            the finding names a cell of a workbook read by its headers.
    """

    rule: str
    severity: Severity
    path: str
    message: str
    value: Any = None
    layer: str = "schema"
    source: str | None = None
    header: str | None = None

    @property
    def severity_title(self) -> str:
        """The severity in Chinese."""
        return _SEVERITY_TITLES[self.severity]

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as JSON-ready data (``source`` and ``header`` only when known)."""
        data = attrs.asdict(self)
        for optional in ("source", "header"):
            if data[optional] is None:
                del data[optional]
        return data

    @property
    def where(self) -> str:
        """The path, then the cell and the header above it when known:
        ``$.items[0].name（权责清单!C7，“事项名称（必填）”列）``."""
        cell = f"{self.source}，“{self.header}”列" if self.source and self.header else self.source
        return f"{self.path}（{cell}）" if cell else self.path

    def __str__(self) -> str:
        return f"[{self.severity_title}] {self.where}：{self.message}（{self.rule}）"
