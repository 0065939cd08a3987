"""Merging two writers' changes to one board, card by card.

fu-board remembers the board as it last read or wrote it (the base). When the
file changed meanwhile (the CLI, another window, an editor, a sync tool), its
own board (mine) and the file's (theirs) are merged against that base: a card
changed on one side only takes that side's version; a card changed on both
sides is merged field by field (a role edited here, a follow-up logged there:
both stand), and only a field both sides changed differently is a conflict for
the person to settle. Lists of events (the timeline, the interviews, the
contacts) to which both sides only added are merged too: every entry stands.
The settings merge the same way, setting by setting (the message templates as
one). Nothing is overwritten without asking.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from fu_board.model import Board, Card, ReviewLog, Settings, Stage

Side = Literal["mine", "theirs"]

_EPOCH = dt.date.min


@dataclass(frozen=True)
class CardConflict:
    """A card both sides changed: None on a side that deleted it."""

    card_id: str
    base: Card | None
    mine: Card | None
    theirs: Card | None
    fields: tuple[str, ...] = ()
    """The fields both sides changed differently, as the file names them (none when a side
    deleted the card, or both added a card of this id)."""

    @property
    def what(self) -> tuple[str, ...]:
        """Those fields in a person's words ("column", "timeline"), each once."""
        return tuple(dict.fromkeys(FIELD_WORDS.get(name, name.replace("_", " ")) for name in self.fields))

    @property
    def company(self) -> str:
        card = self.mine or self.theirs or self.base
        assert card is not None
        return card.company


@dataclass(frozen=True)
class Merge:
    """The merged board, whichever side the person keeps for the conflicts."""

    keep_mine: Board
    keep_theirs: Board
    conflicts: tuple[CardConflict, ...]
    settings_conflicts: tuple[str, ...]
    """The settings both sides changed, differently: by name (`irons_target`)."""
    taken: int
    """How many changes came from the other side: cards added, changed or deleted, the settings, the review log."""

    @property
    def clean(self) -> bool:
        return not self.conflicts and not self.settings_conflicts

    def keeping(self, side: Side) -> Board:
        return self.keep_mine if side == "mine" else self.keep_theirs


def _pick(base: object, mine: object, theirs: object) -> Side | None:
    """Which side's version stands, or None for a conflict."""
    if mine in (base, theirs):
        return "theirs"
    if theirs == base:
        return "mine"
    return None


FIELD_WORDS = {
    "stage": "column",
    "applied": "date applied",
    "decision_expected": "decision expected",
    "resolved_on": "date resolved",
    "outcome": "answer",
    "no_kind": "answer",
    "snoozed_until": "snooze",
    "furthest_stage": "column",  # follows the column: never shown by its own name
}
"""A card's fields as a person names them, where the file's name is not plain words."""

_LISTS = ("contacts", "interviews", "timeline")
"""A card's fields to which both sides may add, each addition standing."""


