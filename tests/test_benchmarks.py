"""The benchmark script runs (the suite never times anything)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_quick_benchmark_runs_and_writes_targets(tmp_path: Path) -> None:
    """``benchmarks/run.py --quick --out FILE`` writes {target: {ratio, target, ok}}."""
    out = tmp_path / "results.json"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out)],
        check=True,
        capture_output=True,
    )
    results = json.loads(out.read_text("utf-8"))
    assert results
    for result in results.values():
        assert {"ratio", "target", "ok"} <= set(result)
        assert isinstance(result["ok"], bool)
