"""Declare an element of the standard once: an attrs field whose metadata says what it is.

Everything else — JSON Schema, validation, docs, later Excel columns and XML names — is derived
from these declarations by walking ``attrs.fields``; nothing restates them by hand.

>>> import attrs
>>> @attrs.frozen(kw_only=True)
... class Example:
...     name: str = element("事项名称", required=True, source="V 《行政许可法》第三十条")
>>> describe(attrs.fields(Example).name).title
'事项名称'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = [
    "META_KEY",
    "SOURCE_TAGS",
    "Element",
    "ModelInfo",
    "describe",
    "element",
    "model",
    "model_info",
    "split_sources",
]

#: The key of field metadata that holds the :class:`Element`.
META_KEY = "banzhang"

SOURCE_TAGS = {
    "V": "已核实的公开文本",
    "S": "种子文件所述",
    "P": "实际系统的通行做法",
    "B": "banzhang 的自定",
}


@attrs.frozen
class Element:
    """What the standard says about one element.

    Attributes:
        title: the Chinese title, as the standard and department spreadsheets write it.
        description: what the element holds, in Chinese.
        source: the tag (V, S, P or B) and the clause it comes from.
        required: whether a document must give it (and, for text, not leave it empty).
        codelist: the codelist its values come from.
        code: the code kind it holds (``basic``, ``handling``, ``implementation``, ``uscc``,
            ``region``), checked by the coding rule.
        pattern: a regular expression a text value must match.
        max_length: the most characters a text value may have.
        min_items: the fewest entries an array must have.
        minimum: the smallest number allowed.
        example: a value shown in docs and templates.
        aliases: other titles real spreadsheets use for it (Excel header synonyms, SPEC §10).
        renamed_from: the ids it had in earlier spec versions; files using them still load,
            with a ``structure.renamed`` warning.
    """

    title: str
    description: str = ""
    source: str = "B"
    required: bool = False
    codelist: str | None = None
    code: str | None = None
    pattern: str | None = None
    max_length: int | None = None
    min_items: int | None = None
    minimum: int | None = None
    example: str | None = None
    aliases: tuple[str, ...] = ()
    renamed_from: tuple[str, ...] = ()

    @property
    def source_tag(self) -> str:
        """The one-letter tag: V, S, P or B."""
        return self.source[:1]

    @property
    def source_meaning(self) -> str:
        """What the tag means, in Chinese."""
        return SOURCE_TAGS.get(self.source_tag, "未注明")


def element(
    title: str,
    *,
    required: bool = False,
    default: Any = None,
    factory: Any = None,
    **facts: Any,
) -> Any:
    """Return an attrs field declared as an element of the standard.

    Args:
        title: the Chinese title.
        required: whether the element must be given; a required field has no default.
        default: the default of an optional scalar (``None`` unless said).
        factory: the default factory of an optional collection (``tuple``).
        **facts: the other attributes of :class:`Element` (description, source, codelist, …).
    """
    metadata = {META_KEY: Element(title=title, required=required, **facts)}
    if required:
        return attrs.field(metadata=metadata)
    if factory is not None:
        return attrs.field(metadata=metadata, factory=factory)
    return attrs.field(metadata=metadata, default=default)


@attrs.frozen
class ModelInfo:
    """What the standard says about a model (an object of several elements).

    Attributes:
        title: its Chinese title (依据, 申请材料).
        description: what it holds, in Chinese.
        source: the tag (V, S, P or B) and the clause it comes from.
    """

    title: str
    description: str = ""
    source: str = "B"


_MODELS: dict[type[Any], ModelInfo] = {}

Model = TypeVar("Model", bound=type[Any])


def model(title: str, *, description: str = "", source: str = "B") -> Callable[[Model], Model]:
    """Declare a model's Chinese title, description and source (a class decorator).

    Put it above ``@attrs.frozen``, so that it sees the finished class.
    """

    def declare(cls: Model) -> Model:
        _MODELS[cls] = ModelInfo(title, description, source)
        return cls

    return declare


def model_info(cls: type[Any]) -> ModelInfo:
    """Return what was declared of model ``cls`` with :func:`model`.

    Raises:
        TypeError: ``cls`` was not declared.
    """
    try:
        return _MODELS[cls]
    except KeyError:
        message = (
            f"{cls.__name__} is not a declared model (decorate it with banzhang.declare.model)"
        )
        raise TypeError(message) from None


def describe(field: attrs.Attribute[Any]) -> Element:
    """Return the :class:`Element` declared on ``field``."""
    found: Element = field.metadata[META_KEY]
    return found


def split_sources(source: str) -> list[tuple[str | None, str]]:
    """Split a source into its parts, each as (tag, clause); a part without a tag has ``None``.

    >>> split_sources("S 002; V 《中华人民共和国行政许可法》第三十八条")
    [('S', '002'), ('V', '《中华人民共和国行政许可法》第三十八条')]
    >>> split_sources("B")
    [('B', '')]
    """
    parts: list[tuple[str | None, str]] = []
    for part in source.split(";"):
        tag, _space, clause = part.strip().partition(" ")
        parts.append((tag, clause) if tag in SOURCE_TAGS else (None, part.strip()))
    return parts
