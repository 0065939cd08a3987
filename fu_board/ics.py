"""The board as an iCalendar file (RFC 5545): the interviews as timed events, each
follow-up and thank-you due as an all-day event with a morning alarm.

Every event's UID names the thing it stands for, never its date: an interview by its
number on the card, a follow-up by its step of the cadence (after which interview, or
after applying). A snooze, a day passing (an overdue follow-up sits on today) or an
interview moved to another day changes the event's date and keeps its UID, so a calendar
that imports the file again updates the event instead of keeping a second copy.

With `calendar_file` in the settings, every save rewrites that file (`sync`), atomically,
for a calendar program that subscribes to a local file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fu_board import __version__, plain
from fu_board.card_memo import CardMemo
from fu_board.drafts import contact_named
from fu_board.model import Board, Card, Interview
from fu_board.rules import REASON_WORDS, FollowUp, Reason, agenda

if TYPE_CHECKING:
    from icalendar import Alarm, Event

INTERVIEW_LENGTH = dt.timedelta(hours=1)
"""How long an interview's event lasts: its real length is not known."""
INTERVIEW_ALARM = dt.timedelta(hours=-1)
"""An interview's alarm: an hour before it starts."""
MORNING_ALARM = dt.timedelta(hours=9)
"""A follow-up's alarm: 09:00 on its day (an all-day event starts at midnight)."""

SUMMARY_WORDS = {
    Reason.THANK_YOU: "Thank-you",
    Reason.CLOSE_THE_LOOP: "Close the loop",
    Reason.ASK_SILENCE_NO: "Decide on the silence",
}
"""What a day's event says first; a follow-up otherwise."""


def uid(card: Card, item: FollowUp) -> str:
    """The event's identity: `k7m2-interview-2@fu-board`, `k7m2-interview-2-thank-you@fu-board`,
    `k7m2-interview-2-follow-up-1@fu-board`, `k7m2-applied-follow-up-2@fu-board`,
    `k7m2-interview-2-close-the-loop@fu-board`, `k7m2-applied-silence@fu-board`."""
    after = f"interview-{item.interview.id}" if item.interview is not None else "applied"
    if item.reason is Reason.INTERVIEW_TODAY:
        what = ""
    elif item.reason is Reason.THANK_YOU:
        what = "-thank-you"
    elif item.reason is Reason.CLOSE_THE_LOOP:
        what = "-close-the-loop"
    elif item.reason is Reason.ASK_SILENCE_NO:
        what = "-silence"
    else:
        what = f"-follow-up-{item.step}"
    return f"{card.id}-{after}{what}@fu-board"


def interview_uid(card: Card, interview: Interview) -> str:
    return f"{card.id}-interview-{interview.id}@fu-board"


def _alarm(trigger: dt.timedelta, words: str) -> Alarm:
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", words)
    alarm.add("trigger", trigger)
    return alarm


