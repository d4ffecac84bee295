"""Spot a partition that has work but makes no progress, so the worker can nudge it.

Seen in chaos runs (about 1 in 13 kill -9 of one of two workers): after the rebalance
the survivor held a partition with lag that it never fetched again, its committed
offset frozen, until the run gave up.  Faust keeps its own list of partitions to fetch
(paused during recovery, dropped when a stream buffer fills) and a partition can fall
out of it.  Re-seeking to the committed offset and resuming it is safe: every step
downstream is idempotent, so at worst a few records are processed twice.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

STALL_SECONDS = 30.0  # longer than a Redis or broker blip the worker rides out on its own


@dataclass
class StallDetector:
    after_seconds: float = STALL_SECONDS
    _since: dict[Hashable, tuple[int, float]] = field(default_factory=dict)  # key -> (position, since)

    def stalled(self, progress: Mapping[Hashable, tuple[int, int]], now: float) -> list[Hashable]:
        """`progress`: key -> (position, lag).  The keys whose position has not moved, with
        lag, for `after_seconds`; each is reported once, then watched afresh."""
        out = []
        for key, (position, lag) in progress.items():
            seen = self._since.get(key)
            if lag <= 0 or seen is None or seen[0] != position:
                self._since[key] = (position, now)
            elif now - seen[1] >= self.after_seconds:
                out.append(key)
                self._since[key] = (position, now)
        for gone in self._since.keys() - progress.keys():
            del self._since[gone]
        return out
