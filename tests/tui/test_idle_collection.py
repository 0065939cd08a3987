"""The cycle collector runs between keystrokes, never in the middle of one."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from fu_board.demo import demo_board
from fu_board.tui.idle_collection import IdleCollection
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Cycle:
    def __init__(self) -> None:
        self.me = self


def garbage(count: int) -> None:
    """`count` objects only the cycle collector can free."""
    for _ in range(count):
        Cycle()


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generation of each collection that runs, Python's own or asked for."""
    seen: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.collect()  # nothing waiting from earlier tests
    gc.callbacks.append(record)
    yield seen
    gc.callbacks.remove(record)
    gc.enable()


def quiet(clock: Clock) -> None:
    clock.now += IdleCollection.QUIET + 0.01


def test_nothing_is_collected_while_keys_come(collections: list[int]) -> None:
    clock = Clock()
    idle = IdleCollection(clock)
    idle.start()
    assert not gc.isenabled()  # Python collects nothing by itself while the app runs
    garbage(5 * IdleCollection.YOUNG)
    for _ in range(8):
        idle.activity()
        clock.now += IdleCollection.TICK
        assert idle.tick() is None
    assert collections == []


def young_collections(idle: IdleCollection, clock: Clock, count: int) -> list[int | None]:
    """`count` rounds of garbage, a key, then a short quiet moment."""
    generations = []
    for _ in range(count):
        garbage(2 * IdleCollection.YOUNG)
        idle.activity()
        assert idle.tick() is None
        quiet(clock)
        generations.append(idle.tick())
    return generations


def test_a_quiet_moment_collects_the_young(collections: list[int]) -> None:
    clock = Clock()
    idle = IdleCollection(clock)
    idle.start()
    idle.activity()
    quiet(clock)
    assert idle.tick() is None  # quiet, but too little to collect
    assert young_collections(idle, clock, 3) == [1, 1, 1]
    assert collections == [1, 1, 1]


def test_a_full_pass_waits_for_a_longer_pause(collections: list[int]) -> None:
    clock = Clock()
    idle = IdleCollection(clock)
    idle.start()
    assert young_collections(idle, clock, IdleCollection.FULL_EVERY) == [1] * IdleCollection.FULL_EVERY
    assert young_collections(idle, clock, 2) == [1, 1]  # due, but the pauses are short
    clock.now += IdleCollection.FULL_QUIET
    assert idle.tick() == 2
    assert idle.tick() is None
    assert collections == [1] * (IdleCollection.FULL_EVERY + 2) + [2]


def test_a_full_pass_comes_in_the_end_even_without_long_pauses(collections: list[int]) -> None:
    clock = Clock()
    idle = IdleCollection(clock)
    idle.start()
    young_collections(idle, clock, IdleCollection.FULL_EVERY)
    clock.now += IdleCollection.FULL_PATIENCE
    assert young_collections(idle, clock, 1) == [2]


def test_a_key_held_down_does_not_let_garbage_pile_up(collections: list[int]) -> None:
    clock = Clock()
    idle = IdleCollection(clock)
    idle.start()
    garbage(IdleCollection.RUNAWAY)
    idle.activity()
    assert idle.tick() == 1
    assert collections == [1]


def test_collection_goes_back_to_python_when_stopped(collections: list[int]) -> None:
    idle = IdleCollection()
    idle.start()
    idle.stop()
    assert gc.isenabled()
    garbage(2 * IdleCollection.YOUNG)
    assert idle.tick() is None


async def test_the_app_collects_only_between_keys(board_path: Path, collections: list[int]) -> None:
    app = app_with(board_path, demo_board(TODAY))
    clock = Clock()
    app.idle_collection = IdleCollection(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not gc.isenabled()
        collections.clear()
        garbage(2 * IdleCollection.YOUNG)
        await pilot.press("j")
        assert app.idle_collection.tick() is None  # a key just now
        await pilot.click("CardColumn")
        assert app.idle_collection.tick() is None  # a click counts too
        quiet(clock)
        assert app.idle_collection.tick() == 1
        assert collections == [1]
    assert gc.isenabled()  # given back when the app ends
