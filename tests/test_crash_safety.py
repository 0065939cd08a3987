"""Crash safety: kill -9 in the middle of saving, the order of the writes, and disks that fail.

RELIABILITY.md: a save is all or nothing. Whatever moment a writer dies at, the file
still loads and holds at least every save that was acknowledged; the bytes reach the
disk before the rename, and the folder after it; a save that fails says so, names the
file and the reason, and leaves the old file byte-identical with nothing beside it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import random
import select
import signal
import stat
import struct
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any, NoReturn

import pytest

from fu_board import board as ops
from fu_board import board_file as board_file_module
from fu_board import store
from fu_board.backups import backup_folder, list_backups
from fu_board.board_file import BoardFile, clean_stale_temporaries, locked, update
from fu_board.model import Board, Card
from fu_board.store import BoardFileError, FileContent, digest, dump_board, load_board, parse_placed, save_board
from tests.conftest import TODAY, leftovers
from tests.test_cli import run_main

ACK = struct.Struct("=I")
"""What the saving child writes to its pipe: the number of cards in the board it just saved."""


def numbered_card(number: int) -> Card:
    """The `number`-th card of the growing board (1-based): the same card every time it is made."""
    return Card(
        id=f"n{number:05d}",
        company=f"Company {number}",
        applied=TODAY - dt.timedelta(days=number % 30),
    )


def temporaries(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(".board.toml.") and name.endswith(".tmp"))


def left_by_a_crash(folder: Path, name: str, data: bytes) -> Path:
    """What a save of `folder / name` killed mid-write leaves: a temporary file made as `write_atomically` makes it."""
    fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    os.write(fd, data)
    os.close(fd)
    return Path(temporary)


def all_temporaries(folder: Path) -> list[str]:
    """Every `.tmp` file under `folder`, the backups folder included."""
    return sorted(
        os.path.relpath(os.path.join(root, name), folder)
        for root, _dirs, names in os.walk(folder)
        for name in names
        if name.endswith(".tmp")
    )


# kill -9 while saving ---------------------------------------------------------------------------------------------


def _save_until_killed(start: int, acks: int, save: Callable[[int], int]) -> NoReturn:
    """The child: save boards one card bigger each time, acknowledging each save once it has returned.

    It never returns: it is killed, or leaves through `os._exit`, so no pytest teardown runs twice.
    """
    status = 1
    try:
        os.write(acks, ACK.pack(start))  # ready
        count = start
        for _ in range(100_000):
            count = save(count)
            os.write(acks, ACK.pack(count))
        status = 3  # never killed: the parent will say so
    except BaseException:
        with_trace = f"saving child failed:\n{traceback.format_exc()}"
        os.write(2, with_trace.encode("utf-8", "replace"))
    finally:
        os._exit(status)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


HUNG = 120.0
"""Seconds without a word from the saving child before it counts as hung. Far more than a save
takes on a busy machine: it only stops a broken child from stalling the run for ever."""


def _read_acks(fd: int, received: bytearray, count: int) -> None:
    """Read the child's pipe into `received` until it holds at least `count` messages."""
    while len(received) < count * ACK.size:
        ready, _, _ = select.select([fd], [], [], HUNG)
        assert ready, f"the saving child sent nothing for {HUNG:.0f} s"
        chunk = os.read(fd, 65536)
        assert chunk, "the saving child ended before it was killed: see its stderr"
        received += chunk


