"""An error nobody foresaw: no value from the board reaches the terminal, the full report goes
to a file only the user can read, and the board says where (issue 17, item 8)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from rich.console import Console

from fu_board.demo import demo_board
from fu_board.tui import app as app_module
from fu_board.tui.crash import reports_folder
from fu_board.tui.screens.board import BoardScreen
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with

SECRET = "priya.raman@private.example"


def broken_stats(self: BoardScreen) -> None:
    private = SECRET  # a local value, as a card's email is in a real crash
    raise ValueError(f"something went wrong with {private}")


async def test_a_crash_writes_a_private_report_and_says_only_where(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(BoardScreen, "action_stats", broken_stats)
    app = app_with(board_path, demo_board(TODAY))
    shown: list[object] = []
    monkeypatch.setattr(app, "panic", lambda *renderables: shown.extend(renderables))
    with pytest.raises(ValueError, match="something went wrong"):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("g")
    assert app.crashed
    report = app.crash_report
    assert report is not None
    assert report.parent == reports_folder()
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert stat.S_IMODE(report.parent.stat().st_mode) == 0o700
    text = report.read_text(encoding="utf-8")
    assert "broken_stats" in text
    assert SECRET in text  # the full report has the locals: it is the user's alone
    console = Console(record=True, width=120)
    for renderable in shown:
        console.print(renderable)
    said = console.export_text()
    assert "fu-board stopped on an error it did not expect (ValueError)" in said
    assert str(report) in said.replace("\n", "")
    assert SECRET not in said
    assert "private" not in said


def test_the_board_exits_with_3_after_a_crash(board_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crashing_run(self: app_module.FuBoardApp) -> None:
        self.crashed = True

    monkeypatch.setattr(app_module.FuBoardApp, "run", crashing_run)
    assert app_module.run_app(board_path, today=TODAY) == app_module.EXIT_CRASHED == 3
