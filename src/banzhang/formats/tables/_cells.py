"""Values ⇄ cells: codes as text, codelists by title, booleans as 是/否, arrays as numbered lines.

Reading has two modes. A workbook banzhang wrote (it has the hidden id row) is read **exactly**:
text is kept as written. Anything else is a department's file and is read **leniently**: stray
spaces trimmed, full-width digits folded, numbers in code columns turned back into codes, titles
and letter aliases resolved to codes, and numbered multi-line cells split however they are
numbered.

>>> numbered(["受理", "审查"])
'1. 受理\\n2. 审查'
>>> split_numbered("1.受理；2.审查", exact=False)
['受理', '审查']
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from typing import Any

from banzhang import codelists, codes
from banzhang.formats.sheets import CellError
from banzhang.formats.tables._layout import Column
from banzhang.formats.tables.entries import split_numbered

__all__ = [
    "CellProblem",
    "codes_by_title",
    "numbered",
    "read_value",
    "split_numbered",
    "split_titles",
    "write_value",
]

#: What reading a cell may say besides its value: (rule id, Chinese message).
CellProblem = tuple[str, str]

YES, NO = "是", "否"
_TRUE = {"是", "true", "yes", "y", "1", "√", "✓", "有"}
_FALSE = {"否", "false", "no", "n", "0", "×", "无"}
# Excel keeps 15 significant digits; a longer number in a cell has already lost its tail.
_EXCEL_DIGITS = 15
_SAFE_INTEGER = 10**_EXCEL_DIGITS
_LIST_SEPARATORS = re.compile(r"[、，,;；/\n]+")
_NOTHING_TO_SAY: list[CellProblem] = []  # shared, never appended to
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


# ---- writing --------------------------------------------------------------------------------


def write_value(column: Column, value: Any) -> Any:
    """Return what goes in the cell for ``value`` (``None`` for an absent one)."""
    if value is None:
        return None
    if column.multi:
        entries = [_write_scalar(column, entry) for entry in value]
        return numbered([str(entry) for entry in entries]) if entries else None
    return _write_scalar(column, value)


def _write_scalar(column: Column, value: Any) -> Any:
    if type(value) is not str:  # text, most cells of a dump, skips these tests
        if isinstance(value, bool):
            return YES if value else NO
        if isinstance(value, int):
            # Beyond 15 digits Excel would round the number when a person saves the file.
            return value if abs(value) < _SAFE_INTEGER else str(value)
        if isinstance(value, datetime.date):
            return value.isoformat()
    titles = column.titles
    return value if titles is None else titles.get(value, value)


def numbered(entries: list[str]) -> str:
    """Return entries as numbered lines; as a JSON array when numbering could not be read back."""
    text = "\n".join(f"{number}. {entry}" for number, entry in enumerate(entries, start=1))
    # One-line, trimmed, non-empty entries always read back as written; check the others.
    if all(entry and entry == entry.strip() and "\n" not in entry for entry in entries):
        return text
    if split_numbered(text, exact=True) == entries:
        return text
    return json.dumps(entries, ensure_ascii=False)


# ---- reading --------------------------------------------------------------------------------


def split_titles(text: str, titles: dict[str, str] | None = None) -> list[str]:
    """A codelist array's cell: numbered lines, or titles one a line or joined by 、，；/ —
    as clerks write them, in banzhang's own workbook too ("盟市级、旗县级"). In banzhang's own
    (``titles`` given) a text is split only when every part is a title: an open codelist's
    own value may hold a 、."""
    entries = split_numbered(text, exact=titles is not None)
    if len(entries) == 1:
        parts = [part.strip() for part in _LIST_SEPARATORS.split(entries[0]) if part.strip()]
        if titles is None or (len(parts) > 1 and all(part in titles for part in parts)):
            entries = parts
    return entries


def read_value(column: Column, raw: Any, *, exact: bool) -> tuple[Any, list[CellProblem]]:
    """Return the document value of a cell, and anything worth telling about it."""
    if type(raw) is CellError:
        shown = f" {raw}" if raw else ""  # a cell marked an error with no value saved
        message = f"“{column.header}”的单元格是 Excel 错误值{shown}（公式或引用出错），未读入"
        return None, [("excel.error-cell", message)]
    if exact and column.plain and type(raw) is str:
        return raw, _NOTHING_TO_SAY  # the common case, on the hot path: text as written
    if raw is None or (isinstance(raw, str) and not exact and not raw.strip()):
        return None, []
    if not column.multi:
        return _read_scalar(column, raw, exact=exact)
    if isinstance(raw, str):
        name = column.spec.element.codelist
        entries: list[Any] = (
            split_titles(raw, codes_by_title(name) if exact else None)
            if name
            else split_numbered(raw, exact=exact)
        )
    else:
        entries = [raw]
    values, problems = [], []
    for entry in entries:
        value, said = _read_scalar(column, entry, exact=exact)
        values.append(value)
        problems.extend(said)
    return values, problems


def _read_scalar(  # noqa: PLR0911 - one return per shape
    column: Column, raw: Any, *, exact: bool
) -> tuple[Any, list[CellProblem]]:
    shape = column.shape
    if shape == "int":
        return _read_int(raw), []
    if shape == "bool":
        return _read_bool(raw), []
    if shape == "date":
        return _read_date(raw), []
    element = column.spec.element
    if element.code:
        if exact and isinstance(raw, str):
            return raw, []
        return _read_code(element.code, element.title, raw)
    text = _text(raw)
    if element.codelist:
        return _read_codelist(element.codelist, text, exact=exact), []
    if "电话" in element.title and isinstance(raw, int | float) and not isinstance(raw, bool):
        message = (
            f"“{element.title}”以数字存放为 {text}，开头的 0（区号）可能已丢失；"
            "请把该列设为文本后核对"
        )
        return text, [("excel.phone-as-number", message)]
    return (text if exact else text.strip().strip("\u3000")), []


def _read_codelist(name: str, text: str, *, exact: bool) -> str:
    """A title becomes its code; leniently, letter aliases and stray spaces are forgiven too."""
    if exact:
        # banzhang writes a valid code as its title and anything else as it is.
        return codes_by_title(name).get(text, text)
    folded = _fold(text)
    return codelists.get(name).resolve(folded) or folded


#: Per codelist name: the codelist last seen and its codes by title.
_TITLED: dict[str, tuple[codelists.Codelist, dict[str, str]]] = {}


def codes_by_title(name: str) -> dict[str, str]:
    """Each code of the codelist ``name`` by its title, rebuilt when a profile replaced it."""
    codelist = codelists.get(name)
    cached = _TITLED.get(name)
    if cached is None or cached[0] is not codelist:
        cached = _TITLED[name] = (codelist, {entry.title: entry.code for entry in codelist})
    return cached[1]


def _text(raw: Any) -> str:
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool):
        return YES if raw else NO
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime.datetime):
        return raw.date().isoformat() if raw.time() == datetime.time() else raw.isoformat()
    if isinstance(raw, datetime.date):
        return raw.isoformat()
    return str(raw)


def _fold(text: str) -> str:
    """Full-width to half-width, spaces removed: for codes, numbers and codelist values."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