def kill_while_saving(prepare: Callable[[], Callable[[int], int]], start: int, after: int, delay: float) -> list[int]:
    """Fork a child that saves in a loop; SIGKILL it `delay` seconds after its `after`-th
    acknowledged save. The counts it acknowledged.

    The kill waits for those acknowledgements however slowly the child runs, so a busy machine
    makes the rounds slower, never empty; `delay` then puts the kill at a random point in the
    saves that follow. `prepare` runs in the child before it says it is ready (so slow setup is
    not timed), and returns the save step: the number of cards before, to the number after.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_end)
        status = 1
        try:
            save = prepare()
        except BaseException:
            os.write(2, f"child setup failed:\n{traceback.format_exc()}".encode("utf-8", "replace"))
            os._exit(status)
        _save_until_killed(start, write_end, save)
    os.close(write_end)
    received = bytearray()
    try:
        try:
            _read_acks(read_end, received, 1 + after)  # ready, then `after` saves
            time.sleep(delay)  # not a wait for anything: where the kill lands
        finally:  # killed even when the wait failed, so no child outlives the test
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
        received += _read_all(read_end)
    finally:
        os.close(read_end)
    assert os.WIFSIGNALED(status), f"the saving child ended by itself (status {status}): see its stderr"
    assert os.WTERMSIG(status) == signal.SIGKILL
    assert len(received) % ACK.size == 0
    acks = [number for (number,) in ACK.iter_unpack(received)]
    assert acks[:1] == [start]
    assert len(acks) >= 1 + after
    return acks


def growing(path: Path) -> Callable[[int], int]:
    """The save step of a writer that adds one card at a time to the board at `path`.

    Each save reads the file first, as a writer does under the lock, and hands it to
    `save_board` as the file replaced, with where its cards lie: the cards read or written
    before are copied from it and only the new card is serialised, so a save costs about
    the same at 10 cards as at 1,000 and the kill lands in the writing and syncing as
    often as in the serialising.
    """
    data = path.read_bytes()
    board, places = parse_placed(data, path, cache_key=digest(data))

    def save(before: int) -> int:
        nonlocal board, places
        assert len(board.cards) == before, (len(board.cards), before)
        data = path.read_bytes()
        board = Board(cards=(*board.cards, numbered_card(before + 1)))
        places = save_board(path, board, replacing=FileContent(data, digest(data), places)).places
        return before + 1

    return save


def _save_delay_ceiling(path: Path) -> float:
    """The longest wait before the kill: about eight saves here, never more than 15 ms.

    On a disk where fsync costs milliseconds that is the full 15 ms; on a tmpfs it is
    shorter, so the board does not grow to thousands of cards and the test stays fast.
    """
    save_board(path, Board(cards=tuple(numbered_card(number) for number in range(1, 21))))
    save = growing(path)
    started = time.perf_counter()
    for before in range(20, 25):
        save(before)
    per_save = (time.perf_counter() - started) / 5
    return min(0.015, max(0.002, 8 * per_save))


BUDGET = 300.0
"""Seconds the kill -9 tests may spend on rounds beyond their floor of acknowledged saves. It
bounds the run on a very slow machine; it never fails the test, which has checked every round."""


def test_kill_9_during_save_board_never_loses_an_acknowledged_save(tmp_path: Path) -> None:
    rounds = 220
    goal = rounds // 4
    folder = tmp_path / "data"
    path = folder / "board.toml"
    ceiling = _save_delay_ceiling(path)
    save_board(path, Board())
    cards: list[Card] = []  # cards[i] is numbered_card(i + 1): what the file must hold
    count = 0
    acknowledged = 0
    rng = random.Random(20261125)
    round_number = 0
    deadline = time.monotonic() + BUDGET
    # `rounds` kills, and in any case until `goal` saves were acknowledged: each round waits
    # for the saves it asked for, so a busy machine makes the test slower, never a failure.
    while acknowledged < goal or (round_number < rounds and time.monotonic() < deadline):
        round_number += 1
        # The kill comes after none, one or two acknowledged saves, then anywhere in about
        # eight more: in the first save after a start as often as in a later one.
        acks = kill_while_saving(lambda: growing(path), count, rng.randrange(3), rng.uniform(0, ceiling))
        try:
            loaded = load_board(path)
        except BoardFileError as error:  # pragma: no cover - the failure this test is for
            pytest.fail(f"round {round_number}: the file does not load after kill -9: {error}")
        last = acks[-1]
        assert last <= len(loaded.cards) <= last + 1, (round_number, acks, len(loaded.cards))
        acknowledged += last - count
        count = len(loaded.cards)
        cards.extend(numbered_card(number) for number in range(len(cards) + 1, count + 1))
        assert loaded == Board(cards=tuple(cards[:count])), round_number
        assert stat.S_IMODE(path.stat().st_mode) == 0o600

        stale = temporaries(folder)
        removed = clean_stale_temporaries(path)
        assert sorted(p.name for p in removed) == stale
        assert temporaries(folder) == []
        assert sorted(os.listdir(folder)) in (["board.toml"], [".board.toml.due.json", "board.toml"])
    # Every save acknowledged in any round is still there at the end.
    assert count >= acknowledged >= goal
    assert load_board(path) == Board(cards=tuple(cards[:count]))


def test_kill_9_during_cli_updates_never_loses_an_acknowledged_change(tmp_path: Path) -> None:
    """The CLI's path: lock, clear stale temporaries, read, back up, save. A writer killed holding
    the lock does not block the next one, and a crash never costs an acknowledged change."""
    rounds = 60
    goal = rounds // 6
    folder = tmp_path / "data"
    path = folder / "board.toml"
    save_board(path, Board())
    rng = random.Random(25112026)
    count = 0
    acknowledged = 0
    round_number = 0
    deadline = time.monotonic() + BUDGET
    while acknowledged < goal or (round_number < rounds and time.monotonic() < deadline):
        round_number += 1

        def prepare() -> Callable[[int], int]:
            def save(before: int) -> int:
                done = update(path, lambda board: ops.add_card(board, company=f"Co {before + 1}", applied=TODAY))
                assert len(done.board.cards) == before + 1
                return before + 1

            return save

        acks = kill_while_saving(prepare, count, rng.randrange(3), rng.uniform(0, 0.04))
        with locked(path, timeout=2):  # the killed writer may have held it: the OS let it go
            pass
        loaded = load_board(path)
        last = acks[-1]
        assert last <= len(loaded.cards) <= last + 1, (round_number, acks, len(loaded.cards))
        assert [card.company for card in loaded.cards] == [f"Co {n}" for n in range(1, len(loaded.cards) + 1)]
        acknowledged += last - count
        count = len(loaded.cards)
        clean_stale_temporaries(path)
        assert temporaries(folder) == []
        assert leftovers(folder) == ["board.toml"]
        for backup in list_backups(path):  # every backup kept is a whole file
            store.parse_board(backup.path.read_bytes(), backup.path)
    assert count >= acknowledged >= goal


# the order of the writes ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    kind: str
    """create, write, fsync, replace, open-folder, sync-folder."""
    path: Path
    """The file or folder the step acts on; for replace, the file replaced."""
    source: Path | None = None
    """For replace: the file renamed over `path`."""
    content: bytes | None = None
    """write: the bytes written. fsync: the file's bytes when it was synced. replace: the
    target's bytes just before (None when it did not exist), as seen on disk."""


