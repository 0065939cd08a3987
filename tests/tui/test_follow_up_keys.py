"""The follow-up keys on the board: f, t, i, s; what each card says is due; the header's count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, Static

from fu_board.demo import demo_board
from fu_board.model import Channel, EventKind, Interview, Stage
from fu_board.rules import Reason, next_follow_up
from fu_board.tui.screens.choose import ChooseScreen
from fu_board.tui.screens.form_screen import FormScreen
from fu_board.tui.screens.log_forms import SnoozeScreen
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, column, saved, shown_ids


def prompt_text(app: object, stage: Stage, index: int) -> str:
    return column(app, stage).card_text(index)


def due_line(app: object, stage: Stage, index: int) -> str:
    """The card's third line: what is due on it, or the interview booked."""
    return prompt_text(app, stage, index).splitlines()[2]


def header(app: object) -> str:
    return str(board_screen(app).query_one("#header", Static).render())  # type: ignore[arg-type]


async def test_cards_say_what_is_due_and_the_most_urgent_come_first(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE):
        # Northwind is 5 days overdue; Globex is snoozed until Monday, and Umbrella's nudge (in
        # 4 days, a Sunday) moves to that Monday too: the tie goes by company, Globex first.
        assert shown_ids(app, Stage.APPLIED) == ["k7m2", "p3xa", "r8tc"]
        assert due_line(app, Stage.APPLIED, 0) == "⚑ follow-up 5d overdue"
        assert due_line(app, Stage.APPLIED, 1) == "○ snoozed until Mon 30 Nov"
        assert due_line(app, Stage.APPLIED, 2) == "○ follow up in 5d"
        # Hooli's thank-yous were due on the day of the interview, yesterday; Pied Piper's onsite is booked.
        assert shown_ids(app, Stage.INTERVIEWED) == ["h6yd", "b4nq", "f2pp"]
        assert due_line(app, Stage.INTERVIEWED, 0) == "⚑ thank-you 1d overdue"
        assert due_line(app, Stage.INTERVIEWED, 1) == "⚑ follow-up 1d overdue"
        assert due_line(app, Stage.INTERVIEWED, 2) == "◆ Tue 1 Dec 14:00 onsite"
        assert "1 follow-up · 8d ago" in prompt_text(app, Stage.FOLLOWED_UP, 0)
        assert "2 follow-ups · 4d ago" in prompt_text(app, Stage.FOLLOWED_UP, 1)
        assert due_line(app, Stage.FOLLOWED_UP, 1) == "○ close the loop in 5d"  # after two follow-ups, no third
        header = str(board_screen(app).query_one("#header", Static).render())
        assert "due today 4 (4 overdue)" in header


async def test_f_logs_a_follow_up_and_moves_an_interviewed_card(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "j", "f")  # Initech, in Interviewed (below Hooli)
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-channel", Input).value == "email"
        form.query_one("#field-channel", Input).value = "p"
        await pilot.press("tab", *"asked about timing", "ctrl+s")
        screen = board_screen(app)
        assert screen.current_column.stage is Stage.FOLLOWED_UP  # the cursor follows the card
        assert screen.selected_card is not None
        assert screen.selected_card.id == "b4nq"
    card = saved(board_path).card("b4nq")
    assert card.stage is Stage.FOLLOWED_UP
    event = card.timeline[-1]
    assert (event.kind, event.channel, event.note, event.date) == (
        EventKind.FOLLOWED_UP,
        Channel.PHONE,
        "asked about timing",
        TODAY,
    )
    follow_up = next_follow_up(card, saved(board_path).settings, TODAY)
    assert follow_up is not None
    assert (follow_up.reason, follow_up.due) == (Reason.WEEKLY, TODAY + dt.timedelta(days=7))


async def test_f_on_an_application_keeps_it_in_applied(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "ctrl+s")  # Northwind: email, today
        assert board_screen(app).current_column.stage is Stage.APPLIED
        assert shown_ids(app, Stage.APPLIED)[-1] == "k7m2"  # no longer the most urgent
    card = saved(board_path).card("k7m2")
    assert card.stage is Stage.APPLIED
    assert (card.timeline[-1].kind, card.timeline[-1].channel) == (EventKind.FOLLOWED_UP, Channel.EMAIL)


