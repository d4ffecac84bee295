"""The worker's timers and signal handlers: commits, rebalances, the give-up records of
the prepared log, the stall remedy, metrics, and the garbage collector's pacing.
Each does one thing; the metrics timer only reports.

The periodic jobs that may take a while (a commit waits for the producer's flush, the
first give-up check of a new owner folds the prepared log) run as loops that sleep
between runs, rather than Faust timers, which warn when a run outlasts the interval.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

import faust

from services.observe.lag import partition_lags
from services.processor import faust_compat, messages
from services.processor.gc_pacing import FREEZE_EVERY, GcPacing
from services.processor.pipeline import GLOBAL_KEY, Pipeline, send

log = logging.getLogger("newsmon.worker")

COMMIT_EVERY = 1.0  # seconds: what a kill -9 makes the next owner handle again
GAPS_EVERY = 2.0
STALLS_EVERY = 5.0
METRICS_EVERY = 5.0


def register(app: faust.App, p: Pipeline) -> None:
    _rebalances(app, p)
    gc_pacing = GcPacing()

    async def commit_handled() -> None:
        if not app.rebalancing:
            await p.inputs.commit()

    async def give_up_gaps() -> None:
        """Only the owner of the prepared log, once it has folded it, writes give-ups."""
        if app.rebalancing or not await p.inputs.ensure_begun(p.prepared_tp) or not p.prepared_log.ready:
            return
        for give_up in await p.gaps.overdue(p.global_step, time.monotonic()):
            await send(p.prepared, GLOBAL_KEY, messages.dumps(give_up))

    async def read_stalled_partitions() -> None:
        if not app.rebalancing:
            await p.inputs.unstall(_highwater(app))

    _every(app, COMMIT_EVERY, commit_handled)
    _every(app, GAPS_EVERY, give_up_gaps)
    _every(app, STALLS_EVERY, read_stalled_partitions)

    @app.timer(METRICS_EVERY)
    async def report() -> None:
        ledger = p.inputs.ledger
        owned = ledger.owned()
        committed = {tp: position[0] for tp in owned if (position := ledger.position(tp)) is not None}
        topics = {str(tp[0]) for tp in owned}  # type: ignore[index]
        p.metrics.set_consumer_lag(partition_lags(owned, topics, _highwater(app), committed, {}))  # type: ignore[arg-type]
        if p.inputs.ledger.owns(p.prepared_tp):
            p.metrics.index_size(p.global_step.index.story_count, len(p.global_step.index))

    @app.timer(FREEZE_EVERY)
    async def freeze_long_lived_objects() -> None:
        gc_pacing.tick()

    @app.task
    async def tune_fetch_wait() -> None:
        faust_compat.warn_if_unchecked()
        if p.settings.kafka_fetch_max_wait_ms is not None:
            faust_compat.set_fetch_max_wait(app, p.settings.kafka_fetch_max_wait_ms)

    async def stop_clients(sender: faust.App, *_: Any, **__: Any) -> None:
        await p.alerts_log.stop()
        await p.offsets.stop()
        if p.prepared_log.snapshots is not None:
            p.prepared_log.snapshots.stop()

    _on(app.on_before_shutdown, stop_clients)


def _every(app: faust.App, seconds: float, job: Callable[[], Awaitable[None]]) -> None:
    async def loop() -> None:
        while not app.should_stop:
            await asyncio.sleep(seconds)
            await job()

    loop.__name__ = loop.__qualname__ = job.__name__
    app.task(loop)


def _rebalances(app: faust.App, p: Pipeline) -> None:
    async def revoked(sender: faust.App, *revoked: set[Hashable], **_: Any) -> None:
        for tps in revoked:
            await p.inputs.revoked(tps)
            p.stories.revoked(tps)

    async def assigned(sender: faust.App, *assigned: set[Hashable], **_: Any) -> None:
        for tps in assigned:
            p.inputs.assigned(tps)

    _on(app.on_partitions_revoked, revoked)
    _on(app.on_partitions_assigned, assigned)


def _on(signal: Any, handler: Callable[..., Awaitable[None]]) -> None:
    """Connect a handler to a mode signal.  Untyped on purpose: under mypy 2, mode's
    `SignalHandlerT` accepts no function at all (its NamedArg names its type as a string)."""
    signal.connect(handler)


def _highwater(app: faust.App) -> Any:
    def highwater(tp: Hashable) -> int | None:
        try:
            return int(app.consumer.highwater(tp))  # type: ignore[arg-type]
        except Exception:  # revoked mid-way, or not fetched yet: unknown
            return None

    return highwater
