"""One board file shared by several writers: the lock, backups, and saving on top of others.

Every writer (each CLI verb, each open TUI) changes the file only while it
holds the lock on a separate lock file beside it (`.board.toml.lock`), so two
writers never interleave. A CLI verb reads, changes and writes inside the lock.
The TUI keeps the board open for hours, so `BoardFile` remembers what it last
read or wrote and, at each save, merges in whatever others saved meanwhile
(see `fu_board.merge`), or reports a conflict without writing anything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fu_board import board as ops
from fu_board import due_status
from fu_board.backups import backup_folder, make_backup, newest_loadable
from fu_board.card_memo import CardMemo
from fu_board.merge import Merge, Side, merge
from fu_board.model import Board
from fu_board.store import (
    BoardFileError,
    CardPlaces,
    FileContent,
    NewerBoardError,
    Written,
    cached_board,
    digest,
    parse_board,
    parse_placed,
    present,
    read_file,
    remember_saved,
    save_board,
    write_atomically,
)

LOCK_TIMEOUT = 10.0
"""Seconds a writer waits while the board file does not change: a save holds the lock for
milliseconds, so a writer that keeps it that long without saving anything is stuck. A
writer waiting its turn behind others that do save waits on."""
LOCK_LOOK = 0.05
"""Seconds between two looks at whether the waiting goes on."""


def lock_path(path: Path) -> Path:
    """The lock file beside the real board file (a symlinked board is locked where it lives)."""
    real = Path(os.path.realpath(path))
    return real.parent / f".{real.name}.lock"


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the board's lock; the lock is the operating system's, so a crashed writer never leaves it held."""
    lock_file = lock_path(path)
    if not lock_file.parent.exists():
        try:
            lock_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # two first runs may race here
        except OSError as error:
            raise BoardFileError(path, f"could not be saved: {error.strerror or error}") from None
    from filelock import FileLock, Timeout  # only writers need it: reading verbs start faster

    lock = FileLock(lock_file, mode=0o600)
    started = time.monotonic()
    still_since, seen, saves = started, _signature(path), 0
    while True:
        try:
            lock.acquire(timeout=LOCK_LOOK)
            break
        except Timeout:
            now = _signature(path)
            if now != seen:  # another writer saved: the queue moves, this one waits its turn
                seen, saves, still_since = now, saves + 1, time.monotonic()
            elif time.monotonic() - still_since >= timeout:
                waited = time.monotonic() - started
                queue = f", after {saves} saves by others while this one waited {waited:.0f} s" if saves else ""
                raise BoardFileError(
                    path,
                    f"is busy: another fu-board holds {lock_file.name} and has saved nothing for {timeout:g} "
                    f"seconds{queue}; try again (a fu-board that stays stuck can be ended)",
                ) from None
        except OSError as error:
            raise BoardFileError(
                path, f"could not be locked for saving ({lock_file}): {error.strerror or error}"
            ) from None
    try:
        yield
    finally:
        lock.release()


def clean_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files a crashed save left beside the board and among its backups.

    Call it holding the lock: then no save is under way, and every temporary file is left over.
    Cleaning is best effort: a folder that cannot be written leaves them, and the board still opens.
    """
    removed = []
    for stale in temporaries(path):
        with contextlib.suppress(OSError):
            stale.unlink()
            removed.append(stale)
    return removed


def temporaries(path: Path) -> list[Path]:
    """The temporary files of saves beside the board and among its backups: left over by a
    crash, unless a save is under way."""
    real = Path(os.path.realpath(path))
    backups = backup_folder(path)
    # Exactly what `write_atomically` makes (mkstemp's 8 random characters), and not the
    # temporary file of a sibling board such as `board.toml.old`, which has its own lock.
    name = re.escape(real.name)
    places = {  # the board's and its due status's (`fu_board.due_status`)
        real.parent: re.compile(rf"^\.(\.{name}\.due\.json|{name})\.[a-z0-9_]{{8}}\.tmp$"),
        backups: re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$"),
    }
    found = []
    for folder, ours in places.items():
        with contextlib.suppress(OSError):
            found += [folder / name for name in os.listdir(folder) if ours.match(name)]
    return found


def _read(path: Path) -> bytes | None:
    """The board file's bytes (`store.read_file`), or None when there is none."""
    try:
        return read_file(path)
    except FileNotFoundError:
        return None


