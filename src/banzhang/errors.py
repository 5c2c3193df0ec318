"""The closed set of errors banzhang raises.

Every error inherits :class:`BanzhangError`, and each specific one also the builtin it refines,
so ``except ValueError`` keeps working for callers who do not know banzhang.

>>> from banzhang import codes
>>> try:
...     codes.basic.validate("0001642130")
... except InvalidLength as err:
...     print(err.code, err.segment)
0001642130 基本编码
"""

from __future__ import annotations

__all__ = [
    "BanzhangError",
    "InvalidChecksum",
    "InvalidCode",
    "InvalidComponent",
    "InvalidDocument",
    "InvalidFormat",
    "InvalidLength",
    "UnknownName",
    "UnreadableInput",
    "UnwritableOutput",
]


class BanzhangError(Exception):
    """Root of every error banzhang raises on purpose."""


class InvalidCode(BanzhangError, ValueError):
    """A code (基本编码, 实施编码, 统一社会信用代码, …) breaks its rule.

    Attributes:
        code: the value as given.
        segment: the Chinese title of the segment (or whole code) at fault.
        position: 1-based character position where the fault starts, when known.
        message: the Chinese explanation, naming segment, position and value.
    """

    def __init__(
        self, message: str, *, code: str, segment: str, position: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.segment = segment
        self.position = position


class InvalidLength(InvalidCode):
    """The code has the wrong number of characters."""


class InvalidFormat(InvalidCode):
    """A character is not allowed where it stands."""


class InvalidChecksum(InvalidCode):
    """The check character does not match the rest of the code."""


class InvalidComponent(InvalidCode):
    """A segment is well formed but names nothing known (a type, a region, …)."""


class InvalidDocument(BanzhangError, ValueError):
    """A document breaks the standard; ``findings`` lists every problem found.

    Attributes:
        findings: the findings of severity ``error`` (and any warnings seen with them).
    """

    def __init__(self, message: str, findings: tuple[object, ...]) -> None:
        super().__init__(message)
        self.findings = findings


class UnreadableInput(BanzhangError, ValueError):
    """Input that cannot be read at all: not JSON, not a workbook, unknown kind, …

    Attributes:
        source: where the input came from (a file name, ``<stdin>``, …).
    """

    def __init__(self, message: str, *, source: str = "") -> None:
        super().__init__(message)
        self.source = source


class UnknownName(UnreadableInput, LookupError):
    """A name banzhang does not know: a document kind, a codelist, a file format.

    A :class:`LookupError`, as a failed lookup is in Python (``except LookupError`` catches it), and
    an :class:`UnreadableInput`, as an unknown kind in a file has always been.

    Attributes:
        name: the name as given.
    """

    def __init__(self, message: str, *, name: str, source: str = "") -> None:
        super().__init__(message, source=source)
        self.name = name


class UnwritableOutput(BanzhangError, OSError):
    """An output that cannot be written: a missing or read-only folder, a full disk, a folder
    where a file should go, or the input itself. Nothing is left half-written.

    Attributes:
        target: the path that was to be written.
    """

    def __init__(self, message: str, *, target: str = "") -> None:
        super().__init__(message)
        self.target = target

    def __str__(self) -> str:
        return str(self.args[0])
