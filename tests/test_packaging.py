"""The package a user installs: sdist → wheel → a fresh environment that has only the wheel."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Build the sdist, then the wheel from the sdist (what pip does with an sdist)."""
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)]
    subprocess.run(command, check=True, capture_output=True)
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


def test_sdist_carries_the_schemas_and_the_license(built: tuple[Path, Path]) -> None:
    """The sdist holds the package's schema files (not only a link to them) and LICENSE."""
    sdist, _wheel = built
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert "src/banzhang/schemas/power-list.schema.json" in names
    assert "src/banzhang/schemas/power-list.xsd" in names
    assert "src/banzhang/schemas/banzhang.xsd" in names  # which every kind's XSD includes
    assert "LICENSE" in names


def test_wheel_from_the_sdist_runs_in_a_fresh_environment(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """Installed alone, the wheel answers `schema` and `validate`, and runs as python -m."""
    _sdist, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "banzhang/schemas/power-list.schema.json" in names
    assert any(name.endswith("entry_points.txt") for name in names)
    environment = tmp_path / "env"
    venv.create(environment, with_pip=False)
    target = tmp_path / "site"
    install = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    subprocess.run([*install, "--target", str(target), str(wheel)], check=True)
    python = environment / "bin" / "python"
    # The fresh environment sees the wheel's files first, then the dependencies installed for
    # the tests (never this checkout's source).
    dependencies = sysconfig.get_paths()["purelib"]
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "deps.pth").write_text(f"{target}\n{dependencies}\n", "utf-8")
    where = _run(python, "-c", "import banzhang; print(banzhang.__file__)")
    assert where.stdout.startswith(str(target))
    schema = _run(python, "-m", "banzhang", "schema", "power-list")
    assert '"$id"' in schema.stdout
    example = tmp_path / "power-list.json"
    _run(python, "-m", "banzhang", "convert", str(_example(python)), str(example))
    checked = _run(python, "-m", "banzhang", "validate", str(example))
    assert checked.returncode == 0


def _example(python: Path) -> str:
    code = "from banzhang import examples; print(examples.path('power-list'))"
    return _run(python, "-c", code).stdout.strip()


def _run(python: Path, *args: str) -> subprocess.CompletedProcess[str]:
    found = subprocess.run(
        [str(python), *args], capture_output=True, text=True, check=False, cwd=python.parent
    )
    assert found.returncode == 0, found.stderr
    return found
