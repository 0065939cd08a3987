"""The work the app does in the background after its first frame gives way to keys."""

from __future__ import annotations

import datetime as dt
import gc
import threading
from pathlib import Path

import pytest

from fu_board.demo import demo_board
from fu_board.model import Board
from fu_board.search import Finder
from fu_board.tui import app as app_module
from fu_board.tui.idle_collection import IdleCollection
from fu_board.views import View
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with


def _view(cards: int) -> View:
    board = demo_board(TODAY)
    many = tuple(board.cards[index % len(board.cards)].replace(id=f"c{index:05}") for index in range(cards))
    return View(Board(cards=many), TODAY, dt.time(9, 0))


def _learned(finder: Finder, view: View) -> int:
    """How many of the view's cards' searchable texts have been made."""
    return len(finder.texts)


def test_prepare_looks_for_keys_before_each_step_and_stops_when_told() -> None:
    view = _view(app_module.LEARN_AT_ONCE * 2 + 1)
    asked: list[int] = []
    kept: list[bool] = []

    frozen: list[int] = []

    def give_way() -> bool:
        asked.append(_learned(view.finder, view))
        frozen.append(gc.get_freeze_count())
        return len(asked) < 4  # the app ends while the third batch waits

    app_module.prepare(view, lambda: kept.append(True), give_way)
    assert asked == [0, 0, 0, app_module.LEARN_AT_ONCE]  # before pydantic, the imports, and each batch
    assert frozen[3] > frozen[2]  # what the batch made is frozen before the next is asked about
    gc.unfreeze()
    assert _learned(view.finder, view) == app_module.LEARN_AT_ONCE
    assert kept == []  # nothing kept for an app that has ended

    asked.clear()
    app_module.prepare(view, lambda: kept.append(True), lambda: asked.append(0) or True)
    assert _learned(view.finder, view) == len(view.board.cards)
    assert kept == [True]


def test_quiet_for_counts_from_the_latest_input() -> None:
    now = [100.0]
    idle = IdleCollection(clock=lambda: now[0])
    idle.start()
    now[0] += 0.1
    assert idle.quiet_for() == pytest.approx(0.1)
    idle.activity()
    now[0] += 0.05
    assert idle.quiet_for() == pytest.approx(0.05)
    idle.stop()


async def test_the_app_gives_way_while_keys_come_and_not_once_it_has_ended(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.idle_collection.activity()  # a key just now
        assert app.idle_collection.quiet_for() < app.GIVE_WAY
        started = app.idle_collection.quiet_for()
        assert app.give_way()  # returns once it has been quiet long enough
        assert app.idle_collection.quiet_for() >= app.GIVE_WAY > started
    assert not app.give_way()  # the app has ended: no waiting, and no going on


def test_threads_share_one_malloc_arena_where_glibc_allows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes

    calls: list[tuple[int, int]] = []

    class Libc:
        def mallopt(self, parameter: int, value: int) -> int:
            calls.append((parameter, value))
            return 1

    monkeypatch.setattr(ctypes, "CDLL", lambda _name: Libc())
    assert app_module.share_one_malloc_arena("linux")
    assert calls == [(app_module.M_ARENA_MAX, 1)]
    assert not app_module.share_one_malloc_arena("darwin")
    assert not app_module.share_one_malloc_arena("win32")
    assert calls == [(app_module.M_ARENA_MAX, 1)]  # nothing asked elsewhere

    class Musl:  # no mallopt at all
        pass

    monkeypatch.setattr(ctypes, "CDLL", lambda _name: Musl())
    assert not app_module.share_one_malloc_arena("linux")


async def test_a_worker_textual_cancels_goes_no_further(board_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As the app quits, Textual cancels its workers before the app unmounts."""

    class Cancelled:
        is_cancelled = True

    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.give_way()  # from the app's own thread, no worker: as before
        monkeypatch.setattr(app_module, "get_current_worker", Cancelled)
        app.idle_collection.activity()
        assert not app.give_way()  # at once, without waiting for a quiet moment


def test_what_is_alive_when_the_app_ends_is_frozen_for_the_exit() -> None:
    idle = IdleCollection()
    idle.start()
    kept = [[n] for n in range(1000)]  # tracked objects, made after the start
    before = gc.get_freeze_count()
    idle.stop()
    assert gc.get_freeze_count() >= before + len(kept)
    assert gc.isenabled()
    gc.unfreeze()


async def test_no_background_step_starts_while_a_quit_is_under_way(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app._quitting = True  # q pressed: saving, or asking before it quits
        app.idle_collection._last_input -= 10  # long quiet: only the quit holds the work back
        waiting = threading.Thread(target=app.give_way)
        waiting.start()
        waiting.join(timeout=app.GIVE_WAY * 2)
        assert waiting.is_alive()  # still waiting
        app._quitting = False  # the quit was called off: the work goes on
        waiting.join(timeout=30)
        assert not waiting.is_alive()
