"""Suggested follow-up messages, filled with a card's names and dates, addressed to one person.

The templates are the person's own, in the board file's `[settings.templates]`;
`fu_board.model.Templates` checks that they name only known placeholders.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from fu_board.board import match_person
from fu_board.model import Card, Contact, EventKind, NoKind, Outcome, Settings, Templates
from fu_board.rules import FollowUp, Reason, agenda, interviewers_of, last_interview

TEMPLATE_OF = {
    Reason.THANK_YOU: "thank_you",
    Reason.DECISION_PASSED: "decision_passed",
    Reason.AFTER_INTERVIEW: "after_interview",
    Reason.WEEKLY: "second_follow_up",
    Reason.CLOSE_THE_LOOP: "close_the_loop",
    Reason.ASK_SILENCE_NO: "after_silence",
    Reason.APPLIED_NO_ANSWER: "applied_no_answer",
    Reason.SNOOZED: "second_follow_up",
}
"""Which template each situation suggests. A question about the silence suggests the short
closing note to send if the silence counts as a no."""


def spoken_date(day: dt.date | None) -> str:
    """`Monday 23 November`: how a date reads in a message."""
    return f"{day:%A} {day.day} {day:%B}" if day is not None else "recently"


def first_name(name: str | None) -> str:
    """How a message greets someone: their first name, or "there" for nobody known."""
    if not name or not name.strip() or "@" in name:
        return "there"
    last, comma, first = name.partition(",")
    if comma and first.split():  # "Hall, Monica", as directories write a name
        return first.split()[0]
    return last.split()[0]


def contact_named(card: Card, name: str | None) -> Contact | None:
    """The card's contact who is `name` (an interviewer may be one), case and spaces aside."""
    if not name:
        return None
    wanted = " ".join(name.casefold().split())
    for contact in card.contacts:
        if wanted in (" ".join(contact.name.casefold().split()), contact.email.casefold()):
            return contact
    return None


def placeholders(card: Card, situation: FollowUp | None = None) -> dict[str, str]:
    """What each template placeholder becomes for this card, addressed to the person
    `situation` is for (the card's contact without one)."""
    contact = card.contact
    to = situation.to if situation is not None and situation.to else (contact.name if contact else None)
    interview = situation.interview if situation is not None else None
    interviewer = to if situation is not None and situation.reason is Reason.THANK_YOU else None
    if interviewer is None and interview is not None and interview.interviewers:
        interviewer = interview.interviewers[0]
    follow_ups = [event.date for event in card.timeline if event.kind is EventKind.FOLLOWED_UP]
    return {
        "contact": first_name(to),
        "interviewer": first_name(interviewer or to),
        "company": card.company,
        "role": card.role or "open",
        "applied_date": spoken_date(card.applied),
        "interview_date": spoken_date(interview.date if interview is not None else last_interview(card)),
        "decision_date": spoken_date(card.decision_expected),
        "last_follow_up": spoken_date(max(follow_ups, default=None)),
    }


@dataclass(frozen=True, slots=True)
class Draft:
    """A message as an email: to whom (their name and address, when known), the subject
    and the body, filled from the person's templates."""

    template: str
    """Which template it comes from: `thank_you`, `close_the_loop`..."""
    to: str | None
    """The name of the person it is for; None when nobody is known."""
    email: str
    """Their address; empty when none is known."""
    subject: str
    body: str


def email_of(card: Card, name: str | None) -> str:
    """The address known for `name` among the card's contacts (the first contact's without a
    name); empty when none is."""
    contact = contact_named(card, name) if name else card.contact
    return contact.email if contact is not None else ""


def _draft(card: Card, template: str, templates: Templates, situation: FollowUp | None, to: str | None) -> Draft:
    values = placeholders(card, situation)
    body: str = getattr(templates, template).format_map(values)
    subject: str = getattr(templates, f"{template}_subject").format_map(values)
    return Draft(template, to, email_of(card, to), subject, body)


def draft_for(card: Card, situation: FollowUp, templates: Templates) -> Draft | None:
    """`suggested_message` as an email, addressed to the person it is for; None where no
    message fits."""
    if not suggested_message(card, situation, templates):
        return None
    name = TEMPLATE_OF[situation.reason]
    to = situation.to if situation.to else (card.contact.name or None if card.contact else None)
    return _draft(card, name, templates, situation, to)


def after_no_draft(card: Card, templates: Templates) -> Draft | None:
    """`after_no_message` as an email to the card's contact; None where nothing is sent."""
    if not after_no_message(card, templates):
        return None
    name = "after_silence" if card.no_kind is NoKind.SILENCE else "after_no"
    return _draft(card, name, templates, None, card.contact.name or None if card.contact else None)


def after_no_message(card: Card, templates: Templates) -> str:
    """The reply to a no. They said it: disappointed, good wishes, keep me in mind, any
    other opportunities? Silence counted as one: the short closing note (empty for none).
    A form rejection, with nobody behind it: nothing."""
    if card.no_kind is NoKind.FORM:
        return ""
    template = templates.after_silence if card.no_kind is NoKind.SILENCE else templates.after_no
    return template.format_map(placeholders(card))


def suggested_message(card: Card, situation: FollowUp, templates: Templates) -> str:
    """The message for this card's situation, addressed to the person it is for. A snoozed
    card gets the message of the rule its snooze set aside; pass that follow-up as
    `situation`. Empty where no message fits: an interview to go to, or a nudge with
    nobody to send it to (find a contact first)."""
    name = TEMPLATE_OF.get(situation.reason)
    if name is None or (situation.reason is Reason.APPLIED_NO_ANSWER and situation.to is None):
        return ""
    template: str = getattr(templates, name)
    return template.format_map(placeholders(card, situation))


class NoSuchPerson(ValueError):
    """`to` names nobody on the card: no contact, no interviewer."""


def card_draft(
    card: Card, settings: Settings, today: dt.date, *, now: dt.time | None = None, to: str | None = None
) -> Draft | None:
    """The message a card asks for next, as an email: the first message or decision on its
    agenda (the one due, or the next to come; what a snooze set aside), or after a no the
    reply to it. `to` picks the person: the thank-you owed to them, or the message addressed
    to them instead. None where nothing is to be written (a yes, a form rejection, only an
    interview ahead). NoSuchPerson when `to` names nobody on the card."""
    if card.outcome is Outcome.NO:
        return after_no_draft(card, settings.templates)
    items = [item for item in agenda(card, settings, today, now=now, snooze=False) if item.is_action]
    if not items:
        return None
    situation = items[0]
    if to is not None:
        people = [*(item.to for item in items if item.to), *interviewers_of(card.interviews)]
        people += [contact.name for contact in card.contacts if contact.name]
        person = match_person(to, people)
        if person is None:
            raise NoSuchPerson(to)
        owed = [item for item in items if item.reason is Reason.THANK_YOU and item.to == person]
        situation = owed[0] if owed else dataclasses.replace(situation, to=person)
    return draft_for(card, situation, settings.templates)
