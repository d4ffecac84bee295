"""Consumer lag per partition.

lag = highwater (the offset the next produced record gets) − the next offset this worker
still has to process: the committed offset (what `kafka-consumer-groups` compares with,
so both tell the same story), or, before the first commit, the last offset read + 1.
The committed offset trails processing by up to the worker's commit interval (1 s), so a
busy partition shows that much lag even when the worker keeps up.  An empty partition
(highwater 0) has lag 0; one whose highwater or position is not known yet (no fetch
answered, nothing read) is left out rather than reported as a guess.

The worker takes the committed offsets from its own ledger (services/processor/inputs.py),
not from Faust's private bookkeeping.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, Protocol

log = logging.getLogger(__name__)


class TopicPartition(Protocol):
    topic: str
    partition: int


def partition_lags(
    assigned: Iterable[TopicPartition],
    topics: Collection[str],
    highwater: Callable[[Any], int | None],
    committed: Mapping[Any, int | None],
    read: Mapping[Any, int | None],
) -> dict[tuple[str, int], int]:
    """{(topic, partition): lag} for the assigned partitions of `topics` (the ones the
    agents consume; table changelogs have their own recovery bookkeeping)."""
    return {
        key: lag for key, (_, lag) in partition_progress(assigned, topics, highwater, committed, read).items()
    }


def partition_progress(
    assigned: Iterable[TopicPartition],
    topics: Collection[str],
    highwater: Callable[[Any], int | None],
    committed: Mapping[Any, int | None],
    read: Mapping[Any, int | None],
) -> dict[tuple[str, int], tuple[int, int]]:
    """{(topic, partition): (next offset to process, lag)}, as `partition_lags` explains."""
    lags: dict[tuple[str, int], tuple[int, int]] = {}
    for tp in assigned:
        if tp.topic not in topics:
            continue
        end = highwater(tp)
        position = committed.get(tp)
        if position is None:
            last_read = read.get(tp)
            position = None if last_read is None else last_read + 1
        if end == 0:
            position = 0
        if end is None or position is None:
            continue
        lags[(tp.topic, tp.partition)] = (position, max(0, end - position))
    return lags
