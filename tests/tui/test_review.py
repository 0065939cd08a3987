"""The daily review, driven key by key: the queue, each outcome, the summary and the streak."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from fu_board.demo import demo_board
from fu_board.model import Board, Card, Channel, EventKind, Outcome, ReviewLog, Stage
from fu_board.tui.screens.card_detail import CardScreen
from fu_board.tui.screens.form_screen import FormScreen
from fu_board.tui.screens.log_forms import SnoozeScreen
from fu_board.tui.screens.review import ReviewScreen
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, saved

YESTERDAY = TODAY - dt.timedelta(days=1)


def review(app: object) -> ReviewScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ReviewScreen), f"expected the review, got {screen!r}"
    return screen


def shown(app: object, part: str) -> str:
    return str(review(app).query_one(f"#review-{part}", Static).render())


async def test_the_queue_is_overdue_first_then_due_today(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        # Northwind 5 days overdue; then 1 day, by name: Acme Robotics, Hooli's two thank-yous, Initech.
        assert review(app).queue == [
            ("k7m2", "applied_no_answer", "Priya Raman"),
            ("c9we", "weekly", "Dana Ortiz"),
            ("h6yd", "thank_you", "Monica Hall"),
            ("h6yd", "thank_you", "Richard Roe"),
            ("b4nq", "decision_passed", "Bill Lumbergh"),
        ]
        assert "1 of 5" in shown(app, "title")
        card = shown(app, "card")
        assert "Northwind Traders" in card
        assert "Priya Raman, Recruiter" in card
        assert "priya@northwind.example" in card
        assert "12d ago" in card
        assert "follow-up 5d overdue (2026-11-20): no answer since you applied · nudge 1 of 2" in card
        assert "applied" in shown(app, "timeline")
        message = shown(app, "message")
        assert message.startswith("Hi Priya, I applied for the Senior Backend Engineer role at Northwind Traders")
        assert "on Friday 13 November" in message


async def test_a_whole_review_session(board_path: Path) -> None:
    board = demo_board(TODAY).replace(review=ReviewLog(last_finished=YESTERDAY, streak=3))
    app = app_with(board_path, board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.press("c")  # copy Northwind's message
        assert app.clipboard.startswith("Hi Priya, I applied")
        await pilot.press("f")  # Northwind: followed up
        assert isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+s")  # by email, today
        assert "Acme Robotics" in shown(app, "card")  # the next card at once
        assert "2 of 5" in shown(app, "title")
        await pilot.press("s")
        assert isinstance(app.screen, SnoozeScreen)
        await pilot.press("3")  # Acme Robotics: wait three days (Saturday: so until Monday)
        assert "Hooli" in shown(app, "card")
        assert "To       Monica Hall" in shown(app, "card")
        assert shown(app, "message").startswith("Hi Monica, thank you for taking the time")
        await pilot.press("t")  # Hooli: the thank-you to Monica sent
        assert "To       Richard Roe" in shown(app, "card")
        assert shown(app, "message").startswith("Hi Richard, thank you for taking the time")
        await pilot.press("t")  # and the one to Richard
        assert "Initech" in shown(app, "card")
        assert "expected to decide on the Staff Engineer role around Friday 20 November" in shown(app, "message")
        await pilot.press("x", "x", "escape")  # Initech: a no (they said it), then the moment of a no
        summary = shown(app, "summary")
        assert "Done for today." in summary
        for line in ("Followed up       1", "Thank-yous sent   2", "Snoozed           1", "Resolved          1"):
            assert line in summary
        assert "Nos until yes     4" in summary
        assert "Review streak     4 days in a row" in summary
        await pilot.press("escape")
        screen = board_screen(app)
        assert "nos until yes 4" in str(screen.query_one("#header", Static).render())
    after = saved(board_path)
    assert after.review == ReviewLog(last_finished=TODAY, streak=4)
    northwind = after.card("k7m2")
    assert (northwind.timeline[-1].kind, northwind.timeline[-1].channel) == (EventKind.FOLLOWED_UP, Channel.EMAIL)
    assert after.card("c9we").snoozed_until == dt.date(2026, 11, 30)  # 3 days is a Saturday: the Monday
    assert (after.card("b4nq").stage, after.card("b4nq").outcome) == (Stage.RESOLVED, Outcome.NO)
    thanks = [(e.kind, e.person) for e in after.card("h6yd").timeline[-2:]]
    assert thanks == [(EventKind.THANK_YOU, "Monica Hall"), (EventKind.THANK_YOU, "Richard Roe")]


async def test_skipping_and_leaving_early_log_nothing_and_keep_the_streak(board_path: Path) -> None:
    board = demo_board(TODAY).replace(review=ReviewLog(last_finished=YESTERDAY, streak=3))
    app = app_with(board_path, board)
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "space", "space")
        assert "3 of 5" in shown(app, "title")
        await pilot.press("escape")
        board_screen(app)
    assert board_path.read_bytes() == before  # not finished: the streak is not counted


async def test_skipping_every_card_finishes_the_review(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "space", "space", "space", "space", "space")
        summary = shown(app, "summary")
        assert "Skipped           5" in summary
        assert "Followed up       0" in summary
        assert "Review streak     1 day in a row" in summary
    assert saved(board_path).review == ReviewLog(last_finished=TODAY, streak=1)


async def test_yes_and_withdrawn_from_the_review(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "y", "w")
        assert "Hooli" in shown(app, "card")
    after = saved(board_path)
    assert after.card("k7m2").outcome is Outcome.YES
    assert after.card("c9we").outcome is Outcome.WITHDRAWN


async def test_i_and_e_in_the_review(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "e")  # edit Northwind, and come back to it
        assert isinstance(app.screen, CardScreen)
        app.screen.query_one("#field-role").value = "Staff Backend Engineer"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert "Staff Backend Engineer" in shown(app, "card")
        assert "1 of 5" in shown(app, "title")
        await pilot.press("i", "ctrl+s")  # an interview today: held, so its thank-you comes next
        assert "2 of 6" in shown(app, "title")
        assert "Northwind Traders" in shown(app, "card")
        assert "To       Priya Raman" in shown(app, "card")
        assert "Thank-you to Priya Raman" in shown(app, "message-title")
        await pilot.press("t")
        assert "Acme Robotics" in shown(app, "card")
    card = saved(board_path).card("k7m2")
    assert card.role == "Staff Backend Engineer"
    assert card.stage is Stage.INTERVIEWED
    assert card.interviews[-1].date == TODAY
    assert (card.timeline[-1].kind, card.timeline[-1].person) == (EventKind.THANK_YOU, "Priya Raman")


async def test_nothing_due_says_so_and_suggests_an_application(board_path: Path) -> None:
    quiet = Card.validate(
        {"id": "aaaa", "company": "Acme", "applied": TODAY, "timeline": [{"date": TODAY, "kind": "applied"}]}
    )
    app = app_with(board_path, Board(cards=(quiet,)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        summary = shown(app, "summary")
        assert "Nothing due today." in summary
        assert "1 of 5 irons in the fire: add an application with n" in summary
        await pilot.press("n", *"Globex", "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        assert "2 of 5 irons in the fire" in shown(app, "summary")
    assert {card.company for card in saved(board_path).cards} == {"Acme", "Globex"}
    assert saved(board_path).review.last_finished == TODAY


async def test_changes_made_elsewhere_during_the_review_are_taken_in(board_path: Path) -> None:
    from fu_board.cli import main

    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        # Before the review opens, another terminal deals with Northwind.
        assert main(["followup", "k7m2", "--board", str(board_path)], today=TODAY) == 0
        await pilot.press("r")
        assert [row[0] for row in review(app).queue] == ["c9we", "h6yd", "h6yd", "b4nq"]
        # While Acme Robotics is on screen, Hooli's two thank-yous are logged at once elsewhere: skipped.
        assert main(["thank", "h6yd", "--board", str(board_path)], today=TODAY) == 0
        await pilot.press("space")
        assert "Initech" in shown(app, "card")
        assert "4 of 4" in shown(app, "title")
        await pilot.press("x", "x", "escape")
        assert "Done for today." in shown(app, "summary")
    after = saved(board_path)
    assert [event.kind for event in after.card("k7m2").timeline].count(EventKind.FOLLOWED_UP) == 1
    assert after.card("b4nq").outcome is Outcome.NO
    last = after.card("h6yd").timeline[-1]
    assert (last.kind, last.person, last.note) == (EventKind.THANK_YOU, "", "to Monica Hall, Richard Roe")


async def test_t_only_logs_a_thank_you_that_is_owed(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "t")  # Northwind: no interview, no thank-you owed
        assert "Northwind Traders" in shown(app, "card")
        assert "1 of 5" in shown(app, "title")
        assert any("No thank-you is owed here" in str(n.message) for n in app._notifications)
    assert board_path.read_bytes() == before


async def test_the_summary_counts_yes_and_withdrawn_as_resolved(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "y", "w", "space", "space", "space")
        summary = shown(app, "summary")
        assert "Resolved          2" in summary
        assert "Skipped           3" in summary
        assert "Nos until yes     0" in summary  # a yes starts the count again


async def test_a_card_due_again_for_another_reason_is_shown_again(board_path: Path) -> None:
    """A thank-you logged in the review, and the decision date they gave has passed too:
    the card comes back with that reason instead of the review ending as done."""
    interviewed = TODAY - dt.timedelta(days=10)
    card = Card.validate(
        {
            "id": "intv",
            "company": "Interv",
            "applied": TODAY - dt.timedelta(days=24),
            "interviews": [{"date": interviewed}],
            "decision_expected": TODAY - dt.timedelta(days=6),
            "stage": "interviewed",
            "furthest_stage": "interviewed",
            "timeline": [
                {"date": TODAY - dt.timedelta(days=24), "kind": "applied"},
                {"date": interviewed, "kind": "interviewed"},
            ],
        }
    )
    app = app_with(board_path, Board(cards=(card,)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert "thank-you" in shown(app, "card")
        await pilot.press("t")
        assert not review(app).finished
        assert "Interv" in shown(app, "card")
        assert "decision" in shown(app, "card")
        await pilot.press("f", "ctrl+s")
        assert review(app).finished
        assert "Done for today." in shown(app, "summary")
    kinds = [event.kind for event in saved(board_path).card("intv").timeline]
    assert kinds[-2:] == [EventKind.THANK_YOU, EventKind.FOLLOWED_UP]
