"""Read a single-partition topic from its start up to an offset (the rebuild path)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.config import Settings
from services.kafka_options import kafka_client_options


async def read_log(settings: Settings, topic: str, upto: int) -> AsyncIterator[tuple[int, bytes]]:
    """(offset, value) for every record of partition 0 below `upto`, in log order."""
    if upto <= 0:
        return
    consumer = AIOKafkaConsumer(
        enable_auto_commit=False,
        group_id=None,
        **kafka_client_options(settings),
    )
    await consumer.start()
    try:
        partition = TopicPartition(topic, 0)
        consumer.assign([partition])
        await consumer.seek_to_beginning(partition)
        while True:
            batch = await consumer.getmany(partition, timeout_ms=1000, max_records=500)
            records = batch.get(partition, [])
            for record in records:
                if record.offset >= upto:
                    return
                yield record.offset, record.value or b""
            if not records and await consumer.position(partition) >= upto:
                return
    finally:
        await consumer.stop()
