"""Two writers on one board file: the lock, a TUI's stale board against the CLI, conflicts, backups.

The lock tests run real processes: the lock is the operating system's, so only
another process can show that it excludes and that a killed holder frees it.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fu_board import board as ops
from fu_board.backups import list_backups
from fu_board.board_file import BoardFile, Conflict, Saved, clean_stale_temporaries, lock_path, locked
from fu_board.cli import main
from fu_board.model import Board, Card, Interview, Outcome, ReviewLog, Settings, Stage
from fu_board.store import BoardFileError, load_board, save_board
from tests.conftest import TODAY
from tests.test_crash_safety import numbered_card

ROOT = Path(__file__).resolve().parents[1]
DAY = TODAY.replace(day=2)


def cards(*card_ids: str) -> Board:
    return Board(cards=tuple(Card(id=card_id, company=f"Co {card_id}", applied=DAY) for card_id in card_ids))


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run one CLI verb in-process on TODAY; it must succeed. Its stdout."""
    capsys.readouterr()
    code = main(list(argv), today=TODAY)
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def python(code: str, *args: str, stdin: int | None = None, stdout: int | None = None) -> subprocess.Popen[str]:
    """A Python process running `code` in the repository; stderr is kept for the failure message."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], cwd=ROOT, text=True, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE
    )


def noted(board: Board, card_id: str, note: str) -> Board:
    return ops.edit_card(board, card_id, on=TODAY, note=note).board


# Many processes at once -------------------------------------------------------------

ADDER = """
import pathlib, sys, time
from fu_board.cli import main
path, folder, n = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
(folder / f"ready-{n}").touch()
while not (folder / "go").exists():
    time.sleep(0.002)
for i in range(15):
    if main(["add", f"co-{n}-{i}", "--board", path]) != 0:
        sys.exit(1)
