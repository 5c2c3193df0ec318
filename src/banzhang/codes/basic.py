"""基本编码 (basic item code, 12 characters) — banzhang's coding rule, SPEC §7.

来源代码 (2: ``00`` 国家设定, ``15`` 自治区设定) + 事项类型 (2, ``power_type``) + 主项顺序码
(5 digits, 00001–99999) + 子项码 (3: ``000`` no 子项, ``00Y`` a 主项 that has 子项, ``001``–``999``
a 子项). The same code is used at every level (三级五同). The segment table is data
(``scheme``): a profile may pass another, such as ``load_scheme("basic-code-letter")``.

>>> parse("00016421300Y").has_sub_items
True
>>> parse("000164213003").main_code
'00016421300Y'
>>> build("00", "行政许可", 64213, has_sub_items=True)
'00016421300Y'
>>> sub_item("00016421300Y", 3)
'000164213003'
>>> is_valid("00016421300Z")
False
"""

from __future__ import annotations

import attrs

from banzhang import codelists
from banzhang.codes._scheme import Part, Scheme, compact, load_scheme, split
from banzhang.errors import InvalidCode, InvalidComponent

__all__ = [
    "LENGTH",
    "TITLE",
    "BasicCode",
    "build",
    "check_sub_item_parent",
    "compact",
    "default_scheme",
    "explain",
    "format",
    "is_valid",
    "main_item",
    "parse",
    "sub_item",
    "validate",
]

#: The code's Chinese title.
TITLE = "基本编码"
#: How many characters a compact code has.
LENGTH = 12

_HAS_SUB_ITEMS = "00Y"
_NO_SUB_ITEMS = "000"


def default_scheme() -> Scheme:
    """Return the packaged 12-character segment table."""
    return load_scheme("basic-code")


@attrs.frozen
class BasicCode:
    """A parsed 基本编码.

    Attributes:
        code: the whole compact code.
        segments: each segment id → its characters, in scheme order.
        power_type: the ``power_type`` code (``01``), also when the scheme spells it by letters.
        main_seq: the 主项顺序码.
        sub: the 子项码 (``000``, ``00Y`` or ``001``–``999``).
    """

    code: str
    segments: dict[str, str] = attrs.field(eq=False)
    power_type: str
    main_seq: str
    sub: str

    @property
    def has_sub_items(self) -> bool:
        """Whether this is a 主项 that has 子项 (子项码 ``00Y``)."""
        return self.sub == _HAS_SUB_ITEMS

    @property
    def is_sub_item(self) -> bool:
        """Whether this is a 子项 (子项码 ``001``–``999``)."""
        return self.sub not in (_HAS_SUB_ITEMS, _NO_SUB_ITEMS)

    @property
    def main_code(self) -> str:
        """The code of the 主项: this code itself unless it is a 子项."""
        return self.code[:-3] + _HAS_SUB_ITEMS if self.is_sub_item else self.code

    def __str__(self) -> str:
        return self.code


def validate(code: str, *, scheme: Scheme | None = None) -> str:
    """Return the compact ``code`` if it is a valid 基本编码.

    Raises:
        InvalidLength: the wrong number of characters.
        InvalidFormat: a segment has characters it may not have.
        InvalidComponent: an unknown 来源 or 事项类型, or 主项顺序码 ``00000``.
    """
    return parse(code, scheme=scheme).code


def is_valid(code: str, *, scheme: Scheme | None = None) -> bool:
    """Return whether ``code`` is a valid 基本编码."""
    try:
        validate(code, scheme=scheme)
    except InvalidCode:
        return False
    return True


def parse(code: str, *, scheme: Scheme | None = None) -> BasicCode:
    """Validate ``code`` and return its named segments."""
    scheme = scheme or default_scheme()
    code = compact(code)
    values = split(scheme, code)
    main_seq = values["main_seq"]
    power_type = codelists.get("power_type").resolve(values["power_type"])
    assert power_type is not None
    return BasicCode(
        code=code, segments=values, power_type=power_type, main_seq=main_seq, sub=values["sub"]
    )


def format(code: str, *, scheme: Scheme | None = None) -> str:  # noqa: A001 - stdnum's verb
    """Return the canonical printed form (the compact code)."""
    return validate(code, scheme=scheme)


def build(
    source: str,
    power_type: str,
    main_seq: int,
    sub: int = 0,
    *,
    has_sub_items: bool = False,
) -> str:
    """Make a 基本编码 in the default scheme.

    Args:
        source: 来源代码 (``00`` or ``15``).
        power_type: 事项类型 as code (``01``), letter alias (``XK``) or title (``行政许可``).
        main_seq: 主项顺序码, 1–99999.
        sub: 子项 number 1–999, or 0 for a 主项.
        has_sub_items: for a 主项 (``sub == 0``), whether it has 子项 (子项码 ``00Y``).

    Raises:
        InvalidComponent: a value outside its range or codelist.
    """
    type_code = codelists.get("power_type").resolve(power_type) or power_type
    if not 0 < main_seq <= 99999 or not 0 <= sub <= 999 or (sub and has_sub_items):
        message = f"无法生成基本编码：主项顺序码 {main_seq}、子项 {sub} 超出范围或相互矛盾"
        raise InvalidComponent(message, code="", segment="基本编码")
    sub_code = _HAS_SUB_ITEMS if has_sub_items else f"{sub:03d}"
    return validate(f"{source}{type_code}{main_seq:05d}{sub_code}")


def sub_item(main_code: str, number: int) -> str:
    """Return the code of 子项 ``number`` (1–999) under the 主项 ``main_code``.

    Raises:
        InvalidComponent: ``main_code`` is not a 主项 with 子项 (``…00Y``), or ``number`` is out
            of range.
    """
    main = parse(main_code)
    if not main.has_sub_items or not 0 < number <= 999:
        message = (
            f"基本编码 {main.code} 不是有子项的主项（应以 00Y 结尾），"
            f"或子项序号 {number} 超出 1–999"
        )
        raise InvalidComponent(message, code=main.code, segment="子项码", position=10)
    return main.code[:-3] + f"{number:03d}"


def main_item(code: str) -> str:
    """Return the code of the 主项 that ``code`` belongs to (itself when it is a 主项)."""
    return parse(code).main_code


def explain(code: str, *, scheme: Scheme | None = None) -> tuple[Part, ...]:
    """Return each segment of ``code`` with its meaning in Chinese."""
    scheme = scheme or default_scheme()
    parsed = parse(code, scheme=scheme)
    parts = []
    for segment in scheme.segments:
        value = parsed.segments[segment.name]
        parts.append(
            Part(segment.name, segment.title, value, _meaning(segment.name, value, parsed))
        )
    return tuple(parts)


def _meaning(name: str, value: str, parsed: BasicCode) -> str:
    if name == "source":
        return codelists.get("code_source").title_of(value)
    if name == "power_type":
        return codelists.get("power_type").title_of(parsed.power_type)
    if name == "main_seq":
        return f"第 {int(value)} 号主项"
    if parsed.has_sub_items:
        return "有子项的主项"
    if parsed.is_sub_item:
        return f"第 {int(value)} 号子项，主项为 {parsed.main_code}"
    return "无子项的主项"


def check_sub_item_parent(code: str, known_codes: set[str]) -> str | None:
    """Return the missing 主项 code if ``code`` is a 子项 whose 主项 is not in ``known_codes``."""
    parsed = parse(code)
    if parsed.is_sub_item and parsed.main_code not in known_codes:
        return parsed.main_code
    return None
