"""Suggested follow-up messages, filled with a card's names and dates.

The templates are the person's own, in the board file's `[settings.templates]`;
`fu_board.model.Templates` checks that they name only known placeholders.
"""

from __future__ import annotations

import datetime as dt

from fu_board.model import Card, EventKind, Templates
from fu_board.rules import FollowUp, Reason, last_interview


def spoken_date(day: dt.date | None) -> str:
    """`Monday 23 November`: how a date reads in a message."""
    return f"{day:%A} {day.day} {day:%B}" if day is not None else "recently"


def placeholders(card: Card) -> dict[str, str]:
    """What each template placeholder becomes for this card."""
    contact = card.contact
    first_name = contact.name.split()[0] if contact is not None and contact.name.strip() else "there"
    follow_ups = [event.date for event in card.timeline if event.kind is EventKind.FOLLOWED_UP]
    return {
        "contact": first_name,
        "company": card.company,
        "role": card.role or "open",
        "applied_date": spoken_date(card.applied),
        "interview_date": spoken_date(last_interview(card)),
        "decision_date": spoken_date(card.decision_expected),
        "last_follow_up": spoken_date(max(follow_ups, default=None)),
    }


def after_no_message(card: Card, templates: Templates) -> str:
    """The reply to a no: disappointed, good wishes, and any other opportunities?"""
    return templates.after_no.format_map(placeholders(card))


def suggested_message(card: Card, situation: FollowUp, templates: Templates) -> str:
    """The message for this card's situation. A snoozed card gets the message of
    the rule its snooze set aside; pass that follow-up as `situation`."""
    reason = situation.reason if situation.reason is not Reason.SNOOZED else Reason.WEEKLY
    template: str = getattr(templates, reason.value)
    return template.format_map(placeholders(card))
