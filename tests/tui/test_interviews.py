"""Interviews as events, a thank-you to each interviewer, and a cadence that ends in a
definite answer: driven key by key, asserted on the board and on the file written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from fu_board import board as ops
from fu_board.demo import demo_board
from fu_board.model import Board, Contact, EventKind, InterviewKind, NoKind, Outcome, Stage
from fu_board.rules import Reason, due_cards, next_follow_up, owed_thank_yous
from fu_board.store import save_board
from fu_board.tui.app import make_app
from fu_board.tui.screens.after_no import AfterNoScreen
from fu_board.tui.screens.card_detail import CardScreen
from fu_board.tui.screens.choose import ChooseScreen
from fu_board.tui.screens.form_screen import FormScreen
from fu_board.tui.screens.review import ReviewScreen
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, column, saved, shown_ids


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def review_part(app: object, part: str) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ReviewScreen), f"expected the review, got {screen!r}"
    return str(screen.query_one(f"#review-{part}", Static).render())


def notices(app: object) -> list[str]:
    return [str(notice.message) for notice in app._notifications]  # type: ignore[attr-defined]


async def test_booking_an_interview_ahead_owes_nothing_and_the_card_shows_it(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")  # on Northwind Traders, first in Applied
        assert isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+a", "ctrl+k", *"2026-12-08", "tab", *"14:00", "tab", *"on", "tab", *"1 Main St")
        await pilot.press("tab", *"Monica Hall, Richard Roe", "ctrl+s")
        screen = board_screen(app)
        assert "k7m2" in shown_ids(app, Stage.INTERVIEWED)
        screen.column(Stage.INTERVIEWED).select_card("k7m2")
        index = shown_ids(app, Stage.INTERVIEWED).index("k7m2")
        lines = column(app, Stage.INTERVIEWED).card_text(index).splitlines()
        assert lines[2] == "◆ Tue 8 Dec 14:00 onsite"
        assert "due today 3" in str(screen.query_one("#header", Static).render())  # Northwind's nudge is gone
    card = saved(board_path).card("k7m2")
    (interview,) = card.interviews
    assert (interview.date, interview.time, interview.kind, interview.where, interview.interviewers) == (
        dt.date(2026, 12, 8),
        "14:00",
        InterviewKind.ONSITE,
        "1 Main St",
        ("Monica Hall", "Richard Roe"),
    )
    assert card.stage is Stage.INTERVIEWED
    assert card.timeline[-1].note == "onsite 14:00 with Monica Hall, Richard Roe"
    board = saved(board_path)
    assert owed_thank_yous(card, TODAY) == []  # booked, not held: no thank-you yet
    assert "k7m2" not in [due.id for due, _ in due_cards(board, TODAY)]
    shown = next_follow_up(card, board.settings, TODAY)
    assert shown is not None
    assert (shown.reason, shown.due, shown.interview) == (Reason.INTERVIEW_TODAY, dt.date(2026, 12, 8), interview)


async def test_a_wrong_time_in_the_interview_form_keeps_it_open_and_says_why(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "tab", *"25:00", "ctrl+s")
        form = app.screen
        assert isinstance(form, FormScreen)
        error = str(form.query_one("#error-time", Static).render())
        assert error == "time: a time like 09:30 or 14:00 (24-hour), or blank"
        await pilot.press("escape", "escape")
        board_screen(app)
    assert board_path.read_bytes() == before


async def test_today_s_interview_is_under_the_header_until_the_day_ends(board_path: Path) -> None:
    board = ops.log_interview(demo_board(TODAY), "k7m2", on=TODAY, time="16:00", kind=InterviewKind.FINAL).board
    save_board(board_path, board)
    app = make_app(board_path, today=TODAY, now=dt.time(9, 30))
    async with app.run_test(size=SIZE):
        line = board_screen(app).query_one("#today-interviews", Static)
        assert line.display
        assert str(line.render()) == "◆ today 16:00: final at Northwind Traders"
        index = shown_ids(app, Stage.INTERVIEWED).index("k7m2")
        assert column(app, Stage.INTERVIEWED).card_text(index).splitlines()[2] == "◆ today 16:00 final"
    quiet = app_with(board_path.with_name("other.toml"), demo_board(TODAY))
    async with quiet.run_test(size=SIZE):
        assert not board_screen(quiet).query_one("#today-interviews", Static).display


async def test_thanking_two_interviewers_one_by_one_in_the_review(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "space", "space")  # Northwind, Acme Robotics: skipped; Hooli next
        assert "Thank-you to Monica Hall" in review_part(app, "message-title")
        assert review_part(app, "message").startswith("Hi Monica,")
        await pilot.press("t")
        assert "Thank-you to Richard Roe" in review_part(app, "message-title")
        assert "thank-you sent to Monica Hall" in review_part(app, "timeline")
        await pilot.press("t")
        assert "Initech" in review_part(app, "card")
    hooli = saved(board_path).card("h6yd")
    thanks = [(event.date, event.person) for event in hooli.timeline if event.kind is EventKind.THANK_YOU]
    assert thanks == [(TODAY, "Monica Hall"), (TODAY, "Richard Roe")]


def closing_board() -> Board:
    """Massive Dynamic: interviewed 30 days ago, thanked, followed up twice, and `closed` days
    ago the close-the-loop message or, with `closed` None, its close-the-loop is due."""
    nina = Contact(name="Nina Sharp", email="nina@massive.example", phone="+1 555 0199")
    added = ops.add_card(Board(), company="Massive Dynamic", role="Data Engineer", applied=ago(40), contact=nina)
    board, card_id = added.board, added.card.id
    board = ops.log_interview(board, card_id, on=ago(30), interviewers=("Nina Sharp",)).board
    board = ops.log_thank_you(board, card_id, on=ago(30)).board
    board = ops.log_follow_up(board, card_id, on=ago(23)).board
    return ops.log_follow_up(board, card_id, on=ago(16)).board


async def test_the_close_the_loop_draft_and_the_offer_to_call(board_path: Path) -> None:
    app = app_with(board_path, closing_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert "close-the-loop 9d overdue" in review_part(app, "card")
        assert review_part(app, "message-title").startswith("Close the loop: ask kindly for a definite answer")
        message = review_part(app, "message")
        assert message.startswith("Hi Nina, I have not heard back about the Data Engineer role at Massive Dynamic")
        assert "let me know either way" in message
        assert review_part(app, "question") == (
            "Or call instead: Nina Sharp on +1 555 0199, and log it with f (channel phone)."
        )
        await pilot.press("c")
        assert app.clipboard.startswith("Hi Nina, I have not heard back")
        await pilot.press("f", "ctrl+a", "ctrl+k", *"phone", "ctrl+s")  # called instead
        assert "Done for today." in review_part(app, "summary")
    (card,) = saved(board_path).cards
    assert card.timeline[-1].kind is EventKind.FOLLOWED_UP
    assert card.timeline[-1].channel is not None
    assert card.timeline[-1].channel.value == "phone"


async def test_counting_a_silence_as_a_no_is_one_key_and_never_done_for_you(board_path: Path) -> None:
    board = closing_board()
    card_id = board.cards[0].id
    board = ops.log_follow_up(board, card_id, on=ago(9)).board  # the loop closed 9 days ago, no answer
    app = app_with(board_path, board)
    async with app.run_test(size=SIZE) as pilot:
        assert saved(board_path).card(card_id).outcome is None  # asked, not decided
        await pilot.press("r")
        assert review_part(app, "question").startswith("Count the silence as a no?")
        await pilot.press("x")  # yes, a silence no: no question about its kind
        after = app.screen
        assert isinstance(after, AfterNoScreen)
        assert not any(isinstance(screen, ChooseScreen) for screen in app.screen_stack)
        assert "(silence counts as a no)" in after.greeting
        assert after.script.startswith("Hi Nina, as I have not heard back")
        await pilot.press("escape")
        assert "Done for today." in review_part(app, "summary")
    card = saved(board_path).card(card_id)
    assert (card.outcome, card.no_kind) == (Outcome.NO, NoKind.SILENCE)
    assert card.timeline[-1].from_stage is Stage.FOLLOWED_UP


async def test_snoozing_the_silence_question_asks_again_later(board_path: Path) -> None:
    board = closing_board()
    card_id = board.cards[0].id
    board = ops.log_follow_up(board, card_id, on=ago(9)).board
    app = app_with(board_path, board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "s", "w")  # wait a week more
        assert "Done for today." in review_part(app, "summary")
    card = saved(board_path).card(card_id)
    assert card.outcome is None
    assert card.snoozed_until == TODAY + dt.timedelta(days=7)


async def test_ctrl_t_in_the_card_screen_logs_a_thank_you_to_the_one_chosen(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "enter")  # Hooli, owed two thank-yous
        card_screen = app.screen
        assert isinstance(card_screen, CardScreen)
        timeline = str(card_screen.query_one("#timeline", Static).render())
        assert "Thank-yous owed: Monica Hall, Richard Roe · ctrl+t logs one sent" in timeline
        await pilot.press(*" Inc")  # typed in the company field: kept through the thank-you
        await pilot.press("ctrl+t")
        chooser = app.screen
        assert isinstance(chooser, ChooseScreen)
        assert [(choice.keys, choice.value) for choice in chooser.choices] == [
            (("1",), "Monica Hall"),
            (("2",), "Richard Roe"),
            (("a",), ""),  # everyone, once
        ]
        await pilot.press("2")  # Richard Roe
        assert app.screen is card_screen
        timeline = str(card_screen.query_one("#timeline", Static).render())
        assert "Thank-you owed: Monica Hall · ctrl+t logs one sent" in timeline
        assert "thank-you sent to Richard Roe" in timeline
        await pilot.press("ctrl+s")  # and the typed edit saves too
        board_screen(app)
    hooli = saved(board_path).card("h6yd")
    assert hooli.company == "Hooli Inc"
    assert [event.person for event in hooli.timeline if event.kind is EventKind.THANK_YOU] == ["Richard Roe"]


async def test_h_on_a_resolved_card_reopens_it_where_it_was_resolved_from(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "l", "y")  # Acme Robotics, in Followed up: a yes
        screen = board_screen(app)
        screen.set_current(Stage.RESOLVED)
        screen.column(Stage.RESOLVED).select_card("c9we")
        await pilot.press("H")
        assert "c9we" in shown_ids(app, Stage.FOLLOWED_UP)
        assert screen.selected_id() == "c9we"
    card = saved(board_path).card("c9we")
    assert (card.stage, card.outcome) == (Stage.FOLLOWED_UP, None)
    assert card.timeline[-1].kind is EventKind.REOPENED


async def test_a_move_that_would_invent_a_follow_up_is_refused_or_asks_for_it(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")  # Northwind, in Applied, never interviewed
        board_screen(app)
        assert any("a nudge on an application keeps it in Applied" in notice for notice in notices(app))
        assert board_path.read_bytes() == before
        await pilot.press("l", "3")  # Hooli, interviewed yesterday: the follow-up form, as f opens it
        assert isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+s")
        assert "h6yd" in shown_ids(app, Stage.FOLLOWED_UP)
    assert saved(board_path).card("h6yd").timeline[-1].kind is EventKind.FOLLOWED_UP
