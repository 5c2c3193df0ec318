"""``banzhang desk``: one command starts the desk; without the extra it says how to install it;
the library itself never loads Django."""

from __future__ import annotations

import ast
import importlib.util
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from banzhang.cli import main
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "banzhang"


def test_without_the_extra_the_desk_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert main(["desk"]) == 2
    err = capsys.readouterr().err
    assert "pip install 'banzhang[desk]'" in err
    assert "清单审核台需要另行安装" in err
    assert "Traceback" not in err


def test_only_the_desk_imports_django_or_its_queue() -> None:
    outside = [
        path.relative_to(PACKAGE)
        for path in PACKAGE.rglob("*.py")
        if "desk" not in path.relative_to(PACKAGE).parts[:1]
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any(
            name.split(".")[0] in ("django", "huey", "psycopg")
            for name in (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
            )
        )
    ]
    assert outside == []
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import sys, banzhang, banzhang.cli, banzhang.formats; "
                "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'huey')))"
            ),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "[]"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_one_command_starts_the_desk_and_ctrl_c_stops_it(tmp_path: Path) -> None:
    port, data = _free_port(), tmp_path / "审核台数据"
    desk = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "banzhang",
            "desk",
            "--data",
            str(data),
            "--port",
            str(port),
            "--admin",
            "管理员",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert desk.stdin is not None
    desk.stdin.write("Desk-secret-2026\n")
    desk.stdin.flush()
    page = ""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not page:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/") as response:
                page = response.read().decode("utf-8")
        except OSError:
            time.sleep(0.2)
    desk.send_signal(signal.SIGINT)
    out, err = desk.communicate(timeout=30)
    assert "<h1>登录</h1>" in page
    assert desk.returncode == 0, err
    assert "已创建管理员 管理员" in out
    assert f"清单审核台：http://127.0.0.1:{port}/" in out
    assert {"desk.sqlite3", "queue.sqlite3", "files", "secret-key"} <= {
        p.name for p in data.iterdir()
    }


def test_a_weak_administrator_password_is_refused_in_chinese(tmp_path: Path) -> None:
    desk = subprocess.run(
        [
            sys.executable,
            "-m",
            "banzhang",
            "desk",
            "--data",
            str(tmp_path / "数据"),
            "--port",
            str(_free_port()),
            "--admin",
            "管理员",
        ],
        input="12345678\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert desk.returncode == 2
    assert "未创建管理员" in desk.stderr
    assert "未创建管理员：这个密码太常见了；密码只包含数字" in desk.stderr
    assert "Traceback" not in desk.stderr
