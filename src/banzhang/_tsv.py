"""Read the package's tab-separated data files: ``# key: value`` header lines, then a table."""

from __future__ import annotations

from importlib import resources

__all__ = ["read_table"]


def read_table(package: str, name: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Return the ``# key: value`` header and the rows of a packaged TSV file.

    Args:
        package: the dotted package that holds the file.
        name: the file name.

    Returns:
        The header lines that have a ``key: value`` shape, and each row as a column → value dict.
    """
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    header: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    columns: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep and " " not in key.strip():
                header[key.strip()] = value.strip()
            continue
        if not line.strip():
            continue
        cells = line.split("\t")
        if not columns:
            columns = cells
            continue
        rows.append(dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=True)))
    return header, rows
