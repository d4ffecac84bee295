"""Read the single-partition prepared log directly (rebuilds and catch-ups), and the
consumer group's committed offset on it."""

from __future__ import annotations

from collections.abc import AsyncIterator

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.config import Settings
from services.kafka_options import kafka_client_options


async def read_log(
    settings: Settings, topic: str, upto: int, start: int = 0
) -> AsyncIterator[tuple[int, bytes]]:
    """(offset, value) for every record of partition 0 in [start, upto), in log order."""
    if upto <= start:
        return
    consumer = AIOKafkaConsumer(enable_auto_commit=False, group_id=None, **kafka_client_options(settings))
    await consumer.start()
    try:
        partition = TopicPartition(topic, 0)
        consumer.assign([partition])
        consumer.seek(partition, start)
        while True:
            batch = await consumer.getmany(partition, timeout_ms=1000, max_records=500)
            records = batch.get(partition, [])
            for record in records:
                if record.offset >= upto:
                    return
                if record.offset >= start:
                    yield record.offset, record.value or b""
            if not records and await consumer.position(partition) >= upto:
                return
    finally:
        await consumer.stop()


async def committed_offset(settings: Settings, topic: str) -> int:
    """The worker group's committed offset on partition 0 (0 when none): an OffsetFetch
    only, the consumer never joins the group."""
    consumer = AIOKafkaConsumer(
        group_id=settings.app_id, enable_auto_commit=False, **kafka_client_options(settings)
    )
    await consumer.start()
    try:
        return await consumer.committed(TopicPartition(topic, 0)) or 0
    finally:
        await consumer.stop()
