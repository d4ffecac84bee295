"""Read the single-partition prepared log directly (rebuilds and catch-ups)."""

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
            if not records:
                position = await consumer.position(partition)
                end = (await consumer.end_offsets([partition]))[partition]
                if position >= min(upto, end):  # also ends at a hole in the offsets
                    return
    finally:
        await consumer.stop()
