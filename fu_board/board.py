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
    NO_KIND_WORDS,
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
    InterviewKind,
    NoKind,
    Outcome,
    Stage,
    describe_problem,
    is_validation_error,
)
from fu_board.rules import clock, interviewers_of, is_held, owed_thank_yous

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


COLUMN_WORDS = {
    Stage.APPLIED: "Applied holds applications sent, with no interview yet",
    Stage.INTERVIEWED: "Interviewed holds cards with an interview booked or held, and no follow-up since",
    Stage.FOLLOWED_UP: "Followed up holds cards followed up after their last interview, waiting for an answer",
    Stage.RESOLVED: "Resolved holds the definite answers: yes, no, or withdrawn",
}
"""What each column holds, in the words the board uses to explain a move it refuses."""


def _followed_up_since_interview(card: Card) -> bool:
    if not card.interviews:
        return False
    last = max(interview.date for interview in card.interviews)
    return any(event.kind is EventKind.FOLLOWED_UP and event.date >= last for event in card.timeline)


def can_follow_up_into(card: Card, on: dt.date) -> bool:
    """Whether a follow-up logged on `on` moves `card` into Followed up: it is in Interviewed,
    and no interview is still to come after that day (while the next round is booked, the card
    waits for it in Interviewed)."""
    return card.stage is Stage.INTERVIEWED and all(interview.date <= on for interview in card.interviews)


def _move_refused(card: Card, to: Stage, on: dt.date) -> str | None:
    """Why moving `card` into `to` would invent what did not happen; None when it would not.

    A card goes to Interviewed by logging an interview, and to Followed up by logging the
    follow-up: a move only puts a card back where its history already says it can be."""
    if to is Stage.INTERVIEWED and not card.interviews:
        return f"{COLUMN_WORDS[to]}: log the interview instead (i on the board, fu-board interview ID --date D)"
    if to is Stage.FOLLOWED_UP and not _followed_up_since_interview(card):
        if any(interview.date > on for interview in card.interviews):
            return "the next interview is booked: the card waits in Interviewed until it is held"
        if not card.interviews:
            return (
                f"{COLUMN_WORDS[to]}; a nudge on an application keeps it in Applied "
                "(f on the board, fu-board followup ID logs it)"
            )
        return f"{COLUMN_WORDS[to]}: log the follow-up instead, and the card moves (f, or fu-board followup ID)"
    return None


def move_card(board: Board, card_id: str, to: Stage, *, on: dt.date) -> Change:
    """Move a card to a working column; `resolve_card` moves it to Resolved.

    A move never invents an event: a card goes into Interviewed with an interview logged
    (`log_interview`), into Followed up with a follow-up (`log_follow_up`); moving it
    there is refused, with a hint, unless its history already holds one. Moving a
    resolved card back reopens it in that column (`reopen_card` picks the column it left).
    """
    if to is Stage.RESOLVED:
        raise BoardError("a card reaches Resolved with an outcome: yes, no or withdrawn")
    card = _card(board, card_id)
    if card.stage is to:
        raise BoardError(f"{card.company} is already in {to.label}")
    _not_before_applied(card, on, "that date")
    refused = _move_refused(card, to, on)
    if refused is not None:
        raise BoardError(refused)
    changes: dict[str, Any] = {"stage": to, "furthest_stage": _furthest(card, to)}
    if card.is_resolved:
        changes |= {"outcome": None, "resolved_on": None, "no_kind": None}
        event = Event(date=on, kind=EventKind.REOPENED, to=to)
    else:
        event = Event(date=on, kind=EventKind.MOVED, to=to)
    updated = _with_event(card, event, **changes)
    return Change(_replace(board, updated), updated, event)


def resolved_from(card: Card) -> Stage:
    """The column a resolved card left: as its resolution recorded it or, on a board from
    before that was recorded, as its history says (followed up since the last interview,
    interviewed, or applied)."""
    for event in reversed(card.timeline):
        if event.kind is EventKind.RESOLVED and event.from_stage is not None:
            return event.from_stage
    if _followed_up_since_interview(card):
        return Stage.FOLLOWED_UP
    return Stage.INTERVIEWED if card.interviews else Stage.APPLIED


def reopen_card(board: Board, card_id: str, *, on: dt.date) -> Change:
    """Put a resolved card back in the column it was resolved from."""
    card = _card(board, card_id)
    if not card.is_resolved:
        raise BoardError(f"{card.company} is not resolved: it is in {card.stage.label}")
    return move_card(board, card_id, resolved_from(card), on=on)


def resolve_card(board: Board, card_id: str, outcome: Outcome, *, on: dt.date, no_kind: NoKind | None = None) -> Change:
    """Give a card its definite answer and move it to Resolved.

    A no records its kind: they said it (the default), or silence counts as one.
    """
    card = _card(board, card_id)
    if card.outcome is outcome:
        raise BoardError(f"{card.company} is already resolved as {outcome.value}")
    if outcome is not Outcome.NO and no_kind is not None:
        raise BoardError(f"only a no has a kind ({NO_KIND_WORDS})")
    _not_before_applied(card, on, "the answer")
    if outcome is Outcome.NO:
        no_kind = no_kind or NoKind.SAID
    left = resolved_from(card) if card.is_resolved else card.stage
    event = Event(date=on, kind=EventKind.RESOLVED, outcome=outcome, no_kind=no_kind, from_stage=left)
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


