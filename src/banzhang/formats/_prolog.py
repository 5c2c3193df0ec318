"""Tell whether the start of an XML document declares a DTD before its root element.

No document banzhang reads — its own XML, or the parts of an .xlsx package — has a reason to
carry a DTD, so one found before the root refuses the input before any parser sees it.

>>> declares_dtd(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>')
True
>>> declares_dtd(b"<x><!-- <!DOCTYPE in a comment is text --></x>")
False
"""

from __future__ import annotations

import re

__all__ = ["declares_dtd", "root_start"]

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT_START = re.compile(rb"<[^?!]")


def root_start(head: bytes) -> int | None:
    """Return where the root element starts in ``head``, or ``None`` if it is not there yet."""
    found = _ROOT_START.search(head)
    return found.start() if found else None


def declares_dtd(head: bytes) -> bool:
    """Whether ``head`` has a DOCTYPE or ENTITY before its root (or anywhere, if no root yet)."""
    root = root_start(head)
    return _DTD.search(head, 0, len(head) if root is None else root) is not None
