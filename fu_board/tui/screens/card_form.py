"""The form that adds a new application."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fu_board.tui.widgets.form_fields import Field, FormFields, date_until, required


def new_card_fields(today: dt.date) -> tuple[Field, ...]:
    return (
        Field("company", "Company", required, "who you applied to (required)"),
        Field("role", "Role", placeholder="the job title"),
        Field("link", "Link", placeholder="the job posting, https://…"),
        Field("contact", "Contact", placeholder="the recruiter or hiring manager"),
        Field("applied", "Applied", date_until(today), "YYYY-MM-DD"),
        Field("note", "Note", placeholder="anything worth remembering"),
    )


class NewCardScreen(ModalScreen[dict[str, Any] | None]):
    """Asks for a new application; returns the values typed, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("New application", classes="dialog-title")
            yield FormFields(new_card_fields(self.today), {"applied": self.today.isoformat()})
            yield Static("enter: next field, saves on the last · ctrl+s: save · escape: cancel", classes="hint")

    def action_save(self) -> None:
        values = self.query_one(FormFields).values()
        if values is not None:
            self.dismiss(values)

    def on_form_fields_submitted(self, _: FormFields.Submitted) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)