def interview_words(interview: Interview, *, decision_by: dt.date | None = None) -> str:
    """The timeline's note for an interview: `onsite 14:00 with Monica Hall, Richard Roe`."""
    parts = [interview.kind.label] if interview.kind is not None else []
    if interview.time:
        parts.append(interview.time)
    if interview.interviewers:
        parts.append("with " + ", ".join(interview.interviewers))
    note = " ".join(parts)
    if decision_by is not None:
        note = f"{note}; decision by {decision_by}" if note else f"decision by {decision_by}"
    return note


def log_interview(
    board: Board,
    card_id: str,
    *,
    on: dt.date,
    time: str = "",
    kind: InterviewKind | None = None,
    where: str = "",
    interviewers: tuple[str, ...] = (),
    decision_by: dt.date | None = None,
    note: str = "",
) -> Change:
    """Record an interview and move the card to Interviewed. Dated later than today (or
    later today, by its time) it is scheduled: nothing is owed for it until it is held,
    and the cadence waits for it; what is still owed for an earlier round stays owed.

    `decision_by` is the date they said they would decide, when they gave one.
    """
    card = _open_card(board, card_id)
    _not_before_applied(card, on, "the interview")
    if decision_by is not None and decision_by < on:
        raise BoardError(f"the decision date ({decision_by}) is before the interview ({on})")
    names = tuple(name.strip() for name in interviewers if name.strip())
    try:
        interview = Interview.validate(
            {
                "date": on,
                "time": time.strip(),
                "id": max((interview.id for interview in card.interviews), default=0) + 1,
                "kind": kind,
                "where": where,
                "interviewers": names,
                "note": note,
            }
        )
    except ValueError as error:
        if is_validation_error(error):
            raise BoardError(f"the interview's {describe_problem(error)}") from None
        raise
    event = Event(date=on, kind=EventKind.INTERVIEWED, note=interview_words(interview, decision_by=decision_by))
    changes: dict[str, Any] = {
        "stage": Stage.INTERVIEWED,
        "furthest_stage": _furthest(card, Stage.INTERVIEWED),
        "interviews": (*card.interviews, interview),
    }
    if decision_by is not None:
        changes["decision_expected"] = decision_by
    updated = _with_event(card, event, **changes)
    return Change(_replace(board, updated), updated, event)


def log_follow_up(
    board: Board, card_id: str, *, on: dt.date, channel: Channel | None = None, note: str = "", to: str = ""
) -> Change:
    """Record a follow-up (to `to`, when the person named who). An Interviewed card moves
    to Followed up once its interview is held; an application still in Applied stays there."""
    card = _open_card(board, card_id)
    _not_before_applied(card, on, "the follow-up")
    event = Event(date=on, kind=EventKind.FOLLOWED_UP, channel=channel, note=note, person=to.strip())
    changes: dict[str, Any] = {}
    if can_follow_up_into(card, on):
        changes = {"stage": Stage.FOLLOWED_UP, "furthest_stage": _furthest(card, Stage.FOLLOWED_UP)}
    updated = _with_event(card, event, **changes)
    return Change(_replace(board, updated), updated, event)


def _who(name: str) -> str:
    return " ".join(name.casefold().split())


def match_person(wanted: str, people: Iterable[str]) -> str | None:
    """The one of `people` that `wanted` names: the whole name, case and spaces aside, or
    the beginning of one (a first name) when only one starts so; None otherwise."""
    wanted = _who(wanted)
    people = list(dict.fromkeys(people))
    for person in people:
        if _who(person) == wanted:
            return person
    starting = [person for person in people if _who(person).startswith(wanted)]
    return starting[0] if wanted and len(starting) == 1 else None


def log_thank_you(
    board: Board, card_id: str, *, on: dt.date, to: str | None = None, now: dt.time | None = None
) -> Change:
    """Record a thank-you sent after an interview: to `to`, one of the interviewers (or the
    contact), or, without a name, to everyone still owed one. `now`, the time of day on `on`:
    an interview of that day that has not begun yet has nobody to thank."""
    card = _open_card(board, card_id)
    _not_before_applied(card, on, "the thank-you")
    held = [interview for interview in card.interviews if is_held(interview, on, clock(now))]
    if not held:
        raise BoardError(f"no interview with {card.company} yet on {on.isoformat()} to thank them for (i logs one)")
    owed = [person for person, _ in owed_thank_yous(card, on, clock(now)) if person]
    if to is None or not to.strip():
        person, note = (owed[0], "") if len(owed) == 1 else ("", "to " + ", ".join(owed) if owed else "")
    else:
        known = [*owed, *interviewers_of(held), *(contact.name for contact in card.contacts if contact.name)]
        found = match_person(to, known)
        if found is None:
            names = ", ".join(dict.fromkeys(known)) or "nobody by name"
            raise BoardError(f"nobody of that name was at an interview with {card.company}; on this card: {names}")
        person, note = found, ""
    event = Event(date=on, kind=EventKind.THANK_YOU, person=person, note=note)
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
