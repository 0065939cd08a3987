"""A dialog of a few fields: enter moves to the next field and, on the last, returns what
was typed, as ctrl+s does from any field; escape cancels.

Dialogs return data with `dismiss`; the screen that opened one changes the board.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fu_board.tui.widgets.form_fields import Field, FormFields


class AskingScreen(ModalScreen[dict[str, Any] | None]):
    """A screen whose values change the board (a form, a card): a change the board would
    refuse keeps it open, saying why, and what was typed is thrown away only at a second
    escape. What the first escape says, and how, is each screen's own."""

    UNSAVED = "Not saved yet: enter or ctrl+s saves, escape again throws it away."
    UNSAVED_SEVERITY: SeverityLevel = "information"
    REFUSED_HINT = "Change it, or escape twice to cancel."

    def __init__(self) -> None:
        super().__init__()
        self.refused: Callable[[dict[str, Any]], str | None] = lambda _values: None
        """Why the board would refuse these values (set by the opener); the screen then stays open."""
        self._warned = False

    def has_typed_changes(self) -> bool:
        """Whether quitting now would lose something typed here."""
        raise NotImplementedError

    def answer(self, values: dict[str, Any]) -> None:
        """Return `values`, unless the board would refuse them."""
        problem = self.refused(values)
        if problem is not None:
            self.notify(f"Not saved: {problem}. {self.REFUSED_HINT}", severity="warning")
            return
        self.dismiss(values)

    def close(self) -> None:
        """Close without saving; with something typed, warn at the first escape."""
        if self.has_typed_changes() and not self._warned:
            self._warned = True
            self.notify(self.UNSAVED, severity=self.UNSAVED_SEVERITY, markup=False)
            return
        self.dismiss(None)


FORM_KEYS = "enter: next field, saves on the last · ctrl+s: save · escape: cancel"
"""What a form's keys do, under every form: enter means the same in all of them."""


class FormScreen(AskingScreen):
    """A titled form; returns the fields' values, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(
        self,
        title: Content | str,
        fields: tuple[Field, ...],
        values: dict[str, str],
    ) -> None:
        super().__init__()
        self.title_content = title
        self.fields = fields
        self.values = values

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_content, classes="dialog-title")
            yield FormFields(self.fields, self.values)
            yield Static(FORM_KEYS, classes="hint")

    def has_typed_changes(self) -> bool:
        return self.query_one(FormFields).changed()

    def action_save(self) -> None:
        values = self.query_one(FormFields).values()
        if values is not None:
            self.answer(values)

    def on_form_fields_submitted(self, _: FormFields.Submitted) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.close()
