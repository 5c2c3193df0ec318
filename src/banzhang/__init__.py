"""banzhang — the reference implementation of Inner Mongolia's 八张清单 approval-reform norms.

>>> from banzhang import codes
>>> codes.basic.parse("000164213003").main_code
'00016421300Y'
"""

from banzhang import codelists, codes
from banzhang._version import SPEC_VERSION, __version__
from banzhang.errors import (
    BanzhangError,
    InvalidChecksum,
    InvalidCode,
    InvalidComponent,
    InvalidDocument,
    InvalidFormat,
    InvalidLength,
    UnreadableInput,
)

__all__ = [
    "SPEC_VERSION",
    "BanzhangError",
    "InvalidChecksum",
    "InvalidCode",
    "InvalidComponent",
    "InvalidDocument",
    "InvalidFormat",
    "InvalidLength",
    "UnreadableInput",
    "__version__",
    "codelists",
    "codes",
]