def _parse(
    data: bytes, path: Path, key: str, *, remember: bool = True, lend: bool = False
) -> tuple[Board, CardPlaces | None]:
    """`parse_placed` (through the cache, `key` being the digest of `data`), naming the newest
    backup that loads when the file does not."""
    try:
        return parse_placed(data, path, cache_key=key, remember=remember, lend=lend)
    except NewerBoardError:
        raise
    except BoardFileError as error:
        error.backup = newest_loadable(path)
        raise


def load(path: Path) -> Board:
    """`store.load_board`, naming the newest backup that loads when the file does not."""
    data = _read(path)
    if data is None:
        raise FileNotFoundError(path)
    return _parse(data, path, digest(data))[0]


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


# One change from the command line ---------------------------------------------------


@dataclass
class Followers:
    """What a writer keeps, card by card, of what follows its saves (`after_save`): when each
    card falls due, and its calendar events. A save after one change works out one card's;
    a writer that saves once (a command) starts from the due status it read (`known`)."""

    moments: CardMemo[tuple[dt.date, str] | None] = field(default_factory=CardMemo)
    events: CardMemo[tuple[str, str]] = field(default_factory=CardMemo)

    @classmethod
    def known(cls, path: Path, board: Board, read: list[int] | None, day: dt.date) -> Followers:
        """What the due status beside the board says of `board`'s cards, when it was written
        for the file as `board` was read from it (`read`, its `due_status.signature`), for
        `day`: after one change, the next status works out one card's moment, not each
        open card's (150 ms of `fu-board add` at 10,000 cards)."""
        kept = cls()
        known = due_status.known_moments(path, read, day)
        if known:
            inputs = (board.settings, day)
            for card in board.cards:
                if card.id in known:
                    kept.moments.know(card, inputs, known[card.id])
        return kept


def after_save(path: Path, board: Board, today: dt.date | None = None, kept: Followers | None = None) -> None:
    """What follows the board file, written after each save, still under the lock: the due
    status beside it (for `fu-board due --count`) and the calendar file, if the settings name
    one, both for `today` (default: the real date), from what the writer `kept`. Neither can
    fail the save: a status not written is only a slower count, and a calendar not written
    is said (`ics.SYNCED`)."""
    day = today or dt.date.today()
    kept = kept or Followers()
    due_status.write(path, board, day, moments=kept.moments)
    if board.settings.calendar_file is not None:
        from fu_board import ics  # only for a board that keeps a calendar

        ics.sync(board, day, kept.events)


def update(
    path: Path, change: Callable[[Board], ops.Change], *, create: bool = False, today: dt.date | None = None
) -> ops.Change:
    """Read, change and save the board in one locked step, keeping a backup of the file as it was.

    A missing file raises `FileNotFoundError` unless `create` starts an empty board. `today`
    is the day a calendar file is written for (see `save_board`).
    """
    done: list[ops.Change] = []

    def changed(board: Board) -> Board:
        done.append(change(board))
        return done[-1].board

    update_board(path, changed, create=create, today=today)
    return done[-1]


