"""A streaming .xlsx writer: exactly the SpreadsheetML banzhang's workbooks use, written directly.

Why not openpyxl or xlsxwriter: both build a cell object (or a dispatch) per cell and escape each
string through a general XML layer; a list of 5,000 items has 140,000 cells. Here a row is one
formatted string, escaped only where a value holds ``&``, ``<``, ``>`` or a carriage return, and
checked for characters XML cannot hold with one regular-expression search a row. Measured on the
benchmark list (benchmarks/run.py, ``excel_dump_xlsxwriter``): faster than xlsxwriter's
constant-memory mode writing the same cells — see docs/excel.md.

What it writes: inline strings (text is never a formula, and no shared-string table has to be
held in memory), numbers, booleans, dates and times; the cell styles of :class:`Style`; column
widths, hidden columns and rows, frozen panes; list dropdowns; header comments (notes); and the
print setup of every visible sheet: landscape A4, as many pages wide as keeps the type
readable, title rows and page numbers on each page, bordered cells in rows as high as their
wrapped text (LibreOffice and WPS do not fit rows themselves). Rows go to a temporary file per
sheet, so memory stays flat however many rows.
"""

from __future__ import annotations

import datetime
import enum
import shutil
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from typing import IO, Any

import attrs

from banzhang.formats._prolog import NOT_XML
from banzhang.formats.sheets import escape as excel_escape

__all__ = [
    "Book",
    "Column",
    "Sheet",
    "Style",
    "UnwritableText",
    "column_letter",
    "row_height",
    "wrapped_lines",
]

#: Rows kept as text before they are encoded and written to the sheet's temporary file.
_ROWS_PER_FLUSH = 256
#: Deflate level: 6 (zlib's default, as Excel, openpyxl and xlsxwriter use).
_COMPRESSION = 6


class UnwritableText(ValueError):
    """A value holds a character a worksheet cannot hold (a control character, U+FFFE, …)."""


class Style(enum.IntEnum):
    """The cell styles of every workbook banzhang writes (their index in ``cellXfs``)."""

    PLAIN = 0
    #: Number format "@": what a person types in stays text (codes keep their leading zeros).
    TEXT = 1
    #: Bold white on blue, bordered, centred and wrapped.
    HEADER = 2
    #: Wrapped, top-aligned: text of several lines prints as written.
    WRAP = 3
    TEXT_WRAP = 4
    #: A date, a date and time, a time of day, a duration: numbers Excel shows as such.
    DATE = 5
    DATETIME = 6
    TIME = 7
    DURATION = 8
    #: A sheet's title above its header: bold and large, on one line.
    TITLE = 9
    #: The cells of a print-ready sheet, each a twin of the above: thin grey borders, wrapped
    #: and top-aligned (LibreOffice and WPS print what a cell shows, nothing past its edge).
    CELL = 10
    TEXT_CELL = 11
    DATE_CELL = 12
    DATETIME_CELL = 13
    TIME_CELL = 14
    DURATION_CELL = 15


#: The style a value of several lines takes in a column of each style.
_WRAPPED = {
    Style.PLAIN: Style.WRAP,
    Style.TEXT: Style.TEXT_WRAP,
    Style.HEADER: Style.HEADER,
    Style.WRAP: Style.WRAP,
    Style.TEXT_WRAP: Style.TEXT_WRAP,
    Style.DATE: Style.WRAP,
    Style.DATETIME: Style.WRAP,
    Style.TIME: Style.WRAP,
    Style.DURATION: Style.WRAP,
    Style.TITLE: Style.TITLE,
    Style.CELL: Style.CELL,
    Style.TEXT_CELL: Style.TEXT_CELL,
    Style.DATE_CELL: Style.CELL,
    Style.DATETIME_CELL: Style.CELL,
    Style.TIME_CELL: Style.CELL,
    Style.DURATION_CELL: Style.CELL,
}
#: The twin a style has in a print-ready sheet (chosen once a column, not once a cell).
_PRINTED = {
    Style.PLAIN: Style.CELL,
    Style.TEXT: Style.TEXT_CELL,
    Style.HEADER: Style.HEADER,
    Style.WRAP: Style.CELL,
    Style.TEXT_WRAP: Style.TEXT_CELL,
    Style.DATE: Style.DATE_CELL,
    Style.DATETIME: Style.DATETIME_CELL,
    Style.TIME: Style.TIME_CELL,
    Style.DURATION: Style.DURATION_CELL,
    Style.TITLE: Style.TITLE,
    **{style: style for style in Style if style >= Style.CELL},
}


