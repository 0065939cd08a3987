"""The open board without a terminal: its saves, coalesced in the background, its merges,
conflicts and failures, undo, the clock, and what the host is told. A `Host` that records
what it is asked runs each background save only when the test says so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from fu_board import board as ops
from fu_board.board_file import Conflict, Saved, update
from fu_board.model import Board, EventKind, Stage
from fu_board.session import BoardChange, SaveJob, Session, Severity
from fu_board.store import BoardFileError, load_board, save_board
from tests.conftest import TODAY


@dataclass
class Host:
    """Records what the session asks; background saves wait in `saves` until `run` runs them."""

    said: list[tuple[str, Severity]] = field(default_factory=list)
    changes: list[BoardChange] = field(default_factory=list)
    states: int = 0
    saves: list[SaveJob] = field(default_factory=list)
    questions: list[tuple[Conflict, bool]] = field(default_factory=list)

    def say(self, text: str, *, severity: Severity = "information", timeout: float | None = None) -> None:
        self.said.append((text, severity))

    def board_changed(self, change: BoardChange) -> None:
        self.changes.append(change)

    def save_state_changed(self) -> None:
        self.states += 1

    def run_save(self, job: SaveJob) -> None:
        self.saves.append(job)

    def choose_side(self, conflict: Conflict, *, quitting: bool) -> None:
        self.questions.append((conflict, quitting))

    def words(self) -> list[str]:
        return [text for text, _ in self.said]


def run(session: Session, host: Host) -> Saved | Exception | None:
    """Run the oldest background save, as the host's worker thread would, and hand its result back."""
    job = host.saves.pop(0)
    result = job.run()
    session.finish_save(job, result)
    return result


def opened(path: Path, board: Board | None = None) -> tuple[Session, Host]:
    save_board(path, board if board is not None else Board())
    host = Host()
    session = Session(path, host, today=TODAY)
    session.open()
    return session, host


def add(company: str) -> Callable[[Board], ops.Change]:
    return lambda board: ops.add_card(board, company=company, applied=TODAY)


def companies(board: Board) -> list[str]:
    return [card.company for card in board.cards]


def test_a_change_is_shown_then_saved_in_the_background(board_path: Path) -> None:
    session, host = opened(board_path)
    change = session.apply(add("Acme"))
    assert change is not None
    assert host.changes[-1].board is session.board
    assert host.changes[-1].follow == change.card.id
    assert companies(load_board(board_path)) == []  # nothing written on the UI thread
    assert session.saving
    assert isinstance(run(session, host), Saved)
    assert companies(load_board(board_path)) == ["Acme"]
    assert not session.saving
    assert not session.unsaved
    assert host.saves == []


def test_changes_made_during_a_save_are_written_together_by_one_more(board_path: Path) -> None:
    session, host = opened(board_path)
    session.apply(add("Acme"))
    session.apply(add("Globex"))
    session.apply(add("Initech"))
    assert len(host.saves) == 1  # the others wait for the one under way
    assert companies(host.saves[0].board) == ["Acme"]
    run(session, host)
    assert len(host.saves) == 1  # then one more, with the board as it is now
    assert companies(host.saves[0].board) == ["Acme", "Globex", "Initech"]
    run(session, host)
    assert host.saves == []
    assert companies(load_board(board_path)) == ["Acme", "Globex", "Initech"]


def test_a_save_that_finds_the_file_changed_merges_on_the_ui_thread(board_path: Path) -> None:
    session, host = opened(board_path)
    session.apply(add("Acme"))
    update(board_path, add("FromCLI"), today=TODAY)  # saved outside while the save waited
    assert run(session, host) is None  # the background save wrote nothing
    assert sorted(companies(load_board(board_path))) == ["Acme", "FromCLI"]
    assert sorted(companies(session.board)) == ["Acme", "FromCLI"]
    assert host.changes[-1].outside
    assert "Saved, with 1 change made outside fu-board meanwhile." in host.words()
    assert not session.unsaved


