"""Nos until yes: the counter, the personal ratio, and the words that go with a no or a yes.

Every no is a step toward the yes, so nothing here is ever discouraging: a no
is counted as progress, and a yes is celebrated with the nos that led to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from fu_board.counts import Standing, resolution_order, standing
from fu_board.model import Board, Card, NoKind, Outcome, Settings


@dataclass(frozen=True, slots=True)
class Tally:
    """How the applications ended so far."""

    yeses: int
    nos: int
    withdrawn: int
    nos_since_last_yes: int


def tally(board: Board) -> Tally:
    counted = standing(board)
    return Tally(
        yeses=counted.yeses, nos=counted.nos, withdrawn=counted.withdrawn, nos_since_last_yes=counted.nos_until_yes
    )


def nos_per_yes(settings: Settings, counted: Standing) -> float | None:
    """The person's own expected ratio if they set one, else their history's
    (nos per yes); None while there has been no yes to learn from."""
    if settings.expected_nos_per_yes is not None:
        return float(settings.expected_nos_per_yes)
    return counted.nos / counted.yeses if counted.yeses else None


def to_go(settings: Settings, counted: Standing) -> int | None:
    """About how many more nos before the next yes; 0 means any day now."""
    ratio = nos_per_yes(settings, counted)
    if ratio is None:
        return None
    return max(math.ceil(ratio) - counted.nos_until_yes, 0)


def to_go_words(settings: Settings, counted: Standing) -> str:
    """ "about 2 to go", "any day now", or nothing while there is no ratio yet; `counted` is
    the board's standing (`fu_board.counts.standing`)."""
    left = to_go(settings, counted)
    if left is None:
        return ""
    return "any day now" if left == 0 else f"about {left} to go"


def no_greeting(board: Board, card: Card) -> str:
    """Said right after a no, with the board that holds it: progress, in numbers."""
    counted = standing(board)
    count = counted.nos_until_yes
    kind = " (silence counts as a no)" if card.no_kind is NoKind.SILENCE else ""
    order = [resolved.id for resolved in resolution_order(board.cards)]
    yes_after = any(
        resolved.outcome is Outcome.YES and order.index(resolved.id) > order.index(card.id)
        for resolved in board.cards
        if resolved.id in order
    )
    if yes_after:  # dated before the last yes: one of the steps that led to it
        return f"A no from before your last yes{kind}: it was one of the steps to it."
    ahead = to_go_words(board.settings, counted)
    if counted.yeses:
        text = f"No #{count} since your last yes{kind}: one step closer to the next one."
    else:
        text = f"No #{count}{kind}: every no is a step closer to the yes."
    return f"{text} {ahead[0].upper()}{ahead[1:]}." if ahead else text


def yes_celebration(board: Board, card: Card) -> str:
    """Said right after a yes: the nos that led to it all counted."""
    before = 0
    for resolved in resolution_order(board.cards):
        if resolved.id == card.id:
            break
        before = 0 if resolved.outcome is Outcome.YES else before + (resolved.outcome is Outcome.NO)
    led = f" {before} no{'s' if before != 1 else ''} led here, and every one of them counted." if before else ""
    return f"A yes from {card.company}! Congratulations.{led}"
