"""行政区划代码: the packaged Inner Mongolia table."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from banzhang.codes import region
from banzhang.errors import InvalidComponent, InvalidFormat, InvalidLength

SHARED_TABLE = Path(__file__).parents[2] / "shared" / "spec" / "regions-150000.tsv"
TABLE_ROWS = (
    list(
        csv.DictReader(
            (
                line
                for line in SHARED_TABLE.read_text("utf-8").splitlines()
                if not line.startswith("#")
            ),
            delimiter="\t",
        )
    )
    if SHARED_TABLE.exists()
    else []
)


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


def test_packaged_table_matches_the_spec_copy() -> None:
    """The package data carries the same rows as shared/spec (when a checkout has it beside)."""
    if not TABLE_ROWS:
        pytest.fail(f"the spec table {SHARED_TABLE} is missing")
    packaged = {r.code: r.name for r in region.all_regions() if r.code != region.NATIONAL}
    assert packaged == {row["code"]: row["name"] for row in TABLE_ROWS}


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