_SPACES = re.compile(r"\s+")
_INTEGER = re.compile(r"[-+]?\d+")


def _read_code(kind: str, title: str, raw: Any) -> tuple[Any, list[CellProblem]]:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        written = _text(raw)
        code = _fold(written).upper()
        if code != written.strip().upper() and code != written.strip():
            message = f"“{title}”{written.strip()} 含全角字符或空格，已读作 {code}；请改为半角"
            return code, [("excel.code-normalised", message)]
        return code, []
    if isinstance(raw, float) and not raw.is_integer():
        return _text(raw), []
    digits = str(int(raw))
    if len(digits) > _EXCEL_DIGITS:
        message = (
            f"“{title}”{digits} 以数字存放，超过 Excel 的 15 位有效数字，末尾数字已丢失；"
            "请把该列设为文本后重新填写"
        )
        return digits, [("excel.number-precision", message)]
    expected = codes.length_of(kind) if kind in codes.KINDS else len(digits)
    if len(digits) >= expected:
        return digits, []
    restored = digits.zfill(expected)
    message = f"“{title}”以数字存放为 {digits}，已补回前导零为 {restored}；请把该列设为文本"
    return restored, [("excel.code-as-number", message)]


def _read_int(raw: Any) -> Any:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str):
        folded = _fold(raw)
        if _INTEGER.fullmatch(folded):
            return int(folded)
    return raw


def _read_bool(raw: Any) -> Any:
    if isinstance(raw, bool):
        return raw
    text = _fold(_text(raw)).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return raw


def _read_date(raw: Any) -> Any:
    if isinstance(raw, datetime.datetime):
        return raw.date().isoformat()
    if isinstance(raw, datetime.date):
        return raw.isoformat()
    text = _fold(_text(raw))
    match = _DATE_TEXT.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            return text
    return text
