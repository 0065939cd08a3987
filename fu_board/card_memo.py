"""What was worked out for each card, remembered by the card's identity.

Boards and cards are immutable, and a change replaces only the cards it touches, so
what was worked out for a card (what it shows first, when it falls due, its calendar
events) stays true for as long as the card is the very same object, for the same inputs
(the day, the settings). A `CardMemo` holds that for the cards of the board whose holder
owns it (a `fu_board.views.View`, a `fu_board.board_file.BoardFile`), and lets go of the
cards that board no longer has (`keep_only`): nothing is remembered beyond its board.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:  # for the types only: `fu_board.due_status` imports this without the model
    from fu_board.model import Card

T = TypeVar("T")


class CardMemo(Generic[T]):
    """Each card's value, for one set of inputs; new inputs forget every value."""

    __slots__ = ("_inputs", "_values")

    def __init__(self) -> None:
        self._inputs: tuple[object, ...] | None = None
        self._values: dict[int, tuple[Card, T]] = {}

    def get(self, card: Card, inputs: tuple[object, ...], work: Callable[[Card], T]) -> T:
        """`work(card)` for these inputs, worked out once for each card."""
        if inputs != self._inputs:
            self._inputs, self._values = inputs, {}
        entry = self._values.get(id(card))
        if entry is None or entry[0] is not card:
            entry = self._values[id(card)] = (card, work(card))
        return entry[1]

    def know(self, card: Card, inputs: tuple[object, ...], value: T) -> None:
        """Take `value` as what `work(card)` gives for these inputs (known from elsewhere)."""
        if inputs != self._inputs:
            self._inputs, self._values = inputs, {}
        self._values[id(card)] = (card, value)

    def keep_only(self, cards: Iterable[Card]) -> None:
        """Let go of every card but these (the board's now)."""
        values = self._values
        self._values = {id(card): entry for card in cards if (entry := values.get(id(card))) and entry[0] is card}

    def forget(self, cards: Iterable[Card]) -> None:
        """Let go of these cards (replaced by a change)."""
        for card in cards:
            entry = self._values.get(id(card))
            if entry is not None and entry[0] is card:
                del self._values[id(card)]

    def __len__(self) -> int:
        return len(self._values)
