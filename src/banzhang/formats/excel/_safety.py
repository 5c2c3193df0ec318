"""Look inside an .xlsx package before any XML is parsed: refuse zip bombs and DTDs, find formulas.

``zipfile`` never returns more bytes than a member declares, so checking the declared sizes and
ratios bounds what openpyxl can inflate. No part of an OOXML package has a reason to carry a DTD,
so a ``<!DOCTYPE`` or ``<!ENTITY`` before a part's root element refuses the whole package. XML
inside the package is then parsed through defusedxml (a dependency for that reason) as well: no
entity expansion, no external entities, whichever part is read.
"""

from __future__ import annotations

import itertools
import re
import zipfile
import zlib
from typing import Any

import attrs

from banzhang.errors import UnreadableInput
from banzhang.formats._prolog import declares_dtd, root_start

__all__ = ["Limits", "PackageScan", "inspect_package"]

_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
_UNPREFIXED_FORMULA = re.compile(rb"<f[ >/]")
_ERROR_CELL = re.compile(rb"<(?:\w+:)?c\b[^>]*?\st=\"e\"")
_ROW_NUMBER = re.compile(rb"<row\b[^>]*?\sr=\"(\d+)\"")
_PREFIXED_ROW_NUMBER = re.compile(rb"<(?:\w+:)?row\b[^>]*?\sr=\"(\d+)\"")
#: A cell reference with a row number of seven digits or more (Excel's last row has seven).
#: The literal start keeps the search fast; an attribute it matches by mistake only sends the
#: workbook down the streaming path.
_CELL_ROW_LONG = re.compile(rb"r=\"[A-Z]{1,3}([0-9]{7,})\"")
#: The most rows a worksheet has (Excel 2007 and later): a larger row number is no real sheet.
MAX_ROWS = 1_048_576

_CHUNK = 1 << 20
_PROLOG_BYTES = 4096


@attrs.frozen
class Limits:
    """What a workbook may ask of the reader.

    Attributes:
        max_total_bytes: the most bytes all members may inflate to together.
        max_ratio: the most a member larger than ``ratio_floor_bytes`` may inflate per byte.
        ratio_floor_bytes: members smaller than this are not held to ``max_ratio``.
        max_members: the most members a package may have.
        max_shared_strings_bytes: the most the shared-string table may inflate to. The reader
            holds that table whole (every cell refers into it), so it is capped on its own,
            well below the total: a 200,000-item list written by Excel needs about 300 MB.
        whole_sheets_bytes: worksheets up to this size in all (inflated) are read whole by
            calamine, several times faster; larger ones stream through openpyxl, whose memory
            stays flat however long the list (calamine holds a whole sheet's cells: about
            4 bytes of memory a byte of sheet XML). 0 always streams.
    """

    max_total_bytes: int = 2 * 1024**3
    max_ratio: int = 200
    ratio_floor_bytes: int = 1024**2
    max_members: int = 10_000
    max_shared_strings_bytes: int = 512 * 1024**2
    whole_sheets_bytes: int = 64 * 1024**2


@attrs.frozen
class PackageScan:
    """What the look inside a package found, before any XML was parsed.

    Attributes:
        formulas: whether any worksheet holds a formula.
        plain: whether every worksheet can be read whole and fast: no formula, no error value,
            rows in order and within Excel's limit, and all sheets within
            :attr:`Limits.whole_sheets_bytes` (else the streaming reader reads it, and says what
            is wrong with it).
    """

    formulas: bool
    plain: bool


