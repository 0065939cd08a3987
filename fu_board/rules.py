"""The follow-up rules: for each open application, when to follow up next, and why.

Pure functions of a card, the person's settings and `today`. No rule ever
resolves a card: only the person decides that silence means no.

| situation                                     | due                                  | reason            |
|-----------------------------------------------|--------------------------------------|-------------------|
| snoozed                                       | the snooze date                      | snoozed           |
| in Applied                                    | 7 days after applying or the last    | applied_no_answer |
|                                               | follow-up, whichever is later        |                   |
| interviewed, no thank-you or follow-up since  | the day after the interview          | thank_you         |
| followed up since the last interview          | 7 days after the last follow-up      | weekly            |
| interviewed, they gave a decision date        | 2 business days after that date      | decision_passed   |
| interviewed, no decision date                 | 7 days after the interview           | after_interview   |

Every number is a setting. A due follow-up stays due, growing overdue, until
the person logs a follow-up, snoozes or resolves the card.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from fu_board.changes import swapped
from fu_board.model import Board, Card, EventKind, Settings, Stage


class Reason(StrEnum):
    """Why a follow-up is due; these names are part of `fu-board due --json`."""

    APPLIED_NO_ANSWER = "applied_no_answer"
    THANK_YOU = "thank_you"
    DECISION_PASSED = "decision_passed"
    AFTER_INTERVIEW = "after_interview"
    WEEKLY = "weekly"
    SNOOZED = "snoozed"


class Status(StrEnum):
    UPCOMING = "upcoming"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The next follow-up of one card, as seen on `today`."""

    due: dt.date
    reason: Reason
    today: dt.date

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
        """Due today or overdue: something to do now."""
        return self.days_late >= 0

    @property
    def words(self) -> str:
        """What the board shows: "thank-you due today", "follow up in 3d", "follow-up 4d overdue",
        "snoozed until Mon 30 Nov"."""
        thank = self.reason is Reason.THANK_YOU
        if self.status is Status.UPCOMING:
            if self.reason is Reason.SNOOZED:
                return f"snoozed until {self.due:%a} {self.due.day} {self.due:%b}"
            return f"{'thank-you' if thank else 'follow up'} in {-self.days_late}d"
        noun = "thank-you" if thank else "follow-up"
        if self.status is Status.DUE_TODAY:
            return f"{noun} due today"
        return f"{noun} {self.days_late}d overdue"


REASON_WORDS = {
    Reason.APPLIED_NO_ANSWER: "no answer since you applied",
    Reason.THANK_YOU: "a thank-you note is owed after the interview",
    Reason.DECISION_PASSED: "the date they gave for a decision has passed",
    Reason.AFTER_INTERVIEW: "a week has passed since the interview",
    Reason.WEEKLY: "no answer since your last follow-up",
    Reason.SNOOZED: "the day you chose to wait for has come",
}
"""Why, in words, for the daily review."""


def add_business_days(day: dt.date, count: int) -> dt.date:
    """`count` working days after `day`, skipping Saturdays and Sundays."""
    while count > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def last_interview(card: Card) -> dt.date | None:
    return max((interview.date for interview in card.interviews), default=None)


def _dates(card: Card, *kinds: EventKind) -> list[dt.date]:
    return [event.date for event in card.timeline if event.kind in kinds]


class _Remembered:
    """Each card's next follow-up for one day and one set of settings, by the card's identity.

    Cards are immutable and a change replaces only the cards it touches, so redrawing
    the board after a change works out one card's follow-up, not every card's. An entry
    holds its card, so a card's identity cannot be reused while it is remembered.
    """

    LIMIT = 25_000
    """Past this many entries all are forgotten: an entry keeps its card alive, and a board
    reloaded again and again (another writer at work) would otherwise keep every old copy."""

    def __init__(self) -> None:
        self._for: tuple[Settings, dt.date] | None = None
        self._follow_ups: dict[int, tuple[Card, FollowUp | None]] = {}

    def get(self, card: Card, settings: Settings, today: dt.date) -> FollowUp | None:
        key = self._for
        if key is None or key[0] is not settings or key[1] != today or len(self._follow_ups) > self.LIMIT:
            self._for, self._follow_ups = (settings, today), {}
        entry = self._follow_ups.get(id(card))
        if entry is None or entry[0] is not card:
            entry = (card, _next_follow_up(card, settings, today, snooze=True))
            self._follow_ups[id(card)] = entry
        return entry[1]


