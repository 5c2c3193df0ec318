"""Look inside an .xls before calamine parses it: refuse the records its Rust reader would die on.

An .xls is a compound file (OLE2/CFB: sectors chained by a FAT) holding a ``Workbook`` stream of
BIFF records. calamine reserves memory for each sheet from its DIMENSIONS record before reading
a cell: a dimension claiming four billion rows, or ending before it starts (its subtraction then
wraps around), asks for hundreds of gigabytes, and the failed allocation aborts the whole process
(SIGABRT, no exception a caller could catch). So the stream is found here, every record walked as
calamine walks it (from the start, and from each sheet's offset), and a DIMENSIONS record larger
than an .xls sheet can be (65,536 rows × 256 columns) refuses the file.

A compound file this reader cannot follow (a broken chain, a sector past the end, a loop) is
refused too: what it cannot check, calamine is not given.
"""

from __future__ import annotations

import struct

from banzhang.errors import UnreadableInput

__all__ = ["COMPOUND_MAGIC", "check_workbook_stream", "workbook_stream"]

COMPOUND_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_STREAM = 2
#: The most cells an .xls sheet holds (BIFF8: 65,536 rows × 256 columns).
MAX_CELLS = 65_536 * 256
_DIMENSIONS = 0x0200
_BOUND_SHEET = 0x0085
_END_OF_FILE = 0x000A


class _Broken(Exception):
    """The compound file does not hold together (said in Chinese, for the message)."""


def workbook_stream(data: bytes, name: str) -> bytes:
    """The ``Workbook`` (or BIFF5 ``Book``) stream of an .xls file.

    Raises:
        UnreadableInput: not a compound file, or one whose sectors do not hold together.
    """
    if not data.startswith(COMPOUND_MAGIC):
        raise UnreadableInput(f"{name} 不是 .xls 工作簿（不是 OLE 复合文档）", source=name)
    try:
        return _Compound(data).stream(("Workbook", "Book"))
    except (_Broken, struct.error, IndexError) as err:
        reason = err if isinstance(err, _Broken) else "读取越过了文件末尾"
        message = f"{name} 的复合文档结构已损坏（{reason}），拒绝读取"
        raise UnreadableInput(message, source=name) from err


def check_workbook_stream(stream: bytes, name: str) -> None:
    """Refuse a DIMENSIONS record that is inverted or larger than an .xls sheet can be, wherever
    calamine would read one: walking from the stream's start and from each sheet's offset.

    Raises:
        UnreadableInput: naming the record's sheet offset and what it claims.
    """
    starts = {0}
    for kind, body in _records(stream, 0):
        if kind == _BOUND_SHEET and len(body) >= 4:
            starts.add(struct.unpack_from("<I", body)[0])
        if kind == _END_OF_FILE:
            break
    if max(starts) > len(stream):  # calamine slices the stream there: a panic
        message = (
            f"{name} 的工作表位置 {max(starts)} 超出了工作簿数据流（{len(stream)} 字节），拒绝读取"
        )
        raise UnreadableInput(message, source=name)
    for start in sorted(starts):
        for kind, body in _records(stream, start):
            if kind == _DIMENSIONS:
                _check_dimensions(body, name)
            elif kind in _CELLS and len(body) >= 6:
                _check_column(kind, body, name)
            elif kind == _END_OF_FILE and start:
                break


#: The records of one cell (row, then column, first in each), and those of a run of cells
#: (MULRK, MULBLANK: their last column closes the record).
_CELLS = frozenset({0x0006, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00BD, 0x00BE})
_RUNS = frozenset({0x00BD, 0x00BE})
#: The most columns an .xls sheet has (BIFF8: IV).
MAX_COLUMNS = 256


def _check_column(kind: int, body: bytes, name: str) -> None:
    """Refuse a cell past column IV: calamine reads one up to column 65,536, which no sheet
    has (and which no column letters name)."""
    row, column = struct.unpack_from("<HH", body)
    last = struct.unpack_from("<H", body, len(body) - 2)[0] if kind in _RUNS else column
    if max(column, last) >= MAX_COLUMNS:
        message = (
            f"{name} 第 {row + 1} 行有单元格位于第 {max(column, last) + 1} 列，"
            f"超出 .xls 工作表的 {MAX_COLUMNS} 列，文件已损坏，拒绝读取"
        )
        raise UnreadableInput(message, source=name)


def _records(stream: bytes, start: int) -> list[tuple[int, bytes]]:
    """The records from ``start`` (type, body), up to the first that runs past the stream."""
    found = []
    position = start
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        body = stream[position + 4 : position + 4 + size]
        if len(body) < size:
            break
        found.append((kind, body))
        position += 4 + size
    return found


