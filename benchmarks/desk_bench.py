"""The review desk's benchmarks, each run in a child process of ``benchmarks/run.py`` (Django
and the desk's worker stay out of the other measurements' process).

Usage: python benchmarks/desk_bench.py findings ITEMS ROUNDS WORKDIR
       python benchmarks/desk_bench.py upload WORKBOOK ITEMS WORKDIR

``findings``: a workbook of ITEMS items handed in through the upload form until its findings
page is ready (checked in the background, page rendered), against ``banzhang validate`` on the
same file, in alternating rounds; prints the median ratio and the best times as JSON.
``upload``: WORKBOOK (of ITEMS items, written by the parent) handed in, checked and its items
stored in the background; prints the process's peak memory in MiB as JSON.
"""

from __future__ import annotations

import contextlib
import io
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from banzhang import convert, synthetic
from banzhang.cli import main as cli
from banzhang.desk import server
from banzhang.formats import excel, pause_collector_during_reads


def _workbook(items: int, target: Path) -> Path:
    envelope = {**synthetic.power_list(0, seed=7), "items": []}
    items_ = synthetic.iter_power_items(items, seed=7)
    excel.iter_dump("power-list", convert.from_data(envelope), items_, target)
    return target


def _start(workdir: Path) -> tuple[Any, Any]:
    """The desk as ``banzhang desk`` runs it: migrated store, worker running; a department's
    clerk."""
    workdir.mkdir(parents=True, exist_ok=True)
    pause_collector_during_reads()  # as the command line runs
    server.start(workdir / "desk-data", None)
    from django.contrib.auth.models import User  # noqa: PLC0415 - after the desk's setup
    from django.test.utils import setup_test_environment  # noqa: PLC0415

    from banzhang.desk import queue  # noqa: PLC0415
    from banzhang.desk.models import Department, Profile  # noqa: PLC0415

    setup_test_environment()  # the test client's host name
    queue.Worker(queue.current()).start()
    department = Department.objects.create(name="市场监督管理局", region="150200", level="3")
    clerk = User.objects.create_user(username="clerk", password="bench-only")  # noqa: S106
    Profile.objects.create(user=clerk, role=Profile.DEPARTMENT, department=department)
    return department, clerk


def _done(pk: int, *, stored: bool) -> None:
    from banzhang.desk.models import Check  # noqa: PLC0415

    while True:
        check = Check.objects.get(submission_id=pk)
        if check.finished_checking and (check.items_stored or not stored):
            return
        time.sleep(0.01)


def _page_ready(client: Any, path: Path) -> int:
    """Hand ``path`` in through the form; return once its findings page is rendered."""
    with path.open("rb") as handle:
        response = client.post("/submissions/new/", {"files": handle})
    pk = int(response["Location"].strip("/").rsplit("/", 1)[1])
    _done(pk, stored=False)
    page = client.get(f"/submissions/{pk}/")
    if page.status_code != 200 or "按规则" not in page.content.decode():
        raise RuntimeError(f"findings page not ready: {page.status_code}")
    return pk


def _validate(path: Path) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        cli(["validate", str(path)])


def _timed(run: Any) -> float:
    """Seconds ``run`` takes; a hand-in's items are then left to be stored before anything else
    is timed (the storing follows the findings page, it is not part of it)."""
    start = time.perf_counter()
    found = run()
    seconds = time.perf_counter() - start
    if isinstance(found, int):
        _done(found, stored=True)
    return seconds


def findings(items: int, rounds: int, workdir: Path) -> dict[str, Any]:
    """Findings page ready ÷ ``banzhang validate``, median over alternating rounds."""
    from django.test import Client  # noqa: PLC0415

    _, clerk = _start(workdir)
    path = _workbook(items, workdir / "list.xlsx")
    client = Client()
    client.force_login(clerk)
    _done(_page_ready(client, path), stored=True)  # warm both before timing
    _validate(path)
    ratios, desks, clis = [], [], []
    for round_ in range(rounds):
        desk = _timed(lambda: _page_ready(client, path)) if round_ % 2 == 0 else None
        cli_time = _timed(lambda: _validate(path))
        if desk is None:  # the order swaps every round
            desk = _timed(lambda: _page_ready(client, path))
        ratios.append(desk / cli_time)
        desks.append(desk)
        clis.append(cli_time)
    return {
        "ratio": statistics.median(ratios),
        "desk": min(desks),
        "cli": min(clis),
        "spread": [min(ratios), max(ratios)],
    }


def upload(path: Path, items: int, workdir: Path) -> dict[str, Any]:
    """A large workbook handed in, checked and stored in the background; the peak memory."""
    department, clerk = _start(workdir)
    from banzhang.desk import intake  # noqa: PLC0415 - after the desk's setup

    start = time.perf_counter()
    with path.open("rb") as handle:
        submission = intake.receive(
            department, clerk, path.name, iter(lambda: handle.read(1 << 20), b"")
        )
    _done(submission.pk, stored=True)
    seconds = time.perf_counter() - start
    status = Path("/proc/self/status").read_text().splitlines()
    peak = int(next(line for line in status if line.startswith("VmHWM")).split()[1]) / 1024
    stored = submission.items.count()
    if stored != items:
        raise RuntimeError(f"{stored} items stored of {items}")
    return {"peak_mib": peak, "seconds": seconds, "items": stored}


def main(argv: list[str]) -> int:
    """Run one benchmark and print its result as JSON."""
    if argv[0] == "findings":
        result = findings(int(argv[1]), int(argv[2]), Path(argv[3]))
    else:
        result = upload(Path(argv[1]), int(argv[2]), Path(argv[3]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
