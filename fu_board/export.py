"""The board in other formats: JSON to copy it whole, CSV for a spreadsheet, Markdown to
read, and an iCalendar file of the follow-ups to come, for a calendar app.

Every export is read-only: the board file is never written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable

from fu_board import plain
from fu_board.columns import column
from fu_board.counts import last_touch
from fu_board.model import STAGES, Board, Card, Contact, Interview, event_label
from fu_board.rules import REASON_WORDS, next_follow_up
from fu_board.text import safe_json


def to_ics(board: Board, today: dt.date) -> str:
    """The calendar of `fu_board.ics`, the same a `calendar_file` in the settings keeps."""
    from fu_board.ics import to_ics as calendar  # only this format needs it (and icalendar)

    return calendar(board, today)


FORMATS = ("csv", "json", "md", "ics")
"""What `fu-board export --format` takes."""

CSV_COLUMNS = (
    "id",
    "company",
    "role",
    "stage",
    "outcome",
    "applied",
    "last touch",
    "next follow-up",
    "contact",
    "email",
    "link",
    "note",
)
"""The CSV's header row, one row per card below it, in the board's order."""


def to_json(board: Board, _today: dt.date) -> str:
    """The whole board, exactly, stamped with its schema version: `fu-board import` makes an
    identical copy from it, in this version or a later one (which brings it up to date)."""
    data = {"schema_version": board.schema_version, **plain.encode(board)}
    return safe_json(data) + "\n"  # control characters escaped, as every JSON fu-board prints


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How a cell that a spreadsheet would run as a formula begins (a company named
`=HYPERLINK(...)` pasted from a posting): such a cell is written after a `'`, which
spreadsheets show as text."""
GUARDED = (*FORMULA_STARTS, "'")
"""Cells written after a `'`: formulas, and text that starts with a `'` of its own, so
that `fu-board import` can take exactly one `'` off and give back the text as it was."""


def _as_text(value: str) -> str:
    return f"'{value}" if value.startswith(GUARDED) else value


def to_csv(board: Board, today: dt.date) -> str:
    """One row per card: dates as YYYY-MM-DD, the first contact, empty where there is nothing;
    no cell a spreadsheet would run as a formula (`GUARDED`)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for card in board.cards:
        follow_up = next_follow_up(card, board.settings, today)
        contact = card.contact
        row = [
            card.id,
            card.company,
            card.role,
            card.stage.value,
            card.outcome.value if card.outcome else "",
            card.applied.isoformat(),
            last_touch(card, today).isoformat(),
            follow_up.due.isoformat() if follow_up else "",
            contact.name if contact else "",
            contact.email if contact else "",
            card.link,
            card.note,
        ]
        writer.writerow([_as_text(value) for value in row])
    return out.getvalue()


def to_markdown(board: Board, today: dt.date) -> str:
    """A report to read: the columns in order, each card with its next step and its timeline."""
    lines = [f"# Applications on {today:%a %d %b %Y}", ""]
    for stage in STAGES:
        cards = column(board, stage, today)
        lines += [f"## {stage.label} ({len(cards)})", ""]
        for card in cards:
            lines += _card_lines(card, board, today)
    return "\n".join(lines).rstrip("\n") + "\n"


def _card_lines(card: Card, board: Board, today: dt.date) -> list[str]:
    lines = [f"### {_md(card.title)}", "", f"- Applied: {card.applied.isoformat()}"]
    if card.outcome is not None:
        resolved = f" on {card.resolved_on.isoformat()}" if card.resolved_on else ""
        lines.append(f"- Outcome: {card.outcome.symbol} {card.outcome.value}{resolved}")
    elif (follow_up := next_follow_up(card, board.settings, today)) is not None:
        lines.append(f"- Next: {follow_up.words} ({follow_up.due.isoformat()}): {REASON_WORDS[follow_up.reason]}")
    for contact in card.contacts:
        lines.append(f"- Contact: {_md(contact_line(contact))}")
    for interview in card.interviews:
        lines.append(f"- Interview: {_md(interview_line(interview))}")
    if card.link:
        lines.append(f"- Link: <{card.link}>")
    if card.note:
        lines.append(f"- Note: {_md(' '.join(card.note.split()))}")
    if card.timeline:
        lines += ["- Timeline:"]
        for event in card.timeline:
            note = f": {_md(' '.join(event.note.split()))}" if event.note else ""
            to = f" to {_md(event.person)}" if event.person else ""
            lines.append(f"  - {event.date.isoformat()} {event_label(event, today)}{to}{note}")
    return [*lines, ""]


def interview_line(interview: Interview) -> str:
    """An interview in one line: `2026-12-08 14:00 onsite, 1 Main St, with Ana Lee; note`."""
    parts = [f"{interview.date.isoformat()} {interview.time}".rstrip() + f" {interview.what}"]
    if interview.where:
        parts.append(interview.where)
    if interview.interviewers:
        parts.append("with " + ", ".join(interview.interviewers))
    text = ", ".join(parts)
    return f"{text}; {' '.join(interview.note.split())}" if interview.note else text


def contact_line(contact: Contact) -> str:
    """A contact in one line: name, title, email and phone, those there are."""
    return ", ".join(part for part in (contact.name, contact.title, contact.email, contact.phone) if part)


def _md(text: str) -> str:
    """Text that Markdown shows as it is."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


EXPORTERS: dict[str, Callable[[Board, dt.date], str]] = {
    "csv": to_csv,
    "json": to_json,
    "md": to_markdown,
    "ics": to_ics,
}