def inspect_package(source: Any, name: str, limits: Limits) -> PackageScan:
    """Check ``source`` is a safe zip package; say whether its sheets are plain (see
    :class:`PackageScan`).

    Raises:
        UnreadableInput: not a zip, or over a limit (a possible zip bomb), naming the member.
    """
    try:
        package = zipfile.ZipFile(source)
    except zipfile.BadZipFile as err:
        message = f"{name} 不是 .xlsx 工作簿（不是 zip 格式）：{err}"
        raise UnreadableInput(message, source=name) from err
    except (OSError, ValueError) as err:  # missing, unreadable, or a path no file system takes
        message = f"无法打开 {name}：{getattr(err, 'strerror', None) or err}"
        raise UnreadableInput(message, source=name) from err
    with package:
        members = package.infolist()
        _check_sizes(members, name, limits)
        try:
            for member in members:
                if member.filename.endswith((".xml", ".rels", ".vml")):
                    _check_prolog(package, member, name)
            sheets = [
                member
                for member in members
                if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")
            ]
            if sum(member.file_size for member in sheets) > limits.whole_sheets_bytes:
                return PackageScan(any(_has_formula(package, m) for m in sheets), plain=False)
            whole = [package.read(member) for member in sheets]
            formulas = any(_holds_formula(data) for data in whole)
            plain = not formulas and all(_plain(data) for data in whole)
            return PackageScan(formulas, plain)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as err:
            message = f"{name} 的压缩数据已损坏：{err}"
            raise UnreadableInput(message, source=name) from err


def _check_sizes(members: list[zipfile.ZipInfo], name: str, limits: Limits) -> None:
    if len(members) > limits.max_members:
        message = f"{name} 含 {len(members)} 个部件，超过上限 {limits.max_members}，拒绝读取"
        raise UnreadableInput(message, source=name)
    total = 0
    for member in members:
        if (
            member.filename.lower().endswith("sharedstrings.xml")
            and member.file_size > limits.max_shared_strings_bytes
        ):
            message = (
                f"{name} 的共享字符串表 {member.filename} 解压后 {member.file_size} 字节，"
                f"超过上限 {limits.max_shared_strings_bytes} 字节（它要整个读进内存），拒绝读取"
            )
            raise UnreadableInput(message, source=name)
        total += member.file_size
        if total > limits.max_total_bytes:
            message = (
                f"{name} 解压后超过 {limits.max_total_bytes} 字节（疑似 zip 炸弹），拒绝读取；"
                f"在 {member.filename} 处超出"
            )
            raise UnreadableInput(message, source=name)
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > limits.ratio_floor_bytes and ratio > limits.max_ratio:
            message = (
                f"{name} 的 {member.filename} 压缩比为 {ratio:.0f}:1，超过上限 "
                f"{limits.max_ratio}:1（疑似 zip 炸弹），拒绝读取"
            )
            raise UnreadableInput(message, source=name)


def _check_prolog(package: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> None:
    with package.open(member) as stream:
        head = stream.read(_PROLOG_BYTES)
    if head and root_start(head) is None:
        message = f"{name} 的 {member.filename} 在前 {_PROLOG_BYTES} 字节内没有根元素，拒绝读取"
        raise UnreadableInput(message, source=name)
    if declares_dtd(head):
        message = f"{name} 的 {member.filename} 含有 DTD（<!DOCTYPE 或 <!ENTITY），拒绝读取"
        raise UnreadableInput(message, source=name)


def _plain(sheet: bytes) -> bool:
    """No error value; rows in order, each once; no row past Excel's last."""
    if b't="e"' in sheet and _ERROR_CELL.search(sheet):  # the literal first: most have none
        return False
    rows = _PREFIXED_ROW_NUMBER if b":row" in sheet else _ROW_NUMBER
    numbers = list(map(int, rows.findall(sheet)))
    if numbers and (numbers[-1] > MAX_ROWS or any(a >= b for a, b in itertools.pairwise(numbers))):
        return False
    return all(int(number) <= MAX_ROWS for number in _CELL_ROW_LONG.findall(sheet))


def _holds_formula(sheet: bytes) -> bool:
    """Whether a sheet's XML has a formula element. The full expression tries every ``<``;
    an unprefixed ``<f`` is looked for with its literal start, a prefixed one only when the
    sheet has a ``:f`` at all (``<formula1>`` of a dropdown is neither)."""
    if _UNPREFIXED_FORMULA.search(sheet):
        return True
    return b":f" in sheet and _FORMULA.search(sheet) is not None


def _has_formula(package: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    tail = b""
    with package.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            if _FORMULA.search(tail + chunk):
                return True
            tail = chunk[-8:]
    return False
