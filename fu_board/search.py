"""Finding cards by what they say: company, role, contacts, note and link.

Matching ignores case and accents ("societe" finds "Société Générale"), and looks
for the text inside one field at a time. Each card's searchable text is folded once
and kept by the card's identity (cards are immutable), so narrowing 10,000 cards
again on each key typed costs a few milliseconds.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from fu_board.card_memo import CardMemo
from fu_board.model import Card


def fold(text: str) -> str:
    """`text` without case or accents: "Zoë's CAFÉ" becomes "zoe's cafe"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def searchable(card: Card) -> str:
    """What a search looks in, folded: one line per field, so no match spans two."""
    fields = [card.company, card.role, card.note, card.link]
    for contact in card.contacts:
        fields += [contact.name, contact.email, contact.phone, contact.title]
    return fold("\n".join(field.replace("\n", " ") for field in fields if field))


KEEP_NARROWED = 8
"""Lists of cards whose latest narrowing is kept (the board's four columns, twice over)."""


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


class Finder:
    """Narrows cards to those that contain a text; keeps each card's folded text, as UTF-8:
    a text in UTF-8 is inside another exactly when it is as text, and a folded card is
    mostly ASCII, which Python keeps in 2 or 4 bytes a character once one emoji or
    letter beyond Latin-1 is in it (6 MB against 3 MB, at 10,000 cards)."""

    def __init__(self) -> None:
        self.texts: CardMemo[bytes] = CardMemo()
        self._narrowed: dict[int, tuple[Sequence[Card], bytes, list[Card]]] = {}
        """The latest narrowing of each list of cards: (the list, the text, the cards found)."""

    def text_of(self, card: Card) -> bytes:
        return self.texts.get(card, (), lambda card: _encoded(searchable(card)))

    def learn(self, cards: Iterable[Card]) -> None:
        """Fold these cards' texts now (about 20 ms a thousand cards), not on the first key typed."""
        for card in cards:
            self.text_of(card)

    def learn_as(self, card: Card, readable: Card) -> None:
        """Fold `card`'s text now, read from `readable`, a card equal to it."""
        self.texts.get(card, (), lambda _: _encoded(searchable(readable)))

    def narrow(self, cards: Iterable[Card], query: str) -> list[Card]:
        """The cards that contain `query` (folded, surrounding spaces ignored), in their order."""
        needle = _encoded(fold(query.strip()))
        if not needle:
            return list(cards)
        text_of = self.text_of
        if not isinstance(cards, Sequence):
            return [card for card in cards if needle in text_of(card)]
        # Typing one more letter narrows what the text so far found, not every card again.
        latest = self._narrowed.get(id(cards))
        pool = latest[2] if latest is not None and latest[0] is cards and needle.startswith(latest[1]) else cards
        found = [card for card in pool if needle in text_of(card)]
        if len(self._narrowed) >= KEEP_NARROWED:
            self._narrowed.clear()
        self._narrowed[id(cards)] = (cards, needle, found)
        return found
