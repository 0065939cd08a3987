"""The fu-board app: one factory for the CLI, the tests and the screenshots.

The board itself, its file, its history and its saves live in a `Session`, which knows
nothing of Textual; the app is its host. It runs the session's saves in a worker thread,
turns what the session says into notices, and tells the screens that the board changed
through two reactives (`SessionApp.board_change`, `SessionApp.save_state`), which the
screens that show the board watch.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.constants import DEFAULT_THEME
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import NoActiveWorker, Worker, WorkerCancelled, WorkerFailed, WorkerState, get_current_worker

from fu_board.backups import backup_words
from fu_board.board_file import Conflict, Saved
from fu_board.model import warm_up
from fu_board.session import BoardChange, SaveJob, Session, Severity
from fu_board.store import BoardFileError, remember_saved
from fu_board.text import visible
from fu_board.tui.commands import BoardCommands, ThemeCommands
from fu_board.tui.idle_collection import IdleCollection
from fu_board.tui.key_gate import KeyGate
from fu_board.tui.screens.board import BoardScreen
from fu_board.tui.screens.confirm import ConfirmScreen
from fu_board.tui.session_app import SaveState, SessionApp
from fu_board.views import View

EXIT_UNSAVED = 1
EXIT_UNREADABLE = 2
EXIT_CRASHED = 3


class FuBoardApp(SessionApp):
    """The board on screen: the host of its `Session`."""

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
    GIVE_WAY = 0.25
    """Seconds without a key before work done in the background goes on (`give_way`)."""

    def __init__(
        self, path: Path, *, today: dt.date | None = None, now: dt.time | None = None, notice: str | None = None
    ):
        """`today` and `now` fix the day and the time of day the board is drawn for (tests and
        screenshots; a fixed day without a time is seen at its end, its interviews held);
        otherwise they are the clock's."""
        super().__init__(Session(path, self, today=today, now=now))
        self.path = path
        self.notice = notice
        """Said once the board is on screen (the demo says what it is)."""
        self.idle_collection = IdleCollection()
        self.keys = KeyGate(self)
        self._saving: tuple[SaveJob, Worker[Saved | Exception | None]] | None = None
        """The save under way in a worker thread, and its worker."""
        self._unknown_theme: str | None = None
        """A theme named in the settings that Textual does not have, once reported."""
        self._following = False
        """Whether the theme is being set from the settings (which are then not saved)."""
        self._quitting = False
        """Whether `q` is under way (saving, or asking before it quits)."""
        self.crashed = False
        """Whether the app stopped on an error nobody foresaw."""
        self.crash_report: Path | None = None
        """Where the report of that error went, when it could be written."""

    # What the session asks of its host ----------------------------------------------------

    def say(self, text: str, *, severity: Severity = "information", timeout: float | None = None) -> None:
        self.notify(text, severity=severity, timeout=timeout)

    def board_changed(self, change: BoardChange) -> None:
        if change.read:  # a board just read whole: out of the collector's way (`settle_loaded`)
            settle_loaded()
        self._follow_theme(change.board.settings.theme)
        self.board_change = change

    def save_state_changed(self) -> None:
        session = self.session
        self.save_state = SaveState(session.unsaved, session.choosing, session.read_only)
        self.refresh_bindings()  # ctrl+s shows in the footer only while something is unsaved

    def run_save(self, job: SaveJob) -> None:
        """Write off the UI thread, once the frame that shows the change is drawn (or after
        `FRAME_WAIT`): a save holds the interpreter for much of its time, and running beside
        that frame made it 5-10 ms later at 10,000 cards."""
        drawn = threading.Event()
        self.call_after_refresh(drawn.set)

        def write() -> Saved | Exception | None:
            drawn.wait(self.FRAME_WAIT)
            return job.run()

        worker = self.run_worker(
            write,
            name="save",
            description="save",  # without it Textual builds the repr of the whole board: 0.8 s at 10,000 cards
            thread=True,
            group="save",
            exit_on_error=False,
        )
        self._saving = (job, worker)

    def choose_side(self, conflict: Conflict, *, quitting: bool) -> None:
        self._ask_which_side(conflict, quitting)

    @work(group="conflict")
    async def _ask_which_side(self, conflict: Conflict, quitting: bool) -> None:
        """One question at a time; changes made while it is open are settled with it. It
        opens after whatever the change itself opens next (the moment of a no), so the
        question comes first."""
        from fu_board.tui.screens.conflict import conflict_dialog  # rarely needed: not before the first frame

        side = await self.push_screen_wait(conflict_dialog(conflict, quitting=quitting))
        saved = self.session.choose(conflict, side, quitting=quitting)
        if quitting:
            if saved:
                self.exit()
            elif not self.session.asking:
                await self._confirm_quit()

    # Notices ------------------------------------------------------------------------------

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

    def _fatal_error(self) -> None:
        """An error nobody foresaw (Textual calls this in its `except`, see textual_internals):
        the full report, local values and all, goes to a private file; the terminal gets a
        short message with no value from the board (Textual's own shows the locals)."""
        error = sys.exc_info()[1]
        if error is None:
            super()._fatal_error()
            return
        from fu_board.tui.crash import crash_words, write_report  # with Rich's traceback, 15 ms: only after a crash

        self.crashed = True
        self.crash_report = write_report(error)
        self.bell()
        self.panic(Text(crash_words(error, self.crash_report)))

    def action_help_quit(self) -> None:
        """ctrl+c, out of habit: which key quits (Textual's own words carry markup, which
        `notify` shows as it is)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(
                    f"Press {active.binding.key_display or key} to quit fu-board.", title="Do you want to quit?"
                )
                return

    # Starting -----------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        try:
            self.session.open()
        except BoardFileError as error:
            from fu_board.tui.screens.load_error import LoadErrorScreen  # rarely needed: imported then

            return LoadErrorScreen(error)
        settle_loaded()
        self._follow_theme(self.session.board.settings.theme)
        self.set_reactive(SessionApp.save_state, SaveState(read_only=self.session.read_only))
        return BoardScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(self._collect_when_idle)
        if self.session.read_only:
            self.notify(f"Read-only: {self.session.read_only}.", severity="warning", timeout=15)
        if self.notice:
            self.notify(self.notice, timeout=15)
        self.set_interval(self.POLL_SECONDS, self.poll_file)
        self.set_interval(self.CLOCK_SECONDS, self.follow_clock)
        self.call_after_refresh(self._prepare)

    def _prepare(self) -> None:
        view, keep = self.session.view, self.session.file.cache_later()
        self.run_worker(
            lambda: prepare(view, keep, self.give_way),
            thread=True,
            name="prepare",
            description="prepare",
            exit_on_error=False,
        )

    def give_way(self) -> bool:
        """In a worker thread: wait until nothing has been pressed for `GIVE_WAY` seconds,
        and no quit is under way; whether to go on (not once the app has ended). Background
        work that holds the interpreter (importing pydantic alone, 90 ms) made a key pressed
        in the first second after opening 60 ms late, and quitting 100 ms slower."""
        idle = self.idle_collection
        try:
            worker: Worker[Any] | None = get_current_worker()
        except NoActiveWorker:  # asked from the app's own thread
            worker = None

        def going() -> bool:  # not once the app ends, nor once Textual cancels the worker as it quits
            return idle.running and not (worker is not None and worker.is_cancelled)

        while going() and (self._quitting or idle.quiet_for() < self.GIVE_WAY):  # quitting: not a quiet moment
            time.sleep(self.GIVE_WAY / 5)
        return going()

    def _collect_when_idle(self) -> None:
        """From the first frame on: not before it, which a collection would only delay."""
        self.idle_collection.start()
        self.set_interval(IdleCollection.TICK, self.idle_collection.tick)

    def on_unmount(self) -> None:
        self.idle_collection.stop()
        self.keys.stop()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not isinstance(event, events.MouseMove):
            self.idle_collection.activity()
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            if self.keys.hold(event):  # the key before is still being handled: after it
                return
            await super().on_event(event)
            self.keys.close()
            return
        await super().on_event(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return self.session.unsaved
        return True

    # The clock and the file -----------------------------------------------------------------

    def follow_clock(self) -> None:
        """On a new day, or once an interview of today has begun, the board is drawn anew."""
        self.session.follow_clock()

    def poll_file(self) -> None:
        """While the board is on screen (no dialog open), show what others saved."""
        if isinstance(self.screen, BoardScreen) and self.session.catch_up():
            self.notify("The board file changed outside fu-board: showing it as it is now.", timeout=4)

    # The theme ------------------------------------------------------------------------------

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

    def action_choose_theme(self, name: str) -> None:
        """The palette's theme picker: show the theme and keep it, even when it is on screen
        already (chosen in place of a name Textual lacks)."""
        if name == self.theme:
            self._keep_theme(name)
        else:
            self.theme = name  # kept by `watch_theme`

    def _keep_theme(self, name: str) -> None:
        """Save the theme in the board's settings at once. It is a preference, not a change
        to the job search: undo leaves it alone."""
        session = self.session
        if session.load_error is not None or name == session.board.settings.theme:
            return
        if session.read_only:
            self.notify("Read-only: the theme lasts until you quit and is not saved.", timeout=6)
            return
        board = session.board
        session.keep_setting(board.replace(settings=board.settings.replace(theme=name)))

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

    # Saving ----------------------------------------------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        finished = (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED)
        if self._saving is not None and event.worker is self._saving[1] and event.state in finished:
            self._finish_save()

    def _finish_save(self) -> None:
        """Hand a background save's result to the session, once (its message and
        `saves_settled` may both ask)."""
        if self._saving is None:
            return
        (job, worker), self._saving = self._saving, None
        result: Saved | Exception | None
        if worker.state is WorkerState.SUCCESS:
            result = worker.result
        else:  # a failure the save did not expect, or cancelled as the app closed
            error = worker.error
            result = error if isinstance(error, Exception) else RuntimeError("the save did not finish")
        self.session.finish_save(job, result)

    async def saves_settled(self) -> None:
        """Wait until every change made so far has been written (or has failed to be).

        It waits on the save itself, not on its message, so an action may await it.
        """
        while self._saving is not None:
            _, worker = self._saving
            if worker.state is WorkerState.PENDING:
                await asyncio.sleep(0)
                continue
            with contextlib.suppress(WorkerFailed, WorkerCancelled):
                await worker.wait()
            if self._saving is not None and self._saving[1] is worker:
                self._finish_save()

    async def action_save(self) -> None:
        """ctrl+s, shown while a change is not saved: try again now. The earlier "Not saved"
        notices go first (they would cover a dialog the retry opens); the retry says how it
        went (a "Saved" notice, or a new "Not saved")."""
        await self.saves_settled()
        self.clear_notifications()
        self.session.save_now()

    # Quitting --------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Quit once the board is saved: asking first when a form holds text not saved yet,
        and when the board cannot be saved. What is typed meanwhile waits for the question,
        or goes with the app: a `y` typed after `q` answers the question, never the board."""
        if self._quitting:  # q again while the first is under way
            return
        self._quitting = True
        self.keys.hold_all()
        self._quit()

    @work(group="quit")
    async def _quit(self) -> None:
        try:
            if any(getattr(screen, "has_typed_changes", bool)() for screen in self.screen_stack):  # a form's text
                question = Content.styled("Quit and lose what you typed?", "bold $text-warning")
                detail = "An open form holds text that is not saved yet. y quits without it; n goes back to it."
                if not await self._ask(ConfirmScreen(question, detail)):
                    return
            await self.saves_settled()
            session = self.session
            if not session.unsaved or session.save_now(quitting=True):
                self.exit()
            elif not session.asking:  # a conflict asks which side to keep first; other failures ask here
                await self._confirm_quit()
        finally:
            self._quitting = False
            self.keys.release_all()

    async def _ask(self, question: ConfirmScreen) -> bool | None:
        """One of quitting's questions: the keys held since `q` go to it once it is on screen."""
        self.keys.release_all()
        try:
            return await self.push_screen_wait(question)
        finally:
            self.keys.hold_all()

    async def _confirm_quit(self) -> None:
        question = Content.styled("Quit without saving?", "bold $text-error")
        detail = (
            f"Your latest changes could not be written to {visible(str(self.path), one_line=True)}. "
            "y quits and loses them; n goes back to the board, where ctrl+s tries again."
        )
        ask = self._ask if self._quitting else self.push_screen_wait
        if await ask(ConfirmScreen(question, detail)):
            self.exit(return_code=EXIT_UNSAVED)


