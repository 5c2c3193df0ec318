"""Shared test helpers: where fixtures live, located from this file, never the working directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parents[1]


def fixture_files(validity: str) -> list[Path]:
    """Every fixture document of ``validity`` (``valid`` or ``invalid``), sorted."""
    return sorted(
        path for path in FIXTURES.glob(f"*/{validity}/*.json") if path.name != "expected.json"
    )


def expected_findings(path: Path) -> list[tuple[str, str]]:
    """The (rule, path) pairs an invalid fixture must produce, from its folder's expected.json."""
    table: dict[str, Any] = json.loads((path.parent / "expected.json").read_text("utf-8"))
    return [(rule, where) for rule, where in table[path.name]]


def read_json(path: Path) -> Any:
    """Read a UTF-8 JSON file."""
    return json.loads(path.read_text("utf-8"))


def pytest_addoption(parser: Any) -> None:
    """``--desk-database URL``: run the desk's suite (tests/desk) against that database (the
    PostgreSQL run of tests/test_desk_postgresql.py passes the server it started)."""
    parser.addoption(
        "--desk-database", default=None, help="the review desk's database URL (default SQLite)"
    )
