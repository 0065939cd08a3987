"""Shown instead of the board when the board file cannot be read."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from fu_board.store import BoardFileError
from fu_board.text import visible


class LoadErrorScreen(Screen[None]):
    """Names the file, the place and the problem; the file is left as it is."""

    BINDINGS = [Binding("q,escape", "app.quit", "Quit")]

    def __init__(self, error: BoardFileError) -> None:
        super().__init__()
        self.error = error

    def _advice(self) -> str:
        if not self.error.path.exists():
            return (
                "There was no board here yet, and fu-board could not create one. Check that this folder can be "
                "written, or choose another file with --board PATH or FU_BOARD_FILE."
            )
        return (
            "Nothing was changed and nothing will be written. Fix the file in a text editor "
            "(or put back a copy you trust) and open fu-board again."
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="load-error"):
            yield Label("fu-board cannot open your board", classes="dialog-title error")
            yield Static(
                Content.assemble(
                    ("File:    ", "bold"),
                    visible(str(self.error.path), one_line=True),
                    "\n",
                    ("Where:   ", "bold"),
                    visible(self.error.where or "the whole file", one_line=True),
                    "\n",
                    ("Problem: ", "bold"),
                    visible(self.error.problem),
                )
            )
            yield Static(self._advice(), classes="hint")
        yield Footer()
