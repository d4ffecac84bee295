"""Bad input goes to the dead-letter topic with a machine-readable reason; the valid
articles around it are processed normally and the worker keeps running."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from services.config import Settings
from services.embedded import Stack
from services.embedded.kafka_admin import ensure_topics
from services.kafka_options import kafka_client_options
from services.processor.launch import AlertLog, spawn_worker

pytestmark = pytest.mark.integration

GOOD = {
    "source": "Test Wire",
    "body": "Floods forced thousands from their homes in the valley on Sunday, officials said.",
    "language": "en",
    "published_at": "2025-03-01T00:00:00Z",
}
BAD: list[tuple[bytes, str]] = [
    (b"not json at all", "invalid_json"),
    (b'["an", "array"]', "invalid_schema"),
    (json.dumps({"article_id": "x", "source": "s"}).encode(), "invalid_schema"),
    (json.dumps({"article_id": "x", "source": "s", "body": "   "}).encode(), "invalid_schema"),
    (json.dumps({**GOOD, "article_id": "x", "language": "english"}).encode(), "invalid_schema"),
    (b'{"article_id": "x", "body": "\xff\xfe"}', "invalid_utf8"),
    (b"", "empty"),
    (json.dumps({**GOOD, "article_id": "big", "body": "word " * 300_000}).encode(), "too_large"),
    (b"[" * 100_000 + b"]" * 100_000, "invalid_json"),
]


@pytest.fixture
async def dlq_settings(stack: Stack, unique_name: Callable[[str], str]) -> Settings:
    """Topics of its own: the bad messages must not reach other tests' workers."""
    names = {field: unique_name(field) for field in ("articles_topic", "dlq_topic", "alerts_topic")}
    private = {
        "app_id": unique_name("app"),
        "redis_stream": unique_name("s"),
        "redis_channel": unique_name("c"),
    }
    settings = stack.settings.model_copy(update=private | names)
    await ensure_topics(stack.bootstrap_servers, settings, list(names.values()), settings.topic_partitions)
    return settings


async def test_bad_messages_are_dead_lettered_and_good_ones_processed(
    dlq_settings: Settings, tmp_path: Path
) -> None:
    settings = dlq_settings
    worker = spawn_worker(settings, tmp_path / "worker.log")
    producer = AIOKafkaProducer(
        **kafka_client_options(settings), max_request_size=8_000_000, max_batch_size=1
    )
    await producer.start()
    good_ids = []
    try:
        for n, (payload, _) in enumerate(BAD):
            await producer.send_and_wait(settings.articles_topic, payload, key=f"bad-{n}".encode())
            article_id = f"good-{n}"
            good = {**GOOD, "article_id": article_id, "body": f"{GOOD['body']} Update number {n} follows."}
            await producer.send_and_wait(
                settings.articles_topic, json.dumps(good).encode(), key=article_id.encode()
            )
            good_ids.append(article_id)
        async with AlertLog(settings) as log:
            done = await log.wait_for(good_ids, timeout=120)
        assert done, worker.log_tail(40)
        assert worker.alive()
        dead = await _read_all(settings, settings.dlq_topic, expected=len(BAD))
    finally:
        await producer.stop()
        worker.stop()
    reasons = {record.key.decode(): dict(record.headers)["reason"].decode() for record in dead}
    assert reasons == {f"bad-{n}": reason for n, (_, reason) in enumerate(BAD)}
    originals = {record.key.decode(): record for record in dead}
    assert originals["bad-0"].value == b"not json at all"
    big = originals["bad-7"]
    assert dict(big.headers)["truncated"] == b"true" and len(big.value) < len(BAD[7][0])
    assert dict(big.headers)["original_bytes"] == str(len(BAD[7][0])).encode()


async def _read_all(settings: Settings, topic: str, expected: int) -> list:  # type: ignore[type-arg]
    consumer = AIOKafkaConsumer(
        topic,
        group_id=None,
        auto_offset_reset="earliest",
        fetch_max_bytes=50_000_000,
        max_partition_fetch_bytes=50_000_000,
        **kafka_client_options(settings),
    )
    await consumer.start()
    found = []
    try:
        for _ in range(60):
            batch = await consumer.getmany(timeout_ms=1000)
            found += [r for records in batch.values() for r in records]
            if len(found) >= expected:
                break
    finally:
        await consumer.stop()
    return found
