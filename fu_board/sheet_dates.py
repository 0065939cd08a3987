"""Dates as spreadsheets write them: what `fu-board import` reads in a date column.

A date is read whole or not at all, never guessed from part of a cell:
- ISO (`2026-11-05`), `2026/11/05` and `05.11.2026` (or `05.11.26`);
- slashed or dashed with the year last (`05/11/2026`, `5/11/26`, `05-11-2026`): day or
  month first, as the file writes them all (`slash_order`);
- with the month's English name: `Nov 5, 2026`, `November 5 2026`, `5 Nov 2026`,
  `5-Nov-2026`, `5-Nov-26` (Excel's own), after a weekday or not (`Thu, Nov 5, 2026`);
- any of them with a time after it (`2026-11-05 14:30`, `2026-11-05T14:30:00Z`,
  `11/5/2026 2:30 PM`), which is left out: an application has a day;
- an Excel serial number (`46331`, `46331.6`), as a CSV saved from Excel writes a date
  cell whose format was lost.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import Enum


class SlashOrder(Enum):
    """Which number comes first in a slashed date (`05/11/2026`)."""

    DAY_FIRST = "day first"
    MONTH_FIRST = "month first"


class AmbiguousDates(ValueError):
    """The file's slashed dates read both ways, and nothing in it says which is meant."""


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
"""English month names and their short forms, as spreadsheets write them."""

_TIME = r"(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?"
"""A time after the date, left out."""
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_MONTH = r"(?P<month>[a-z]{3,9})\.?"

_ISO = re.compile(rf"(?P<year>\d{{4}})[-/](?P<month>\d{{1,2}})[-/](?P<day>\d{{1,2}}){_TIME}")
_DOTTED = re.compile(rf"(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>\d{{4}}|\d{{2}}){_TIME}")
_SLASHED = re.compile(
    rf"(?P<first>\d{{1,2}})(?P<mark>[/-])(?P<second>\d{{1,2}})(?P=mark)(?P<year>\d{{4}}|\d{{2}}){_TIME}"
)
"""`05/11/2026`, `5/11/26` (Excel's short form) or `05-11-2026`: day or month first."""
_MONTH_DAY_YEAR = re.compile(rf"{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}")
_DAY_MONTH_YEAR = re.compile(
    rf"{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|-){_MONTH}(?:,?\s+|-)(?P<year>\d{{4}}|\d{{2}}){_TIME}"
)
_SERIAL = re.compile(r"(?P<days>\d{4,6})(?:\.\d+)?")

EXCEL_EPOCH = dt.date(1899, 12, 30)
"""Day 0 of Excel's serial numbers (as counted after its 29 February 1900, which never was)."""
SERIALS = range(25569, 73051)
"""Serial numbers read as dates: 1970-01-01 to 2099-12-31. Any other number is not a date."""


def slash_order(texts: Iterable[str], today: dt.date, given: SlashOrder | None = None) -> SlashOrder | None:
    """How the file writes slashed dates: `given` (`--day-first`, `--month-first`) when
    the person said; otherwise day first when a first number is over 12, month first when
    a second is, and when no number says, the one order under which no date is still to
    come. None when the file has no slashed date. `AmbiguousDates` when it stays unknown."""
    found = [
        (int(match["first"]), int(match["second"]), _full_year(match["year"]), match[0])
        for text in texts
        if (match := _SLASHED.fullmatch(text.strip()))
    ]
    if given is not None or not found:
        return given
    day_first = [text for first, _, _, text in found if first > 12]
    month_first = [text for _, second, _, text in found if second > 12]
    if day_first and month_first:
        raise AmbiguousDates(
            f"the file writes some dates day first ({day_first[0]}) and others month first ({month_first[0]})"
        )
    if day_first or month_first:
        return SlashOrder.DAY_FIRST if day_first else SlashOrder.MONTH_FIRST
    fits = [
        order
        for order in SlashOrder
        if all(_fits(first, second, year, order, today) for first, second, year, _ in found)
    ]
    if len(fits) == 1:
        return fits[0]
    raise AmbiguousDates(
        f"dates such as {found[0][3]} read day first or month first, and nothing in the file says which"
    )


def _fits(first: int, second: int, year: int, order: SlashOrder, today: dt.date) -> bool:
    """Whether the date reads as a day of the calendar, not yet to come, in this order."""
    day = _slashed_day(first, second, year, order)
    return day is not None and day <= today


def _full_year(written: str) -> int:
    """A year as written: `26` is 2026 (a job search is of this century)."""
    year = int(written)
    return year + 2000 if len(written) <= 2 else year


def _slashed_day(first: int, second: int, year: int, order: SlashOrder) -> dt.date | None:
    day, month = (first, second) if order is SlashOrder.DAY_FIRST else (second, first)
    return _day(year, month, day)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_date(text: str, order: SlashOrder | None) -> dt.date:
    """The day `text` says (see the module's docstring); ValueError saying why not.
    `order` is the file's `slash_order`."""
    text = " ".join(text.split())
    lowered = text.lower()
    if (match := _ISO.fullmatch(text)) or (match := _DOTTED.fullmatch(text)):
        day = _day(_full_year(match["year"]), int(match["month"]), int(match["day"]))
    elif match := _SLASHED.fullmatch(text):
        if order is None:  # `slash_order` settles it before any date is read
            raise ValueError(f"{text!r} could be day first or month first")
        day = _slashed_day(int(match["first"]), int(match["second"]), _full_year(match["year"]), order)
        if day is None:
            raise ValueError(f"{text!r} is not a date read {order.value}")
    elif (match := _MONTH_DAY_YEAR.fullmatch(lowered)) or (match := _DAY_MONTH_YEAR.fullmatch(lowered)):
        month = MONTHS.get(match["month"])
        if month is None:
            raise ValueError(f"{text!r} names no month")
        day = _day(_full_year(match["year"]), month, int(match["day"]))
    elif match := _SERIAL.fullmatch(text):
        day = serial_day(float(text))
        if day is None:
            raise ValueError(f"{text!r} is a number, not a date")
    else:
        raise ValueError(f"{text!r} is not a date like 2026-11-25 or Nov 25, 2026")
    if day is None:
        raise ValueError(f"{text!r} is not a day of the calendar")
    return day


def serial_day(serial: float) -> dt.date | None:
    """The day of an Excel serial number, if it is one of `SERIALS`."""
    whole = int(serial)
    return EXCEL_EPOCH + dt.timedelta(days=whole) if whole in SERIALS else None
