"""Measure banzhang against the raw libraries on the same data, in one run, as ratios.

Usage: python benchmarks/run.py [--quick] [--out FILE]

Each target prints one row and lands in the JSON as ``{"ratio": …, "target": …, "ok": …}``. A
``speedup`` target wants ``ratio`` ≥ ``target`` (raw time ÷ banzhang time); an ``overhead``
target wants ``ratio`` ≤ ``target`` (banzhang time ÷ raw time). Never run by the test suite as a
timed assertion; the suite only checks that ``--quick`` runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema

from banzhang import schema, synthetic
from banzhang.validation import iter_findings


def best_of(repeat: int, function: Callable[[], object]) -> float:
    """Return the fastest of ``repeat`` timings of ``function``, in seconds."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return min(timings)


def validation_speedup(items: int, repeat: int) -> dict[str, Any]:
    """banzhang's structure + codes + rules pass vs a plain jsonschema Draft 2020-12 pass."""
    document = synthetic.power_list(items, seed=7)
    validator = jsonschema.Draft202012Validator(
        schema.load("power-list"), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert not list(validator.iter_errors(document)), "the synthetic list must be schema-valid"
    raw = best_of(repeat, lambda: list(validator.iter_errors(document)))
    ours = best_of(repeat, lambda: list(iter_findings(document)))
    return {
        "ratio": round(raw / ours, 2),
        "target": 5.0,
        "kind": "speedup",
        "ok": raw / ours >= 5.0,
        "detail": f"{items} items: jsonschema {raw:.3f}s, banzhang {ours:.3f}s",
    }


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark, print a table, and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small data, one repeat: a smoke run")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    args = parser.parse_args(argv)
    items, repeat = (200, 1) if args.quick else (5000, 3)
    results = {"validation": validation_speedup(items, repeat)}
    print(f"{'target':<14} {'ratio':>7} {'target':>7}  ok   detail")
    for name, result in results.items():
        mark = "yes" if result["ok"] else "NO"
        print(
            f"{name:<14} {result['ratio']:>7} {result['target']:>7}  {mark:<4} {result['detail']}"
        )
    print(
        f"machine: Python {sys.version.split()[0]} on {platform.platform()}, {os.cpu_count()} cores"
    )
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
