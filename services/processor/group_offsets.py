"""The consumer group's offsets as the broker has them, read with a client of its own
(aiokafka's public API: OffsetFetch and ListOffsets, never a join), so nothing depends
on what Faust cached about them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Hashable

from aiokafka import AIOKafkaConsumer, TopicPartition

from schemas import SEQ_HEADER
from services.config import Settings
from services.kafka_options import kafka_client_options
from services.processor.log_reader import read_log
from services.processor.sequencer import parse_seq

log = logging.getLogger("newsmon.worker")

MAX_SCANNED = 5_000  # records read per partition to tell whether a missing number is there


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

    async def holds_unprepared(self, topic: str, run: str, numbers: range) -> bool:
        """True when a record of `run` numbered in `numbers` lies past the group's
        committed offset in a partition of `topic`: published, not yet prepared.

        It reads the records themselves rather than asking the broker which offset a
        time reaches: the embedded broker answers that by its own append times, not by
        the records' timestamps, so a record sent before the article waiting behind the
        gap but appended after it counted as "published later" and its number was given
        up while it sat, undelivered, in the input (a chaos run lost it so).  One run's
        records reach a partition in number order, so each read stops at the run's first
        number past the gap.  A partition with more than `MAX_SCANNED` records to read
        counts as holding one: the intake is far behind, so it is too early to say."""
        client = await self._started()
        await client.topics()  # refreshes the metadata partitions_for_topic reads
        parts = [TopicPartition(topic, p) for p in sorted(client.partitions_for_topic(topic) or ())]
        if not parts:
            return True
        ends = await client.end_offsets(parts)
        for part in parts:
            start = await self.base((part.topic, part.partition))
            if start < ends[part] and await self._holds(part, start, ends[part], run, numbers):
                return True
        return False

    async def _holds(self, part: TopicPartition, start: int, end: int, run: str, numbers: range) -> bool:
        if end - start > MAX_SCANNED:
            return True
        async for record in read_log(self._settings, part.topic, end, start, part.partition):
            seq = parse_seq(dict(record.headers).get(SEQ_HEADER))
            if seq is not None and seq[0] == run:
                if seq[1] in numbers:
                    return True
                if seq[1] >= numbers.stop:
                    return False
        return False

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
