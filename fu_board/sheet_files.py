"""A spreadsheet's rows, from whichever file a spreadsheet program saved.

- **CSV and text files**, in any encoding a spreadsheet writes: UTF-8 with or without
  its byte order mark, UTF-16 (Excel's "Unicode text", tab-separated), and, for a file
  that is not UTF-8, Windows' Western encoding (cp1252), which the summary says. The
  separator is whichever of `,` `;` tab `|` cuts the first lines into the same number
  of columns as the header, the most columns winning (Excel writes `;` where a comma
  is the decimal mark).
- **Workbooks**: Excel's (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`) and LibreOffice's (`.ods`),
  read with calamine: the first sheet, or the one named. A date cell is a date
  (`dt.date`), a number a number; the rest is text.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass

Cell = str | dt.date | int | float
"""A cell as read: text, or, from a workbook, a date or a number."""

SEPARATORS = (",", ";", "\t", "|")
"""The separators a CSV may use, in the order a tie is broken."""
SNIFF_LINES = 50
"""How many lines decide the separator."""
CELL_LIMIT = 128 * 1024
"""The longest cell read, in characters: far above any note a person writes."""


class SheetUnreadable(ValueError):
    """The file cannot be read as a spreadsheet at all."""


@dataclass(frozen=True)
class Sheet:
    """A spreadsheet's rows, each a list of cells, the header first."""

    rows: list[list[Cell]]
    read_as: str
    """How the file was read, as the summary says it (`CSV, UTF-8, separated by ';'`)."""
    line_numbers: list[int]
    """The line of the file each row starts on (a cell may hold several lines)."""


def read_sheet(name: str, data: bytes, sheet: str | None = None) -> Sheet:
    """The rows of the spreadsheet `data`, the bytes of the file called `name`; `sheet`
    names a workbook's sheet (default: the first). `SheetUnreadable` says why not."""
    if data.startswith(WORKBOOK_MAGIC) or name.lower().endswith(WORKBOOK_SUFFIXES):
        return _workbook(data, sheet)
    if sheet is not None:
        raise SheetUnreadable("--sheet is for a workbook (.xlsx, .xls, .ods); this file is a CSV")
    text, encoding = decoded(data)
    separator = _separator(text)
    rows, lines = _csv_rows(text, separator)
    shown = {"\t": "tabs", ",": "commas", ";": "semicolons", "|": "'|'"}[separator]
    return Sheet(rows, f"CSV, {encoding}, separated by {shown}", lines)


def decoded(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read in, as the summary names it."""
    for bom, encoding, called in (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), called
            except UnicodeDecodeError:
                raise SheetUnreadable(f"starts as {called} text but is not {called} further on") from None
    if len(data) >= 4 and data[1:4:2] == b"\0\0" and data[0:4:2].count(0) == 0:  # UTF-16 without its mark
        try:
            return data.decode("utf-16-le"), "UTF-16"
        except UnicodeDecodeError:
            pass
    if b"\0" in data:
        raise SheetUnreadable("is not a spreadsheet: it holds binary data (save it as CSV or .xlsx)")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252 (not UTF-8)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1 (not UTF-8)"


def _separator(text: str) -> str:
    """The separator that cuts most of the first lines into the same number of columns
    (a title line above the headers aside), the most columns winning a tie."""
    head = "\n".join(text.splitlines()[:SNIFF_LINES])
    best, best_score = ",", (0, 0)
    for separator in SEPARATORS:
        try:
            widths = [
                len(_trimmed(row))
                for row in csv.reader(io.StringIO(head), delimiter=separator)
                if any(cell.strip() for cell in row)
            ]
        except csv.Error:
            continue
        counted = Counter(width for width in widths if width >= 2)
        if not counted:
            continue
        width, rows = max(counted.items(), key=lambda item: (item[1], item[0]))
        score = (rows, width)
        if score > best_score:
            best, best_score = separator, score
    return best


def _trimmed(row: list[str]) -> list[str]:
    """A row without the empty cells a spreadsheet leaves at its end."""
    end = len(row)
    while end and not row[end - 1].strip():
        end -= 1
    return row[:end]


def _csv_rows(text: str, separator: str) -> tuple[list[list[Cell]], list[int]]:
    limit = csv.field_size_limit()
    csv.field_size_limit(CELL_LIMIT)
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    rows: list[list[Cell]] = []
    lines: list[int] = []
    try:
        start = 1
        for row in reader:
            rows.append(list(row))
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as error:
        problem = str(error)
        if "field larger than field limit" in problem:
            problem = f"a cell holds more than {CELL_LIMIT:,} characters, more than fu-board reads in one"
        raise SheetUnreadable(f"line {reader.line_num}: {problem}") from None
    finally:
        csv.field_size_limit(limit)
    return rows, lines


WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
"""How a workbook's bytes start: a zip (.xlsx, .xlsm, .ods) or an OLE file (.xls)."""
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")


def _workbook(data: bytes, sheet: str | None) -> Sheet:
    """A workbook's sheet, read by calamine (Rust, 10 times as fast as openpyxl on 10,000
    rows): Excel's .xlsx, .xlsm, .xlsb and .xls, and LibreOffice's .ods."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError  # only for a workbook

    def unreadable(error: Exception) -> SheetUnreadable:
        if isinstance(error, PasswordError):
            return SheetUnreadable("is protected by a password; save a copy without one and import that")
        return SheetUnreadable(f"is not a workbook that can be read ({type(error).__name__})")

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (CalamineError, ValueError, OSError) as error:
        raise unreadable(error) from None
    with book:
        names = book.sheet_names
        if sheet is None:
            chosen = names[0] if names else None
        else:
            chosen = sheet if sheet in names else next((n for n in names if n.casefold() == sheet.casefold()), None)
        if chosen is None:
            listed = ", ".join(repr(name) for name in names) or "none"
            raise SheetUnreadable(f"has no sheet named {sheet!r} (its sheets: {listed})")
        try:
            found = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
        except (CalamineError, ValueError, OSError) as error:
            raise unreadable(error) from None
    rows: list[list[Cell]] = [[_cell(value) for value in row] for row in found]
    where = f"sheet {chosen!r}" if sheet is not None or len(names) > 1 else "its one sheet"
    return Sheet(rows, f"a workbook, {where}", list(range(1, len(rows) + 1)))


def _cell(value: object) -> Cell:
    """A workbook's cell as text, a date or a number (a whole number without its `.0`)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date | str):
        return value
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, int):
        return value
    return str(value)
