"""fu-board's own commands in the command palette (ctrl+p), beside Textual's, and every
card, found by company or role, to jump to."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.theme import ThemeProvider

from fu_board.store import write_atomically
from fu_board.text import visible
from fu_board.tui.outside import copy_text
from fu_board.tui.screens.board import BoardScreen
from fu_board.tui.session_app import session_of

EXPORT_FORMATS = {  # `fu_board.export.EXPORTERS`
    "csv": "a spreadsheet (CSV)",
    "md": "a report (Markdown)",
    "ics": "a calendar (iCalendar)",
    "json": "a copy (JSON)",
}


class ThemeCommands(ThemeProvider):
    """Textual's themes, as Textual's picker lists them; the one picked is kept in the
    board's settings, even when it is the one on screen."""

    @property
    def commands(self) -> list[tuple[str, Callable[[], None]]]:
        return [(name, partial(self.choose, name)) for name in sorted(self.app.available_themes)]

    def choose(self, name: str) -> None:
        """Through the app's own action (`FuBoardApp.action_choose_theme`)."""
        self.app.call_next(self.app.run_action, f"app.choose_theme({name!r})")


class BoardCommands(Provider):
    """Add, review, stats, export, where the file is; and a card by its company or role."""

    def _board_screen(self) -> BoardScreen | None:
        screen = self.screen
        return screen if isinstance(screen, BoardScreen) else None

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(name, help, run) for each command there is now."""
        board = self._board_screen()
        if board is None:
            return []
        commands: list[tuple[str, str, Callable[[], object]]] = [
            ("Add an application", "the form for a new card (n)", board.action_add),
            ("Daily review", "today's follow-ups, one card at a time (r)", board.action_review),
            ("Statistics", "funnel, outcomes, weekly activity (g)", board.action_stats),
            ("Where is my board?", "show the board file's path, and copy it", self.show_path),
        ]
        commands += [
            (f"Export as {what}", "written beside the board file, in exports/", partial(self.export, fmt))
            for fmt, what in EXPORT_FORMATS.items()
        ]
        return commands

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
        async for hit in self._cards(query):
            yield hit

    async def _cards(self, query: str) -> AsyncIterator[Hit]:
        board = self._board_screen()
        if board is None:
            return
        matcher = self.matcher(query)
        for card in session_of(self.app).board.cards:
            text = visible(card.title, one_line=True)
            if (score := matcher.match(text)) > 0:
                where = card.outcome.value if card.outcome else card.stage.label
                yield Hit(
                    score, matcher.highlight(text), partial(board.jump_to, card.id), help=f"go to the card ({where})"
                )

    def show_path(self) -> None:
        path = str(session_of(self.app).file.path)
        self.app.notify(path, title="Your board", timeout=10)
        copy_text(self.app, path, copied="Its path is copied.")

    def export(self, fmt: str) -> None:
        from fu_board.export import EXPORTERS  # and csv: only when an export is asked for

        session = session_of(self.app)
        folder = session.file.path.parent / "exports"
        target = folder / f"board-{session.today.isoformat()}.{fmt}"
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            write_atomically(target, EXPORTERS[fmt](session.board, session.today).encode("utf-8"))
        except OSError as error:
            self.app.notify(f"Could not export to {target}: {error.strerror or error}", severity="error")
            return
        self.app.notify(f"Exported {len(session.board.cards)} cards to {target}", timeout=10)
