"""Saving runs off the UI thread: keys never wait for the disk, saves coalesce, and quitting waits for them."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from fu_board import board as ops
from fu_board import store
from fu_board.board_file import update
from fu_board.model import Outcome, Stage
from tests.conftest import TODAY
from tests.tui.conftest import PRESS_WITHOUT_WAITING
from tests.tui.helpers import SIZE, app_with, board_screen, saved, shown_ids, wait_until
from tests.tui.test_board_keys import small_board


class SlowDisk:
    """Holds every board write until `release`, and counts them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gate = threading.Event()
        self.writes = 0
        real = store.write_atomically

        def held(path: Path, data: bytes) -> None:
            if path.name == "board.toml":
                self.writes += 1
                assert self.gate.wait(10), "the test never released the disk"
            real(path, data)

        monkeypatch.setattr(store, "write_atomically", held)

    def release(self) -> None:
        self.gate.set()


async def test_a_key_is_shown_before_its_save_reaches_the_disk(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_with(board_path, small_board())
    before = board_path.read_bytes()
    disk = SlowDisk(monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await PRESS_WITHOUT_WAITING(pilot, "l", "1")  # Initech back to Applied, the disk held
        assert shown_ids(app, Stage.APPLIED) == ["cccc", "aaaa", "bbbb"]
        assert shown_ids(app, Stage.INTERVIEWED) == []
        assert app.session.saving
        assert board_path.read_bytes() == before
        await PRESS_WITHOUT_WAITING(pilot, "j")  # the cursor still moves while the save waits
        assert board_screen(app).selected_id() == "aaaa"
        disk.release()
        await app.saves_settled()
        assert not app.session.unsaved
    assert saved(board_path).card("cccc").stage is Stage.APPLIED


async def test_changes_made_during_a_save_are_written_together_by_the_next(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_with(board_path, small_board())
    disk = SlowDisk(monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await PRESS_WITHOUT_WAITING(pilot, "y")  # Acme, a yes: the first save starts and waits
        await PRESS_WITHOUT_WAITING(pilot, "h", "h", "h", "y")  # Globex, back in Applied: waits for the first save
        await PRESS_WITHOUT_WAITING(pilot, "h", "h", "y")  # Initech, in Interviewed, too
        assert disk.writes == 1
        assert shown_ids(app, Stage.RESOLVED) == ["cccc", "bbbb", "aaaa"]  # on screen at once, the latest first
        disk.release()
        await app.saves_settled()
    assert disk.writes == 2  # one save for the first key, one for everything since
    on_disk = saved(board_path)
    assert [(card.stage, card.outcome) for card in on_disk.cards] == [(Stage.RESOLVED, Outcome.YES)] * 3
    assert on_disk == app.session.board


async def test_quitting_waits_for_the_save_under_way(board_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_with(board_path, small_board())
    disk = SlowDisk(monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await PRESS_WITHOUT_WAITING(pilot, "l", "1")  # Initech back to Applied
        threading.Timer(0.2, disk.release).start()
        await PRESS_WITHOUT_WAITING(pilot, "q")
        await wait_until(pilot, lambda: not app.is_running, "the app to quit once the slow save is done")
    assert app.return_code == 0
    assert saved(board_path).card("cccc").stage is Stage.APPLIED


async def test_a_change_saved_outside_during_a_save_is_merged_not_lost(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        real = app.session.file.commit_if_unchanged
        added: list[str] = []

        def outside_first(board: Any) -> Any:
            if not added:  # another writer saves just before this save takes the lock
                added.append(update(board_path, lambda b: ops.add_card(b, company="Outside", applied=TODAY)).card.id)
            return real(board)

        monkeypatch.setattr(app.session.file, "commit_if_unchanged", outside_first)
        await pilot.press("l", "1")  # Initech back to Applied
        await pilot.pause()
        on_disk = saved(board_path)
        assert on_disk.card("cccc").stage is Stage.APPLIED
        assert added[0] in [card.id for card in on_disk.cards]
        assert app.session.board == on_disk
        assert added[0] in shown_ids(app, Stage.APPLIED)
