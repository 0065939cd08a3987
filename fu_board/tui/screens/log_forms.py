"""Small dialogs that log what happened: a follow-up, an interview, a snooze.

Each returns what was typed (`dismiss`); the screen that opened it changes the
board. Enter saves from any field, escape cancels.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fu_board.tui.screens.form_screen import FormScreen
from fu_board.tui.widgets.form_fields import Field, FormFields, channel, date, date_until, names, optional_date


def follow_up_form(title: Content, today: dt.date) -> FormScreen:
    """Returns `channel`, `note` and `on`."""
    fields = (
        Field("channel", "Channel", channel, "email, phone, linkedin, in person, other"),
        Field("note", "Note", placeholder="what you said, what they said"),
        Field("on", "Date", date_until(today), "YYYY-MM-DD"),
    )
    return FormScreen(title, fields, {"channel": "email", "on": today.isoformat()})


def interview_form(title: Content, today: dt.date) -> FormScreen:
    """Returns `on`, `interviewers` and `decision_by`; the date may be ahead (a scheduled interview)."""
    fields = (
        Field("on", "Interview on", date, "YYYY-MM-DD"),
        Field("interviewers", "With", names, "names, separated by commas"),
        Field("decision_by", "Decision by", optional_date, "YYYY-MM-DD, if they said when they would decide"),
    )
    return FormScreen(title, fields, {"on": today.isoformat()})


class SnoozeScreen(ModalScreen[dt.date | None]):
    """1: a day, 3: three days, w: a week, or d to type a date. Returns the day to wait until."""

    AUTO_FOCUS = ""  # keys 1, 3, w and d act at once; d moves into the date field
    BINDINGS = [
        Binding("1", "wait(1)", "1 day"),
        Binding("3", "wait(3)", "3 days"),
        Binding("w", "wait(7)", "1 week"),
        Binding("d", "pick_date", "Pick a date"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: Content, today: dt.date) -> None:
        super().__init__()
        self.title_content = title
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Label(self.title_content, classes="dialog-title")
            yield Static(
                Content.assemble(
                    ("1", "bold $text-accent"),
                    "  tomorrow\n",
                    ("3", "bold $text-accent"),
                    "  in 3 days\n",
                    ("w", "bold $text-accent"),
                    "  in a week\n",
                    ("d", "bold $text-accent"),
                    "  a date of your choice:",
                )
            )
            tomorrow = self.today + dt.timedelta(days=1)
            yield FormFields(
                (Field("until", "Until", self._after_today, "YYYY-MM-DD"),), {"until": tomorrow.isoformat()}
            )
            yield Static("escape: cancel", classes="hint")

    def _after_today(self, value: str) -> dt.date:
        day = date(value)
        if day <= self.today:
            raise ValueError(f"a day after today ({self.today.isoformat()})")
        return day

    def action_wait(self, days: int) -> None:
        self.dismiss(self.today + dt.timedelta(days=days))

    def action_pick_date(self) -> None:
        self.query_one(FormFields).input("until").focus()

    def on_form_fields_submitted(self, event: FormFields.Submitted) -> None:
        values = event.form.values()
        if values is not None:
            self.dismiss(values["until"])

    def action_cancel(self) -> None:
        self.dismiss(None)
