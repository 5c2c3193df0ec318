"""Streams: ten times the items does not take ten times the memory, writing or reading."""

from __future__ import annotations

import random
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from banzhang import convert, synthetic
from banzhang.errors import UnreadableInput
from banzhang.formats import ListFile, excel, for_path, xml


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
    if module is excel:  # the streaming path: small plain workbooks are read whole, and fast
        return sum(1 for _ in excel.iter_load_data(source, limits=STREAMING).items)
    return sum(1 for _ in module.iter_load_data(source).items)


STREAMING = excel.Limits(whole_sheets_bytes=0)


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


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".xlsx", ".xml"])
def test_list_file_reads_items_afresh_each_time(suffix: str, tmp_path: Path) -> None:
    """A ListFile gives its envelope at once and the same items every time they are asked for."""
    document = synthetic.power_list(7, seed=2)
    path = tmp_path / f"list{suffix}"
    for_path(path).iter_dump("power-list", convert.from_data(document), document["items"], path)
    found = ListFile(path)
    assert found.kind == "power-list"
    assert found.envelope["region"] == document["region"]
    assert "items" not in found.envelope
    first = [item["basic_code"] for item in found.items]
    assert first == [item["basic_code"] for item in found.items]
    assert first == [item["basic_code"] for item in document["items"]]
    assert repr(found) == f"ListFile({str(path)!r})"


def test_list_file_of_unknown_format_is_unreadable(tmp_path: Path) -> None:
    """Opening a file no format reads is an UnreadableInput, as for every reader."""
    (tmp_path / "list.csv").write_text("a,b\n", "utf-8")
    with pytest.raises(UnreadableInput):
        ListFile(tmp_path / "list.csv")


def test_a_plain_workbook_read_whole_is_read_as_when_streamed(tmp_path: Path) -> None:
    """The fast path (calamine, whole sheets) and the streaming path give the same items and
    the same findings, cells included."""
    from banzhang import examples  # noqa: PLC0415 - this test only
    from tests.messy_workbooks import department_power_list  # noqa: PLC0415

    paths = []
    for kind in examples.names():
        path = tmp_path / f"{kind}.xlsx"
        excel.dump(examples.load(kind), path)
        paths.append(path)
    department = tmp_path / "department.xlsx"
    department_power_list(department)  # its formula sends it down the streaming path anyway
    for path in [*paths, department]:
        assert excel.load_data(path) == excel.load_data(path, limits=STREAMING), path.name
        fast = list(excel.iter_findings(path))
        assert fast == list(excel.iter_findings(path, limits=STREAMING)), path.name
