"""A small dialog that asks for one date, today by default."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fu_board.tui.widgets.form_fields import Field, FormFields, date


class AskDateScreen(ModalScreen[dt.date | None]):
    """Returns the date typed (enter), or None (escape)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True)]

    def __init__(self, title: Content, label: str, default: dt.date) -> None:
        super().__init__()
        self.title_content = title
        self.field = Field("date", label, date, "YYYY-MM-DD")
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Label(self.title_content, classes="dialog-title")
            yield FormFields((self.field,), {"date": self.default.isoformat()})
            yield Static("enter: confirm · escape: cancel", classes="hint")

    def on_form_fields_submitted(self, event: FormFields.Submitted) -> None:
        values = event.form.values()
        if values is not None:
            self.dismiss(values["date"])

    def action_cancel(self) -> None:
        self.dismiss(None)
