"""Pause Python's cyclic garbage collector while a whole document is built at once.

CPython runs a collection each time 700 more container objects (dicts, lists, tuples) have
been made than freed. Reading a list of thousands of items makes hundreds of thousands of them,
none garbage, and every collection past the youngest generation walks all that is still alive:
about a seventh of the time of reading a 5,000-item workbook (Mercurial's ``util.nogc`` pauses
it for the same reason). Reference counting frees everything as usual meanwhile; only objects
in reference cycles wait for the next collection.

The collector is the whole process's: a library must not turn it off behind its caller's back
(a web server embedding banzhang would run with it off while any request reads). So pausing is
the caller's choice, made once with :func:`allow`, public as
``banzhang.formats.pause_collector_during_reads``: the command line and the benchmarks make it;
a program that embeds banzhang may. Then the whole
reads of workbooks (``excel.load_data`` and ``excel.load``, and so .csv, .xls and .ods) and of
JSON documents pause it; a streaming read hands each item to the caller's code, which runs with
the collector as the caller left it.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["allow", "allowed", "collector_paused"]

_lock = threading.Lock()
#: How many reads have the collector paused now, and whether it ran before the first of them.
_paused = 0
_was_enabled = False
#: Whether the process's owner lets whole reads pause the collector (see the module's text).
_allowed = False


def allow(allowed: bool = True) -> None:
    """Let whole reads pause the cyclic collector (process-wide), or stop them doing so."""
    global _allowed  # noqa: PLW0603 - one choice for the process, as the collector is
    _allowed = allowed


def allowed() -> bool:
    """Whether whole reads pause the cyclic collector."""
    return _allowed


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector paused; the last of overlapping blocks (other
    threads' reads) restores it as the first found it: one the caller disabled stays so."""
    global _paused, _was_enabled  # noqa: PLW0603 - one state for the process, as gc's own
    if not _allowed:
        yield
        return
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()
