"""What each screen looks like, on the fixed day, at 120 x 40.

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
from fu_board.model import SCHEMA_VERSION
from fu_board.store import dump_board
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with


def test_empty_board(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path), terminal_size=SIZE)


def test_demo_board(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=["j"])


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


def test_card_screen(snap_compare: Any, board_path: Path) -> None:
    press = ["l", "l", "enter"]
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=press)


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


def test_review_screen(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=["r"])


def test_review_summary(snap_compare: Any, board_path: Path) -> None:
    press = ["r", "space", "t", "space", "space"]
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=press)


def test_follow_up_form(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=["l", "l", "f"])


def test_snooze_dialog(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=["s"])


def test_after_a_no(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=["l", "x", "x"])


def test_stats_screen(snap_compare: Any, board_path: Path) -> None:
    assert snap_compare(app_with(board_path, demo_board(TODAY)), terminal_size=SIZE, press=["g"])


def test_conflict_dialog(snap_compare: Any, board_path: Path) -> None:
    """Another writer logged a follow-up on the selected card (Northwind Traders) while it was on screen;
    here it goes to Followed up."""

    async def outside_follow_up(pilot: Any) -> None:
        await pilot.pause()  # the board is drawn first
        update(board_path, lambda b: ops.log_follow_up(b, "k7m2", on=TODAY))

    app = app_with(board_path, demo_board(TODAY))
    assert snap_compare(app, terminal_size=SIZE, run_before=outside_follow_up, press=["3"])


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
