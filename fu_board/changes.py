"""What changed between two versions of a board, found by identity.

Boards and cards are immutable, and an operation on one card builds the next
board by replacing that card in place: every other card is the very same
object. Comparing identities finds the replaced cards without looking inside
any card, so views of the board (the counts, the columns) can update by the
few cards that changed instead of recounting thousands.
"""

from __future__ import annotations

from fu_board.model import Board, Card

SWAP_LIMIT = 8
"""More replaced cards than this and recounting everything is as quick."""


def swapped(old: Board, new: Board, limit: int = SWAP_LIMIT) -> list[tuple[Card, Card]] | None:
    """The cards `new` replaced in place, as (old card, new card) pairs.

    None when the change is not just that: cards added, removed or reordered, a
    card that changed its id, different settings, or more than `limit` cards
    replaced. An empty list means the same cards.
    """
    if old.settings is not new.settings or len(old.cards) != len(new.cards):
        return None
    pairs: list[tuple[Card, Card]] = []
    for before, after in zip(old.cards, new.cards, strict=True):
        if before is not after:
            if before.id != after.id or len(pairs) == limit:
                return None
            pairs.append((before, after))
    return pairs
