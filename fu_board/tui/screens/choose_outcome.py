"""Asks how an application ended: yes, no or withdrawn."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fu_board.model import Outcome


class ChooseOutcomeScreen(ModalScreen[Outcome | None]):
    """Returns the outcome picked with y, x or w; None on escape."""

    BINDINGS = [
        Binding("y", "choose('yes')", "Yes"),
        Binding("x", "choose('no')", "No"),
        Binding("w", "choose('withdrawn')", "Withdrawn"),
        Binding("escape", "choose('')", "Cancel"),
    ]

    def __init__(self, title: Content) -> None:
        super().__init__()
        self.title_content = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Label(self.title_content, classes="dialog-title")
            yield Static(
                Content.assemble(
                    ("y", "bold"),
                    "  ✓ yes: an offer\n",
                    ("x", "bold"),
                    "  ✗ no: a rejection, or silence you count as a no\n",
                    ("w", "bold"),
                    "  ↩ withdrawn: you stepped out (not a no)",
                )
            )
            yield Static("escape: cancel", classes="hint")

    def action_choose(self, outcome: str) -> None:
        self.dismiss(Outcome(outcome) if outcome else None)