def _interview_event(card: Card, interview: Interview, stamp: dt.datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", interview_uid(card, interview))
    event.add("dtstamp", stamp)
    if interview.time:
        hour, minute = (int(part) for part in interview.time.split(":"))
        start = dt.datetime.combine(interview.date, dt.time(hour, minute))  # local, wherever the person is
        event.add("dtstart", start)
        event.add("dtend", start + INTERVIEW_LENGTH)
        event.add_component(_alarm(INTERVIEW_ALARM, f"In an hour: {interview.what} at {card.company}"))
    else:
        event.add("dtstart", interview.date)
        event.add("dtend", interview.date + dt.timedelta(days=1))
        event.add_component(_alarm(MORNING_ALARM, f"Today: {interview.what} at {card.company}"))
    event.add("summary", f"Interview ({interview.what}): {card.title}")
    if interview.where:
        event.add("location", interview.where)
    description = []
    if interview.interviewers:
        description.append("With " + ", ".join(interview.interviewers) + ".")
    if interview.note:
        description.append(interview.note)
    if card.link:
        description.append(card.link)
    if description:
        event.add("description", "\n".join(description))
    return event


def _day_event(card: Card, item: FollowUp, day: dt.date, owed: list[str], stamp: dt.datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", uid(card, item))
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    words = SUMMARY_WORDS.get(item.reason, "Follow up")
    event.add("summary", f"{words}: {card.title}")
    description = [REASON_WORDS[item.reason].capitalize() + "."]
    if item.due < day:
        description.append(f"Due since {item.due.isoformat()}.")
    for name in owed:
        contact = contact_named(card, name)
        who = (
            ", ".join(part for part in (name, *(contact.title, contact.email, contact.phone)) if part)
            if contact
            else name
        )
        description.append(f"To {who}.")
    if item.reason is not Reason.ASK_SILENCE_NO:
        description.append(f"fu-board draft {card.id} writes the message.")
    if card.link:
        description.append(card.link)
    event.add("description", "\n".join(description))
    event.add_component(_alarm(MORNING_ALARM, f"{words}: {card.company}"))
    return event


def card_events(card: Card, board: Board, today: dt.date, stamp: dt.datetime) -> list[Event]:
    """One card's events: each of its interviews (booked or held, while the card is open),
    the thank-yous owed for an interview (one event, on its day), and the next step of its
    cadence; what a snooze set aside, on the snooze's day. Nothing once it is resolved."""
    if card.is_resolved:
        return []
    settings = board.settings
    events = [_interview_event(card, interview, stamp) for interview in card.interviews]
    snoozed = next((item.due for item in agenda(card, settings, today) if item.reason is Reason.SNOOZED), None)
    thanks: dict[int, tuple[FollowUp, list[str]]] = {}
    steps: list[FollowUp] = []
    for item in agenda(card, settings, today, snooze=False):
        if item.reason is Reason.THANK_YOU and item.interview is not None:
            owed = thanks.setdefault(item.interview.id, (item, []))[1]
            if item.to:
                owed.append(item.to)
        elif item.is_action:
            steps.append(item)
    for item, owed in [*thanks.values(), *((step, [step.to] if step.to else []) for step in steps)]:
        day = max(snoozed or item.due, today)
        events.append(_day_event(card, item, day, owed, stamp))
    return events


Events = CardMemo[tuple[str, str]]
"""Each card's events as iCalendar text, and the key of its content they are kept under (see
`to_ics`), kept by a writer from one save to the next: the library takes about a millisecond
an event, and a save after one change writes one card's events anew, not the whole calendar's."""


def _events_of(card: Card, board: Board, today: dt.date, kept: dict[str, str]) -> tuple[str, str]:
    """The card's events, and the key of its content they were kept under; an earlier
    process's (`kept`, by each card's content) when it wrote them, so a change from the
    command line renders one card too."""
    key = _content_key(plain.encode(card))
    text = kept.get(key)
    if text is None:
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
        text = "".join(event.to_ical().decode("utf-8") for event in card_events(card, board, today, stamp))
    return text, key


def _content_key(data: object) -> str:
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


KEPT_FORMAT = 1


def _kept_path(calendar: Path) -> Path:
    from fu_board.cache import cache_folder

    name = hashlib.sha256(os.path.realpath(calendar).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return cache_folder() / f"calendar-{name}.json"


def _kept_for(board: Board, today: dt.date) -> dict[str, object]:
    return {
        "format": KEPT_FORMAT,
        "version": __version__,
        "today": today.isoformat(),
        "settings": _content_key(plain.encode(board.settings)),
    }


def _read_kept(calendar: Path, board: Board, today: dt.date) -> dict[str, str]:
    """The events an earlier run wrote for this calendar, this day and these settings, by
    each card's content; nothing when there are none (or they are for anything else)."""
    try:
        data = json.loads(_kept_path(calendar).read_bytes())
        if not isinstance(data, dict) or data.get("for") != _kept_for(board, today):
            return {}
        events = data["events"]
        return {k: v for k, v in events.items() if isinstance(k, str) and isinstance(v, str)}
    except (OSError, ValueError, KeyError, AttributeError):
        return {}


def to_ics(board: Board, today: dt.date, *, calendar: Path | None = None, events: Events | None = None) -> str:
    """The board's calendar (see the module's docstring). With `calendar`, the file it is
    written to, its events are kept in the cache folder for the next process; `events`,
    what an earlier save of this writer rendered."""
    from icalendar import Calendar

    head_calendar = Calendar()
    head_calendar.add("prodid", f"-//fu-board//fu-board {__version__}//EN")
    head_calendar.add("version", "2.0")
    head_calendar.add("x-wr-calname", "fu-board")
    head, end = head_calendar.to_ical().decode("utf-8").split("END:VCALENDAR")
    kept = _read_kept(calendar, board, today) if calendar is not None else {}
    memo = events if events is not None else CardMemo()
    texts: list[str] = []
    now_kept: dict[str, str] = {}
    for card in board.cards:
        if not card.is_resolved:
            text, key = memo.get(card, (board.settings, today), lambda card: _events_of(card, board, today, kept))
            texts.append(text)
            now_kept[key] = text
    memo.keep_only(board.cards)
    if calendar is not None and now_kept.keys() != kept.keys():
        from fu_board.store import write_quickly

        data = json.dumps({"for": _kept_for(board, today), "events": now_kept}, ensure_ascii=False)
        with contextlib.suppress(OSError):
            write_quickly(_kept_path(calendar), data.encode("utf-8", "surrogatepass"))
    return f"{head}{''.join(texts)}END:VCALENDAR{end}"


def calendar_path(board: Board) -> Path | None:
    """Where the settings ask for the calendar to be kept, `~` expanded; None for nowhere."""
    name = board.settings.calendar_file
    return Path(os.path.expanduser(name)) if name else None


@dataclass
class Synced:
    problem: str | None = None
    """What went wrong the last time the calendar file was written, in words; None when it
    was written (or there is none). The command line says it on stderr, the board in a notice."""


SYNCED = Synced()


def sync(board: Board, today: dt.date, events: Events | None = None) -> None:
    """Rewrite the calendar file the settings name, if any, atomically (`SYNCED.problem`
    says whether it could be: the board itself is saved either way); `events` as for `to_ics`."""
    from fu_board.store import write_atomically

    path = calendar_path(board)
    if path is None:
        SYNCED.problem = None
        return
    try:
        write_atomically(path, to_ics(board, today, calendar=path, events=events).encode("utf-8"))
    except OSError as error:
        SYNCED.problem = f"the calendar file {path} could not be written: {error.strerror or error}"
    else:
        SYNCED.problem = None
