"""Look inside an .xlsx package before any XML is parsed: refuse zip bombs and DTDs, find formulas.

``zipfile`` never returns more bytes than a member declares, so checking the declared sizes and
ratios bounds what openpyxl can inflate. No part of an OOXML package has a reason to carry a DTD,
so a ``<!DOCTYPE`` or ``<!ENTITY`` before a part's root element refuses the whole package. XML
inside the package is then parsed through defusedxml (a dependency for that reason) as well: no
entity expansion, no external entities, whichever part is read.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from typing import Any

import attrs

from banzhang.errors import UnreadableInput
from banzhang.formats._prolog import declares_dtd, root_start

__all__ = ["Limits", "inspect_package"]

_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
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
    """

    max_total_bytes: int = 2 * 1024**3
    max_ratio: int = 200
    ratio_floor_bytes: int = 1024**2
    max_members: int = 10_000
    max_shared_strings_bytes: int = 512 * 1024**2


def inspect_package(source: Any, name: str, limits: Limits) -> bool:
    """Check ``source`` is a safe zip package; return whether any worksheet holds formulas.

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
            return any(
                _has_formula(package, member)
                for member in members
                if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")
            )
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


def _has_formula(package: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    tail = b""
    with package.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            if _FORMULA.search(tail + chunk):
                return True
            tail = chunk[-8:]
    return False