async def test_the_follow_up_form_checks_the_channel_and_can_be_cancelled(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        app.screen.query_one("#field-channel", Input).value = "fax"
        await pilot.press("enter")
        assert isinstance(app.screen, FormScreen)
        error = app.screen.query_one("#error-channel", Static)
        assert "email, phone, linkedin" in str(error.render())
        await pilot.pause()
        assert error.size.height >= 2  # wrapped in the small dialog, not cut off after "(a"
        await pilot.press("escape", "escape")  # the second throws away what was typed
        board_screen(app)
    assert board_path.read_bytes() == before


async def test_t_logs_the_thank_you_at_once_when_one_is_owed(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "ctrl+s")  # Northwind: an interview today, nobody named: Priya is owed the thank-you
        assert "due today 4 (3 overdue)" in header(app)  # its nudge is gone, the thank-you is due today
        assert due_line(app, Stage.INTERVIEWED, 2) == "⚑ thank-you due today"
        assert board_screen(app).selected_id() == "k7m2"
        await pilot.press("t")
        assert app.screen is board_screen(app)  # no dialog
        assert "due today 3 (3 overdue)" in header(app)
    card = saved(board_path).card("k7m2")
    event = card.timeline[-1]
    assert (event.kind, event.date, event.person) == (EventKind.THANK_YOU, TODAY, "Priya Raman")
    follow_up = next_follow_up(card, saved(board_path).settings, TODAY)
    assert follow_up is not None
    assert (follow_up.reason, follow_up.due) == (Reason.AFTER_INTERVIEW, TODAY + dt.timedelta(days=7))


async def test_t_asks_whom_when_two_are_owed(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "t")  # Hooli: Monica Hall and Richard Roe interviewed yesterday
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("2")  # Richard Roe
        assert app.screen is board_screen(app)
        assert "due today 4 (4 overdue)" in header(app)  # Monica is still owed hers
        assert due_line(app, Stage.INTERVIEWED, 0) == "⚑ thank-you 1d overdue"
        assert saved(board_path).card("h6yd").timeline[-1].person == "Richard Roe"
        await pilot.press("t")  # only Monica is left: logged at once
        assert app.screen is board_screen(app)
        assert "due today 3 (3 overdue)" in header(app)
    card = saved(board_path).card("h6yd")
    assert [(event.kind, event.date, event.person) for event in card.timeline[-2:]] == [
        (EventKind.THANK_YOU, TODAY, "Richard Roe"),
        (EventKind.THANK_YOU, TODAY, "Monica Hall"),
    ]
    follow_up = next_follow_up(card, saved(board_path).settings, TODAY)
    assert follow_up is not None
    assert (follow_up.reason, follow_up.due) == (Reason.AFTER_INTERVIEW, dt.date(2026, 12, 1))  # 7 days after it


async def test_i_logs_an_interview_with_who_and_the_decision_date(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")  # Northwind, in Applied
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-on", Input).value = "2026-11-27"  # scheduled for Friday
        form.query_one("#field-interviewers", Input).value = "Priya Raman, Sam Lee"
        form.query_one("#field-decision_by", Input).value = "2026-12-04"
        await pilot.press("ctrl+s")
        assert board_screen(app).current_column.stage is Stage.INTERVIEWED
    card = saved(board_path).card("k7m2")
    assert card.stage is Stage.INTERVIEWED
    assert card.interviews[-1] == Interview(date=dt.date(2026, 11, 27), id=1, interviewers=("Priya Raman", "Sam Lee"))
    assert card.decision_expected == dt.date(2026, 12, 4)
    assert card.timeline[-1].note == "with Priya Raman, Sam Lee; decision by 2026-12-04"
    settings = saved(board_path).settings
    follow_up = next_follow_up(card, settings, TODAY)
    assert follow_up is not None  # booked, not held: nothing is owed yet, the card shows the interview
    assert (follow_up.reason, follow_up.due, follow_up.to) == (Reason.INTERVIEW_TODAY, dt.date(2026, 11, 27), None)
    held = next_follow_up(card, settings, dt.date(2026, 11, 28))
    assert held is not None  # once held, each interviewer is owed a thank-you on the day
    assert (held.reason, held.due, held.to) == (Reason.THANK_YOU, dt.date(2026, 11, 27), "Priya Raman")


async def test_s_snoozes_for_a_chosen_time(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        screen = board_screen(app)

        async def snooze_on(card_id: str, *keys: str) -> None:
            stage = saved(board_path).card(card_id).stage
            screen.set_current(stage)
            screen.column(stage).select_card(card_id)
            await pilot.press("s")
            assert isinstance(app.screen, SnoozeScreen)
            await pilot.press(*keys)

        await snooze_on("k7m2", "3")  # three days
        await snooze_on("b4nq", "w")  # a week
        await snooze_on("c9we", "d")  # a date of my choice
        field = app.screen.query_one("#field-until", Input)
        assert field.has_focus
        field.value = "2026-11-25"  # today is not a snooze
        await pilot.press("enter")
        assert isinstance(app.screen, SnoozeScreen)
        field.value = "2026-12-24"
        await pilot.press("enter")
        await snooze_on("m2fs", "escape")  # changed my mind
        board_screen(app)
    board = saved(board_path)
    assert board.card("k7m2").snoozed_until == dt.date(2026, 11, 30)  # three days is a Saturday: the Monday
    assert board.card("b4nq").snoozed_until == dt.date(2026, 12, 2)
    assert board.card("c9we").snoozed_until == dt.date(2026, 12, 24)
    assert board.card("k7m2").timeline[-1].kind is EventKind.SNOOZED
    assert board.card("m2fs").snoozed_until is None


async def test_moving_into_interviewed_logs_the_interview_form(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L")  # Northwind into Interviewed asks about the interview
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-interviewers", Input).value = "Priya"
        await pilot.press("ctrl+s")
    card = saved(board_path).card("k7m2")
    assert card.stage is Stage.INTERVIEWED
    assert card.interviews[-1] == Interview(date=TODAY, id=1, interviewers=("Priya",))
