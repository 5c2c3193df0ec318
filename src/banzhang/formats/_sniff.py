"""Tell a file's format from its first bytes, for bytes and streams that have no file name.

>>> sniff(io.BytesIO(b'\\xef\\xbb\\xbf  {"kind": "power-list"}'))
'json'
>>> sniff(io.BytesIO(b"<?xml version='1.0'?><power-list/>"))
'xml'
>>> sniff(io.BytesIO(b"kind,name")) is None
True
"""

from __future__ import annotations

import io
import zipfile
from typing import IO

__all__ = ["as_stream", "sniff"]

_ZIP = b"PK\x03\x04"
#: An OLE2 compound file: the old binary .xls (a .doc too, which no reader here takes).
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: A package's content types are a few KiB; more is not read (a hostile package may claim more).
_CONTENT_TYPES_LIMIT = 1 << 16
#: What a package's content types (or an ODF package's mimetype) say, and the format it makes.
_PACKAGES = (
    (b"spreadsheetml.sheet.main", "xlsx"),
    (b"wordprocessingml.document.main", "docx"),
    (b"application/vnd.oasis.opendocument.spreadsheet", "ods"),
)


def sniff(stream: IO[bytes]) -> str | None:
    """Return the format name (``json``, ``xml``, ``xlsx``, ``docx``, ``xls``, ``ods``) the
    stream's content shows, or ``None``; the stream is left where it was.

    A CSV file shows nothing to tell it by: it needs ``format="csv"``. So does JSON Lines.
    """
    start = stream.tell()
    head = stream.read(512)
    stream.seek(start)
    if head.startswith(_ZIP):
        found = _package(stream)
        stream.seek(start)
        return found
    if head.startswith(_OLE2):
        return "xls"
    if head.startswith(_UTF16_BOMS):
        return "xml" if "<" in head[2:].decode("utf-16", "ignore").lstrip()[:1] else None
    text = head.removeprefix(_UTF8_BOM).lstrip(b" \t\r\n")
    if text.startswith((b"{", b"[")):
        return "json"
    if text.startswith(b"<"):
        return "xml"
    return None


def _package(stream: IO[bytes]) -> str | None:
    """The format of a zip package, by its declared content types."""
    try:
        with zipfile.ZipFile(stream) as package:
            names = set(package.namelist())
            member = "[Content_Types].xml" if "[Content_Types].xml" in names else "mimetype"
            if member not in names:
                return None
            with package.open(member) as declared:
                content = declared.read(_CONTENT_TYPES_LIMIT)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    return next((name for marker, name in _PACKAGES if marker in content), None)


def as_stream(data: bytes | bytearray | memoryview) -> IO[bytes]:
    """Bytes as a seekable binary stream."""
    return io.BytesIO(bytes(data))
