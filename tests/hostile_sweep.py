"""Run every CLI verb over the hostile corpus in this process, bounded; print the results as JSON.

``python tests/hostile_sweep.py FOLDER`` (what test_hostile runs in a child process, so that the
memory limit and the alarm bound only the sweep): each (verb, file) gives its exit code, the
seconds it took and, should the verb raise instead of returning, the exception's name. Each
file's verbs run in a forked child of their own: a file that kills the process (an abort in a
native reader) is reported as "process died" for that file, and the sweep goes on.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from banzhang.cli import main

#: Per call: a verb that takes longer than this over a small hostile file is hanging.
SECONDS = 20
#: The whole sweep's address space: a verb that inflates a small file past this is a bomb.
MEMORY = 3 * 1024**3


def verbs(path: Path, out: Path) -> list[list[str]]:
    """Every verb and option that reads ``path`` (outputs go to ``out``)."""
    name = path.name
    return [
        ["validate", str(path)],
        ["validate", str(path), "--format", "json"],
        ["validate", str(path), "--excel", str(out / f"{name}.report.xlsx")],
        *(
            ["convert", str(path), str(out / f"{name}{suffix}")]
            for suffix in (".json", ".jsonl", ".xlsx", ".xml")
        ),
        ["levels", str(path), "--format", "json"],
        ["compare", str(path)],
        ["stats", str(path), "--excel", str(out / f"{name}.stats.xlsx")],
        ["diff", str(path), str(path)],
        ["guide", "render", str(path), "--out", str(out / f"{name}.html")],
    ]


class _Hang(Exception):
    pass


def _alarm(_signal: int, _frame: Any) -> None:
    raise _Hang


def run(argv: list[str]) -> dict[str, Any]:
    """Run one command line; what it returned (or raised), and how long it took."""
    started = time.monotonic()
    captured = io.StringIO()
    signal.alarm(SECONDS)
    try:
        with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
            code: Any = main(argv)
        raised = None
    except _Hang:
        code, raised = None, f"hang: more than {SECONDS} s"
    except BaseException as err:
        code, raised = None, "".join(traceback.format_exception_only(err)).strip()
    finally:
        signal.alarm(0)
    return {
        "argv": argv,
        "exit": code,
        "raised": raised,
        "traceback": "Traceback" in captured.getvalue(),
        "seconds": round(time.monotonic() - started, 2),
    }


def _watching_native_stderr(
    verbs_run: Callable[[], list[dict[str, Any]]],
) -> list[dict[str, Any]]:
    """Run the verbs with the process's own standard error (file descriptor 2) caught: what a
    native library prints there (a Rust panic's message) is no Chinese message either."""
    with tempfile.TemporaryFile() as caught:
        saved = os.dup(2)
        os.dup2(caught.fileno(), 2)
        try:
            results = verbs_run()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        caught.seek(0)
        native = caught.read().decode("utf-8", "replace")
    for result in results:
        result["native"] = native[:300] if "panicked" in native else ""
    return results


def run_file(path: Path, out: Path) -> list[dict[str, Any]]:
    """Every verb over one file, in a forked child: a file that kills the process (SIGABRT from
    a native reader, say) is reported as that file's result instead of ending the sweep."""
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the child: run the verbs, hand the results over, leave at once
        os.close(reading)
        ran = _watching_native_stderr(lambda: [run(argv) for argv in verbs(path, out)])
        with os.fdopen(writing, "w") as pipe:
            json.dump(ran, pipe, ensure_ascii=False)
        os._exit(0)
    os.close(writing)
    with os.fdopen(reading) as pipe:
        handed = pipe.read()
    _, status = os.waitpid(child, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and handed:
        results: list[dict[str, Any]] = json.loads(handed)
        return results
    how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {status >> 8}"
    return [
        {"argv": argv, "exit": None, "raised": f"process died: {how}", "traceback": False,
         "seconds": None, "native": ""}
        for argv in verbs(path, out)
    ]  # fmt: skip


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    out = folder / "out"
    out.mkdir(exist_ok=True)
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    signal.signal(signal.SIGALRM, _alarm)
    files = sorted(path for path in folder.iterdir() if path.is_file())
    results = [result for path in files for result in run_file(path, out)]
    print(json.dumps(results, ensure_ascii=False))
