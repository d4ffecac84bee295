"""The embedded stack against real clients: aiokafka, redis-py and an in-process Faust app.

These tests pin down what newsmon relies on from tansu and Redis, including the
workarounds for tansu's quirks (see services/embedded/broker.py), so a broker
upgrade that changes behaviour shows up here first.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import faust
import pytest
import redis.asyncio as aioredis
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from services.config import Settings
from services.embedded import BrokerStartError, RedisStartError, Stack, embedded_stack
from services.embedded import broker as broker_module
from services.embedded import redis_server as redis_module
from services.embedded.kafka_admin import admin_client, answers, ensure_topics, wait_until_answers
from services.embedded.process import free_port
from services.embedded.redis_server import redis_answers, start_redis
from services.kafka_options import kafka_client_options

pytestmark = pytest.mark.integration

#: Short group timeouts: tansu waits half the session timeout before the first assignment.
FAST_GROUP = {"session_timeout_ms": 3000, "heartbeat_interval_ms": 500}


async def wait_for(condition: Callable[[], bool], timeout: float = 15.0) -> bool:
    """Poll `condition` until true or `timeout`; returns its last value."""
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return condition()


@asynccontextmanager
async def producer(stack: Stack, **options: Any) -> AsyncIterator[AIOKafkaProducer]:
    client = AIOKafkaProducer(**kafka_client_options(stack.settings), **(stack.producer_options | options))
    await client.start()
    try:
        yield client
    finally:
        await client.stop()


async def end_offset(stack: Stack, topic: str, partition: int = 0) -> int:
    consumer = AIOKafkaConsumer(**kafka_client_options(stack.settings))
    await consumer.start()
    try:
        tp = TopicPartition(topic, partition)
        return (await consumer.end_offsets([tp]))[tp]
    finally:
        await consumer.stop()


# --- the stack itself ---------------------------------------------------------------


async def test_stack_creates_the_service_topics(stack: Stack, settings: Settings) -> None:
    names = [settings.articles_topic, settings.dlq_topic, settings.alerts_topic]
    async with admin_client(stack.bootstrap_servers, settings) as admin:
        described = {t["topic"]: len(t["partitions"]) for t in await admin.describe_topics(names)}
    assert described == dict.fromkeys(names, settings.topic_partitions)
    assert stack.topic_partitions == described


async def test_stack_stops_what_it_started(settings: Settings) -> None:
    fresh = settings.model_copy(update={"kafka_bootstrap_servers": None})
    async with embedded_stack(fresh) as inner:
        assert inner.embedded_broker and inner.pids["tansu"] > 0
        broker = inner.broker
        assert broker is not None
        assert await answers(inner.bootstrap_servers, fresh)
    assert broker.process.popen.returncode is not None, "tansu still running after the stack exited"
    assert not inner.workdir.exists(), "the stack's temp dir (logs) was not removed"


async def test_creating_topics_twice_is_fine(
    stack: Stack, settings: Settings, unique_name: Callable[[str], str]
) -> None:
    topic = unique_name("twice")
    first = await ensure_topics(stack.bootstrap_servers, settings, [topic], 3)
    second = await ensure_topics(stack.bootstrap_servers, settings, [topic], 5)
    assert first == second == {topic: 3}


async def test_unreachable_kafka_fails_with_one_line(settings: Settings) -> None:
    nowhere = f"127.0.0.1:{free_port()}"
    with pytest.raises(BrokerStartError) as raised:
        await wait_until_answers(nowhere, settings, time.monotonic() + 0.5)
    assert nowhere in str(raised.value) and "\n" not in str(raised.value)


async def test_a_taken_port_is_retried(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tansu panics (and exits 0) on a taken port; the start must try another one."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        ports = iter([taken.getsockname()[1], free_port()])
        monkeypatch.setattr(broker_module, "free_port", lambda: next(ports))
        broker = await broker_module.start_broker(tmp_path, settings)
    try:
        assert await answers(broker.bootstrap, settings)
        assert (tmp_path / "tansu-0.log").read_text().count("Address in use") >= 1
    finally:
        broker.stop()


async def test_a_broker_that_exits_fails_fast_in_one_line(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(broker_module, "tansu_binary", lambda: Path("/bin/false"))
    started = time.monotonic()
    with pytest.raises(BrokerStartError) as raised:
        await broker_module.start_broker(tmp_path, settings)
    assert time.monotonic() - started < 5, "a dead broker must not be waited for until the deadline"
    assert "exited with code 1" in str(raised.value) and "\n" not in str(raised.value)


async def test_a_redis_that_exits_fails_fast_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(redis_module, "redis_server_binary", lambda: Path("/bin/false"))
    started = time.monotonic()
    with pytest.raises(RedisStartError) as raised:
        await redis_module.start_redis(tmp_path)
    assert time.monotonic() - started < 5, "a dead redis-server must not be waited for until the deadline"
    assert "exited with code 1" in str(raised.value) and "\n" not in str(raised.value)


# --- Kafka through aiokafka ---------------------------------------------------------


async def test_produce_and_consume_in_a_group(
    stack: Stack, settings: Settings, unique_name: Callable[[str], str]
) -> None:
    topic = unique_name("events")
    await ensure_topics(stack.bootstrap_servers, settings, [topic], 1)
    sent = [(f"k{i}".encode(), f"value {i}".encode()) for i in range(5)]
    async with producer(stack) as client:
        for key, value in sent:
            await client.send_and_wait(topic, value, key=key)
    consumer = AIOKafkaConsumer(
        topic,
        **kafka_client_options(stack.settings),
        group_id=unique_name("group"),
        auto_offset_reset="earliest",
        **FAST_GROUP,
    )
    await consumer.start()
    try:
        received = await asyncio.wait_for(_take(consumer, len(sent)), 20)
    finally:
        await consumer.stop()
    assert received == sent


async def _take(consumer: AIOKafkaConsumer, count: int) -> list[tuple[bytes | None, bytes | None]]:
    received: list[tuple[bytes | None, bytes | None]] = []
    async for message in consumer:
        received.append((message.key, message.value))
        if len(received) == count:
            return received
    return received


async def test_end_offsets_are_right_with_one_record_batches(
    stack: Stack, settings: Settings, unique_name: Callable[[str], str]
) -> None:
    """The workaround in stack.producer_options: lag and "replay drained" depend on it."""
    topic = unique_name("offsets")
    await ensure_topics(stack.bootstrap_servers, settings, [topic], 1)
    async with producer(stack, linger_ms=100) as client:
        pending = [await client.send(topic, f"m{i}".encode()) for i in range(7)]
        await asyncio.gather(*pending)
    assert await end_offset(stack, topic) == 7


@pytest.mark.xfail(strict=True, reason="tansu 0.6.0: end offset = base offset of the last batch + 1")
async def test_end_offsets_with_multi_record_batches(
    stack: Stack, settings: Settings, unique_name: Callable[[str], str]
) -> None:
    """Fails today; when it passes (XPASS → failure) the one-record-batch workaround can go."""
    topic = unique_name("batched")
    await ensure_topics(stack.bootstrap_servers, settings, [topic], 1)
    client = AIOKafkaProducer(**kafka_client_options(stack.settings), linger_ms=100)
    await client.start()
    try:
        await asyncio.gather(*[await client.send(topic, f"m{i}".encode()) for i in range(7)])
    finally:
        await client.stop()
    assert await end_offset(stack, topic) == 7


async def test_two_group_members_split_the_partitions(
    stack: Stack, settings: Settings, unique_name: Callable[[str], str]
) -> None:
    """Worker scaling: a second member joins, the group rebalances, each gets a share."""
    topic, group = unique_name("split"), unique_name("group")
    await ensure_topics(stack.bootstrap_servers, settings, [topic], 2)
    members = [
        AIOKafkaConsumer(topic, **kafka_client_options(stack.settings), group_id=group, **FAST_GROUP)
        for _ in range(2)
    ]
    await members[0].start()
    try:
        await members[1].start()

        async def poll_until_split() -> None:
            while not all(len(member.assignment()) == 1 for member in members):
                await asyncio.gather(*(member.getmany(timeout_ms=200) for member in members))

        await asyncio.wait_for(poll_until_split(), 30)
        shares = [member.assignment() for member in members]
    finally:
        await asyncio.gather(*(member.stop() for member in members))
    assert shares[0] | shares[1] == {TopicPartition(topic, 0), TopicPartition(topic, 1)}
    assert not shares[0] & shares[1]


# --- Redis ----------------------------------------------------------------------------


async def next_message(pubsub: Any, timeout: float = 5.0) -> dict[str, Any] | None:
    """The next published message; get_message() returns None for the subscribe confirmation."""
    deadline = time.monotonic() + timeout
    while (remaining := deadline - time.monotonic()) > 0:
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=remaining)
        if message is not None:
            return dict(message)
    return None


async def test_redis_pubsub_delivers(redis_client: aioredis.Redis, settings: Settings) -> None:
    channel = f"{settings.redis_channel}:new_story"
    pubsub = redis_client.pubsub()
    await pubsub.subscribe(channel)
    try:
        receivers = await redis_client.publish(channel, '{"alert_id": "a1"}')
        message = await next_message(pubsub)
    finally:
        await pubsub.aclose()
    assert receivers == 1
    assert message is not None
    assert (message["channel"], message["data"]) == (channel, '{"alert_id": "a1"}')


async def test_redis_stream_keeps_order(redis_client: aioredis.Redis, settings: Settings) -> None:
    stream = settings.redis_stream
    ids = [
        await redis_client.xadd(stream, {"alert_id": f"a{i}"}, maxlen=settings.redis_stream_maxlen)
        for i in range(3)
    ]
    entries = await redis_client.xrange(stream)
    assert [entry_id for entry_id, _ in entries] == ids
    assert [fields["alert_id"] for _, fields in entries] == ["a0", "a1", "a2"]


async def test_started_redis_answers_and_stops(tmp_path: Path) -> None:
    """The fallback when no Redis answers: a private redis-server without persistence."""
    server = await start_redis(tmp_path)
    try:
        assert await redis_answers(server.url)
    finally:
        code = server.stop()
    assert code == 0
    assert not await redis_answers(server.url, timeout=0.3)
    assert not list(tmp_path.glob("*.rdb")), "redis-server wrote a dump despite --save ''"


# --- Faust ------------------------------------------------------------------------------


def counting_app(stack: Stack, app_id: str, topic_name: str, datadir: Path) -> tuple[faust.App, Any, Any]:
    """A Faust app with a topic, an agent and a Table: sums values per key."""
    app = faust.App(
        app_id,
        broker=f"kafka://{stack.bootstrap_servers}",
        store="memory://",
        datadir=str(datadir),
        web_enabled=False,
        topic_partitions=2,
        **stack.faust_settings,
    )
    topic = app.topic(topic_name, key_type=str, value_type=int, partitions=2)
    totals = app.Table("totals", default=int, partitions=2)

    @app.agent(topic, name="sum")
    async def sum_values(stream: Any) -> None:
        async for key, value in stream.items():
            totals[key] += value

    return app, topic, totals


EVENTS = [(f"story-{i % 3}", i) for i in range(10)]
EXPECTED = {"story-0": 0 + 3 + 6 + 9, "story-1": 1 + 4 + 7, "story-2": 2 + 5 + 8}


def table_equals(table: Any, expected: dict[str, int]) -> Callable[[], bool]:
    return lambda: {key: table[key] for key in expected} == expected


async def test_faust_agent_updates_a_table(
    stack: Stack, settings: Settings, unique_name: Callable[[str], str], tmp_path: Path
) -> None:
    source = unique_name("events")
    await ensure_topics(stack.bootstrap_servers, settings, [source], 2)
    app, topic, totals = counting_app(stack, unique_name("app"), source, tmp_path)
    await app.start()
    try:
        for key, value in EVENTS:
            await topic.send(key=key, value=value)
        await wait_for(table_equals(totals, EXPECTED))
    finally:
        await app.stop()
    assert {key: totals[key] for key in EXPECTED} == EXPECTED


async def test_faust_table_recovers_from_its_changelog(
    stack: Stack, settings: Settings, unique_name: Callable[[str], str], tmp_path: Path
) -> None:
    """A restarted worker rebuilds its table from the changelog topic tansu keeps."""
    source, app_id = unique_name("events"), unique_name("app")
    await ensure_topics(stack.bootstrap_servers, settings, [source], 2)
    first, topic, totals = counting_app(stack, app_id, source, tmp_path / "first")
    await first.start()
    try:
        for key, value in EVENTS:
            await topic.send(key=key, value=value)
        assert await wait_for(table_equals(totals, EXPECTED))
    finally:
        await first.stop()
    second, _, restored = counting_app(stack, app_id, source, tmp_path / "second")
    await second.start()
    try:
        await wait_for(table_equals(restored, EXPECTED))
        recovered = {key: restored[key] for key in EXPECTED}
    finally:
        await second.stop()
    assert recovered == EXPECTED


# --- process hygiene ----------------------------------------------------------------------

HOLD_STACK = """
import asyncio, sys, tempfile
from pathlib import Path
from services.config import Settings
from services.embedded import embedded_stack
from services.embedded.redis_server import start_redis

