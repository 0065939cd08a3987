"""The fu-board app: one factory for the CLI, the tests and the screenshots."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen

from fu_board import board as ops
from fu_board.model import Board
from fu_board.store import BoardFileError, file_digest, open_board, read_board, save_board
from fu_board.text import visible
from fu_board.tui.screens.board import BoardScreen
from fu_board.tui.screens.confirm import ConfirmScreen
from fu_board.tui.screens.load_error import LoadErrorScreen

EXIT_UNSAVED = 1
EXIT_UNREADABLE = 2


class FuBoardApp(App[int]):
    """Holds the board and its file; screens change the board through `apply`."""

    CSS_PATH = "app.tcss"
    TITLE = "fu-board"
    BINDINGS = [Binding("ctrl+s", "save", "Save", tooltip="try again to save a change that could not be saved")]

    def __init__(self, path: Path, *, today: dt.date | None = None, clock: Callable[[], dt.date] = dt.date.today):
        super().__init__()
        self.path = path
        self._today = today
        self._clock = clock
        self.board = Board()
        self.digest: str | None = None
        """The fingerprint of the file as this app last read or wrote it."""
        self.load_error: BoardFileError | None = None
        self.unsaved = False
        self.reloaded = False
        """Whether the last `apply` first took in changes made outside this app."""

    @property
    def today(self) -> dt.date:
        """The date the board is drawn for: fixed in tests and screenshots, else the clock's."""
        return self._today or self._clock()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications often name a company or a contact: always plain text, control
        characters shown as symbols (`markup` is accepted and ignored)."""
        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False)

    def get_default_screen(self) -> Screen[None]:
        try:
            self.board, self.digest = open_board(self.path)
        except BoardFileError as error:
            self.load_error = error
            return LoadErrorScreen(error)
        return BoardScreen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return self.unsaved
        return True

    # Changing the board ------------------------------------------------------------

    def catch_up(self) -> bool:
        """Take in changes someone else saved to the file (the CLI, an editor, a sync).

        Returns False, after saying why, when the file can no longer be read.
        """
        self.reloaded = False
        if self.unsaved or file_digest(self.path) in (self.digest, None):
            return True
        try:
            self.board, self.digest = read_board(self.path)
        except (BoardFileError, FileNotFoundError) as error:
            self.notify(
                f"The board file was changed outside fu-board and cannot be read now, so nothing was changed: "
                f"{visible(str(error))}",
                severity="error",
                timeout=20,
                markup=False,
            )
            return False
        self.reloaded = True
        return True

    def apply(self, operation: Callable[[Board], ops.Change]) -> ops.Change | None:
        """Run one board operation on the latest board and save the result at once.

        When the file changed outside the app, the operation runs on what is in
        the file now, so neither change is lost. A refused operation becomes a
        notice; a failed save keeps the change in memory and says so.
        """
        if not self.catch_up():
            return None
        try:
            change = operation(self.board)
        except ops.BoardError as error:
            self.notify(visible(str(error)), severity="warning", markup=False)
            return None
        self.board = change.board
        self.save()
        return change

    def apply_to_board(self, update: Callable[[Board], Board]) -> bool:
        """Like `apply`, for a change to the board as a whole (the review streak)."""
        if not self.catch_up():
            return False
        self.board = update(self.board)
        return self.save()

    def save(self) -> bool:
        """Write the board; on failure keep it in memory, mark it unsaved and say so."""
        was_unsaved = self.unsaved
        try:
            self.digest = save_board(self.path, self.board)
        except (BoardFileError, ValueError) as error:
            self.unsaved = True
            self.notify(
                f"Not saved: {visible(str(error))}. Your changes are kept while fu-board stays open; "
                "ctrl+s tries again.",
                severity="error",
                timeout=15,
                markup=False,
            )
        else:
            self.unsaved = False
        if self.unsaved != was_unsaved:
            self.refresh_bindings()  # ctrl+s shows in the footer only while something is unsaved
            if isinstance(self.screen, BoardScreen):
                self.screen.refresh_header()
        return not self.unsaved

    def action_save(self) -> None:
        if self.save():
            self.notify("Saved.", markup=False)

    async def action_quit(self) -> None:
        if not self.unsaved or self.save():
            self.exit()
            return

        def answer(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit(return_code=EXIT_UNSAVED)

        self.push_screen(
            ConfirmScreen(
                Content.styled("Quit without saving?", "bold $text-error"),
                f"Your latest changes could not be written to {visible(str(self.path), one_line=True)}. "
                "y quits and loses them; n goes back to the board, where ctrl+s tries again.",
            ),
            answer,
        )


def make_app(path: Path, *, today: dt.date | None = None) -> FuBoardApp:
    """The app on the board at `path`, drawn for `today` (default: the real date)."""
    return FuBoardApp(path, today=today)


def run_app(path: Path, *, today: dt.date | None = None) -> int:
    """Run the TUI; exit status 2 when the board file cannot be read, 1 when changes were lost."""
    app = make_app(path, today=today)
    app.run()
    if app.load_error is not None:
        sys.stderr.write(f"fu-board: error: {visible(str(app.load_error), one_line=True)}\n")
        return EXIT_UNREADABLE
    if app.unsaved:
        sys.stderr.write(f"fu-board: error: your last changes could not be saved to {path}\n")
        return EXIT_UNSAVED
    return 0
