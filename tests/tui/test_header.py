"""The header keeps its three numbers in any width: the date and the words go first."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from fu_board.demo import demo_board
from fu_board.tui.session_app import SaveState
from fu_board.tui.widgets.board_header import header_content
from fu_board.views import View
from tests.conftest import TODAY
from tests.tui.helpers import app_with, board_screen

# Eight irons (Pied Piper's onsite is booked), four cards due, all overdue: Hooli's thank-yous were due yesterday.
FULL = "fu-board  Wed 25 Nov 2026   irons in the fire 8/5   due today 4 (4 overdue)   nos until yes 3 (any day now)"


@pytest.mark.parametrize(
    ("width", "line"),
    [
        (None, FULL),
        (len(FULL), FULL),
        (100, "fu-board  irons in the fire 8/5   due today 4 (4 overdue)   nos until yes 3 (any day now)"),
        (78, "fu-board  irons 8/5  due 4 (4 late)  nos until yes 3 (any day now)"),
        (58, "fu-board  irons 8/5  due 4  nos until yes 3"),
    ],
)
def test_the_header_shortens_to_fit(width: int | None, line: str) -> None:
    assert header_content(View(demo_board(TODAY), TODAY), width=width).plain == line


def test_the_flags_come_first_in_any_width() -> None:
    line = header_content(
        View(demo_board(TODAY), TODAY), SaveState(unsaved=True, read_only="a newer file"), width=40
    ).plain
    assert line.startswith("fu-board   NOT SAVED: ctrl+s to retry    READ-ONLY   irons 8/5")
    assert line.endswith("nos until yes 3")


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (120, 40)])
async def test_an_80_column_terminal_shows_nos_until_yes(board_path: Path, size: tuple[int, int]) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shown = str(board_screen(app).query_one("#header", Static).render())
        assert "nos until yes 3" in shown
        assert len(shown) <= size[0] - 2
        await pilot.resize_terminal(200, 40)  # wider again: the whole line
        await pilot.pause()
        assert str(board_screen(app).query_one("#header", Static).render()) == FULL
