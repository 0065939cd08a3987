"""The board's four columns in the order shown, kept up to date card by card.

Working columns put the most urgent follow-up first (the most overdue, then the
soonest due, then by company); Resolved puts the newest answer first. Sorting a
column of thousands of cards after every key costs milliseconds, so `Columns`
follows a board from one version to the next by the cards that changed: the old
card leaves its place and the new one goes where a full sort would put it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from fu_board.changes import swapped
from fu_board.counts import resolution_order
from fu_board.model import STAGES, WORKING_STAGES, Board, Card, Settings, Stage
from fu_board.rules import FollowUp, next_follow_up, urgency

Key = tuple[tuple[int, dt.date], str]
Headline = Callable[[Card], FollowUp | None]
"""What a card shows first (`fu_board.rules.next_follow_up` for one board and moment)."""


def order_key(card: Card, headline: Headline) -> Key:
    """Where a card of a working column goes: the urgency of what it shows first, then the company."""
    return urgency(headline(card)), card.company.lower()


def headlines(settings: Settings, today: dt.date, now: dt.time | None = None) -> Headline:
    """What each card shows first, worked out afresh for every card asked about."""
    return lambda card: next_follow_up(card, settings, today, now=now)


def column(board: Board, stage: Stage, today: dt.date, now: dt.time | None = None) -> list[Card]:
    """The cards of one column in the order shown (ties keep the board's order)."""
    if stage is Stage.RESOLVED:
        return resolution_order(board.cards)[::-1]
    cards = [card for card in board.cards if card.stage is stage]
    headline = headlines(board.settings, today, now)
    return sorted(cards, key=lambda card: order_key(card, headline))


class Columns:
    """The columns of one board for one day (and time of day, `fu_board.rules.is_held`).
    Their lists are shared between versions: read them, never change them."""

    __slots__ = ("_cards", "_keys", "board", "now", "today")

    def __init__(
        self,
        board: Board,
        today: dt.date,
        cards: dict[Stage, list[Card]],
        keys: dict[Stage, list[Key]],
        now: dt.time | None = None,
    ) -> None:
        self.board = board
        self.today = today
        self.now = now
        self._cards = cards
        self._keys = keys

    @classmethod
    def of(cls, board: Board, today: dt.date, now: dt.time | None = None, headline: Headline | None = None) -> Columns:
        """Every column, sorted from scratch; `headline` is what each card of `board` shows
        first at `today` and `now` (by default worked out afresh)."""
        headline = headline or headlines(board.settings, today, now)
        cards: dict[Stage, list[Card]] = {stage: [] for stage in WORKING_STAGES}
        for card in board.cards:
            if card.stage is not Stage.RESOLVED:
                cards[card.stage].append(card)
        keys: dict[Stage, list[Key]] = {}
        for stage in WORKING_STAGES:
            keyed = sorted(((order_key(card, headline), card) for card in cards[stage]), key=_first)
            keys[stage] = [key for key, _ in keyed]
            cards[stage] = [card for _, card in keyed]
        cards[Stage.RESOLVED] = column(board, Stage.RESOLVED, today)
        return cls(board, today, cards, keys, now)

    def __getitem__(self, stage: Stage) -> Sequence[Card]:
        return self._cards[stage]

    def follow(
        self, board: Board, today: dt.date, now: dt.time | None = None, headline: Headline | None = None
    ) -> Columns:
        """The columns of `board`, a later version of this one (`headline` as for `of`). Cards
        replaced in place move card by card, and a column they leave alone is the very same
        list (`changed`); anything else (cards added, deleted or reordered, new settings, a
        new day or time) sorts again."""
        same_time = today == self.today and now == self.now
        if board is self.board and same_time:
            return self
        pairs = swapped(self.board, board) if same_time else None
        if pairs is None:
            return Columns.of(board, today, now, headline)
        headline = headline or headlines(
            board.settings, today, now
        )  # the same for the old cards: same settings, same time
        cards, keys = dict(self._cards), dict(self._keys)
        resolved = False
        positions: dict[int, int] | None = None
        for old, new in pairs:
            resolved = resolved or old.is_resolved or new.is_resolved
            if not old.is_resolved:
                stage = old.stage
                cards[stage], keys[stage] = self._own(cards, keys, stage)
                at = self._place(cards[stage], keys[stage], old, order_key(old, headline))
                del cards[stage][at], keys[stage][at]
        for _, new in pairs:
            if new.is_resolved:
                continue
            stage, key = new.stage, order_key(new, headline)
            cards[stage], keys[stage] = self._own(cards, keys, stage)
            low, high = bisect_left(keys[stage], key), bisect_right(keys[stage], key)
            if low < high:  # equal keys keep the board's order, as a stable sort does
                if positions is None:
                    positions = {id(card): index for index, card in enumerate(board.cards)}
                mine = positions[id(new)]
                while low < high and positions[id(cards[stage][low])] < mine:
                    low += 1
            cards[stage].insert(low, new)
            keys[stage].insert(low, key)
        if resolved:
            cards[Stage.RESOLVED] = column(board, Stage.RESOLVED, today)
        return Columns(board, today, cards, keys, now)

    def changed(self, earlier: Columns | None) -> set[Stage]:
        """The stages whose cards or order differ from `earlier`'s (every stage without one)."""
        if earlier is None:
            return set(STAGES)
        return {stage for stage in STAGES if self._cards[stage] is not earlier._cards[stage]}

    def _own(
        self, cards: dict[Stage, list[Card]], keys: dict[Stage, list[Key]], stage: Stage
    ) -> tuple[list[Card], list[Key]]:
        """The stage's lists, copied the first time this update changes them."""
        if cards[stage] is self._cards[stage]:
            return list(cards[stage]), list(keys[stage])
        return cards[stage], keys[stage]

    @staticmethod
    def _place(cards: list[Card], keys: list[Key], card: Card, key: Key) -> int:
        low, high = bisect_left(keys, key), bisect_right(keys, key)
        for index in range(low, high):
            if cards[index] is card:
                return index
        raise ValueError(f"card {card.id} is not in its column")  # not reached: the columns hold every card


def _first(pair: tuple[Key, Card]) -> Key:
    return pair[0]