_REMEMBERED = _Remembered()


def next_follow_up(card: Card, settings: Settings, today: dt.date, *, snooze: bool = True) -> FollowUp | None:
    """When `card` should be followed up next, and why; None once it is resolved.

    With `snooze=False`, the rule that a snooze set aside (the daily review
    suggests a message for that situation).
    """
    if snooze:
        return _REMEMBERED.get(card, settings, today)
    return _next_follow_up(card, settings, today, snooze=False)


def _next_follow_up(  # noqa: PLR0911 (one return per row of the table above)
    card: Card, settings: Settings, today: dt.date, *, snooze: bool
) -> FollowUp | None:
    if card.is_resolved:
        return None
    if snooze and card.snoozed_until is not None:
        return FollowUp(card.snoozed_until, Reason.SNOOZED, today)
    days = dt.timedelta
    follow_ups = _dates(card, EventKind.FOLLOWED_UP)
    if card.stage is Stage.APPLIED:
        last = max(follow_ups, default=None)
        if last is None or last < card.applied:
            due = card.applied + days(settings.applied_first_days)
        else:
            due = last + days(settings.applied_repeat_days)
        return FollowUp(due, Reason.APPLIED_NO_ANSWER, today)
    interviewed = last_interview(card)
    if interviewed is None:  # followed up without an interview
        due = max(follow_ups, default=card.applied) + days(settings.follow_up_repeat_days)
        return FollowUp(due, Reason.WEEKLY, today)
    since = [day for day in follow_ups if day >= interviewed]
    thanked = [day for day in _dates(card, EventKind.THANK_YOU) if day >= interviewed]
    if not since and not thanked:
        return FollowUp(interviewed + days(settings.thank_you_days), Reason.THANK_YOU, today)
    if since:
        return FollowUp(max(since) + days(settings.follow_up_repeat_days), Reason.WEEKLY, today)
    decision = card.decision_expected
    if decision is not None and decision >= interviewed:
        return FollowUp(add_business_days(decision, settings.decision_business_days), Reason.DECISION_PASSED, today)
    return FollowUp(interviewed + days(settings.after_interview_days), Reason.AFTER_INTERVIEW, today)


def urgency(follow_up: FollowUp | None) -> tuple[int, dt.date]:
    """A sort key: the most overdue first; resolved cards (None) last."""
    if follow_up is None:
        return (1, dt.date.max)
    return (0, follow_up.due)


def due_cards(board: Board, today: dt.date) -> list[tuple[Card, FollowUp]]:
    """Every card due today or overdue, the most overdue first: today's queue."""
    found = []
    for card in board.cards:
        follow_up = next_follow_up(card, board.settings, today)
        if follow_up is not None and follow_up.is_due:
            found.append((card, follow_up))
    return sorted(found, key=lambda pair: (pair[1].due, pair[0].company.lower()))


class _DueCounts:
    """`due_counts` of the last board asked about, updated by the cards a change replaced."""

    def __init__(self) -> None:
        self._last: tuple[Board, dt.date, tuple[int, int]] | None = None

    def get(self, board: Board, today: dt.date) -> tuple[int, int]:
        last = self._last
        if last is not None and last[1] == today:
            if last[0] is board:
                return last[2]
            pairs = swapped(last[0], board)
            if pairs is not None:
                due, overdue = last[2]
                before = count_due(next_follow_up(old, board.settings, today) for old, _ in pairs)
                after = count_due(next_follow_up(new, board.settings, today) for _, new in pairs)
                counted = (due - before[0] + after[0], overdue - before[1] + after[1])
                self._last = (board, today, counted)
                return counted
        counted = count_due(next_follow_up(card, board.settings, today) for card in board.cards)
        self._last = (board, today, counted)
        return counted


_DUE_COUNTS = _DueCounts()


def due_counts(board: Board, today: dt.date) -> tuple[int, int]:
    """(cards due today or overdue, of which overdue) on `board`.

    The header asks after every change: counted once per board, then updated by
    the few cards each change replaces rather than counted again.
    """
    return _DUE_COUNTS.get(board, today)


def count_due(follow_ups: Iterable[FollowUp | None]) -> tuple[int, int]:
    """(due today or overdue, of which overdue)."""
    due = overdue = 0
    for follow_up in follow_ups:
        if follow_up is not None and follow_up.is_due:
            due += 1
            overdue += follow_up.status is Status.OVERDUE
    return due, overdue
