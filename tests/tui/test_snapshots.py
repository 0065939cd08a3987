"""What each screen looks like, on the fixed day, at 120 x 40, and the main ones at 80 x 24 too.

Update after looking at the report: `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from fu_board import board as ops
from fu_board.backups import make_backup
from fu_board.board_file import update
from fu_board.demo import demo_board
from fu_board.model import SCHEMA_VERSION, Board, Contact, InterviewKind
from fu_board.store import dump_board, save_board
from fu_board.tui.app import make_app
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with


def test_empty_board(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path), terminal_size=SIZE)


SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
"""At 80 x 24 cards use short words (`○ in 3d`), columns keep their counts, every footer
keeps help and quit (the review's: space, c, escape) and every dialog stays inside."""


@pytest.mark.parametrize("size", SIZES)
def test_demo_board(snap_compare: Any, board_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=size, press=["j"])


def test_light_theme(snap_compare: Any, board_path: Path) -> None:
    """The theme saved in the settings is the one the board opens in; the stylesheet
    uses theme variables only, so a light theme reads as well as the dark default."""
    board = demo_board(TODAY)
    board = board.replace(settings=board.settings.replace(theme="textual-light"))
    assert snap_compare(app_with(board_path, board), terminal_size=SIZE, press=["j"])


def test_filter(snap_compare: Any, board_path: Path) -> None:
    press = ["slash", *"engineer", "enter", "j"]
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=press)


def test_new_card_form(snap_compare: Any, board_path: Path) -> None:
    press = ["n", *"Northwind", "tab", *"Backend Engineer", "tab", "tab", *"Priya", "tab", *"priya@nw.example"]
    press += ["tab", "backspace"]
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=press)


@pytest.mark.parametrize("size", SIZES)
def test_card_screen(snap_compare: Any, board_path: Path, size: tuple[int, int]) -> None:
    press = ["l", "l", "enter"]
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=size, press=press)


def test_interview_date_prompt(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=["L"])


def test_outcome_prompt(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=["4"])


def test_help(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=["question_mark"])


def test_unreadable_board(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the screen names the file: keep its name the same on every run
    board_path = Path("data", "board.toml")
    board_path.parent.mkdir(parents=True)
    board_path.write_text('schema_version = 1\n\n[[cards]]\nid = "k7m2"\ncompany = "Acme"\napplied = 2026-13-01\n')
    assert snap_compare(app_with(board_path), terminal_size=SIZE)


@pytest.mark.parametrize("size", SIZES)
def test_review_screen(snap_compare: Any, board_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=size, press=["r"])


def test_review_summary(snap_compare: Any, board_path: Path) -> None:
    press = ["r", "space", "t", "space", "space"]
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=press)


def test_follow_up_form(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=["l", "l", "f"])


def test_snooze_dialog(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=["s"])


@pytest.mark.parametrize("size", SIZES)
def test_after_a_no(snap_compare: Any, board_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=size, press=["l", "x", "x"])


def test_stats_screen(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=["g"])


def test_conflict_dialog(snap_compare: Any, board_path: Path) -> None:
    """Another writer logged a follow-up on Hooli while it was on screen; here it goes back to Applied."""

    async def outside_follow_up(pilot: Any) -> None:
        await pilot.pause()  # the board is drawn first
        update(board_path, lambda b: ops.log_follow_up(b, "h6yd", on=TODAY))

    app = app_with(board_path, demo_board(TODAY))
    assert snap_compare(app, terminal_size=SIZE, run_before=outside_follow_up, press=["l", "1"])


