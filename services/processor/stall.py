"""Spot a partition that has records waiting but gets none delivered, so the worker can
read them itself (inputs.Inputs.unstall).

Faust drops the records it fetched while a rebalance was finishing (its channel queues
are cleared when the flow resumes, faust/tables/recovery.py `_resume_streams`), and its
fetch position has moved past them: they come again only after the next rebalance.
When later records follow, inputs.py sees the hole at once; when none follow (the end
of a replay, or a quiet feed), the partition just waits — with records, none delivered
and none in flight.  That is the stall this spots.  Reading them from the log is safe at
any time (each offset is handled once per assignment), so the wait before it is short:
`STALL_SECONDS` only has to be longer than Faust takes to deliver a fetched record.

(The remedy used to seek Faust's consumer from the event loop, racing its fetcher thread,
and waited 30 s; a seek could make Faust take unread records for done.)
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

STALL_SECONDS = 10.0  # no record admitted, none in flight, records waiting: Faust is not delivering


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