def in_conflict(board_path: Path) -> tuple[Session, Host, str]:
    """A session whose card Acme was edited here while another writer deleted it, its save
    under way: the id of that card."""
    session, host = opened(board_path)
    session.apply(add("Acme"))
    run(session, host)
    card_id = session.board.cards[0].id
    session.apply(lambda b: ops.edit_card(b, card_id, on=TODAY, role="Staff Engineer"))
    update(board_path, lambda b: ops.delete_card(b, card_id), today=TODAY)
    return session, host, card_id


def test_a_conflict_asks_and_saves_nothing_until_the_person_chooses(board_path: Path) -> None:
    session, host, _ = in_conflict(board_path)
    on_disk = board_path.read_bytes()
    run(session, host)
    assert len(host.questions) == 1
    conflict, quitting = host.questions[0]
    assert not quitting
    assert session.unsaved
    assert session.choosing
    assert session.asking
    session.apply(add("Globex"))  # made while asked: held, and settled with the choice
    assert host.saves == []
    assert board_path.read_bytes() == on_disk
    assert session.choose(conflict, "theirs")
    assert not session.unsaved
    assert companies(load_board(board_path)) == ["Globex"]
    assert companies(session.board) == ["Globex"]


def test_deciding_later_keeps_the_change_in_memory(board_path: Path) -> None:
    session, host, card_id = in_conflict(board_path)
    run(session, host)
    conflict, _ = host.questions[0]
    assert not session.choose(conflict, None)
    assert session.unsaved
    assert not session.asking
    assert session.board.card(card_id).role == "Staff Engineer"


def test_a_failed_save_keeps_the_change_says_so_and_the_next_save_writes_it(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, host = opened(board_path)
    real = session.file.commit_if_unchanged

    def full(board: Board) -> Saved | None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session.file, "commit_if_unchanged", full)
    session.apply(add("Acme"))
    run(session, host)
    assert session.unsaved
    assert not session.saving
    assert any("Not saved" in text and severity == "error" for text, severity in host.said)
    assert companies(load_board(board_path)) == []
    monkeypatch.setattr(session.file, "commit_if_unchanged", real)
    assert session.save_now()  # ctrl+s
    assert not session.unsaved
    assert host.words()[-1] == "Saved: every change is in the file now."
    assert companies(load_board(board_path)) == ["Acme"]


def test_an_old_or_repeated_result_is_ignored(board_path: Path) -> None:
    session, host = opened(board_path)
    session.apply(add("Acme"))
    job = host.saves[0]
    result = job.run()
    session.finish_save(job, result)
    session.finish_save(job, result)  # its message and `saves_settled` may both hand it over
    session.finish_save(SaveJob(session.file, Board()), OSError("not this session's"))
    assert not session.unsaved
    assert not session.saving


def test_a_refused_change_is_said_and_changes_nothing(board_path: Path) -> None:
    session, host = opened(board_path)
    assert session.apply(lambda b: ops.move_card(b, "nope", Stage.APPLIED, on=TODAY)) is None
    assert host.said[-1][1] == "warning"
    assert host.changes == []
    assert host.saves == []
    assert session.check(lambda b: ops.move_card(b, "nope", Stage.APPLIED, on=TODAY)) == host.said[-1][0]


def test_undo_and_redo_follow_the_card_and_are_saved(board_path: Path) -> None:
    session, host = opened(board_path)
    change = session.apply(add("Acme"))
    assert change is not None
    run(session, host)
    session.apply(lambda b: ops.log_follow_up(b, change.card.id, on=TODAY))
    run(session, host)
    step = session.undo()
    assert step is not None
    assert host.changes[-1].follow == change.card.id
    assert host.words()[-1] == f"Undone: {step.what}."
    run(session, host)
    assert EventKind.FOLLOWED_UP not in [event.kind for event in load_board(board_path).cards[0].timeline]
    session.undo(redo=True)
    run(session, host)
    assert EventKind.FOLLOWED_UP in [event.kind for event in load_board(board_path).cards[0].timeline]
    session.undo(redo=True)
    assert host.words()[-1] == "Nothing to redo."