"""


def test_cli_processes_adding_at_once_lose_no_card(board_path: Path, tmp_path: Path) -> None:
    board_path.parent.mkdir()
    signals = tmp_path / "signals"
    signals.mkdir()
    writers = [python(ADDER, str(board_path), str(signals), str(n), stdout=subprocess.PIPE) for n in range(4)]
    deadline = time.monotonic() + 60
    while len(list(signals.glob("ready-*"))) < 4 and time.monotonic() < deadline:
        time.sleep(0.01)
    (signals / "go").touch()  # all four start adding together
    outputs = [writer.communicate(timeout=120) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0, 0, 0], [err for _, err in outputs]

    board = load_board(board_path)
    assert len(board.cards) == 60
    assert sorted(card.company for card in board.cards) == sorted(f"co-{n}-{i}" for n in range(4) for i in range(15))
    printed = [line for out, _ in outputs for line in out.split()]
    assert sorted(printed) == sorted(card.id for card in board.cards)
    lock = lock_path(board_path)
    assert lock == board_path.parent / ".board.toml.lock"
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600


# The lock ---------------------------------------------------------------------------

HOLDER = """
import sys
from pathlib import Path
from fu_board.board_file import locked
with locked(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.read()
"""


def hold_lock(path: Path) -> subprocess.Popen[str]:
    holder = python(HOLDER, str(path), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert holder.stdout is not None
    if holder.stdout.readline() != "held\n":
        holder.kill()
        pytest.fail(f"the holder did not take the lock: {holder.communicate()[1]}")
    return holder


def test_a_second_writer_waits_for_the_lock_and_then_says_busy(board_path: Path) -> None:
    holder = hold_lock(board_path)
    try:
        started = time.monotonic()
        with pytest.raises(BoardFileError, match="busy") as error, locked(board_path, timeout=0.2):
            pytest.fail("the lock was taken twice")
        assert time.monotonic() - started >= 0.2
        assert ".board.toml.lock" in str(error.value)
        assert "\n" not in str(error.value)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    with locked(board_path, timeout=5):  # released on a normal exit
        pass


def test_a_killed_holder_frees_the_lock_at_once(board_path: Path) -> None:
    holder = hold_lock(board_path)
    try:
        with pytest.raises(BoardFileError, match="busy"), locked(board_path, timeout=0.1):
            pass
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        assert holder.wait(timeout=30) == -signal.SIGKILL
    started = time.monotonic()
    with locked(board_path, timeout=0.5):
        assert time.monotonic() - started < 0.5


def test_a_cli_verb_waits_while_another_writer_holds_the_lock(
    board_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    save_board(board_path, cards("aaaa"))
    before = board_path.read_bytes()
    monkeypatch.setattr(locked.__wrapped__, "__defaults__", (0.2,))  # type: ignore[attr-defined]
    holder = hold_lock(board_path)
    try:
        code = main(["add", "Blocked", "--board", str(board_path)], today=TODAY)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    err = capsys.readouterr().err
    assert code == 2
    assert "busy" in err
    assert err.count("\n") == 1
    assert board_path.read_bytes() == before


def test_two_first_writers_creating_the_folder_at_once_both_succeed(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two first runs (a TUI and a CLI add) both find no folder and both create it:
    the one that comes second must not fail because the folder now exists. (Four real processes
    taking the lock of a board in a new folder at once hit this in 25 of 30 rounds.)"""
    real_mkdir = Path.mkdir

    def other_writer_wins(self: Path, mode: int = 0o777, parents: bool = False, exist_ok: bool = False) -> None:
        real_mkdir(self, 0o700, True, True)  # the other writer, between the check and this mkdir
        real_mkdir(self, mode, parents, exist_ok)

    monkeypatch.setattr(Path, "mkdir", other_writer_wins)
    with locked(board_path):
        pass


# A TUI's stale board against the CLI --------------------------------------------------


def test_stale_tui_board_plus_a_cli_add_keeps_both(board_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_board(board_path, cards("aaaa", "bbbb"))
    file = BoardFile(board_path)
    mine = ops.log_interview(file.open(), "aaaa", on=TODAY).board  # on screen, not saved yet
    added = cli(capsys, "add", "Elsewhere Inc", "--board", str(board_path)).strip()

    result = file.commit(mine)
    assert isinstance(result, Saved)
    assert result.taken == 1
    on_disk = load_board(board_path)
    assert on_disk == result.board
    assert [card.id for card in on_disk.cards] == ["aaaa", "bbbb", added]
    assert on_disk.card("aaaa").stage is Stage.INTERVIEWED
    assert on_disk.card("aaaa").interviews == (Interview(date=TODAY, id=1),)
    assert on_disk.card(added).company == "Elsewhere Inc"
    assert file.base == on_disk
    assert not file.changed_outside()

    again = file.commit(noted(result.board, "bbbb", "later"))  # nothing new outside: nothing taken
    assert isinstance(again, Saved)
    assert again.taken == 0
    assert load_board(board_path).card(added).company == "Elsewhere Inc"


def test_a_cli_resolve_and_a_tui_delete_merge(board_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_board(board_path, cards("aaaa", "bbbb", "cccc"))
    file = BoardFile(board_path)
    mine = ops.delete_card(file.open(), "cccc").board
    cli(capsys, "resolve", "aaaa", "yes", "--board", str(board_path))
    result = file.commit(mine)
    assert isinstance(result, Saved)
    assert result.taken == 1
    on_disk = load_board(board_path)
    assert [card.id for card in on_disk.cards] == ["bbbb", "aaaa"]
    assert on_disk.card("aaaa").outcome is Outcome.YES


def conflicting(board_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[BoardFile, Board, Conflict, bytes]:
    """The TUI says yes for aaaa and notes bbbb; meanwhile the CLI says no for aaaa and adds
    a card. Its commit conflicts on aaaa's answer, and only there."""
    save_board(board_path, cards("aaaa", "bbbb"))
    file = BoardFile(board_path)
    mine = ops.resolve_card(file.open(), "aaaa", Outcome.YES, on=TODAY).board
    mine = noted(mine, "bbbb", "only mine")
    cli(capsys, "resolve", "aaaa", "no", "--board", str(board_path))
    cli(capsys, "add", "Elsewhere Inc", "--board", str(board_path))
    before = board_path.read_bytes()
    backups = len(list_backups(board_path))

    result = file.commit(mine)
    assert isinstance(result, Conflict)
    assert board_path.read_bytes() == before
    assert len(list_backups(board_path)) == backups  # nothing written at all
    assert [conflict.card_id for conflict in result.merged.conflicts] == ["aaaa"]
    assert result.merged.conflicts[0].fields == ("outcome",)
    assert result.merged.conflicts[0].what == ("answer",)
    assert result.theirs == load_board(board_path)
    return file, mine, result, before


def test_the_same_card_changed_on_both_sides_is_a_conflict_and_writes_nothing(
    board_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file, mine, result, before = conflicting(board_path, capsys)
    (conflict,) = result.merged.conflicts
    assert conflict.mine == mine.card("aaaa")
    assert conflict.theirs is not None
    assert conflict.theirs.outcome is Outcome.NO
    # Asking again without settling still conflicts, and still writes nothing.
    assert isinstance(file.commit(mine), Conflict)
    assert board_path.read_bytes() == before


def test_settling_a_conflict_with_mine_saves_mine(board_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file, mine, result, _ = conflicting(board_path, capsys)
    settled = file.settle(result, "mine", mine)
    saved = file.commit(settled)
    assert isinstance(saved, Saved)
    on_disk = load_board(board_path)
    assert on_disk == settled
    assert on_disk.card("aaaa") == mine.card("aaaa")
    assert on_disk.card("aaaa").outcome is Outcome.YES
    assert on_disk.card("bbbb").note == "only mine"
    assert [card.company for card in on_disk.cards][-1] == "Elsewhere Inc"  # their add is kept


def test_settling_a_conflict_with_theirs_saves_their_card(board_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file, mine, result, _ = conflicting(board_path, capsys)
    settled = file.settle(result, "theirs", mine)
    assert isinstance(file.commit(settled), Saved)
    on_disk = load_board(board_path)
    assert on_disk.card("aaaa") == result.theirs.card("aaaa")
    assert on_disk.card("aaaa").outcome is Outcome.NO
    assert on_disk.card("bbbb").note == "only mine"  # my change that did not conflict is kept
    assert [card.company for card in on_disk.cards][-1] == "Elsewhere Inc"


def test_the_file_a_settled_conflict_overwrites_is_backed_up_first(
    board_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Keeping mine drops their version of the card: the file that holds it must stay in a
    backup, so a wrong choice can still be undone, even when this writer saved before."""
    save_board(board_path, cards("aaaa", "bbbb"))
    file = BoardFile(board_path)
    board = noted(file.open(), "bbbb", "an earlier save")
    assert isinstance(file.commit(board), Saved)  # the first save keeps its backup
    cli(capsys, "resolve", "aaaa", "yes", "--board", str(board_path))
    theirs = board_path.read_bytes()  # their yes is in this file only

    mine = ops.resolve_card(board, "aaaa", Outcome.NO, on=TODAY).board
    result = file.commit(mine)
    assert isinstance(result, Conflict)
    assert isinstance(file.commit(file.settle(result, "mine", mine)), Saved)
    assert load_board(board_path).card("aaaa").outcome is Outcome.NO
    assert any(backup.path.read_bytes() == theirs for backup in list_backups(board_path)), (
        "the file holding their yes was overwritten without a backup"
    )


# Saved.board is what is on disk: a writer that keeps it only when taken > 0 must lose nothing ------


@pytest.mark.parametrize(
    "outside",
    [
        pytest.param({"settings": Settings(irons_target=9)}, id="settings"),
        pytest.param({"review": ReviewLog(last_finished=TODAY, streak=3)}, id="review"),
    ],
)
def test_a_save_that_takes_in_others_changes_says_so(board_path: Path, outside: dict[str, object]) -> None:
    """The TUI adopts `Saved.board` only when `taken` is nonzero; anything else taken in
    from the file would be written back over at its next save."""
    save_board(board_path, cards("aaaa"))
    tui = BoardFile(board_path)
    mine = noted(tui.open(), "aaaa", "mine")
    other = BoardFile(board_path)
    assert isinstance(other.commit(other.open().replace(**outside)), Saved)

    result = tui.commit(mine)
    assert isinstance(result, Saved)
    assert load_board(board_path) == result.board
    assert {key: getattr(result.board, key) for key in outside} == outside  # taken in from the file
    assert result.taken > 0 or result.board == mine, "the saved board differs from mine, yet taken == 0"


# Backups of a board held open --------------------------------------------------------


def test_a_backup_before_the_first_save_and_after_changes_outside_only(
    board_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_board(board_path, cards("aaaa", "bbbb"))
    original = board_path.read_bytes()
    file = BoardFile(board_path)
    board = file.open()
    assert list_backups(board_path) == []  # opening writes nothing

    board = noted(board, "aaaa", "one")
    assert isinstance(file.commit(board), Saved)
    (first,) = list_backups(board_path)
    assert first.path.read_bytes() == original

    for note in ("two", "three"):
        board = noted(board, "aaaa", note)
        assert isinstance(file.commit(board), Saved)
    assert len(list_backups(board_path)) == 1  # not one per save

    cli(capsys, "add", "Elsewhere Inc", "--board", str(board_path))  # the CLI keeps its own backup
    assert len(list_backups(board_path)) == 2
    changed_outside = board_path.read_bytes()
    board = noted(board, "bbbb", "four")
    saved = file.commit(board)
    assert isinstance(saved, Saved)
    assert saved.taken == 1
    backups = list_backups(board_path)
    assert len(backups) == 3
    assert backups[0].path.read_bytes() == changed_outside  # newest first

    assert isinstance(file.commit(noted(saved.board, "bbbb", "five")), Saved)
    assert len(list_backups(board_path)) == 3

    reloaded = file.reload()  # a load starts over: the next save keeps a backup again
    assert isinstance(file.commit(noted(reloaded, "bbbb", "six")), Saved)
    assert len(list_backups(board_path)) == 4
    assert load_board(board_path).card("bbbb").note == "six"


def test_a_first_run_creates_the_board_and_backs_up_before_overwriting(board_path: Path) -> None:
    file = BoardFile(board_path)
    assert file.open() == Board()
    assert load_board(board_path) == Board()
    assert stat.S_IMODE(board_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(board_path.parent.stat().st_mode) == 0o700
    assert isinstance(file.commit(cards("aaaa")), Saved)
    assert len(list_backups(board_path)) == 1
    assert load_board(board_path) == cards("aaaa")


# Leftovers of a crashed save -----------------------------------------------------------


def test_clean_stale_temporaries_removes_only_the_boards_leftovers(board_path: Path) -> None:
    folder = board_path.parent
    folder.mkdir()
    save_board(board_path, cards("aaaa"))
    stale = {folder / ".board.toml.k2j4x9ab.tmp", folder / ".board.toml.x_1m0zq8.tmp"}
    kept = {
        folder / "board.toml.k2j4x9ab.tmp",  # no leading dot: a person's file
        folder / ".board.toml.k2j4x9ab.tmp.bak",
        folder / ".board.tomlk2j4x9ab.tmp",
        folder / ".other.toml.k2j4x9ab.tmp",
        folder / "notes.tmp",
        folder / ".board.toml.lock",
        folder / ".board.toml.x_1.tmp",  # not the shape of ours
    }
    for path in stale | kept:
        path.write_bytes(b"x")
    data = board_path.read_bytes()

    assert set(clean_stale_temporaries(board_path)) == stale
    assert not any(path.exists() for path in stale)
    assert all(path.read_bytes() == b"x" for path in kept)
    assert board_path.read_bytes() == data
    assert clean_stale_temporaries(board_path) == []


def test_clean_stale_temporaries_spares_a_sibling_boards_save_in_progress(board_path: Path) -> None:
    """`board.toml.old` beside `board.toml` is another board with its own lock: its temporary
    file (`.board.toml.old.XXXXXXXX.tmp`) may be a save under way, not a leftover of ours."""
    board_path.parent.mkdir()
    save_board(board_path, cards("aaaa"))
    theirs = board_path.parent / ".board.toml.old.k2j4x9ab.tmp"
    theirs.write_bytes(b"a save under way")
    clean_stale_temporaries(board_path)
    assert theirs.exists()


def test_opening_the_board_clears_the_leftovers(board_path: Path) -> None:
    board_path.parent.mkdir()
    save_board(board_path, cards("aaaa"))
    stale = board_path.parent / ".board.toml.q8w7e6r5.tmp"
    stale.write_bytes(b"half a board")
    assert BoardFile(board_path).open() == cards("aaaa")
    assert not stale.exists()


def test_a_cli_verb_clears_the_leftovers(board_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    board_path.parent.mkdir()
    save_board(board_path, cards("aaaa"))
    stale = board_path.parent / ".board.toml.q8w7e6r5.tmp"
    stale.write_bytes(b"half a board")
    cli(capsys, "interview", "aaaa", "--board", str(board_path))
    assert not stale.exists()
    assert load_board(board_path).card("aaaa").stage is Stage.INTERVIEWED


# Waiting for the lock -------------------------------------------------------------------


def keep_lock(path: Path, seconds: float, saving_every: float | None, held: threading.Event) -> None:
    """Another writer: holds the board's lock for `seconds`, saving every `saving_every`
    seconds meanwhile (a queue that moves) or never (a writer that is stuck)."""
    with locked(path):
        held.set()
        deadline = time.monotonic() + seconds
        count = 0
        while time.monotonic() < deadline:
            time.sleep(saving_every or 0.01)
            if saving_every:
                count += 1
                save_board(path, Board(cards=tuple(numbered_card(n) for n in range(1, count + 1))))


def test_a_writer_stuck_on_the_lock_is_reported_for_what_it_is(board_path: Path) -> None:
    save_board(board_path, Board())
    held = threading.Event()
    other = threading.Thread(target=keep_lock, args=(board_path, 1.5, None, held))
    other.start()
    try:
        assert held.wait(10)
        with pytest.raises(BoardFileError) as refused, locked(board_path, timeout=0.3):
            pass
        assert "holds .board.toml.lock and has saved nothing for 0.3 seconds" in str(refused.value)
    finally:
        other.join()


def test_a_writer_waits_its_turn_while_the_others_save(board_path: Path) -> None:
    """Under heavy load, waiting longer than the timeout is no failure while saves go on."""
    save_board(board_path, Board())
    held = threading.Event()
    other = threading.Thread(target=keep_lock, args=(board_path, 1.2, 0.1, held))
    other.start()
    try:
        assert held.wait(10)
        started = time.monotonic()
        with locked(board_path, timeout=0.4):
            waited = time.monotonic() - started
        assert len(load_board(board_path).cards) >= 5  # the other writer's saves all went first
        assert waited > 0.4  # longer than the timeout, and no failure: the queue moved
    finally:
        other.join()
