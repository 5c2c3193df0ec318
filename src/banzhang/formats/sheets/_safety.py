"""Look inside an .xlsx package before any XML is parsed: refuse zip bombs and DTDs, find formulas.

``zipfile`` never returns more bytes than a member declares, so checking the declared sizes and
ratios bounds what openpyxl can inflate. No part of an OOXML package has a reason to carry a DTD,
so a ``<!DOCTYPE`` or ``<!ENTITY`` before a part's root element refuses the whole package. XML
inside the package is then parsed through defusedxml (a dependency for that reason) as well: no
entity expansion, no external entities, whichever part is read.
"""

from __future__ import annotations

import collections
import functools
import itertools
import operator
import posixpath
import re
import zipfile
from typing import Any, Protocol

import attrs
from defusedxml import ElementTree

from banzhang._reasons import reason, zip_reason
from banzhang.errors import UnreadableInput
from banzhang.formats._inputs import BROKEN_ZIP
from banzhang.formats._prolog import declares_dtd, root_start

__all__ = ["Limits", "PackageScan", "SheetsCleared", "inspect_package"]

_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
_UNPREFIXED_FORMULA = re.compile(rb"<f[ >/]")
_PREFIX_OF_FORMULA = re.compile(rb":f")
_PREFIX_OF_ROW = re.compile(rb":row")
#: The start tag of a cell holding an error value, its attributes.
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*?\st="e"[^>]*)>')
#: Each row's start tag, its number when it has one (``b""`` when not).
_ROW = re.compile(rb"<row\b(?:[^>]*?\sr=\"(\d+)\")?")
_PREFIXED_ROW = re.compile(rb"<(?:\w+:)?row\b(?:[^>]*?\sr=\"(\d+)\")?")
_SLICE_BYTES = 4 * 1024**2
#: Sheets larger than this have the reach of their cell references measured exactly.
_EXACT_SIZE_BYTES = 8 * 1024**2
#: The most rows a worksheet has (Excel 2007 and later): a larger row number is no real sheet.
MAX_ROWS = 1_048_576
#: The most columns (XFD): calamine reads any number of letters, upper or lower case, and a
#: column of 31 letters wraps its arithmetic into a rectangle of hundreds of gigabytes, whose
#: failed allocation aborts the process. A sheet reaching past XFD is never read by calamine.
MAX_COLUMNS = 16_384

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
        whole_sheets_bytes: worksheets up to this size in all (inflated) may be read whole by
            calamine, several times faster; larger ones stream through openpyxl, whose memory
            stays flat however long the list. 0 always streams.
        whole_memory_bytes: the most the cells of a workbook read whole may take in calamine's
            memory, as estimated before parsing: every cell of each sheet's rectangle (32 bytes
            each, empty or not) plus each shared-string cell's own copy of its text (calamine
            copies the text into every cell that refers to it, so one long string referred to
            by a million cells would take gigabytes). Over it, the workbook streams.
    """

    max_total_bytes: int = 2 * 1024**3
    max_ratio: int = 200
    ratio_floor_bytes: int = 1024**2
    max_members: int = 10_000
    max_shared_strings_bytes: int = 512 * 1024**2
    whole_sheets_bytes: int = 512 * 1024**2
    whole_memory_bytes: int = 640 * 1024**2


@attrs.frozen
class PackageScan:
    """What the look inside a package found, before any XML was parsed.

    Attributes:
        formulas: whether a formula may lack the value a spreadsheet program saves with it (a
            file written by a program that does not calculate): the reader then reads the
            formulas too, to name each one without a value.
        plain: whether every worksheet can be read whole and fast: no formula without its saved
            value, no error value, rows in order and within Excel's limit, and all sheets within
            :attr:`Limits.whole_sheets_bytes` (else the streaming reader reads it, and says what
            is wrong with it). A formula with its value is read as that value either way.
    """

    formulas: bool
    plain: bool
    #: Each sheet's error cells (sheet name → row → column index → the value), for a plain
    #: workbook: calamine reads an error value as an empty cell, so the reader puts them back.
    errors: dict[str, dict[int, dict[int, str]]] = attrs.field(factory=dict)


class SheetsCleared(Protocol):
    """Who is told, during the scan, what may be parsed already (the whole-workbook reader)."""

    def begin(self) -> None:
        """The package's sizes and prologs passed: it may be opened."""

    def cleared(self, title: str) -> None:
        """The sheet ``title`` is plain, and the workbook within its limits so far."""


