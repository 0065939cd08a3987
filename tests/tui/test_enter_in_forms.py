"""Enter means the same in every form: the next field, and on the last one, save. Each
form's hint says so; ctrl+s saves from any field."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from fu_board.demo import demo_board
from fu_board.tui.screens.form_screen import FORM_KEYS, FormScreen
from fu_board.tui.widgets.form_fields import FormFields
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, saved

FORMS = [
    pytest.param(("n",), "Acme", id="new application"),
    pytest.param(("f",), "", id="follow-up"),
    pytest.param(("i",), "", id="interview"),
    pytest.param(("l", "x", "x", "a"), "Contoso", id="a lead after a no"),
]


@pytest.mark.parametrize(("opening", "first"), FORMS)
async def test_enter_walks_the_fields_and_saves_on_the_last(
    board_path: Path, opening: tuple[str, ...], first: str
) -> None:
    app = app_with(board_path, demo_board(TODAY))
    before = saved(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*opening)
        form = app.screen
        assert isinstance(form, FormScreen)
        assert FORM_KEYS in str(form.query_one(".hint", Static).render())
        fields = form.query_one(FormFields)
        names = [field.name for field in fields.fields]
        await pilot.press(*first)
        for name in names[:-1]:
            assert app.focused is fields.input(name), f"enter should have moved on to {name}"
            await pilot.press("enter")
            assert app.screen is form, f"enter on {name} saved the form before its last field"
        assert app.focused is fields.input(names[-1])
        await pilot.press("enter")
        board_screen(app)
    assert saved(board_path) != before, "enter on the last field should have saved"


async def test_ctrl_s_saves_from_the_first_field(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, FormScreen)
        assert app.focused is app.screen.query_one("#field-channel", Input)
        await pilot.press("ctrl+s")
        board_screen(app)


async def test_the_card_screen_says_what_enter_does_and_moves_on(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        hint = str(app.screen.query_one(".hint", Static).render())
        assert hint.startswith("enter: next field")
        assert app.focused is app.screen.query_one("#field-company", Input)
        await pilot.press("enter")
        assert app.focused is app.screen.query_one("#field-role", Input)