def test_unreadable_board_with_a_backup(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    board_path = Path("data", "board.toml")
    board_path.parent.mkdir(parents=True)
    make_backup(board_path, dump_board(demo_board(TODAY)), now=dt.datetime(2026, 11, 24, 18, 5, tzinfo=dt.UTC))
    board_path.write_bytes(dump_board(demo_board(TODAY))[:-40])  # cut short, as by a full disk
    assert snap_compare(app_with(board_path), terminal_size=SIZE)


def test_read_only_board(snap_compare: Any, board_path: Path) -> None:
    """A board written by a newer fu-board: shown, never saved."""
    current = dump_board(demo_board(TODAY))
    data = current.replace(b"schema_version = %d" % SCHEMA_VERSION, b"schema_version = %d" % (SCHEMA_VERSION + 1))
    assert data != current
    board_path.parent.mkdir(parents=True)
    board_path.write_bytes(data)
    assert snap_compare(app_with(board_path), terminal_size=SIZE)


# Interviews as events, a thank-you to each interviewer, a cadence that ends (issue 14) ------------


@pytest.mark.parametrize("size", SIZES)
def test_board_with_a_scheduled_interview(snap_compare: Any, board_path: Path, size: tuple[int, int]) -> None:
    """Pied Piper's onsite is booked for Tue 1 Dec: the card shows it, nothing is owed."""
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=size, press=["l", "j", "j"])


@pytest.mark.parametrize("size", SIZES)
def test_card_with_a_scheduled_interview(snap_compare: Any, board_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=size, press=["l", "j", "j", "enter"])


@pytest.mark.parametrize("size", SIZES)
def test_review_on_a_thank_you_to_one_of_two(snap_compare: Any, board_path: Path, size: tuple[int, int]) -> None:
    """Hooli's interview yesterday was with Monica Hall and Richard Roe: Monica's is logged, Richard's is next."""
    press = ["r", "space", "space", "t"]
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=size, press=press)


@pytest.mark.parametrize("size", SIZES)
def test_interview_form(snap_compare: Any, board_path: Path, size: tuple[int, int]) -> None:
    press = ["i", "ctrl+a", "ctrl+k", *"2026-12-08", "tab", *"14:00", "tab", *"on", "tab", *"1 Main St"]
    press += ["tab", *"Monica Hall, Richard Roe"]
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=size, press=press)


def closing_board() -> Board:
    """The demo board with Massive Dynamic, whose close-the-loop message went out 9 days
    ago unanswered, and an interview of today at 16:00 (Dunder Mifflin came back: reopened)."""

    def ago(days: int) -> dt.date:
        return TODAY - dt.timedelta(days=days)

    nina = Contact(name="Nina Sharp", title="Recruiter", email="nina@massive.example", phone="+1 555 0199")
    added = ops.add_card(
        demo_board(TODAY), company="Massive Dynamic", role="Data Engineer", applied=ago(40), contact=nina
    )
    card_id = "md4x"  # not a random one: the snapshot must be the same every run
    board = added.board.replace(cards=(*added.board.cards[:-1], added.card.replace(id=card_id)))
    board = ops.log_interview(board, card_id, on=ago(30), kind=InterviewKind.VIDEO, interviewers=("Nina Sharp",)).board
    board = ops.log_thank_you(board, card_id, on=ago(30)).board
    for days in (23, 16, 9):
        board = ops.log_follow_up(board, card_id, on=ago(days)).board
    board = ops.reopen_card(board, "w3hb", on=ago(1)).board
    booked = ops.log_interview(
        board, "w3hb", on=TODAY, time="16:00", kind=InterviewKind.FINAL, interviewers=("Michael Scott",)
    )
    return booked.board


@pytest.mark.parametrize("size", SIZES)
def test_review_asks_about_the_silence(snap_compare: Any, board_path: Path, size: tuple[int, int]) -> None:
    """Today's interview at the top; the silence question on the first card due."""
    app = make_app(board_path, today=TODAY, now=dt.time(9, 0))
    save_board(board_path, closing_board())
    assert snap_compare(app, terminal_size=size, press=["r", "space"])


@pytest.mark.parametrize("size", SIZES)
def test_after_a_silence_counted_as_a_no(snap_compare: Any, board_path: Path, size: tuple[int, int]) -> None:
    app = make_app(board_path, today=TODAY, now=dt.time(9, 0))
    save_board(board_path, closing_board())
    assert snap_compare(app, terminal_size=size, press=["r", "space", "x"])
