"""The follow-up rules: for each open application, what is owed next, to whom, and why.

Pure functions of a card, the person's settings, `today` and, for the interviews
of today that have a time, `now`. No rule ever resolves a card: only the person
decides that silence means no.

| situation                                         | due                                          | reason            |
|---------------------------------------------------|----------------------------------------------|-------------------|
| an interview scheduled (later than now)           | shown; on its day, at the top                | interview_today   |
| an interview held                                 | a thank-you to each interviewer, that day    | thank_you         |
| held, they gave a decision date                   | 2 business days after that date              | decision_passed   |
| held, no decision date                            | 7 days after the interview                   | after_interview   |
| followed up since, fewer than 2 follow-ups        | 7 days after the last follow-up (a new angle)| weekly            |
| 2 follow-ups and no answer                        | 7 days after the last: ask for a definite    | close_the_loop    |
|                                                   | answer either way                            |                   |
| the close-the-loop message unanswered             | 7 days after it: count the silence as a no?  | ask_silence_no    |
| applied, no interview                             | 7 days after applying, then after the last   | applied_no_answer |
|                                                   | nudge; 2 nudges, then close the loop as above|                   |
| snoozed                                           | the snooze date, in place of the rows above  | snoozed           |

Every number is a setting. No follow-up falls due on a weekend or on a public
holiday of the person's country: it moves to the next business day. A due
follow-up stays due, growing overdue, until the person logs it, snoozes or
resolves the card. While the next round is booked, the cadence waits for it;
what is owed for an earlier round stays owed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from fu_board.business_days import add_business_days, next_business_day
from fu_board.model import Board, Card, EventKind, Interview, Settings, Stage


class Reason(StrEnum):
    """Why something is due; these names are part of `fu-board due --json`."""

    APPLIED_NO_ANSWER = "applied_no_answer"
    THANK_YOU = "thank_you"
    DECISION_PASSED = "decision_passed"
    AFTER_INTERVIEW = "after_interview"
    WEEKLY = "weekly"
    """The follow-ups after the first, each with a new angle, until the loop is closed."""
    CLOSE_THE_LOOP = "close_the_loop"
    ASK_SILENCE_NO = "ask_silence_no"
    SNOOZED = "snoozed"
    INTERVIEW_TODAY = "interview_today"
    """A scheduled interview: a row of `due` on its day, and the card's news before it."""


class Status(StrEnum):
    UPCOMING = "upcoming"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One thing a card asks for, as seen on `today`: a message owed, or an interview to go to."""

    due: dt.date
    reason: Reason
    today: dt.date
    to: str | None = None
    """Who it is for: an interviewer's or the contact's name; None when nobody is known."""
    interview: Interview | None = None
    """The interview it is about, if any."""
    step: int = 0
    """For a follow-up of the cadence: its number, 1 for the first."""

    @property
    def days_late(self) -> int:
        """Days past due: positive when overdue, 0 on the day, negative while upcoming."""
        return (self.today - self.due).days

    @property
    def status(self) -> Status:
        if self.days_late > 0:
            return Status.OVERDUE
        return Status.DUE_TODAY if self.days_late == 0 else Status.UPCOMING

    @property
    def overdue_days(self) -> int:
        """Days overdue; 0 when due today or not yet due."""
        return max(self.days_late, 0)

    @property
    def is_due(self) -> bool:
        """Due today or overdue: something to do now (or, for an interview, to go to today)."""
        return self.days_late >= 0

    @property
    def is_action(self) -> bool:
        """A message to send or a decision to make: what the due counts and the review count."""
        return self.reason is not Reason.INTERVIEW_TODAY

    @property
    def words(self) -> str:
        """What the board shows: "thank-you due today", "follow up in 3d", "follow-up 4d overdue",
        "snoozed until Mon 30 Nov", "interview Tue 8 Dec 14:00"."""
        if self.reason is Reason.INTERVIEW_TODAY and self.interview is not None:
            when = f"today {self.interview.time}".rstrip() if self.due == self.today else self.interview.when
            return f"interview {when}"
        if self.status is Status.UPCOMING:
            if self.reason is Reason.SNOOZED:
                return f"snoozed until {self.due:%a} {self.due.day} {self.due:%b}"
            return f"{UPCOMING_WORDS.get(self.reason, 'follow up')} in {-self.days_late}d"
        noun = DUE_WORDS.get(self.reason, "follow-up")
        if self.status is Status.DUE_TODAY:
            return f"{noun} due today"
        return f"{noun} {self.days_late}d overdue"

    @property
    def short_words(self) -> str:
        """`words` for a narrow column (80 columns and below): "in 3d", "3d late", "due today",
        "thanks 1d late", "until 30 Nov", "interview Tue 8 Dec 14:00" cut to "Tue 8 Dec 14:00"."""
        if self.reason is Reason.INTERVIEW_TODAY and self.interview is not None:
            return f"today {self.interview.time}".rstrip() if self.due == self.today else self.interview.when
        if self.reason is Reason.SNOOZED and self.status is Status.UPCOMING:
            return f"until {self.due.day} {self.due:%b}"
        noun = SHORT_WORDS.get(self.reason)
        if self.status is Status.UPCOMING:
            words = f"in {-self.days_late}d"
        elif self.status is Status.DUE_TODAY:
            words = "today" if noun else "due today"
        else:
            words = f"{self.days_late}d late"
        return f"{noun} {words}" if noun else words


UPCOMING_WORDS = {
    Reason.THANK_YOU: "thank-you",
    Reason.CLOSE_THE_LOOP: "close the loop",
    Reason.ASK_SILENCE_NO: "decide on the silence",
}
SHORT_WORDS = {
    Reason.THANK_YOU: "thanks",
    Reason.CLOSE_THE_LOOP: "close",
    Reason.ASK_SILENCE_NO: "decide",
}
"""What a follow-up other than the cadence's is, in a word, for a narrow column."""
DUE_WORDS = {
    Reason.THANK_YOU: "thank-you",
    Reason.CLOSE_THE_LOOP: "close-the-loop",
    Reason.ASK_SILENCE_NO: "silence question",
}