def update_board(
    path: Path, change: Callable[[Board], Board | None], *, create: bool = False, today: dt.date | None = None
) -> Path | None:
    """`update` for any change of the whole board: `change` returns the new board, or None
    to write nothing (and keep no backup). The backup kept of the file as it was, if any."""
    first: Board | None = None
    if not present(path):  # nothing is created for a change that is refused
        if not create:
            raise FileNotFoundError(path)
        first = change(Board())
        if first is None:
            return None
    day = today or dt.date.today()
    with locked(path):
        clean_stale_temporaries(path)
        before = due_status.signature(path)
        data = _read(path)
        read = before if due_status.signature(path) == before else None  # unchanged while it was read
        if data is None and not create:
            raise FileNotFoundError(path)
        if data is None:
            old, board = None, Board()
        else:
            key = digest(data)
            board, places = _parse(data, path, key, lend=True)  # the save below writes the cache again
            old = FileContent(data, key, places)
        # Still no file: the change made to an empty board above stands (an import is not made twice).
        changed = first if first is not None and old is None else change(board)
        if changed is None:
            return None
        kept = Followers.known(path, board, read, day)
        backup = make_backup(path, old.data) if old is not None else None
        save_board(path, changed, cached=True, replacing=old)
        after_save(path, changed, day, kept)
        return backup


def restore(path: Path, backup: Path, *, today: dt.date | None = None) -> Path | None:
    """Put the backup back as the board, after backing up the file it replaces (returned);
    then what follows the board (`after_save`) follows the restored one."""
    data = _read(backup)
    if data is None:
        raise FileNotFoundError(backup)
    board = parse_board(data, backup)  # only a backup that loads is restored
    with locked(path):
        clean_stale_temporaries(path)
        current = _read(path)
        kept = None if current is None else make_backup(path, current)
        try:
            write_atomically(path, data)
        except OSError as error:
            raise BoardFileError(path, f"could not be restored: {error.strerror or error}") from None
        after_save(path, board, today)
    return kept


# A board held open ------------------------------------------------------------------


@dataclass(frozen=True)
class Saved:
    board: Board
    """What was written: the board saved, with others' changes merged in."""
    taken: int
    """How many cards others added, changed or deleted meanwhile, now taken in."""
    recreated: bool = False
    """The file was gone (deleted or moved away by someone else) and was written anew."""


@dataclass(frozen=True)
class Conflict:
    """Others changed the same cards meanwhile; nothing was written."""

    merged: Merge
    theirs: Board
    theirs_digest: str
    theirs_places: CardPlaces | None = None
    """Where their cards lie in the file as it was when the conflict was found."""


