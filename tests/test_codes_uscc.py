"""统一社会信用代码: GB 32100-2015."""

from __future__ import annotations

import pytest
from hypothesis import given

from banzhang.codes import uscc
from banzhang.errors import InvalidChecksum, InvalidFormat, InvalidLength
from tests.strategies import valid_usccs

# Published codes of well-known companies, and the example printed in GB 32100-2015 itself.
PUBLISHED = [
    "91350100M000100Y43",  # GB 32100-2015 worked example
    "914403001922038216",  # 华为技术有限公司
    "9144030071526726XG",  # 深圳市腾讯计算机系统有限公司
    "91330100799655058B",  # 阿里巴巴（中国）有限公司
]
# Letter-first codes built with the GB 32100 check (A 中央军委编办, N 农业, Y 其他).
LETTER_FIRST = ["A1100000MA0001234E", "N2150102MF8123456M", "Y1150000MJ0001234Y"]


@pytest.mark.parametrize("number", PUBLISHED + LETTER_FIRST)
def test_valid_codes(number: str) -> None:
    """Published and letter-first codes validate."""
    assert uscc.validate(number) == number
    assert str(uscc.parse(number)) == number


def test_letter_first_is_explained() -> None:
    """A letter-first code is explained, not rejected."""
    assert uscc.explain("N2150102MF8123456M")[0].meaning == "农业"


@pytest.mark.parametrize(
    ("number", "error"),
    [
        ("91350100M000100Y4", InvalidLength),
        ("91350100M000100Y44", InvalidChecksum),
        ("91350100M0001O0Y43", InvalidFormat),  # letter O is not in the alphabet
    ],
)
def test_invalid_codes(number: str, error: type[Exception]) -> None:
    """Length, alphabet and check character are each reported with their own error."""
    with pytest.raises(error):
        uscc.validate(number)


@given(valid_usccs())
def test_every_single_character_change_is_caught(number: str) -> None:
    """Changing the check character always fails the checksum."""
    wrong = uscc.ALPHABET[(uscc.ALPHABET.index(number[-1]) + 1) % 31]
    assert not uscc.is_valid(number[:-1] + wrong)
    assert uscc.is_valid(number)
