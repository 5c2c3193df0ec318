"""The desk under test: Django configured once for the session from a fixture (a data folder in
a temporary directory, SQLite unless ``--desk-database`` names another store), migrated, with
the worker running; accounts and departments made per test, under names of their own."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from banzhang.desk import server

_NAMES = itertools.count(1)


class Desk:
    """The running desk: its data folder, and its worker (which a test may stop and restart)."""

    def __init__(self, data: Path) -> None:
        from banzhang.desk import queue

        self.data = data
        self.worker = queue.Worker(queue.current())
        self.worker.start()

    def restart_worker(self) -> None:
        """Open the queue afresh from its file and start a new worker, as a new process would."""
        from banzhang.desk import queue

        self.worker = queue.Worker(queue.open_queue(self.data))
        self.worker.start()


@pytest.fixture(scope="session")
def desk(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Desk]:
    data = tmp_path_factory.mktemp("desk-data")
    server.start(data, request.config.getoption("--desk-database"))
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()  # the test client's host, the templates' rendering recorded
    running = Desk(data)
    yield running
    running.worker.stop()
    teardown_test_environment()


def unique(prefix: str) -> str:
    """A name no other test uses (the store is shared by the session)."""
    return f"{prefix}{next(_NAMES)}"


def department(name: str = "市场监督管理局", region: str = "150200", level: str = "3") -> Any:
    from banzhang.desk.models import Department

    return Department.objects.create(name=unique(name), region=region, level=level)


def account(
    role: str,
    *,
    department: Any = None,
    region: str = "",
    password: str = "pw-Desk-2026",  # noqa: S107 - a test account
) -> Any:
    from django.contrib.auth.models import User

    from banzhang.desk.models import Profile

    user = User.objects.create_user(username=unique(role), password=password)
    Profile.objects.create(user=user, role=role, department=department, region=region)
    return user


def client_of(user: Any) -> Any:
    """Django's test client, signed in as ``user``."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def checked(submission_id: int, timeout: float = 60) -> Any:
    """The submission once its check is done and its items stored."""
    from banzhang.desk.models import Check

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        check = Check.objects.get(submission_id=submission_id)
        if check.finished_checking and (check.items_stored or check.state == Check.UNREADABLE):
            return check.submission
        time.sleep(0.05)
    raise AssertionError(f"报送 {submission_id} 未在 {timeout} 秒内校验完")