REASON_WORDS = {
    Reason.APPLIED_NO_ANSWER: "no answer since you applied",
    Reason.THANK_YOU: "a thank-you is owed to each interviewer, the same day",
    Reason.DECISION_PASSED: "the date they gave for a decision has passed",
    Reason.AFTER_INTERVIEW: "a week has passed since the interview",
    Reason.WEEKLY: "no answer since your last follow-up: take a new angle",
    Reason.CLOSE_THE_LOOP: "no answer to your follow-ups: ask for a definite answer",
    Reason.ASK_SILENCE_NO: "no answer since you closed the loop",
    Reason.SNOOZED: "the day you chose to wait for has come",
    Reason.INTERVIEW_TODAY: "an interview is scheduled",
}
"""Why, in words, for the daily review."""


# Interviews -------------------------------------------------------------------------


def clock(now: dt.time | None) -> str | None:
    """`now` as the interviews write their times (`HH:MM`), for comparing with them."""
    return None if now is None else f"{now.hour:02d}:{now.minute:02d}"


def is_held(interview: Interview, today: dt.date, now: str | None = None) -> bool:
    """Whether an interview has happened by `now` on `today` (`HH:MM`; None: the day is over).
    One dated later, or later today by its time, is scheduled; one without a time counts as
    held from its day on."""
    if interview.date != today:
        return interview.date < today
    return not interview.time or now is None or interview.time <= now


def held_interviews(card: Card, today: dt.date, now: str | None = None) -> list[Interview]:
    return [interview for interview in card.interviews if is_held(interview, today, now)]


def scheduled_interviews(card: Card, today: dt.date, now: str | None = None) -> list[Interview]:
    """The interviews still to come, the soonest first."""
    return sorted(
        (interview for interview in card.interviews if not is_held(interview, today, now)),
        key=lambda interview: (interview.date, interview.time),
    )


def last_interview(card: Card, today: dt.date | None = None, now: str | None = None) -> dt.date | None:
    """The day of the latest interview held by `today` (every interview, without a `today`)."""
    days = [interview.date for interview in card.interviews if today is None or is_held(interview, today, now)]
    return max(days, default=None)


def _same_person(name: str) -> str:
    return " ".join(name.casefold().split())


def interviewers_of(interviews: Iterable[Interview]) -> list[str]:
    """Each interviewer once, in the order first named."""
    seen: dict[str, str] = {}
    for interview in interviews:
        for name in interview.interviewers:
            seen.setdefault(_same_person(name), name)
    return list(seen.values())


def contact_name(card: Card) -> str | None:
    """Whom a follow-up goes to: the card's first contact, by name (or email); None without one."""
    contact = card.contact
    if contact is None:
        return None
    return contact.name or contact.email or None


def owed_thank_yous(card: Card, today: dt.date, now: str | None = None) -> list[tuple[str | None, Interview]]:
    """Who is still owed a thank-you, and for which interview: each interviewer of the
    latest day of held interviews (the card's contact when nobody was named).

    A thank-you to that person (or one to everyone, as older boards and `t` without a
    name log) on or after that day settles it; so does a follow-up since, an answer
    since (a card resolved, then reopened), or a later interview held. Booking the next
    round settles nothing."""
    held = held_interviews(card, today, now)
    if not held or card.is_resolved or card.stage is Stage.APPLIED:
        return []
    day = max(interview.date for interview in held)
    latest = [interview for interview in held if interview.date == day]
    thanked: set[str] = set()
    for event in card.timeline:
        if event.date < day:
            continue
        if event.kind in (EventKind.FOLLOWED_UP, EventKind.RESOLVED):
            return []
        if event.kind is EventKind.THANK_YOU:
            if not event.person:
                return []
            thanked.add(_same_person(event.person))
    names = interviewers_of(latest)
    if not names:
        return [] if thanked else [(contact_name(card), latest[-1])]
    owed: list[tuple[str | None, Interview]] = []
    for name in names:
        if _same_person(name) not in thanked:
            interview = next(i for i in latest if any(_same_person(n) == _same_person(name) for n in i.interviewers))
            owed.append((name, interview))
    return owed


