"""The item-coding rule (SPEC §7): one module per code, each with python-stdnum's verbs.

``compact``, ``validate``, ``is_valid``, ``format``, ``parse`` and ``explain`` in
:mod:`~banzhang.codes.basic` (基本编码, 12), :mod:`~banzhang.codes.handling` (业务办理项编码, 14),
:mod:`~banzhang.codes.implementation` (实施编码, 33), :mod:`~banzhang.codes.uscc` (统一社会信用代码,
18) and :mod:`~banzhang.codes.region` (行政区划代码, 6). :func:`explain` picks the module by length.

>>> detect("00016421300Y")
'basic'
>>> [part.meaning for part in explain("00016421300Y")]
['国家设定', '行政许可', '第 64213 号主项', '有子项的主项']
"""

from __future__ import annotations

from types import ModuleType

from banzhang.codes import basic, handling, implementation, region, uscc
from banzhang.codes._scheme import Part, Scheme, Segment, compact, load_scheme
from banzhang.errors import InvalidLength

__all__ = [
    "KINDS",
    "Part",
    "Scheme",
    "Segment",
    "basic",
    "compact",
    "detect",
    "explain",
    "handling",
    "implementation",
    "load_scheme",
    "module_for",
    "region",
    "uscc",
]

#: Code kind → (Chinese title, module, length).
KINDS: dict[str, tuple[str, ModuleType, int]] = {
    "region": ("行政区划代码", region, 6),
    "basic": ("基本编码", basic, 12),
    "handling": ("业务办理项编码", handling, 14),
    "uscc": ("统一社会信用代码", uscc, 18),
    "implementation": ("实施编码", implementation, 33),
}


def detect(code: str) -> str:
    """Return the kind of ``code`` from its length after :func:`compact`.

    Raises:
        InvalidLength: no code kind has that length.
    """
    number = compact(code)
    for kind, (_title, _module, length) in KINDS.items():
        if len(number) == length:
            return kind
    lengths = "、".join(str(length) for _t, _m, length in KINDS.values())
    message = f"无法识别编码 {number!r}：长度 {len(number)} 不是 {lengths} 位中的任何一种"
    raise InvalidLength(message, code=number, segment="编码")


def module_for(kind: str) -> ModuleType:
    """Return the module that handles code ``kind`` (``basic``, ``uscc``, …)."""
    return KINDS[kind][1]


def explain(code: str) -> tuple[Part, ...]:
    """Return each segment of ``code`` with its meaning, whatever kind of code it is."""
    kind = detect(code)
    if kind == "region":
        found = region.parse(code)
        return (
            Part("region", "行政区划代码", found.code, f"{found.full_name}（{found.level_title}）"),
        )
    result: tuple[Part, ...] = module_for(kind).explain(code)
    return result
