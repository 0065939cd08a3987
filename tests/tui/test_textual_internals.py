"""Each private part of Textual that fu-board uses (`fu_board.tui.textual_internals`), held
to what fu-board expects of it: on a Textual that changed one, these fail, loudly."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from textual.app import App, ComposeResult
from textual.color import Color
from textual.geometry import Size
from textual.widgets import Footer, Input

from fu_board.demo import demo_board
from fu_board.model import Stage
from fu_board.tui import textual_internals as internals
from fu_board.tui.screens.board import BoardScreen
from fu_board.tui.screens.card_detail import CardScreen, DimmedScreen
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, column


def test_written_for_the_pinned_textual() -> None:
    """An upgrade of Textual starts here: read the module, then change the version it names."""
    assert version("textual") == internals.TEXTUAL_VERSION


class Keys(App[None]):
    BINDINGS = [("f5", "bell", "A description"), ("f6", "focus_next", "Y")]

    def compose(self) -> ComposeResult:
        yield Footer()
        yield Input(id="field")


async def test_footer_keys_and_their_width_are_what_the_footer_draws() -> None:
    app = Keys()
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        keys = list(app.query(internals.FooterKey))
        assert {key.description for key in keys} >= {"A description", "Y"}
        for key in keys:
            assert isinstance(key.key_display, str)
            assert internals.footer_key_width(key) == key.outer_size.width, key.description
        actions = {key.description: internals.footer_key_action(key) for key in keys}
        assert actions["A description"] == "bell"
        assert actions["Y"] == "focus_next"
        assert [internals.is_palette_key(key) for key in keys].count(True) == 1


async def test_refill_puts_the_cursor_after_the_text_seen_from_its_start() -> None:
    app = Keys()
    async with app.run_test(size=(30, 10)) as pilot:
        field = app.query_one(Input)
        field.value = "a long value that scrolls the field to its end"
        field.cursor_position = len(field.value)
        await pilot.pause()
        internals.refill(field, "short")
        await pilot.pause()
        assert (field.value, field.cursor_position, field.scroll_x) == ("short", 5, 0)
        assert field._initial_value is False


async def test_composited_lines_are_the_screen_as_drawn(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        lines = internals.composited_lines(app.screen)
        assert len(lines) == SIZE[1]
        assert all(line.cell_length == SIZE[0] for line in lines)
        assert any("Applied" in line.text for line in lines)
        # What `DimmedScreen` takes from Textual's `BackgroundScreen`: the screen below, the tint.
        background = internals.BackgroundScreen(app.screen, Color(0, 0, 0, 0.4))
        assert background.screen is app.screen
        assert background.color == Color(0, 0, 0, 0.4)
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen)
        dimmed = DimmedScreen(app.screen, background)
        assert dimmed.below is app.screen_stack[0]


async def test_set_virtual_size_updates_the_scrollbar_at_once(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        applied = column(app, Stage.APPLIED)
        assert not applied.show_vertical_scrollbar
        internals.set_virtual_size(applied, Size(applied.size.width, 1000))
        assert applied.virtual_size.height == 1000
        assert applied.show_vertical_scrollbar
