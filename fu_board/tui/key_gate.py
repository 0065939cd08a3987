"""Keys in a burst reach the widget they were typed for.

A terminal hands the app every key of a paste, a fast typist or a slow ssh link at
once, and the app gives each to the widget focused at the moment it takes it. But a key
is handled later, in the turn of the widget it went to, and what it does (open a form,
move to the next field) comes later still: without a gate, `n` then `Fastco` gives the
board the letters of a form it has not opened yet, and `Fastco`, enter, `Speedy Role`
puts both in Company. So after each key the gate holds what follows until that key
has been handled: every node of the screen has processed what it was sent, no worker
is waiting to start (a flow about to open a dialog), and the screen and the focus have
stayed where they are for two rounds. Then the keys held are handed on, one by one, each
through the gate again. A key on its own, the usual case, costs one callback: only a
burst (keys the app finds waiting behind the one it took) pays for the waiting. A gate
that stays shut past `PATIENCE` opens anyway: no key is ever lost, at worst it lands
where it would have without the gate.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from textual import events
from textual.app import App
from textual.worker import WorkerState

PATIENCE = 0.5
"""Seconds a key's handling may hold the keys after it, at most."""
STILL = 2
"""Rounds in a row that the screen and the focus must stay as they are: a key's effects
can travel a chain of messages (a field's enter, its form, the screen), a round each."""


class KeyGate:
    """Holds the keys (and pastes) that arrive while the one before is being handled, and
    hands them on one at a time, in the order they came."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._held: list[events.Event] | None = None
        """The keys waiting, oldest first; None while the gate is open."""
        self._passing: events.Event | None = None
        """The held key handed on last: the one `hold` lets through."""
        self._asked = 0
        """How many holds the app asked for (`hold_all`) are still on."""
        self._settling: asyncio.Task[None] | None = None
        self._open = asyncio.Event()
        self._open.set()

    @property
    def holding(self) -> bool:
        """Whether a key is being handled, and the keys after it wait."""
        return self._held is not None

    def hold(self, event: events.Event) -> bool:
        """Keep `event` (a key or a paste the app has not handed on yet) for later, if a key
        before it is still being handled; whether it was kept."""
        if event is self._passing:
            self._passing = None
            return False
        if self._held is None:
            return False
        self._held.append(event)
        return True

    async def settled(self) -> None:
        """Wait until the keys handed on so far have been handled (and none is held)."""
        await self._open.wait()

    def close(self) -> None:
        """A key was just handed on: hold what follows until it has been handled. A key on
        its own costs one callback (`_first_look`); only keys held behind it pay for
        making sure it has settled (`_settle`)."""
        if self._held is None:
            self._held = []
        self._open.clear()
        self.app.call_later(self._first_look)

    def hold_all(self) -> None:
        """Hold every key from now on, whatever is on screen, until `release_all` (quitting:
        what is typed meanwhile waits for its question, or goes with the app)."""
        self._asked += 1
        if self._held is None:
            self._held = []
        self._open.clear()

    def release_all(self) -> None:
        """End a `hold_all`: what is held is handed on once the screen has settled."""
        if self._asked:
            self._asked -= 1
            self.app.call_later(self._first_look)

    def stop(self) -> None:
        if self._settling is not None:
            self._settling.cancel()
        self._held = None
        self._open.set()

    def _first_look(self) -> None:
        """The app has taken every key that came with the last one (they were in its queue
        before this callback): with none held, the gate opens; with keys held, they wait
        until the key has settled."""
        if self._held is None or self._settling is not None or self._asked:
            return
        if self._held:
            self._settling = asyncio.create_task(self._settle())
            return
        self._held = None
        self._open.set()

    async def _settle(self) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + PATIENCE
        seen: tuple[object, object] | None = None
        still = 0  # rounds the screen and the focus have stayed as they are
        while loop.time() < deadline:
            await self._processed(deadline - loop.time())
            app = self.app
            now = (app.screen, app.focused)
            still = still + 1 if now == seen else 0
            if still >= STILL and not any(worker.state is WorkerState.PENDING for worker in app.workers):
                break
            seen = now
        self._settling = None
        self.app.call_later(self._hand_on)

    def _hand_on(self) -> None:
        """From the app's own queue, so that a key taken meanwhile is held behind the others:
        the oldest key held goes on (through the gate again), or the gate opens."""
        if self._asked or self._held is None or self._settling is not None:
            return
        if not self._held:
            self._held = None
            self._open.set()
            return
        self._passing = self._held.pop(0)
        self.app.post_message(self._passing)

    async def _processed(self, timeout: float) -> None:
        """Wait until the app, its screen and every widget on it have processed what they
        were sent before now (as Textual's Pilot waits for a screen)."""
        screen = self.app.screen
        pending = 0
        done = asyncio.Event()

        def one_done() -> None:
            nonlocal pending
            pending -= 1
            if pending == 0:
                done.set()

        for node in (self.app, *screen.walk_children(with_self=True)):
            if node.call_later(one_done):
                pending += 1
        if pending:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), max(timeout, 0))