def prepare(view: View, keep: Callable[[], None] | None = None, give_way: Callable[[], bool] = lambda: True) -> None:
    """What the first frame was drawn without, made ready in the background rather than on
    the first key that needs it: pydantic's validators (the board came from the cache
    unchecked), the screens imported after the first frame, and the cards' searchable text
    (200 ms at 10,000 cards) and what each card adds to the numbers (`g`: 80 ms at 10,000
    cards). They are tens of thousands of long-lived objects: frozen out of the cycle
    collector's way after each step, as the board was (`settle_loaded`), so that neither an
    idle collection nor a quit in the first seconds walks them. Then the board just
    parsed is kept in the cache, with `keep` (`BoardFile.cache_later`). Each step waits
    until `give_way` says to go on: none is started while someone is pressing keys, and
    none once the app has ended (quitting waits for no work nobody will use)."""
    if not give_way():
        return
    warm_up()
    if not give_way():
        return
    # What the board imports only when first needed (`BoardScreen.actions`, `action_open`...).
    from fu_board.tui import card_actions  # noqa: F401
    from fu_board.tui.screens import card_detail, review, stats  # noqa: F401

    cards = view.board.cards
    gc.freeze()
    for start in range(0, len(cards), LEARN_AT_ONCE):
        if not give_way():
            return
        view.learn(cards[start : start + LEARN_AT_ONCE])
        gc.freeze()
    if keep is not None and give_way():
        keep()