# What a card asks for ---------------------------------------------------------------


def agenda(
    card: Card, settings: Settings, today: dt.date, *, now: dt.time | None = None, snooze: bool = True
) -> list[FollowUp]:
    """Everything `card` asks for, the soonest first: its scheduled interviews, a thank-you
    to each interviewer still owed, and the next step of its cadence. A snooze stands in
    for the thank-yous and the cadence until its day (with `snooze=False`, what it set aside:
    the daily review suggests the message of that situation). Empty once resolved."""
    if card.is_resolved:
        return []
    at = clock(now)
    items = [
        FollowUp(interview.date, Reason.INTERVIEW_TODAY, today, interview=interview)
        for interview in scheduled_interviews(card, today, at)
    ]

    def due(day: dt.date) -> dt.date:
        return next_business_day(day, country=settings.country, skip_weekends=settings.skip_weekends)

    if snooze and card.snoozed_until is not None:
        items.append(FollowUp(due(card.snoozed_until), Reason.SNOOZED, today))
    else:
        for person, interview in owed_thank_yous(card, today, at):
            day = due(_days_after(interview.date, settings.thank_you_days))
            items.append(FollowUp(day, Reason.THANK_YOU, today, person, interview))
        step = _cadence(card, settings, today, at)
        if step is not None:
            items.append(dataclasses.replace(step, due=due(step.due)))
    return sorted(items, key=_soonest)


def _soonest(item: FollowUp) -> tuple[dt.date, bool]:
    """By day; on the same day, an interview first (the top of that day's review)."""
    return item.due, item.reason is not Reason.INTERVIEW_TODAY


