"""What each label of a Word guide or review detail names: an element, a part of one, or none.

A label is an element's declared title or alias, a usual variant of it, a label of a published
form (:data:`banzhang.formats.tables.forms.FORM_LABELS`), or one of those behind the type of
the item (``行政许可事项名称`` is the 事项名称 of a 行政许可: the 事项类型 is said too).

>>> from banzhang import kinds
>>> labels = Labels(kinds.get("service-guide"))
>>> labels.find("法定办结时限"), labels.find("办理时间"), labels.find("通办范围")
(('legal_time_limit',), ('office', 'hours'), None)
>>> labels.find("行政许可事项名称"), labels.power_type_of("行政许可事项名称")
(('name',), '01')
>>> labels.find("乘车须知") is MISSING
True
"""

from __future__ import annotations

from typing import Any, Final

from banzhang import codelists, kinds
from banzhang.formats.docx._layout import specs_by_label
from banzhang.formats.tables.forms import FALLBACK_LABELS, FORM_LABELS, Path
from banzhang.formats.tables.labels import fold

__all__ = ["MISSING", "Labels"]


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


#: What :meth:`Labels.find` returns for a label it does not know.
MISSING: Final[Any] = _Missing()


class Labels:
    """The labels of one kind's documents, folded."""

    def __init__(self, kind: kinds.Kind) -> None:
        #: What a document of the kind is read into: the document, or one item of a list
        #: (a 权责清单 item published as a label/value table).
        self.model = kind.item or kind.document
        self.paths: dict[str, Path] = {
            label: (spec.name,) for label, spec in specs_by_label(self.model).items()
        }
        for label, path in FORM_LABELS.get(kind.id, {}).items():
            self.paths.setdefault(fold(label), path)
        #: Labels that name an element only while it is empty (实施依据 → 设定依据).
        self.fallbacks = {fold(k): v for k, v in FALLBACK_LABELS.get(kind.id, {}).items()}
        for label in self.fallbacks:
            self.paths.setdefault(label, None)
        #: The 事项类型 titles a label may start with, longest first.
        self.types = sorted(
            ((entry.title, entry.code) for entry in codelists.get("power_type")),
            key=lambda pair: -len(pair[0]),
        )

    def find(self, label: str) -> Any:
        """The path ``label`` names, ``None`` for a form's label that is no element, or
        :data:`MISSING`."""
        folded = fold(label)
        if folded in self.paths:
            return self.paths[folded]
        for title, _code in self.types:
            if folded.startswith(title) and folded[len(title) :] in self.paths:
                return self.paths[folded[len(title) :]]
        return self._qualified(folded)

    def _qualified(self, folded: str) -> Any:
        """A label qualified by what it is for (``急事急办的条件``): the one element whose label
        ends with the word after ``的`` (申请条件), if only one does."""
        head = folded.rpartition("的")[2]
        if "的" not in folded or len(head) < 2:
            return MISSING
        found = {path for label, path in self.paths.items() if path and label.endswith(head)}
        return found.pop() if len(found) == 1 else MISSING

    def fallback(self, label: str, data: dict[str, Any]) -> Any:
        """What ``label`` names given what ``data`` holds already (:data:`FALLBACK_LABELS`)."""
        path = self.fallbacks.get(fold(label))
        if path is not None and not data.get(path[0]):
            return path
        return self.find(label)

    def is_label(self, text: str) -> bool:
        """Whether ``text`` is a label this kind knows."""
        return len(text) <= 30 and self.find(text) is not MISSING

    def power_type_in(self, text: str) -> str | None:
        """The 事项类型 a text names anywhere ("行政许可事项实施规范" → ``01``)."""
        return next((code for title, code in self.types if title in text), None)

    def power_type_of(self, label: str) -> str | None:
        """The 事项类型 a label starts with (``行政许可事项名称`` → ``01``)."""
        folded = fold(label)
        return next((code for title, code in self.types if folded.startswith(title)), None)

    def within(self, heading: str) -> Any:
        """The path of the longest known label inside a heading ("受理地点和办事窗口")."""
        folded = fold(heading)
        found = MISSING
        longest = 0
        for label, path in self.paths.items():
            if len(label) > longest and len(label) >= 2 and label in folded:
                found, longest = path, len(label)
        return found