LEARN_AT_ONCE = 500
"""Cards whose searchable text and numbers are made between two looks for keys (15 ms)."""


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


M_ARENA_MAX = -8
"""glibc's `mallopt` parameter for the number of malloc arenas (malloc.h)."""


def share_one_malloc_arena(platform: str = sys.platform) -> bool:
    """Have every thread allocate from the main thread's memory (glibc gives each thread
    its own arena): the prepare worker unpacks the cards read from the cache, and in an
    arena of its own it could not reuse the memory their packed forms gave back, 5 MB at
    10,000 cards. Whether it was done (only glibc can, and only before threads start)."""
    if platform != "linux":
        return False
    import ctypes  # only here, and only once: not for the command line's verbs

    try:
        mallopt = ctypes.CDLL(None).mallopt  # the process's own C library
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    return bool(mallopt(M_ARENA_MAX, 1))


def run_app(path: Path, *, today: dt.date | None = None, notice: str | None = None) -> int:
    """Run the TUI; exit status 2 when the board file cannot be read, 1 when changes were lost."""
    share_one_malloc_arena()
    app = make_app(path, today=today, notice=notice)
    app.run()
    session = app.session
    if app.crashed:  # said by the app as it closed (`_fatal_error`)
        return EXIT_CRASHED
    if session.settled and session.file.digest:
        remember_saved(session.file.path, session.board, session.file.digest, session.file.places)  # no parse next time
    if session.load_error is not None:
        sys.stderr.write(f"fu-board: error: {visible(str(session.load_error), one_line=True)}\n")
        if session.load_error.backup is not None:
            backup = session.load_error.backup
            name, words = visible(backup.name, one_line=True), visible(backup_words(backup), one_line=True)
            sys.stderr.write(
                f"fu-board: the newest backup that loads is {words}; fu-board restore {name} puts it back\n"
            )
        return EXIT_UNREADABLE
    if session.unsaved:
        shown = visible(str(path), one_line=True)
        sys.stderr.write(f"fu-board: error: your last changes could not be saved to {shown}\n")
        return EXIT_UNSAVED
    return 0
