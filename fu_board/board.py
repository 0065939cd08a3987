"""Pure operations on a board: add, edit, move, resolve, delete.

Each takes a board and returns a `Change`: the new board, the card as it is now
(or as it was, for a deletion) and the timeline event recorded. Nothing here
reads the clock or touches a file: dates are passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from fu_board.model import (
    STAGES,
    TOUCH_KINDS,
    WORKING_STAGES,
    Board,
    Card,
    Channel,
    Contact,
    Event,
    EventKind,
    Interview,
    NoKind,
    Outcome,
    Stage,
    describe_problem,
)

ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
"""Card ids use lowercase letters and digits that cannot be misread (no 0/o, 1/l/i)."""
ID_LENGTH = 4

EDITABLE_FIELDS = frozenset(
    {"company", "role", "link", "contacts", "applied", "interviews", "decision_expected", "note", "resolved_on"}
)


class BoardError(Exception):
    """An operation that cannot be done; the message is for the person."""


class CardNotFound(BoardError):
    """No card matches the id given."""


@dataclass(frozen=True, slots=True)
class Change:
    """What an operation did."""

    board: Board
    card: Card
    event: Event | None


def new_card_id(taken: Iterable[str]) -> str:
    """A short random id not in `taken`, easy to type on the command line.

    Random rather than sequential so that two writers adding cards at once
    rarely pick the same id; the length grows if the short ones get crowded.
    """
    import secrets  # 5 ms of hmac and hashing that the board's first frame does without

    taken = set(taken)
    length = ID_LENGTH
    while True:
        for _ in range(20):
            candidate = "".join(secrets.choice(ID_ALPHABET) for _ in range(length))
            if candidate not in taken:
                return candidate
        length += 1


def find_card(board: Board, ref: str) -> Card:
    """The card whose id is `ref`, or starts with it when only one does."""
    ref = ref.strip().lower()
    if not ref:
        raise CardNotFound("a card id is required")
    matches = []
    for card in board.cards:
        if card.id == ref:
            return card
        if card.id.startswith(ref):
            matches.append(card)
    if len(matches) == 1:
        return matches[0]
    if matches:
        ids = ", ".join(sorted(card.id for card in matches))
        raise CardNotFound(f"card id {ref!r} is ambiguous: it could be {ids}")
    raise CardNotFound(f"no card has the id {ref!r} (fu-board list shows the ids)")


def _card(board: Board, card_id: str) -> Card:
    try:
        return board.card(card_id)
    except KeyError:
        raise CardNotFound(f"card {card_id} is no longer on the board (was it deleted elsewhere?)") from None


def _replace(board: Board, card: Card) -> Board:
    """The board with `card` in place of the card with its id: every other card is the very
    same object, which lets the views of the board update by this one card (`changes`)."""
    cards = board.cards
    at = next(index for index, existing in enumerate(cards) if existing.id == card.id)
    return board.replace(cards=(*cards[:at], card, *cards[at + 1 :]))


def _validated(fields: dict[str, Any]) -> Card:
    """A card built from `fields`; a problem becomes a `BoardError` naming the field."""
    from pydantic import ValidationError  # loaded by validating anyway

    try:
        return Card.validate(fields)
    except ValidationError as error:
        raise BoardError(describe_problem(error)) from None


def _checked_contacts(contacts: Iterable[Contact]) -> tuple[Contact, ...]:
    """The contacts given, each checked again, the empty ones left out. A screen may have
    built one with `Record.replace`, which checks nothing, and pydantic takes a record
    that is already built as it is."""
    from pydantic import ValidationError  # loaded by validating anyway

    try:
        checked = [Contact.validate(contact.as_dict()) for contact in contacts]
    except ValidationError as error:
        raise BoardError(f"contact {describe_problem(error)}") from None
    return tuple(contact for contact in checked if not contact.is_empty)


def _rebuilt(card: Card, **changes: Any) -> Card:
    """The card with `changes`, validated again as a whole."""
    return _validated({**card.as_dict(), **changes})


def _with_event(card: Card, event: Event, **changes: Any) -> Card:
    """The card with `event` on its timeline; a contact with the company ends a snooze."""
    if event.kind in TOUCH_KINDS:
        changes.setdefault("snoozed_until", None)
    return _rebuilt(card, timeline=(*card.timeline, event), **changes)


def _open_card(board: Board, card_id: str) -> Card:
    """The card, which must still wait for an answer."""
    card = _card(board, card_id)
    if card.is_resolved:
        raise BoardError(f"{card.company} is resolved ({card.outcome}); move it back to a column to reopen it")
    return card


def _not_before_applied(card: Card, on: dt.date, what: str) -> None:
    if on < card.applied:
        raise BoardError(f"{what} ({on.isoformat()}) is before the application was sent ({card.applied.isoformat()})")


def _check_dates(card: Card) -> None:
    """Interviews, contacts and the answer cannot come before the application."""
    for interview in card.interviews:
        _not_before_applied(card, interview.date, "an interview")
    if card.resolved_on is not None:
        _not_before_applied(card, card.resolved_on, "the answer")
    for event in card.timeline:
        if event.kind in TOUCH_KINDS and event.kind is not EventKind.APPLIED:
            _not_before_applied(card, event.date, f"the timeline's '{event.kind.label}' entry")


def _furthest(card: Card, stage: Stage) -> Stage:
    if stage in WORKING_STAGES and stage.rank > card.furthest_stage.rank:
        return stage
    return card.furthest_stage


def add_card(
    board: Board,
    *,
    company: str,
    applied: dt.date,
    role: str = "",
    link: str = "",
    contact: Contact | None = None,
    note: str = "",
) -> Change:
    """Add an application to the Applied column."""
    event = Event(date=applied, kind=EventKind.APPLIED)
    contacts = () if contact is None or contact.is_empty else (contact,)
    card = _validated(
        {
            "id": new_card_id(card.id for card in board.cards),
            "company": company,
            "role": role,
            "link": link,
            "contacts": contacts,
            "applied": applied,
            "note": note,
            "timeline": (event,),
        }
    )
    return Change(board.replace(cards=(*board.cards, card)), card, event)


def edit_card(board: Board, card_id: str, *, on: dt.date, **changes: Any) -> Change:
    """Change a card's details (not its column); records which fields changed."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise BoardError(f"these fields cannot be edited: {', '.join(sorted(unknown))}")
    card = _card(board, card_id)
    if "contacts" in changes:
        changes["contacts"] = _checked_contacts(changes["contacts"])
    candidate = _rebuilt(card, **changes)
    changed = [name for name in changes if getattr(candidate, name) != getattr(card, name)]
    if not changed:
        return Change(board, card, None)
    _check_dates(candidate)
    if "applied" in changed:
        # A corrected application date corrects the timeline's "applied" entry too.
        timeline = tuple(
            event.replace(date=candidate.applied) if event.kind is EventKind.APPLIED else event
            for event in candidate.timeline
        )
        candidate = _rebuilt(candidate, timeline=timeline)
    event = Event(date=on, kind=EventKind.EDITED, note="changed " + ", ".join(changed))
    updated = _with_event(candidate, event)
    return Change(_replace(board, updated), updated, event)


