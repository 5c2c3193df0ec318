"""The desk's whole suite (tests/desk) again, against a real PostgreSQL server this test starts
from Debian's ``postgresql`` (initdb and pg_ctl into a temporary folder, on a free port; as the
unprivileged ``nobody`` when the tests run as root, since PostgreSQL refuses root)."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.conftest import ROOT


def _binaries() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    assert found, "PostgreSQL is needed: apt-get install postgresql (make test does)"
    return found[-1].parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _as_server_user(command: list[str]) -> list[str]:
    """Run ``command`` as ``nobody`` when we are root (PostgreSQL will not run as root)."""
    return ["runuser", "-u", "nobody", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="module")
def postgresql() -> Iterator[str]:
    """A fresh PostgreSQL cluster; its database URL."""
    binaries, port = _binaries(), _free_port()
    folder = Path(tempfile.mkdtemp(prefix="banzhang-pg-"))
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
    cluster = folder / "cluster"
    subprocess.run(
        _as_server_user(
            [
                str(binaries / "initdb"),
                "-D",
                str(cluster),
                "-U",
                "desk",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    pg_ctl = [str(binaries / "pg_ctl"), "-D", str(cluster), "-l", str(folder / "log")]
    subprocess.run(
        _as_server_user([*pg_ctl, "-o", options, "-w", "start"]), check=True, capture_output=True
    )
    try:
        with psycopg.connect(f"postgresql://desk@127.0.0.1:{port}/postgres", autocommit=True) as db:
            db.execute("CREATE DATABASE desk")
        yield f"postgresql://desk@127.0.0.1:{port}/desk"
    finally:
        subprocess.run(
            _as_server_user([*pg_ctl, "-m", "immediate", "stop"]), check=False, capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


def test_the_desk_suite_passes_on_postgresql(postgresql: str, tmp_path: Path) -> None:
    """The same tests as on SQLite — hand-in, rights, the browser walk — on PostgreSQL."""
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/desk",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--basetemp={tmp_path / 'inner'}",
            f"--desk-database={postgresql}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout
    assert " failed" not in run.stdout
