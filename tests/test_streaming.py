"""Streams: ten times the items does not take ten times the memory, writing or reading."""

from __future__ import annotations

import random
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from banzhang import excel, synthetic, xml


def _peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _write(module: ModuleType, items: int, target: Path) -> None:
    envelope = synthetic.power_list(0, seed=1)
    department = envelope["department"]
    generated = (
        synthetic.power_item(index, random.Random(index), department)  # noqa: S311 - test data
        for index in range(items)
    )
    module.iter_dump("power-list", envelope, generated, target)


def _read(module: ModuleType, source: Path) -> int:
    return sum(1 for _ in module.iter_load_data(source).items)


@pytest.mark.parametrize(
    ("module", "suffix", "small"), [(excel, ".xlsx", 150), (xml, ".xml", 500)], ids=["excel", "xml"]
)
def test_memory_stays_flat(module: ModuleType, suffix: str, small: int, tmp_path: Path) -> None:
    """Peak memory for 10× the items stays under 3× that for 1×, writing and reading."""
    little, large = tmp_path / f"small{suffix}", tmp_path / f"large{suffix}"
    write_small = _peak(lambda: _write(module, small, little))
    write_large = _peak(lambda: _write(module, small * 10, large))
    read_small = _peak(lambda: _read(module, little))
    read_large = _peak(lambda: _read(module, large))
    assert _read(module, large) == small * 10
    assert write_large < 3 * write_small, (write_small, write_large)
    assert read_large < 3 * read_small, (read_small, read_large)
