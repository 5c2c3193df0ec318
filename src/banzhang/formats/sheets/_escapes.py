"""Excel's escape inside text: ``_xHHHH_`` stands for the character U+HHHH.

Excel writes a carriage return in a cell as ``_x000D_``, and a text that itself reads
``_x0041_`` as ``_x005F_x0041_`` (``_x005F_`` is the underscore). A reader turns every such
sequence back into its character (calamine does; openpyxl does not, so banzhang's streaming path
does it here); a writer escapes the underscore of a literal one, so it reads back as written.

>>> escape("a_x0041_b")
'a_x005F_x0041_b'
>>> unescape(escape("a_x0041_b")), unescape("1_x000D_")
('a_x0041_b', '1\\r')
"""

from __future__ import annotations

import re

__all__ = ["escape", "unescape"]

_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")


def escape(text: str) -> str:
    """Write ``text`` so a reader that unescapes ``_xHHHH_`` gets it back as it is."""
    return _ESCAPED.sub(r"_x005F\g<0>", text) if "_x" in text else text


def unescape(text: str) -> str:
    """Turn each ``_xHHHH_`` of a cell's text into its character."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text)
