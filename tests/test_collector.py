"""Whole reads pause the cyclic garbage collector when the program allows it (the command line
does, a library call alone never), and leave it as they found it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from banzhang import _collector, convert, formats, synthetic
from banzhang._collector import collector_paused
from banzhang.formats import excel, tables
from banzhang.formats.tables import _verbs


@pytest.fixture
def collector_state() -> Iterator[None]:
    """Each test starts with the collector running and pausing allowed, and leaves both as
    they were."""
    was, allowed = gc.isenabled(), _collector.allowed()
    gc.enable()
    _collector.allow(True)
    yield
    _collector.allow(allowed)
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector_state")
def test_a_library_read_leaves_the_collector_alone_unless_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the program's opt-in a whole read never turns the process's collector off."""
    path = tmp_path / "list.xlsx"
    excel.dump(convert.from_data(synthetic.power_list(50, seed=2)), path)
    seen: list[bool] = []
    original = tables.read_book

    def spying(book: object, **options: object) -> object:
        seen.append(gc.isenabled())
        return original(book, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(_verbs, "read_book", spying)
    _collector.allow(False)
    excel.load_data(path)
    formats.pause_collector_during_reads()
    excel.load_data(path)
    assert seen == [True, False]
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_state")
def test_a_whole_read_runs_no_collection_and_restores_the_collector(tmp_path: Path) -> None:
    """Reading a 500-item workbook makes many thousands of containers: at most the one
    collection put off runs (as the read ends), where the same work unpaused runs dozens."""
    path = tmp_path / "list.xlsx"
    excel.dump(convert.from_data(synthetic.power_list(500, seed=2)), path)
    started: list[int] = []

    def noted(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    def collections(work: Callable[[], object]) -> int:
        started.clear()
        work()
        return len(started)

    gc.callbacks.append(noted)  # the collector calls the list it was given: not patched
    try:
        assert collections(lambda: excel.load_data(path)) <= 1
        assert collections(lambda: excel.load(path)) <= 1
        assert gc.isenabled()
        data = excel.load_data(path)
        assert collections(lambda: convert.to_data(convert.from_data(data))) > 10
    finally:
        gc.callbacks.remove(noted)


@pytest.mark.usefixtures("collector_state")
def test_a_collector_the_caller_disabled_stays_disabled(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    excel.dump(convert.from_data(synthetic.power_list(5, seed=2)), path)
    gc.disable()
    excel.load_data(path)
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector_state")
def test_a_failed_read_restores_the_collector(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(Exception, match="不是"):
        excel.load_data(path)
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_state")
def test_overlapping_pauses_restore_the_collector_when_the_last_ends() -> None:
    """Reads on other threads overlap in any order: the collector stays paused until the last
    of them ends, then runs again."""
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait(10)
        first_out.set()

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(10)
    with collector_paused():
        second_in.set()
        first_out.wait(10)
        assert not gc.isenabled()  # the first ended; this one still reads
    thread.join(10)
    assert gc.isenabled()
