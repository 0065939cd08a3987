"""Every key of the board, driven through the real app; each checks the model and the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Input, Static, TextArea

from fu_board.demo import demo_board
from fu_board.model import Board, Contact, EventKind, Outcome, Stage
from fu_board.tui.app import FuBoardApp, run_app
from fu_board.tui.screens.card_detail import CardScreen
from fu_board.tui.screens.choose import ChooseScreen
from fu_board.tui.screens.confirm import ConfirmScreen
from fu_board.tui.screens.form_screen import FormScreen
from fu_board.tui.screens.help import HelpScreen
from fu_board.tui.screens.load_error import LoadErrorScreen
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, column, make_card, saved, shown_ids


def small_board() -> Board:
    """Two cards in Applied (aaaa touched longest ago, so first) and one in Interviewed."""
    return Board(
        cards=(
            make_card("aaaa", "Acme", 10, role="Engineer"),
            make_card("bbbb", "Globex", 5),
            make_card("cccc", "Initech", 20, stage="interviewed", interviews=[{"date": TODAY - dt.timedelta(days=3)}]),
        )
    )


async def test_first_run_creates_the_file_and_welcomes(board_path: Path) -> None:
    app = app_with(board_path)
    async with app.run_test(size=SIZE):
        welcome = board_screen(app).query_one("#welcome", Static)
        assert welcome.display
        assert "Press n to add your first application" in str(welcome.render())
    assert board_path.exists()
    assert saved(board_path) == Board()
    assert board_path.stat().st_mode & 0o777 == 0o600
    assert board_path.parent.stat().st_mode & 0o777 == 0o700


async def test_header_shows_date_irons_and_nos(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE):
        header = str(board_screen(app).query_one("#header", Static).render())
        # Eight cards are unresolved (Pied Piper's onsite is only booked); after its one yes
        # (58 days ago) the demo heard three nos.
        assert "Wed 25 Nov 2026" in header
        assert "irons in the fire 8/5" in header
        assert "nos until yes 3" in header
        assert not board_screen(app).query_one("#welcome").display


async def test_columns_show_cards_and_counts(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE):
        assert shown_ids(app, Stage.APPLIED) == ["aaaa", "bbbb"]
        assert shown_ids(app, Stage.INTERVIEWED) == ["cccc"]
        assert Content.from_markup(str(column(app, Stage.APPLIED).border_title)).plain == "Applied · 2"
        assert Content.from_markup(str(column(app, Stage.RESOLVED).border_title)).plain == "Resolved · 0"


@pytest.mark.parametrize(("down", "right", "left"), [("j", "l", "h"), ("down", "right", "left")])
async def test_cursor_keys(board_path: Path, down: str, right: str, left: str) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        screen = board_screen(app)
        assert screen.selected_card is not None
        assert screen.selected_card.id == "aaaa"
        await pilot.press(down)
        assert screen.selected_card.id == "bbbb"
        await pilot.press("k" if down == "j" else "up")
        assert screen.selected_card.id == "aaaa"
        await pilot.press(right)
        assert screen.current_column.stage is Stage.INTERVIEWED
        assert screen.selected_card.id == "cccc"
        await pilot.press(right)
        assert screen.current_column.stage is Stage.FOLLOWED_UP
        assert screen.selected_card is None
        await pilot.press(left, left)
        assert screen.current_column.stage is Stage.APPLIED
        await pilot.press(left)  # nothing further left
        assert screen.current_column.stage is Stage.APPLIED


@pytest.mark.parametrize("key", ["L", "shift+right"])
async def test_move_right_into_followed_up_cursor_follows(board_path: Path, key: str) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", key)
        assert isinstance(app.screen, FormScreen)  # Initech was interviewed: the follow-up is asked for, as f does
        await pilot.press("ctrl+s")  # by email, today
        screen = board_screen(app)
        assert screen.current_column.stage is Stage.FOLLOWED_UP
        assert screen.selected_card is not None
        assert screen.selected_card.id == "cccc"
    card = saved(board_path).card("cccc")
    assert card.stage is Stage.FOLLOWED_UP
    assert card.furthest_stage is Stage.FOLLOWED_UP
    assert card.timeline[-1].kind is EventKind.FOLLOWED_UP
    assert card.timeline[-1].date == TODAY


@pytest.mark.parametrize("key", ["H", "shift+left"])
async def test_move_left_keeps_furthest_stage(board_path: Path, key: str) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", key)
        assert board_screen(app).current_column.stage is Stage.APPLIED
        assert shown_ids(app, Stage.APPLIED)[0] == "cccc"  # touched longest ago: first
    card = saved(board_path).card("cccc")
    assert card.stage is Stage.APPLIED
    assert card.furthest_stage is Stage.INTERVIEWED
    assert card.timeline[-1].kind is EventKind.MOVED
    assert card.timeline[-1].to is Stage.APPLIED


async def test_moving_into_interviewed_asks_for_the_date(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L")
        assert isinstance(app.screen, FormScreen)
        field = app.screen.query_one("#field-on", Input)
        assert field.value == TODAY.isoformat()
        field.value = ""
        await pilot.press(*"2026-11-2x", "enter")
        assert isinstance(app.screen, FormScreen)  # not a date: still asking
        assert "a date like" in str(app.screen.query_one("#error-on").render())
        await pilot.press("backspace", "3", "ctrl+s")
        assert board_screen(app).selected_card is not None
        assert board_screen(app).current_column.stage is Stage.INTERVIEWED
    card = saved(board_path).card("aaaa")
    assert card.stage is Stage.INTERVIEWED
    assert [interview.date for interview in card.interviews] == [dt.date(2026, 11, 23)]
    assert card.timeline[-1].kind is EventKind.INTERVIEWED


async def test_escape_cancels_the_interview_move(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L", "escape")
        assert shown_ids(app, Stage.APPLIED) == ["aaaa", "bbbb"]
    assert board_path.read_bytes() == before


async def test_number_keys_send_to_a_column(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "ctrl+s")  # Acme: into Interviewed, an interview today
        assert board_screen(app).current_column.stage is Stage.INTERVIEWED
        await pilot.press("3")  # to Followed up: the follow-up is asked for
        assert isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+s")  # by email, today
        assert board_screen(app).current_column.stage is Stage.FOLLOWED_UP
        await pilot.press("1")  # and back
        assert board_screen(app).current_column.stage is Stage.APPLIED
        await pilot.press("2")  # its interview is on record: moved straight back, nothing asked
        assert board_screen(app).current_column.stage is Stage.INTERVIEWED
        await pilot.press("4")
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("w")
        assert board_screen(app).current_column.stage is Stage.RESOLVED
    card = saved(board_path).card("aaaa")
    assert card.stage is Stage.RESOLVED
    assert card.outcome is Outcome.WITHDRAWN
    assert card.furthest_stage is Stage.FOLLOWED_UP
    kinds = [event.kind for event in card.timeline]
    assert kinds == [
        EventKind.APPLIED,
        EventKind.INTERVIEWED,
        EventKind.FOLLOWED_UP,
        EventKind.MOVED,
        EventKind.MOVED,
        EventKind.RESOLVED,
    ]
    assert [event.to for event in card.timeline[3:5]] == [Stage.APPLIED, Stage.INTERVIEWED]
    assert [interview.date for interview in card.interviews] == [TODAY]  # the moves invented no interview


async def test_3_on_an_application_is_refused_with_a_hint(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")  # Acme, in Applied: no interview, so no follow-up after one
        assert app.screen is board_screen(app)  # no dialog
        assert board_screen(app).current_column.stage is Stage.APPLIED
        assert shown_ids(app, Stage.APPLIED) == ["aaaa", "bbbb"]
        assert shown_ids(app, Stage.FOLLOWED_UP) == []
        assert app.session.board == small_board()
        assert [str(n.message) for n in app._notifications] == [
            "Followed up holds cards followed up after their last interview, waiting for an answer; "
            "a nudge on an application keeps it in Applied (f on the board, fu-board followup ID logs it)"
        ]
    assert board_path.read_bytes() == before


async def test_sending_a_card_where_it_is_changes_nothing(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert any("Already in Applied" in str(n.message) for n in app._notifications)
    assert board_path.read_bytes() == before


@pytest.mark.parametrize(("key", "outcome"), [("y", Outcome.YES), ("x", Outcome.NO), ("w", Outcome.WITHDRAWN)])
async def test_resolve_keys(board_path: Path, key: str, outcome: Outcome) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", key)
        if outcome is Outcome.NO:
            await pilot.press("x", "escape")  # they said no; close the moment of a no
        screen = board_screen(app)
        assert screen.current_column.stage is Stage.RESOLVED
        assert screen.selected_card is not None
        assert screen.selected_card.id == "bbbb"
        prompt = column(app, Stage.RESOLVED).card_text(0)
        assert f"{outcome.symbol} {outcome.value}" in str(prompt)  # a word, not only a colour
    card = saved(board_path).card("bbbb")
    assert (card.stage, card.outcome, card.resolved_on) == (Stage.RESOLVED, outcome, TODAY)


async def test_moving_right_from_followed_up_asks_for_the_outcome(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "L", "ctrl+s", "L")  # Initech: followed up today, then on
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("escape")
        assert board_screen(app).current_column.stage is Stage.FOLLOWED_UP
        await pilot.press("L", "x", "x", "escape")  # a no: they said it; then close the moment of a no
    assert saved(board_path).card("cccc").outcome is Outcome.NO


async def test_moving_a_resolved_card_back_reopens_it(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "y", "H")  # Initech, in Interviewed: a yes, then back where it was
        assert board_screen(app).current_column.stage is Stage.INTERVIEWED
        assert board_screen(app).selected_id() == "cccc"
    card = saved(board_path).card("cccc")
    assert (card.stage, card.outcome, card.resolved_on) == (Stage.INTERVIEWED, None, None)
    assert [event.kind for event in card.timeline[-2:]] == [EventKind.RESOLVED, EventKind.REOPENED]
    assert card.timeline[-2].from_stage is Stage.INTERVIEWED


async def test_new_card_form_saves_with_ctrl_s(board_path: Path) -> None:
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"Northwind", "tab", *"Backend Engineer", "tab", *"https://x.example/1")
        await pilot.press("tab", *"Priya", "tab", *"priya@northwind.example", "ctrl+s")
        screen = board_screen(app)
        assert screen.selected_card is not None
        assert screen.selected_card.company == "Northwind"
        assert not screen.query_one("#welcome").display
    (card,) = saved(board_path).cards
    assert (card.company, card.role, card.link) == ("Northwind", "Backend Engineer", "https://x.example/1")
    assert card.contacts == (Contact(name="Priya", email="priya@northwind.example"),)
    assert card.applied == TODAY
    assert card.stage is Stage.APPLIED
    assert [event.kind for event in card.timeline] == [EventKind.APPLIED]


async def test_new_card_form_enter_moves_on_and_saves_on_the_last_field(board_path: Path) -> None:
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"  Hooli  ", "enter", "enter", "enter", "enter", "enter")
        form = app.screen
        assert isinstance(form, FormScreen)
        applied = form.query_one("#field-applied", Input)
        assert applied.has_focus
        applied.value = ""
        await pilot.press(*"2026-11-02", "enter", *"met at a meetup", "enter")
        assert board_screen(app).selected_card is not None
    (card,) = saved(board_path).cards
    assert card.company == "Hooli"  # trimmed
    assert card.applied == dt.date(2026, 11, 2)
    assert card.note == "met at a meetup"


async def test_enter_does_not_move_past_an_empty_company(board_path: Path) -> None:
    """Else what is typed next lands one field down: the company in Role."""
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "enter")
        form = app.screen
        assert isinstance(form, FormScreen)
        company = form.query_one("#field-company", Input)
        assert company.has_focus
        assert "company: required" in str(form.query_one("#error-company", Static).render())
        await pilot.press(*"Contoso", "enter", *"Staff Engineer")
        assert company.value == "Contoso"
        assert form.query_one("#field-role", Input).value == "Staff Engineer"


async def test_new_card_form_validates_as_you_type(board_path: Path) -> None:
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        form = app.screen
        error = form.query_one("#error-company", Static)
        assert not error.display  # nothing to complain about before typing
        await pilot.press("x", "backspace")
        assert error.display
        assert "required" in str(error.render())
        await pilot.press("ctrl+s")
        assert app.screen is form  # refused: company is blank
        await pilot.press("A")
        assert not error.display
        applied = form.query_one("#field-applied", Input)
        applied.value = "2026-02-30"
        await pilot.pause()
        assert form.query_one("#error-applied", Static).display
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert applied.has_focus  # the cursor goes to the field that is wrong
    assert saved(board_path) == Board()


async def test_new_card_form_escape_cancels_after_a_warning_when_something_was_typed(board_path: Path) -> None:
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "escape")  # nothing typed: closes at once
        board_screen(app)
        await pilot.press("n", *"Acme", "escape")
        assert isinstance(app.screen, FormScreen)  # warned, still open
        assert app.screen.query_one("#field-company", Input).value == "Acme"
        assert "escape again throws it away" in [note.message for note in app._notifications][-1]
        await pilot.press("escape")
        board_screen(app)
    assert saved(board_path) == Board()


async def test_enter_opens_the_card_and_edits_are_saved(board_path: Path) -> None:
    board = small_board()
    app = app_with(board_path, board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        card_screen = app.screen
        assert isinstance(card_screen, CardScreen)
        timeline = str(card_screen.query_one("#timeline", Static).render())
        assert "applied" in timeline
        card_screen.query_one("#field-role", Input).value = "Staff Engineer"
        card_screen.query_one("#field-contact_email", Input).value = "ana@acme.example"
        card_screen.query_one("#field-decision_expected", Input).value = "2026-12-01"
        card_screen.query_one("#note", TextArea).text = "first line\nsecond line"
        await pilot.press("ctrl+s")
        assert board_screen(app).selected_card is not None
        assert board_screen(app).selected_card.role == "Staff Engineer"
    card = saved(board_path).card("aaaa")
    assert card.role == "Staff Engineer"
    assert card.contacts == (Contact(email="ana@acme.example"),)
    assert card.decision_expected == dt.date(2026, 12, 1)
    assert card.note == "first line\nsecond line"
    assert card.timeline[-1].kind is EventKind.EDITED
    assert "role" in card.timeline[-1].note


async def test_card_screen_escape_warns_before_throwing_edits_away(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.press(*" Corp")
        await pilot.press("escape")
        assert isinstance(app.screen, CardScreen)  # warned, still open
        await pilot.press("escape")
        board_screen(app)
    assert board_path.read_bytes() == before


async def test_card_screen_refuses_a_blank_company(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        app.screen.query_one("#field-company", Input).value = "   "
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CardScreen)
    assert board_path.read_bytes() == before


async def test_delete_asks_first(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert shown_ids(app, Stage.APPLIED) == ["aaaa", "bbbb"]
        await pilot.press("d", "y")
        assert shown_ids(app, Stage.APPLIED) == ["bbbb"]
        assert board_screen(app).selected_card is not None
        assert board_screen(app).selected_card.id == "bbbb"
    assert [card.id for card in saved(board_path).cards] == ["bbbb", "cccc"]


async def test_card_keys_do_nothing_on_an_empty_column(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "l", "d", "y", "x", "w", "H", "L", "1", "enter")
        assert board_screen(app).current_column.stage is Stage.FOLLOWED_UP
        assert app.screen is board_screen(app)
    assert board_path.read_bytes() == before


async def test_help_lists_the_live_bindings(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = dict(app.screen.rows)
        assert keys["n"] == "add an application"
        assert keys["H shift+←"] == "move the card one column left"
        assert keys["L shift+→"] == "move the card one column right"
        assert keys["← h"] == "cursor to the column on the left"
        assert keys["^q"].startswith("Quit")
        assert "Scroll Left" not in keys.values()
        assert keys["↑ k"] == "cursor up"
        assert keys["⏎"].startswith("open the card")
        for key in ("1", "2", "3", "4", "y", "x", "w", "d", "q"):
            assert key in keys
        await pilot.press("escape")
        board_screen(app)


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quit_keys(board_path: Path, key: str) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running


async def test_click_selects_without_opening(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        interviewed = column(app, Stage.INTERVIEWED)
        assert await pilot.click(interviewed, offset=(3, 1))
        assert app.screen is board_screen(app)  # not opened
        assert board_screen(app).current_column is interviewed
        assert board_screen(app).selected_card is not None
        assert board_screen(app).selected_card.id == "cccc"
        applied = column(app, Stage.APPLIED)
        assert await pilot.click(applied, offset=(3, 7))  # the second card, below the rule
        assert board_screen(app).selected_card is not None
        assert board_screen(app).selected_card.id == "bbbb"


async def test_everything_is_there_after_quitting_and_reopening(board_path: Path) -> None:
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"Acme", "ctrl+s", "L", "ctrl+s", "L", "ctrl+s")  # an interview today, a follow-up
        await pilot.press("n", *"Globex", "ctrl+s", "x", "x", "escape", "q")
    after_first = saved(board_path)
    reopened = app_with(board_path)
    async with reopened.run_test(size=SIZE):
        assert reopened.session.board == after_first
        acme = next(card for card in after_first.cards if card.company == "Acme")
        globex = next(card for card in after_first.cards if card.company == "Globex")
        assert shown_ids(reopened, Stage.FOLLOWED_UP) == [acme.id]
        assert shown_ids(reopened, Stage.RESOLVED) == [globex.id]
        assert "nos until yes 1" in str(board_screen(reopened).query_one("#header", Static).render())


async def test_readme_key_table_matches_the_bindings(board_path: Path) -> None:
    from tests.test_readme import readme_key_table

    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert readme_key_table() == dict(app.screen.rows)


BROKEN = b'schema_version = 1\n\n[[cards]]\nid = "k7m2"\ncompany = "Acme"\napplied = "last week"\n'


async def test_an_unreadable_file_is_shown_and_never_opened(board_path: Path) -> None:
    board_path.parent.mkdir(parents=True)
    board_path.write_bytes(BROKEN)
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LoadErrorScreen)
        assert app.session.load_error is not None
        shown = " ".join(str(widget.render()) for widget in app.screen.query(Static))
        assert str(board_path) in shown
        assert "cards[0].applied" in shown
        await pilot.press("n", "y", "x", "d")  # no board keys here
        assert isinstance(app.screen, LoadErrorScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert board_path.read_bytes() == BROKEN


def test_run_app_exits_2_and_names_the_problem_on_stderr(
    board_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    board_path.parent.mkdir(parents=True)
    board_path.write_bytes(BROKEN)
    # Stand in for the terminal: load the board as the real run would, without drawing.
    monkeypatch.setattr(FuBoardApp, "run", lambda self: self.get_default_screen())
    assert run_app(board_path, today=TODAY) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(board_path) in err
    assert "cards[0].applied" in err
    assert board_path.read_bytes() == BROKEN


async def test_ctrl_c_says_which_key_quits_in_plain_words(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        (notice,) = app._notifications
        assert (notice.title, str(notice.message)) == ("Do you want to quit?", "Press q to quit fu-board.")
        assert app.is_running
