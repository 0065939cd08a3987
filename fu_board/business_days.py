"""Which days a follow-up can fall due on: no weekend, and no public holiday where you live.

The holidays are the maintained `holidays` library's, imported only for a board
whose settings name a country (about 50 ms, and nothing for everyone else).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from functools import cache

SATURDAY = 5

ONE_DAY = dt.timedelta(days=1)


@cache
def known_regions(country: str) -> frozenset[str] | None:
    """The regions of `country` that have their own holidays, or None when the holidays
    library does not know the country."""
    import holidays

    regions = holidays.list_supported_countries().get(country)
    return None if regions is None else frozenset(regions)


@cache
def public_holidays(code: str) -> Container[dt.date]:
    """The public holidays of a country (`US`) or of one of its regions (`DE-BY`), any year."""
    import holidays

    country, _, region = code.partition("-")
    return holidays.country_holidays(country, subdiv=region or None)


NO_HOLIDAYS: Container[dt.date] = frozenset()


def holidays_of(country: str | None) -> Container[dt.date]:
    return NO_HOLIDAYS if not country else public_holidays(country)


def is_business_day(day: dt.date, country: str | None) -> bool:
    """A weekday that is not a public holiday of `country`."""
    return day.weekday() < SATURDAY and day not in holidays_of(country)


def next_business_day(day: dt.date, *, country: str | None = None, skip_weekends: bool = True) -> dt.date:
    """`day` itself when a follow-up can fall on it, else the first day after that can:
    a Saturday moves to the Monday (unless `skip_weekends` is off), and so does a holiday.
    A date near the end of the calendar stays where it is rather than overflow."""
    closed = holidays_of(country)
    while (skip_weekends and day.weekday() >= SATURDAY) or day in closed:
        if day >= dt.date.max - dt.timedelta(days=7):
            return day
        day += ONE_DAY
    return day


def add_business_days(day: dt.date, count: int, *, country: str | None = None) -> dt.date:
    """`count` working days after `day`, skipping weekends and the holidays of `country`."""
    closed = holidays_of(country)
    while count > 0:
        if day >= dt.date.max - dt.timedelta(days=7):
            return day
        day += ONE_DAY
        if day.weekday() < SATURDAY and day not in closed:
            count -= 1
    return day
