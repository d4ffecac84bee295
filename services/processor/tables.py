"""The story table: each story's memory, in a changelogged Faust table keyed by story id.

Evictions wait for the commit.  A story's memory may only go once nothing before its
eviction can be handled again: a worker that died with those records uncommitted would
otherwise replay them against no memory and raise every sentence as a new claim.  The
eviction record is noted with its offset and the memory deleted when a commit passes
it (or dropped with the partition on a revoke: the next owner reads the eviction
again).  It used to be committed on the spot, and a commit that did not cover it
(a rebalance under way) kept the memory forever ("story kept": a slow leak).

The table uses the producer's partitioner (`use_partitioner`): records of
newsmon-assigned are keyed by story id with the same partitioner and partition count,
so a story's changelog partition is its input partition, and a deletion can happen
outside the agent's iteration (when a commit lands).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection, Hashable, Mapping
from typing import Any

import faust

from services.config import Settings
from services.processor import messages
from services.processor.messages import StoryState

log = logging.getLogger("newsmon.worker")


def stories_table(app: faust.App, settings: Settings, topic_config: Mapping[str, str]) -> Any:
    return app.Table(
        "stories",
        partitions=settings.topic_partitions,
        key_type=bytes,
        value_type=bytes,
        use_partitioner=True,
        extra_topic_configs=dict(topic_config),
    )


class StoryTable:
    def __init__(self, table: Any) -> None:
        self._table = table
        self._evictions: defaultdict[Hashable, list[tuple[int, bytes]]] = defaultdict(list)

    def get(self, key: bytes) -> StoryState | None:
        raw = self._table.get(key)
        return messages.loads_story(raw) if raw else None

    def set(self, key: bytes, state: StoryState) -> None:
        self._table[key] = messages.dumps(state)

    def __len__(self) -> int:
        return len(self._table)

    @property
    def pending_evictions(self) -> int:
        return sum(len(waiting) for waiting in self._evictions.values())

    def evict_after_commit(self, tp: Hashable, offset: int, key: bytes) -> None:
        self._evictions[tp].append((offset, key))

    def committed(self, offsets: Mapping[Hashable, int]) -> None:
        """A commit landed: memories evicted below it go."""
        for tp, upto in offsets.items():
            waiting = self._evictions.get(tp)
            if not waiting:
                continue
            self._evictions[tp] = [(offset, key) for offset, key in waiting if offset >= upto]
            for offset, key in waiting:
                if offset < upto and key in self._table:
                    del self._table[key]

    def revoked(self, tps: Collection[Hashable]) -> None:
        for tp in tps:
            self._evictions.pop(tp, None)
