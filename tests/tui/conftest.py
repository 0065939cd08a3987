"""Pilot, made to wait for the app's background saves after each key, as a person's next
look at the file would: the tests assert on the file after the keys that change it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from textual.pilot import Pilot

from fu_board.tui.app import FuBoardApp

PRESS_WITHOUT_WAITING = Pilot.press
"""Pilot's own press, for the tests of saving in the background."""


@pytest.fixture(autouse=True)
def _press_waits_for_saves(monkeypatch: pytest.MonkeyPatch) -> None:
    async def press_and_settle(self: Pilot[object], *keys: str) -> None:
        await PRESS_WITHOUT_WAITING(self, *keys)
        if isinstance(self.app, FuBoardApp):
            await self.app.saves_settled()

    monkeypatch.setattr(Pilot, "press", press_and_settle)


@pytest.fixture(autouse=True)
def _unfreeze_after_each_app() -> Iterator[None]:
    """The app freezes what it loaded out of the cycle collector's way (`gc.freeze`); one
    process running hundreds of apps lets the collector see each one's leftovers again."""
    yield
    gc.unfreeze()
    gc.enable()  # given back by each app as it ends (`IdleCollection.stop`); a test that fails may not get there
