"""Helpers for driving the real app in tests."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from fu_board.model import Board, Card, Stage
from fu_board.store import load_board, save_board
from fu_board.tui.app import FuBoardApp, make_app
from fu_board.tui.screens.board import BoardScreen
from fu_board.tui.widgets.card_column import CardColumn
from tests.conftest import TODAY

SIZE = (120, 40)


def app_with(path: Path, board: Board | None = None) -> FuBoardApp:
    """The app on `path` for TODAY, after writing `board` there (if given)."""
    if board is not None:
        save_board(path, board)
    app = make_app(path, today=TODAY)
    app.POLL_SECONDS = 3600  # tests call `poll_file` themselves, so nothing happens between two keys by chance
    return app


def board_screen(app: FuBoardApp) -> BoardScreen:
    screen = app.screen
    assert isinstance(screen, BoardScreen), f"expected the board, got {screen!r}"
    return screen


def column(app: FuBoardApp, stage: Stage) -> CardColumn:
    return board_screen(app).column(stage)


def shown_ids(app: FuBoardApp, stage: Stage) -> list[str]:
    return column(app, stage).card_ids


def saved(path: Path) -> Board:
    """What is in the file now: the only source of truth."""
    return load_board(path)


def make_card(card_id: str, company: str, applied_days_ago: int, **fields: object) -> Card:
    """A card applied for `applied_days_ago` days before TODAY, with any other fields given."""
    applied = TODAY - dt.timedelta(days=applied_days_ago)
    return Card.validate(
        {"id": card_id, "company": company, "applied": applied, "timeline": [{"date": applied, "kind": "applied"}]}
        | fields
    )


async def wait_until(pilot: Pilot[int], done: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    """Let the app run until `done()` holds: a wait for what the test needs, however busy the
    machine is, failing after `timeout` seconds only if it never comes."""
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, f"still waiting after {timeout:g} s for {what}"
        await pilot.pause()