def move_card(board: Board, card_id: str, to: Stage, *, on: dt.date) -> Change:
    """Move a card to a working column; `resolve_card` moves it to Resolved.

    Moving into Interviewed records an interview on `on`; moving into Followed
    up records a follow-up; moving a resolved card back reopens it (into
    Interviewed, without inventing an interview when it had one already).
    """
    if to is Stage.RESOLVED:
        raise BoardError("a card reaches Resolved with an outcome: yes, no or withdrawn")
    card = _card(board, card_id)
    if card.stage is to:
        raise BoardError(f"{card.company} is already in {to.label}")
    _not_before_applied(card, on, "that date")
    changes: dict[str, Any] = {"stage": to, "furthest_stage": _furthest(card, to)}
    if to is Stage.INTERVIEWED and not (card.is_resolved and card.interviews):
        changes["interviews"] = (*card.interviews, Interview(date=on))
    if card.is_resolved:
        changes |= {"outcome": None, "resolved_on": None, "no_kind": None}
        event = Event(date=on, kind=EventKind.REOPENED, to=to)
    elif to is Stage.INTERVIEWED:
        event = Event(date=on, kind=EventKind.INTERVIEWED)
    elif to is Stage.FOLLOWED_UP:
        event = Event(date=on, kind=EventKind.FOLLOWED_UP)
    else:
        event = Event(date=on, kind=EventKind.MOVED, to=to)
    updated = _with_event(card, event, **changes)
    return Change(_replace(board, updated), updated, event)


def resolve_card(board: Board, card_id: str, outcome: Outcome, *, on: dt.date, no_kind: NoKind | None = None) -> Change:
    """Give a card its definite answer and move it to Resolved.

    A no records its kind: they said it (the default), or silence counts as one.
    """
    card = _card(board, card_id)
    if card.outcome is outcome:
        raise BoardError(f"{card.company} is already resolved as {outcome.value}")
    if outcome is not Outcome.NO and no_kind is not None:
        raise BoardError("only a no has a kind (said or silence)")
    _not_before_applied(card, on, "the answer")
    if outcome is Outcome.NO:
        no_kind = no_kind or NoKind.SAID
    event = Event(date=on, kind=EventKind.RESOLVED, outcome=outcome, no_kind=no_kind)
    updated = _with_event(card, event, stage=Stage.RESOLVED, outcome=outcome, resolved_on=on, no_kind=no_kind)
    # The board keeps answers in the order they came: answers on the same day
    # count in that order (a no after the day's yes is the first of the next run).
    cards = (*(existing for existing in board.cards if existing.id != card.id), updated)
    return Change(board.replace(cards=cards), updated, event)


