"""实施编码: USCC + 实施主体性质 + 基本编码 + 业务办理项序号."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banzhang.codes import basic, implementation, region
from banzhang.errors import InvalidChecksum, InvalidComponent
from tests.strategies import basic_code_parts, valid_usccs

BAOTOU_AGENCY = "11150200011520476N"  # a 盟市 (包头市) agency; check character per GB 32100


def test_league_city_agency_round_trip() -> None:
    """An 实施编码 of a 盟市 agency round-trips and its region is that 盟市."""
    code = implementation.build(BAOTOU_AGENCY, "法定机关", "000164213003", 1)
    parsed = implementation.parse(code)
    assert implementation.format(code) == code
    assert parsed.region.code == "150200"
    assert parsed.region.level == "league_city"
    assert parsed.handling_code == "00016421300301"
    assert implementation.format(code, " ") == "11150200011520476N 1 000164213003 01"
    assert implementation.parse(implementation.format(code, " ")) == parsed


def test_no_handling_item() -> None:
    """``00`` means the implementation has no 业务办理项."""
    code = implementation.build(BAOTOU_AGENCY, "1", "000164213003")
    assert code.endswith("00")
    assert implementation.parse(code).handling_code is None


def test_region_outside_inner_mongolia_is_rejected() -> None:
    """The USCC's region must be in the table (or 100000 for central bodies)."""
    with pytest.raises(InvalidComponent, match="行政区划"):
        implementation.build("914403001922038216", "1", "000164213003")


def test_central_body_is_national() -> None:
    """A central body's USCC carries 100000."""
    code = implementation.build("11100000000013338W", "1", "00016421300Y")
    assert implementation.parse(code).region.code == region.NATIONAL


def test_bad_agency_checksum() -> None:
    """A wrong USCC check character is an InvalidChecksum."""
    with pytest.raises(InvalidChecksum):
        implementation.validate("11150200011520476X" + "1" + "000164213003" + "01")


@given(
    valid_usccs(inner_mongolia=True),
    st.sampled_from(["1", "2", "3", "9"]),
    basic_code_parts(),
    st.integers(0, 99),
)
def test_build_format_parse_round_trip(
    agency: str, nature: str, parts: tuple[str, str, int, int, bool], seq: int
) -> None:
    """build → format → parse gives back every segment."""
    source, power_type, main_seq, sub, has_sub = parts
    if has_sub and seq:
        sub, has_sub = 1, False  # a 业务办理项 hangs on a 子项, not on a ``…00Y`` 主项
    basic_code = basic.build(source, power_type, main_seq, sub, has_sub_items=has_sub)
    code = implementation.build(agency, nature, basic_code, seq)
    parsed = implementation.parse(implementation.format(code))
    assert (parsed.agency_uscc, parsed.agency_nature, parsed.basic_code) == (
        agency,
        nature,
        basic_code,
    )
    assert int(parsed.handling_seq) == seq
    assert parsed.region.code == agency[2:8]
