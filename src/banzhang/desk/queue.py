"""The background checks: a huey queue kept in the data folder's ``queue.sqlite3``.

huey needs no broker server: its SQLite storage is a file, so a job queued before the desk
stopped is still there when it starts again, and the worker threads run inside the desk's own
process. The jobs themselves are in :mod:`banzhang.desk.jobs`; they are idempotent, so a job
interrupted by a stop runs again whole.
"""

from __future__ import annotations

import threading
from pathlib import Path

from huey import SqliteHuey
from huey.consumer import Consumer

from banzhang.desk import jobs

__all__ = ["Queue", "Worker", "current", "open_queue"]


class Queue:
    """The desk's queue and the jobs registered on it."""

    def __init__(self, path: Path) -> None:
        self.huey = SqliteHuey(name="banzhang-desk", filename=str(path), results=False)
        self._receive = self.huey.task(name="receive")(jobs.receive)

    def receive(self, submission_id: int) -> None:
        """Queue the check of a submission and the storing of its items."""
        self._receive(submission_id)

    def pending(self) -> int:
        """How many jobs wait in the queue."""
        return int(self.huey.pending_count())


class _QuietConsumer(Consumer):  # type: ignore[misc]  # huey ships no types
    """A consumer inside the desk's process: the desk, not huey, answers Ctrl-C."""

    def _set_signal_handlers(self) -> None:
        return


class Worker:
    """The threads that run the queued jobs, started and stopped with the desk."""

    def __init__(self, queue: Queue, workers: int = 1) -> None:
        self._consumer = _QuietConsumer(
            queue.huey,
            workers=workers,
            periodic=False,
            check_worker_health=False,
            initial_delay=0.05,  # a clerk waits for the findings: poll the queue often
            max_delay=0.1,  # an idle desk asks its SQLite queue ten times a second: cheap
        )
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start taking jobs from the queue."""
        self._consumer.start()

    def stop(self) -> None:
        """Finish the job in hand, then stop (what is still queued stays queued)."""
        with self._lock:
            self._consumer.stop(graceful=True)


_current: dict[str, Queue] = {}


def open_queue(data: Path) -> Queue:
    """Open (or create) the queue of the data folder ``data`` and make it the current one."""
    queue = Queue(data / "queue.sqlite3")
    _current["queue"] = queue
    return queue


def current() -> Queue:
    """The queue the desk was started with."""
    return _current["queue"]
