"""Python's cycle collector, run between keystrokes rather than in the middle of one.

Python collects whenever enough objects have been made since it last did, whatever
the program is doing, and drawing a frame makes thousands. At 10,000 cards that put
collections of 3 to 80 ms (a full pass) inside keystrokes: on about one card moved
in five and every other card opened. While the app runs, automatic collection is
off. A timer collects the young objects once nothing has been pressed or clicked
for `QUIET` seconds (the key's frame is drawn by then, and the next key of someone
typing briskly is yet to come), and makes a full pass, which takes longer, when
nothing has come for `FULL_QUIET` seconds and Python would have made one by now.
If input never pauses (a key held down), it collects anyway once `RUNAWAY` objects
wait, and makes a full pass at the first quiet moment after `FULL_PATIENCE` seconds,
so memory stays bounded. What the app loaded is frozen out of the way (`gc.freeze`)
and never walked.
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
    QUIET = 0.08
    """Seconds without input before the young objects are collected."""
    FULL_QUIET = 1.0
    """Seconds without input before a full pass is made."""
    YOUNG = 700
    """Objects made since the last collection that are worth one (Python's own first threshold)."""
    FULL_EVERY = 10
    """Young collections that make a full pass due (Python's own third threshold, counted the same way)."""
    FULL_PATIENCE = 60.0
    """Seconds after which a due full pass is made at the first `QUIET` moment."""
    RUNAWAY = 100_000
    """Objects waiting that are collected even while input keeps coming."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last_input = -math.inf
        self._young = 0
        self._last_full = clock()
        self.running = False

    def start(self) -> None:
        """Take collection over from Python (starting counts as input: a quiet moment comes next)."""
        gc.disable()
        self.running = True
        self._last_input = self._clock()

    def stop(self) -> None:
        """Give it back (the app has ended). What is alive now is frozen first: the
        collection Python makes as it exits would otherwise walk it all (a second at
        50,000 cards, half of them unpacked since they were loaded and frozen)."""
        if self.running:
            self.running = False
            gc.freeze()
            gc.enable()

    def activity(self) -> None:
        """A key, a click or a scroll: not a moment to collect."""
        self._last_input = self._clock()

    def quiet_for(self) -> float:
        """Seconds since the latest input (or since collection started)."""
        return self._clock() - self._last_input

    def tick(self) -> int | None:
        """Collect if this is a good moment and there is enough to collect: the generation
        collected (2 for a full pass), or None."""
        if not self.running:
            return None
        now = self._clock()
        quiet = now - self._last_input
        if self._young >= self.FULL_EVERY and (
            quiet >= self.FULL_QUIET or (quiet >= self.QUIET and now - self._last_full >= self.FULL_PATIENCE)
        ):
            gc.collect()
            self._young, self._last_full = 0, now
            return 2
        waiting = gc.get_count()[0]
        if waiting >= self.RUNAWAY or (waiting >= self.YOUNG and quiet >= self.QUIET):
            gc.collect(1)
            self._young += 1
            return 1
        return None
