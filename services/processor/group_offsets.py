"""The consumer group's offsets as the broker has them, read with a client of its own
(aiokafka's public API: OffsetFetch and ListOffsets, never a join), so nothing depends
on what Faust cached about them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Hashable

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.config import Settings
from services.kafka_options import kafka_client_options

log = logging.getLogger("newsmon.worker")


class GroupOffsets:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._client: AIOKafkaConsumer | None = None
        self._starting = asyncio.Lock()

    async def base(self, tp: Hashable) -> int:
        """Where an assignment starts: the group's committed offset, or the partition's
        first offset when the group never committed one (auto_offset_reset=earliest)."""
        client = await self._started()
        part = TopicPartition(*tp)  # type: ignore[misc]
        committed = await client.committed(part)
        if committed is not None and committed >= 0:
            return int(committed)
        return int((await client.beginning_offsets([part]))[part])

    async def end(self, tp: Hashable) -> int | None:
        """The partition's log end as the broker has it, or None when it cannot say now
        (a stall check retries on its next run)."""
        try:
            client = await self._started()
            part = TopicPartition(*tp)  # type: ignore[misc]
            return int((await client.end_offsets([part]))[part])
        except Exception as exc:  # a failed look is a look deferred
            log.warning("log end of %s unknown: %s: %s", tp, type(exc).__name__, exc)
            return None

    async def caught_up(self, topic: str, before: float) -> bool:
        """True when the group has committed, in every partition of `topic`, every record
        published before `before` (epoch seconds)."""
        client = await self._started()
        await client.topics()  # refreshes the metadata partitions_for_topic reads
        parts = [TopicPartition(topic, p) for p in sorted(client.partitions_for_topic(topic) or ())]
        if not parts:
            return False
        # the first record published after `before`: everything below it must be committed
        at = await client.offsets_for_times(dict.fromkeys(parts, int(before * 1000) + 1))
        ends = await client.end_offsets(parts)
        for part in parts:
            needed = at[part].offset if at.get(part) is not None else ends[part]
            committed = await client.committed(part)
            if needed > 0 and (committed is None or committed < needed):
                return False
        return True

    async def stop(self) -> None:
        if self._client is not None:
            await self._client.stop()
            self._client = None

    async def _started(self) -> AIOKafkaConsumer:
        async with self._starting:
            if self._client is None:
                options = kafka_client_options(self._settings)
                client = AIOKafkaConsumer(group_id=self._settings.app_id, enable_auto_commit=False, **options)
                await client.start()
                self._client = client
            return self._client
