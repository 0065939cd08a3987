"""Python's cycle collector, run between keystrokes rather than in the middle of one.

Python collects whenever enough objects have been made since it last did, whatever
the program is doing, and drawing a frame makes thousands. At 10,000 cards that put
collections of 3 to 80 ms (a full pass) inside keystrokes: on about one card moved
in five and every other card opened. While the app runs, automatic collection is
off. A timer collects the young objects once nothing has been pressed or clicked
for `QUIET` seconds, which is most of the time even while someone types, and makes
a full pass now and then, when Python would have made one. If input never pauses
(a key held down), it collects anyway once `RUNAWAY` objects wait, so memory stays
bounded. What the app loaded is frozen out of the way (`gc.freeze`) and never walked.
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable


class IdleCollection:
    """When the app collects: call `activity` on each input event and `tick` every `TICK` seconds."""

    TICK = 0.05
    """Seconds between checks."""
    QUIET = 0.12
    """Seconds without input after which the app counts as idle: a frame is drawn well within it."""
    YOUNG = 700
    """Objects made since the last collection that are worth one (Python's own first threshold)."""
    FULL_EVERY = 10
    """Young collections between full passes (Python's own third threshold, counted the same way)."""
    RUNAWAY = 100_000
    """Objects waiting that are collected even while input keeps coming."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last_input = -math.inf
        self._young = 0
        self.running = False

    def start(self) -> None:
        """Take collection over from Python."""
        gc.disable()
        self.running = True

    def stop(self) -> None:
        """Give it back (the app has ended)."""
        if self.running:
            self.running = False
            gc.enable()

    def activity(self) -> None:
        """A key, a click or a scroll: not a moment to collect."""
        self._last_input = self._clock()

    def tick(self) -> int | None:
        """Collect if this is a good moment and there is enough to collect: the generation
        collected (2 for a full pass), or None."""
        if not self.running:
            return None
        waiting = gc.get_count()[0]
        if waiting < self.YOUNG:
            return None
        if self._clock() - self._last_input < self.QUIET and waiting < self.RUNAWAY:
            return None
        self._young += 1
        if self._young >= self.FULL_EVERY:
            self._young = 0
            gc.collect()
            return 2
        gc.collect(1)
        return 1