def _added(base: tuple[Any, ...], mine: tuple[Any, ...], theirs: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """Both sides only added to `base`: it, then what each added (in date order where the
    entries have dates); None when either side changed or removed what was there."""
    if mine[: len(base)] != base or theirs[: len(base)] != base:
        return None
    mine_new = mine[len(base) :]
    new = [*mine_new, *(entry for entry in theirs[len(base) :] if entry not in mine_new)]
    if all(hasattr(entry, "date") for entry in new):
        new.sort(key=lambda entry: entry.date)
    return (*base, *new)


def _fields(base: Card, mine: Card, theirs: Card) -> Card | tuple[str, ...]:
    """A card both sides changed, merged field by field: what only one side changed, and
    what both only added to a list, stands; the furthest column reached is the further
    of the two. Returns the merged card, or the fields both sides changed differently
    (then each side's card is a version to keep whole: half of one and half of the other
    may not make sense, a yes here beside a no there in one timeline)."""
    merged: dict[str, object] = {}
    conflicts: list[str] = []
    for name in Card.field_names():
        was, ours, other = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        side = _pick(was, ours, other)
        if side is not None:
            merged[name] = ours if side == "mine" else other
        elif name == "furthest_stage":
            merged[name] = max(ours, other, key=lambda stage: Stage(stage).rank)
        elif name in _LISTS and (both := _added(was, ours, other)) is not None:
            merged[name] = both
        else:
            conflicts.append(name)
    if conflicts:
        return tuple(conflicts)
    try:
        return Card.validate(merged)
    except ValueError:  # each side's fields stand, together they do not make a card
        return tuple(name for name in Card.field_names() if getattr(mine, name) != getattr(theirs, name))


def _newly_resolved(base: Card | None, mine: Card) -> bool:
    return mine.is_resolved and (base is None or not base.is_resolved)


def _review(base: ReviewLog, mine: ReviewLog, theirs: ReviewLog) -> ReviewLog:
    """Both sides finished a review: the later one stands (a streak only grows by days)."""
    side = _pick(base, mine, theirs)
    if side is not None:
        return mine if side == "mine" else theirs
    if (mine.last_finished or _EPOCH) >= (theirs.last_finished or _EPOCH):
        return mine
    return theirs


@dataclass(frozen=True)
class _SettingsMerge:
    keep_mine: Settings
    keep_theirs: Settings
    conflicts: tuple[str, ...]
    taken: bool
    """Whether any setting came from the other side."""


def _settings(base: Settings, mine: Settings, theirs: Settings) -> _SettingsMerge:
    """Setting by setting: a theme picked here and an irons target changed by hand both stay."""
    kept_mine: dict[str, object] = {}
    kept_theirs: dict[str, object] = {}
    conflicts = []
    taken = False
    for name in Settings.field_names():
        was, ours, other = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        side = _pick(was, ours, other)
        if side is None:
            conflicts.append(name)
            kept_mine[name], kept_theirs[name] = ours, other
            continue
        kept_mine[name] = kept_theirs[name] = ours if side == "mine" else other
        taken = taken or (side == "theirs" and other != was)
    return _SettingsMerge(mine.replace(**kept_mine), mine.replace(**kept_theirs), tuple(conflicts), taken)


def merge(base: Board, mine: Board, theirs: Board) -> Merge:
    """Merge `mine` and `theirs`, both changed from `base`."""
    base_cards = {card.id: card for card in base.cards}
    mine_cards = {card.id: card for card in mine.cards}
    theirs_cards = {card.id: card for card in theirs.cards}

    # Theirs' order, then my cards they do not have; a card I resolved goes last, as resolving does.
    order = [card.id for card in theirs.cards]
    order += [card.id for card in mine.cards if card.id not in theirs_cards]
    kept_mine: dict[str, Card | None] = {}
    kept_theirs: dict[str, Card | None] = {}
    conflicts: list[CardConflict] = []
    to_end: list[str] = []
    taken = 0
    for card_id in dict.fromkeys([*order, *base_cards]):
        was, ours, other = base_cards.get(card_id), mine_cards.get(card_id), theirs_cards.get(card_id)
        side = _pick(was, ours, other)
        if side is None and was is not None and ours is not None and other is not None:
            both = _fields(was, ours, other)
            if isinstance(both, Card):
                kept_mine[card_id] = kept_theirs[card_id] = both
                taken += 1
                if _newly_resolved(was, ours) and not other.is_resolved:
                    to_end.append(card_id)
            else:
                conflicts.append(CardConflict(card_id, was, ours, other, both))
                kept_mine[card_id], kept_theirs[card_id] = ours, other
            continue
        if side is None:
            conflicts.append(CardConflict(card_id, was, ours, other))
            kept_mine[card_id], kept_theirs[card_id] = ours, other
            continue
        chosen = ours if side == "mine" else other
        kept_mine[card_id] = kept_theirs[card_id] = chosen
        if side == "theirs" and other != was:
            taken += 1
        if side == "mine" and ours is not None and _newly_resolved(was, ours):
            to_end.append(card_id)
    order = [card_id for card_id in order if card_id not in to_end]
    order += [card.id for card in mine.cards if card.id in to_end]

    settings = _settings(base.settings, mine.settings, theirs.settings)
    taken += settings.taken
    review = _review(base.review, mine.review, theirs.review)
    if review is theirs.review and review not in (base.review, mine.review):
        taken += 1

    def board(cards: dict[str, Card | None], kept: Settings) -> Board:
        return mine.replace(
            settings=kept,
            review=review,
            cards=tuple(card for card_id in order if (card := cards.get(card_id)) is not None),
        )

    return Merge(
        keep_mine=board(kept_mine, settings.keep_mine),
        keep_theirs=board(kept_theirs, settings.keep_theirs),
        conflicts=tuple(conflicts),
        settings_conflicts=settings.conflicts,
        taken=taken,
    )
