"""Typed models of every document of the standard (SPEC §1–6), declared once.

Models hold data; they do not judge it. A model may carry a code with a bad check character or a
value outside a codelist — :mod:`banzhang.validation` says what is wrong and where.
"""

from banzhang.models.common import (
    Agency,
    Contact,
    Document,
    HandlingItem,
    LegalBasis,
    ListDocument,
    Material,
    Responsibility,
    Step,
    SubItem,
    TimeLimit,
)

__all__ = [
    "Agency",
    "Contact",
    "Document",
    "HandlingItem",
    "LegalBasis",
    "ListDocument",
    "Material",
    "Responsibility",
    "Step",
    "SubItem",
    "TimeLimit",
]
