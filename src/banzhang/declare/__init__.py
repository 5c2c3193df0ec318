"""The floor everything stands on: each element of the standard declared once, and what follows.

:func:`element` declares a field with its Chinese title, description, aliases and source;
:func:`model` declares a model's title the same way. :func:`fields_of` walks a model's
declarations and :func:`constraints_of` derives what a value must satisfy: the JSON Schema, the
XSD, the validator, the Excel dropdowns and the docs all read them, and restate nothing.

>>> from banzhang.models import LegalBasis
>>> model_info(LegalBasis).title
'依据'
>>> [spec.name for spec in fields_of(LegalBasis)][:2]
['title', 'article']
"""

from banzhang.declare._constraints import (
    DATE_PATTERN,
    NOT_BLANK,
    Constraints,
    Pattern,
    constraints_of,
    region_codes,
    xsd_pattern,
)
from banzhang.declare._element import (
    META_KEY,
    SOURCE_TAGS,
    Element,
    ModelInfo,
    describe,
    element,
    model,
    model_info,
    split_sources,
)
from banzhang.declare._sources import (
    NATIONAL_TITLES,
    NUMBERED,
    SEEDS,
    clause_words,
    seed_title,
    source_words,
)
from banzhang.declare._walk import FieldSpec, fields_of, nested_models, renames_of

__all__ = [
    "DATE_PATTERN",
    "META_KEY",
    "NATIONAL_TITLES",
    "NOT_BLANK",
    "NUMBERED",
    "SEEDS",
    "SOURCE_TAGS",
    "Constraints",
    "Element",
    "FieldSpec",
    "ModelInfo",
    "Pattern",
    "clause_words",
    "constraints_of",
    "describe",
    "element",
    "fields_of",
    "model",
    "model_info",
    "nested_models",
    "region_codes",
    "renames_of",
    "seed_title",
    "source_words",
    "split_sources",
    "xsd_pattern",
]
