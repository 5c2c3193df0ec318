"""Files handed in: checked for type and size, stored once per content under a generated name
in the data folder's ``files`` (never a served folder), and found again by their record."""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Iterable
from pathlib import Path, PurePath

from django.conf import settings
from django.db import IntegrityError, transaction

from banzhang.desk.models import StoredFile

__all__ = ["ACCEPTED", "Refused", "check_request", "check_size", "path_of", "store", "suffix_of"]

#: What a department may hand in: its workbooks, .csv, Word guides, JSON and XML.
ACCEPTED = (".xlsx", ".xls", ".ods", ".csv", ".docx", ".json", ".xml")


class Refused(Exception):
    """A file the desk does not take (its type or size); the message says why, in Chinese."""


def suffix_of(name: str) -> str:
    """The file's extension, lower case; refused when the desk does not take it."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in ACCEPTED:
        message = f"不接受“{suffix or '无扩展名'}”文件：只收 {'、'.join(ACCEPTED)}"
        raise Refused(message)
    return suffix


def check_size(size: int) -> None:
    """Refuse a file larger than the desk takes."""
    limit: int = settings.DESK_MAX_UPLOAD_BYTES
    if size > limit:
        message = f"文件过大（{size / 1048576:.1f} MiB），上限 {limit // 1048576} MiB"
        raise Refused(message)


def check_request(length: str | None) -> None:
    """Refuse a hand-in whose request is larger than the desk takes, before it is read
    (``length``: its Content-Length; the files of one hand-in share the limit)."""
    try:
        size = int(length or 0)
    except ValueError:
        size = 0
    check_size(size - _FORM_OVERHEAD)


#: What a multipart form adds to the files it carries (field names, boundaries), generously.
_FORM_OVERHEAD = 64 * 1024


def store(name: str, chunks: Iterable[bytes]) -> StoredFile:
    """Store the bytes of the file called ``name`` (once per content) and return its record."""
    suffix = suffix_of(name)
    folder = Path(settings.DESK_FILES)
    folder.mkdir(parents=True, exist_ok=True)
    generated = f"{secrets.token_hex(16)}{suffix}"
    partial = folder / f".{generated}.part"
    digest, size = hashlib.sha256(), 0
    try:
        with partial.open("wb") as handle:
            for chunk in chunks:
                size += len(chunk)
                check_size(size)
                digest.update(chunk)
                handle.write(chunk)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return _keep(partial, folder / generated, digest.hexdigest(), size)


def _keep(partial: Path, target: Path, sha256: str, size: int) -> StoredFile:
    """The stored record of these bytes: the one already kept, or this file, renamed in place.
    (The extension is part of the key: the readers go by it.)"""
    suffix = target.suffix
    known = StoredFile.objects.filter(sha256=sha256, suffix=suffix).first()
    if known is not None:
        partial.unlink()
        return known
    os.replace(partial, target)
    try:
        with transaction.atomic():
            return StoredFile.objects.create(
                sha256=sha256, suffix=suffix, name=target.name, size=size
            )
    except IntegrityError:  # the same bytes arrived at the same moment from another request
        target.unlink()
        return StoredFile.objects.get(sha256=sha256, suffix=suffix)


def path_of(stored: StoredFile) -> Path:
    """Where the stored file is."""
    return Path(settings.DESK_FILES) / stored.name
