"""The board open in one window: its file, its history, its saves, merges and conflicts.

The terminal UI holds one `Session` for as long as it runs, and every change goes
through it: `apply` runs a board operation, records it for undo and saves at once.
Saves run off the UI thread and coalesce: changes made while one is under way are
written together by the next. When someone else saved the file meanwhile (the command
line, another window, an editor, a sync), the save merges their changes in card by
card and field by field, or, where both sides changed the same thing, asks the person
which side to keep and saves nothing until they choose.

The session knows nothing of Textual. What it needs from the program around it, it
asks of its `Host`: run a save in the background, say something to the person, show
the board that replaced the one on screen, show whether everything is saved, ask which
side of a conflict to keep. So its scheduling is tested with plain unit tests.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from fu_board import board as ops
from fu_board.board_file import BoardFile, Conflict, Saved
from fu_board.history import History, Step, describe
from fu_board.merge import Side
from fu_board.model import Board
from fu_board.store import BoardFileError
from fu_board.views import View

Severity = Literal["information", "warning", "error"]


@dataclass(frozen=True, eq=False)
class BoardChange:
    """The board on screen was replaced. Compared by identity: two boards are never compared
    card by card to learn whether something changed."""

    board: Board
    follow: str | None = None
    """The card the cursor goes to (the one changed); None keeps it where it is."""
    outside: bool = False
    """The change was made outside this window and taken in from the file."""
    read: bool = False
    """The board was just read from a file, whole (not merged with this window's)."""


class SaveJob:
    """One background save of `board`: `run` writes it off the UI thread; the host hands the
    result back to `Session.finish_save` on the UI thread."""

    __slots__ = ("board", "file")

    def __init__(self, file: BoardFile, board: Board) -> None:
        self.file = file
        self.board = board

    def run(self) -> Saved | Exception | None:
        """Write the board unless someone else changed the file since it was read (None: the
        session then merges on the UI thread). Touches nothing but the file and this board."""
        try:
            return self.file.commit_if_unchanged(self.board)
        except (BoardFileError, ValueError, OSError) as error:
            return error


class Host(Protocol):
    """What a session asks of the program that shows it."""

    def say(self, text: str, *, severity: Severity = "information", timeout: float | None = None) -> None:
        """Tell the person, in plain words."""

    def board_changed(self, change: BoardChange) -> None:
        """The board on screen is now `change.board`."""

    def save_state_changed(self) -> None:
        """`unsaved` or `choosing` changed: the header says so."""

    def run_save(self, job: SaveJob) -> None:
        """Run `job.run()` off the UI thread, then call `finish_save(job, result)` on it."""

    def choose_side(self, conflict: Conflict, *, quitting: bool) -> None:
        """Ask which side of `conflict` to keep, then call `choose(conflict, side, quitting=...)`."""


class Session:
    """One board open in one window, from opening to quitting."""

    def __init__(
        self,
        path: Path,
        host: Host,
        *,
        today: dt.date | None = None,
        now: dt.time | None = None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        """`today` and `now` fix the day and the time of day the board is seen at (tests and
        screenshots; a fixed day without a time is seen at its end, its interviews held);
        otherwise they follow `clock`."""
        self.path = path
        self.host = host
        self.file = BoardFile(path)
        self.file.today = lambda: self.today
        self.history = History()
        """This session's changes, for undo and redo."""
        self._board = Board()
        self._view: View | None = None
        self.load_error: BoardFileError | None = None
        """Why the board could not be opened, if it could not."""
        self.unsaved = False
        """Whether the board holds changes that are not in the file."""
        self.choosing = False
        """Whether those changes wait for the person to choose a side in a conflict."""
        self._fixed_day = today
        self._clock = clock
        self._now = now if today is not None else clock().time()
        self._day_seen = self.today
        self._job: SaveJob | None = None
        """The save under way, if one is."""
        self._again = False
        """Whether the board changed while that save was under way."""
        self._asking = False
        """Whether the person is being asked which side of a conflict to keep."""
        self._reported: str | None = None
        """The last problem with the file changed outside, once said."""
        self._read_only_shown: str | None = None
        """Why the board is read-only, as the host was last told (`Host.save_state_changed`)."""
        self._dialogs = 0
        """How many dialogs are open on the board as shown (`in_dialog`)."""
        self._calendar_problem: str | None = None
        """What was last said about the calendar file not being written."""

    # The board and the moment it is seen at ------------------------------------------------

    @property
    def board(self) -> Board:
        """The board on screen: what the file holds, with this window's changes."""
        return self._board

    @property
    def view(self) -> View:
        """The board on screen at the moment it is seen at, and what is worked out from it:
        made from the last view asked for, card by card (`View.then`)."""
        if self._view is None:
            self._view = View(self._board, self.today, self._now)
        else:
            self._view = self._view.then(self._board, self.today, self._now)
        return self._view

    def _change(self, board: Board, *, follow: str | None = None) -> None:
        """This window's change: saving starts before anything is shown (the host's drawing
        can then never keep a change from the file)."""
        self._board = board
        self.save()
        self._show(board, follow=follow)

    def _show(self, board: Board, *, follow: str | None = None, outside: bool = False, read: bool = False) -> None:
        self._board = board
        self.host.board_changed(BoardChange(board, follow, outside, read))
        if self.file.read_only != self._read_only_shown:  # a backup looked at, a newer file replaced
            self._read_only_shown = self.file.read_only
            self.host.save_state_changed()

    @property
    def today(self) -> dt.date:
        """The date the board is seen at: fixed in tests and screenshots, else the clock's."""
        return self._fixed_day or self._clock().date()

    @property
    def now(self) -> dt.time | None:
        """The time of day the rules see (`fu_board.rules.is_held`): it moves on only when an
        interview of today begins or the day ends (`follow_clock`), so everything worked out
        for the board stays valid in between."""
        return self._now

    def follow_clock(self) -> bool:
        """On a new day, or once an interview of today has begun (it is held from then on: its
        thank-yous are owed), see the board at the new moment; whether it moved on."""
        if self._fixed_day is not None:
            return False
        moment = self._clock()
        day, time = moment.date(), moment.time()
        at, then = f"{time:%H:%M}", f"{self._now:%H:%M}" if self._now is not None else "99:99"
        begun = any(
            interview.date == day and interview.time and then < interview.time <= at
            for card in self._board.cards
            if card.interviews and not card.is_resolved
            for interview in card.interviews
        )
        if day == self._day_seen and not begun:
            return False
        self._day_seen, self._now = day, time
        self._show(self._board)
        return True

    # Opening ----------------------------------------------------------------------------

    def open(self) -> None:
        """Read the board, creating an empty one on first run. An unreadable file raises
        `BoardFileError` (also kept as `load_error`); a newer one opens read-only."""
        try:
            board = self.file.open()
        except BoardFileError as error:
            self.load_error = error
            raise
        self._board = board
        self._read_only_shown = self.file.read_only

    def open_backup(self, backup: Path) -> None:
        """Show a backup, read-only, in place of a board that cannot be read; raises
        `BoardFileError` or `FileNotFoundError` when the backup cannot be read either."""
        file = BoardFile(backup)
        board = file.open_read_only(f"showing the backup {backup.name}, not your board")
        self.file = file
        self._show(board, read=True)

    @property
    def read_only(self) -> str | None:
        """Why the board must not be changed (a newer schema, a backup looked at), or None."""
        return self.file.read_only

    def refuse_read_only(self) -> bool:
        """Say so and return True when the board must not be changed."""
        if self.file.read_only:
            self.host.say(f"Nothing was changed. Read-only: {self.file.read_only}.", severity="warning", timeout=8)
        return self.file.read_only is not None

    # Changing the board -----------------------------------------------------------------

    def check(self, operation: Callable[[Board], ops.Change]) -> str | None:
        """Why the board would refuse `operation` now, or None: a form asks before it closes."""
        try:
            operation(self._board)
        except ops.BoardError as error:
            return str(error)
        return None

    def apply(self, operation: Callable[[Board], ops.Change]) -> ops.Change | None:
        """Run one board operation on the board on screen, record it for undo and save it.

        A refused operation is said, and changes nothing. The board shown follows the
        changed card.
        """
        if self.refuse_read_only():
            return None
        try:
            change = operation(self._board)
        except ops.BoardError as error:
            self.host.say(str(error), severity="warning")
            return None
        self.history.record(self._board, change.board, describe(change))
        self._change(change.board, follow=change.card.id)
        return change

    def apply_to_board(self, update: Callable[[Board], Board], what: str) -> None:
        """Like `apply`, for a change to the board as a whole (the review streak)."""
        if not self.refuse_read_only():
            before = self._board
            after = update(before)
            self.history.record(before, after, what)
            self._change(after)

    def keep_setting(self, board: Board) -> None:
        """Save `board`, whose settings changed (the theme): a preference, not a change to
        the job search, so undo leaves it alone."""
        self._change(board)

    def undo(self, redo: bool = False) -> Step | None:
        """Undo the session's latest change (or redo the latest undone), saved like any change,
        with a notice of what it was; that change, or None when there was none."""
        if self.refuse_read_only():
            return None
        done = self.history.redo(self._board) if redo else self.history.undo(self._board)
        if done is None:
            self.host.say(f"Nothing to {'redo' if redo else 'undo'}.", timeout=3)
            return None
        board, step = done
        follow = next((card_id for card_id in step.changed_ids() if board.has_card(card_id)), None)
        self._change(board, follow=follow)
        self.host.say(f"{'Redone' if redo else 'Undone'}: {step.what}.", timeout=4)
        return step

    # Changes made outside ---------------------------------------------------------------

    @contextlib.contextmanager
    def in_dialog(self) -> Iterator[None]:
        """While the person is asked something about the board as shown (a form, a question),
        others' changes wait: what they answer is made to the board they saw, and saving it
        merges the others' changes in, or asks where both changed the same thing."""
        self._dialogs += 1
        try:
            yield
        finally:
            self._dialogs -= 1

    def catch_up(self) -> bool:
        """Take in what others saved to the file (the CLI, an editor, a sync), unless this
        window holds changes not yet saved (those are merged when they are saved) or a
        dialog is open on the board as shown (`in_dialog`).

        Returns whether the board was reloaded. A file that cannot be read now is said once
        and left alone; the board stays as it was.
        """
        if self._dialogs or self.unsaved or self.saving or not self.file.changed_outside():
            return False
        try:
            board = self.file.reload()
        except (BoardFileError, FileNotFoundError) as error:
            problem = str(error)
            if problem != self._reported:
                self._reported = problem
                self.host.say(
                    "The board file was changed outside fu-board and cannot be read now; fu-board keeps "
                    f"showing the board as it was and saves nothing over it: {problem}",
                    severity="error",
                    timeout=20,
                )
            return False
        self._reported = None
        self._show(board, outside=True, read=True)
        return True

    # Saving -----------------------------------------------------------------------------

    @property
    def saving(self) -> bool:
        """Whether a save is under way or waiting to follow the one under way."""
        return self._job is not None or self._again

    @property
    def pending(self) -> SaveJob | None:
        """The save under way, if any: the host's to wait for."""
        return self._job

    def save(self) -> None:
        """Save the board off the UI thread (`Host.run_save`), so no keystroke waits for the disk.

        Saves coalesce: changes made while one is under way are written by the next, which
        takes the board as it is then. When someone else changed the file meanwhile, the
        save finishes on the UI thread instead, merging or asking (`save_now`).
        """
        if self.file.read_only or self._held_for_choice():
            return
        if self._job is not None:
            self._again = True
            return
        self._again = False
        self._job = SaveJob(self.file, self._board)
        self.host.run_save(self._job)

    def finish_save(self, job: SaveJob, result: Saved | Exception | None) -> None:
        """Take in a background save's result, on the UI thread; a job already taken in, or
        not this session's latest, is ignored."""
        if job is not self._job:
            return
        self._job = None
        self._report_calendar()
        if isinstance(result, Exception):
            self._failed(result)
        elif result is None:  # someone else saved meanwhile: merge here, with every change made since
            self._again = False
            self.save_now()
        elif self._again or self._board is not job.board:
            self.save()
        elif self.unsaved:
            self.unsaved = self.choosing = False
            self._show_saved_state(True)

    def save_now(self, *, quitting: bool = False) -> bool:
        """Write the board now, on this thread, merged with what others saved; on failure keep
        it in memory, mark it unsaved and say so. Only while no background save is under way.
        Whether everything is in the file now."""
        if self.file.read_only:
            return True
        if self._held_for_choice():
            return False
        was_unsaved = self.unsaved
        try:
            result = self.file.commit(self._board)
        except (BoardFileError, ValueError, OSError) as error:
            self._failed(error)
            return False
        if isinstance(result, Conflict):
            self.unsaved = self.choosing = True
            self._asking = True
            self._show_saved_state(was_unsaved)
            self.host.choose_side(result, quitting=quitting)
            return False
        self.unsaved = self.choosing = False
        if result.board is not self._board:  # others' changes merged in: show them, keep them
            self._show(result.board, outside=True)
        if result.taken:
            many = "s" if result.taken > 1 else ""
            self.host.say(f"Saved, with {result.taken} change{many} made outside fu-board meanwhile.")
        if result.recreated:
            self.host.say(
                f"The board file had been deleted or moved away; fu-board wrote it again at {self.path}.",
                severity="warning",
                timeout=15,
            )
        self._show_saved_state(was_unsaved)
        return True

    def choose(self, conflict: Conflict, side: Side | None, *, quitting: bool = False) -> bool:
        """The person's answer to `conflict`: keep `side` for the things both changed, then
        save (None: decide later, and nothing is saved meanwhile). Whether everything is in
        the file now."""
        self._asking = False
        if side is None:
            return False
        # Against the board as it is now: it may hold changes made since the question was asked.
        self._show(self.file.settle(conflict, side, self._board), outside=True)
        return self.save_now(quitting=quitting)

    @property
    def asking(self) -> bool:
        """Whether the person is being asked which side of a conflict to keep."""
        return self._asking

    def _held_for_choice(self) -> bool:
        """While the person is asked about a conflict, a change waits (marked unsaved): the
        choice settles it with the rest."""
        if self._asking:
            was_unsaved, self.unsaved = self.unsaved, True
            self._show_saved_state(was_unsaved)
        return self._asking

    def _failed(self, error: Exception) -> None:
        was_unsaved, self.unsaved = self.unsaved, True
        self.choosing = False
        self._again = False
        self.host.say(
            f"Not saved: {error}. Your changes are kept while fu-board stays open; ctrl+s tries again.",
            severity="error",
            timeout=15,
        )
        self._show_saved_state(was_unsaved)

    def _show_saved_state(self, was_unsaved: bool) -> None:
        self._report_calendar()
        if was_unsaved and not self.unsaved:
            self.host.say("Saved: every change is in the file now.", timeout=4)
        self.host.save_state_changed()

    def _report_calendar(self) -> None:
        """Say once that the calendar file could not be written, and once that it is again."""
        calendar = sys.modules.get("fu_board.ics")  # imported only by a save that keeps a calendar
        problem = calendar.SYNCED.problem if calendar is not None else None
        if problem != self._calendar_problem:
            if problem:
                self.host.say(f"Saved, but {problem}.", severity="warning", timeout=15)
            elif self._calendar_problem:
                self.host.say("The calendar file is written again.", timeout=4)
            self._calendar_problem = problem

    @property
    def settled(self) -> bool:
        """Whether the file holds this board, as it was last read or written: what the next
        start may take from the cache without parsing the file."""
        return (
            not self.unsaved
            and self.file.read_only is None
            and bool(self.file.digest)
            and (self.file.base is self._board)
        )
