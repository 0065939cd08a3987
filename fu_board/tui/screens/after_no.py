"""The moment of a no: the reply that fits it, and a new lead.

Right after a no, the person is reminded that it is progress. A no they said gets
the short reply to send (disappointed, good wishes, keep me in mind, any other
opportunities?) and the offer to add the lead they give as a new card; a silence
counted as a no gets a short closing note, or nothing; a form rejection needs no reply.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fu_board.drafts import Draft
from fu_board.mail import mailto
from fu_board.model import NoKind
from fu_board.text import visible
from fu_board.tui.outside import copy_text, open_outside

EXPLAINED = {
    NoKind.SAID: "A short reply keeps the door open: say you are disappointed, wish them well, ask to be kept in "
    "mind for future roles there, and whether they know of other opportunities for someone with your skills.",
    NoKind.SILENCE: "Nobody let you know, so there is nothing to thank them for. A short closing note keeps the "
    "door open, or send nothing at all.",
    NoKind.FORM: "A form rejection, with nobody behind it: it counts, and it needs no reply.",
}


class AfterNoScreen(ModalScreen[bool]):
    """The greeting, the reply that fits the kind of no, and (after a no they said) an
    offer to add the lead. Returns True when the person asked to add a lead."""

    BINDINGS = [
        Binding("c", "copy", "Copy"),
        Binding("m", "mail", "Mail"),
        Binding("a", "add_lead", "Add their lead"),
        Binding("escape,enter", "close", "Done"),
    ]

    def __init__(self, greeting: str, script: str, kind: NoKind = NoKind.SAID, draft: Draft | None = None) -> None:
        super().__init__()
        self.greeting = greeting
        self.script = script
        self.kind = kind
        self.draft = draft
        """The reply as an email, for `m`."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="after-no"):
            yield Label(
                Content.styled(visible(self.greeting, one_line=True), "bold $text-success"), classes="dialog-title"
            )
            yield Static(EXPLAINED[self.kind], id="after-no-why")
            if self.script:
                yield Static(Content(visible(self.script)), id="after-no-script")
            keys: list[str | tuple[str, str]] = []
            if self.script:
                keys += [("c", "bold $text-accent"), " copies the message · "]
            if self.draft is not None and self.draft.email:
                keys += [("m", "bold $text-accent"), " writes it in your mail program · "]
            if self.kind is NoKind.SAID:
                keys += [("a", "bold $text-accent"), " adds a lead they mention as a new card · "]
            keys += [("escape", "bold $text-accent"), " done"]
            yield Static(Content.assemble(*keys), classes="hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "copy":
            return bool(self.script)
        if action == "mail":
            return self.draft is not None
        if action == "add_lead":
            return self.kind is NoKind.SAID
        return True

    def action_copy(self) -> None:
        copy_text(self.app, self.script)

    def action_mail(self) -> None:
        """The reply in the mail program; nothing is logged (the card is resolved already)."""
        if self.draft is None:
            return
        if not self.draft.email:
            self.notify("No email known for them: c copies the message instead.", severity="warning")
            return
        open_outside(self.app, mailto(self.draft), "c copies the message.")

    def action_add_lead(self) -> None:
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)
