"""Write a file whole or not at all: a temporary file beside the target, synced, then renamed.

A conversion that fails, is interrupted or killed leaves the earlier file as it was and no
partial file behind (the temporary file is removed; after a kill -9 it remains only as a hidden
``.NAME.*.tmp`` beside the target, never under the target's name, and the next write of that
target removes it once it is a day old). A target that exists and is no regular file (a FIFO, a
device) is refused rather than replaced.

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
import glob
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from banzhang._reasons import os_reason
from banzhang.errors import UnwritableOutput

__all__ = [
    "make_folder",
    "make_parent",
    "refuse_same_file",
    "replacing",
    "replacing_folder",
    "write_bytes",
    "write_text",
    "writing",
]


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
    _refuse_special(path, target)
    prefix = _temporary_prefix(path.name)
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
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
    _clean_stale(path.parent, prefix)


#: The longest name most file systems take (in bytes), and what mkstemp adds to the prefix.
_NAME_BYTES = 255
_RANDOM_AND_SUFFIX_BYTES = len(".tmp") + 8
#: A temporary file of banzhang's naming this old was left by a killed writer: removed.
STALE_SECONDS = 24 * 3600


def _temporary_prefix(name: str) -> str:
    """``.NAME.``, its name cut (at a character's end) so the temporary name fits the file
    system: a 250-byte output name made a temporary name too long to create."""
    room = _NAME_BYTES - _RANDOM_AND_SUFFIX_BYTES - 2
    cut = name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return f".{cut}."


def _refuse_special(path: Path, target: str | os.PathLike[str]) -> None:
    """Refuse a target that exists and is no regular file (a FIFO, a device, a socket): the
    rename would replace it by a regular file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # nothing there yet (or unreachable: the write itself says why)
    if not stat.S_ISREG(mode):
        message = f"无法写出 {os.fspath(target)}：它不是普通文件（设备、管道或套接字），不予替换"
        raise UnwritableOutput(message, target=os.fspath(target))


def _clean_stale(folder: Path, prefix: str) -> None:
    """Remove this target's temporary files (and a folder writer's temporary and set-aside
    folders) left by writers killed long ago: kill -9 leaves them; a writer still at work has
    a recent one."""
    now = time.time()
    for suffix in (".tmp", ".old"):
        for stale in folder.glob(f"{glob.escape(prefix)}{'[a-z0-9_]' * 8}{suffix}"):
            with contextlib.suppress(OSError):
                if now - stale.lstat().st_mtime <= STALE_SECONDS:
                    continue
                if stale.is_dir() and not stale.is_symlink():
                    shutil.rmtree(stale)
                else:
                    stale.unlink()


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
    message = f"无法写出 {os.fspath(target)}：{os_reason(err, writing=True)}"
    return UnwritableOutput(message, target=os.fspath(target))


def make_parent(target: str | os.PathLike[str]) -> None:
    """Create the folders above ``target`` that are missing.

    Raises:
        UnwritableOutput: a part of the path is a file, or a folder cannot be made.
    """
    try:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        if isinstance(err, FileExistsError):  # a part of the path is a file
            err = NotADirectoryError(errno.ENOTDIR, "not a directory")
        raise _unwritable(target, err) from err


@contextlib.contextmanager
def replacing_folder(
    target: str | os.PathLike[str], *, ours: Callable[[Path], bool]
) -> Iterator[Path]:
    """Build a folder whole in a temporary folder beside ``target``; on success it takes the
    target's place (a folder left by an earlier run is swapped out, then removed). A run that
    fails, is interrupted or killed leaves the earlier folder as it was, never a mix.

    ``ours(relative path)`` says whether a file of an existing ``target`` is one this writer
    writes: a folder holding anything else is refused, not replaced (it is someone's folder).

    Raises:
        UnwritableOutput: the target is a file or holds files not ours, a part of its path is
            a file, or the folder cannot be written.
    """
    path = Path(os.path.realpath(target))
    _refuse_foreign_folder(path, target, ours)
    make_parent(path)
    try:
        temporary = Path(
            tempfile.mkdtemp(prefix=_temporary_prefix(path.name), suffix=".tmp", dir=path.parent)
        )
    except OSError as err:
        raise _unwritable(target, err) from err
    try:
        yield temporary
        os.chmod(temporary, 0o777 & ~_umask())
        _swap(temporary, path)
    except BaseException as err:
        shutil.rmtree(temporary, ignore_errors=True)
        if isinstance(err, UnwritableOutput):  # a file inside: named by the folder instead
            reason = str(err).removeprefix(f"无法写出 {err.target}：")
            raise UnwritableOutput(
                f"无法写出 {os.fspath(target)}：{reason}", target=os.fspath(target)
            ) from err
        if isinstance(err, OSError):
            raise _unwritable(target, err) from err
        raise
    _sync_folder(path.parent)
    _clean_stale(path.parent, _temporary_prefix(path.name))


def _refuse_foreign_folder(
    path: Path, target: str | os.PathLike[str], ours: Callable[[Path], bool]
) -> None:
    if path.exists() and not path.is_dir():
        message = f"无法写出 {os.fspath(target)}：它已存在且不是目录"
        raise UnwritableOutput(message, target=os.fspath(target))
    if not path.is_dir():
        return
    foreign = [
        found
        for found in path.rglob("*")
        if not found.is_dir() and not ours(found.relative_to(path))
    ]
    if foreign:
        shown = "、".join(str(found.relative_to(path)) for found in foreign[:3])
        message = (
            f"无法写出 {os.fspath(target)}：目录中有不是由它生成的文件（{shown}"
            f"{' 等' if len(foreign) > 3 else ''}），为免删掉它们，请换一个目录或先清空"
        )
        raise UnwritableOutput(message, target=os.fspath(target))


def _swap(built: Path, path: Path) -> None:
    """Put ``built`` in the place of ``path`` (two renames: the earlier folder is set aside
    under a hidden name first, and put back if the second rename fails)."""
    if not path.exists():
        os.rename(built, path)
        return
    aside = Path(
        tempfile.mkdtemp(prefix=_temporary_prefix(path.name), suffix=".old", dir=path.parent)
    )
    os.rmdir(aside)
    os.rename(path, aside)
    try:
        os.rename(built, path)
    except BaseException:
        os.rename(aside, path)
        raise
    shutil.rmtree(aside, ignore_errors=True)
