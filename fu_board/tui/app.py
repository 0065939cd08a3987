"""The fu-board app: one factory for the CLI, the tests and the screenshots."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from fu_board import board as ops
from fu_board.model import Board
from fu_board.store import BoardFileError, open_board, save_board
from fu_board.text import visible
from fu_board.tui.screens.board import BoardScreen
from fu_board.tui.screens.load_error import LoadErrorScreen

EXIT_UNREADABLE = 2


class FuBoardApp(App[int]):
    """Holds the board and its file; screens change the board through `apply`."""

    CSS_PATH = "app.tcss"
    TITLE = "fu-board"

    def __init__(self, path: Path, *, today: dt.date | None = None, clock: Callable[[], dt.date] = dt.date.today):
        super().__init__()
        self.path = path
        self._today = today
        self._clock = clock
        self.board = Board()
        self.load_error: BoardFileError | None = None
        self.unsaved = False

    @property
    def today(self) -> dt.date:
        """The date the board is drawn for: fixed in tests and screenshots, else the clock's."""
        return self._today or self._clock()

    def get_default_screen(self) -> Screen[None]:
        try:
            self.board = open_board(self.path)
        except BoardFileError as error:
            self.load_error = error
            return LoadErrorScreen(error)
        return BoardScreen()

    def apply(self, operation: Callable[[Board], ops.Change]) -> ops.Change | None:
        """Run one board operation and save the result at once.

        A refused operation becomes a notice; a failed save keeps the change in
        memory and says so.
        """
        try:
            change = operation(self.board)
        except ops.BoardError as error:
            self.notify(visible(str(error)), severity="warning", markup=False)
            return None
        self.board = change.board
        self.save()
        return change

    def save(self) -> None:
        try:
            save_board(self.path, self.board)
        except (BoardFileError, ValueError) as error:
            self.unsaved = True
            self.notify(
                f"Not saved: {visible(str(error))}. Your changes are kept while fu-board stays open.",
                severity="error",
                timeout=15,
                markup=False,
            )
        else:
            self.unsaved = False


def make_app(path: Path, *, today: dt.date | None = None) -> FuBoardApp:
    """The app on the board at `path`, drawn for `today` (default: the real date)."""
    return FuBoardApp(path, today=today)


def run_app(path: Path, *, today: dt.date | None = None) -> int:
    """Run the TUI; exit status 2 when the board file cannot be read."""
    app = make_app(path, today=today)
    app.run()
    if app.load_error is not None:
        sys.stderr.write(f"fu-board: error: {visible(str(app.load_error), one_line=True)}\n")
        return EXIT_UNREADABLE
    return 0
