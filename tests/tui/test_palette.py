"""The command palette (ctrl+p): fu-board's commands beside Textual's, and its cards."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from fu_board.demo import demo_board
from fu_board.model import Stage
from fu_board.tui.app import FuBoardApp
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, wait_until


def first_hit_shown(app: FuBoardApp, text: str) -> bool:
    """Whether the palette lists its hits for `text`, the first one highlighted (and not
    still the list for what was typed before)."""
    lists = app.screen.query(CommandList)
    if not lists or lists.first().highlighted is None:
        return False
    hit = lists.first().get_option_at_index(lists.first().highlighted)
    return text.casefold() in str(hit.prompt).casefold()


async def palette_pick(pilot: Pilot[int], app: FuBoardApp, text: str) -> None:
    """Open the palette, type `text`, and take the first hit once it is listed."""
    await pilot.press("ctrl+p")
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*text)
    await wait_until(pilot, lambda: first_hit_shown(app, text), f"the palette's first hit for {text!r}")
    await pilot.press("enter")


async def test_a_card_is_found_by_company_and_the_cursor_jumps_to_it(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await palette_pick(pilot, app, "stark industries")
        screen = board_screen(app)
        assert screen.selected_id() == "m2fs"
        assert screen.current_column.stage is Stage.FOLLOWED_UP


async def test_a_jump_clears_a_filter_that_hides_the_card(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"globex", "enter")
        await palette_pick(pilot, app, "vandelay")
        screen = board_screen(app)
        assert screen.selected_id() == "a8rn"
        assert not screen.filtering


async def test_fu_boards_commands_are_in_the_palette(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await palette_pick(pilot, app, "export as a spreadsheet")
        exported = board_path.parent / "exports" / f"board-{TODAY.isoformat()}.csv"
        assert exported.read_text(encoding="utf-8").startswith("id,company,role,stage")
        await palette_pick(pilot, app, "where is my board")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [notification.message for notification in app._notifications]
        assert str(board_path) in said  # and copied, or how to copy it by hand
        assert said[-1].startswith("Sent to the terminal's clipboard (OSC 52)")  # the tests run as over ssh
        assert app.clipboard == str(board_path)
