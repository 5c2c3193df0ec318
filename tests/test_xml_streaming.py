"""XML streams: ten times the items does not take ten times the memory, either way."""

from __future__ import annotations

import random
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from banzhang import synthetic, xml


def _peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _write(items: int, target: Path) -> None:
    envelope = synthetic.power_list(0, seed=1)
    department = envelope["department"]
    generated = (
        synthetic.power_item(index, random.Random(index), department)  # noqa: S311 - test data
        for index in range(items)
    )
    xml.iter_dump("power-list", envelope, generated, target)


def _read(source: Path) -> int:
    return sum(1 for _ in xml.iter_load_data(source).items)


def test_write_and_read_memory_stays_flat(tmp_path: Path) -> None:
    """Peak memory for 5,000 items is well under 10× that for 500, writing and reading."""
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    write_small = _peak(lambda: _write(500, small))
    write_large = _peak(lambda: _write(5000, large))
    read_small = _peak(lambda: _read(small))
    read_large = _peak(lambda: _read(large))
    assert _read(large) == 5000
    assert write_large < 3 * write_small, (write_small, write_large)
    assert read_large < 3 * read_small, (read_small, read_large)
