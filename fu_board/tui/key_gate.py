"""Keys in a burst reach the widget they were typed for.

A terminal hands the app every key of a paste, a fast typist or a slow ssh link at
once, and the app gives each to the widget focused at the moment it takes it. But a key
is handled later, in the turn of the widget it went to, and what it does (open a form,
move to the next field) comes later still: without a gate, `n` then `Fastco` gives the
board the letters of a form it has not opened yet, and `Fastco`, enter, `Speedy Role`
puts both in Company. So after each key the gate holds what follows until that key
has been handled: every node of the screen has processed what it was sent, no worker
is waiting to start (a flow about to open a dialog), and the screen and the focus have
stayed where they are for a round. Then the keys held are handed on, one by one, each
through the gate again. A gate that stays shut past `PATIENCE` opens anyway: no key is
ever lost, at worst it lands where it would have without the gate.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual import events
from textual.app import App
from textual.worker import WorkerState

PATIENCE = 0.5
"""Seconds a key's handling may hold the keys after it, at most."""


class KeyGate:
    """Holds the keys (and pastes) that arrive while the one before is being handled."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._held: list[events.Event] | None = None
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
        if self._held is None:
            return False
        self._held.append(event)
        return True

    async def settled(self) -> None:
        """Wait until the keys handed on so far have been handled (and none is held)."""
        await self._open.wait()

    def close(self) -> None:
        """A key was just handed on: hold what follows until it has been handled."""
        self._held = []
        self._open.clear()
        self._settling = asyncio.create_task(self._settle())

    def stop(self) -> None:
        if self._settling is not None:
            self._settling.cancel()
        self._open.set()

    async def _settle(self) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + PATIENCE
        seen: tuple[object, object] | None = None
        while loop.time() < deadline:
            await self._processed(deadline - loop.time())
            app = self.app
            now = (app.screen, app.focused)
            if now == seen and not any(worker.state is WorkerState.PENDING for worker in app.workers):
                break
            seen = now
        held, self._held = self._held or [], None
        for event in held:
            self.app.post_message(event)
        if not held:
            self._open.set()

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
            try:
                await asyncio.wait_for(done.wait(), max(timeout, 0))
            except TimeoutError:
                return
