"""Shown instead of the board when the board file cannot be read."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, Static

from fu_board.backups import backup_words
from fu_board.store import BoardFileError
from fu_board.text import visible
from fu_board.tui.screens.board import BoardScreen
from fu_board.tui.session_app import session_of
from fu_board.tui.widgets.fitted_footer import FittedFooter


class LoadErrorScreen(Screen[None]):
    """Names the file, the place and the problem; the file is left as it is.

    When a backup of the board does load, `o` shows it read-only.
    """

    BINDINGS = [
        Binding("o", "open_backup", "Open the backup read-only"),
        Binding("q,escape", "app.quit", "Quit"),
    ]

    def __init__(self, error: BoardFileError) -> None:
        super().__init__()
        self.error = error

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_backup":
            return self.error.backup is not None
        return True

    def _advice(self) -> str:
        if not self.error.path.exists():
            return (
                "There was no board here yet, and fu-board could not create one. Check that this folder can be "
                "written, or choose another file with --board PATH or FU_BOARD_FILE."
            )
        advice = (
            "Nothing was changed and nothing will be written. Fix the file in a text editor "
            "(or put back a copy you trust) and open fu-board again."
        )
        if self.error.backup is not None:
            name = self.error.backup.name
            advice += (
                f"\n\nThe newest backup that loads is {backup_words(self.error.backup)}. o shows it here, read-only; "
                f"fu-board restore {name} puts it back as your board (the broken file is backed up first)."
            )
        return advice

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
            yield Static(Content(visible(self._advice())), classes="hint")
        yield FittedFooter()

    def action_open_backup(self) -> None:
        """Show the newest backup that loads, read-only, in place of the board."""
        backup = self.error.backup
        if backup is None:
            return
        try:
            session_of(self).open_backup(backup)
        except (BoardFileError, FileNotFoundError) as error:
            self.notify(f"The backup cannot be read either: {error}", severity="error", timeout=15)
            return
        self.app.push_screen(BoardScreen())
        self.notify(
            f"Read-only: this is the backup {backup.name}. To put it back: fu-board restore {backup.name}",
            severity="warning",
            timeout=20,
        )
