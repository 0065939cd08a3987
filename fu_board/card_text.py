"""One card whole, as `fu-board show` prints it: every field, what is next, and the timeline."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from fu_board.counts import last_touch
from fu_board.export import contact_line, interview_line
from fu_board.model import Card, Record, event_label
from fu_board.rules import REASON_WORDS, FollowUp, clock, is_held


def card_text(card: Card, today: dt.date, follow_up: FollowUp | None, now: dt.time | None = None) -> str:
    """The card as lines to read: a heading, a field a line (those it has), the note, then
    each entry of its timeline, oldest first."""
    if card.outcome is not None:
        kind = f" ({card.no_kind.label})" if card.no_kind is not None else ""
        on = f" on {card.resolved_on.isoformat()}" if card.resolved_on else ""
        stage = f"resolved: {card.outcome.symbol} {card.outcome.value}{kind}{on}"
    else:
        stage = card.stage.label
    rows: list[tuple[str, str]] = [("stage", stage), ("applied", card.applied.isoformat())]
    if card.role:
        rows.insert(0, ("role", card.role))
    rows.insert(0, ("company", card.company))
    if follow_up is not None:
        rows.append(("next", f"{follow_up.words} ({follow_up.due.isoformat()}): {REASON_WORDS[follow_up.reason]}"))
    if card.snoozed_until is not None:
        rows.append(("snoozed until", card.snoozed_until.isoformat()))
    if card.decision_expected is not None:
        rows.append(("decision by", card.decision_expected.isoformat()))
    if card.link:
        rows.append(("link", card.link))
    rows += [("contact", contact_line(contact)) for contact in card.contacts]
    for interview in card.interviews:
        held = "" if is_held(interview, today, clock(now)) else " (scheduled)"
        rows.append(("interview", interview_line(interview) + held))
    rows.append(("last touch", last_touch(card, today).isoformat()))
    width = max(len(label) for label, _ in rows)
    lines = [f"{card.id}  {card.title}", ""]
    lines += [f"{label + ':':<{width + 1}} {' '.join(value.split())}" for label, value in rows]
    if card.note:
        lines += ["", "note:"]
        lines += [f"  {line}" for line in card.note.splitlines()]
    if card.timeline:
        lines += ["", "timeline:"]
        for event in card.timeline:
            what = event_label(event, today) + (f" to {event.person}" if event.person else "")
            note = f"  {' '.join(event.note.split())}" if event.note else ""
            lines.append(f"  {event.date.isoformat()}  {what}{note}")
    return "\n".join(lines)


def card_json(card: Card, today: dt.date, follow_up: FollowUp | None) -> dict[str, Any]:
    """The card for scripts: every field, empty ones too (dates as YYYY-MM-DD, answers and
    kinds as their words), then `last_touch` and `next_follow_up`, worked out for today."""
    data = _every_field(card)
    data["last_touch"] = last_touch(card, today).isoformat()
    data["next_follow_up"] = (
        None
        if follow_up is None
        else {
            "due": follow_up.due.isoformat(),
            "reason": follow_up.reason.value,
            "overdue_days": follow_up.overdue_days,
            "to": follow_up.to,
        }
    )
    return data


def _every_field(record: Record) -> dict[str, Any]:
    return {name: _value(getattr(record, name)) for name in record.field_names()}


def _value(value: Any) -> Any:
    if isinstance(value, Record):
        return _every_field(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    return value
