"""Undo and redo for a session: each change is kept as the cards it replaced.

A change is undone card by card on the board as it is now, not by going back to an
old board: what others saved to the file since (merged in) stays. An undo is a
change like any other, saved at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fu_board.board import Change
from fu_board.model import Board, Card, EventKind


@dataclass(frozen=True)
class Step:
    """One change: the board before and after it, and what it was, in words."""

    before: Board
    after: Board
    what: str

    def changed_ids(self) -> list[str]:
        """The ids of the cards this change added, removed or changed."""
        was, now = _by_id(self.before), _by_id(self.after)
        return [card_id for card_id in {**was, **now} if was.get(card_id) is not now.get(card_id)]


def _by_id(board: Board) -> dict[str, Card]:
    return {card.id: card for card in board.cards}


def carry(board: Board, source: Board, target: Board) -> Board:
    """`board` with the change from `source` to `target` made to it, card by card:
    cards added are added, removed are removed, changed take `target`'s version; the
    review streak follows too."""
    was, now = _by_id(source), _by_id(target)
    cards = _by_id(board)
    for card_id in was.keys() - now.keys():
        cards.pop(card_id, None)
    for card_id, card in now.items():
        if was.get(card_id) is not card:
            cards[card_id] = card
    order = [card.id for card in target.cards] + [card_id for card_id in cards if card_id not in now]
    ordered = tuple(cards[card_id] for card_id in dict.fromkeys(order) if card_id in cards)
    review = target.review if source.review != target.review else board.review
    return board.replace(cards=ordered, review=review)


@dataclass
class History:
    """The session's changes, newest last, and those undone, ready to be redone."""

    done: list[Step] = field(default_factory=list)
    undone: list[Step] = field(default_factory=list)
    LIMIT = 200
    """Changes kept for undo; the oldest go first."""

    def record(self, before: Board, after: Board, what: str) -> None:
        """A new change: nothing undone can be redone after it."""
        self.done.append(Step(before, after, what))
        del self.done[: -self.LIMIT]
        self.undone.clear()

    def undo(self, board: Board) -> tuple[Board, Step] | None:
        """The board with the latest change undone, and that change; None when there is none."""
        return self._shift(board, self.done, self.undone, forward=False)

    def redo(self, board: Board) -> tuple[Board, Step] | None:
        """The board with the latest undone change made again, and that change; None when there is none."""
        return self._shift(board, self.undone, self.done, forward=True)

    @staticmethod
    def _shift(board: Board, take: list[Step], put: list[Step], *, forward: bool) -> tuple[Board, Step] | None:
        if not take:
            return None
        step = take.pop()
        put.append(step)
        source, target = (step.before, step.after) if forward else (step.after, step.before)
        return carry(board, source, target), step


def describe(change: Change) -> str:  # noqa: PLR0911 (one return per kind of change)
    """A change in a few words, for the notice of its undo: "Globex moved to Followed up"."""
    card, event = change.card, change.event
    if not change.board.has_card(card.id):
        return f"{card.company} deleted"
    if event is None:
        return f"a change to {card.company}"
    if event.kind is EventKind.APPLIED:
        return f"{card.company} added"
    if event.kind in (EventKind.MOVED, EventKind.REOPENED) and event.to is not None:
        return f"{card.company} moved to {event.to.label}"
    if event.kind is EventKind.RESOLVED and event.outcome is not None:
        return f"{card.company} resolved as {event.outcome.value}"
    if event.kind is EventKind.EDITED:
        return f"the edit of {card.company} ({event.note})"  # "changed role, note"
    if event.kind is EventKind.THANK_YOU and event.person:
        return f"the thank-you to {event.person} on {card.company}"
    return f"{event.kind.label} on {card.company}"
