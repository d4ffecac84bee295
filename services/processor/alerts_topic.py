"""`news.alerts` writer: an article's decision and alerts in one batch.

The worker's Faust producer sends one record per batch to the embedded broker (its end
offsets are wrong otherwise, which breaks table recovery and lag: embedded/broker.py),
and aiokafka keeps one open batch per partition, so each record waited for the round
trip of the one before.  An article's records all go to its story's partition: one
with 55 alerts spent ~235 ms sending them, and every article behind it waited
(BENCHMARKS.md).  Nothing reads this output topic's end offsets, so it gets a
producer of its own that batches.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from aiokafka import AIOKafkaProducer

from services.config import Settings
from services.kafka_options import kafka_client_options

BATCH_BYTES = 512 * 1024  # an article's records (~1-2 KB each) in one or a few batches


class AlertsTopic:
    def __init__(self, settings: Settings, max_request_bytes: int) -> None:
        self._settings = settings
        self._max_request_bytes = max_request_bytes
        self._producer: AIOKafkaProducer | None = None
        self._starting = asyncio.Lock()

    async def write(self, key: bytes, values: Sequence[bytes]) -> None:
        """Returns once the broker has acknowledged every record (at-least-once: the
        caller's input is only acknowledged after)."""
        producer = await self._started()
        sent = [await producer.send(self._settings.alerts_topic, value, key=key) for value in values]
        await asyncio.gather(*sent)

    async def stop(self) -> None:
        if self._producer is not None:
            await self._producer.stop()
            self._producer = None

    async def _started(self) -> AIOKafkaProducer:
        async with self._starting:
            if self._producer is None:
                producer = AIOKafkaProducer(
                    **kafka_client_options(self._settings),
                    acks="all",
                    max_batch_size=BATCH_BYTES,
                    max_request_size=self._max_request_bytes,
                )
                await producer.start()
                self._producer = producer
            return self._producer
