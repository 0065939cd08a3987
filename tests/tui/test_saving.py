"""The TUI and its file: failed saves keep every edit, and changes made outside are never lost."""

from __future__ import annotations

import errno
import os
import threading
import time
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Label, Static

from fu_board import store
from fu_board.cli import main
from fu_board.model import EventKind, Outcome, Stage
from fu_board.tui.app import EXIT_UNSAVED
from fu_board.tui.screens.card_detail import CardScreen
from fu_board.tui.screens.confirm import ConfirmScreen
from tests.conftest import leftovers
from tests.tui.conftest import PRESS_WITHOUT_WAITING
from tests.tui.helpers import SIZE, app_with, board_screen, saved, shown_ids, wait_until
from tests.tui.test_board_keys import small_board


def _disk_full(path: Path, data: bytes) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def header(app: object) -> str:
    return str(board_screen(app).query_one("#header", Static).render())  # type: ignore[arg-type]


async def test_a_failed_save_keeps_the_change_says_so_and_retries(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_with(board_path, small_board())
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(store, "write_atomically", _disk_full)
        await pilot.press("2", "ctrl+s")  # Acme to Interviewed, an interview today: the disk is full
        assert app.session.unsaved
        assert app.session.board.card("aaaa").stage is Stage.INTERVIEWED  # kept in memory
        assert shown_ids(app, Stage.INTERVIEWED) == ["cccc", "aaaa"]  # Initech's thank-you is older
        assert "NOT SAVED" in header(app)
        assert any("No space left on device" in str(n.message) for n in app._notifications)
        assert board_path.read_bytes() == before
        assert leftovers(board_path.parent) == ["board.toml"]  # no temporary file left
        await pilot.press("q")  # asks before losing anything
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.is_running
        monkeypatch.undo()  # space again
        await pilot.press("ctrl+s")
        assert not app.session.unsaved
        assert "NOT SAVED" not in header(app)
        assert saved(board_path).card("aaaa").stage is Stage.INTERVIEWED
        # The failure's notice is gone (it would cover the next dialog), and the save is said.
        assert [str(n.message) for n in app._notifications] == ["Saved: every change is in the file now."]
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_the_next_change_saves_what_a_failed_save_left(board_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(store, "write_atomically", _disk_full)
        await pilot.press("2", "ctrl+s")
        monkeypatch.undo()
        await pilot.press("h", "y")  # back in Applied, Globex: a yes; both changes are saved
        assert not app.session.unsaved
        notices = [str(n.message) for n in app._notifications]
        assert "Saved: every change is in the file now." in notices
        assert any("yes" in notice.lower() and "Saved" not in notice for notice in notices), notices  # kept
    on_disk = saved(board_path)
    assert on_disk.card("aaaa").stage is Stage.INTERVIEWED
    assert on_disk.card("bbbb").outcome is Outcome.YES


async def test_quitting_with_unsaved_changes_can_be_confirmed(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_with(board_path, small_board())
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(store, "write_atomically", _disk_full)
        await pilot.press("2", "ctrl+s", "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == EXIT_UNSAVED
    assert board_path.read_bytes() == before


async def test_keys_typed_after_q_answer_its_question_not_the_board(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`q`, `q`, `y` in one burst while a save that will fail is still under way: one
    question, and the `y` answers it (it went to the board and resolved the selected card
    as a yes, under two questions)."""
    app = app_with(board_path, small_board())
    failing = threading.Event()

    def slow_full_disk(path: Path, data: bytes) -> None:
        assert failing.wait(10), "the test never let the save go on"
        _disk_full(path, data)

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")  # Initech, in Interviewed
        selected = board_screen(app).selected_id()
        monkeypatch.setattr(store, "write_atomically", slow_full_disk)
        await PRESS_WITHOUT_WAITING(pilot, "1")  # back to Applied: its save waits on the disk
        assert app.session.saving
        for key in ("q", "q", "y"):  # one burst: the first q waits for that save
            event = events.Key(key, key)
            event.set_sender(app)
            app.post_message(event)
        await wait_until(pilot, lambda: app.keys.holding, "the keys after q held")
        failing.set()
        await wait_until(pilot, lambda: not app.is_running, "the app to quit")
    assert app.return_code == EXIT_UNSAVED
    assert app.session.board.card(selected).outcome is None


async def test_a_card_added_by_the_cli_meanwhile_is_kept(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        assert main(["add", "FromCLI", "--board", str(board_path)]) == 0  # another terminal
        await pilot.press("2", "ctrl+s")  # the TUI's own change, made on what is in the file now
        cli_card = next(card for card in app.session.board.cards if card.company == "FromCLI")
        assert cli_card.id in shown_ids(app, Stage.APPLIED)
        assert board_screen(app).selected_card is not None
        assert board_screen(app).selected_card.id == "aaaa"
    on_disk = saved(board_path)
    assert {card.company for card in on_disk.cards} == {"Acme", "Globex", "Initech", "FromCLI"}
    assert on_disk.card("aaaa").stage is Stage.INTERVIEWED


async def test_a_card_deleted_meanwhile_is_not_brought_back(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        board = saved(board_path)
        store.save_board(board_path, board.replace(cards=board.cards[1:]))  # aaaa deleted outside
        await pilot.press("2", "ctrl+s")  # on aaaa, still on screen: deleted there, changed here, so asked
        assert "Changed here and outside fu-board" in str(app.screen.query_one(".dialog-title", Label).content)
        await pilot.press("f")  # keep the file's version: deleted
        assert "aaaa" not in shown_ids(app, Stage.APPLIED)
        assert "aaaa" not in shown_ids(app, Stage.FOLLOWED_UP)
        assert app.screen is board_screen(app)
        assert not app.session.unsaved
    assert [card.id for card in saved(board_path).cards] == ["bbbb", "cccc"]


async def test_a_file_broken_meanwhile_is_left_alone(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        board_path.write_bytes(b"schema_version = [oops\n")  # a bad hand edit while the board is open
        app.poll_file()
        app.poll_file()
        await pilot.pause()
        assert app.session.board.card("aaaa").stage is Stage.APPLIED  # the board on screen stays as it was
        said = [str(n.message) for n in app._notifications if "cannot be read now" in str(n.message)]
        assert len(said) == 1  # said once, not at every poll
        await pilot.press("2", "ctrl+s")
        assert app.session.unsaved  # kept in memory, not written over the file
        assert app.session.board.card("aaaa").stage is Stage.INTERVIEWED
        assert any("Not saved" in str(n.message) and "not valid TOML" in str(n.message) for n in app._notifications)
    assert board_path.read_bytes() == b"schema_version = [oops\n"


async def test_editing_interviews_in_the_card(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "enter")
        field = app.screen.query_one("#field-interviews")
        field.value = "2026-11-20 with Ana Lee, Bo Chen; 2026-11-2"  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.screen.query_one("#error-interviews", Static).display
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CardScreen)  # refused
        field.value = "2026-11-20 with Ana Lee, Bo Chen; 2026-11-24"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        board_screen(app)
    card = saved(board_path).card("cccc")
    assert [(i.date.isoformat(), i.interviewers) for i in card.interviews] == [
        ("2026-11-20", ("Ana Lee", "Bo Chen")),
        ("2026-11-24", ()),
    ]
    assert card.timeline[-1].kind is EventKind.EDITED
    assert card.timeline[-1].note == "changed interviews"


async def test_opening_a_card_changes_nothing_even_with_odd_characters(board_path: Path) -> None:
    board = small_board()
    odd = board.cards[0].replace(note="line one\r\nline two\x1b", role="Eng\tineer")
    board = board.replace(cards=(odd, *board.cards[1:]))
    app = app_with(board_path, board)
    before = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "escape")  # no edit: closes without a warning
        board_screen(app)
        await pilot.press("enter", "ctrl+s")  # saving an untouched card records nothing
        board_screen(app)
    assert board_path.read_bytes() == before


async def test_an_application_date_in_the_future_is_refused(board_path: Path) -> None:
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"Acme")
        applied = app.screen.query_one("#field-applied")
        applied.value = "2026-11-26"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        error = app.screen.query_one("#error-applied", Static)
        assert "is in the future (today is 2026-11-25)" in str(error.render())
    assert saved(board_path).cards == ()


async def test_a_board_that_cannot_be_created_says_where_and_why(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(path: Path, data: bytes) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(store, "write_atomically", read_only)
    app = app_with(board_path)
    async with app.run_test(size=SIZE):
        shown = " ".join(str(widget.render()) for widget in app.screen.query(Static))
        assert str(board_path) in shown
        assert "could not be saved: Permission denied" in shown
        assert "fu-board could not create one" in shown
    assert not board_path.exists()


async def test_a_save_starts_once_the_change_is_on_screen(board_path: Path) -> None:
    """A save holds the interpreter for much of its time: it waits for the frame that
    shows the change, so the two never compete."""
    app = app_with(board_path, small_board())
    frames: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        display = app._display
        commit = app.session.file.commit_if_unchanged

        def shown(*args: object, **kwargs: object) -> None:
            time.sleep(0.05)  # a slow frame: a save not waiting for it would start meanwhile
            display(*args, **kwargs)  # type: ignore[arg-type]
            frames.append("frame")

        def committing(board: object) -> object:
            frames.append("save")
            return commit(board)  # type: ignore[arg-type]

        app._display = shown  # type: ignore[method-assign]
        app.session.file.commit_if_unchanged = committing  # type: ignore[method-assign]
        moved = board_screen(app).selected_id()
        await pilot.pause()
        frames.clear()
        await pilot.press("y")  # a yes: one change, no dialog
        await app.saves_settled()
    assert frames.count("save") == 1
    assert frames.index("save") > 0  # a frame first
    assert saved(board_path).card(moved).outcome is Outcome.YES