def add_lead(
    board: Board,
    source_id: str,
    *,
    company: str,
    on: dt.date,
    role: str = "",
    link: str = "",
    contact: Contact | None = None,
    note: str = "",
) -> Change:
    """Add the lead someone gave (often with their no) as a new card, and link
    the two cards' timelines to each other."""
    source = _card(board, source_id)
    added = add_card(board, company=company, applied=on, role=role, link=link, contact=contact, note=note)
    giver = source.contact.name if source.contact and source.contact.name else "your contact"
    came_from = Event(date=on, kind=EventKind.LEAD, note=f"lead from {giver} at {source.company}", card=source.id)
    new_card = _with_event(added.card, came_from)
    gave = Event(date=on, kind=EventKind.LEAD, note=f"gave a lead: {new_card.company}", card=new_card.id)
    updated_source = _rebuilt(source, timeline=(*source.timeline, gave))
    board = _replace(_replace(added.board, new_card), updated_source)
    return Change(board, new_card, came_from)


def log_interview(
    board: Board,
    card_id: str,
    *,
    on: dt.date,
    interviewers: tuple[str, ...] = (),
    decision_by: dt.date | None = None,
) -> Change:
    """Record an interview (held or scheduled) and move the card to Interviewed.

    `decision_by` is the date they said they would decide, when they gave one.
    """
    card = _open_card(board, card_id)
    _not_before_applied(card, on, "the interview")
    if decision_by is not None and decision_by < on:
        raise BoardError(f"the decision date ({decision_by}) is before the interview ({on})")
    names = tuple(name.strip() for name in interviewers if name.strip())
    note = "with " + ", ".join(names) if names else ""
    if decision_by is not None:
        note = f"{note}; decision by {decision_by}" if note else f"decision by {decision_by}"
    event = Event(date=on, kind=EventKind.INTERVIEWED, note=note)
    changes: dict[str, Any] = {
        "stage": Stage.INTERVIEWED,
        "furthest_stage": _furthest(card, Stage.INTERVIEWED),
        "interviews": (*card.interviews, Interview(date=on, interviewers=names)),
    }
    if decision_by is not None:
        changes["decision_expected"] = decision_by
    updated = _with_event(card, event, **changes)
    return Change(_replace(board, updated), updated, event)


def log_follow_up(board: Board, card_id: str, *, on: dt.date, channel: Channel | None = None, note: str = "") -> Change:
    """Record a follow-up. An Interviewed card moves to Followed up; an
    application still in Applied stays there."""
    card = _open_card(board, card_id)
    _not_before_applied(card, on, "the follow-up")
    event = Event(date=on, kind=EventKind.FOLLOWED_UP, channel=channel, note=note)
    changes: dict[str, Any] = {}
    interviewed = max((interview.date for interview in card.interviews), default=None)
    if card.stage is Stage.INTERVIEWED and (interviewed is None or on >= interviewed):
        changes = {"stage": Stage.FOLLOWED_UP, "furthest_stage": _furthest(card, Stage.FOLLOWED_UP)}
    updated = _with_event(card, event, **changes)
    return Change(_replace(board, updated), updated, event)


def log_thank_you(board: Board, card_id: str, *, on: dt.date) -> Change:
    """Record the thank-you note sent after an interview."""
    card = _open_card(board, card_id)
    _not_before_applied(card, on, "the thank-you")
    if not any(interview.date <= on for interview in card.interviews):
        raise BoardError(f"no interview with {card.company} yet on {on.isoformat()} to thank them for (i logs one)")
    event = Event(date=on, kind=EventKind.THANK_YOU)
    updated = _with_event(card, event)
    return Change(_replace(board, updated), updated, event)


def snooze_card(board: Board, card_id: str, *, until: dt.date, on: dt.date) -> Change:
    """Wait until `until` before following up; the snooze ends at the next contact."""
    card = _open_card(board, card_id)
    if until <= on:
        raise BoardError(f"a snooze needs a day after {on.isoformat()}")
    _not_before_applied(card, until, "the snooze date")
    event = Event(date=on, kind=EventKind.SNOOZED, note=f"until {until.isoformat()}")
    updated = _with_event(card, event, snoozed_until=until)
    return Change(_replace(board, updated), updated, event)


def finish_review(board: Board, on: dt.date) -> Board:
    """Count a finished daily review toward the streak of consecutive days."""
    last = board.review.last_finished
    if last == on:
        return board
    streak = board.review.streak + 1 if last == on - dt.timedelta(days=1) else 1
    review = board.review.replace(last_finished=on, streak=streak)
    return board.replace(review=review)


def delete_card(board: Board, card_id: str) -> Change:
    """Remove a card and its whole history."""
    card = _card(board, card_id)
    cards = tuple(existing for existing in board.cards if existing.id != card_id)
    return Change(board.replace(cards=cards), card, None)


def neighbour_stage(stage: Stage, step: int) -> Stage | None:
    """The column `step` places right (or left, when negative) of `stage`."""
    index = stage.rank + step
    return STAGES[index] if 0 <= index < len(STAGES) else None
