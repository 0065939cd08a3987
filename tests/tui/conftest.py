"""Pilot, made to wait for each key to be handled rather than for the machine to look idle,
and for the app's background saves after the keys, as a person's next look at the file
would: the tests assert on the file after the keys that change it."""

from __future__ import annotations

import gc
import time
import unicodedata
from collections.abc import Iterator

import pytest
from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.worker import WorkerState

from fu_board.tui.app import FuBoardApp

PRESS_WITHOUT_WAITING = Pilot.press
"""Pilot's own press, for the tests of saving in the background."""


def key_event(key: str) -> events.Key:
    """The event the terminal driver sends for `key` ("a", " ", "enter", "ctrl+s", "slash"),
    built as Pilot builds it (`App._press_keys`)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        character: str | None = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        character = key if len(key) == 1 else None
    return events.Key(key, character)


async def press_and_settle(self: Pilot[object], *keys: str) -> None:
    """Each key handed over as the terminal does, then waited on until it has been handled
    (`KeyGate.settled`: the screen settled, no flow about to open a dialog) and its save
    written, as a person looks at the screen before the next key. Pilot's own press waits
    at least 40 ms a key for the process to look idle instead."""
    app = self.app
    if not isinstance(app, FuBoardApp) or app._driver is None:
        await PRESS_WITHOUT_WAITING(self, *keys)
        return
    for key in keys:
        if not app.is_running:
            return
        event = key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)
        await self._wait_for_screen()  # the app has taken the key: the gate is shut behind it
        await app.keys.settled()
        await app.animator.wait_until_complete()
        await settled(self, app)


SETTLE_PATIENCE = 60.0
"""Seconds the app may take to settle after a key: far more than any key takes on a busy
machine; past it the test fails and says what kept changing, rather than hang."""


def quiet(app: FuBoardApp) -> bool:
    """Whether no message waits anywhere: the app, every screen and every widget on them
    have handled all they were sent (a chain of messages, one posting the next, is over)."""
    nodes = [app, *(node for screen in app.screen_stack for node in screen.walk_children(with_self=True))]
    return all(node._message_queue.empty() for node in nodes)


async def settled(pilot: Pilot[object], app: FuBoardApp) -> None:
    """Wait for the saves, and for what they start (a conflict's question), until nothing is
    left to handle anywhere and the screen, the focus and the workers stay as they are."""
    seen: object = None
    deadline = time.monotonic() + SETTLE_PATIENCE
    while True:
        if not app.is_running or app._exception is not None:  # gone, or stopped on an error
            return
        await app.saves_settled()
        await pilot._wait_for_screen()
        now = (app.screen, app.focused, [(worker.name, worker.state) for worker in app.workers])
        if now == seen and quiet(app) and not any(state is WorkerState.PENDING for _, state in now[2]):
            return
        assert time.monotonic() < deadline, f"the app never settled: {now}"
        seen = now


@pytest.fixture(autouse=True)
def _press_waits_for_keys_and_saves(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Pilot, "press", press_and_settle)


@pytest.fixture(autouse=True)
def _unfreeze_after_each_app() -> Iterator[None]:
    """The app freezes what it loaded out of the cycle collector's way (`gc.freeze`); one
    process running hundreds of apps lets the collector see each one's leftovers again."""
    yield
    gc.unfreeze()
    gc.enable()  # given back by each app as it ends (`IdleCollection.stop`); a test that fails may not get there
