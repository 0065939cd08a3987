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
from fu_board.tui.widgets.form_fields import (
    Field,
    FormFields,
    date_until,
    interviews,
    interviews_text,
    optional_date,
    required,
)


def detail_fields(card: Card, today: dt.date) -> tuple[Field, ...]:
    """The fields of an opened card; a resolved card also has the date of its answer."""
    fields = [
        Field("company", "Company", required),
        Field("role", "Role"),
        Field("link", "Link"),
        Field("contact_name", "Contact"),
        Field("contact_title", "Their title"),
        Field("contact_email", "Email"),
        Field("contact_phone", "Phone"),
        Field("applied", "Applied", date_until(today), "YYYY-MM-DD"),
        Field("interviews", "Interviews", interviews, "2026-11-05 with Ana Lee, Bo Chen; 2026-11-11"),
        Field("decision_expected", "Decision by", optional_date, "YYYY-MM-DD, when they said they would decide"),
    ]
    if card.is_resolved:
        fields.append(Field("resolved_on", "Answer on", date_until(today), "YYYY-MM-DD"))
    return tuple(fields)


def shown_values(card: Card) -> dict[str, str]:
    """What the fields show at first. Control characters become visible symbols,
    so what is on screen is safe; a field left as shown keeps its stored text."""
    contact = card.contact or Contact()
    values = {
        "company": card.company,
        "role": card.role,
        "link": card.link,
        "contact_name": contact.name,
        "contact_title": contact.title,
        "contact_email": contact.email,
        "contact_phone": contact.phone,
        "applied": card.applied.isoformat(),
        "interviews": interviews_text(card.interviews),
        "decision_expected": card.decision_expected.isoformat() if card.decision_expected else "",
        "resolved_on": card.resolved_on.isoformat() if card.resolved_on else "",
    }
    return {name: visible(value, one_line=True) for name, value in values.items()}


CONTACT_FIELDS = {"contact_name": "name", "contact_title": "title", "contact_email": "email", "contact_phone": "phone"}


def event_line(event: Event) -> Content:
    """One timeline entry: the date, what happened, and the note."""
    if event.kind is EventKind.RESOLVED and event.outcome is not None:
        what = f"resolved: {event.outcome.symbol} {event.outcome.value}"
        if event.no_kind is not None:
            what += f" ({event.no_kind.label})"
    elif event.to is not None:
        what = f"{event.kind.label} to {event.to.label}"
    else:
        what = event.kind.label
    parts: list[str | tuple[str, str]] = [(event.date.isoformat(), "dim"), "  ", (what, "bold")]
    if event.note:
        parts += ["  ", visible(event.note)]
    if event.card is not None:
        parts += ["  ", (f"→ card {event.card}", "$text-accent")]
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
    lines.append(Content.styled("Timeline, newest first", "bold $text-primary"))
    lines.extend(event_line(event) for event in reversed(card.timeline))
    return Content("\n").join(lines)


class CardScreen(ModalScreen[dict[str, Any] | None]):
    """Returns the edited fields (ctrl+s), or None when closed without saving."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "close", "Close", priority=True),
    ]

    def __init__(self, card: Card, today: dt.date, *, read_only: bool = False) -> None:
        """`read_only`: shown to look at, nothing can be typed (a board that must not be saved)."""
        super().__init__()
        self.card = card
        self.today = today
        self.read_only = read_only
        self._warned = False

    def compose(self) -> ComposeResult:
        card = self.card
        with Vertical(classes="dialog wide"):
            yield Label(
                Content.assemble((visible(card.company, one_line=True), "bold"), "  ", card.id), classes="dialog-title"
            )
            with VerticalScroll():
                yield FormFields(detail_fields(card, self.today), shown_values(card))
                yield Label("Note", classes="field-label")
                yield TextArea(
                    visible(card.note),
                    id="note",
                    soft_wrap=True,
                    tab_behavior="focus",
                    compact=True,
                    read_only=self.read_only,
                )
                yield Static(timeline_content(card, self.today), id="timeline")
            hint = "ctrl+s: save and close · escape: close · tab: next field"
            yield Static("read-only · escape: close" if self.read_only else hint, classes="hint")

    def on_mount(self) -> None:
        fields = self.query_one(FormFields)
        if self.read_only:
            for name in fields.raw_values():
                fields.input(name).disabled = True
        else:
            fields.input("company").focus()

    def has_typed_changes(self) -> bool:
        """Whether quitting now would lose something typed here."""
        return bool(self._edited() or self._note_edited())

    def _edited(self) -> dict[str, str]:
        """The fields the person changed, as typed."""
        shown = shown_values(self.card)
        return {name: value for name, value in self.query_one(FormFields).raw_values().items() if value != shown[name]}

    def _note_edited(self) -> bool:
        return self.query_one(TextArea).text != visible(self.card.note)

    def action_save(self) -> None:
        if self.read_only:
            self.dismiss(None)
            return
        values = self.query_one(FormFields).values()
        if values is None:
            return
        edited = self._edited()
        changes = {name: values[name] for name in edited if name not in CONTACT_FIELDS}
        if edited.keys() & CONTACT_FIELDS.keys():
            contact = (self.card.contact or Contact()).model_copy(
                update={CONTACT_FIELDS[name]: values[name] for name in edited if name in CONTACT_FIELDS}
            )
            changes["contacts"] = (contact, *self.card.contacts[1:])
        if self._note_edited():
            changes["note"] = self.query_one(TextArea).text
        self.dismiss(changes)

    def on_form_fields_submitted(self, _: FormFields.Submitted) -> None:
        self.query_one(TextArea).focus()

    def action_close(self) -> None:
        if self.has_typed_changes() and not self._warned:
            self._warned = True
            self.notify(
                "Unsaved changes: ctrl+s saves them, escape again throws them away.", severity="warning", markup=False
            )
            return
        self.dismiss(None)