class BoardFile:
    """The board file as one long-running writer sees it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.base = Board()
        """The board as this writer last read or wrote it: the base of every merge."""
        self.digest: str | None = None
        self.places: CardPlaces | None = None
        """Where the base's cards lie in the file with that digest: a save copies their text."""
        self.read_only: str | None = None
        """Why this board must not be saved (a newer schema, a backup opened to look at), or None."""
        self._viewing: str | None = None
        self._signature: tuple[int, int, int] | None = None
        self._backed_up = False
        self._uncached = False
        """Whether the board was parsed and the cache not yet told (`cache_later`)."""
        self.today: Callable[[], dt.date] = dt.date.today
        """The day a calendar file is written for (the app's own)."""
        self.followers = Followers()
        """What this writer keeps of the due status and calendar it writes after each save."""

    def open(self) -> Board:
        """Read the board, creating an empty one on first run, after clearing what a crash left.

        A newer schema opens read-only. An unreadable file raises `BoardFileError`.
        """
        # Most days there is nothing to create or clean, and the lock is not needed to read.
        if not present(self.path) or temporaries(self.path):
            try:
                with locked(self.path):
                    clean_stale_temporaries(self.path)
                    if not present(self.path):
                        self._remember(Board(), save_board(self.path, Board()))
                        return self.base
            except BoardFileError:
                if not present(self.path):
                    raise
                # A folder that cannot be written: the board can still be read; saving will say why it fails.
        return self.reload()

    def open_read_only(self, reason: str) -> Board:
        """Read the board to look at it; nothing will be saved."""
        self._viewing = reason
        return self.reload()

    def _remember(self, board: Board, written: Written) -> None:
        self.base, self.digest, self.places = board, written.digest, written.places
        self._signature = _signature(self.path)

    def changed_outside(self) -> bool:
        """Whether the file looks changed since this writer last read or wrote it (a cheap stat)."""
        return _signature(self.path) != self._signature

    def reload(self) -> Board:
        """Read the file as it is now: it becomes the base of the next merge."""
        signature = _signature(self.path)  # before reading: a write landing meanwhile is seen at the next poll
        self.read_only = self._viewing  # a newer file replaced by one this version knows can be saved again
        cached = cached_board(self.path)
        if cached is not None:
            board, key, places = cached
        else:
            board, key, places = self._read_newer_too()
        self.base, self.digest, self.places, self._signature = board, key, places, signature
        self._backed_up = False
        return board

    def _read_newer_too(self) -> tuple[Board, str, CardPlaces | None]:
        """The board in the file, its digest and its cards' places; a newer schema's board
        makes this writer read-only."""
        data = _read(self.path)
        if data is None:
            raise FileNotFoundError(self.path)
        key = digest(data)
        try:
            board, places = _parse(data, self.path, key, remember=False)  # not before the board is shown
            self._uncached = True
        except NewerBoardError as error:
            if error.board is None:
                raise
            self.read_only = error.problem
            return error.board, key, None
        return board, key, places

    def cache_later(self) -> Callable[[], None] | None:
        """What keeps the board last parsed in the cache, for the next open: to run off the
        UI thread once the board is on screen (writing it first made the first frame of a
        board changed by someone else 80 ms later, at 10,000 cards); None when nothing
        needs keeping."""
        if not self._uncached or self.digest is None:
            return None
        self._uncached = False
        path, board, key, places = self.path, self.base, self.digest, self.places
        return lambda: remember_saved(path, board, key, places)

    def commit_if_unchanged(self, mine: Board) -> Saved | None:
        """Save `mine` when nobody else changed the file since the base; None (nothing written) when
        someone did, for `commit` to merge. Safe to run off the UI thread: it only reads `mine`."""
        self._check_writable()
        with locked(self.path):
            data = _read(self.path)
            if data is None or self.digest is None or digest(data) != self.digest:
                return None
            self._write(mine, FileContent(data, self.digest, self.places), changed_outside=False)
        return Saved(mine, 0)

    def commit(self, mine: Board) -> Saved | Conflict:
        """Save `mine`, merged with whatever others saved since the base; a conflict writes nothing."""
        self._check_writable()
        with locked(self.path):
            data = _read(self.path)
            if data is None:  # deleted or moved away by someone else: written anew
                recreated = self.digest is not None
                self._write(mine, None, changed_outside=False)
                return Saved(mine, 0, recreated=recreated)
            now = digest(data)
            board, taken, places = mine, 0, self.places
            if now != self.digest:
                theirs, places = _parse(data, self.path, now)
                merged = merge(self.base, mine, theirs)
                if not merged.clean:
                    return Conflict(merged, theirs, now, places)
                board, taken = merged.keep_mine, merged.taken
            self._write(board, FileContent(data, now, places), changed_outside=now != self.digest)
        return Saved(board, taken)

    def _check_writable(self) -> None:
        if self.read_only:
            raise BoardFileError(self.path, f"is open read-only: {self.read_only}")

    def _write(self, board: Board, old: FileContent | None, *, changed_outside: bool) -> None:
        """Under the lock: back up `old`, the file's bytes, when this is the first save since
        it was read or it holds others' changes; then write `board`."""
        if old is not None and (changed_outside or not self._backed_up):
            make_backup(self.path, old.data)
            self._backed_up = True
        self._remember(board, save_board(self.path, board, replacing=old))
        after_save(self.path, board, self.today(), self.followers)

    def settle(self, conflict: Conflict, side: Side, mine: Board) -> Board:
        """The person chose a side for the conflicting cards: the board to save is returned.

        `mine` is this writer's board now, which may hold changes made since the conflict
        was found; it is merged again with the file's version, which becomes the base.
        The next save backs the file up first, so the side not chosen can be recovered.
        """
        settled = merge(self.base, mine, conflict.theirs).keeping(side)
        self.base, self.digest, self.places = conflict.theirs, conflict.theirs_digest, conflict.theirs_places
        self._backed_up = False
        return settled
