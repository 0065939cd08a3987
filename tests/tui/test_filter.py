"""`/` narrows every column to the cards that contain a text; escape shows them all again."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content

from fu_board.demo import demo_board
from fu_board.model import STAGES, Stage
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, column, saved, shown_ids

ENGINEERS = {"k7m2", "p3xa", "r8tc", "b4nq", "h6yd", "f2pp", "c9we", "e7jv", "s4uz", "a8rn"}
"""The demo board's cards whose role says Engineer."""


def titles(app: object) -> list[str]:
    return [Content.from_markup(str(column(app, stage).border_title)).plain for stage in STAGES]  # type: ignore[arg-type]


async def test_typing_narrows_every_column_and_the_titles_say_how_many(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        screen = board_screen(app)
        assert not screen.filtering
        everything = {stage: shown_ids(app, stage) for stage in STAGES}
        await pilot.press("slash")
        assert screen.filtering
        assert screen.filter_bar.has_focus
        await pilot.press(*"ENGINEER")
        for stage in STAGES:  # in the column's own order
            assert shown_ids(app, stage) == [card_id for card_id in everything[stage] if card_id in ENGINEERS]
        assert titles(app) == ["Applied · 3 of 3", "Interviewed · 3 of 3", "Followed up · 1 of 2", "Resolved · 3 of 5"]
        assert len(app.session.board.cards) == 13  # the board itself is untouched
    assert board_path.read_bytes() == before  # and nothing was saved


async def test_case_and_accents_are_ignored_in_contacts_notes_and_links(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        screen = board_screen(app)
        for typed, found in [("PRÍYA", ["k7m2"]), ("meetup", ["r8tc"]), ("jobs.northwind", ["k7m2"])]:
            screen.filter_cards(typed)
            await pilot.pause()
            assert [card_id for stage in STAGES for card_id in shown_ids(app, stage)] == found
        screen.filter_cards("nobody at all")
        await pilot.pause()
        assert titles(app) == ["Applied · 0 of 3", "Interviewed · 0 of 3", "Followed up · 0 of 2", "Resolved · 0 of 5"]


async def test_enter_gives_the_keys_back_and_the_filter_survives_a_move(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"engineer", "enter")
        screen = board_screen(app)
        assert not screen.filter_bar.has_focus
        assert screen.filtering  # the bar still shows what the board is narrowed to
        first, second, third = shown_ids(app, Stage.APPLIED)
        await pilot.press("j")
        assert screen.selected_id() == second
        await pilot.press("2", "ctrl+s")  # to Interviewed (an interview today), the filter still on
        assert shown_ids(app, Stage.APPLIED) == [first, third]
        assert (first, second, third) == ("k7m2", "p3xa", "r8tc")
        # Globex's thank-you is due today: after Hooli's and Initech's overdue ones, before Pied Piper's onsite.
        assert shown_ids(app, Stage.INTERVIEWED) == ["h6yd", "b4nq", second, "f2pp"]
        assert titles(app)[:3] == ["Applied · 2 of 2", "Interviewed · 4 of 4", "Followed up · 1 of 2"]
        assert screen.selected_id() == second
    assert saved(board_path).card(second).stage is Stage.INTERVIEWED


async def test_escape_shows_every_card_again(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"hooli")
        assert shown_ids(app, Stage.INTERVIEWED) == ["h6yd"]
        await pilot.press("escape")
        screen = board_screen(app)
        assert not screen.filtering
        assert screen.filter_bar.value == ""
        assert titles(app) == ["Applied · 3", "Interviewed · 3", "Followed up · 2", "Resolved · 5"]
        await pilot.press("slash", *"globex", "enter", "escape")  # escape from the board clears it too
        assert titles(app)[0] == "Applied · 3"
        assert not screen.check_action("clear_filter", ())  # no "Clear filter" in the footer


async def test_a_filter_that_empties_the_cursors_column_takes_the_cursor_to_the_first_match(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        screen = board_screen(app)
        assert screen.current_column.stage is Stage.APPLIED
        await pilot.press("slash", *"hooli", "enter")  # Hooli is in Interviewed (and in Resolved, an older no)
        assert screen.current_column.stage is Stage.INTERVIEWED
        assert screen.selected_id() == "h6yd"
        await pilot.press("f")  # a card key acts on the card found
        assert app.screen is not screen


async def test_a_card_key_where_there_is_no_card_says_why(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        screen = board_screen(app)
        await pilot.press("slash", *"northwind", "enter", "l")  # Interviewed: the filter hides its cards
        assert screen.current_column.stage is Stage.INTERVIEWED
        await pilot.press("x")
        assert app.screen is screen  # no dialog for no card
        said = [str(n.message) for n in app._notifications]
        assert said[-1] == "No card under the cursor: the filter hides Interviewed's cards here: escape shows them all."
    empty = app_with(board_path, demo_board(TODAY).replace(cards=demo_board(TODAY).cards[:1]))
    async with empty.run_test(size=SIZE) as pilot:
        await pilot.press("l", "f")
        said = [str(n.message) for n in empty._notifications]
        assert said[-1].startswith("No card under the cursor: Interviewed is empty: h and l go to the other columns")


async def test_a_card_added_that_the_filter_hides_is_saved_and_shown(board_path: Path) -> None:
    """The filter shows Globex; a new application that does not match clears it, so the cursor
    can go to the card just added (it crashed the board, or left the cursor nowhere)."""
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"globex", "enter")
        await pilot.press("n", *"Qqqq Zed", "ctrl+s")
        screen = board_screen(app)
        added = next(card for card in app.session.board.cards if card.company == "Qqqq Zed")
        assert not screen.filtering
        assert screen.selected_id() == added.id
    assert any(card.company == "Qqqq Zed" for card in saved(board_path).cards)


async def test_a_change_in_the_review_to_a_card_the_filter_hides_is_followed_back_on_the_board(
    board_path: Path,
) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"globex", "enter")
        await pilot.press("r", "f", "ctrl+s")  # the review's first card, Northwind, is hidden on the board
        await pilot.press("escape")
        screen = board_screen(app)
        assert screen.selected_id() == "k7m2"
    assert saved(board_path).card("k7m2").timeline[-1].kind.value == "followed_up"
