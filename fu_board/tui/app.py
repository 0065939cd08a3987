"""The fu-board app: one factory for the CLI, the tests and the screenshots."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import os
import sys
import threading
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.constants import DEFAULT_THEME
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerCancelled, WorkerFailed, WorkerState

from fu_board import board as ops
from fu_board.board_file import BoardFile, Conflict, Saved
from fu_board.history import History, Step, describe
from fu_board.merge import Side
from fu_board.model import Board, warm_up
from fu_board.search import Finder
from fu_board.store import BoardFileError, remember_saved
from fu_board.text import visible
from fu_board.tui.card_actions import preload_dialogs
from fu_board.tui.commands import BoardCommands, ThemeCommands
from fu_board.tui.idle_collection import IdleCollection
from fu_board.tui.screens.board import BoardScreen
from fu_board.tui.screens.confirm import ConfirmScreen

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from fu_board.tui.widgets.form_fields import FormFields

EXIT_UNSAVED = 1
EXIT_UNREADABLE = 2


class FuBoardApp(App[int]):
    """Holds the board and its file; screens change the board through `apply`."""

    CSS_PATH = "app.tcss"
    TITLE = "fu-board"
    BINDINGS = [Binding("ctrl+s", "save", "Save", tooltip="try again to save a change that could not be saved")]
    COMMANDS = {*App.COMMANDS, BoardCommands}
    """Textual's commands in the palette (ctrl+p), fu-board's own and its cards."""
    FRAME_WAIT = 0.1
    """Seconds a save waits at most for the frame that shows its change."""
    POLL_SECONDS = 1.0
    """How often the board on screen checks the file for changes saved by others."""
    CLOCK_SECONDS = 20.0
    """How often the app looks whether the day ended or an interview of today began."""

    def __init__(
        self,
        path: Path,
        *,
        today: dt.date | None = None,
        clock: Callable[[], dt.date] = dt.date.today,
        now: dt.time | None = None,
        notice: str | None = None,
    ):
        """`today` and `now` fix the day and the time of day the board is drawn for (tests and
        screenshots; a fixed day without a time is seen at its end, its interviews held);
        otherwise they are the clock's."""
        super().__init__()
        self.path = path
        self.file = BoardFile(path)
        self.file.today = lambda: self.today
        self._held_keys: list[events.Key] | None = None
        """Keys that came after an enter in a form, until the cursor has moved on."""
        self._calendar_problem: str | None = None
        """What was last said about the calendar file not being written."""
        self._today = today
        self._clock = clock
        self._now = now if today is not None else dt.datetime.now().time()
        self._day_seen = self.today
        self._unknown_theme: str | None = None
        """A theme named in the settings that Textual does not have, once reported."""
        self._following = False
        """Whether the theme is being set from the settings (which are then not saved)."""
        self.board = Board()
        self._reported: str | None = None
        """The last outside problem reported, so that polling does not repeat it."""
        self._asking = False
        """Whether the conflict dialog is open."""
        self._in_flight: Board | None = None
        """The board a background save is writing."""
        self._worker: Worker[Any] | None = None
        self._again = False
        """Whether the board changed while that save was under way."""
        self.load_error: BoardFileError | None = None
        self.unsaved = False
        self.choosing = False
        """Whether the unsaved changes wait for the person to choose a side in a conflict."""
        self._choosing_shown = False
        self.reloaded = False
        """Whether the last reload or save took in changes made outside this app."""
        self.idle_collection = IdleCollection()
        self.notice = notice
        """Said once the board is on screen (the demo says what it is)."""
        self.finder = Finder()
        """The cards' searchable text, for the board's filter (`/`)."""
        self.history = History()
        """This session's changes, for undo and redo."""

    @property
    def board(self) -> Board:
        """The board on screen; whenever it changes, the look follows its settings' theme."""
        return self._board

    @board.setter
    def board(self, board: Board) -> None:
        self._board = board
        self._follow_theme(board.settings.theme)

    @property
    def today(self) -> dt.date:
        """The date the board is drawn for: fixed in tests and screenshots, else the clock's."""
        return self._today or self._clock()

    @property
    def now(self) -> dt.time | None:
        """The time of day the rules see (`fu_board.rules.is_held`): it moves on only when an
        interview of today begins or the day ends (`follow_clock`), so everything worked out
        for the board stays valid in between."""
        return self._now

    def follow_clock(self) -> None:
        """On a new day, or once an interview of today has begun (it is held from then on:
        its thank-yous are owed), draw the board for the new moment."""
        if self._today is not None:
            return
        moment = dt.datetime.now()
        day, time = moment.date(), moment.time()
        at, then = f"{time:%H:%M}", f"{self._now:%H:%M}" if self._now is not None else "99:99"
        begun = any(
            interview.date == day and interview.time and then < interview.time <= at
            for card in self.board.cards
            if card.interviews and not card.is_resolved
            for interview in card.interviews
        )
        if day == self._day_seen and not begun:
            return
        self._day_seen, self._now = day, time
        screen = self.screen
        if isinstance(screen, BoardScreen):
            screen.refresh_board(follow=screen.selected_id())

    def action_help_quit(self) -> None:
        """ctrl+c, out of habit: which key quits (Textual's own words carry markup, which
        `notify` shows as it is)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(
                    f"Press {active.binding.key_display or key} to quit fu-board.", title="Do you want to quit?"
                )
                return

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
            self.board = self.file.open()
        except BoardFileError as error:
            from fu_board.tui.screens.load_error import LoadErrorScreen  # rarely needed: imported then

            self.load_error = error
            return LoadErrorScreen(error)
        settle_loaded()
        return BoardScreen()

    # The theme -----------------------------------------------------------------------

    def _theme_named(self, name: str) -> str | None:
        """The Textual theme `name` means, case, spaces and underscores aside ("Tokyo Night"
        is tokyo-night); None when Textual has no such theme."""
        if name in self.available_themes:
            return name
        loose = "-".join(name.casefold().replace("_", " ").split())
        return loose if loose in self.available_themes else None

    def _follow_theme(self, name: str | None) -> None:
        """Show the theme the board's settings name (chosen here, in another window or by
        hand), or Textual's default when they name none. A name Textual does not have is
        reported once and left in the file as it is; following never writes the file."""
        wanted = self._theme_named(name) if name else DEFAULT_THEME
        if wanted is None:
            if name != self._unknown_theme:
                self._unknown_theme = name
                self.notify(
                    f"{self.path}: settings.theme: {name!r} is not one of Textual's themes, so fu-board shows "
                    f"{self.theme}. To choose one: ctrl+p, then Theme.",
                    severity="warning",
                    timeout=15,
                )
            return
        if wanted != self.theme:
            self._following = True
            try:
                self.theme = wanted
            finally:
                self._following = False

    def watch_theme(self, name: str) -> None:
        """A theme chosen here (not one followed from the file) is kept in the settings."""
        if not self._following:
            self._keep_theme(name)

    def choose_theme(self, name: str) -> None:
        """The palette's theme picker: show `name` and keep it, even when it is on screen
        already (choosing the theme shown in place of a name Textual lacks)."""
        if name == self.theme:
            self._keep_theme(name)
        else:
            self.theme = name  # kept by `watch_theme`

    def _keep_theme(self, name: str) -> None:
        """Save the theme in the board's settings at once. It is a preference, not a change
        to the job search: undo leaves it alone."""
        if self.load_error is not None or name == self.board.settings.theme:
            return
        if self.file.read_only:
            self.notify("Read-only: the theme lasts until you quit and is not saved.", timeout=6)
            return
        self.board = self.board.replace(settings=self.board.settings.replace(theme=name))
        self.save()

    def search_themes(self) -> None:
        """Textual's theme picker (ctrl+p, Theme), each pick kept in the board's settings."""
        self.push_screen(CommandPalette(providers=[ThemeCommands], placeholder="Search for themes…"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands, the theme's saying that the choice is kept."""
        for command in super().get_system_commands(screen):
            if command.title == "Theme":
                yield command._replace(help="Change the theme; fu-board keeps your choice in the board's settings")
            else:
                yield command

    def on_mount(self) -> None:
        self.call_after_refresh(self._collect_when_idle)
        if self.file.read_only:
            self.notify(f"Read-only: {self.file.read_only}.", severity="warning", timeout=15)
        if self.notice:
            self.notify(self.notice, timeout=15)
        self.set_interval(self.POLL_SECONDS, self.poll_file)
        self.set_interval(self.CLOCK_SECONDS, self.follow_clock)
        self.call_after_refresh(
            self.run_worker, partial(prepare, self.board, self.finder), thread=True, name="prepare", exit_on_error=False
        )

    def _collect_when_idle(self) -> None:
        """From the first frame on: not before it, which a collection would only delay."""
        self.idle_collection.start()
        self.set_interval(IdleCollection.TICK, self.idle_collection.tick)

    def on_unmount(self) -> None:
        self.idle_collection.stop()

    ENTER_PATIENCE = 0.5
    """Seconds the keys after an enter in a form wait at most for the cursor to move on."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not isinstance(event, events.MouseMove):
            self.idle_collection.activity()
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._held_keys is not None:  # after an enter in a form: to the field it moves to
                self._held_keys.append(event)
                return
            form = self._form_of_focus() if event.key == "enter" else None
            if form is not None:
                self._hold_keys_until(form.expect_enter())
        await super().on_event(event)

    def _hold_keys_until(self, entered: asyncio.Future[None]) -> None:
        """Keys in a burst (a paste, a fast typist, a slow ssh link) are each handed to the
        widget focused when the app takes them, and a field handles its own keys later; so
        what follows an enter in a form waits until the cursor has moved on, then goes
        where it now is (at most `ENTER_PATIENCE` later, should the enter go elsewhere)."""
        held: list[events.Key] = []
        self._held_keys = held

        def release(*_: object) -> None:
            if self._held_keys is not held:  # released already (the enter handled, or the wait over)
                return
            self._held_keys = None
            timer.stop()
            for key in held:
                self.post_message(key)

        timer = self.set_timer(self.ENTER_PATIENCE, release)
        entered.add_done_callback(release)

    def _form_of_focus(self) -> FormFields | None:
        """The form whose field has the focus, if one has (none before a form's module is
        imported: the dialogs come after the first frame)."""
        forms = sys.modules.get("fu_board.tui.widgets.form_fields")
        node: DOMNode | None = self.focused
        while forms is not None and node is not None:
            if isinstance(node, forms.FormFields):
                form: FormFields = node
                return form
            node = node.parent
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return self.unsaved
        return True

    def open_backup(self, backup: Path) -> None:
        """Show a backup, read-only, when the board itself cannot be read."""
        self.file = BoardFile(backup)
        try:
            self.board = self.file.open_read_only(f"showing the backup {backup.name}, not your board")
        except (BoardFileError, FileNotFoundError) as error:
            self.notify(f"The backup cannot be read either: {error}", severity="error", timeout=15)
            return
        settle_loaded()
        self.push_screen(BoardScreen())
        self.notify(
            f"Read-only: this is the backup {backup.name}. To put it back: fu-board restore {backup.name}",
            severity="warning",
            timeout=20,
        )

    # Changes made outside ----------------------------------------------------------

    def catch_up(self) -> bool:
        """Take in what others saved to the file (the CLI, an editor, a sync), unless
        this window holds changes not yet saved (those are merged when they are saved).

        Returns whether the board was reloaded. A file that cannot be read now is
        reported once and left alone; the board stays as it was.
        """
        self.reloaded = False
        if self.unsaved or self.saving or not self.file.changed_outside():
            return False
        try:
            self.board = self.file.reload()
            settle_loaded()
        except (BoardFileError, FileNotFoundError) as error:
            problem = str(error)
            if problem != self._reported:
                self._reported = problem
                self.notify(
                    f"The board file was changed outside fu-board and cannot be read now; "
                    f"fu-board keeps showing the board as it was and saves nothing over it: {problem}",
                    severity="error",
                    timeout=20,
                )
            return False
        self._reported = None
        self.reloaded = True
        return True

    def poll_file(self) -> None:
        """While the board is on screen (no dialog open), show what others saved."""
        screen = self.screen
        if isinstance(screen, BoardScreen) and self.catch_up():
            screen.refresh_board(follow=screen.selected_id())
            self.notify("The board file changed outside fu-board: showing it as it is now.", timeout=4)

    # Changing the board ------------------------------------------------------------

    def apply(self, operation: Callable[[Board], ops.Change]) -> ops.Change | None:
        """Run one board operation on the board on screen and save the result at once.

        What others saved meanwhile is merged in card by card; when both sides
        changed the same card the person chooses. A refused operation becomes a
        notice; a failed save keeps the change in memory and says so.
        """
        if self.refuse_read_only():
            return None
        try:
            change = operation(self.board)
        except ops.BoardError as error:
            self.notify(str(error), severity="warning")
            return None
        self.history.record(self.board, change.board, describe(change))
        self.board = change.board
        self.save()
        return change

    def apply_to_board(self, update: Callable[[Board], Board]) -> None:
        """Like `apply`, for a change to the board as a whole (the review streak)."""
        if not self.refuse_read_only():
            before, self.board = self.board, update(self.board)
            self.history.record(before, self.board, "the review finished")
            self.save()

    def undo(self, redo: bool = False) -> Step | None:
        """Undo the session's latest change (or redo the latest undone), saved like any
        change, with a notice of what it was; that change, or None when there was none."""
        if self.refuse_read_only():
            return None
        done = self.history.redo(self.board) if redo else self.history.undo(self.board)
        if done is None:
            self.notify(f"Nothing to {'redo' if redo else 'undo'}.", timeout=3)
            return None
        self.board, step = done
        self.notify(f"{'Redone' if redo else 'Undone'}: {step.what}.", timeout=4)
        self.save()
        return step

    # Saving --------------------------------------------------------------------------

    @property
    def saving(self) -> bool:
        """Whether a save is under way or waiting to follow the one under way."""
        return self._worker is not None or self._again

    def save(self) -> None:
        """Save the board off the UI thread, so no keystroke waits for the disk.

        Saves coalesce: changes made while one is under way are written by the next,
        which takes the board as it is then. When someone else changed the file
        meanwhile, the save finishes here instead, merging or asking (`save_now`).
        """
        if self.file.read_only or self._held_for_dialog():
            return
        if self._worker is not None:
            self._again = True
            return
        self._again = False
        self._in_flight = self.board
        drawn = threading.Event()
        self.call_after_refresh(drawn.set)
        self._worker = self.run_worker(
            partial(self._write_in_background, self._in_flight, drawn),
            name="save",
            description="save",  # without it Textual builds the repr of the whole board: 0.8 s at 10,000 cards
            thread=True,
            group="save",
            exit_on_error=False,
        )

    def _write_in_background(self, board: Board, drawn: threading.Event) -> Saved | Exception | None:
        """Runs in a thread: touches nothing but the file and the board it was given.

        It starts once the frame that shows the change is drawn (or after `FRAME_WAIT`
        seconds): a save holds the interpreter for much of its time, and running beside
        that frame made it 5-10 ms later at 10,000 cards."""
        drawn.wait(self.FRAME_WAIT)
        try:
            return self.file.commit_if_unchanged(board)
        except (BoardFileError, ValueError, OSError) as error:
            return error

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self._finish_save(event.worker)

    def _finish_save(self, worker: Worker[Any]) -> None:
        """Take in a background save's result, once (its message and `saves_settled` may both ask)."""
        if worker is not self._worker:
            return
        board, self._worker, self._in_flight = self._in_flight, None, None
        self._report_calendar()
        result = worker.result if worker.state is WorkerState.SUCCESS else worker.error
        if isinstance(result, Exception):
            self._save_failed(result)
        elif result is None:  # someone else saved meanwhile: merge here, with every change made since
            self._again = False
            self.save_now()
        elif self._again or self.board is not board:
            self.save()
        elif self.unsaved:
            self.unsaved = self.choosing = False
            self._show_saved_state(True)

    async def saves_settled(self) -> None:
        """Wait until every change made so far has been written (or has failed to be).

        It waits on the save itself, not on its message, so an action may await it.
        """
        while (worker := self._worker) is not None:
            if worker.state is WorkerState.PENDING:
                await asyncio.sleep(0)
                continue
            with contextlib.suppress(WorkerFailed, WorkerCancelled):
                await worker.wait()
            self._finish_save(worker)

    def _save_failed(self, error: Exception) -> None:
        was_unsaved, self.unsaved = self.unsaved, True
        self.choosing = False
        self._again = False
        self.notify(
            f"Not saved: {error}. Your changes are kept while fu-board stays open; ctrl+s tries again.",
            severity="error",
            timeout=15,
        )
        self._show_saved_state(was_unsaved)

    def refuse_read_only(self) -> bool:
        """Say so and return True when the board must not be changed."""
        if self.file.read_only:
            self.notify(f"Nothing was changed. Read-only: {self.file.read_only}.", severity="warning", timeout=8)
        return self.file.read_only is not None

    def save_now(self, *, quitting: bool = False) -> bool:
        """Write the board now, on this thread, merged with what others saved; on failure keep
        it in memory, mark it unsaved and say so. Only while no background save is under way."""
        if self.file.read_only:
            return True
        if self._held_for_dialog():
            return False
        was_unsaved = self.unsaved
        self.reloaded = False
        try:
            result = self.file.commit(self.board)
        except (BoardFileError, ValueError, OSError) as error:
            self._save_failed(error)
        else:
            if isinstance(result, Conflict):
                self.unsaved = self.choosing = True
                self._ask_about(result, quitting=quitting)
            else:
                self.unsaved = self.choosing = False
                if result.board is not self.board:  # others' changes merged in: show them, keep them
                    self.board = result.board
                    self.reloaded = True
                if result.taken:
                    many = "s" if result.taken > 1 else ""
                    self.notify(f"Saved, with {result.taken} change{many} made outside fu-board meanwhile.")
                if result.recreated:
                    self.notify(
                        f"The board file had been deleted or moved away; fu-board wrote it again at {self.path}.",
                        severity="warning",
                        timeout=15,
                    )
        self._show_saved_state(was_unsaved)
        return not self.unsaved

    def _held_for_dialog(self) -> bool:
        """While the conflict dialog is open, a change waits for it (marked unsaved): the
        choice made there settles it with the rest."""
        if self._asking:
            was_unsaved, self.unsaved = self.unsaved, True
            self._show_saved_state(was_unsaved)
        return self._asking

    def _show_saved_state(self, was_unsaved: bool) -> None:
        self._report_calendar()
        if was_unsaved and not self.unsaved:
            self.notify("Saved: every change is in the file now.", timeout=4)
        if self.unsaved != was_unsaved or self.choosing != self._choosing_shown or self.reloaded:
            self._choosing_shown = self.choosing
            self.refresh_bindings()  # ctrl+s shows in the footer only while something is unsaved
            if isinstance(self.screen, BoardScreen):
                if self.reloaded:  # others' changes taken in: the cursor stays on its card
                    self.screen.refresh_board(follow=self.screen.selected_id())
                else:
                    self.screen.refresh_header()

    def copy_text(self, text: str, copied: str = "") -> None:
        """Copy `text` both ways there are: the terminal's clipboard (OSC 52, which reaches the
        person's own machine even over ssh) and, in a local session, the system's (a tool
        such as `pbcopy`, on a thread); then say truthfully whether it worked. `copied` is
        said first, when it did (what was copied)."""
        self.copy_to_clipboard(text)
        self._copy_to_system(text, copied)

    @work(thread=True, exclusive=True, group="clipboard", exit_on_error=False)
    def _copy_to_system(self, text: str, copied: str) -> None:
        from fu_board import clipboard

        tool = clipboard.copy(text)
        words, warn = clipboard.copied_words(tool, os.environ)
        if copied and not warn:
            words = copied
        self.call_from_thread(
            self.notify, words, severity="warning" if warn else "information", timeout=10 if warn else 4, markup=False
        )

    def _report_calendar(self) -> None:
        """Say once that the calendar file could not be written, and once that it is again."""
        calendar = sys.modules.get("fu_board.ics")  # imported only by a save that keeps a calendar
        problem = calendar.SYNCED.problem if calendar is not None else None
        if problem != self._calendar_problem:
            if problem:
                self.notify(f"Saved, but {problem}.", severity="warning", timeout=15, markup=False)
            elif self._calendar_problem:
                self.notify("The calendar file is written again.", timeout=4)
            self._calendar_problem = problem

    def _ask_about(self, conflict: Conflict, *, quitting: bool) -> None:
        """One dialog at a time; changes made while it is open are settled with it.

        It opens after whatever the change itself opens next (the moment of a no),
        so the question comes first.
        """
        from fu_board.tui.screens.conflict import conflict_dialog  # rarely needed: imported then

        def chosen(side: Side | None) -> None:
            self._asking = False
            if side is None:
                if quitting:
                    self._confirm_quit()
                return
            # Against the board as it is now: it may hold changes made since the dialog opened.
            self.board = self.file.settle(conflict, side, self.board)
            saved = self.save_now(quitting=quitting)
            for screen in self.screen_stack:
                if isinstance(screen, BoardScreen):
                    screen.refresh_board(follow=screen.selected_id())
            if quitting:
                if saved:
                    self.exit()
                elif not self._asking:
                    self._confirm_quit()

        self._asking = True
        self.call_later(self.push_screen, conflict_dialog(conflict, quitting=quitting), chosen)

    async def action_save(self) -> None:
        """ctrl+s, shown while a change is not saved: try again now. The earlier "Not saved"
        notices go first (they would cover a dialog the retry opens); the retry says how it
        went (`_show_saved_state`, or a new notice if it fails again)."""
        await self.saves_settled()
        self.clear_notifications()
        self.save_now()

    async def action_quit(self) -> None:
        typed = any(getattr(screen, "has_typed_changes", lambda: False)() for screen in self.screen_stack)
        if typed:

            def answer(quit_anyway: bool | None) -> None:
                if quit_anyway:
                    self.call_later(self._quit_saved)

            self.push_screen(
                ConfirmScreen(
                    Content.styled("Quit and lose what you typed?", "bold $text-warning"),
                    "An open form holds text that is not saved yet. y quits without it; n goes back to it.",
                ),
                answer,
            )
            return
        await self._quit_saved()

    async def _quit_saved(self) -> None:
        """Quit once the board is saved; ask first when it cannot be."""
        await self.saves_settled()
        if not self.unsaved or self.save_now(quitting=True):
            self.exit()
        elif not self._asking:  # a conflict asks which side to keep first; other failures ask here
            self._confirm_quit()

    def _confirm_quit(self) -> None:
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


