"""Small dialogs that log what happened: a follow-up, an interview, a snooze.

Each returns what was typed (`dismiss`); the screen that opened it changes the
board. Enter moves to the next field and saves on the last, ctrl+s saves from any
field, escape cancels.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fu_board.business_days import next_business_day
from fu_board.field_text import KIND_HINT, channel, clock_time, date, date_until, interview_kind, names, optional_date
from fu_board.tui.screens.form_screen import FormScreen
from fu_board.tui.widgets.form_fields import Field, FormFields


def follow_up_form(title: Content, today: dt.date) -> FormScreen:
    """Returns `channel`, `note` and `on`."""
    fields = (
        Field("channel", "Channel", channel, "email, phone, linkedin, in person, other"),
        Field("note", "Note", placeholder="what you said, what they said"),
        Field("on", "Date", date_until(today), "YYYY-MM-DD"),
    )
    return FormScreen(title, fields, {"channel": "email", "on": today.isoformat()})


def interview_form(title: Content, today: dt.date) -> FormScreen:
    """Returns `on`, `time`, `kind`, `where`, `interviewers`, `decision_by` and `note`; a day
    ahead (or a time later today) schedules the interview."""
    fields = (
        Field("on", "Interview on", date, "YYYY-MM-DD; a day ahead schedules it"),
        Field("time", "Time", clock_time, "HH:MM, if you know it"),
        Field("kind", "Kind", interview_kind, KIND_HINT),
        Field("where", "Where", placeholder="an address, or the video link"),
        Field("interviewers", "With", names, "names, separated by commas: each gets a thank-you"),
        Field("decision_by", "Decision by", optional_date, "YYYY-MM-DD, if they said when they would decide"),
        Field("note", "Note", placeholder="the debrief: what was asked, what to mention next"),
    )
    return FormScreen(title, fields, {"on": today.isoformat()})


class SnoozeScreen(ModalScreen[dt.date | None]):
    """1: a day, 3: three days, w: a week, or d to type a date. Returns the day to wait until.
    A wait ends on a business day: tomorrow, on a Friday, is Monday."""

    AUTO_FOCUS = ""  # keys 1, 3, w and d act at once; d moves into the date field
    BINDINGS = [
        Binding("1", "wait(1)", "1 day"),
        Binding("3", "wait(3)", "3 days"),
        Binding("w", "wait(7)", "1 week"),
        Binding("d", "pick_date", "Pick a date"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: Content, today: dt.date, country: str | None = None, skip_weekends: bool = True) -> None:
        super().__init__()
        self.title_content = title
        self.today = today
        self.country = country
        self.skip_weekends = skip_weekends

    def after(self, days: int) -> dt.date:
        """`days` from today, moved on to a business day."""
        day = self.today + dt.timedelta(days=days)
        return next_business_day(day, country=self.country, skip_weekends=self.skip_weekends)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Label(self.title_content, classes="dialog-title")
            yield Static(
                Content.assemble(
                    ("1", "bold $text-accent"),
                    f"  {self._day(1)}\n",
                    ("3", "bold $text-accent"),
                    f"  {self._day(3)}\n",
                    ("w", "bold $text-accent"),
                    f"  {self._day(7)}\n",
                    ("d", "bold $text-accent"),
                    "  a date of your choice:",
                )
            )
            tomorrow = self.after(1)
            yield FormFields(
                (Field("until", "Until", self._after_today, "YYYY-MM-DD"),), {"until": tomorrow.isoformat()}
            )
            yield Static("enter: wait until the date typed · escape: cancel", classes="hint")

    def _after_today(self, value: str) -> dt.date:
        day = date(value)
        if day <= self.today:
            raise ValueError(f"a day after today ({self.today.isoformat()})")
        return day

    def _day(self, days: int) -> str:
        """ "tomorrow", "in 3 days, Mon 30 Nov": the day a key waits until."""
        day = self.after(days)
        moved = (day - self.today).days != days
        words = {1: "next business day" if moved else "tomorrow", 3: "in 3 days", 7: "in a week"}[days]
        return f"{words}: {day:%a} {day.day} {day:%b}"

    def action_wait(self, days: int) -> None:
        self.dismiss(self.after(days))

    def action_pick_date(self) -> None:
        self.query_one(FormFields).input("until").focus()

    def on_form_fields_submitted(self, event: FormFields.Submitted) -> None:
        values = event.form.values()
        if values is not None:
            self.dismiss(values["until"])

    def action_cancel(self) -> None:
        self.dismiss(None)
