"""u undoes the session's latest change, U or ctrl+r redoes it; each is saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from fu_board.demo import demo_board
from fu_board.model import Outcome, Stage
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, saved, shown_ids


async def test_undo_and_redo_a_move_and_both_are_saved(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        card_id = board_screen(app).selected_id()
        assert card_id is not None
        await pilot.press("2", "ctrl+s")  # to Interviewed: an interview today
        assert saved(board_path).card(card_id).stage is Stage.INTERVIEWED
        await pilot.press("u")
        assert app.session.board.card(card_id).stage is Stage.APPLIED
        assert card_id in shown_ids(app, Stage.APPLIED)
        assert board_screen(app).selected_id() == card_id  # the cursor follows the card back
        await app.saves_settled()
        assert saved(board_path).card(card_id).stage is Stage.APPLIED
        assert saved(board_path).card(card_id).interviews == ()
        await pilot.press("U")
        assert saved(board_path).card(card_id).stage is Stage.INTERVIEWED
        await pilot.press("u", "ctrl+r")
        assert saved(board_path).card(card_id).stage is Stage.INTERVIEWED
        notices = [notification.message for notification in app._notifications]
        assert any(message.startswith("Undone: interviewed on") for message in notices)
        assert any(message.startswith("Redone: interviewed on") for message in notices)


async def test_undo_brings_back_a_deleted_card_and_a_resolution(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        card_id = board_screen(app).selected_id()
        assert card_id is not None
        company = app.session.board.card(card_id).company
        await pilot.press("y")  # resolved as a yes
        assert saved(board_path).card(card_id).outcome is Outcome.YES
        await pilot.press("u")
        assert saved(board_path).card(card_id).outcome is None
        await pilot.press("d", "y")  # deleted, after asking
        assert not saved(board_path).has_card(card_id)
        await pilot.press("u")
        assert saved(board_path).card(card_id).company == company
        await pilot.press("u", "u")  # nothing left to undo
        notices = [notification.message for notification in app._notifications]
        assert f"Undone: {company} deleted." in notices
        assert "Nothing to undo." in notices
        assert saved(board_path) == demo_board(TODAY)


EVERY_KIND_OF_CHANGE = [
    pytest.param((), ("n", *"Acme Robotics", "ctrl+s"), "Acme Robotics added", id="add"),
    pytest.param((), ("enter", *" Ltd", "ctrl+s"), "the edit of Northwind Traders Ltd (changed company)", id="edit"),
    pytest.param((), ("f", "ctrl+s"), "followed up on Northwind Traders", id="follow-up"),
    pytest.param((), ("l", "t", "a"), "thank-you sent on Hooli", id="thank-you-to-everyone"),
    pytest.param((), ("l", "t", "2"), "the thank-you to Richard Roe on Hooli", id="thank-you-to-one"),
    pytest.param((), ("i", "ctrl+s"), "interviewed on Northwind Traders", id="interview"),
    pytest.param((), ("s", "3"), "snoozed on Northwind Traders", id="snooze"),
    pytest.param((), ("L", "ctrl+s"), "interviewed on Northwind Traders", id="move-into-interviewed"),
    pytest.param((), ("l", "1"), "Hooli moved to Applied", id="move-back"),
    pytest.param((), ("y",), "Northwind Traders resolved as yes", id="yes"),
    pytest.param((), ("x", "x", "escape"), "Northwind Traders resolved as no", id="no"),
    pytest.param((), ("w",), "Northwind Traders resolved as withdrawn", id="withdrawn"),
    pytest.param(("y",), ("H",), "Northwind Traders moved to Applied", id="reopen-where-it-was"),
    pytest.param((), ("d", "y"), "Northwind Traders deleted", id="delete"),
    pytest.param((), ("r", *["space"] * 5, "escape"), "the review finished", id="review-streak"),
]


@pytest.mark.parametrize(("setup", "keys", "what"), EVERY_KIND_OF_CHANGE)
async def test_every_kind_of_change_is_undone_and_redone_in_the_file(
    board_path: Path, setup: tuple[str, ...], keys: tuple[str, ...], what: str
) -> None:
    """Each change, made with its keys, then `u` and `U`: the file goes back to exactly
    the board before it, then to exactly the board after it."""
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*setup)
        before = saved(board_path)
        await pilot.press(*keys)
        board_screen(app)  # every dialog closed
        after = saved(board_path)
        assert after != before, "the keys should have changed the board"
        assert app.session.board == after
        await pilot.press("u")
        assert saved(board_path) == before == app.session.board
        await pilot.press("U")
        assert saved(board_path) == after == app.session.board
        notices = [notification.message for notification in app._notifications]
        undone = [message for message in notices if message.startswith("Undone: ")]
        redone = [message for message in notices if message.startswith("Redone: ")]
        assert (undone, redone) == ([f"Undone: {what}."], [f"Redone: {what}."])