def _days_after(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


def _cadence(card: Card, settings: Settings, today: dt.date, now: str | None) -> FollowUp | None:
    """The next follow-up of the card's cadence, before business days move it; None while an
    interview is booked (the cadence waits for it)."""
    if scheduled_interviews(card, today, now):
        return None
    follow_ups = sorted(event.date for event in card.timeline if event.kind is EventKind.FOLLOWED_UP)
    held = [] if card.stage is Stage.APPLIED else held_interviews(card, today, now)
    if held:
        day = max(interview.date for interview in held)
        latest = [interview for interview in held if interview.date == day]
        since = [date for date in follow_ups if date >= day]
        to = contact_name(card) or next(iter(interviewers_of(latest)), None)
        interview = latest[-1]
        if not since:
            decision = card.decision_expected
            if decision is not None and decision >= day:
                due = add_business_days(decision, settings.decision_business_days, country=settings.country)
                return FollowUp(due, Reason.DECISION_PASSED, today, to, interview, 1)
            due = _days_after(day, settings.after_interview_days)
            return FollowUp(due, Reason.AFTER_INTERVIEW, today, to, interview, 1)
        return _closing(
            since, settings.follow_ups_before_close, settings=settings, today=today, to=to, interview=interview
        )
    since = [date for date in follow_ups if date >= card.applied]
    to = contact_name(card)
    nudges = settings.applied_follow_ups
    if len(since) < nudges:
        if not since:
            due = _days_after(card.applied, settings.applied_first_days)
        else:
            due = _days_after(since[-1], settings.applied_repeat_days)
        return FollowUp(due, Reason.APPLIED_NO_ANSWER, today, to, None, len(since) + 1)
    return _closing(since, nudges, settings=settings, today=today, to=to, interview=None, start=card.applied)


def _closing(
    since: Sequence[dt.date],
    before_close: int,
    *,
    settings: Settings,
    today: dt.date,
    to: str | None,
    interview: Interview | None,
    start: dt.date | None = None,
) -> FollowUp:
    """After the follow-ups `since`: the next one, the close-the-loop message, or the
    question about the silence (counted from `start` when there were none)."""
    sent = len(since)
    last = since[-1] if since else start
    assert last is not None  # an interview's cadence closes only after a follow-up
    if sent < before_close:
        due = _days_after(last, settings.follow_up_repeat_days)
        return FollowUp(due, Reason.WEEKLY, today, to, interview, sent + 1)
    if sent == before_close:
        due = _days_after(last, settings.follow_up_repeat_days)
        return FollowUp(due, Reason.CLOSE_THE_LOOP, today, to, interview, sent + 1)
    return FollowUp(_days_after(last, settings.close_wait_days), Reason.ASK_SILENCE_NO, today, to, interview, sent)


def headline(items: Sequence[FollowUp]) -> FollowUp | None:
    """What a card shows first: the most urgent message or decision that is due; while none
    is, whatever comes first (an interview booked, or the next follow-up)."""
    for item in items:
        if item.is_action and item.is_due:
            return item
    return items[0] if items else None


def next_follow_up(
    card: Card, settings: Settings, today: dt.date, *, now: dt.time | None = None, snooze: bool = True
) -> FollowUp | None:
    """What `card` shows first (`headline`); None once it is resolved, or while nothing is
    owed and nothing is booked.

    With `snooze=False`, what a snooze set aside (the daily review suggests a message for
    that situation).
    """
    return headline(agenda(card, settings, today, now=now, snooze=snooze))


def due_items(card: Card, settings: Settings, today: dt.date, *, now: dt.time | None = None) -> list[FollowUp]:
    """What `card` asks for today: overdue and due messages, and today's interviews still to come."""
    return [item for item in agenda(card, settings, today, now=now) if item.is_due]


def urgency(follow_up: FollowUp | None) -> tuple[int, dt.date]:
    """A sort key: the most overdue first; resolved cards (None) last."""
    if follow_up is None:
        return (1, dt.date.max)
    return (0, follow_up.due)


def due_cards(board: Board, today: dt.date, *, now: dt.time | None = None) -> list[tuple[Card, FollowUp]]:
    """Today's queue: every row due today or overdue, a card once per thing it asks for (a
    thank-you to each interviewer). Today's interviews first, by their time; then the most
    overdue first."""
    found = [
        (card, item)
        for card in board.cards
        if not card.is_resolved
        for item in due_items(card, board.settings, today, now=now)
    ]

    def order(pair: tuple[Card, FollowUp]) -> tuple[bool, str, dt.date, str]:
        card, item = pair
        interview = item.reason is Reason.INTERVIEW_TODAY
        time = item.interview.time if interview and item.interview is not None else ""
        return (not interview, time, item.due, card.company.lower())

    return sorted(found, key=order)


def interviews_on(board: Board, day: dt.date) -> list[tuple[Card, Interview]]:
    """Every interview of an open card on `day`, by time (those without one first)."""
    found = [(card, interview) for card in board.cards for interview in card_interviews_on(card, day)]
    return sorted(found, key=lambda pair: pair[1].time)


def card_interviews_on(card: Card, day: dt.date) -> list[Interview]:
    """The interviews of one card on `day`; none on a resolved card."""
    if card.is_resolved or not card.interviews:
        return []
    return [interview for interview in card.interviews if interview.date == day]


def due_counts(board: Board, today: dt.date, *, now: dt.time | None = None) -> tuple[int, int]:
    """(cards with a message or decision due today or overdue, of which overdue) on `board`.
    (The board on screen keeps its count up to date card by card: `fu_board.views.View`.)"""
    return count_due(next_follow_up(card, board.settings, today, now=now) for card in board.cards)


def due_from(card: Card, settings: Settings, today: dt.date) -> tuple[dt.date, str] | None:
    """The first moment from the start of `today` on when `card` counts as due (a message or
    a decision due, as `due_counts` counts), as (day, `HH:MM`; empty for the start of the day);
    None when it never will without a change to it (resolved, or waiting on nothing).

    Between two of the card's scheduled interviews nothing changes but the date, and each
    item's due day is fixed, so the first due day of each stretch is the answer once it falls
    before the next interview begins."""
    if card.is_resolved:
        return None
    starts = [(today, "")] + [
        (interview.date, interview.time) for interview in scheduled_interviews(card, today, clock(dt.time.min))
    ]
    starts.sort()
    for number, (day, at) in enumerate(starts):
        items = [item for item in agenda(card, settings, day, now=_clock_at(at)) if item.is_action]
        if not items:
            continue
        first = max((min(item.due for item in items), ""), (day, at))
        if number + 1 == len(starts) or first < starts[number + 1]:
            return first
    return None


def _clock_at(at: str) -> dt.time:
    if not at:
        return dt.time.min
    hour, minute = at.split(":")
    return dt.time(int(hour), int(minute))


def count_due(follow_ups: Iterable[FollowUp | None]) -> tuple[int, int]:
    """(due today or overdue, of which overdue), counting messages and decisions, not interviews."""
    due = overdue = 0
    for follow_up in follow_ups:
        if follow_up is not None and follow_up.is_due and follow_up.is_action:
            due += 1
            overdue += follow_up.status is Status.OVERDUE
    return due, overdue
