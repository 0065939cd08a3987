"""The moment of a no: the short script to send, and a new lead.

Right after a no, the person is reminded that it is progress, gets the three
sentences to send (disappointed, good wishes, any other opportunities?) and
can add the lead they are given as a new card.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fu_board.text import visible


class AfterNoScreen(ModalScreen[bool]):
    """The greeting, the script to send, and an offer to add the lead. Returns
    True when the person asked to add a lead."""

    BINDINGS = [
        Binding("c", "copy", "Copy"),
        Binding("a", "add_lead", "Add their lead"),
        Binding("escape,enter", "close", "Done"),
    ]

    def __init__(self, greeting: str, script: str) -> None:
        super().__init__()
        self.greeting = greeting
        self.script = script

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="after-no"):
            yield Label(
                Content.styled(visible(self.greeting, one_line=True), "bold $text-success"), classes="dialog-title"
            )
            yield Static(
                "A short reply keeps the door open: say you are disappointed, wish them well with their choice, "
                "and ask whether they know of other opportunities for someone with your skills.",
            )
            yield Static(Content(visible(self.script)), id="after-no-script")
            yield Static(
                Content.assemble(
                    ("c", "bold $text-accent"),
                    " copies the message · ",
                    ("a", "bold $text-accent"),
                    " adds a lead they mention as a new card · ",
                    ("escape", "bold $text-accent"),
                    " done",
                ),
                classes="hint",
            )

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.script)
        self.notify("Message copied.", markup=False)

    def action_add_lead(self) -> None:
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)
