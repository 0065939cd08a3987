"""Themes: Textual's own, chosen in the palette and kept in the board's settings."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.command import CommandPalette
from textual.constants import DEFAULT_THEME
from textual.pilot import Pilot
from textual.theme import BUILTIN_THEMES

from fu_board.board_file import update_board
from fu_board.demo import demo_board
from fu_board.model import SCHEMA_VERSION, Board, EventKind, Settings, Stage
from fu_board.store import dump_board
from fu_board.tui.app import FuBoardApp
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, saved, shown_ids, wait_until
from tests.tui.test_palette import first_hit_shown, palette_pick


def themed(board: Board, theme: str | None) -> Board:
    return board.replace(settings=board.settings.replace(theme=theme))


async def choose_theme(pilot: Pilot[int], app: FuBoardApp, name: str) -> None:
    """ctrl+p, Theme, then the theme's name, as a person picks one."""
    await palette_pick(pilot, app, "theme")
    assert isinstance(app.screen, CommandPalette), "the theme picker should be open"
    await pilot.press(*name)
    await wait_until(pilot, lambda: first_hit_shown(app, name), f"the theme {name!r} listed")
    await pilot.press("enter")


def saved_settings(path: Path) -> dict[str, object]:
    settings: dict[str, object] = tomllib.loads(path.read_text(encoding="utf-8"))["settings"]
    return settings


async def test_a_theme_chosen_in_the_palette_is_saved_in_the_settings(board_path: Path) -> None:
    board = demo_board(TODAY)
    app = app_with(board_path, board)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == DEFAULT_THEME
        await choose_theme(pilot, app, "nord")
        assert app.theme == "nord"
        assert app.session.board.settings.theme == "nord"
        assert isinstance(app.screen, type(board_screen(app)))
    assert saved_settings(board_path)["theme"] == "nord"
    assert saved(board_path) == themed(board, "nord")  # and nothing else changed

    again = app_with(board_path)
    async with again.run_test(size=SIZE):
        assert again.theme == "nord"  # the next start opens in it


async def test_the_palette_says_the_theme_is_kept(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE):
        (theme,) = [command for command in app.get_system_commands(app.screen) if command.title == "Theme"]
        assert "keeps your choice in the board's settings" in theme.help


async def test_a_board_without_a_theme_keeps_textuals_default_and_writes_none(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")  # any change: the file is written again
        assert app.theme == DEFAULT_THEME
    assert "theme" not in saved_settings(board_path)


async def test_undo_leaves_the_theme_alone(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        first = shown_ids(app, Stage.APPLIED)[0]
        await pilot.press("2", "ctrl+s")  # Applied to Interviewed, an interview today
        assert first not in shown_ids(app, Stage.APPLIED)
        await choose_theme(pilot, app, "gruvbox")
        await pilot.press("u")
        assert first in shown_ids(app, Stage.APPLIED)  # the move was undone, not the theme
        assert app.theme == "gruvbox"
    assert saved(board_path).settings.theme == "gruvbox"
    assert first in [card.id for card in saved(board_path).cards if card.stage is Stage.APPLIED]


async def test_a_theme_chosen_in_another_window_is_followed(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        update_board(board_path, lambda board: themed(board, "dracula"))
        app.poll_file()
        await pilot.pause()
        assert app.theme == "dracula"
        update_board(board_path, lambda board: themed(board, None))  # taken out again, by hand
        app.poll_file()
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
    assert saved(board_path).settings.theme is None


async def test_a_theme_textual_does_not_have_is_reported_and_kept_in_the_file(board_path: Path) -> None:
    app = app_with(board_path, themed(demo_board(TODAY), "solarised-dusk"))
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == DEFAULT_THEME
        (message,) = [note.message for note in app._notifications if "settings.theme" in note.message]
        assert f"{board_path}: settings.theme: 'solarised-dusk' is not one of Textual's themes" in message
        assert "ctrl+p" in message
        await pilot.press("f", "ctrl+s")  # a change saved beside it (Northwind followed up) keeps the name as written
        assert saved(board_path).card("k7m2").timeline[-1].kind is EventKind.FOLLOWED_UP
        assert saved_settings(board_path)["theme"] == "solarised-dusk"
        await choose_theme(pilot, app, DEFAULT_THEME)  # the theme on screen, chosen: now it is the one kept
    assert saved_settings(board_path)["theme"] == DEFAULT_THEME
    assert len([note for note in app._notifications if "settings.theme" in note.message]) == 1


async def test_a_name_written_loosely_by_hand_is_followed_and_left_as_written(board_path: Path) -> None:
    app = app_with(board_path, themed(demo_board(TODAY), "Tokyo Night"))
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "tokyo-night"
        assert not [note for note in app._notifications if "settings.theme" in note.message]
    assert board_path.read_bytes() == before  # following the file's theme never writes it


def test_every_textual_theme_can_be_kept_in_the_settings() -> None:
    """A theme Textual offers that the settings refused would make every later save fail."""
    assert len(BUILTIN_THEMES) > 10
    for name in BUILTIN_THEMES:
        assert Settings(theme=name).theme == name


async def test_a_read_only_board_changes_the_theme_for_this_session_only(board_path: Path) -> None:
    current = dump_board(demo_board(TODAY))
    newer = current.replace(b"schema_version = %d" % SCHEMA_VERSION, b"schema_version = %d" % (SCHEMA_VERSION + 1))
    assert newer != current
    board_path.parent.mkdir(parents=True)
    board_path.write_bytes(newer)
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await choose_theme(pilot, app, "monokai")
        assert app.theme == "monokai"
        assert any("the theme lasts until you quit" in note.message for note in app._notifications)
    assert board_path.read_bytes() == newer


async def test_a_theme_picked_while_a_setting_was_changed_by_hand_keeps_both(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        update_board(board_path, lambda board: board.replace(settings=board.settings.replace(irons_target=9)))
        app.theme = "nord"  # picked before the board took in the change to the file
        await app.saves_settled()
        await pilot.pause()
        board_screen(app)  # no question asked: different settings changed
        assert (app.session.board.settings.irons_target, app.session.board.settings.theme) == (9, "nord")
    assert (saved(board_path).settings.irons_target, saved(board_path).settings.theme) == (9, "nord")
