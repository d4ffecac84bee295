"""Every use of Faust's and aiokafka's internals, in one place, pinned to the versions
it was checked against.  tests/unit/processor/test_faust_compat.py fails when an
upgrade moves any of them; the worker logs a warning when it runs on other versions.

What newsmon takes from them, and why:

* `commit`: the consumer's `_commit(offsets)` — the group member's offset commit,
  filtered by its assignment, with Faust's handling of a commit lost to a rebalance.
  newsmon decides *what* to commit itself (ledger.py: Faust's ack bookkeeping commits
  past records still being processed), so it needs the member's commit without the
  bookkeeping in front of it.  Its topics are declared with `acks=False`, so Faust
  never commits them on its own.
* `set_fetch_max_wait`: Faust hard-codes its consumer's `fetch_max_wait_ms` (1500); the
  embedded broker holds every empty fetch for all of it, which adds that much latency to
  every hop, so the running aiokafka fetcher's value is changed (it reads it per request).

Nothing else: offsets, positions and lags come from newsmon's own ledger, Faust's
public `highwater`, and aiokafka's public client API (log_reader.py, inputs.py).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from importlib.metadata import version

import faust
from faust.types import TP

log = logging.getLogger("newsmon.worker")

CHECKED_AGAINST = {"faust-streaming": "0.15.3", "aiokafka": "0.14.0"}


def unchecked_versions() -> dict[str, str]:
    """{package: installed version} where it is not the one this module was checked with."""
    return {name: found for name in CHECKED_AGAINST if (found := version(name)) != CHECKED_AGAINST[name]}


def warn_if_unchecked() -> None:
    for name, found in unchecked_versions().items():
        log.warning(
            "%s %s is installed; services/processor/faust_compat.py was checked against %s: "
            "run tests/unit/processor/test_faust_compat.py",
            name, found, CHECKED_AGAINST[name],
        )  # fmt: skip


async def commit(app: faust.App, offsets: Mapping[TP, int]) -> bool:
    """Commit `offsets` (next offset to read, per partition) as the group member, after
    flushing the producer (public) so every output of the records below is written.
    False when a rebalance took the partitions away first."""
    await app.producer.flush()
    return bool(await app.consumer._commit(offsets))  # type: ignore[attr-defined]


def set_fetch_max_wait(app: faust.App, milliseconds: int) -> None:
    consumer = app.consumer._thread._ensure_consumer()  # type: ignore[attr-defined]
    consumer._fetcher._fetch_max_wait_ms = milliseconds
    log.info("consumer fetch wait set to %d ms", milliseconds)