async def main():
    async with embedded_stack(Settings(kafka_bootstrap_servers=None)) as stack:
        with tempfile.TemporaryDirectory() as tmp:
            server = await start_redis(Path(tmp))
            try:
                print(stack.pids["tansu"], server.process.pid, flush=True)
                await asyncio.sleep(60)
            finally:
                server.stop()

try:
    asyncio.run(main())
except KeyboardInterrupt:
    sys.exit(130)
"""


def hold_stack_in_child() -> tuple[subprocess.Popen[str], list[int]]:
    """Run a process that starts tansu and redis-server, and return it with their pids."""
    env = os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_STACK], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    if not line:
        _, errors = child.communicate(timeout=5)
        pytest.fail(f"the child exited before starting the stack (code {child.returncode}): {errors[-2000:]}")
    return child, [int(pid) for pid in line.split()]


def running(pid: int) -> bool:
    """True while `pid` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_stops_the_children() -> None:
    child, pids = hold_stack_in_child()
    assert all(running(pid) for pid in pids)
    child.send_signal(signal.SIGINT)
    assert child.wait(timeout=15) == 130
    deadline = time.monotonic() + 5
    while any(running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in pids if running(pid)] == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux-only")
def test_children_die_with_a_killed_parent() -> None:
    """`kill -9` of the test runner must not leave a broker holding a port."""
    child, pids = hold_stack_in_child()
    child.kill()
    child.wait(timeout=5)
    deadline = time.monotonic() + 5
    while any(running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in pids if running(pid)] == []