def _check_dimensions(body: bytes, name: str) -> None:
    """A DIMENSIONS record as calamine reads it: first row, last row + 1, first column, last
    column + 1 (32-bit rows in BIFF8's 14 bytes, 16-bit in BIFF5's 10)."""
    if len(body) == 14:
        first_row, end_row, first_column, end_column = struct.unpack_from("<IIHH", body)
    elif len(body) == 10:
        first_row, end_row, first_column, end_column = struct.unpack_from("<HHHH", body)
    else:
        return  # calamine refuses a record of another length itself, with an error
    if first_column > 0xFF or end_column < first_column:
        first_column = 0  # as calamine reads it
    if end_row < 1 or end_column < 1:
        return  # calamine takes one cell
    rows, columns = end_row - first_row, end_column - first_column
    if rows < 0 or rows * columns > MAX_CELLS:
        message = (
            f"{name} 的工作表尺寸记录声称第 {first_row + 1} 至 {end_row} 行、"
            f"第 {first_column + 1} 至 {end_column} 列，超出 .xls 工作表的范围，拒绝读取"
        )
        raise UnreadableInput(message, source=name)


class _Compound:
    """The sectors, FAT and directory of a compound file (MS-CFB), as far as finding a stream
    needs; every chain is followed at most once round the file (a loop is a broken file)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.sector = 1 << struct.unpack_from("<H", data, 30)[0]
        self.mini_sector = 1 << struct.unpack_from("<H", data, 32)[0]
        if self.sector not in (512, 4096) or self.mini_sector != 64:
            raise _Broken("扇区大小不合规范")
        self.cutoff = struct.unpack_from("<I", data, 56)[0]
        self._check_counts()
        self.fat = self._fat()

    def _check_counts(self) -> None:
        """Refuse a header claiming more FAT sectors than the file holds (a reader that
        reserves room for the claim first would ask for gigabytes)."""
        fat_sectors = struct.unpack_from("<I", self.data, 44)[0]
        if fat_sectors > len(self.data) // self.sector + 1:
            raise _Broken(f"FAT 声称有 {fat_sectors} 个扇区，文件容不下")

    def _offset(self, sector: int) -> int:
        offset: int = (sector + 1) * self.sector
        if offset >= len(self.data):
            raise _Broken(f"扇区 {sector} 超出文件")
        return offset

    def _read(self, sector: int) -> bytes:
        offset = self._offset(sector)
        return self.data[offset : offset + self.sector]

    def _fat(self) -> list[int]:
        locations = list(struct.unpack_from("<109I", self.data, 76))
        next_difat = struct.unpack_from("<I", self.data, 68)[0]
        for _ in range(len(self.data) // self.sector + 1):
            if next_difat in (_END_OF_CHAIN, _FREE):
                break
            entries = struct.unpack(f"<{self.sector // 4}I", self._read(next_difat))
            locations += entries[:-1]
            next_difat = entries[-1]
        else:
            raise _Broken("DIFAT 链成环")
        count = struct.unpack_from("<I", self.data, 44)[0]
        fat: list[int] = []
        for sector in locations[:count]:
            if sector in (_END_OF_CHAIN, _FREE):
                continue
            fat += struct.unpack(f"<{self.sector // 4}I", self._read(sector).ljust(self.sector))
        return fat

    def chain(self, start: int, table: list[int], most: int) -> list[int]:
        """The sectors of a chain from ``start`` through ``table`` (at most ``most`` of them)."""
        found: list[int] = []
        sector = start
        while sector != _END_OF_CHAIN:
            if sector >= len(table) or len(found) > most:
                raise _Broken("扇区链断开或成环")
            found.append(sector)
            sector = table[sector]
        return found

    def _bytes(self, start: int) -> bytes:
        most = len(self.data) // self.sector + 1
        return b"".join(self._read(s) for s in self.chain(start, self.fat, most))

    def stream(self, names: tuple[str, ...]) -> bytes:
        directory = self._bytes(struct.unpack_from("<I", self.data, 48)[0])
        entries = [directory[at : at + 128] for at in range(0, len(directory) - 127, 128)]
        if not entries:
            raise _Broken("没有目录")
        for wanted in names:
            for entry in entries:
                length = min(struct.unpack_from("<H", entry, 64)[0], 64)
                title = entry[: max(length - 2, 0)].decode("utf-16-le", "replace")
                if entry[66] == _STREAM and title == wanted:
                    return self._content(entry, entries[0])
        raise _Broken("没有 Workbook 数据流")

    def _content(self, entry: bytes, root: bytes) -> bytes:
        start, size = struct.unpack_from("<II", entry, 116)
        if size >= self.cutoff:
            data = self._bytes(start)
        else:  # a small stream lives in the mini stream, chained by the mini FAT
            mini_fat_start = struct.unpack_from("<I", self.data, 60)[0]
            raw = self._bytes(mini_fat_start) if mini_fat_start != _END_OF_CHAIN else b""
            mini_fat = list(struct.unpack(f"<{len(raw) // 4}I", raw[: len(raw) // 4 * 4]))
            mini = self._bytes(struct.unpack_from("<I", root, 116)[0])
            most = len(mini) // self.mini_sector + 1
            step = self.mini_sector
            data = b"".join(
                mini[s * step : (s + 1) * step] for s in self.chain(start, mini_fat, most)
            )
        if len(data) < size:
            raise _Broken("数据流比目录所记的短")
        return data[:size]
