"""A change the board refuses for how it fits the card (an interview before the application,
a decision before the interview) is refused while its form is open: nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Label

from fu_board.demo import demo_board
from fu_board.model import DAY_RANGE, Stage
from fu_board.tui.screens.card_detail import CardScreen
from fu_board.tui.screens.form_screen import FormScreen
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, saved


def warnings(app: object) -> list[str]:
    return [note.message for note in app._notifications if note.severity == "warning"]  # type: ignore[attr-defined]


async def test_the_card_stays_open_with_its_edits_when_the_dates_do_not_fit(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        board_screen(app).set_current(Stage.INTERVIEWED)
        board_screen(app).column(Stage.INTERVIEWED).select_card("b4nq")  # Initech: interviewed 2026-11-19
        await pilot.press("enter")
        card = app.screen
        assert isinstance(card, CardScreen)
        card.query_one("#field-applied", Input).value = TODAY.isoformat()  # after the interview
        card.query_one("#field-role", Input).value = "Principal Engineer"
        await pilot.press("ctrl+s")
        assert app.screen is card, "the card closed and threw the edits away"
        assert card.query_one("#field-role", Input).value == "Principal Engineer"
        assert any("Not saved: an interview" in message for message in warnings(app))
        assert board_path.read_bytes() == before
        card.query_one("#field-applied", Input).value = "2026-10-26"  # put right: saved with the rest
        await pilot.press("ctrl+s")
        board_screen(app)
    assert saved(board_path).card("b4nq").role == "Principal Engineer"


async def test_the_interview_dialog_stays_open_when_the_decision_comes_before_it(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")  # Northwind, in Applied
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-interviewers", Input).value = "Ana Lee, Bo Chen"
        form.query_one("#field-decision_by", Input).value = "2026-11-20"  # before today's interview
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert form.query_one("#field-interviewers", Input).value == "Ana Lee, Bo Chen"
        assert any("Not saved: the decision date" in message for message in warnings(app))
        assert board_path.read_bytes() == before
        form.query_one("#field-decision_by", Input).value = "2026-12-02"
        await pilot.press("ctrl+s")
        board_screen(app)
    card = saved(board_path).card("k7m2")
    assert card.interviews[-1].interviewers == ("Ana Lee", "Bo Chen")


async def test_a_date_too_far_off_is_refused_in_the_form_saying_the_range(board_path: Path) -> None:
    """Issue 17: an interview on 9999-12-31 was saved, and then every rule overflowed."""
    app = app_with(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-on", Input).value = "9999-12-31"
        await pilot.press("ctrl+s")
        assert app.screen is form
        problem = str(form.query_one("#error-on", Label).render())
        assert "too far off" in problem
        assert DAY_RANGE in problem
    assert board_path.read_bytes() == before
