"""The moment of a no, the celebration of a yes, the counter in the header, and the stats screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from fu_board.demo import demo_board
from fu_board.model import EventKind, NoKind, Outcome, Stage
from fu_board.tui.screens.after_no import AfterNoScreen
from fu_board.tui.screens.choose import ChooseScreen
from fu_board.tui.screens.form_screen import FormScreen
from fu_board.tui.screens.review import ReviewScreen
from fu_board.tui.screens.stats import StatsScreen
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, saved, shown_ids


def header(app: object) -> str:
    return str(board_screen(app).query_one("#header", Static).render())  # type: ignore[arg-type]


async def test_a_no_is_greeted_as_progress_with_the_script_and_a_new_lead(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        assert "nos until yes 3 (any day now)" in header(app)  # 3 nos per yes so far, 3 since the last
        await pilot.press("l", "j", "x")  # Initech (below Hooli): Bill Lumbergh said no
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("x")
        after = app.screen
        assert isinstance(after, AfterNoScreen)
        assert after.greeting == "No #4 since your last yes: one step closer to the next one. Any day now."
        script = str(after.query_one("#after-no-script", Static).render())
        assert script.startswith("Hi Bill, thank you for letting me know. I am disappointed")
        assert "the Staff Engineer role at Initech" in script
        assert "other opportunities that would suit someone with my skills" in script
        await pilot.press("c")
        assert app.clipboard == after.script
        await pilot.press("a")  # they mentioned a lead: add it
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-contact", Input).value == "Bill Lumbergh"
        assert form.query_one("#field-note", Input).value == "Lead from Bill Lumbergh at Initech"
        await pilot.press(*"Initrode", "ctrl+s")
        board_screen(app)
        assert "nos until yes 4" in header(app)
        lead = next(card for card in app.session.board.cards if card.company == "Initrode")
        assert lead.id in shown_ids(app, Stage.APPLIED)
    on_disk = saved(board_path)
    initech, initrode = on_disk.card("b4nq"), on_disk.card(lead.id)
    assert (initech.outcome, initech.no_kind) == (Outcome.NO, NoKind.SAID)
    assert (initech.timeline[-1].kind, initech.timeline[-1].card) == (EventKind.LEAD, initrode.id)
    assert (initrode.timeline[-1].kind, initrode.timeline[-1].card) == (EventKind.LEAD, initech.id)
    assert initrode.timeline[-1].note == "lead from Bill Lumbergh at Initech"
    assert initrode.contacts == initech.contacts  # the whole contact: name, title, phone
    assert initrode.stage is Stage.APPLIED


async def test_silence_can_count_as_a_no(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "s")  # Northwind never answered
        assert isinstance(app.screen, AfterNoScreen)
        assert "(silence counts as a no)" in app.screen.greeting
        await pilot.press("escape")
        board_screen(app)
    assert saved(board_path).card("k7m2").no_kind is NoKind.SILENCE


async def test_escape_before_the_kind_changes_nothing(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "escape")
        board_screen(app)
        assert "nos until yes 3" in header(app)
    assert board_path.read_bytes() == before


async def test_a_yes_is_celebrated_and_the_counter_starts_again(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "l", "y")  # Acme Robotics: an offer
        await pilot.pause()
        messages = [str(notice.message) for notice in app._notifications]
        assert "A yes from Acme Robotics! Congratulations. 3 nos led here, and every one of them counted." in messages
        assert "nos until yes 0" in header(app)
    assert saved(board_path).card("c9we").outcome is Outcome.YES
    assert [card.outcome for card in saved(board_path).cards].count(Outcome.NO) == 3  # the history keeps every no


async def test_a_no_in_the_review_then_the_next_card(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "x", "x")  # Northwind: they said no
        assert isinstance(app.screen, AfterNoScreen)
        await pilot.press("escape")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert "Acme Robotics" in str(review.query_one("#review-card", Static).render())
    assert saved(board_path).card("k7m2").outcome is Outcome.NO


async def test_g_shows_the_stats(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        summary = str(screen.query_one("#stats-summary", Static).render())
        assert "Applied" in summary
        assert "✓ 1 yes   ✗ 3 no   ↩ 1 withdrawn" in summary
        assert "Nos until yes       3 (any day now)" in summary
        assert "Got an interview    62% of applications" in summary  # 8 of 13: Pied Piper's is only booked
        chart = str(screen.query_one("#stats-chart", Static).render())
        assert chart.count("\n") == 12  # a heading and twelve weeks
        assert "16 Nov" in chart
        await pilot.press("escape")
        board_screen(app)


async def test_a_lead_form_closed_without_a_lead_leaves_the_no_and_adds_nothing(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "j", "x", "x", "a")  # Initech said no; a lead? the form opens
        assert isinstance(app.screen, FormScreen)
        await pilot.press("escape")  # nothing typed: closes at once
        board_screen(app)
    on_disk = saved(board_path)
    assert on_disk.card("b4nq").outcome is Outcome.NO
    assert len(on_disk.cards) == len(demo_board(TODAY).cards)


async def test_the_timeline_shows_the_kind_of_no_and_the_linked_lead(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "j", "x", "x", "a", *"Initrode", "ctrl+s")
        lead = next(card for card in app.session.board.cards if card.company == "Initrode")
        screen = board_screen(app)
        screen.set_current(Stage.RESOLVED)
        screen.column(Stage.RESOLVED).select_card("b4nq")
        assert screen.column(Stage.RESOLVED).card_text(0).splitlines()[2] == "✗ no · today"
        await pilot.press("enter")
        timeline = str(app.screen.query_one("#timeline", Static).render())
        assert "resolved: ✗ no (they said no)" in timeline
        assert f"gave a lead: Initrode  → card {lead.id}" in timeline


async def test_a_silence_counted_as_a_no_gets_a_closing_note_and_no_lead(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "s")  # Northwind never answered
        after = app.screen
        assert isinstance(after, AfterNoScreen)
        assert after.script.startswith("Hi Priya, as I have not heard back, I will take it that")
        assert "letting me know" not in after.script
        await pilot.press("a")  # nobody offered a lead: nothing happens
        assert app.screen is after
        await pilot.press("c")
        assert app.clipboard == after.script
        await pilot.press("escape")
        screen = board_screen(app)
        screen.set_current(Stage.RESOLVED)
        screen.column(Stage.RESOLVED).select_card("k7m2")
        assert "✗ no (silence)" in screen.column(Stage.RESOLVED).card_text(0)
    assert len(saved(board_path).cards) == len(demo_board(TODAY).cards)


async def test_a_form_rejection_is_counted_and_needs_no_reply(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "f")  # Northwind: an automatic "we have decided to move forward with others"
        after = app.screen
        assert isinstance(after, AfterNoScreen)
        assert after.script == ""
        assert not after.query("#after-no-script")
        assert "it needs no reply" in str(after.query_one("#after-no-why", Static).render())
        assert after.greeting == "No #4 since your last yes: one step closer to the next one. Any day now."
        clipboard = app.clipboard
        await pilot.press("c")
        assert app.clipboard == clipboard  # nothing to copy
        await pilot.press("escape")
        assert "nos until yes 4" in header(app)
    assert (saved(board_path).card("k7m2").outcome, saved(board_path).card("k7m2").no_kind) == (Outcome.NO, NoKind.FORM)


async def test_x_on_a_card_that_is_already_a_no_says_so(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        screen = board_screen(app)
        screen.set_current(Stage.RESOLVED)
        screen.column(Stage.RESOLVED).select_card("w3hb")  # Dunder Mifflin: a no
        await pilot.press("x")
        assert app.screen is screen
        assert any("Dunder Mifflin is already a no." in str(n.message) for n in app._notifications)
    assert board_path.read_bytes() == before
