"""What the header counts: irons in the fire, nos until yes, days since a touch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from fu_board.model import TOUCH_KINDS, Board, Card, EventKind, Outcome


def irons_in_fire(board: Board) -> int:
    """How many applications still wait for a definite answer."""
    return sum(1 for card in board.cards if not card.is_resolved)


def resolution_order(cards: Iterable[Card]) -> list[Card]:
    """Resolved cards, oldest answer first; answers on the same day keep the board's
    order, which is the order they were given (resolving moves a card to the end)."""
    resolved = [card for card in cards if card.is_resolved]
    return sorted(resolved, key=lambda card: card.resolved_on or dt.date.min)


_LAST: list[tuple[Board, int]] = []


def nos_until_yes(board: Board) -> int:
    """Nos since the last yes (every no, while there has been no yes yet).

    Withdrawn applications are the person's own choice and never count. Boards are
    immutable, so the count of the last board asked about is kept: the header, the
    ratio and the greeting ask about the same board several times per redraw.
    """
    if _LAST and _LAST[0][0] is board:
        return _LAST[0][1]
    count = _count_nos_until_yes(board)
    _LAST[:] = [(board, count)]
    return count


def _count_nos_until_yes(board: Board) -> int:
    count = 0
    for card in resolution_order(board.cards):
        if card.outcome is Outcome.YES:
            count = 0
        elif card.outcome is Outcome.NO:
            count += 1
    return count


def last_touch(card: Card, today: dt.date) -> dt.date:
    """The latest contact with the company up to `today`: applying, an interview, a
    follow-up... (a scheduled interview is not a touch until it happens)."""
    touches = (event.date for event in card.timeline if event.kind in TOUCH_KINDS and event.date <= today)
    return max(touches, default=min(card.applied, today))


def days_since_touch(card: Card, today: dt.date) -> int:
    return (today - last_touch(card, today)).days


def review_streak(board: Board, today: dt.date) -> int:
    """Consecutive days with a finished review, still alive if the last was today or yesterday."""
    last = board.review.last_finished
    if last is None or (today - last).days > 1:
        return 0
    return board.review.streak


def follow_up_count(card: Card) -> int:
    """How many times the person followed up on this application."""
    return sum(1 for event in card.timeline if event.kind is EventKind.FOLLOWED_UP)