#: A shared-string table larger than this is not opened before the scan ends: a parser holds
#: it whole from the start, wasted if the workbook turns out not plain.
_AHEAD_STRINGS_BYTES = 16 * 1024**2
#: Sheets up to this size are scanned first (the workbook's own, read first): the parser
#: has them at once.
_SMALL_SHEET_BYTES = 64 * 1024


def inspect_package(
    source: Any, name: str, limits: Limits, ahead: SheetsCleared | None = None
) -> PackageScan:
    """Check ``source`` is a safe zip package; say whether its sheets are plain (see
    :class:`PackageScan`). ``ahead`` is told of each sheet found plain as soon as it is (the
    scan of the next sheet and the parse of this one then overlap).

    Raises:
        UnreadableInput: not a zip, or over a limit (a possible zip bomb), naming the member.
    """
    try:
        package = zipfile.ZipFile(source)
    except zipfile.BadZipFile as err:
        message = f"{name} 无法作为 .xlsx 工作簿打开：{reason(err)}"
        raise UnreadableInput(message, source=name) from err
    except UnicodeError as err:  # a member's name not the UTF-8 its flag says
        message = f"{name} 的压缩数据已损坏：{zip_reason(err)}"
        raise UnreadableInput(message, source=name) from err
    except (OSError, ValueError) as err:  # missing, unreadable, or a path no file system takes
        message = f"无法打开 {name}：{reason(err)}"
        raise UnreadableInput(message, source=name) from err
    except (NotImplementedError, RuntimeError) as err:  # a zip version no reader knows
        message = f"{name} 的压缩数据已损坏：{reason(err)}"
        raise UnreadableInput(message, source=name) from err
    with package:
        members = package.infolist()
        _check_sizes(members, name, limits)
        try:
            for member in members:
                if member.filename.endswith((".xml", ".rels", ".vml")):
                    _check_prolog(package, member, name)
                if member.filename.lower().endswith("sharedstrings.xml"):
                    _check_string_count(package, member, name)
            sheets = [
                member
                for member in members
                if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")
            ]
            if sum(member.file_size for member in sheets) > limits.whole_sheets_bytes:
                return PackageScan(any(_has_formula(package, m) for m in sheets), plain=False)
            return _scan_sheets(package, sheets, members, limits, ahead)
        # A bad CRC, a header naming another member, an unknown compression method, a name
        # that is not the UTF-8 its flag says: each is a broken package.
        except UnreadableInput:  # our own refusal of a member (a DTD, a count): as it says
            raise
        except BROKEN_ZIP as err:
            message = f"{name} 的压缩数据已损坏：{zip_reason(err)}"
            raise UnreadableInput(message, source=name) from err


#: What one cell takes in calamine's memory, empty or not (its value enum).
_CELL_BYTES = 32
#: The markup around an inline string's text: ``<c r="A1" t="inlineStr"><is><t>…</t></is></c>``.
_INLINE_MARKUP_BYTES = 40
#: The least markup of an empty cell kept for its style (``<c r="A1" s="1"/>``).
_EMPTY_CELL_BYTES = 17
#: A shared-string cell's index into the table.
_SHARED_STRING_CELL = re.compile(rb't="s"[^>]*>\s*<(?:\w+:)?v>(\d+)<')
#: The start of an entry of the shared-string table.
_STRING_ENTRY = re.compile(rb"<(?:\w+:)?si[\s>/]")


