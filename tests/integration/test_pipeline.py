"""Replay → Kafka → worker → Redis, against the embedded broker and a real Redis.

The worker runs as its own process (`newsmon worker`), exactly as deployed; the
expected alert ids come from the batch analysis of the same articles in-process.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from services.analysis.engine import Analyzer
from services.article_files import load_articles
from services.config import Settings
from services.core import build_analyzer
from services.embedded import Stack
from services.processor.launch import AlertLog, spawn_worker
from services.replayer.publisher import Replayer, ReplayPlan

pytestmark = pytest.mark.integration
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def batch_alert_ids(settings: Settings) -> list[str]:
    articles, errors = load_articles([SEEDS])
    assert not errors
    analyzer: Analyzer = build_analyzer(settings)
    records = [r for a in articles for r in analyzer.process(a, datetime.now(UTC))]
    return [r.alert_id for r in records if r.record == "alert"]


@pytest.fixture
def pipeline_settings(stack: Stack, unique_name: Callable[[str], str]) -> Settings:
    """A private app id, stream and channel, so runs never see each other's state."""
    return stack.settings.model_copy(
        update={
            "app_id": unique_name("app"),
            "redis_stream": unique_name("stream"),
            "redis_channel": unique_name("channel"),
            "alerts_topic": stack.settings.alerts_topic,
        }
    )


async def test_replayed_seeds_give_the_batch_alerts_once_each(
    pipeline_settings: Settings, stack: Stack, tmp_path: Path
) -> None:
    settings = pipeline_settings
    expected = batch_alert_ids(settings)
    received: list[dict] = []
    pubsub_client = aioredis.from_url(stack.redis_url, decode_responses=True)
    pubsub = pubsub_client.pubsub()
    await pubsub.subscribe(settings.redis_channel)

    async def listen() -> None:
        async for message in pubsub.listen():
            if message["type"] == "message":
                received.append(json.loads(message["data"]))

    listener = asyncio.create_task(listen())
    worker = spawn_worker(settings, tmp_path / "worker.log")
    try:
        articles, _ = load_articles([SEEDS])
        result = await Replayer(articles, settings, ReplayPlan()).run()
        assert result.published == len(articles)
        async with AlertLog(settings) as log:
            done = await log.wait_for([a.article_id for a in articles], timeout=120)
        assert done, f"worker did not finish; log tail:\n{worker.log_tail(40)}"
        stream = await pubsub_client.xrange(settings.redis_stream)
        stream_ids = [fields["alert_id"] for _, fields in stream]
        assert sorted(stream_ids) == sorted(expected)
        assert len(stream_ids) == len(set(stream_ids))
        await asyncio.sleep(0.5)
        assert sorted(a["alert_id"] for a in received) == sorted(expected)
    finally:
        worker.stop()
        listener.cancel()
        await pubsub.aclose()
        await pubsub_client.aclose()


def _assigned(log: str, topic: str) -> set[int]:
    """The input partitions of the worker's last assignment, from Faust's log table."""
    found: set[int] = set()
    for match in re.finditer(rf"\| {re.escape(topic)} +\| \{{([^}}]*)\}}", log):
        found = set()
        for part in match.group(1).split(","):
            low, _, high = part.strip().partition("-")
            found |= set(range(int(low), int(high or low) + 1))
    return found


async def _ready(worker, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    """Faust says "Ready" once it has joined the group and started its agents."""
    for _ in range(int(timeout * 5)):
        if "Ready" in worker.log_tail(200):
            return
        assert worker.alive(), worker.log_tail(40)
        await asyncio.sleep(0.2)
    raise AssertionError(f"worker not ready:\n{worker.log_tail(40)}")


async def test_two_workers_in_one_group_give_the_same_alerts(
    pipeline_settings: Settings, tmp_path: Path
) -> None:
    settings = pipeline_settings
    expected = batch_alert_ids(settings)
    first = spawn_worker(settings, tmp_path / "worker-1.log", name="worker-1")
    second = spawn_worker(settings, tmp_path / "worker-2.log", name="worker-2")
    client = aioredis.from_url(settings.redis_url_value() or "", decode_responses=True)
    try:
        await _ready(first)
        await _ready(second)
        await asyncio.sleep(10)  # the embedded broker settles a two-member rebalance in ~8 s
        articles, _ = load_articles([SEEDS])
        await Replayer(articles, settings, ReplayPlan()).run()
        async with AlertLog(settings) as log:
            done = await log.wait_for([a.article_id for a in articles], timeout=120)
        assert done, f"{first.log_tail(30)}\n---\n{second.log_tail(30)}"
        stream_ids = [fields["alert_id"] for _, fields in await client.xrange(settings.redis_stream)]
        assert sorted(stream_ids) == sorted(expected)
        shares = [_assigned(w.log_path.read_text(), settings.articles_topic) for w in (first, second)]
        assert all(shares), f"one worker got no input partitions: {shares}"
        assert set().union(*shares) == set(range(settings.topic_partitions))
    finally:
        first.stop()
        second.stop()
        await client.aclose()
