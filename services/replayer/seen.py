"""Were these article ids published to the topic before?  A replay of the same files into
the same stack is silent by design (same ids → same alert ids → delivered once), and a
user who does not know that sees a dead system; the replay summary says so instead.

The articles topic is keyed by article id, so the answer is in its keys.  Reading them
costs a scan of the topic, which is cheap for what this is for (test streams on a local
stack) and not for a production topic: topics over SCAN_LIMIT records are not checked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError

from services.config import Settings
from services.embedded.errors import StackStartError
from services.embedded.kafka_admin import admin_client
from services.kafka_options import kafka_client_options

SCAN_LIMIT = 10_000  # records; the seeds are 5, a test stream a few thousand
SCAN_SECONDS = 15.0


async def published_before(settings: Settings, ids: Collection[str]) -> int | None:
    """How many of `ids` are keys on the articles topic already; None when not checked
    (topic over SCAN_LIMIT records, Kafka not answering, the scan taking over SCAN_SECONDS)."""
    wanted = {article_id.encode("utf-8") for article_id in ids}
    if not wanted:
        return 0
    try:
        return await asyncio.wait_for(_published_before(settings, wanted), SCAN_SECONDS)
    except (KafkaError, OSError, TimeoutError, StackStartError):
        return None


async def _published_before(settings: Settings, wanted: set[bytes]) -> int | None:
    topic = settings.articles_topic
    numbers = await _partitions(settings, topic)
    if numbers is None:
        return 0  # no such topic (yet): nothing was published to it
    if not numbers:
        return None  # a topic without partitions in the metadata: cannot tell
    partitions = [TopicPartition(topic, number) for number in numbers]
    consumer = AIOKafkaConsumer(
        **kafka_client_options(settings),
        group_id=None,
        enable_auto_commit=False,
        client_id="newsmon-replay-check",
        fetch_max_wait_ms=50,  # the embedded broker waits this long even when data is there
    )
    await consumer.start()
    try:
        return await _scan(consumer, partitions, wanted)
    finally:
        await consumer.stop()


async def _partitions(settings: Settings, topic: str) -> list[int] | None:
    """The topic's partitions, asked of the cluster (a consumer that subscribes to nothing
    may not have them in its metadata yet); None for a topic that does not exist."""
    bootstrap = settings.kafka_bootstrap_servers or ""
    async with admin_client(bootstrap, settings) as admin:
        described = await admin.describe_topics([topic])
    for found in described:
        if found["topic"] == topic and found["error_code"] == 0:
            return sorted(p["partition"] for p in found["partitions"])
    return None


async def _scan(
    consumer: AIOKafkaConsumer, partitions: list[TopicPartition], wanted: set[bytes]
) -> int | None:
    consumer.assign(partitions)
    start = await consumer.beginning_offsets(partitions)
    end = await consumer.end_offsets(partitions)
    if sum(end[tp] - start[tp] for tp in partitions) > SCAN_LIMIT:
        return None
    await consumer.seek_to_beginning(*partitions)
    found: set[bytes] = set()
    while not await _at_end(consumer, partitions, end):  # bounded by SCAN_SECONDS
        for records in (await consumer.getmany(*partitions, timeout_ms=200)).values():
            found.update(r.key for r in records if r.key in wanted)
    return len(found)


async def _at_end(
    consumer: AIOKafkaConsumer, partitions: list[TopicPartition], end: dict[TopicPartition, int]
) -> bool:
    for tp in partitions:
        if await consumer.position(tp) < end[tp]:
            return False
    return True
