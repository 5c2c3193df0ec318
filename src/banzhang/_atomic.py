"""Write a file whole or not at all: a temporary file beside the target, synced, then renamed.

A conversion that fails, is interrupted or killed leaves the earlier file as it was and no
partial file behind (the temporary file is removed; after a kill -9 it remains only as a hidden
``.NAME.*.tmp`` beside the target, never under the target's name).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with replacing(folder / "a.txt") as handle:
...     _ = handle.write(b"whole")
>>> (folder / "a.txt").read_bytes()
b'whole'
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from banzhang.errors import UnwritableOutput

__all__ = [
    "make_folder",
    "refuse_same_file",
    "replacing",
    "write_bytes",
    "write_text",
    "writing",
]

_REASONS = {
    errno.ENOENT: "目录不存在",
    errno.EACCES: "没有写权限",
    errno.EPERM: "没有写权限",
    errno.EROFS: "文件系统只读",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已满",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中有一段不是目录",
}


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextlib.contextmanager
def replacing(target: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Open a temporary file beside ``target`` for writing; on success it replaces ``target``.

    A link is followed: the file it points to is replaced, the link stays.

    Raises:
        UnwritableOutput: the target's folder is missing or read-only, the disk is full, or
            the target is a folder. The earlier file is untouched and no temporary file remains.
    """
    try:
        path = Path(os.path.realpath(target))
    except ValueError as err:  # a NUL character, which no file system accepts in a name
        message = f"无法写出 {os.fspath(target)!r}：文件名含有不允许的字符"
        raise UnwritableOutput(message, target=os.fspath(target)) from err
    if path.is_dir():
        raise _unwritable(target, IsADirectoryError(errno.EISDIR, "is a directory"))
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as err:
        raise _unwritable(target, err) from err
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(err, OSError) and not isinstance(err, UnwritableOutput):
            raise _unwritable(target, err) from err
        raise
    _sync_folder(path.parent)


@contextlib.contextmanager
def writing(target: object) -> Iterator[IO[bytes]]:
    """Open a path atomically (:func:`replacing`), or pass a binary file object through.

    Raises:
        TypeError: ``target`` is neither a path nor a file object.
    """
    check_target(target)
    if isinstance(target, str | os.PathLike):
        with replacing(target) as handle:
            yield handle
    else:
        yield target  # type: ignore[misc]  # a caller's binary file object


def check_target(target: object) -> None:
    """Refuse, before any work, a target that is neither a path nor a writable file object.

    Raises:
        TypeError: what the caller passed cannot be written to.
    """
    if not isinstance(target, str | os.PathLike) and not hasattr(target, "write"):
        message = f"无法写入 {type(target).__name__}：应为文件路径或二进制文件对象"
        raise TypeError(message)


def write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``target`` atomically (see :func:`replacing`)."""
    with replacing(target) as handle:
        handle.write(data)


def write_text(target: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8 to ``target`` atomically (see :func:`replacing`)."""
    write_bytes(target, text.encode("utf-8"))


def refuse_same_file(
    target: str | os.PathLike[str], sources: tuple[str | os.PathLike[str], ...]
) -> None:
    """Refuse to write ``target`` when it is one of ``sources`` (after following links).

    Raises:
        UnwritableOutput: the output would overwrite an input.
    """
    for source in sources:
        if _same(target, source):
            message = (
                f"输出文件 {os.fspath(target)} 就是输入文件 {os.fspath(source)}；"
                "为免覆盖输入，请另取一个文件名"
            )
            raise UnwritableOutput(message, target=os.fspath(target))


def _same(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.realpath(first) == os.path.realpath(second)


def make_folder(target: str | os.PathLike[str]) -> None:
    """Create the folder ``target`` and its parents, or raise :class:`UnwritableOutput` saying
    why in Chinese (a missing parent, no permission, a file in the way)."""
    try:
        Path(target).mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _unwritable(target, err) from err


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform lets a folder be opened)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _unwritable(target: str | os.PathLike[str], err: OSError) -> UnwritableOutput:
    reason = _REASONS.get(err.errno or 0, err.strerror or type(err).__name__)
    message = f"无法写出 {os.fspath(target)}：{reason}"
    return UnwritableOutput(message, target=os.fspath(target))
