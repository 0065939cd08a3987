"""The form that adds a new application."""

from __future__ import annotations

import datetime as dt

from fu_board.field_text import date_until, required
from fu_board.tui.screens.form_screen import FormScreen
from fu_board.tui.widgets.form_fields import Field


def new_card_fields(today: dt.date) -> tuple[Field, ...]:
    return (
        Field("company", "Company", required, "who you applied to (required)"),
        Field("role", "Role", placeholder="the job title"),
        Field("link", "Link", placeholder="the job posting, https://…"),
        Field("contact", "Contact", placeholder="the recruiter or hiring manager"),
        Field("email", "Email", placeholder="their email, for the follow-ups"),
        Field("applied", "Applied", date_until(today), "YYYY-MM-DD"),
        Field("note", "Note", placeholder="anything worth remembering"),
    )


def new_card_form(
    today: dt.date, *, title: str = "New application", contact: str = "", email: str = "", note: str = ""
) -> FormScreen:
    """Asks for a new application; enter moves to the next field and saves on the last."""
    values = {"applied": today.isoformat(), "contact": contact, "email": email, "note": note}
    return FormScreen(title, new_card_fields(today), values)
