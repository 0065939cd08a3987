"""What the board shows, worked out from one version of the board and remembered with it.

Boards and cards are immutable, and a change replaces only the cards it touches. A
`View` holds what is worked out from one version of the board seen at one moment (a day,
and the time of day the rules see): each card's headline (what it asks for first), the
four columns in order, the header's counts, the review's queue, each card's searchable
text. The next version's view is made from this one (`then`): after a change that replaced a few cards
the columns and counts move by those cards, and what was worked out for every other card
is kept; anything else (cards added or deleted, the file read again, new settings, a new
day) works them out again. Nothing is remembered anywhere else: a view goes with its
version, and whatever holds the board on screen (`fu_board.session.Session`) holds its view.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from fu_board import counts
from fu_board.card_memo import CardMemo
from fu_board.changes import swapped
from fu_board.columns import Columns
from fu_board.counts import Standing, answer
from fu_board.model import Board, Card
from fu_board.packed import readable
from fu_board.rules import FollowUp, count_due, due_cards, next_follow_up
from fu_board.search import Finder
from fu_board.stats import CardFacts, Stats, card_facts, stats


class View:
    """One version of the board, seen at one moment, and what is worked out from it on demand."""

    __slots__ = (
        "_columns",
        "_due",
        "_due_list",
        "_facts",
        "_headlines",
        "_standing",
        "board",
        "finder",
        "now",
        "today",
    )

    def __init__(self, board: Board, today: dt.date, now: dt.time | None = None) -> None:
        self.board = board
        self.today = today
        self.now = now
        self.finder = Finder()
        """Each card's searchable text, for the board's filter (`/`)."""
        self._headlines: CardMemo[FollowUp | None] = CardMemo()
        self._facts: CardMemo[CardFacts] = CardMemo()
        """What each card adds to the numbers (`stats`)."""
        self._columns: Columns | None = None
        self._due: tuple[int, int] | None = None
        self._due_list: list[tuple[Card, FollowUp]] | None = None
        self._standing: Standing | None = None

    def headline(self, card: Card) -> FollowUp | None:
        """What `card` (of this board) shows first (`fu_board.rules.next_follow_up`)."""
        if card.is_resolved:  # nothing, ever: not worth remembering for most of a big board's cards
            return None
        settings, today, now = self.board.settings, self.today, self.now
        return self._headlines.get(
            card, (settings, today, now), lambda card: next_follow_up(card, settings, today, now=now)
        )

    @property
    def columns(self) -> Columns:
        """The four columns, in the order shown."""
        if self._columns is None:
            self._columns = Columns.of(self.board, self.today, self.now, self.headline)
        return self._columns

    @property
    def due_counts(self) -> tuple[int, int]:
        """(cards with a message or decision due today or overdue, of which overdue), as
        `fu_board.rules.due_counts` counts them."""
        if self._due is None:
            self._due = count_due(self.headline(card) for card in self.board.cards)
        return self._due

    @property
    def due_list(self) -> list[tuple[Card, FollowUp]]:
        """Today's queue for the daily review (`fu_board.rules.due_cards`): read it, never change it."""
        if self._due_list is None:
            self._due_list = due_cards(self.board, self.today, now=self.now)
        return self._due_list

    @property
    def standing(self) -> Standing:
        """Open applications and outcomes so far, with the nos since the last yes."""
        if self._standing is None:
            self._standing = counts.standing(self.board)
        return self._standing

    @property
    def stats(self) -> Stats:
        """The numbers of the stats screen (`fu_board.stats.stats`), from what each card adds,
        remembered card by card: after a change, only the changed cards are worked out again."""
        today, memo = self.today, self._facts
        return stats(
            self.board,
            today,
            facts=lambda card: memo.get(card, (today,), lambda card: card_facts(card, today)),
            counted=self.standing,
        )

    def learn(self, cards: Iterable[Card]) -> None:
        """Fold these cards' search texts and work out what they add to the numbers now,
        not on the first `/` or `g`. Each is read through `packed.readable`: a card read
        from the cache and still packed stays packed."""
        today, memo, finder = self.today, self._facts, self.finder
        for card in cards:
            plain = readable(card)
            finder.learn_as(card, plain)
            memo.get(card, (today,), functools.partial(_facts_of, plain, today))

    def matching(self, cards: Iterable[Card], query: str) -> list[Card]:
        """The cards that contain `query` (case and accents aside), in their order."""
        return self.finder.narrow(cards, query)

    def then(self, board: Board, today: dt.date, now: dt.time | None = None) -> View:
        """The view of `board`, a later version of this view's, at `today` and `now`: what this
        view worked out is carried over card by card, and this view is not to be used after."""
        if board is self.board and today == self.today and now == self.now:
            return self
        later = View(board, today, now)
        pairs = swapped(self.board, board)  # None unless `board` only replaced a few cards
        # The memos go on to the later view; new settings or a new moment empty the headlines.
        later.finder, later._headlines, later._facts = self.finder, self._headlines, self._facts
        if pairs is not None and self._standing is not None and all(answer(old) == answer(new) for old, new in pairs):
            later._standing = self._standing  # the same answers on the same days: nothing to count again
        moved_on = today != self.today or now != self.now or board.settings is not self.board.settings
        if self._columns is not None:
            later._columns = self._columns.follow(board, today, now, later.headline)
        if pairs is not None and self._due is not None and not moved_on:
            gone = count_due(self.headline(old) for old, _ in pairs)
            come = count_due(later.headline(new) for _, new in pairs)
            later._due = (self._due[0] - gone[0] + come[0], self._due[1] - gone[1] + come[1])
        if pairs is None:  # cards added, deleted or read again: what the others had stays
            later.finder.texts.keep_only(board.cards)
            later._headlines.keep_only(board.cards)
            later._facts.keep_only(board.cards)
        else:  # the few replaced cards are let go, once the columns and counts have moved them
            replaced = [old for old, _ in pairs]
            later.finder.texts.forget(replaced)
            later._headlines.forget(replaced)
            later._facts.forget(replaced)
        return later


def _facts_of(readable: Card, today: dt.date, _card: Card) -> CardFacts:
    """What a card adds to the numbers, read from `readable` (`View.learn`)."""
    return card_facts(readable, today)
