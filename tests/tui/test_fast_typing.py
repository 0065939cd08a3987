"""Keys as a terminal delivers them to a fast typist or a paste: a burst, with no pause
for the app between them. What was typed before ctrl+s (or escape) is what counts."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from fu_board.demo import demo_board
from fu_board.tui.app import FuBoardApp
from fu_board.tui.screens.card_detail import CardScreen
from fu_board.tui.screens.form_screen import FormScreen
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, saved


async def burst(pilot: Pilot[int], app: FuBoardApp, *keys: str) -> None:
    """Every key handed to the app at once, as the terminal driver does, then settle."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)
        driver.send_message(event)
    await pilot.pause()
    await pilot.pause()
    await app.saves_settled()


async def test_a_new_card_typed_fast_keeps_every_letter(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        for number in range(5):  # the race, when there is one, does not lose letters every time
            await pilot.press("n")
            assert isinstance(app.screen, FormScreen)
            await burst(pilot, app, *f"Globex {number}", "ctrl+s")
            board_screen(app)
    companies = [card.company for card in saved(board_path).cards]
    assert [f"Globex {number}" in companies for number in range(5)] == [True] * 5


async def test_an_edit_typed_fast_keeps_every_letter(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        card_id = board_screen(app).selected_id()
        assert card_id is not None
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen)
        await burst(pilot, app, *" Holdings plc", "ctrl+s")
        board_screen(app)
    assert saved(board_path).card(card_id).company == "Northwind Traders Holdings plc"


async def test_escape_right_after_typing_still_warns(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await burst(pilot, app, *" Ltd", "escape")
        assert isinstance(app.screen, CardScreen), "closed without warning: the typing was not seen"
        assert app.screen.query_one("#field-company", Input).value.endswith(" Ltd")
    assert board_path.read_bytes() == before


async def test_a_form_typed_in_one_burst_puts_each_field_in_its_place(board_path: Path) -> None:
    """Text, enter, text, enter, text: a paste or a fast typist, every key handed over at once."""
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, FormScreen)
        await burst(pilot, app, *"Fastco", "enter", *"Speedy Role", "enter", *"https://x.example", "ctrl+s")
        board_screen(app)
    card = next(card for card in saved(board_path).cards if card.company == "Fastco")
    assert (card.company, card.role, card.link) == ("Fastco", "Speedy Role", "https://x.example")


async def test_the_key_that_opens_a_form_and_what_follows_it_in_one_burst(board_path: Path) -> None:
    """`n`, then the form's fields, all at once: the letters wait for the form to open, then
    each lands in its field (before, they went to the board, and `Fastco`'s `F` and `o`
    ran the board's keys)."""
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, app, "n", *"Fastco", "enter", *"Speedy Role", "enter", *"https://x.example", "ctrl+s")
        while app.keys.holding:
            await pilot.pause()
        await app.saves_settled()
        board_screen(app)
    card = next(card for card in saved(board_path).cards if card.company == "Fastco")
    assert (card.company, card.role, card.link) == ("Fastco", "Speedy Role", "https://x.example")


async def test_a_key_taken_while_others_wait_goes_after_them(board_path: Path) -> None:
    """Keys held by the gate go on from the app's own queue, one at a time: a key the app
    takes just as they are handed on is held behind them, never handed on first (it gave
    `zabc` when the held keys were posted after it)."""
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        field = app.screen.query_one("#field-company", Input)
        gate = app.keys
        gate.hold_all()  # as while `q` is under way: every key waits
        for key in "abc":
            app.post_message(events.Key(key, key))
        while not (gate.holding and len(gate._held or []) == 3):
            await asyncio.sleep(0)
        gate.release_all()  # the held keys are handed on from the app's queue...
        app.post_message(events.Key("z", "z"))  # ...and this one is already waiting in it
        while gate.holding:
            await pilot.pause()
        assert field.value == "abcz"


async def test_a_burst_into_the_card_screen_and_across_its_fields(board_path: Path) -> None:
    """enter opens the card; tab and enter move between its fields as fast as they come."""
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        card_id = board_screen(app).selected_id()
        assert card_id is not None
        await burst(pilot, app, "enter", "ctrl+u", *"Initrode", "enter", "ctrl+u", *"Chief Tinkerer", "ctrl+s")
        while app.keys.holding:
            await pilot.pause()
        await app.saves_settled()
        board_screen(app)
    card = saved(board_path).card(card_id)
    assert (card.company, card.role) == ("Initrode", "Chief Tinkerer")
