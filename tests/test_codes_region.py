"""行政区划代码: the packaged Inner Mongolia table."""

from __future__ import annotations

import pytest

from banzhang.codes import region
from banzhang.errors import InvalidComponent, InvalidFormat, InvalidLength


def test_table_has_region_leagues_and_banners() -> None:
    """1 自治区, 12 盟市 and 103 旗县 (plus zones) are present."""
    levels = [r.level for r in region.all_regions()]
    assert levels.count("region") == 1
    assert levels.count("league_city") == 12
    assert levels.count("banner_county") >= 103


@pytest.mark.parametrize("entry", region.all_regions(), ids=lambda r: r.code)
def test_every_region_validates_and_has_a_parent_chain(entry: region.Region) -> None:
    """Every division validates, parses to itself, and its parents exist."""
    assert region.parse(entry.code) == entry
    if entry.parent:
        assert region.lookup(entry.parent) is not None
    assert entry.full_name.endswith(entry.name)


def test_packaged_table_rows_are_whole() -> None:
    """Each row of the packaged table has a six-digit code, a name and a known parent.

    The table is the project's own copy (a user's clone has nothing beside it); these are the
    properties any correct copy has.
    """
    rows = [r for r in region.all_regions() if r.code != region.NATIONAL]
    assert len(rows) == len({r.code for r in rows}) == 121
    assert all(len(r.code) == 6 and r.code.isdigit() and r.name for r in rows)
    assert {r.code[:4] for r in rows if r.level == "banner_county"} <= {
        r.code[:4] for r in rows if r.level == "league_city"
    }


def test_provenance_is_shipped() -> None:
    """The table says where it comes from."""
    assert "GB/T 2260" in region.provenance()


@pytest.mark.parametrize(
    ("code", "error"),
    [("15020", InvalidLength), ("15020A", InvalidFormat), ("159999", InvalidComponent)],
)
def test_invalid_regions(code: str, error: type[Exception]) -> None:
    """Bad length, non-digits and unknown divisions are distinct errors."""
    with pytest.raises(error):
        region.validate(code)