def test_outside_changes_are_taken_in_except_under_a_dialog_or_unsaved_changes(board_path: Path) -> None:
    session, host = opened(board_path)
    assert not session.catch_up()  # nothing changed
    update(board_path, add("FromCLI"), today=TODAY)
    with session.in_dialog():
        assert not session.catch_up()
    assert session.catch_up()
    assert companies(session.board) == ["FromCLI"]
    assert host.changes[-1].outside
    session.apply(add("Acme"))  # a save under way: what the file holds is merged by it
    update(board_path, add("Other"), today=TODAY)
    assert not session.catch_up()


def test_a_file_broken_outside_is_said_once_and_left_alone(board_path: Path) -> None:
    session, host = opened(board_path)
    board_path.write_text("this is = not [ toml")
    assert not session.catch_up()
    assert not session.catch_up()
    broken = [text for text in host.words() if "cannot be read now" in text]
    assert len(broken) == 1
    assert board_path.read_text() == "this is = not [ toml"


def test_a_read_only_board_refuses_every_change(board_path: Path) -> None:
    session, host = opened(board_path)
    session.file.read_only = "a newer fu-board wrote it"
    assert session.apply(add("Acme")) is None
    assert session.undo() is None
    assert host.words() == ["Nothing was changed. Read-only: a newer fu-board wrote it."] * 2
    assert host.saves == []


def test_an_unreadable_board_is_kept_as_the_load_error(board_path: Path) -> None:
    board_path.parent.mkdir(parents=True, exist_ok=True)
    board_path.write_text("[[cards]\n")
    session = Session(board_path, Host(), today=TODAY)
    with pytest.raises(BoardFileError):
        session.open()
    assert session.load_error is not None


def test_the_clock_moves_on_at_a_new_day_and_when_an_interview_begins(board_path: Path) -> None:
    save_board(board_path, Board())
    moments = [dt.datetime(2026, 11, 25, 9, 0)]
    host = Host()
    session = Session(board_path, host, clock=lambda: moments[-1])
    session.open()
    change = session.apply(add("Acme"))
    assert change is not None
    session.apply(lambda b: ops.log_interview(b, change.card.id, on=dt.date(2026, 11, 25), time="14:00"))
    shown = len(host.changes)
    assert (session.today, session.now) == (dt.date(2026, 11, 25), dt.time(9, 0))
    moments.append(dt.datetime(2026, 11, 25, 13, 59))
    assert not session.follow_clock()  # nothing begun: the board stays as it was seen
    assert session.now == dt.time(9, 0)
    moments.append(dt.datetime(2026, 11, 25, 14, 0))
    assert session.follow_clock()  # the interview began: its thank-you is owed from now on
    assert session.now == dt.time(14, 0)
    assert len(host.changes) == shown + 1
    moments.append(dt.datetime(2026, 11, 26, 0, 5))
    assert session.follow_clock()
    assert session.today == dt.date(2026, 11, 26)
    fixed = Session(board_path, Host(), today=TODAY)
    assert not fixed.follow_clock()


def test_the_view_follows_the_board_and_the_moment(board_path: Path) -> None:
    session, _ = opened(board_path)
    first = session.view
    assert session.view is first  # nothing changed: the same view
    session.apply(add("Acme"))
    second = session.view
    assert second.board is session.board
    assert [card.company for card in second.columns[Stage.APPLIED]] == ["Acme"]
    assert second.standing.open == 1


def test_settled_only_when_the_file_holds_the_board_shown(board_path: Path) -> None:
    session, host = opened(board_path)
    assert session.settled
    session.apply(add("Acme"))
    assert not session.settled
    run(session, host)
    assert session.settled