def _scan_sheets(
    package: zipfile.ZipFile,
    sheets: list[zipfile.ZipInfo],
    members: list[zipfile.ZipInfo],
    limits: Limits,
    ahead: SheetsCleared | None,
) -> PackageScan:
    """Read each sheet in turn (one in memory at a time) for formulas and plainness, and
    estimate what the whole workbook would take in calamine's memory: each sheet's rectangle
    of cells, the text of inline strings, and each shared-string cell's copy of its text.
    ``ahead`` is told of each sheet that may be parsed already."""
    formulas, plain = False, True  # formulas: one without its value
    table = next((m for m in members if m.filename.lower().endswith("sharedstrings.xml")), None)
    lengths: list[int] | None = None  # read once a plain sheet refers to the table
    cells = text_bytes = 0
    errors: dict[str, dict[int, dict[int, str]]] = {}  # by the sheet's part
    if ahead is not None and table is not None and table.file_size > _AHEAD_STRINGS_BYTES:
        ahead = None
    if ahead is not None:
        ahead.begin()
    names = _sheet_names(package)
    # Small sheets first (a stable sort: the others keep their order): the reader asks for
    # the workbook's own small sheets first, then for the first large one.
    for member in sorted(sheets, key=lambda m: m.file_size > _SMALL_SHEET_BYTES):
        data = package.read(member)
        formulas = formulas or (_holds_formula(data) and _formula_without_value(data))
        shape = _plain_shape(data) if plain and not formulas else None
        placed = _error_cells(data) if shape is not None else None
        if shape is None or placed is None:
            plain = False
            continue
        if placed:
            errors[member.filename] = placed
        rows, columns = shape
        cells += rows * columns
        if b't="s"' in data:
            if lengths is None:
                lengths = _string_entry_lengths(package, table) if table is not None else []
            shared = _shared_text_bytes(data, lengths)
            if shared is None:
                plain = False
                continue
            text_bytes += shared
        # An inline string's text is in the sheet, past the markup of its cell (about 40 bytes);
        # an empty cell written for its style (a bordered blank, ``<c r="H4" s="10"/>``) holds
        # no text at all (at least 17 bytes of markup each).
        inline = data.count(b'"inlineStr"')
        if inline:
            markup = _INLINE_MARKUP_BYTES * inline + _EMPTY_CELL_BYTES * data.count(b'"/>')
            text_bytes += max(len(data) - markup, 0)
        within = cells * _CELL_BYTES + text_bytes <= limits.whole_memory_bytes
        if ahead is not None and within and member.filename in names:
            ahead.cleared(names[member.filename])
    if not plain:
        return PackageScan(formulas, plain=False)
    estimate = cells * _CELL_BYTES + text_bytes
    named = _named(errors, names)
    if estimate > limits.whole_memory_bytes or named is None:
        return PackageScan(formulas=False, plain=False)
    return PackageScan(formulas=False, plain=True, errors=named)


def _string_entry_lengths(package: zipfile.ZipFile, table: zipfile.ZipInfo) -> list[int]:
    """The bytes each entry of the shared-string table spans (its text, markup included: an
    overestimate of what calamine keeps), read in chunks."""
    starts: list[int] = []
    kept, base = b"", 0
    with package.open(table) as stream:
        while chunk := stream.read(_CHUNK):
            data = kept + chunk
            # An entry's start within the last bytes may be cut short: look again next round.
            cut = max(len(data) - 16, 0)
            starts += [base + m.start() for m in _STRING_ENTRY.finditer(data) if m.start() < cut]
            kept, base = data[cut:], base + cut
    starts += [base + match.start() for match in _STRING_ENTRY.finditer(kept)]
    ends = [*starts[1:], base + len(kept)]
    return [end - start for start, end in zip(starts, ends, strict=True)]


def _shared_text_bytes(sheet: bytes, lengths: list[int]) -> int | None:
    """The text calamine would copy into the sheet's shared-string cells: each cell's own
    entry, a slice of rows at a time. ``None`` when a cell's index is not a number within the
    table (``-1``, ``abc``, ``0.5``, one past the end): calamine reads any of them as the first
    entry, without a word, while the streaming reader says the file is broken."""
    total, start, cells = 0, 0, 0
    while start < len(sheet):
        # Slices end after a row's end tag: a cell is never cut in two.
        found = sheet.find(b"row>", start + _SLICE_BYTES)
        end = len(sheet) if found < 0 else found + 4
        counts = collections.Counter(_SHARED_STRING_CELL.findall(sheet, start, end))
        for index, count in counts.items():
            position = int(index)
            if position >= len(lengths):
                return None
            total += count * lengths[position]
            cells += count
        start = end
    # Every shared-string cell must have been read with its index (a count at memory speed).
    return total if cells == sheet.count(b't="s"') else None


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


