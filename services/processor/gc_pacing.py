"""Keep CPython's full garbage collections off the stream's hot path.

The worker holds every article of the window (the global index, the copy hints): a
long-lived heap that only grows until stories are evicted.  CPython scans all of it
in a full collection each time it grows by a quarter; measured during `make bench`
(5,000 articles held), those scans took 150–520 ms each, every ~20 s, found nothing
to collect, and held up every article behind them (they made the p99 latency).  At
100k articles they would take seconds.

So the long-lived heap is frozen as it grows: every `FREEZE_EVERY` seconds the young
generations are collected (a few ms) and everything that survived is moved out of the
collector's sight with `gc.freeze()`.  Frozen objects are still freed by reference
counting the moment they are dropped (an evicted story goes at once); only a reference
cycle that became garbage after its freeze would wait, for the full collection run
every `FULL_EVERY` seconds (one pause an hour instead of several a minute).
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

log = logging.getLogger("newsmon.worker")

FREEZE_EVERY = 10.0  # seconds
FULL_EVERY = 3600.0  # seconds


class GcPacing:
    """`tick()` from a timer every FREEZE_EVERY seconds."""

    def __init__(self, full_every: float = FULL_EVERY, clock: Callable[[], float] = time.monotonic) -> None:
        self._full_every = full_every
        self._clock = clock
        self._last_full = clock()

    def tick(self) -> None:
        if self._clock() - self._last_full >= self._full_every:
            self.full()
        else:
            gc.collect(1)
            gc.freeze()

    def full(self) -> None:
        """Everything back in view, one full collection, then frozen again."""
        started = time.perf_counter()
        gc.unfreeze()
        found = gc.collect()
        gc.freeze()
        self._last_full = self._clock()
        log.info(
            "full garbage collection: %d objects freed in %.0f ms",
            found,
            (time.perf_counter() - started) * 1000,
        )
