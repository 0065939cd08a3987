"""The card screen is built once per app and shown again for every card opened; it
draws the board behind it its own (faster) way, and no cycle collection runs between
the key and the card drawn. Reopened, it must look and behave exactly like a new
one: these tests compare the two after leaving every kind of state behind (typed
text, problems, cursors, selections, scrolling, undo history, warnings)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.renderables.background_screen import BackgroundScreen
from textual.selection import SELECT_ALL
from textual.strip import Strip
from textual.visual import RichVisual
from textual.widgets import Input, Static, TextArea

from fu_board.demo import demo_board
from fu_board.model import Board, Card
from fu_board.tui.app import FuBoardApp
from fu_board.tui.screens.card_detail import CARD_SCREEN, CardScreen, DimmedScreen
from fu_board.tui.widgets.form_fields import FormFields
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, make_card, saved

LONG_LINK = "https://boards.example/jobs/" + "very-long-path-segment/" * 6 + "apply"


def board() -> Board:
    """Two cards in Applied (aaaa first); aaaa has a link longer than its field, a note
    longer than its box and a timeline longer than the screen."""
    note = "\n".join(f"line {n} of a note longer than the box it is typed in" for n in range(12))
    applied = TODAY - dt.timedelta(days=40)
    follow_ups = [{"date": applied + dt.timedelta(days=n), "kind": "followed_up", "note": f"#{n}"} for n in range(30)]
    return Board(
        cards=(
            make_card("bbbb", "Globex", 5, role="Analyst"),
            Card.validate(
                {
                    "id": "aaaa",
                    "company": "Acme",
                    "role": "Engineer",
                    "link": LONG_LINK,
                    "note": note,
                    "applied": applied,
                    "timeline": [{"date": applied, "kind": "applied"}, *follow_ups],
                }
            ),
        )
    )


def card_screen(app: FuBoardApp) -> CardScreen:
    screen = app.screen
    assert isinstance(screen, CardScreen), f"expected the card, got {screen!r}"
    return screen


def field(app: FuBoardApp, name: str) -> Input:
    return card_screen(app).query_one(f"#field-{name}", Input)


def state(screen: CardScreen) -> dict[str, Any]:
    """Everything of the screen a person could see or feel the difference of: the rows
    shown, in their order (a screen shown again keeps the rows of another card's contacts,
    hidden), and everything about them."""
    note = screen.query_one(TextArea)
    inputs = [
        (
            widget.id,
            widget.value,
            widget.cursor_position,
            widget.selection,
            widget.scroll_x,
            widget.disabled,
            widget.has_class("-invalid"),
        )
        for widget in screen.query(Input)
        if widget.display
    ]
    errors = {label.id: str(label.render()) for label in screen.query(".field-error") if label.display}
    return {
        "inputs": inputs,
        "errors": errors,
        "labels": [str(label.render()) for label in screen.query(".field-label") if label.display],
        "note": (
            note.text,
            note.selection,
            note.scroll_offset,
            note.read_only,
            note.classes,
            note.history.undo_stack,
            note.history.redo_stack,
        ),
        "timeline": str(screen.query_one("#timeline", Static).render()),
        "title": str(screen.query_one(".dialog-title", Static).render()),
        "hint": str(screen.query_one(".hint", Static).render()),
        "scroll": screen.query_one("VerticalScroll").scroll_offset,
        "focused": screen.focused.id if screen.focused else None,
        "focused_type": type(screen.focused).__name__,
        "maximized": screen.maximized,
        "selected": dict(screen.selections),
        "typed": screen.has_typed_changes(),
        "edited": sorted(screen.query_one(FormFields)._edited),
    }


async def seen(pilot: Pilot[Any]) -> tuple[dict[str, Any], str]:
    """The card screen's state and the whole terminal, once it has settled (the cursor
    shown, not blinking)."""
    await pilot.pause()
    await pilot.pause()
    focused = pilot.app.screen.focused
    if isinstance(focused, (Input, TextArea)):
        focused.cursor_blink = False
    await pilot.pause()
    return state(card_screen(pilot.app)), pilot.app.export_screenshot()  # type: ignore[arg-type]


async def fresh(pilot: Pilot[Any], *keys: str) -> tuple[dict[str, Any], str]:
    """What a newly built card screen shows after `keys` (which open a card)."""
    app = pilot.app
    if app.is_screen_installed(CARD_SCREEN):
        kept = app.get_screen(CARD_SCREEN)
        app.uninstall_screen(CARD_SCREEN)
        await kept.remove()
    await pilot.press(*keys)
    new = await seen(pilot)
    await pilot.press("escape")
    assert isinstance(app, FuBoardApp)
    board_screen(app)
    return new


async def leave_a_mess(pilot: Pilot[Any]) -> None:
    """Type, make problems, move cursors, select, scroll, undo: then throw it all away."""
    app = pilot.app
    assert isinstance(app, FuBoardApp)
    await pilot.press(*" Corp", "shift+left", "shift+left")  # typed, and two letters selected
    await pilot.press("tab", "tab", "home", "end", "left", "left")  # the link scrolled, its cursor moved
    await pilot.press("tab", "tab", "tab", "tab", "tab", *"not a date")  # applied: a problem shown
    field(app, "decision_expected").value = "2026-13-45"  # another one
    await pilot.pause()
    await pilot.press("ctrl+s")  # refused: the problems stay, focus on the first one
    note = card_screen(app).query_one(TextArea)
    note.focus()
    await pilot.press("end", *" more")
    note.undo()
    await pilot.press("pagedown", "pagedown")
    assert note.cursor_location != (0, 0)
    note.move_cursor((0, 0))
    await pilot.pause()
    note.scroll_to(y=4, animate=False, immediate=True)  # as by the mouse wheel: the cursor stays
    card_screen(app).query_one("VerticalScroll").scroll_end(animate=False)
    card_screen(app).maximize(note)  # as the command palette's "Maximize" does
    card_screen(app).selections = {card_screen(app).query_one("#timeline"): SELECT_ALL}  # as by the mouse
    await pilot.pause()
    screen = card_screen(app)
    assert screen.has_typed_changes()
    assert field(app, "company").selection.start != field(app, "company").selection.end
    assert field(app, "link").scroll_x > 0
    assert field(app, "link").cursor_position < len(LONG_LINK)
    assert screen.query_one("#error-applied").display
    assert field(app, "decision_expected").has_class("-invalid")
    assert screen.query_one(TextArea).history.redo_stack
    assert screen.query_one(TextArea).scroll_offset.y > 0
    assert screen.query_one("VerticalScroll").scroll_offset.y > 0
    assert screen.maximized is note
    assert screen.selections
    await pilot.press("escape")  # the note back in its place
    await pilot.press("escape")  # warned
    card_screen(app)
    await pilot.press("escape")  # thrown away
    board_screen(app)


async def test_one_card_screen_serves_every_card(board_path: Path) -> None:
    app = app_with(board_path, board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        first = card_screen(app)
        assert field(app, "company").value == "Acme"
        await pilot.press("escape", "j", "enter")
        assert card_screen(app) is first
        assert field(app, "company").value == "Globex"
        assert field(app, "role").value == "Analyst"
        assert field(app, "link").value == ""
        assert "Globex" in str(first.query_one(".dialog-title", Static).render())
        assert "bbbb" in str(first.query_one("#timeline", Static).render())
        assert first.query_one(TextArea).text == ""


async def test_a_reopened_card_is_as_new_after_a_mess(board_path: Path) -> None:
    app = app_with(board_path, board())
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        new = await fresh(pilot, "enter")
        await pilot.press("enter")
        await leave_a_mess(pilot)
        await pilot.press("enter")
        assert await seen(pilot) == new
        await pilot.press("escape")  # nothing typed this time: closes at once, no warning left over
        board_screen(app)
    assert board_path.read_bytes() == before


async def test_another_card_after_a_mess_is_as_new(board_path: Path) -> None:
    app = app_with(board_path, board())
    async with app.run_test(size=SIZE) as pilot:
        new = await fresh(pilot, "j", "enter")
        await pilot.press("k", "enter")
        await leave_a_mess(pilot)
        await pilot.press("j", "enter")
        assert await seen(pilot) == new


async def test_a_note_scrolled_by_the_wheel_starts_at_the_top_again(board_path: Path) -> None:
    app = app_with(board_path, board())
    async with app.run_test(size=SIZE) as pilot:
        new = await fresh(pilot, "enter")
        await pilot.press("enter")
        card_screen(app).query_one(TextArea).scroll_to(y=4, animate=False, immediate=True)
        await pilot.pause()
        assert card_screen(app).query_one(TextArea).scroll_offset.y == 4
        await pilot.press("escape", "enter")
        assert await seen(pilot) == new


async def test_the_warning_is_given_again_each_time(board_path: Path) -> None:
    app = app_with(board_path, board())
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(2):
            await pilot.press("enter", *" Corp", "escape")
            card_screen(app)  # warned, still open
            await pilot.press("escape")
            board_screen(app)


async def test_resolved_and_open_cards_in_turn(board_path: Path) -> None:
    """A resolved card has one more field, the date of its answer; the same screen shows
    it, hides it again for an open card, and reads only the fields it shows."""
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        resolved = await fresh(pilot, *"lll", "enter")
        still_open = await fresh(pilot, "h", "enter")
        for keys, new in (("l", resolved), ("h", still_open)) * 2:
            await pilot.press(keys, "enter")
            assert await seen(pilot) == new
            await pilot.press("escape")
        await pilot.press("enter")
        assert not field(app, "resolved_on").display
        open_id = card_screen(app).card.id
        field(app, "role").value = "Staff Engineer"
        await pilot.press("ctrl+s")
        board_screen(app)
        await pilot.press("l", "enter")
        assert field(app, "resolved_on").display
        resolved_id = card_screen(app).card.id
        field(app, "resolved_on").value = "2026-11-20"
        await pilot.press("ctrl+s")
        board_screen(app)
        in_memory = app.session.board
    on_file = saved(board_path)
    assert on_file == in_memory
    assert on_file.card(open_id).role == "Staff Engineer"
    assert on_file.card(open_id).resolved_on is None
    assert on_file.card(resolved_id).resolved_on == dt.date(2026, 11, 20)


async def test_edits_on_a_reopened_screen_are_saved(board_path: Path) -> None:
    app = app_with(board_path, board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await leave_a_mess(pilot)
        await pilot.press("j", "enter")
        field(app, "role").value = "Staff Analyst"
        field(app, "contact_email").value = "bo@globex.example"
        card_screen(app).query_one(TextArea).text = "a note"
        await pilot.press("ctrl+s")
        board_screen(app)
        await pilot.press("k", "enter")
        field(app, "company").value = "Acme Corp"
        await pilot.press("ctrl+s")
        board_screen(app)
        in_memory = app.session.board
    on_file = saved(board_path)
    assert on_file == in_memory
    assert on_file.card("bbbb").role == "Staff Analyst"
    assert on_file.card("bbbb").contacts[0].email == "bo@globex.example"
    assert on_file.card("bbbb").note == "a note"
    assert on_file.card("aaaa").company == "Acme Corp"
    assert on_file.card("aaaa").role == "Engineer"
    assert on_file.card("aaaa").note == board().card("aaaa").note


async def test_a_board_that_becomes_read_only_and_back(board_path: Path) -> None:
    app = app_with(board_path, board())
    async with app.run_test(size=SIZE) as pilot:
        writable = await fresh(pilot, "enter")
        app.session.file.read_only = "a test"
        read_only = await fresh(pilot, "enter")
        assert {row[0]: row[5] for row in read_only[0]["inputs"]}["field-company"]  # disabled
        assert "read-only" in read_only[0]["hint"]
        assert read_only[0]["focused_type"] == "VerticalScroll"
        for reason, new in ((None, writable), ("a test", read_only), ("a test", read_only), (None, writable)):
            app.session.file.read_only = reason
            await pilot.press("enter")
            assert await seen(pilot) == new
            # Scrolled, with nothing focused in it that would bring it back.
            card_screen(app).query_one("VerticalScroll").scroll_end(animate=False, immediate=True)
            card_screen(app).query_one(TextArea).scroll_to(y=3, animate=False, immediate=True)
            if reason:  # read-only: ctrl+s closes at once, even with the note maximized
                card_screen(app).maximize(card_screen(app).query_one(TextArea))
                await pilot.press("ctrl+s")
            else:
                await pilot.press("escape")
        app.session.file.read_only = None
    assert saved(board_path) == board()


async def test_stored_values_refused_then_reopened(board_path: Path) -> None:
    """Problems shown for values nobody typed (dates after today: typos in the file) are
    gone when the card is opened again, as on a new screen. Only the first is focused
    (Input drops `-invalid` itself when it loses the focus), so the second keeps its colour."""
    future = make_card("cccc", "Future", -2, stage="resolved", outcome="no", resolved_on=TODAY + dt.timedelta(days=3))
    app = app_with(board_path, Board(cards=(future,)))
    async with app.run_test(size=SIZE) as pilot:
        new = await fresh(pilot, *"lll", "enter")
        await pilot.press("enter", "ctrl+s")
        assert field(app, "applied").has_class("-invalid")  # refused, nothing typed
        assert field(app, "resolved_on").has_class("-invalid")
        await pilot.press("escape")
        board_screen(app)
        await pilot.press("enter")
        assert await seen(pilot) == new


async def test_a_theme_changed_while_it_was_closed(board_path: Path) -> None:
    app = app_with(board_path, board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "escape")  # built, styled and closed in the first theme
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("enter")
        reopened = await seen(pilot)
        await pilot.press("escape")
        assert reopened == await fresh(pilot, "enter")


async def test_from_the_review_too(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        first = card_screen(app)
        await pilot.press("escape", "r", "e")
        assert card_screen(app) is first
        field(app, "role").value = "Staff Backend Engineer"
        await pilot.press("ctrl+s")
    assert saved(board_path).card("k7m2").role == "Staff Backend Engineer"


async def test_the_board_behind_is_dimmed_exactly_as_textual_dims_it(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`DimmedScreen` draws what `BackgroundScreen` would: the same segments, styles and all."""
    drawn: list[list[Strip]] = []
    draw = DimmedScreen.render_strips

    def drawing(self: DimmedScreen, *args: Any) -> list[Strip]:
        drawn.append(draw(self, *args))
        return drawn[-1]

    monkeypatch.setattr(DimmedScreen, "render_strips", drawing)
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        for keys in (("j", "l", "enter"), ("escape", "y", "enter")):  # then another look behind: a card resolved
            drawn.clear()
            await pilot.press(*keys)
            await pilot.pause()
            screen = card_screen(app)
            assert drawn, "the card screen draws the board behind it with DimmedScreen"
            below = app.screen_stack[-2]
            textual = RichVisual(screen, BackgroundScreen(below, screen.styles.background))
            width, height = screen.size
            expected = textual.render_strips(width, height, screen.visual_style, None)  # type: ignore[arg-type]
            assert len(drawn[-1]) == height
            assert [list(strip) for strip in drawn[-1]] == [list(strip) for strip in expected]
