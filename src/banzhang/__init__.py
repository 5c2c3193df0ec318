"""banzhang — the reference implementation of Inner Mongolia's 八张清单 approval-reform norms.

The flat surface: read and write documents in any format (:func:`load`, :func:`dump`, …),
validate them (:func:`iter_findings`, :func:`validate`, :func:`is_valid`), and the registries
(:mod:`kinds`, :mod:`codes`, :mod:`codelists`).

>>> import banzhang
>>> from banzhang import examples
>>> banzhang.is_valid(examples.load("power-list"))
True
>>> banzhang.codes.basic.parse("000164213003").main_code
'00016421300Y'
"""

from banzhang import codelists, codes, errors, kinds, validation
from banzhang._version import SPEC_VERSION, __version__
from banzhang.errors import (
    BanzhangError,
    InvalidChecksum,
    InvalidCode,
    InvalidComponent,
    InvalidDocument,
    InvalidFormat,
    InvalidLength,
    UnknownName,
    UnreadableInput,
)
from banzhang.formats import (
    ReadOptions,
    dump,
    is_valid,
    iter_dump,
    iter_findings,
    iter_load,
    load,
    load_data,
    validate,
)
from banzhang.validation.against import Against
from banzhang.validation.findings import Finding, Severity
from banzhang.validation.places import Place

__all__ = [
    "SPEC_VERSION",
    "Against",
    "BanzhangError",
    "Finding",
    "InvalidChecksum",
    "InvalidCode",
    "InvalidComponent",
    "InvalidDocument",
    "InvalidFormat",
    "InvalidLength",
    "Place",
    "ReadOptions",
    "Severity",
    "UnknownName",
    "UnreadableInput",
    "__version__",
    "codelists",
    "codes",
    "dump",
    "errors",
    "is_valid",
    "iter_dump",
    "iter_findings",
    "iter_load",
    "kinds",
    "load",
    "load_data",
    "validate",
    "validation",
]
