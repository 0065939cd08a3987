"""A question answered with one key: how an application ended, what kind of no it was."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fu_board.model import NoKind, Outcome

T = TypeVar("T")


@dataclass(frozen=True)
class Choice(Generic[T]):
    """One answer: the keys that pick it, the value returned, and what it means."""

    keys: tuple[str, ...]
    value: T
    words: str


class ChooseScreen(ModalScreen[T | None], Generic[T]):
    """Returns the value of the answer whose key was pressed; None on escape."""

    def __init__(
        self, title: Content, choices: Sequence[Choice[T]], *, detail: Content | None = None, escape: str = "cancel"
    ) -> None:
        """`detail` explains the question above the answers; `escape` says what escape does."""
        super().__init__()
        self.title_content = title
        self.choices = choices
        self.detail = detail
        self.escape = escape

    def compose(self) -> ComposeResult:
        lines = [Content.assemble((choice.keys[0], "bold $text-accent"), "  ", choice.words) for choice in self.choices]
        with Vertical(classes="dialog" if self.detail else "dialog small"):
            yield Label(self.title_content, classes="dialog-title")
            if self.detail is not None:
                yield Static(self.detail, classes="choose-detail")
            yield Static(Content("\n").join(lines))
            yield Static(f"escape: {self.escape}", classes="hint")

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            event.stop()
            self.dismiss(None)
            return
        for choice in self.choices:
            if event.key in choice.keys:
                event.stop()
                self.dismiss(choice.value)
                return


OUTCOMES: tuple[Choice[Outcome], ...] = (
    Choice(("y",), Outcome.YES, "✓ yes: an offer"),
    Choice(("x",), Outcome.NO, "✗ no: a rejection, or silence you count as a no"),
    Choice(("w",), Outcome.WITHDRAWN, "↩ withdrawn: you stepped out (not a no)"),
)

NO_KINDS: tuple[Choice[NoKind], ...] = (
    Choice(("x", "enter"), NoKind.SAID, "they said no: a person wrote or called"),
    Choice(("s",), NoKind.SILENCE, "no answer, and you decided silence counts as a no"),
    Choice(("f",), NoKind.FORM, "a form rejection, with nobody behind it"),
)
