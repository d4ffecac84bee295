"""The feed's clock: the event time a story's window runs on, which one wild
`published_at` must not drag forward.

The window used to run on the latest article's event time, so one article stamped 2099
(a feed with a broken clock) evicted every story, and the next update of an ongoing
story became a new story with its memory gone.  Like a stream processor's watermark,
the clock here is robust to outliers: it is the `AGREE`-th latest event time seen, the
article at hand included (so that many articles must agree before the clock stands at a
time: after a real jump, such as a feed resuming after an outage, the first AGREE - 1
articles are flagged), and an article
stamped more than `tolerance` ahead of it is suspect — processed at the clock, and
flagged.  Articles behind the clock (late ones) are processed at their own time, as
before; they move nothing.

Pure and deterministic over the sequence of articles, so batch (`Analyzer`) and stream
(the global step, folded from the prepared log) make the same decisions.  Re-deliveries
of an article (at-least-once) count once: the same key is never two of the latest.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

AGREE = 3  # articles that must agree on a time before the clock stands there
DEFAULT_TOLERANCE_HOURS = 24.0


@dataclass(frozen=True, slots=True)
class ClockReading:
    at: float  # the event time to process the article at
    clamped: bool  # its own time was far ahead of the feed's clock


@dataclass(slots=True)
class FeedClock:
    tolerance_seconds: float = DEFAULT_TOLERANCE_HOURS * 3600.0
    _latest: list[tuple[float, str]] = field(default_factory=list)  # min-heap of the AGREE latest

    @classmethod
    def hours(cls, tolerance_hours: float) -> FeedClock:
        return cls(tolerance_hours * 3600.0)

    @property
    def now(self) -> float | None:
        """The feed's clock; None until AGREE articles have been seen."""
        return self._latest[0][0] if len(self._latest) == AGREE else None

    def observe(self, event_time: float, key: str) -> ClockReading:
        """The article counts as a witness first: AGREE articles at a new time move the
        clock there, the last of them unflagged.  `key` identifies the article (its id),
        so a re-delivery is not a second witness."""
        if all(seen != key for _, seen in self._latest):
            heapq.heappush(self._latest, (event_time, key))
            if len(self._latest) > AGREE:
                heapq.heappop(self._latest)
        now = self.now
        if now is not None and event_time > now + self.tolerance_seconds:
            return ClockReading(now, True)
        return ClockReading(event_time, False)
