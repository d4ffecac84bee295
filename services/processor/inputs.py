"""How the worker consumes its topics: every record handled once per assignment, in
offset order where that matters, and committed only once handled.

Faust delivers the records (agents.py) but does not decide what is committed: the
topics are declared with `acks=False` and this module commits, through the group
member (faust_compat.commit), the end of the handled prefix that ledger.py keeps.  So
"an input offset is committed only after its outputs are flushed" holds by
construction: a handler returns after handing its outputs to the producer (or, for
news.alerts and Redis, after they are acknowledged), and every commit flushes the
producer first.

Where Faust's delivery falls short, records are read from the log directly
(log_reader.py) and handled in their place:

* a hole: Faust hands over offset n + k when n was next — the records in between are
  handled first;
* a stall: a partition with records waiting that Faust has not delivered for
  `STALL_SECONDS` (stall.py: records Faust dropped at the end of a rebalance, with
  none after them) is read up to its end.

Ordered topics (the prepared log, the story partitions) are handled one record at a
time per partition, holes and stalls included; the intake's records in any order.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Collection, Hashable
from dataclasses import dataclass

from services.config import Settings
from services.processor.group_offsets import GroupOffsets
from services.processor.ledger import Admission, OffsetLedger
from services.processor.log_reader import LogRecord, read_log
from services.processor.stall import StallDetector

log = logging.getLogger("newsmon.worker")

Handler = Callable[[Hashable, LogRecord], Awaitable[None]]
OnBegin = Callable[[Hashable, int], Awaitable[None]]  # (tp, the committed offset it starts at)
Commit = Callable[[dict[Hashable, int]], Awaitable[bool]]
OnCommit = Callable[[dict[Hashable, int]], None]
Crash = Callable[[BaseException], Awaitable[None]]
Counted = Callable[[str, int], None]  # (reason "hole" or "stall", records read from the log)


@dataclass(frozen=True, slots=True)
class _Topic:
    handler: Handler
    ordered: bool
    on_begin: OnBegin | None


class Inputs:
    def __init__(
        self, settings: Settings, offsets: GroupOffsets, commit: Commit, crash: Crash, counted: Counted
    ) -> None:
        self._settings = settings
        self._counted = counted
        self._offsets = offsets
        self._commit = commit
        self._crash = crash
        self.ledger = OffsetLedger()
        self._topics: dict[str, _Topic] = {}
        self._assigned: set[Hashable] = set()
        self._rebalances = 0  # bumped by every assignment and revocation
        self._locks: defaultdict[Hashable, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._on_commit: list[OnCommit] = []
        self.stalls = StallDetector()

    def consume(self, topic: str, handler: Handler, ordered: bool, on_begin: OnBegin | None = None) -> None:
        self._topics[topic] = _Topic(handler, ordered, on_begin)

    def on_commit(self, callback: OnCommit) -> None:
        self._on_commit.append(callback)

    def mine(self, tp: Hashable) -> bool:
        return _topic(tp) in self._topics

    # Rebalances (Faust's on_partitions_assigned / on_partitions_revoked signals) --------

    def assigned(self, tps: Collection[Hashable]) -> None:
        """A new assignment is a new epoch for every partition in it: another worker may
        have handled and committed records of it since this one last held it."""
        self._rebalances += 1
        self._assigned = {tp for tp in tps if self.mine(tp)}
        for tp in self.ledger.owned():
            self.ledger.end(tp)

    async def revoked(self, tps: Collection[Hashable]) -> None:
        """Commit what is handled (the new owner starts there), then let go."""
        self._rebalances += 1
        mine = [tp for tp in tps if self.ledger.owns(tp)]
        try:
            committed = await self.commit(mine)
            log.info("revoked %d partitions; committed %s", len(mine), committed or "nothing new")
        except Exception as exc:  # a lost commit costs re-processing, never records
            log.warning("commit on revoke failed: %s: %s", type(exc).__name__, exc)
        for tp in mine:
            self.ledger.end(tp)
        self._assigned.difference_update(tps)

    # Records ------------------------------------------------------------------------------

    async def deliver(self, tp: Hashable, record: LogRecord) -> None:
        """A record Faust delivered: handle it, after any Faust skipped before it."""
        if tp not in self._assigned:
            return  # from before a rebalance: the partition's owner handles it
        try:
            await self._run(tp, lambda: self._admit(tp, record.offset), record)
        except Exception as exc:  # a handler that fails would block the partition's commits
            log.exception("handling %s@%d failed; stopping the worker", tp, record.offset)
            await self._crash(exc)
            raise

    async def pull(self, tp: Hashable, end: int) -> None:
        """Read and handle every record of `tp` below `end` that Faust did not deliver."""
        if tp in self._assigned:
            await self._run(tp, lambda: self._admit_upto(tp, end), None)

    async def ensure_begun(self, tp: Hashable) -> bool:
        """Start the assignment of `tp` (its on_begin hook) if no record did yet."""
        if tp not in self._assigned:
            return False
        async with self._locks[tp]:
            if not self.ledger.owns(tp) and tp in self._assigned:
                await self._begin(tp)
        return self.ledger.owns(tp)

    async def _run(
        self, tp: Hashable, admit: Callable[[], Awaitable[Admission]], record: LogRecord | None
    ) -> None:
        lock = self._locks[tp]
        if self._topics[_topic(tp)].ordered:
            async with lock:
                await self._handle(tp, await admit(), record)
        else:
            async with lock:
                admission = await admit()
            await self._handle(tp, admission, record)

    async def _admit(self, tp: Hashable, offset: int) -> Admission:
        if not self.ledger.owns(tp):
            await self._begin(tp)
        return self.ledger.admit(tp, offset)  # SKIP when a rebalance took it meanwhile

    async def _admit_upto(self, tp: Hashable, end: int) -> Admission:
        if not self.ledger.owns(tp):
            await self._begin(tp)
        return self.ledger.admit_upto(tp, end)

    async def _begin(self, tp: Hashable) -> None:
        """Start an epoch at the group's committed offset — unless a rebalance happened
        while it was read (or while the hook folded the prepared log): then the record
        at hand is not this worker's to handle."""
        seen = self._rebalances
        base = await self._offsets.base(tp)
        hook = self._topics[_topic(tp)].on_begin
        if hook is not None and seen == self._rebalances:
            await hook(tp, base)
        if seen == self._rebalances and tp in self._assigned:
            self.ledger.begin(tp, base)

    async def _handle(self, tp: Hashable, admission: Admission, record: LogRecord | None) -> None:
        if not admission.tickets:
            return
        handler = self._topics[_topic(tp)].handler
        if admission.missed:
            await self._read_missed(tp, admission.missed, "hole" if record is not None else "stall")
        if record is not None:
            await handler(tp, record)
        for ticket in admission.tickets:
            self.ledger.finish(ticket)

    async def _read_missed(self, tp: Hashable, missed: range, reason: str) -> None:
        log.warning("%s: reading offsets %d..%d from the log (%s)", tp, missed.start, missed.stop - 1, reason)
        handler = self._topics[_topic(tp)].handler
        async for found in read_log(self._settings, _topic(tp), missed.stop, missed.start, _partition(tp)):
            await handler(tp, found)
        self._counted(reason, len(missed))

    # Commits and stalls -------------------------------------------------------------------

    async def commit(self, tps: list[Hashable] | None = None) -> dict[Hashable, int]:
        """Commit the handled prefix of every partition (or of `tps`); what was committed."""
        offsets = self.ledger.committable(tps)
        if not offsets or not await self._commit(offsets):
            return {}
        self.ledger.committed(offsets)
        for callback in self._on_commit:
            callback(offsets)
        return offsets

    async def unstall(self, highwater: Callable[[Hashable], int | None]) -> None:
        """Read the partitions Faust stopped delivering (records waiting, none admitted
        and none in flight for `stalls.after_seconds`) — including one that has had no
        record at all since it was assigned (Faust dropped all it fetched), and one Faust
        never fetched at all (no highwater of its own: the broker's log end stands in)."""
        ends = {tp: highwater(tp) for tp in self._assigned | set(self.ledger.owned())}
        for tp in [tp for tp in self._assigned if ends[tp] is None]:
            ends[tp] = await self._offsets.end(tp)
        for tp in list(self._assigned):
            if not self.ledger.owns(tp) and ends.get(tp):
                await self.ensure_begun(tp)
        watched = {}
        for tp in self.ledger.owned():
            position, end = self.ledger.position(tp), ends.get(tp)
            if position is None or end is None:
                continue
            _, finished, admitted = position
            waiting = end - admitted if finished == admitted else 0  # nothing in flight
            watched[tp] = (admitted, waiting)
        for tp in self.stalls.stalled(watched, time.monotonic()):
            admitted, waiting = watched[tp]
            log.warning(
                "%s: %d records waiting, none delivered for %.0f s: reading them from the log",
                tp, waiting, self.stalls.after_seconds,
            )  # fmt: skip
            await self.pull(tp, admitted + waiting)


def _topic(tp: Hashable) -> str:
    return str(tp[0])  # type: ignore[index]


def _partition(tp: Hashable) -> int:
    return int(tp[1])  # type: ignore[index]
