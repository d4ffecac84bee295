"""Read a partition directly, outside the consumer group: the prepared log for a new
owner's fold, and records Faust did not deliver (inputs.py).  aiokafka's public API
only; a fresh client per read (reads are rare: a new owner, a hole, a stall)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.config import Settings
from services.kafka_options import kafka_client_options

BATCH = 500


@dataclass(frozen=True, slots=True)
class LogRecord:
    """One record as the handlers see it, however it was read."""

    offset: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...] = ()
    timestamp: float | None = None  # epoch seconds


async def read_log(
    settings: Settings, topic: str, upto: int, start: int = 0, partition: int = 0
) -> AsyncIterator[LogRecord]:
    """Every record of the partition in [start, upto), in log order (a hole in the
    offsets, or an end before `upto`, ends the read early)."""
    if upto <= start:
        return
    consumer = AIOKafkaConsumer(
        enable_auto_commit=False, group_id=None, max_partition_fetch_bytes=16 * 1024 * 1024,
        **kafka_client_options(settings),
    )  # fmt: skip
    await consumer.start()
    try:
        tp = TopicPartition(topic, partition)
        consumer.assign([tp])
        consumer.seek(tp, start)
        while True:
            batch = await consumer.getmany(tp, timeout_ms=1000, max_records=BATCH)
            records = batch.get(tp, [])
            for r in records:
                if r.offset >= upto:
                    return
                if r.offset >= start:
                    stamp = None if r.timestamp is None or r.timestamp < 0 else r.timestamp / 1000.0
                    yield LogRecord(r.offset, r.key, r.value, tuple(r.headers or ()), stamp)
            if not records:
                position = await consumer.position(tp)
                end = (await consumer.end_offsets([tp]))[tp]
                if position >= min(upto, end):
                    return
    finally:
        await consumer.stop()


async def log_start(settings: Settings, topic: str, partition: int = 0) -> int:
    """The first offset the partition still holds (0 unless retention removed some)."""
    consumer = AIOKafkaConsumer(enable_auto_commit=False, group_id=None, **kafka_client_options(settings))
    await consumer.start()
    try:
        tp = TopicPartition(topic, partition)
        return int((await consumer.beginning_offsets([tp]))[tp])
    finally:
        await consumer.stop()
