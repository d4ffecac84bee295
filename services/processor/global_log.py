"""Keep the global step a faithful fold of the prepared log, whatever Faust delivers.

The global step's state (sequencer, story index) is a fold over the single-partition
prepared log, and each record's outputs must be written once its turn comes.  Faust
does not always hand the owner contiguous records: after a rebalance it seeks to the
committed offset, and we measured it skipping records right after that seek (chaos
runs: offsets 35–36 and 37–45 never delivered; the articles they released were lost).
So every jump is repaired from the log itself:

* records below the group's committed offset were processed, their outputs written,
  by whoever committed them: they are folded in silently;
* records from there up to the delivered one were never processed here: they are
  read from the log and processed with their outputs (at-least-once; downstream
  steps are idempotent).

A new owner also folds the committed prefix before any record arrives, so articles a
dead owner held back in its sequencer (waiting for a gap) are not lost when no new
record ever comes.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from services.config import Settings
from services.processor import codec
from services.processor.log_reader import read_log
from services.processor.stages import GlobalStep

log = logging.getLogger("newsmon.worker")

Emit = Callable[[list[dict[str, Any]]], Awaitable[None]]
Committed = Callable[[], int]  # the group's committed offset on the log (0 when none)


class PreparedLog:
    def __init__(
        self, settings: Settings, topic: str, step: GlobalStep, emit: Emit, committed: Committed
    ) -> None:
        self._settings = settings
        self._topic = topic
        self.step = step
        self._emit = emit
        self._committed = committed
        self._lock = asyncio.Lock()  # the agent and the gap timer share the step

    async def take(self, offset: int, value: bytes) -> None:
        """The record Faust delivered at `offset`, after any it skipped."""
        async with self._lock:
            if self.step.next_offset != offset:
                await self._catch_up(offset)
            await self._emit(await self.step.push(codec.loads(value), offset, time.time()))

    async def tick(self) -> None:
        """Release held articles whose gap timed out; a new owner folds in its history first."""
        async with self._lock:
            if self.step.next_offset is None:
                committed = self._committed()
                if committed:
                    await self._fold(committed)
            await self._emit(await self.step.tick(time.time()))

    async def _catch_up(self, offset: int) -> None:
        committed = self._committed()
        mine = self.step.next_offset
        if mine is None or not committed <= mine <= offset:  # new owner, re-seek, or stale state
            mine = min(committed, offset)
            await self._fold(mine)
        count = 0
        async for at, value in read_log(self._settings, self._topic, offset, start=mine):
            await self._emit(await self.step.push(codec.loads(value), at, time.time()))
            count += 1
        self.step.next_offset = offset
        if count:
            log.warning(
                "processed %d prepared records Faust skipped (offsets %d..%d)", count, mine, offset - 1
            )

    async def _fold(self, upto: int) -> None:
        """A fresh step from the log's first `upto` records, without outputs."""
        self.step.reset()
        started = time.monotonic()
        count = 0
        async for at, value in read_log(self._settings, self._topic, upto):
            await self.step.push(codec.loads(value), at, time.time())
            count += 1
        self.step.next_offset = upto
        log.info("global index rebuilt from %d prepared records in %.1fs", count, time.monotonic() - started)
