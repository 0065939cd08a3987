"""A card opened: every detail editable, and its whole history below."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from fu_board.counts import days_since_touch
from fu_board.model import Card, Contact, Event, EventKind
from fu_board.text import visible
from fu_board.tui.widgets.card_column import days_ago
from fu_board.tui.widgets.form_fields import Field, FormFields, date, optional_date, required

DETAIL_FIELDS = (
    Field("company", "Company", required),
    Field("role", "Role"),
    Field("link", "Link"),
    Field("contact_name", "Contact"),
    Field("contact_title", "Their title"),
    Field("contact_email", "Email"),
    Field("contact_phone", "Phone"),
    Field("applied", "Applied", date, "YYYY-MM-DD"),
    Field("decision_expected", "Decision by", optional_date, "YYYY-MM-DD, when they said they would decide"),
)


def _initial_values(card: Card) -> dict[str, str]:
    contact = card.contact or Contact()
    return {
        "company": card.company,
        "role": card.role,
        "link": card.link,
        "contact_name": contact.name,
        "contact_title": contact.title,
        "contact_email": contact.email,
        "contact_phone": contact.phone,
        "applied": card.applied.isoformat(),
        "decision_expected": card.decision_expected.isoformat() if card.decision_expected else "",
    }


def event_line(event: Event) -> Content:
    """One timeline entry: the date, what happened, and the note."""
    if event.kind is EventKind.RESOLVED and event.outcome is not None:
        what = f"resolved: {event.outcome.symbol} {event.outcome.value}"
    elif event.to is not None:
        what = f"{event.kind.label} to {event.to.label}"
    else:
        what = event.kind.label
    parts: list[str | tuple[str, str]] = [(event.date.isoformat(), "dim"), "  ", (what, "bold")]
    if event.note:
        parts += ["  ", visible(event.note)]
    return Content.assemble(*parts)


def timeline_content(card: Card, today: dt.date) -> Content:
    lines: list[Content] = [
        Content.assemble(
            ("Stage ", "bold"),
            card.stage.label + (f": {card.outcome.symbol} {card.outcome.value}" if card.outcome else ""),
            ("   last touch ", "bold"),
            days_ago(days_since_touch(card, today)),
            ("   id ", "bold"),
            card.id,
        )
    ]
    if card.interviews:
        dates = ", ".join(
            interview.date.isoformat() + (f" ({', '.join(interview.interviewers)})" if interview.interviewers else "")
            for interview in card.interviews
        )
        lines.append(Content.assemble(("Interviews ", "bold"), visible(dates, one_line=True)))
    lines.append(Content.styled("Timeline, newest first", "bold $text-primary"))
    lines.extend(event_line(event) for event in reversed(card.timeline))
    return Content("\n").join(lines)


class CardScreen(ModalScreen[dict[str, Any] | None]):
    """Returns the edited fields (ctrl+s), or None when closed without saving."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "close", "Close", priority=True),
    ]

    def __init__(self, card: Card, today: dt.date) -> None:
        super().__init__()
        self.card = card
        self.today = today
        self._warned = False

    def compose(self) -> ComposeResult:
        card = self.card
        with Vertical(classes="dialog wide"):
            yield Label(
                Content.assemble((visible(card.company, one_line=True), "bold"), "  ", card.id), classes="dialog-title"
            )
            with VerticalScroll():
                yield FormFields(DETAIL_FIELDS, _initial_values(card))
                yield Label("Note", classes="field-label")
                yield TextArea(card.note, id="note", soft_wrap=True, tab_behavior="focus", compact=True)
                yield Static(timeline_content(card, self.today), id="timeline")
            yield Static("ctrl+s: save and close · escape: close · tab: next field", classes="hint")

    def on_mount(self) -> None:
        self.query_one(FormFields).input("company").focus()

    def _changed(self) -> bool:
        initial = _initial_values(self.card)
        return self.query_one(FormFields).raw_values() != initial or self.query_one(TextArea).text != self.card.note

    def action_save(self) -> None:
        values = self.query_one(FormFields).values()
        if values is None:
            return
        contact = Contact(
            name=values.pop("contact_name"),
            title=values.pop("contact_title"),
            email=values.pop("contact_email"),
            phone=values.pop("contact_phone"),
        )
        values["contacts"] = (contact, *self.card.contacts[1:])
        values["note"] = self.query_one(TextArea).text
        self.dismiss(values)

    def on_form_fields_submitted(self, _: FormFields.Submitted) -> None:
        self.query_one(TextArea).focus()

    def action_close(self) -> None:
        if self._changed() and not self._warned:
            self._warned = True
            self.notify("Unsaved changes: ctrl+s saves them, escape again throws them away.", severity="warning")
            return
        self.dismiss(None)