#: The shared-string table's start tag and the count of entries it claims.
_UNIQUE_COUNT = re.compile(rb"<(?:\w+:)?sst\b[^>]*?\suniqueCount\s*=\s*[\"'](\d+)")
#: The fewest bytes an entry of the table takes (``<si/>``).
_SMALLEST_ENTRY_BYTES = 5


def _check_string_count(package: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> None:
    """Refuse a shared-string table claiming more entries than its bytes can hold: calamine
    reserves room for the count it claims before reading one (24 bytes an entry), and two
    billion of them abort the process on the failed allocation."""
    with package.open(member) as stream:
        found = _UNIQUE_COUNT.search(stream.read(_PROLOG_BYTES))
    if found is None:
        return
    claimed, most = int(found.group(1)), member.file_size // _SMALLEST_ENTRY_BYTES + 1
    if claimed > most:
        message = (
            f"{name} 的共享字符串表 {member.filename} 声称有 {claimed} 项，"
            f"而它只有 {member.file_size} 字节（至多 {most} 项），文件已损坏，拒绝读取"
        )
        raise UnreadableInput(message, source=name)


def _plain_shape(sheet: bytes) -> tuple[int, int] | None:
    """The rows and columns of the rectangle a sheet's cells span (at most), for a sheet with
    its rows in order, each once, and no row past Excel's last; ``None`` for any other sheet."""
    prefixed = _found_by_rare_byte(sheet, b":", 0, _PREFIX_OF_ROW)
    rows = (_PREFIXED_ROW if prefixed else _ROW).findall(sheet)
    numbers = list(map(int, filter(None, rows)))
    in_order = all(map(operator.lt, numbers, itertools.islice(numbers, 1, None)))
    if numbers and (numbers[-1] > MAX_ROWS or not in_order):
        return None
    # A row without its number follows the one before: never past the count of rows.
    last = max(numbers[-1] if numbers else 0, len(rows))
    return _measured(sheet, last) if len(sheet) > _EXACT_SIZE_BYTES else _bounded(sheet, last)


def _bounded(sheet: bytes, last: int) -> tuple[int, int] | None:
    """A small sheet's rectangle, bounded cheaply: only references with more digits than the
    last row, or two or three letters, are looked at; the others count as reaching the
    largest number of the last row's digits, and column Z."""
    digits = len(str(last))
    # One pass finds both: the references are most of a sheet's markup.
    matched = set(_outlying_references(digits + 1).findall(sheet))
    if any(not number[:1].isdigit() for _, number in matched):
        return None  # four letters or more: past XFD
    found = {(letters, number[:-1]) for letters, number in matched}  # the quote left out
    deepest = max((int(number) for _, number in found if len(number) > digits), default=0)
    if deepest > MAX_ROWS:
        return None
    columns = max((_column_number(letters) for letters, _ in found), default=26)
    if columns > MAX_COLUMNS:
        return None
    return max(deepest, 10**digits - 1), max(columns, 26)


def _measured(sheet: bytes, last: int) -> tuple[int, int] | None:
    """A large sheet's rectangle, measured from every cell reference (a cell's own reference
    places it, not its row element), a slice at a time: the references of a whole sheet as
    Python objects would take more memory than the sheet."""
    deepest, columns = last, 1
    view = memoryview(sheet)
    # Slices overlap by more than the longest reference (r="XFD1048576"): none is cut in two.
    for start in range(0, len(sheet), _SLICE_BYTES):
        references = _references(
            set(_CELL_REFERENCE.findall(view[start : start + _SLICE_BYTES + 32]))
        )
        if references is None:
            return None
        deepest = max(deepest, max((int(number) for _, number in references), default=0))
        if deepest > MAX_ROWS:
            return None
        wide = (_column_number(letters) for letters, _ in references)
        columns = max(columns, max(wide, default=1))
        if columns > MAX_COLUMNS:
            return None
    return deepest, columns


#: Every cell reference, its letters (in either case, as calamine reads them) and its row
#: number with its closing quote; or, for a reference of four letters or more, its first
#: three and the fourth (see :func:`_references`).
_CELL_REFERENCE = re.compile(rb'r="(?:([A-Za-z][A-Za-z]?[A-Za-z]?)([0-9]+)"|[A-Za-z]{4,}[0-9]+")')


def _references(found: set[tuple[bytes, bytes]]) -> set[tuple[bytes, bytes]] | None:
    """The (letters, row number) of references matched by :data:`_CELL_REFERENCE`, as they
    are; ``None`` when one has four letters or more (past XFD: matched by the pattern's second
    branch, which captures nothing). Matching at most three letters keeps the search as fast
    as before (``[A-Za-z]+`` took a tenth longer); ``xmlns:r="http…`` is no reference (no
    digits follow its letters)."""
    return None if (b"", b"") in found else found


@functools.cache
def _outlying_references(digits: int) -> re.Pattern[bytes]:
    """Cell references beyond column Z (in either case) or whose row number has at least
    ``digits`` digits, their letters and row number with its closing quote; a reference of
    four letters or more gives letters where the row number should be (the alternative is
    tried only after three letters: as fast as the search for references alone). The literal
    start keeps the search fast; an attribute it matches by mistake only overestimates."""
    return re.compile(
        rb'r="([A-Za-z](?:[A-Za-z][A-Za-z]?|(?=[0-9]{%d,}")))([0-9]+"|[A-Za-z]+[0-9]+")' % digits
    )


def _column_number(letters: bytes) -> int:
    """The column of ``letters`` (``b"AB"`` → 28), lower case read as upper, as calamine does."""
    number = 0
    for letter in letters[:8]:  # eight letters are far past XFD already
        number = number * 26 + (letter & 0xDF) - 64
    return number


def _holds_formula(sheet: bytes) -> bool:
    """Whether a sheet's XML has a formula element. The full expression tries every ``<``;
    an unprefixed ``<f`` is looked for by its ``f``, a prefixed one only when the sheet has a
    ``:f`` at all (``<formula1>`` of a dropdown is neither)."""
    if _found_by_rare_byte(sheet, b"f", 1, _UNPREFIXED_FORMULA):
        return True
    prefixed = _found_by_rare_byte(sheet, b":", 0, _PREFIX_OF_FORMULA)
    return prefixed and _FORMULA.search(sheet) is not None


#: How many of a rare byte's occurrences are looked at one by one before the search falls
#: back to the whole pattern (a sheet full of that byte would cost a Python step each).
_MOST_RARE_HITS = 1000


def _found_by_rare_byte(sheet: bytes, rare: bytes, before: int, pattern: re.Pattern[bytes]) -> bool:
    """Whether ``pattern`` matches the sheet, found through the occurrences of ``rare``, a byte
    that stands ``before`` bytes into each match. A search for one byte runs at memory speed,
    while one for ``<f`` or ``:row`` stops at every tag or attribute; ``f`` and ``:`` are rare
    in a sheet's markup and never part of a UTF-8 Chinese character."""
    at = sheet.find(rare)
    for _ in range(_MOST_RARE_HITS):
        if at < 0:
            return False
        if pattern.match(sheet, max(at - before, 0)):
            return True
        at = sheet.find(rare, at + 1)
    return pattern.search(sheet, max(at - before, 0)) is not None


#: The end of a cell element (a formula's cell ends after its saved value).
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
#: A saved value with something in it (a formula's empty ``<v></v>`` counts as none).
_SAVED_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")


def _formula_without_value(sheet: bytes) -> bool:
    """Whether a formula of the sheet has no value saved after it in its cell. Excel and
    LibreOffice save each formula's value; a file from a program that does not calculate has
    none, and only the streaming reader names those cells.

    Each cell's end and each value found serve every formula before them: no byte is searched
    twice, however many formulas a (hostile) cell holds."""
    value = end = -1
    for formula in _FORMULA.finditer(sheet):
        start = formula.end()
        if start > end:
            found = _CELL_END.search(sheet, start)
            if found is None:
                return True
            end = found.start()
        if not start <= value < end:
            saved = _SAVED_VALUE.search(sheet, start, end)
            if saved is None:
                return True
            value = saved.start()
    return False


def _has_formula(package: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    tail = b""
    with package.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            if _FORMULA.search(tail + chunk):
                return True
            tail = chunk[-8:]
    return False


#: The most error cells a sheet read whole may have (they are held until the sheet is read).
_MOST_ERROR_CELLS = 10_000
_CELL_REFERENCE_ATTRIBUTE = re.compile(rb'\sr="([A-Z]{1,3})([0-9]+)"')
#: An error cell's value, up to the end of its cell (an escaped one is left to openpyxl).
_ERROR_VALUE = re.compile(rb"<(?:\w+:)?v>([^<&]*)</(?:\w+:)?v>")


def _error_cells(sheet: bytes) -> dict[int, dict[int, str]] | None:
    """Where each error value of the sheet stands and what it says (row → column index → value),
    read from the XML before calamine parses it (calamine reads an error as an empty cell);
    ``None`` when they cannot all be placed exactly this way (a cell without its reference or
    its value, too many of them): the streaming reader reads such a sheet."""
    if b't="e"' not in sheet:  # the literal first: most sheets have none
        return {}
    found: dict[int, dict[int, str]] = {}
    end = -1
    for count, tag in enumerate(_ERROR_CELL.finditer(sheet), start=1):
        reference = _CELL_REFERENCE_ATTRIBUTE.search(tag.group(1))
        if reference is None or count > _MOST_ERROR_CELLS or tag.start() < end:
            return None  # unplaced, too many, or a cell inside the last one's: not a plain sheet
        cell_end = _CELL_END.search(sheet, tag.end())
        if cell_end is None:
            return None
        end = cell_end.end()
        value = _ERROR_VALUE.search(sheet, tag.end(), end)
        if value is None:
            return None
        row, column = int(reference.group(2)), _column_number(reference.group(1)) - 1
        found.setdefault(row, {})[column] = value.group(1).decode("utf-8", "replace")
    return found


def _named(
    by_part: dict[str, dict[int, dict[int, str]]], names: dict[str, str]
) -> dict[str, dict[int, dict[int, str]]] | None:
    """The error cells by sheet name; ``None`` when a sheet's name is not known."""
    if any(part not in names for part in by_part):
        return None
    return {names[part]: cells for part, cells in by_part.items()}


def _sheet_names(package: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet part's sheet name (``xl/worksheets/sheet1.xml`` → ``权责清单``), from the
    workbook and its relationships, parsed through defusedxml as every part of a package is;
    empty when they cannot be read."""
    try:
        return _names_of_parts(package)
    # DefusedXmlException is a ValueError; LookupError: an encoding no codec has
    except (KeyError, ElementTree.ParseError, ValueError, LookupError):
        return {}


def _names_of_parts(package: zipfile.ZipFile) -> dict[str, str]:
    book = _workbook_part(package)
    if book is None:
        return {}
    folder, file = posixpath.split(book)
    rels = ElementTree.fromstring(package.read(f"{folder}/_rels/{file}.rels"))
    targets = {relation.get("Id"): _part(folder, relation.get("Target") or "") for relation in rels}
    names = {}
    for element in ElementTree.fromstring(package.read(book)).iter():
        if element.tag.rpartition("}")[2] != "sheet":
            continue
        relation = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
        name = element.get("name")
        if relation in targets and name is not None:
            names[targets[relation]] = name
    return names


def _workbook_part(package: zipfile.ZipFile) -> str | None:
    """The workbook's part, as the package's relationships name it (``xl/workbook.xml``)."""
    rels = ElementTree.fromstring(package.read("_rels/.rels"))
    for relation in rels:
        if (relation.get("Type") or "").endswith("/officeDocument"):
            return _part("", relation.get("Target") or "")
    return None


def _part(folder: str, target: str) -> str:
    """A relationship's target as a part name: absolute (``/xl/…``) or relative to ``folder``."""
    if target.startswith("/"):
        return posixpath.normpath(target[1:])
    return posixpath.normpath(posixpath.join(folder, target))
