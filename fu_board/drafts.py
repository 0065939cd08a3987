"""Suggested follow-up messages, filled with a card's names and dates, addressed to one person.

The templates are the person's own, in the board file's `[settings.templates]`;
`fu_board.model.Templates` checks that they name only known placeholders.
"""

from __future__ import annotations

import datetime as dt

from fu_board.model import Card, Contact, EventKind, NoKind, Templates
from fu_board.rules import FollowUp, Reason, last_interview

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
    return name.split()[0]


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
