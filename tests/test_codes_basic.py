"""基本编码 and 业务办理项编码: SPEC §7."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from banzhang import codes
from banzhang.codes import basic, handling
from banzhang.errors import InvalidCode, InvalidComponent, InvalidFormat, InvalidLength
from tests.strategies import basic_code_parts


def test_published_national_main_item() -> None:
    """The national 主项 00016421300Y reads as 国家设定 / 行政许可 / 主项 64213 / 有子项."""
    meanings = {part.name: (part.value, part.meaning) for part in basic.explain("00016421300Y")}
    assert meanings == {
        "source": ("00", "国家设定"),
        "power_type": ("01", "行政许可"),
        "main_seq": ("64213", "第 64213 号主项"),
        "sub": ("00Y", "有子项的主项"),
    }


def test_published_sub_item_names_its_main_item() -> None:
    """The national 子项 000164213003 belongs to 主项 00016421300Y."""
    parsed = basic.parse("000164213003")
    assert parsed.is_sub_item
    assert parsed.main_code == "00016421300Y"
    assert basic.main_item("000164213003") == "00016421300Y"


def test_second_published_item() -> None:
    """00012036600Y and its 子项 000120366003 are valid and linked."""
    assert basic.sub_item("00012036600Y", 3) == "000120366003"


def test_published_handling_code() -> None:
    """00016421300301 is 业务办理项 01 of 子项 000164213003."""
    parsed = handling.parse("00016421300301")
    assert (parsed.basic_code, parsed.handling_seq) == ("000164213003", "01")


def test_compact_accepts_full_width_spaces_and_lower_case() -> None:
    """Full-width digits, spaces, hyphens and a lower-case y are normalised."""
    assert basic.validate(" ０００１-6421 300y") == "00016421300Y"


@pytest.mark.parametrize(
    ("code", "error", "segment", "position"),
    [
        ("0001642130", InvalidLength, "基本编码", None),
        ("0A016421300Y", InvalidFormat, "来源代码", 1),
        ("99016421300Y", InvalidComponent, "来源代码", 1),
        ("00126421300Y", InvalidComponent, "事项类型", 3),
        ("00016421300Z", InvalidFormat, "子项码", 10),
        ("00010000000Y", InvalidComponent, "主项顺序码", 5),
    ],
)
def test_invalid_basic_codes_name_segment_and_position(
    code: str, error: type[InvalidCode], segment: str, position: int | None
) -> None:
    """Each fault names its segment and 1-based position, and shows the value."""
    with pytest.raises(error) as caught:
        basic.validate(code)
    assert caught.value.segment == segment
    assert caught.value.position == position
    assert code in caught.value.message
    assert isinstance(caught.value, ValueError)


def test_handling_code_on_main_item_with_sub_items_is_rejected() -> None:
    """A 业务办理项 hangs on a 子项, never on a 主项 that has 子项."""
    with pytest.raises(InvalidComponent, match="有子项的主项"):
        handling.validate("00016421300Y01")


def test_sub_item_of_main_without_sub_items_is_rejected() -> None:
    """Only a ``…00Y`` 主项 can have 子项."""
    with pytest.raises(InvalidComponent):
        basic.sub_item("000164213000", 1)


def test_letter_variant_scheme_is_data() -> None:
    """A profile's letter-type segment table validates 10-character codes with the same verbs."""
    scheme = codes.load_scheme("basic-code-letter")
    parsed = basic.parse("XK6421300Y", scheme=scheme)
    assert parsed.power_type == "01"
    assert parsed.has_sub_items
    assert not basic.is_valid("ZZ6421300Y", scheme=scheme)
    assert basic.explain("XK64213001", scheme=scheme)[0].meaning == "行政许可"


@given(basic_code_parts())
def test_build_format_parse_round_trip(parts: tuple[str, str, int, int, bool]) -> None:
    """build → format → parse gives back every segment."""
    source, power_type, main_seq, sub, has_sub_items = parts
    code = basic.build(source, power_type, main_seq, sub, has_sub_items=has_sub_items)
    parsed = basic.parse(basic.format(code))
    assert parsed.code == code
    assert parsed.segments["source"] == source
    assert parsed.power_type == power_type
    assert int(parsed.main_seq) == main_seq
    assert parsed.has_sub_items == has_sub_items
    assert parsed.is_sub_item == (sub > 0)


@given(basic_code_parts())
def test_sub_items_and_handling_items_round_trip(parts: tuple[str, str, int, int, bool]) -> None:
    """A 主项's 子项 names it as 主项; a 子项's 业务办理项 names the 子项."""
    source, power_type, main_seq, _sub, _has = parts
    main = basic.build(source, power_type, main_seq, has_sub_items=True)
    child = basic.sub_item(main, 7)
    assert basic.main_item(child) == main
    assert handling.parse(handling.build(child, 12)).basic_code == child


def test_build_accepts_letter_alias_and_title() -> None:
    """事项类型 may be given as code, letter alias or Chinese title."""
    assert basic.build("15", "XK", 1) == basic.build("15", "行政许可", 1) == "150100001000"


@given(st.text(alphabet="0123456789Y", min_size=12, max_size=12) | st.text(max_size=16))
def test_pattern_and_module_agree_on_basic_codes(text: str) -> None:
    """The 基本编码 pattern (schemas, fast path) accepts exactly what the module does."""
    assume(codes.compact(text) == text)
    assert bool(re.fullmatch(codes.pattern("basic") or "", text)) == basic.is_valid(text)


@given(st.text(alphabet="0123456789Y", min_size=14, max_size=14) | st.text(max_size=16))
def test_pattern_and_module_agree_on_handling_codes(text: str) -> None:
    """The 业务办理项编码 pattern accepts exactly the compact codes the module does."""
    assume(codes.compact(text) == text)
    assert bool(re.fullmatch(codes.pattern("handling") or "", text)) == handling.is_valid(text)
