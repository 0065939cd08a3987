"""`m` writes the message in the person's mail program (a `mailto:` through Textual's
`open_url`), then asks one question, "sent?", whose `y` logs it; `O` opens the card's link;
and every save from the board rewrites the calendar file the settings name."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from icalendar import Calendar

from fu_board.demo import demo_board
from fu_board.drafts import card_draft
from fu_board.mail import mailto
from fu_board.model import Channel, EventKind
from fu_board.tui.app import FuBoardApp
from fu_board.tui.screens.confirm import ConfirmScreen
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, saved
from tests.tui.test_review import review, shown


def opened_urls(app: FuBoardApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app asks Textual to open, instead of a real browser or mail program, on a
    desktop here (the tests run as over ssh, where nothing is opened)."""
    monkeypatch.delenv("SSH_TTY")
    monkeypatch.setenv("DISPLAY", ":0")
    urls: list[str] = []
    monkeypatch.setattr(app, "open_url", urls.append)  # fu-board passes the URL alone
    return urls


async def test_m_opens_the_mail_program_and_y_logs_the_follow_up_by_email(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = demo_board(TODAY)
    app = app_with(board_path, board)
    urls = opened_urls(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "m")  # Northwind: the first nudge, to Priya Raman
        expected = card_draft(board.card("k7m2"), board.settings, TODAY)
        assert expected is not None
        assert urls == [mailto(expected)]
        assert urls[0].startswith("mailto:priya@northwind.example?subject=My%20application%20for%20the%20Senior")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert "Acme Robotics" in shown(app, "card")  # logged: the next card
        await app.saves_settled()
    for source in (app.session.board, saved(board_path)):
        last = source.card("k7m2").timeline[-1]
        assert (last.kind, last.date, last.channel, last.person) == (
            EventKind.FOLLOWED_UP,
            TODAY,
            Channel.EMAIL,
            "Priya Raman",
        )


async def test_n_logs_nothing_and_the_card_stays(board_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_with(board_path, demo_board(TODAY))
    urls = opened_urls(app, monkeypatch)
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "m", "n")
        assert len(urls) == 1
        assert "Northwind Traders" in shown(app, "card")
        await app.saves_settled()
    assert board_path.read_bytes() == before


async def test_a_thank_you_mailed_is_logged_to_that_interviewer(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = demo_board(TODAY)
    monica = dataclasses.replace(board.card("h6yd").contacts[0], name="Monica Hall", email="monica@hooli.example")
    board = board.replace(
        cards=tuple(
            card.replace(contacts=(*card.contacts, monica)) if card.id == "h6yd" else card for card in board.cards
        )
    )
    app = app_with(board_path, board)
    urls = opened_urls(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "space", "space")  # to Hooli's thank-you to Monica Hall
        assert "To       Monica Hall" in shown(app, "card")
        await pilot.press("m")
        assert urls[-1].startswith("mailto:monica@hooli.example?subject=Thank%20you%3A%20the%20Site%20Reliability")
        await pilot.press("y")
        assert "To       Richard Roe" in shown(app, "card")
        await app.saves_settled()
    last = saved(board_path).card("h6yd").timeline[-1]
    assert (last.kind, last.person) == (EventKind.THANK_YOU, "Monica Hall")


async def test_no_email_known_says_so_and_opens_nothing(board_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_with(board_path, demo_board(TODAY))
    urls = opened_urls(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "space", "space", "space")  # Hooli's thank-you to Richard Roe: no address
        assert "To       Richard Roe" in shown(app, "card")
        await pilot.press("m")
        assert urls == []
        assert review(app) is app.screen
        assert any("No email known for Richard Roe: c copies" in str(n.message) for n in app._notifications)


async def test_capital_o_opens_the_cards_link(board_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_with(board_path, demo_board(TODAY))
    urls = opened_urls(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        assert board_screen(app).selected_id() == "k7m2"
        await pilot.press("O")
        assert urls == ["https://jobs.northwind.example/1234"]
        await pilot.press("r", "O")
        assert urls[-1] == "https://jobs.northwind.example/1234"


async def test_every_save_from_the_board_rewrites_the_calendar(board_path: Path, tmp_path: Path) -> None:
    calendar = tmp_path / "fu-board.ics"
    board = demo_board(TODAY)
    board = board.replace(settings=board.settings.replace(calendar_file=str(calendar)))
    app = app_with(board_path, board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "3")  # snooze Northwind three days
        await app.saves_settled()
        await pilot.pause()
    assert saved(board_path).card("k7m2").snoozed_until is not None
    written = Calendar.from_ical(calendar.read_text(encoding="utf-8"))
    nudge = next(e for e in written.walk("VEVENT") if str(e["UID"]) == "k7m2-applied-follow-up-1@fu-board")
    assert nudge.decoded("DTSTART") == saved(board_path).card("k7m2").snoozed_until


async def test_c_says_copied_when_the_system_clipboard_took_it(
    board_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_clipboard import fake_tool, got

    xclip = fake_tool(tmp_path / "bin", "xclip")
    monkeypatch.delenv("SSH_TTY")  # a local session, with an X display and xclip
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr("sys.platform", "linux")
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        notices = [str(n.message) for n in app._notifications]
        assert notices[-1] == "Copied: paste it into your email or LinkedIn."
        assert app.clipboard.startswith("Hi Priya, I applied")  # and through the terminal (OSC 52)
    assert got(xclip) == app.clipboard.encode("utf-8")


async def test_c_without_a_system_clipboard_says_how_to_copy_by_hand(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM_PROGRAM", "Apple_Terminal")
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (notice,) = [n for n in app._notifications if "clipboard" in str(n.message)]
        assert str(notice.message).startswith("Sent to the terminal's clipboard (OSC 52). If pasting gives nothing")
        assert notice.severity == "warning"
        assert shown(app, "message").startswith("Hi Priya")  # the message stays on screen, to select


async def test_m_after_a_no_writes_the_reply_in_the_mail_program(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fu_board.tui.screens.after_no import AfterNoScreen

    app = app_with(board_path, demo_board(TODAY))
    urls = opened_urls(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "x")  # Northwind: Priya Raman said no
        assert isinstance(app.screen, AfterNoScreen)
        await pilot.press("m")
        assert len(urls) == 1
        assert urls[0].startswith("mailto:priya@northwind.example?subject=Thank%20you%3A%20the%20Senior%20Backend")
        assert "body=Hi%20Priya%2C%20thank%20you%20for%20letting%20me%20know." in urls[0]
        assert isinstance(app.screen, AfterNoScreen)  # nothing to log: the no is logged already


async def test_ctrl_o_on_the_card_screen_mails_the_next_message_and_y_logs_it(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fu_board.tui.screens.card_detail import CardScreen

    app = app_with(board_path, demo_board(TODAY))
    urls = opened_urls(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Northwind's card
        assert isinstance(app.screen, CardScreen)
        await pilot.press("ctrl+o")
        assert urls[0].startswith("mailto:priya@northwind.example?subject=My%20application")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert isinstance(app.screen, CardScreen)
        await app.saves_settled()
        await pilot.press("ctrl+l")
        assert urls[-1] == "https://jobs.northwind.example/1234"
    last = saved(board_path).card("k7m2").timeline[-1]
    assert (last.kind, last.channel, last.person) == (EventKind.FOLLOWED_UP, Channel.EMAIL, "Priya Raman")


async def test_over_ssh_nothing_is_opened_in_this_terminal(board_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_with(board_path, demo_board(TODAY))
    urls: list[str] = []
    monkeypatch.setattr(app, "open_url", urls.append)  # SSH_TTY is set: a session over ssh
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "m")
        assert urls == []
        assert review(app) is app.screen  # no "sent?": nothing was sent
        assert any("No desktop here to open it on" in str(n.message) for n in app._notifications)
        await pilot.press("O")
        assert urls == []