@attrs.frozen
class Column:
    """How one column looks.

    Attributes:
        width: in characters; ``None`` keeps Excel's default.
        style: the style of the values written in it; a ``TEXT`` column also keeps text format
            for the cells a person fills in later.
        hidden: hidden from view (still read back).
    """

    width: float | None = None
    style: Style = Style.PLAIN
    hidden: bool = False


def column_letter(position: int) -> str:
    """The letters of column ``position`` (1 → "A", 27 → "AA").

    >>> column_letter(1), column_letter(26), column_letter(28)
    ('A', 'Z', 'AB')
    """
    letters = ""
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


#: Excel's last column is XFD.
_MAX_COLUMNS = 16384
#: Column letters by position − 1: A … ZZ now, more when a row is wider (up to XFD).
_LETTERS = [column_letter(position) for position in range(1, 703)]


def _letters_for(count: int) -> None:
    """Make sure :data:`_LETTERS` names ``count`` columns."""
    if count > _MAX_COLUMNS:
        message = f"a row holds at most {_MAX_COLUMNS} cells"
        raise ValueError(message)
    _LETTERS.extend(column_letter(position) for position in range(len(_LETTERS) + 1, count + 1))


def _escape(text: str) -> str:
    """Escape text for an element's content: XML's escapes, a lone carriage return kept as
    ``&#13;``, and a literal ``_xHHHH_`` kept from reading as Excel's escape of a character."""
    if "_x" in text:
        text = excel_escape(text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _attribute(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


def _quoted_sheet(name: str) -> str:
    """A sheet's name as a formula or defined name refers to it: ``'权责清单'``."""
    return "'" + name.replace("'", "''") + "'"


class Sheet:
    """One worksheet, written row after row. Create with :meth:`Book.add_sheet`."""

    def __init__(
        self,
        name: str,
        *,
        columns: Sequence[Column],
        freeze: tuple[int, int] | None,
        title_rows: int | None,
        hidden: bool,
        fit_rows: bool = False,
        autofilter: bool = False,
    ) -> None:
        self.name = name
        printed = title_rows is not None
        self._fit_rows = fit_rows or printed
        self._autofilter = autofilter
        self.hidden = hidden
        self.rows = 0
        self._widest = len(columns)  # the most cells any row has: for <dimension>
        self._columns = list(columns)
        self._styles = [_PRINTED[c.style] if printed else c.style for c in columns]
        # The width a row's text wraps at in each column, in Excel's units (one spare for
        # the cell's padding); None where the column keeps Excel's default.
        self._wraps = [None if c.width is None else max(int(c.width) - 1, 1) for c in columns]
        self._freeze = freeze
        self._title_rows = title_rows
        self._pending: list[str] = []
        # On disk from the first row (the page cache keeps a small one in memory): memory stays
        # flat at any size.
        self._stream: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self._validations: list[str] = []
        self.comments: list[tuple[int, int, str]] = []

    @property
    def title_rows(self) -> int | None:
        """How many rows print at the top of every page (``None``: not print-ready)."""
        return self._title_rows

    def append(
        self,
        values: Sequence[Any],
        *,
        style: Style | None = None,
        hidden: bool = False,
        height: float | None = None,
    ) -> None:
        """Write the next row: ``None`` leaves a cell empty, text is always text.

        Args:
            values: the cells from column A.
            style: one style for every cell of the row (a header row); by default each cell
                takes its column's style, wrapped when it holds several lines.
            hidden: hide the row.
            height: the row's height in points (by default, in a print-ready sheet, what its
                wrapped text needs).

        Raises:
            UnwritableText: a value holds a character XML cannot hold; nothing of the row is
                written.
        """
        self.rows += 1
        number = self.rows
        count = len(values)
        if count > len(_LETTERS):
            _letters_for(count)
        self._widest = max(self._widest, count)
        if style is not None:
            styles: Sequence[Style] = [style] * count
        elif count > len(self._styles):
            more = Style.PLAIN if self._title_rows is None else Style.CELL
            styles = self._styles + [more] * (count - len(self._styles))
        else:
            styles = self._styles
        if height is None and self._fit_rows and style is not Style.TITLE:
            height = self._height(values)
        opening = f'<row r="{number}"' + (' hidden="1"' if hidden else "")
        if height is not None:
            # LibreOffice and WPS do not fit rows to wrapped text: the height is set here.
            opening += f' ht="{height}" customHeight="1"'
        if self._title_rows is None or style is Style.TITLE:
            cells = _filled(number, styles, values)
        else:  # an empty cell of a print-ready table is written too: its borders print
            cells = _bordered(number, styles, values)
        row = opening + ">" + "".join(cells) + "</row>"
        if NOT_XML.search(row):
            self.rows -= 1
            message = f"row {number} holds a character a worksheet cannot hold"
            raise UnwritableText(message)
        self._pending.append(row)
        if len(self._pending) >= _ROWS_PER_FLUSH:
            self._flush()

    def _height(self, values: Sequence[Any]) -> float | None:
        """The height a row of wrapped text needs: :data:`_LINE_POINTS` a line, each cell's
        lines counted at its column's width (a Chinese character takes two of Excel's width
        units). A value short enough for one line even if all wide is passed over at once:
        most cells of a list are (a hot path — the writer's benchmark)."""
        lines = 1
        for wrap, value in zip(self._wraps, values, strict=False):
            if type(value) is not str or wrap is None:
                continue
            if "\n" not in value and len(value) * 2 <= wrap:
                continue
            lines = max(lines, wrapped_lines(value, wrap))
        return None if lines == 1 else row_height(lines)

    def add_comment(self, row: int, column: int, text: str) -> None:
        """Attach a note (shown on hover) to the cell at ``row``, ``column`` (from 1)."""
        self.comments.append((row, column, text))

    def add_list_validation(
        self, cells: str, source: str, *, strict: bool, title: str = "", prompt: str = ""
    ) -> None:
        """Give ``cells`` (``"D3:D1002"``) a dropdown of the values in range ``source``.

        A strict dropdown refuses anything else, saying why; a lenient one only offers its
        values. ``title`` and ``prompt`` show when the cell is selected (Excel and WPS show
        at most 32 and 255 characters).
        """
        messages = ""
        if prompt:
            messages += (
                f' showInputMessage="1" promptTitle="{_attribute(title[:32])}"'
                f' prompt="{_attribute(prompt[:255])}"'
            )
        if strict and title:
            refusal = f"请从下拉列表中选择{title}；列表以外的值不能填写。"
            messages += f' errorTitle="{_attribute(title[:32])}" error="{_attribute(refusal)}"'
        self._validations.append(
            f'<dataValidation type="list" allowBlank="1" showErrorMessage="{int(strict)}"'
            f'{messages} sqref="{cells}"><formula1>{_escape(source)}</formula1></dataValidation>'
        )

    def _flush(self) -> None:
        if self._pending:
            self._stream.write("".join(self._pending).encode())
            self._pending.clear()

    # -- the package ------------------------------------------------------------------------

    def write_xml(self, out: IO[bytes], legacy_drawing: str | None) -> None:
        """Write the whole worksheet part to ``out``."""
        self._flush()
        out.write(self._head().encode())
        self._stream.seek(0)
        shutil.copyfileobj(self._stream, out, 1 << 20)
        out.write(self._tail(legacy_drawing).encode())

    @property
    def pages_wide(self) -> int:
        """How many landscape A4 pages the visible columns print across, at no less than
        :data:`_SMALLEST_SCALE` of their size: several pages wide rather than unreadable."""
        points = sum(
            _COLUMN_POINTS * column.width + _PADDING_POINTS
            for column in self._columns
            if column.width is not None and not column.hidden
        )
        return max(1, -int(-points // (_PAGE_POINTS / _SMALLEST_SCALE)))

    def close(self) -> None:
        """Drop the rows written so far (the workbook is saved or abandoned)."""
        self._stream.close()
        self._pending.clear()

    def _head(self) -> str:
        fit = '<pageSetUpPr fitToPage="1"/>' if self._title_rows is not None else ""
        parts = [f'{_DECLARATION}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">']
        if fit:
            parts.append(f"<sheetPr>{fit}</sheetPr>")
        # The size up front: a streaming reader need not read the whole sheet to learn it.
        corner = f"{_LETTERS[max(self._widest, 1) - 1]}{max(self.rows, 1)}"
        parts.append(
            f'<dimension ref="A1:{corner}"/>' if corner != "A1" else '<dimension ref="A1"/>'
        )
        parts.append(f"<sheetViews>{self._view()}</sheetViews>")
        parts.append('<sheetFormatPr defaultRowHeight="15"/>')
        cols = self._cols()
        if cols:
            parts.append(f"<cols>{cols}</cols>")
        parts.append("<sheetData>")
        return "".join(parts)

    def _view(self) -> str:
        if self._freeze is None:
            return '<sheetView workbookViewId="0"/>'
        rows, columns = self._freeze
        top_left = f"{_LETTERS[columns]}{rows + 1}"
        pane = {(True, True): "bottomRight", (True, False): "bottomLeft"}.get(
            (rows > 0, columns > 0), "topRight"
        )
        splits = (f' xSplit="{columns}"' if columns else "") + (f' ySplit="{rows}"' if rows else "")
        return (
            f'<sheetView workbookViewId="0"><pane{splits} topLeftCell="{top_left}"'
            f' activePane="{pane}" state="frozen"/><selection pane="{pane}"'
            f' activeCell="{top_left}" sqref="{top_left}"/></sheetView>'
        )

    def _cols(self) -> str:
        cols = []
        for position, column in enumerate(self._columns, start=1):
            attributes = f' min="{position}" max="{position}"'
            if column.width is not None:
                attributes += f' width="{column.width}" customWidth="1"'
            if column.style in (Style.TEXT, Style.TEXT_WRAP):
                attributes += f' style="{int(Style.TEXT)}"'
            if column.hidden:
                attributes += ' hidden="1"'
            cols.append(f"<col{attributes}/>")
        return "".join(cols)

    def _tail(self, legacy_drawing: str | None) -> str:
        parts = ["</sheetData>"]
        if self._autofilter and self.rows > 1:
            corner = f"{_LETTERS[max(self._widest, 1) - 1]}{self.rows}"
            parts.append(f'<autoFilter ref="A1:{corner}"/>')
        if self._validations:
            parts.append(f'<dataValidations count="{len(self._validations)}">')
            parts += self._validations
            parts.append("</dataValidations>")
        parts.append(_MARGINS)
        if self._title_rows is not None:
            parts.append(_PAGE_SETUP.format(pages=self.pages_wide))
            parts.append(_FOOTER)
        if legacy_drawing is not None:
            parts.append(f'<legacyDrawing r:id="{legacy_drawing}"/>')
        parts.append("</worksheet>")
        return "".join(parts)


def _display_width(text: str) -> int:
    """How many of Excel's width units ``text`` takes: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)


def _units(line: str) -> int:
    """About :func:`_display_width`, at C speed: a character of three or four UTF-8 bytes (CJK,
    full-width punctuation, emoji) counts two, an ASCII one one."""
    return (len(line.encode("utf-8", "surrogatepass")) + len(line)) // 2


def wrapped_lines(text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` units wide (one spare for
    the cell's padding taken off already): each of its lines, a Chinese character two units.

    >>> wrapped_lines("一二三四五六七八九十", 10), wrapped_lines("甲\\n乙", 10)
    (2, 2)
    """
    return sum(-(-_units(line) // width) or 1 for line in text.split("\n"))


def row_height(lines: int) -> float:
    """The height in points of a row of ``lines`` lines of 11-point text (at most Excel's 409)."""
    return min(_LINE_POINTS * lines, 409.0)


def _filled(number: int, styles: Sequence[Style], values: Sequence[Any]) -> list[str]:
    """A row's cells that hold something (an empty one is left out)."""
    return [
        _cell(f"{letter}{number}", cell_style, value)
        for letter, cell_style, value in zip(_LETTERS, styles, values, strict=False)
        if value is not None and value != ""
    ]


def _bordered(number: int, styles: Sequence[Style], values: Sequence[Any]) -> list[str]:
    """A print-ready row's cells: each column of the table written, an empty one bordered."""
    width = max(len(styles), len(values))
    padded = [*values, *[None] * (width - len(values))]
    return [
        _cell(f"{letter}{number}", cell_style, value)
        if value is not None and value != ""
        else f'<c r="{letter}{number}"{_STYLE_ATTRIBUTE[cell_style]}/>'
        for letter, cell_style, value in zip(_LETTERS, styles, padded, strict=False)
    ]


def _cell(reference: str, style: Style, value: Any) -> str:
    """One cell's XML: text inline (never a formula), wrapped when it runs over several lines."""
    kind = type(value)
    if kind is str:
        if "\n" in value:
            style = _WRAPPED[style]
        space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
        return (
            f'<c r="{reference}"{_STYLE_ATTRIBUTE[style]} t="inlineStr">'
            f"<is><t{space}>{_escape(value)}</t></is></c>"
        )
    if kind is bool:
        return f'<c r="{reference}"{_STYLE_ATTRIBUTE[style]} t="b"><v>{int(value)}</v></c>'
    if kind is int or kind is float:
        return f'<c r="{reference}"{_STYLE_ATTRIBUTE[style]}><v>{value!r}</v></c>'
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        serial, kind_style = _serial(value)
        style = _PRINTED[kind_style] if style >= Style.CELL else kind_style
        return f'<c r="{reference}"{_STYLE_ATTRIBUTE[style]}><v>{serial!r}</v></c>'
    message = f"a cell holds text, a number, a boolean or a date, not {kind.__name__}"
    raise TypeError(message)


#: Day 0 of Excel's 1900 date system (as Excel counts, 1900-03-01 onwards).
_EPOCH = datetime.datetime(1899, 12, 30)


def _serial(value: datetime.date | datetime.time | datetime.timedelta) -> tuple[float, Style]:
    """The number Excel keeps for a date or time (days since its epoch), and its style."""
    if isinstance(value, datetime.timedelta):
        return value.total_seconds() / 86400, Style.DURATION
    if isinstance(value, datetime.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return (seconds + value.microsecond / 1e6) / 86400, Style.TIME
    if isinstance(value, datetime.datetime):
        since = value.replace(tzinfo=None) - _EPOCH
        return since.days + since.seconds / 86400 + since.microseconds / 86400e6, Style.DATETIME
    return float((value - _EPOCH.date()).days), Style.DATE


_MARGINS = (
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
)
#: Landscape A4 (paper size 9), as many pages wide as :attr:`Sheet.pages_wide` and as many
#: down as the rows need, a page's columns printed before the next rows' (a row read across).
_PAGE_SETUP = (
    '<pageSetup paperSize="9" orientation="landscape" pageOrder="overThenDown"'
    ' fitToWidth="{pages}" fitToHeight="0"/>'
)
#: Page numbers at the foot of every printed page.
_FOOTER = "<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>"
#: A landscape A4 page's width inside the margins (297 mm less 0.5 inch each side), in points.
_PAGE_POINTS = 770.0
#: One of Excel's width units and a column's padding (5 pixels), in points. Excel and WPS
#: take a unit as a digit of Calibri 11 (7 pixels: 5.25 points); LibreOffice prints it wider,
#: 6.9 points (measured on its PDF): the wider is taken, so neither prints smaller.
_COLUMN_POINTS = 6.9
_PADDING_POINTS = 3.75
#: The smallest print scale: 11-point type at 75 % prints as 8 points, still read easily.
_SMALLEST_SCALE = 0.75
#: The height of a line of wrapped 11-point text, Chinese fonts' line gap included.
_LINE_POINTS = 15.0
_STYLE_ATTRIBUTE = {style: (f' s="{int(style)}"' if style else "") for style in Style}


class Book:
    """A workbook written sheet by sheet, saved as one .xlsx package."""

    def __init__(self) -> None:
        self.sheets: list[Sheet] = []

    def add_sheet(
        self,
        name: str,
        *,
        columns: Sequence[Column] = (),
        freeze: tuple[int, int] | None = None,
        title_rows: int | None = None,
        hidden: bool = False,
        fit_rows: bool = False,
        autofilter: bool = False,
    ) -> Sheet:
        """Add a sheet after the others.

        Args:
            name: the sheet's name (at most 31 characters, as Excel allows).
            columns: how columns A, B, … look.
            freeze: the rows and columns frozen at the top left.
            title_rows: make the sheet print-ready, these top rows printed on every page.
            hidden: hide the sheet's tab.
            fit_rows: give each row the height its wrapped text needs (a print-ready sheet's
                rows always have it).
            autofilter: put a filter on the header (row 1).
        """
        sheet = Sheet(
            name,
            columns=columns,
            freeze=freeze,
            title_rows=title_rows,
            hidden=hidden,
            fit_rows=fit_rows,
            autofilter=autofilter,
        )
        self.sheets.append(sheet)
        return sheet

    def save(self, handle: IO[bytes]) -> None:
        """Write the package to ``handle`` and drop the sheets' temporary rows."""
        try:
            with zipfile.ZipFile(
                handle, "w", zipfile.ZIP_DEFLATED, compresslevel=_COMPRESSION
            ) as package:
                self._write_package(package)
        finally:
            self.close()

    def close(self) -> None:
        """Drop every sheet's temporary rows (after saving, or when abandoning the book)."""
        for sheet in self.sheets:
            sheet.close()

    def _write_package(self, package: zipfile.ZipFile) -> None:
        commented = [number for number, sheet in enumerate(self.sheets, 1) if sheet.comments]
        package.writestr("[Content_Types].xml", _content_types(len(self.sheets), commented))
        package.writestr("_rels/.rels", _ROOT_RELATIONSHIPS)
        package.writestr("docProps/app.xml", _APP)
        package.writestr("docProps/core.xml", _CORE)
        package.writestr("xl/workbook.xml", self._workbook())
        package.writestr("xl/_rels/workbook.xml.rels", _workbook_relationships(len(self.sheets)))
        package.writestr("xl/styles.xml", _STYLES)
        for number, sheet in enumerate(self.sheets, start=1):
            drawing = None
            if sheet.comments:
                drawing = "rId2"
                package.writestr(
                    f"xl/worksheets/_rels/sheet{number}.xml.rels", _sheet_relationships(number)
                )
                package.writestr(f"xl/comments{number}.xml", _comments(sheet.comments))
                package.writestr(
                    f"xl/drawings/vmlDrawing{number}.vml", _notes(number, sheet.comments)
                )
            with package.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as out:
                sheet.write_xml(out, drawing)

    def _workbook(self) -> str:
        sheets, names = [], []
        for index, sheet in enumerate(self.sheets):
            state = ' state="hidden"' if sheet.hidden else ""
            sheets.append(
                f'<sheet name="{_attribute(sheet.name)}" sheetId="{index + 1}"{state}'
                f' r:id="rId{index + 1}"/>'
            )
            if sheet.title_rows:
                rows = f"{_quoted_sheet(sheet.name)}!$1:${sheet.title_rows}"
                names.append(
                    f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
                    f"{_escape(rows)}</definedName>"
                )
        active = next((index for index, sheet in enumerate(self.sheets) if not sheet.hidden), 0)
        defined = f"<definedNames>{''.join(names)}</definedNames>" if names else ""
        return (
            f'{_DECLARATION}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
            f'<bookViews><workbookView activeTab="{active}"/></bookViews>'
            f"<sheets>{''.join(sheets)}</sheets>{defined}</workbook>"
        )


def _comments(notes: Iterable[tuple[int, int, str]]) -> str:
    entries = "".join(
        f'<comment ref="{_LETTERS[column - 1]}{row}" authorId="0"><text><t xml:space="preserve">'
        f"{_escape(text)}</t></text></comment>"
        for row, column, text in notes
    )
    return (
        f'{_DECLARATION}<comments xmlns="{_MAIN}"><authors><author>banzhang</author></authors>'
        f"<commentList>{entries}</commentList></comments>"
    )


def _notes(sheet_number: int, notes: Sequence[tuple[int, int, str]]) -> str:
    """The VML shapes Excel draws a sheet's notes with (hidden until the cell is hovered)."""
    shapes = "".join(
        f'<v:shape id="_x0000_s{sheet_number * 1024 + index + 1}" type="#_x0000_t202"'
        ' style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;'
        'height:120pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">'
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>'
        '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto">'
        '<div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note">'
        "<x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill>"
        f"<x:Row>{row - 1}</x:Row><x:Column>{column - 1}</x:Column></x:ClientData></v:shape>"
        for index, (row, column, _text) in enumerate(notes)
    )
    return (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml"'
        ' xmlns:o="urn:schemas-microsoft-com:office:office"'
        ' xmlns:x="urn:schemas-microsoft-com:office:excel">'
        f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{sheet_number}"/></o:shapelayout>'
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"'
        ' path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
        '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        f"{shapes}</xml>"
    )


_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "application/vnd.openxmlformats-officedocument"


def _content_types(sheets: int, commented: Sequence[int]) -> str:
    parts = {
        "/xl/workbook.xml": f"{_OFFICE}.spreadsheetml.sheet.main+xml",
        "/xl/styles.xml": f"{_OFFICE}.spreadsheetml.styles+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": f"{_OFFICE}.extended-properties+xml",
    }
    overrides = [
        f'<Override PartName="{name}" ContentType="{content}"/>' for name, content in parts.items()
    ]
    overrides += [
        f'<Override PartName="/xl/worksheets/sheet{number}.xml"'
        f' ContentType="{_OFFICE}.spreadsheetml.worksheet+xml"/>'
        for number in range(1, sheets + 1)
    ]
    overrides += [
        f'<Override PartName="/xl/comments{number}.xml"'
        f' ContentType="{_OFFICE}.spreadsheetml.comments+xml"/>'
        for number in commented
    ]
    return (
        f'{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels"'
        ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Default Extension="vml" ContentType="{_OFFICE}.vmlDrawing"/>'
        f"{''.join(overrides)}</Types>"
    )


def _workbook_relationships(sheets: int) -> str:
    entries = [
        f'<Relationship Id="rId{number}" Type="{_RELATIONSHIPS}/worksheet"'
        f' Target="worksheets/sheet{number}.xml"/>'
        for number in range(1, sheets + 1)
    ]
    entries.append(
        f'<Relationship Id="rId{sheets + 1}" Type="{_RELATIONSHIPS}/styles" Target="styles.xml"/>'
    )
    return (
        f'{_DECLARATION}<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
        f"{''.join(entries)}</Relationships>"
    )


def _sheet_relationships(number: int) -> str:
    return (
        f'{_DECLARATION}<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
        f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/comments"'
        f' Target="../comments{number}.xml"/>'
        f'<Relationship Id="rId2" Type="{_RELATIONSHIPS}/vmlDrawing"'
        f' Target="../drawings/vmlDrawing{number}.vml"/></Relationships>'
    )


_ROOT_RELATIONSHIPS = (
    f'{_DECLARATION}<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{_PACKAGE_RELATIONSHIPS}/metadata/core-properties"'
    ' Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_RELATIONSHIPS}/extended-properties"'
    ' Target="docProps/app.xml"/>'
    "</Relationships>"
)
_APP = (
    f'{_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>banzhang</Application></Properties>'
)
_CORE = (
    f'{_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
    'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<dc:creator>banzhang</dc:creator></cp:coreProperties>"
)
_BORDER_SIDE = '<color rgb="FF8EA9DB"/>'
#: The borders of a print-ready sheet's cells: thin and grey, printed on every page.
_CELL_SIDE = '<color rgb="FF808080"/>'
#: The styles of :class:`Style`, in order. Header: bold white on blue (#305496), thin
#: light-blue borders, centred and wrapped.
_STYLES = (
    f'{_DECLARATION}<styleSheet xmlns="{_MAIN}">'
    '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="16"/><name val="Calibri"/><family val="2"/></font>'
    "</fonts>"
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FF305496"/><bgColor indexed="64"/>'
    "</patternFill></fill></fills>"
    '<borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border>'
    f'<border><left style="thin">{_BORDER_SIDE}</left><right style="thin">{_BORDER_SIDE}</right>'
    f'<top style="thin">{_BORDER_SIDE}</top><bottom style="thin">{_BORDER_SIDE}</bottom>'
    "<diagonal/></border>"
    f'<border><left style="thin">{_CELL_SIDE}</left><right style="thin">{_CELL_SIDE}</right>'
    f'<top style="thin">{_CELL_SIDE}</top><bottom style="thin">{_CELL_SIDE}</bottom>'
    "<diagonal/></border></borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="16">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1"'
    ' applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"'
    ' wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"'
    ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"'
    ' applyAlignment="1"><alignment vertical="center"/></xf>'
    + "".join(
        f'<xf numFmtId="{number}" fontId="0" fillId="0" borderId="2" xfId="0"'
        ' applyNumberFormat="1" applyBorder="1" applyAlignment="1">'
        '<alignment vertical="top" wrapText="1"/></xf>'
        for number in (0, 49, 14, 22, 21, 46)  # CELL, TEXT_CELL, DATE_CELL … DURATION_CELL
    )
    + "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
