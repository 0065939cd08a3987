"""What one-line fields hold, read from what a person typed: the parsers behind the
forms of the board and `fu-board edit`, each raising `ValueError` with what to write."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from fu_board.model import Channel, DateOutOfRange, Interview, InterviewKind, parse_date


def text(value: str) -> str:
    return value.strip()


def required(value: str) -> str:
    if not value.strip():
        raise ValueError("required")
    return value.strip()


def date(value: str) -> dt.date:
    try:
        return parse_date(value)
    except DateOutOfRange as problem:
        raise ValueError(str(problem)) from None
    except ValueError:
        raise ValueError("a date like 2026-11-25") from None


def optional_date(value: str) -> dt.date | None:
    return date(value) if value.strip() else None


def date_until(today: dt.date) -> Callable[[str], dt.date]:
    """A date that is not in the future: an application cannot be sent tomorrow."""

    def parse(value: str) -> dt.date:
        day = date(value)
        if day > today:
            raise ValueError(f"{day.isoformat()} is in the future (today is {today.isoformat()})")
        return day

    return parse


def channel(value: str) -> Channel | None:
    """email, phone, linkedin, in person or other; a first letter is enough; blank for none."""
    wanted = value.strip().lower().replace("-", " ").replace("_", " ")
    if not wanted:
        return None
    for option in Channel:
        if option.label.lower().startswith(wanted):
            return option
    raise ValueError("email, phone, linkedin, in person or other (a first letter is enough)")


def names(value: str) -> tuple[str, ...]:
    """Comma-separated names."""
    return tuple(name.strip() for name in value.split(",") if name.strip())


_TIME = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")


def clock_time(value: str) -> str:
    """A time of day, `14:00` (`9:30` is 09:30); blank for none."""
    if not value.strip():
        return ""
    match = _TIME.fullmatch(value.strip())
    if match is None:
        raise ValueError("a time like 09:30 or 14:00 (24-hour), or blank")
    return f"{int(match[1]):02d}:{match[2]}"


KIND_HINT = ", ".join(kind.label for kind in InterviewKind)


def interview_kind(value: str) -> InterviewKind | None:
    """phone screen, video, technical, onsite, final or other; a first letter is enough; blank for none."""
    wanted = " ".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    if not wanted:
        return None
    for kind in InterviewKind:
        if kind.label.startswith(wanted):
            return kind
    raise ValueError(f"{KIND_HINT} (a first letter is enough)")


def interviews(value: str) -> tuple[Interview, ...]:
    """`2026-12-08 14:00 onsite with Ana Lee, Bo Chen; 2026-11-11`: each interview's date, then
    its time and kind when known, and who was there."""
    found = []
    for part in value.split(";"):
        if not part.strip():
            continue
        head, _, people = part.strip().partition(" with ")
        day, *rest = head.split()
        try:
            on = parse_date(day)
        except DateOutOfRange:
            raise
        except ValueError:
            raise ValueError(f"{day.strip()!r} is not a date like 2026-11-25 (interviews are separated by ;)") from None
        time = ""
        if rest and _TIME.fullmatch(rest[0]):
            time = clock_time(rest.pop(0))
        try:
            kind = interview_kind(" ".join(rest))
        except ValueError:
            raise ValueError(f"after the date and time, the kind: {KIND_HINT}") from None
        found.append(Interview(date=on, time=time, kind=kind, interviewers=names(people)))
    return tuple(found)


def interviews_text(value: tuple[Interview, ...]) -> str:
    """The text `interviews` reads back."""
    parts = []
    for interview in value:
        words = [interview.date.isoformat(), interview.time, interview.kind.label if interview.kind else ""]
        text = " ".join(word for word in words if word)
        parts.append(text + (f" with {', '.join(interview.interviewers)}" if interview.interviewers else ""))
    return "; ".join(parts)


def keep_details(typed: tuple[Interview, ...], before: tuple[Interview, ...]) -> tuple[Interview, ...]:
    """The interviews as typed in one line, each keeping what that line does not show (its
    number, place and note): those of the interview it was (the one of the same day, else the
    one in its place). A line that was no interview before gets its number when the card is
    checked."""
    unused = list(before)
    kept = []
    for index, interview in enumerate(typed):
        same = next((old for old in unused if old.date == interview.date), None)
        if same is None and index < len(before) and before[index] in unused:
            same = before[index]
        if same is not None:
            unused.remove(same)
        kept.append(interview if same is None else interview.replace(id=same.id, where=same.where, note=same.note))
    return tuple(kept)
