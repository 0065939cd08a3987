"""The card screen edits every contact of a card, adds one and removes one, as
`fu-board contact` adds them: not only the first."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Label

from fu_board.model import Board, Contact, EventKind
from fu_board.tui.screens.card_detail import CardScreen
from tests.tui.helpers import SIZE, app_with, board_screen, make_card, saved

DANA = Contact(name="Dana Ortiz", email="dana@acme.example", title="Hiring Manager")
LEE = Contact(name="Lee Park", email="lee@acme.example", phone="+1 555 0100")


def _board(*contacts: Contact) -> Board:
    return Board(cards=(make_card("aaaa", "Acme", 3, contacts=contacts), make_card("bbbb", "Globex", 2)))


def _field(screen: CardScreen, name: str) -> Input:
    return screen.query_one(f"#field-{name}", Input)


async def _opened(pilot: Pilot[int], *keys: str) -> CardScreen:
    """The card screen the keys open."""
    await pilot.press(*keys)
    screen = pilot.app.screen
    assert isinstance(screen, CardScreen)
    return screen


def _shown_labels(screen: CardScreen) -> list[str]:
    return [str(label.render()) for label in screen.query(".field-label").results(Label) if label.display]


async def test_every_contact_has_its_rows_and_one_more_can_be_added(board_path: Path) -> None:
    app = app_with(board_path, _board(DANA, LEE))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _opened(pilot, "enter")
        labels = _shown_labels(screen)
        start = labels.index("Contact")
        assert labels[start : start + 9] == [
            "Contact",
            "Their title",
            "Email",
            "Phone",
            "Contact 2",
            "Their title",
            "Email",
            "Phone",
            "Add contact",
        ]
        assert [_field(screen, name).value for name in ("contact_name", "contact2_name", "contact2_phone")] == [
            "Dana Ortiz",
            "Lee Park",
            "+1 555 0100",
        ]
        _field(screen, "contact2_email").value = "lee.park@acme.example"
        _field(screen, "contact_new").value = "Sam Reyes"
        await pilot.press("ctrl+s")
        board_screen(app)
    card = saved(board_path).card("aaaa")
    assert card.contacts == (DANA, LEE.replace(email="lee.park@acme.example"), Contact(name="Sam Reyes"))
    assert card.timeline[-1].kind is EventKind.EDITED
    assert card.timeline[-1].note == "changed contacts"


async def test_clearing_a_contacts_rows_removes_it(board_path: Path) -> None:
    app = app_with(board_path, _board(DANA, LEE))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _opened(pilot, "enter")
        for part in ("name", "title", "email", "phone"):
            _field(screen, f"contact_{part}").value = ""
        await pilot.press("ctrl+s")
        board_screen(app)
    assert saved(board_path).card("aaaa").contacts == (LEE,)


async def test_the_reused_screen_shows_each_cards_own_contacts(board_path: Path) -> None:
    """The card screen is built once and filled again for each card: a card with three
    contacts gets rows for its third, and a card with none shows one empty contact and
    no row to add another."""
    sam = Contact(name="Sam Reyes")
    app = app_with(board_path, _board(DANA, LEE, sam))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _opened(pilot, "j", "enter")  # Globex, no contact, first
        labels = _shown_labels(screen)
        assert "Add contact" not in labels
        assert labels.count("Their title") == 1
        assert _field(screen, "contact_name").value == ""
        await pilot.press("escape", "k", "enter")  # Acme, three contacts: the same screen, rows added
        assert app.screen is screen
        labels = _shown_labels(screen)
        assert labels.count("Their title") == 3
        assert labels.index("Contact 3") < labels.index("Add contact") < labels.index("Applied")
        assert _field(screen, "contact3_name").value == "Sam Reyes"
        await pilot.press("escape", "j", "enter")  # Globex again: the extra rows hidden
        assert app.screen is screen
        assert _shown_labels(screen).count("Their title") == 1
        _field(screen, "contact_name").value = "Ana Lee"
        await pilot.press("ctrl+s")
        board_screen(app)
    assert saved(board_path).card("bbbb").contacts == (Contact(name="Ana Lee"),)
    assert saved(board_path).card("aaaa").contacts == (DANA, LEE, sam)
