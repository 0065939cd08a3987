"""A person's text is shown as text: never markup, never escape sequences for the terminal."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time
from pathlib import Path

from textual.widgets import Input, Static

from fu_board import board as ops
from fu_board.board_file import update
from fu_board.model import Board, Card, Outcome, Stage
from fu_board.store import load_board, save_board
from fu_board.text import visible
from fu_board.tui.screens.card_detail import CardScreen
from fu_board.tui.screens.choose import ChooseScreen
from fu_board.tui.screens.review import ReviewScreen
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, column

PAYLOADS = (
    "[b]bold[/b]",
    "[/",
    "[@click=app.quit]click me[/]",
    "[link=https://evil.example]link[/link]",
    "\x1b]0;pwned\x07",
    "\x1b]8;;https://evil.example\x07x\x1b]8;;\x07",
    "\x9b2J",
    "\u202e",
    "\x1b[31mred",
)
HOSTILE = " ".join(PAYLOADS)
NEVER_ON_THE_TERMINAL = (
    b"\x1b]0;pwned",
    b"\x1b]8;;https://evil",
    "\x9b2J".encode(),
    "\u202e".encode(),
    b"\x1b[31mred",
)


def hostile_board() -> Board:
    """Every text field of every kind of card holds every payload."""
    applied = TODAY - dt.timedelta(days=9)
    text = f"Acme {HOSTILE}"
    common = {
        "company": text,
        "role": text,
        "link": text,
        "note": f"{HOSTILE}\nsecond line {HOSTILE}",
        "contacts": [{"name": text, "email": text, "phone": text, "title": text}],
        "applied": applied,
        "timeline": [
            {"date": applied, "kind": "applied", "note": text},
            {"date": applied, "kind": "followed_up", "note": text},
        ],
    }
    return Board(
        cards=(
            Card.validate(common | {"id": "aaaa", "interviews": [{"date": applied, "interviewers": [text]}]}),
            Card.validate(common | {"id": "bbbb", "stage": "resolved", "outcome": "no", "resolved_on": TODAY}),
        )
    )


async def test_payloads_are_shown_as_text_and_run_nothing(board_path: Path) -> None:
    app = app_with(board_path, hostile_board())
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        prompt = column(app, Stage.APPLIED).card_text(0)
        assert visible(f"Acme {HOSTILE}", one_line=True) in str(prompt)
        assert "[@click=app.quit]click me[/]" in str(prompt)  # as typed, not a link
        for offset in ((3, 1), (10, 1), (20, 2), (5, 3)):
            await pilot.click(column(app, Stage.APPLIED), offset=offset)
            await pilot.click(board_screen(app).query_one("#header"), offset=(offset[0], 0))
        assert app.is_running
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen)
        company = app.screen.query_one("#field-company", Input)
        assert company.value == visible(f"Acme {HOSTILE}", one_line=True)
        timeline = str(app.screen.query_one("#timeline", Static).render())
        assert "[@click=app.quit]click me[/]" in timeline
        app.screen.query_one("#timeline").scroll_visible(animate=False)
        await pilot.pause()
        for offset in ((2, 1), (30, 2), (12, 3)):
            await pilot.click(app.screen.query_one("#timeline"), offset=offset)
        await pilot.press("escape")  # nothing was edited: closes at once
        board_screen(app)
        for keys in (("d",), ("question_mark",), ("i",), ("f",), ("4",)):  # each dialog names the card
            await pilot.press(*keys)
            assert app.is_running
            await pilot.press("escape")
            board_screen(app)
        await pilot.press("l", "l", "l", "enter", "escape")
        assert app.is_running
        await pilot.press("h", "h", "h", "r")  # the daily review shows the card and its message
        assert isinstance(app.screen, ReviewScreen)
        message = str(app.screen.query_one("#review-message", Static).render())
        assert "[@click=app.quit]click me[/]" in message  # as typed, not markup
        assert "␛]0;pwned" in message
        for offset in ((2, 1), (30, 2), (12, 3)):
            await pilot.click(app.screen.query_one("#review-message"), offset=offset)
        await pilot.press("c")
        assert "\x1b]0;pwned" in app.clipboard  # copied exactly as stored
        for keys in (("f",), ("i",), ("s",), ("e",)):
            await pilot.press(*keys)
            assert app.is_running
            await pilot.press("escape")
            assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        assert app.is_running
    assert board_path.read_bytes() == before  # looking changes nothing


def _pump(fd: int, seconds: float, *, quiet: float = 0.25) -> bytes:
    """What the program writes within `seconds`, stopping once it has been quiet a moment."""
    out = b""
    end = time.monotonic() + seconds
    last = time.monotonic()
    while time.monotonic() < end and not (out and time.monotonic() - last > quiet):
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
            last = time.monotonic()
    return out


def test_no_escape_sequence_from_the_board_reaches_the_terminal(board_path: Path) -> None:
    """Run the real program in a pseudo-terminal and read every byte it writes."""
    save_board(board_path, hostile_board())
    before = board_path.read_bytes()
    pid, fd = pty.fork()
    if pid == 0:  # the child: fu-board on a 120 x 40 terminal
        os.environ.update(TERM="xterm-256color", COLUMNS="120", LINES="40")
        os.execv(sys.executable, [sys.executable, "-m", "fu_board", "--board", str(board_path)])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out = _pump(fd, 10, quiet=0.5)
    assert b"Acme" in out, "the board did not appear"
    keys_pressed = (b"\r", b"\x1b", b"d", b"n", b"?", b"\x1b", b"i", b"\x1b", b"4", b"\x1b", b"lll\r", b"\x1b", b"hhh")
    # Then the review, a no with its script and a new lead, a yes, and the stats.
    after = (b"r", b"f", b"\x1b", b"\x1b", b"x", b"x", b"a", b"Lead", b"\x13", b"y", b"g", b"\x1b")
    for keys in (*keys_pressed, *after):
        os.write(fd, keys)
        out += _pump(fd, 2)
    os.write(fd, b"\x11")  # ctrl+q
    out += _pump(fd, 5)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    for sequence in NEVER_ON_THE_TERMINAL:
        assert sequence not in out, f"{sequence!r} reached the terminal"
    assert "␛]0;pwned".encode() in out  # shown, as a symbol
    assert b"Daily review" in out  # the review was drawn too
    assert b"Funnel" in out  # and the stats
    after_run = load_board(board_path)
    assert after_run.card("aaaa").company == f"Acme {HOSTILE}"  # stored exactly as it was
    assert after_run.card("aaaa").outcome is not None  # the no (and the yes after it) went through
    assert any(card.company == "Lead" for card in after_run.cards)
    assert before != board_path.read_bytes()


async def test_the_conflict_dialog_shows_payloads_as_text(board_path: Path) -> None:
    app = app_with(board_path, hostile_board())
    async with app.run_test(size=SIZE) as pilot:
        update(board_path, lambda b: ops.resolve_card(b, "aaaa", Outcome.NO, on=TODAY))  # another writer, same card
        await pilot.press("3")  # to Followed up here: both moved it
        assert isinstance(app.screen, ChooseScreen)
        detail = app.screen.query_one(".choose-detail", Static)
        shown = str(detail.render())
        assert "[@click=app.quit]click me[/]" in shown
        assert "␛]0;pwned" in shown
        assert "\x1b" not in shown
        for offset in ((2, 3), (10, 3), (30, 3), (5, 4)):
            await pilot.click(detail, offset=offset)
        assert app.is_running
        assert isinstance(app.screen, ChooseScreen)
