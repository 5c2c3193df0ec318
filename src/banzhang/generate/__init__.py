"""The products generated from the declarations: JSON Schema, XSD and the documentation site.

Every file they write is committed (``schemas/``, ``docs/``), and drift tests regenerate them in
memory and compare: ``make generate`` rewrites them after a declaration changes.
"""

from __future__ import annotations

from pathlib import Path

from banzhang._atomic import write_text
from banzhang.generate import schema, xsd

__all__ = ["schema", "schema_files", "write_schemas", "xsd"]


def schema_files() -> dict[str, str]:
    """Return every generated schema file (JSON Schema and XSD) by name, with its text."""
    return {**schema.generated_files(), **xsd.generated_files()}


def write_schemas(directory: str | Path) -> list[str]:
    """Write every generated schema into ``directory``; return the names written."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    files = schema_files()
    for name, text in files.items():
        write_text(target / name, text)
    return sorted(files)
