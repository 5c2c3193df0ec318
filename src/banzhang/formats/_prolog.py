"""Read the start of an XML document up to its root element: a DTD there refuses the input.

No document banzhang reads — its own XML, or the parts of an .xlsx package — has a reason to
carry a DTD, so one found before the root refuses the input before any parser sees it. The
prolog is read as XML reads it: comments and processing instructions are skipped whole (a
``<!DOCTYPE`` inside a comment is text, and one after a comment holding ``<x`` is found), in
UTF-8, UTF-16 or UTF-32 as the byte order mark or the first bytes say.

>>> declares_dtd(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>')
True
>>> declares_dtd(b"<!-- <x --><!DOCTYPE x><x/>")
True
>>> declares_dtd(b"<x><!-- <!DOCTYPE in a comment is text --></x>")
False
>>> root_name(b"<?xml version='1.0'?><!-- <b> --><power-list xmlns='urn:x'/>")
'power-list'
>>> root_name('<?xml version="1.0" encoding="UTF-16"?><guide/>'.encode("utf-16"))
'guide'
"""

from __future__ import annotations

import codecs
import re

__all__ = ["NOT_XML", "declares_dtd", "root_name", "root_start"]

#: The characters XML 1.0 cannot hold (C0 controls but tab and line breaks, U+FFFE/F, lone
#: surrogates): no worksheet or Word part can carry them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DTD = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_NAME = re.compile(r"<(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_WHITE = " \t\r\n\ufeff"
_ENCODINGS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)


def _text(head: bytes) -> str:
    for mark, encoding in _ENCODINGS:
        if head.startswith(mark):
            return head.decode(encoding, "replace")
    return head.decode("utf-8", "replace")


def _scan(head: bytes) -> tuple[str, str]:
    """Walk the prolog: ("dtd", ""), ("root", its local name), or ("more", "") when cut short.

    Anything that is neither a comment, a processing instruction, a DTD nor an element (text,
    say) ends the walk as a root with no name: the parser then says what is wrong.
    """
    text = _text(head)
    position = 0
    while True:
        while position < len(text) and text[position] in _WHITE:
            position += 1
        if position >= len(text):
            return "more", ""
        for opening, closing in (("<!--", "-->"), ("<?", "?>")):
            if text.startswith(opening, position):
                end = text.find(closing, position + len(opening))
                if end < 0:
                    return "more", ""
                position = end + len(closing)
                break
        else:
            if _DTD.match(text, position):
                return "dtd", ""
            found = _NAME.match(text, position)
            return "root", found.group(1) if found else ""


def declares_dtd(head: bytes) -> bool:
    """Whether a DOCTYPE or ENTITY stands before the root element of ``head``."""
    return _scan(head)[0] == "dtd"


def root_start(head: bytes) -> int | None:
    """``0`` when ``head`` reaches the root element (or a DTD), ``None`` if it needs more bytes."""
    return None if _scan(head)[0] == "more" else 0


def root_name(head: bytes) -> str:
    """The local name of the root element of ``head`` (``""`` when there is none)."""
    state, name = _scan(head)
    return name if state == "root" else ""
