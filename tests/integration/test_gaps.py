"""A numbered article that never comes (a producer that died mid-run): the worker decides
the articles held behind it once its intake has caught up, by writing a give-up record
into the prepared log — so a worker that folds the log later makes the same decisions."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from schemas import Article
from services.config import Settings
from services.embedded.kafka_admin import ensure_topics
from services.kafka_options import kafka_client_options
from services.processor.group_offsets import GroupOffsets
from services.processor.launch import AlertLog, spawn_worker

pytestmark = pytest.mark.integration

BODIES = [
    "Floods forced thousands of residents from their homes in the river valley on Sunday.",
    "Voters in the capital elected a new mayor on Sunday after a campaign about housing.",
    "The central bank left its main interest rate unchanged at its meeting on Thursday.",
]


async def publish(settings: Settings, numbered: list[tuple[int, str]]) -> None:
    producer = AIOKafkaProducer(**kafka_client_options(settings))
    await producer.start()
    try:
        for n, body in numbered:
            at = datetime(2025, 3, 1, n, tzinfo=UTC)
            article = Article(article_id=f"gap-{n}", source="wire", body=body, language="en", published_at=at)
            seq = [("newsmon-seq", f"gap:{n}".encode())]
            value = article.model_dump_json().encode()
            await producer.send(settings.articles_topic, value, key=article.article_id.encode(), headers=seq)
        await producer.flush()
    finally:
        await producer.stop()


async def prepared_log(settings: Settings) -> list[str]:
    """The prepared log in order: "give_up", or the article id of a prepared record."""
    options = kafka_client_options(settings)
    topic = f"{settings.app_id}-prepared"
    consumer = AIOKafkaConsumer(topic, group_id=None, auto_offset_reset="earliest", **options)
    await consumer.start()
    out: list[str] = []
    try:
        while batch := await consumer.getmany(timeout_ms=3000):  # until 3 s bring nothing
            for records in batch.values():
                for r in records:
                    doc = json.loads(r.value or b"{}")
                    out.append(
                        doc["prepared"]["article"]["article_id"] if doc["type"] == "prepared" else doc["type"]
                    )
        return out
    finally:
        await consumer.stop()


async def test_a_number_that_never_comes_is_given_up_through_the_log(
    settings: Settings, unique_name: Callable[[str], str], tmp_path: Path
) -> None:
    app = unique_name("app")
    settings = settings.model_copy(update={"app_id": app, "articles_topic": f"{app}.articles"})
    await ensure_topics(settings.kafka_bootstrap_servers or "", settings, [settings.articles_topic], 4)
    worker = spawn_worker(settings, tmp_path / "worker.log")
    try:
        await publish(settings, [(0, BODIES[0]), (2, BODIES[1]), (3, BODIES[2])])  # 1 never published
        async with AlertLog(settings) as alerts:
            done = await alerts.wait_for(["gap-0", "gap-2", "gap-3"], timeout=90)
        assert done, worker.log_tail(40)
        log = await prepared_log(settings)
        assert sorted(r for r in log if r.startswith("gap-")) == ["gap-0", "gap-2", "gap-3"], log
        # not before the first article waiting behind the gap was prepared (gap-3 may come later)
        assert "give_up" in log and log.index("give_up") > log.index("gap-2"), log
        assert "giving up on number 1 of run 'gap'" in worker.log_tail(200)
    finally:
        worker.stop()


async def _commit(settings: Settings, topic: str, offsets: dict[int, int]) -> None:
    """Commit the group's offsets as an intake that prepared everything below them would."""
    consumer = AIOKafkaConsumer(
        group_id=settings.app_id, enable_auto_commit=False, **kafka_client_options(settings)
    )
    await consumer.start()
    try:
        parts = {TopicPartition(topic, p): offset for p, offset in offsets.items()}
        consumer.assign(list(parts))
        await consumer.commit(parts)
    finally:
        await consumer.stop()


async def test_a_number_sent_earlier_but_appended_later_is_still_waited_for(
    settings: Settings, unique_name: Callable[[str], str]
) -> None:
    """The chaos run's loss: number 1 was sent before number 2 but reached the log after
    it, in another partition, and sat there undelivered.  Its record's time is earlier
    than number 2's, its append is later; the embedded broker finds offsets by append
    time, so asking which offset number 2's time reaches counted number 1 as published
    after it.  The input must be read for the number itself."""
    app = unique_name("app")
    settings = settings.model_copy(update={"app_id": app, "articles_topic": f"{app}.articles"})
    topic = settings.articles_topic
    await ensure_topics(settings.kafka_bootstrap_servers or "", settings, [topic], 2)
    producer = AIOKafkaProducer(**kafka_client_options(settings), max_batch_size=1)
    await producer.start()
    try:
        sent_at = int(time.time() * 1000)

        async def put(partition: int, seq: str, timestamp_ms: int | None = None) -> None:
            headers = [("newsmon-seq", seq.encode())]
            await (
                await producer.send(
                    topic, b"{}", partition=partition, headers=headers, timestamp_ms=timestamp_ms
                )
            )

        await put(0, "run:0")
        await put(1, "other:1")  # another run's number 1
        await put(1, "run:2")
        await asyncio.sleep(0.05)
        await put(0, "run:1", timestamp_ms=sent_at)  # stamped before number 2, appended after it
        await put(0, "run:3")
    finally:
        await producer.stop()
    offsets = GroupOffsets(settings)
    try:
        await _commit(settings, topic, {0: 1, 1: 0})  # numbers 1 and 2 (and other:1) not prepared
        assert await offsets.holds_unprepared(topic, "run", range(1, 2))
        assert not await offsets.holds_unprepared(topic, "run", range(4, 5))  # never published
        assert not await offsets.holds_unprepared(topic, "other", range(0, 1))  # its number 1 is past 0
        await _commit(settings, topic, {0: 2, 1: 2})  # number 1 prepared: nothing is missing any more
        assert not await offsets.holds_unprepared(topic, "run", range(1, 2))
    finally:
        await offsets.stop()
