"""Pause Python's cyclic garbage collector while a whole document is built at once.

CPython runs a collection each time 700 more container objects (dicts, lists, tuples) have
been made than freed. Reading a list of thousands of items makes hundreds of thousands of them,
none garbage, and every collection past the youngest generation walks all that is still alive:
about a seventh of the time of reading a 5,000-item workbook (Mercurial's ``util.nogc`` pauses
it for the same reason). Reference counting frees everything as usual meanwhile; only objects
in reference cycles wait for the next collection.

The whole reads of workbooks pause it (``excel.load_data`` and ``excel.load``, and so .csv,
.xls and .ods, read through them). A streaming read hands each item to the caller's code, which
runs with the collector as the caller left it; JSON and XML reads gain a few per cent from it
only (measured), and leave it running.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collector_paused"]

_lock = threading.Lock()
#: How many reads have the collector paused now, and whether it ran before the first of them.
_paused = 0
_was_enabled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector paused; the last of overlapping blocks (other
    threads' reads) restores it as the first found it: one the caller disabled stays so."""
    global _paused, _was_enabled  # noqa: PLW0603 - one state for the process, as gc's own
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
