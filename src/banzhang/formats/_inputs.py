"""Gather the lists a cross-list check reads: files, and every list file inside folders."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from banzhang.errors import UnreadableInput

__all__ = ["LIST_SUFFIXES", "expand"]

LIST_SUFFIXES = (".json", ".jsonl", ".xlsx", ".xml", ".csv")


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Return the files named, and the list files inside the folders named, in a stable order.

    Raises:
        UnreadableInput: a path that does not exist, or a folder with no list file in it.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in LIST_SUFFIXES and p.is_file()
            )
            if not inside:
                suffixes = "、".join(LIST_SUFFIXES)
                message = f"目录 {path} 中没有清单文件（{suffixes}）"
                raise UnreadableInput(message, source=str(path))
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            message = f"找不到文件或目录：{path}"
            raise UnreadableInput(message, source=str(path))
    return found
