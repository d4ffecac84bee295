"""The global step as a fold of the single-partition prepared log.

The prepared log is a total order, and the global step's state (sequencer, feed clock,
story index) is a pure function of it: no wall clock, no randomness.  So ownership can
move at any moment: a new owner (restart, kill -9, rebalance) folds the log up to the
group's committed offset without outputs — those records' outputs were flushed before
the commit (inputs.py commits nothing else) — and handles every later record with
outputs, as the last owner would have.  Records handled twice re-emit identical
outputs; the steps downstream are idempotent.

The one decision that needs the wall clock — to stop waiting for an article that will
not come — is written into the log as a `give_up` record (`GapWatch`), so every fold
makes it at the same place.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

from services.processor.log_reader import LogRecord
from services.processor.messages import AssignedRecord, GiveUp, loads_prepared_log
from services.processor.snapshots import Snapshots, crc
from services.processor.stages import GlobalStep

log = logging.getLogger("newsmon.worker")

Emit = Callable[[list[AssignedRecord]], Awaitable[None]]
ReadLog = Callable[[int, int], AsyncIterator[LogRecord]]  # (start, upto) of the prepared log
LogStart = Callable[[], Awaitable[int]]


class PreparedLog:
    def __init__(
        self, step: GlobalStep, read: ReadLog, start: LogStart, emit: Emit, snapshots: Snapshots | None = None
    ) -> None:
        self.step = step
        self._read = read
        self._start = start
        self._emit = emit
        self.snapshots = snapshots
        self.ready = False  # folded up to the committed offset of the current assignment

    async def begin(self, base: int) -> None:
        """A new assignment: the step as it stood at `base` (the group's committed
        offset) — from a snapshot and the records after it, or from the log's start —
        without outputs."""
        if self.ready and self.step.next_offset == base:
            log.info("global index kept: it stands at the committed offset %d", base)
            return  # the same worker again, nothing handled past the commit: the state is the fold
        self.ready = False
        started = time.monotonic()
        first = await self._restored(base)
        if first is None:
            self.step.reset()
            first = await self._start()
        count = 0
        async for record in self._read(first, base):
            await self.step.push(loads_prepared_log(record.value or b""), record.offset)
            count += 1
        self.step.next_offset = base
        self.ready = True
        log.info(
            "global index rebuilt from %d prepared records (offsets %d..%d) in %.1f s",
            count, first, base - 1, time.monotonic() - started,
        )  # fmt: skip

    async def take(self, offset: int, value: bytes | None) -> None:
        """The next record of the log, with outputs.  inputs.py hands over every record
        the log holds, in order, from the committed offset (an offset it skips holds no
        record); one handed over twice would be a bug."""
        if offset < self.step.next_offset:
            raise RuntimeError(f"prepared log out of order: got {offset}, expected {self.step.next_offset}")
        await self._emit(await self.step.push(loads_prepared_log(value or b""), offset))
        if self.snapshots is not None and self.snapshots.due(offset + 1):
            self.snapshots.save(self.step.state(), offset + 1, value)

    async def _restored(self, base: int) -> int | None:
        """Restore the newest usable snapshot at or below `base`; the offset to fold from."""
        loaded = None if self.snapshots is None else self.snapshots.load(base)
        if loaded is None:
            return None
        header, state = loaded
        if header.offset and not await self._holds(header.offset - 1, header.last_crc):
            log.warning("snapshot at offset %d is of another log: folding from the start", header.offset)
            return None
        self.step.restore(state, header.offset)
        return header.offset

    async def _holds(self, offset: int, expected_crc: int) -> bool:
        async for record in self._read(offset, offset + 1):
            return crc(record.value) == expected_crc
        return False


InputHolds = Callable[[str, range], Awaitable[bool]]  # (run, numbers): one is published, not prepared


@dataclass
class GapWatch:
    """Decides when a gap in a run's numbering will not close: once no record numbered
    in it waits in the input (published, past the intake's committed offsets), the
    missing number was never published, or was lost upstream.  Not a timeout: under
    load the intake may lag by minutes and the article is merely late.  The settle
    period only covers a number still on its way to the broker: the replayer sends in
    order, but a record can reach the log after a later one in another partition."""

    input_holds: InputHolds
    settle_seconds: float = 10.0  # an open gap younger than this is not looked at
    _since: dict[tuple[str, int], float] = field(default_factory=dict)

    async def overdue(self, step: GlobalStep, now: float) -> list[GiveUp]:
        gaps = step.sequencer.gaps()
        for gone in self._since.keys() - set(gaps):
            del self._since[gone]
        out = []
        for run, expected in gaps:
            since = self._since.setdefault((run, expected), now)
            if now - since < self.settle_seconds:
                continue
            first = step.sequencer.first_number(run)
            if first is not None and not await self.input_holds(run, range(expected, first)):
                log.warning("giving up on number %d of run %r: the input has no such article", expected, run)
                out.append(GiveUp(run, expected))
                self._since[(run, expected)] = now  # again only after another settle period
        return out