class _SpiedHandle:
    """A file object from `os.fdopen` whose writes are recorded (and may fail)."""

    def __init__(self, handle: IO[bytes], disk: Disk, path: Path) -> None:
        self._handle, self._disk, self._path = handle, disk, path

    def write(self, data: bytes) -> int:
        self._disk.step(Step("write", self._path, content=bytes(data)))
        return self._handle.write(data)

    def flush(self) -> None:
        self._disk.step(Step("flush", self._path))
        self._handle.flush()

    def fileno(self) -> int:
        return self._handle.fileno()

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> _SpiedHandle:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self._handle.close()


class Disk:
    """Stands between `write_atomically` and the OS: records each step, and fails the one a test picks.

    The steps are the calls store.py makes: `tempfile.mkstemp`, writes through `os.fdopen`,
    `os.fsync`, `os.replace`, and `os.open` + `os.fsync` of the folder. A failure is chosen by
    step kind and by the folder it happens in, so a test can fail the board's own save and
    not its backup's, or the other way round.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.steps: list[Step] = []
        self.fail_kind: str | None = None
        self.fail_in: Path | None = None
        self.fail_errno = 0
        self._known: dict[tuple[int, int], Path] = {}
        self._mkstemp = tempfile.mkstemp
        self._fdopen = os.fdopen
        self._fsync = os.fsync
        self._replace = os.replace
        self._open = os.open
        monkeypatch.setattr(tempfile, "mkstemp", self.mkstemp)
        monkeypatch.setattr(os, "fdopen", self.fdopen)
        monkeypatch.setattr(os, "fsync", self.fsync)
        monkeypatch.setattr(os, "replace", self.replace)
        monkeypatch.setattr(os, "open", self.open)

    def fail(self, kind: str, code: int, folder: Path | None = None) -> None:
        """Make the next `kind` steps in `folder` (anywhere when None) fail with `code`."""
        self.fail_kind, self.fail_errno, self.fail_in = kind, code, folder

    def step(self, step: Step) -> None:
        self.steps.append(step)
        folder = step.path if step.kind in ("open-folder", "sync-folder") else step.path.parent
        if step.kind == self.fail_kind and (self.fail_in is None or folder == self.fail_in):
            raise OSError(self.fail_errno, os.strerror(self.fail_errno), str(step.path))

    def _key(self, fd: int) -> tuple[int, int]:
        info = os.fstat(fd)
        return info.st_dev, info.st_ino

    def mkstemp(
        self, suffix: str | None = None, prefix: str | None = None, dir: str | Path | None = None, text: bool = False
    ) -> tuple[int, str]:
        assert dir is not None, "a temporary file must be made beside the file it replaces"
        self.step(Step("create", Path(dir) / f"{prefix}*{suffix}"))
        fd, name = self._mkstemp(suffix=suffix, prefix=prefix, dir=dir, text=text)
        self._known[self._key(fd)] = Path(name)
        return fd, name

    def fdopen(self, fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = self._fdopen(fd, *args, **kwargs)
        path = self._known.get(self._key(fd))
        return handle if path is None else _SpiedHandle(handle, self, path)

    def fsync(self, fd: int) -> None:
        path = self._known.get(self._key(fd))
        if path is not None:
            if path.is_dir():
                self.step(Step("sync-folder", path))
            else:
                self.step(Step("fsync", path, content=path.read_bytes()))
        self._fsync(fd)

    def replace(self, source: Any, target: Any, **kwargs: Any) -> None:
        target_path = Path(target)
        before = target_path.read_bytes() if target_path.exists() else None
        self.step(Step("replace", target_path, source=Path(source), content=before))
        self._replace(source, target, **kwargs)

    def open(self, path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        fd = self._open(path, flags, *args, **kwargs)
        if not kwargs.get("dir_fd") and os.path.isdir(path):
            self._known[self._key(fd)] = Path(path)
            try:
                self.step(Step("open-folder", Path(path)))
            except OSError:
                os.close(fd)
                raise
        return fd


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    return Disk(monkeypatch)


def two_boards() -> tuple[Board, Board]:
    old = Board(cards=(numbered_card(1),))
    return old, Board(cards=(numbered_card(1), numbered_card(2)))


@pytest.mark.parametrize("through_a_link", [False, True], ids=["plain", "symlink"])
def test_save_writes_syncs_replaces_then_syncs_the_folder(tmp_path: Path, through_a_link: bool) -> None:
    old, new = two_boards()
    real_folder = tmp_path / "synced"
    target = real_folder / "board.toml"
    save_board(target, old)
    path = target
    if through_a_link:
        path = tmp_path / "board.toml"
        path.symlink_to(target)
    old_bytes, new_bytes = target.read_bytes(), dump_board(new)

    with pytest.MonkeyPatch.context() as patch:
        disk = Disk(patch)
        save_board(path, new)

    kinds = [step.kind for step in disk.steps]
    # Writes (one or more) and flushes, then exactly these, in this order.
    assert kinds[0] == "create"
    assert kinds[-4:] == ["fsync", "replace", "open-folder", "sync-folder"]
    assert set(kinds[1:-4]) == {"write", "flush"}
    assert kinds[1] == "write"
    _create, *middle, synced, replaced, opened, folder_synced = disk.steps
    temporary = synced.path
    assert temporary.parent == real_folder  # beside the real file, so the rename is atomic
    assert temporary.name.startswith(".board.toml.")
    assert temporary.name.endswith(".tmp")
    assert b"".join(step.content or b"" for step in middle if step.kind == "write") == new_bytes
    assert all(step.path == temporary for step in middle)
    # fsync saw every byte on disk already (the buffer was flushed first).
    assert synced.content == new_bytes
    # The rename puts the synced temporary over the real file, which was never written into.
    assert replaced.source == temporary
    assert replaced.path == target
    assert replaced.content == old_bytes
    # Then the folder that holds the rename is synced: the real one, not the link's.
    assert opened.path == folder_synced.path == real_folder
    assert target.read_bytes() == new_bytes
    assert path.is_symlink() == through_a_link
    assert sorted(os.listdir(real_folder)) == ["board.toml"]


def test_a_failed_file_fsync_is_a_failed_save_and_leaves_the_old_file(tmp_path: Path, disk: Disk) -> None:
    # test_store fails every fsync; here only the temporary file's fails, the folder's would pass.
    old, new = two_boards()
    path = tmp_path / "board.toml"
    save_board(path, old)
    before = path.read_bytes()
    disk.fail("fsync", errno.EIO)
    with pytest.raises(BoardFileError) as error:
        save_board(path, new)
    assert str(error.value) == f"{path}: could not be saved: {os.strerror(errno.EIO)}"
    assert [step.kind for step in disk.steps][-1] == "fsync"  # nothing replaced, no folder synced
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["board.toml"]


def test_a_failed_folder_fsync_comes_after_the_new_file_is_complete(tmp_path: Path, disk: Disk) -> None:
    """The rename has happened when the folder is synced: whatever is reported, the file is whole
    (the new bytes, not a mix) and no temporary file is left."""
    old, new = two_boards()
    path = tmp_path / "board.toml"
    save_board(path, old)
    disk.fail("sync-folder", errno.EIO)
    with contextlib.suppress(BoardFileError):  # reported as a failure today: see the CLI tests below
        save_board(path, new)
    assert disk.steps[-1].kind == "sync-folder"
    assert path.read_bytes() == dump_board(new)
    assert load_board(path) == new
    assert os.listdir(tmp_path) == ["board.toml"]


# failing disks, through the command line --------------------------------------------------------------------------


@pytest.fixture
def cli_board(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "board.toml"
    save_board(path, Board(cards=(Card(id="abcd", company="Acme", applied=TODAY - dt.timedelta(days=10)),)))
    return path


def log(capsys: pytest.CaptureFixture[str], path: Path, verb: str = "interview") -> tuple[int | str | None, str]:
    """Run a verb that always writes (`interview` or `followup` on the card, today)."""
    result = run_main(capsys, [verb, "abcd", "--board", str(path)], TODAY)
    assert result.out == "" or result.code == 0
    return result.code, result.err


def assert_failed_cleanly(code: int | str | None, err: str, path: Path, before: bytes, reason: str) -> None:
    assert code == 2, err
    assert err.startswith("fu-board: error: "), err
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert str(path) in err
    assert reason in err, err
    assert path.read_bytes() == before
    assert leftovers(path.parent) == ["board.toml"]
    assert all_temporaries(path.parent) == []


FAULTS = [
    pytest.param(("create", errno.ENOSPC), id="create-ENOSPC"),
    pytest.param(("create", errno.EDQUOT), id="create-EDQUOT"),
    pytest.param(("create", errno.EROFS), id="create-EROFS"),
    pytest.param(("create", errno.EACCES), id="create-EACCES"),
    pytest.param(("write", errno.ENOSPC), id="write-ENOSPC"),
    pytest.param(("write", errno.EIO), id="write-EIO"),
    pytest.param(("flush", errno.ENOSPC), id="flush-ENOSPC"),
    pytest.param(("fsync", errno.EIO), id="fsync-EIO"),
    pytest.param(("fsync", errno.ENOSPC), id="fsync-ENOSPC"),
    pytest.param(("replace", errno.EROFS), id="replace-EROFS"),
    pytest.param(("replace", errno.EACCES), id="replace-EACCES"),
    pytest.param(("replace", errno.EIO), id="replace-EIO"),
]


@pytest.mark.parametrize("where", ["board", "backup"])
@pytest.mark.parametrize("fault", FAULTS)
def test_a_failing_disk_fails_the_verb_cleanly(
    capsys: pytest.CaptureFixture[str], cli_board: Path, disk: Disk, fault: tuple[str, int], where: str
) -> None:
    """The backup is written first, so a full disk usually fails there; either way nothing changes."""
    kind, code = fault
    before = cli_board.read_bytes()
    folder = cli_board.parent if where == "board" else backup_folder(cli_board)
    disk.fail(kind, code, folder)
    exit_code, err = log(capsys, cli_board)
    assert any(step.kind == kind and step.path.parent == folder for step in disk.steps)  # the fault was hit
    assert_failed_cleanly(exit_code, err, cli_board, before, os.strerror(code))
    if where == "backup":
        assert "backup could not be written" in err
    # The failure released the lock and left a usable board: the same verb now works.
    disk.fail_kind = None
    exit_code, err = log(capsys, cli_board)
    assert (exit_code, err) == (0, "")
    card = load_board(cli_board).card("abcd")
    assert (card.stage.value, [interview.date for interview in card.interviews]) == ("interviewed", [TODAY])


def test_a_failed_folder_fsync_is_not_reported_as_nothing_saved(
    capsys: pytest.CaptureFixture[str], cli_board: Path, disk: Disk
) -> None:
    """Exit status 2 must mean the board is as it was: the person will run the verb again.

    Only the board folder's sync fails (the backup's succeeds), after the rename has put the
    new board in place. Reporting "could not be saved" then is untrue, and repeating the verb
    repeats the change (an `add` adds the card twice).
    """
    before = cli_board.read_bytes()
    disk.fail("sync-folder", errno.EIO, cli_board.parent)
    exit_code, err = log(capsys, cli_board)
    assert any(step.kind == "sync-folder" and step.path == cli_board.parent for step in disk.steps)
    assert exit_code == 0 or cli_board.read_bytes() == before, (
        f"exit {exit_code} ({err.strip()}) but the file was changed"
    )


def test_a_folder_that_cannot_be_synced_does_not_make_a_first_add_look_failed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, disk: Disk
) -> None:
    """Some file systems refuse fsync on a folder (EINVAL): the first `add` must not both create
    the board and say it failed."""
    path = tmp_path / "data" / "board.toml"
    disk.fail("sync-folder", errno.EINVAL)
    result = run_main(capsys, ["add", "Acme", "--board", str(path)], TODAY)
    assert any(step.kind == "sync-folder" for step in disk.steps)
    assert result.code == 0 or not path.exists(), (
        f"exit {result.code} ({result.err.strip()}) but {path.name} was created with the card"
    )


# a folder that cannot be written ----------------------------------------------------------------------------------


def _inside(path: Any, folder: Path, *, deep: bool) -> bool:
    if isinstance(path, int):
        return False
    real = Path(os.path.realpath(os.fsdecode(path)))
    return real.parent == folder or (deep and folder in real.parents)


_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def refuse_writes(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int) -> None:
    """Make `folder` behave as if it could not be written, for a process that ignores permissions (root).

    EACCES is `chmod 0o500`: nothing can be created, removed or renamed in the folder itself, but
    its files and subfolders stay writable. EROFS is a read-only mount: nothing under it can be
    opened for writing, created, removed or renamed, at any depth.
    """
    folder = Path(os.path.realpath(folder))
    deep = code == errno.EROFS

    def refused(path: Any) -> OSError:
        return OSError(code, os.strerror(code), os.fsdecode(path))

    real_open, real_mkdir, real_unlink, real_replace, real_rename = os.open, os.mkdir, os.unlink, os.replace, os.rename

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if not kwargs.get("dir_fd") and _inside(path, folder, deep=deep):
            creates = flags & os.O_CREAT and not os.path.exists(path)
            if creates or (deep and flags & _WRITING):
                raise refused(path)
        return real_open(path, flags, *args, **kwargs)

    def mkdir(path: Any, *args: Any, **kwargs: Any) -> None:
        if _inside(path, folder, deep=deep):
            raise refused(path)
        real_mkdir(path, *args, **kwargs)

    def unlink(path: Any, *args: Any, **kwargs: Any) -> None:
        if _inside(path, folder, deep=deep):
            raise refused(path)
        real_unlink(path, *args, **kwargs)

    def moved(real: Callable[..., None]) -> Callable[..., None]:
        def rename(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
            if _inside(source, folder, deep=deep) or _inside(target, folder, deep=deep):
                raise refused(target)
            real(source, target, *args, **kwargs)

        return rename

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(os, "remove", unlink)
    monkeypatch.setattr(os, "replace", moved(real_replace))
    monkeypatch.setattr(os, "rename", moved(real_rename))


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path, int], None]]:
    """Make a folder unwritable: a real `chmod 0o500` when not root (EACCES), else `refuse_writes`."""
    chmodded: list[Path] = []

    def make(folder: Path, code: int) -> None:
        if code == errno.EACCES and os.geteuid() != 0:
            folder.chmod(0o500)
            chmodded.append(folder)
        else:
            refuse_writes(monkeypatch, folder, code)

    yield make
    for folder in chmodded:
        folder.chmod(0o700)


def _make_used(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    """A board the CLI has changed before: its lock file and backups folder exist."""
    assert log(capsys, path, "followup")[0] == 0


def _make_crashed(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    """A used board beside the temporary file a killed save left."""
    _make_used(capsys, path)
    left_by_a_crash(path.parent, path.name, path.read_bytes()[:100])


def _make_opened(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    """A board the app has opened (and closed unchanged): opening writes nothing, not even the
    lock file, when there is nothing to create or clean up."""
    before = sorted(os.listdir(path.parent))
    BoardFile(path).open()
    assert sorted(os.listdir(path.parent)) == before
    assert not backup_folder(path).exists()


def _as_written(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    """A board written by hand (or by `save_board`): no lock file, no backups folder yet."""
    assert sorted(os.listdir(path.parent)) == ["board.toml"]


STATES: dict[str, Callable[[pytest.CaptureFixture[str], Path], None]] = {
    "written-by-hand": _as_written,
    "opened-in-the-app": _make_opened,
    "used-before": _make_used,
    "after-a-crash": _make_crashed,
}


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS], ids=["EACCES", "EROFS"])
@pytest.mark.parametrize("state", list(STATES))
def test_an_unwritable_folder_fails_the_verb_cleanly(
    capsys: pytest.CaptureFixture[str],
    cli_board: Path,
    read_only: Callable[[Path, int], None],
    state: str,
    code: int,
) -> None:
    STATES[state](capsys, cli_board)
    folder = cli_board.parent
    before, names = cli_board.read_bytes(), sorted(os.listdir(folder))
    read_only(folder, code)
    exit_code, err = log(capsys, cli_board, "interview")
    assert exit_code == 2, err
    assert err.count("\n") == 1, err
    assert err.startswith("fu-board: error: ")
    assert str(cli_board) in err
    assert os.strerror(code) in err, err
    assert cli_board.read_bytes() == before
    assert sorted(os.listdir(folder)) == names


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS], ids=["EACCES", "EROFS"])
@pytest.mark.parametrize("state", list(STATES))
def test_the_app_still_opens_a_board_in_an_unwritable_folder(
    capsys: pytest.CaptureFixture[str],
    cli_board: Path,
    read_only: Callable[[Path, int], None],
    state: str,
    code: int,
) -> None:
    """BoardFile.open: "A folder that cannot be written: the board can still be read; saving will say why it fails." """
    STATES[state](capsys, cli_board)
    expected = load_board(cli_board)
    read_only(cli_board.parent, code)
    board_file = BoardFile(cli_board)
    assert board_file.open() == expected
    with pytest.raises(BoardFileError) as error:
        board_file.commit(ops.log_interview(expected, "abcd", on=TODAY).board)
    assert str(error.value).startswith(f"{cli_board}: ")
    assert os.strerror(code) in str(error.value)


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS], ids=["EACCES", "EROFS"])
def test_adding_to_a_new_board_in_an_unwritable_folder_fails_cleanly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, read_only: Callable[[Path, int], None], code: int
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    read_only(folder, code)
    result = run_main(capsys, ["add", "Acme", "--board", str(folder / "board.toml")], TODAY)
    assert result.code == 2, result.err
    assert result.err.count("\n") == 1, result.err
    assert str(folder / "board.toml") in result.err
    assert os.strerror(code) in result.err
    assert os.listdir(folder) == []


def test_a_crash_during_a_backup_leaves_nothing_behind_after_the_next_save(
    capsys: pytest.CaptureFixture[str], cli_board: Path
) -> None:
    """A killed save can leave its temporary file in the backups folder too (the backup is
    written the same way); the next writer clears the board's, and should clear those."""
    _make_used(capsys, cli_board)
    backups = backup_folder(cli_board)
    left_by_a_crash(backups, "2026-11-25T09-00-00.000000Z.toml", cli_board.read_bytes()[:100])
    left_by_a_crash(cli_board.parent, cli_board.name, b"x")
    assert log(capsys, cli_board, "interview")[0] == 0
    assert leftovers(cli_board.parent) == ["board.toml"]
    assert all_temporaries(cli_board.parent) == []


def test_opening_clears_what_a_crashed_save_left_under_the_lock(
    capsys: pytest.CaptureFixture[str], cli_board: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _make_crashed(capsys, cli_board)
    expected = load_board(cli_board)
    taken: list[Path] = []
    real_locked = board_file_module.locked

    def spy(path: Path, timeout: float = 10.0) -> Any:
        taken.append(path)
        return real_locked(path, timeout)

    monkeypatch.setattr(board_file_module, "locked", spy)
    assert BoardFile(cli_board).open() == expected
    assert taken == [cli_board]
    assert not [name for name in os.listdir(cli_board.parent) if name.endswith(".tmp")]
    taken.clear()
    assert BoardFile(cli_board).open() == expected
    assert taken == []  # nothing left to clean: read without the lock