def prepare(board: Board, finder: Finder) -> None:
    """What the first frame was drawn without, made ready in the background rather than
    on the first key that needs it: pydantic's validators (the board came from the cache
    unchecked), the dialogs' modules and the cards' searchable text (200 ms at 10,000
    cards). They are tens of thousands of long-lived objects: frozen out of the cycle
    collector's way, as the board was (`settle_loaded`)."""
    warm_up()
    preload_dialogs()
    finder.learn(board.cards)
    gc.freeze()


def settle_loaded() -> None:
    """Move everything alive now, the board just loaded included, out of the cycle
    collector's way. A board of 10,000 cards is millions of objects: without this,
    every so often a full collection walks them all (about 250 ms) in the middle of a
    keystroke. Cards are immutable and hold no cycles, so freezing them keeps nothing
    alive that counting references would free. (The command line starts with the
    collector off, `fu_board.__main__`; the app collects when idle, `IdleCollection`.)"""
    gc.freeze()


def make_app(
    path: Path, *, today: dt.date | None = None, now: dt.time | None = None, notice: str | None = None
) -> FuBoardApp:
    """The app on the board at `path`, drawn for `today` at `now` (default: the real date and time)."""
    return FuBoardApp(path, today=today, now=now, notice=notice)


def run_app(path: Path, *, today: dt.date | None = None, notice: str | None = None) -> int:
    """Run the TUI; exit status 2 when the board file cannot be read, 1 when changes were lost."""
    app = make_app(path, today=today, notice=notice)
    app.run()
    if not app.unsaved and app.file.read_only is None and app.file.digest and app.file.base is app.board:
        remember_saved(app.file.path, app.board, app.file.digest)  # the next start skips parsing the TOML
    if app.load_error is not None:
        sys.stderr.write(f"fu-board: error: {visible(str(app.load_error), one_line=True)}\n")
        if app.load_error.backup is not None:
            name = visible(app.load_error.backup.name, one_line=True)
            sys.stderr.write(
                f"fu-board: the newest backup that loads is {name}; fu-board restore {name} puts it back\n"
            )
        return EXIT_UNREADABLE
    if app.unsaved:
        shown = visible(str(path), one_line=True)
        sys.stderr.write(f"fu-board: error: your last changes could not be saved to {shown}\n")
        return EXIT_UNSAVED
    return 0
