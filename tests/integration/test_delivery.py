"""Alerts into Redis and out again: at most once per alert_id, on the stream and on both
channels; `follow` (and `newsmon subscribe`) reading history then live alerts; and both
sides riding out a Redis restart without losing or repeating an alert.

Real Redis throughout: the session's for most tests, a private redis-server for the
restart test.  Every test uses its own stream and channel names.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shutil
import signal
import sys
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis
from pydantic import SecretStr

from schemas import ALERT_ADAPTER, Alert
from services.alerts.delivery import AlertDelivery, Backoff, marker_key
from services.alerts.subscriber import follow
from services.config import Settings
from services.embedded import Stack
from services.embedded.process import ManagedProcess, free_port

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
FAST = Backoff(initial=0.05, cap=0.5)
SLOW = Backoff(initial=2.0, cap=2.0)  # waits 1-2 s: reconnects after FAST deliveries are through
WHEN = datetime(2024, 11, 30, 12, 0, tzinfo=UTC)


def alert(alert_id: str, kind: str = "new_story", story_id: str = "story-1", **extra: Any) -> Alert:
    fields: dict[str, Any] = {
        "kind": kind, "alert_id": alert_id, "story_id": story_id, "story_title": "Aleppo offensive",
        "article_id": f"article-{alert_id}", "source": "Wire", "language": "en",
        "published_at": WHEN, "detected_at": WHEN, "summary": f"alert {alert_id}",
    }  # fmt: skip
    if kind == "duplicate":
        fields |= {"duplicate_of": "article-0", "method": "cross_lingual", "similarity": 0.93}
    if kind == "new_claim":
        fields |= {"claim": "Rebels entered the city."}
    return ALERT_ADAPTER.validate_python(fields | extra)


@pytest.fixture
def mine(settings: Settings, unique_name: Callable[[str], str]) -> Settings:
    """The session settings with a stream and channel no other test uses."""
    names = {"redis_stream": unique_name("stream"), "redis_channel": unique_name("ch")}
    return settings.model_copy(update=names)


@pytest.fixture
async def delivery(mine: Settings) -> AsyncIterator[AlertDelivery]:
    async with AlertDelivery(mine, backoff=FAST) as d:
        yield d


class Follower:
    """`follow` running in a task, collecting what it yields."""

    def __init__(self, settings: Settings, from_start: bool, backoff: Backoff = FAST, **filters: Any) -> None:
        self.seen: list[Alert] = []
        self._task = asyncio.create_task(self._run(settings, from_start, backoff, filters))

    async def _run(
        self, settings: Settings, from_start: bool, backoff: Backoff, filters: dict[str, Any]
    ) -> None:
        async for item in follow(settings, from_start, block_ms=200, backoff=backoff, **filters):
            self.seen.append(item)

    @property
    def ids(self) -> list[str]:
        return [a.alert_id for a in self.seen]

    async def wait_for(self, count: int, timeout: float = 15.0) -> list[str]:
        deadline = time.monotonic() + timeout
        while len(self.seen) < count and time.monotonic() < deadline:
            if self._task.done():
                self._task.result()  # surface the error
            await asyncio.sleep(0.02)
        return self.ids

    async def stop(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


async def test_same_alert_twice_is_one_stream_entry(
    delivery: AlertDelivery, mine: Settings, redis_client: aioredis.Redis
) -> None:
    first = alert("a1", kind="duplicate")
    assert await delivery.deliver(first) is True
    assert await delivery.deliver(first) is False
    assert await delivery.deliver(alert("a1", kind="duplicate", summary="same id, other text")) is False

    entries = await redis_client.xrange(mine.redis_stream)
    assert len(entries) == 1
    _, fields = entries[0]
    assert {k: fields[k] for k in ("alert_id", "kind", "story_id")} == {
        "alert_id": "a1", "kind": "duplicate", "story_id": "story-1",
    }  # fmt: skip
    assert ALERT_ADAPTER.validate_json(fields["json"]) == first
    ttl = await redis_client.ttl(marker_key(mine.redis_stream, "a1"))
    assert 24 * 3600 < ttl <= 7 * 24 * 3600  # remembered for days, not forever


async def test_an_articles_alerts_go_in_one_call_each_once_in_order(
    delivery: AlertDelivery, mine: Settings, redis_client: aioredis.Redis
) -> None:
    pubsub = redis_client.pubsub()
    await pubsub.subscribe(mine.redis_channel, f"{mine.redis_channel}:new_claim")
    for _ in range(2):
        assert (await pubsub.get_message(timeout=2.0))["type"] == "subscribe"
    assert await delivery.deliver(alert("b2", kind="new_claim"))

    batch = [alert("b1"), alert("b2", kind="new_claim"), alert("b3", kind="new_claim")]
    assert await delivery.deliver_all(batch) == [True, False, True]
    assert await delivery.deliver_all(batch) == [False, False, False]
    assert await delivery.deliver_all([]) == []

    entries = await redis_client.xrange(mine.redis_stream)
    assert [fields["alert_id"] for _, fields in entries] == ["b2", "b1", "b3"]
    received: list[tuple[str, str]] = []
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        message = await pubsub.get_message(timeout=0.1)
        if message and message["type"] == "message":
            received.append((message["channel"], json.loads(message["data"])["alert_id"]))
    await pubsub.aclose()
    claims = f"{mine.redis_channel}:new_claim"
    assert received == [
        (mine.redis_channel, "b2"), (claims, "b2"),
        (mine.redis_channel, "b1"),
        (mine.redis_channel, "b3"), (claims, "b3"),
    ]  # fmt: skip


async def test_both_channels_get_it_once(
    delivery: AlertDelivery, mine: Settings, redis_client: aioredis.Redis
) -> None:
    pubsub = redis_client.pubsub()
    channels = [mine.redis_channel, f"{mine.redis_channel}:new_claim", f"{mine.redis_channel}:new_story"]
    await pubsub.subscribe(*channels)
    for _ in channels:  # the subscribe confirmations
        assert (await pubsub.get_message(timeout=2.0))["type"] == "subscribe"

    claim = alert("c1", kind="new_claim")
    assert await delivery.deliver(claim)
    assert not await delivery.deliver(claim)

    received: list[tuple[str, str]] = []
    deadline = time.monotonic() + 1.0  # long enough for a repeat to arrive
    while time.monotonic() < deadline:
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.2)
        if message is not None:
            received.append((message["channel"], message["data"]))
    await pubsub.aclose()
    assert sorted(channel for channel, _ in received) == sorted(channels[:2])  # not the new_story one
    assert all(ALERT_ADAPTER.validate_json(data) == claim for _, data in received)


async def test_stream_is_capped(
    settings: Settings, unique_name: Callable[[str], str], redis_client: aioredis.Redis
) -> None:
    capped = settings.model_copy(update={"redis_stream": unique_name("stream"), "redis_stream_maxlen": 100})
    async with AlertDelivery(capped) as delivery:
        for n in range(400):
            await delivery.deliver(alert(f"cap-{n}"))
    length = await redis_client.xlen(capped.redis_stream)
    assert 100 <= length < 400
    last = await redis_client.xrevrange(capped.redis_stream, count=1)
    assert last[0][1]["alert_id"] == "cap-399"  # trimming drops the oldest


async def test_follow_gives_history_then_live_alerts(delivery: AlertDelivery, mine: Settings) -> None:
    await delivery.deliver(alert("h1"))
    await delivery.deliver(alert("h2", kind="duplicate"))
    history = Follower(mine, from_start=True)
    live = Follower(mine, from_start=False)
    try:
        assert await history.wait_for(2) == ["h1", "h2"]
        await asyncio.sleep(0.5)  # the live follower has looked up the end by now
        await delivery.deliver(alert("l1", kind="new_claim"))
        assert await history.wait_for(3) == ["h1", "h2", "l1"]
        assert await live.wait_for(1) == ["l1"]
        await asyncio.sleep(0.5)
        assert history.ids == ["h1", "h2", "l1"] and live.ids == ["l1"]
    finally:
        await history.stop()
        await live.stop()


async def test_follow_filters_by_kind_and_story(delivery: AlertDelivery, mine: Settings) -> None:
    for item in [
        alert("f1", kind="new_story", story_id="s1"),
        alert("f2", kind="duplicate", story_id="s1"),
        alert("f3", kind="new_claim", story_id="s2"),
        alert("f4", kind="new_claim", story_id="s1"),
    ]:
        await delivery.deliver(item)
    kinds = Follower(mine, from_start=True, kinds=["new_claim", "duplicate"])
    story = Follower(mine, from_start=True, story="s1")
    both = Follower(mine, from_start=True, kinds=["new_claim"], story="s1")
    try:
        assert await kinds.wait_for(3) == ["f2", "f3", "f4"]
        assert await story.wait_for(3) == ["f1", "f2", "f4"]
        assert await both.wait_for(1) == ["f4"]
        await asyncio.sleep(0.4)
        assert (len(kinds.seen), len(story.seen), len(both.seen)) == (3, 3, 1)
    finally:
        for follower in (kinds, story, both):
            await follower.stop()


def _redis_argv(port: int, workdir: Path, password: str) -> list[str]:
    binary = shutil.which("redis-server")
    assert binary, "redis-server must be on PATH"
    return [
        binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(workdir),
        "--appendonly", "yes", "--appendfsync", "always", "--save", "",
        "--requirepass", password, "--daemonize", "no",
    ]  # fmt: skip


async def _start_redis(argv: list[str], workdir: Path, url: str) -> ManagedProcess:
    process = ManagedProcess.spawn("redis-server", argv, workdir / "redis.log", cwd=workdir)
    client = aioredis.from_url(url)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                if await client.ping():
                    return process
            except (aioredis.ConnectionError, OSError):
                if time.monotonic() > deadline or not process.alive():
                    raise AssertionError(process.log_tail()) from None
                await asyncio.sleep(0.05)
    finally:
        await client.aclose()


async def test_redis_restart_loses_and_repeats_nothing(
    settings: Settings, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    password = "s3cret-pass"
    port = free_port()
    url = f"redis://:{password}@127.0.0.1:{port}/0"
    argv = _redis_argv(port, tmp_path, password)
    mine = settings.model_copy(update={"redis_url": SecretStr(url)})
    retries: list[BaseException] = []
    caplog.set_level(logging.INFO)

    server = await _start_redis(argv, tmp_path, url)
    delivery = AlertDelivery(mine, backoff=FAST, on_retry=retries.append)
    history = Follower(mine, from_start=True, backoff=SLOW)
    live: Follower | None = None
    try:
        assert await delivery.deliver(alert("r1"))
        assert await history.wait_for(1) == ["r1"]
        live = Follower(mine, from_start=False, backoff=SLOW)  # starts after r1: must see r2, r3 only
        await asyncio.sleep(0.5)

        server.stop()
        pending = asyncio.create_task(delivery.deliver(alert("r2", kind="new_claim")))
        deadline = time.monotonic() + 10
        while len(retries) < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert len(retries) >= 2 and not pending.done()  # retrying, not dropped

        server = await _start_redis(argv, tmp_path, url)
        assert await asyncio.wait_for(pending, timeout=15) is True
        assert await delivery.deliver(alert("r3", kind="duplicate")) is True
        assert await delivery.deliver(alert("r1")) is False  # the marker survived the restart
        # The followers are still waiting to reconnect, so r2 and r3 were written while they
        # were away: they must resume after r1, not at the (new) end of the stream.
        assert history.ids == ["r1"] and live.ids == []
        assert await history.wait_for(3) == ["r1", "r2", "r3"]
        assert await live.wait_for(2) == ["r2", "r3"]
        await asyncio.sleep(1.0)  # time enough for a repeat to show up
        assert history.ids == ["r1", "r2", "r3"] and live.ids == ["r2", "r3"]
    finally:
        await history.stop()
        if live is not None:
            await live.stop()
        await delivery.aclose()
        server.stop()

    logged = caplog.text
    assert f"redis://:***@127.0.0.1:{port}/0" in logged  # the retries were logged, redacted
    assert password not in logged


async def _subscribe_cli(
    mine: Settings, stack: Stack, *args: str, redis_url: str | None = None
) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMON_")} | {
        "NEWSMON_REDIS_URL": redis_url or stack.redis_url,
        "NEWSMON_REDIS_STREAM": mine.redis_stream,
        "NEWSMON_METRICS_PORT": "0",
        # the session's own: a stack the developer runs would add its exports to the notes
        "NEWSMON_STACK_DIR": os.environ["NEWSMON_STACK_DIR"],
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "services.cli", "subscribe", *args,
        cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def _lines(
    process: asyncio.subprocess.Process, count: int, timeout: float = 20.0, stderr: bool = False
) -> list[str]:
    stream = process.stderr if stderr else process.stdout
    assert stream is not None
    lines = [await asyncio.wait_for(stream.readline(), timeout) for _ in range(count)]
    return [line.decode().rstrip("\n") for line in lines]


def _listening(
    mine: Settings, stack: Stack, filters: str = "all kinds, all stories", live: bool = False
) -> str:
    start = "live" if live else "history first, then live"
    return (
        f"newsmon subscribe: following stream {mine.redis_stream} at {stack.redis_url} ({filters}; {start})"
    )


async def _interrupt(process: asyncio.subprocess.Process) -> tuple[int, str, str]:
    """Ctrl-C, as a terminal sends it; a subscriber that ignores it is killed, then fails the test."""
    process.send_signal(signal.SIGINT)
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout=10)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise AssertionError("newsmon subscribe ignored Ctrl-C") from None
    return process.returncode or 0, out.decode(), err.decode()


async def test_subscribe_json_prints_only_alerts_and_ctrl_c_exits_0(
    delivery: AlertDelivery, mine: Settings, stack: Stack
) -> None:
    await delivery.deliver(alert("j1", kind="new_story"))
    await delivery.deliver(alert("j2", kind="duplicate"))
    args = ["--from-start", "--json", "--kind", "new_story", "--kind", "new_claim"]
    process = await _subscribe_cli(mine, stack, *args)
    try:
        first = await _lines(process, 1)
        await delivery.deliver(alert("j3", kind="new_claim"))
        second = await _lines(process, 1)
    finally:
        code, rest, err = await _interrupt(process)
    records = [json.loads(line) for line in first + second]
    assert [r["alert_id"] for r in records] == ["j1", "j3"]
    assert records[1]["claim"] == "Rebels entered the city."
    assert (code, rest) == (0, "")
    assert err.splitlines() == [
        _listening(mine, stack, "new_claim, new_story, all stories"),
        "newsmon subscribe: history: 1 alert(s) above; waiting for new ones (Ctrl-C stops)",
    ]


async def test_subscribe_human_lines(delivery: AlertDelivery, mine: Settings, stack: Stack) -> None:
    await delivery.deliver(alert("k1", kind="new_story"))
    await delivery.deliver(alert("k2", kind="duplicate"))
    process = await _subscribe_cli(mine, stack, "--from-start")
    try:
        lines = await _lines(process, 2)
    finally:
        code, _, err = await _interrupt(process)
    assert lines == ["NEW     Aleppo offensive (Wire)", "COPY    Wire: translation of article-0 (0.93)"]
    assert code == 0
    assert err.splitlines() == [
        _listening(mine, stack),
        "newsmon subscribe: history: 2 alert(s) above; waiting for new ones (Ctrl-C stops)",
    ]


async def test_subscribe_says_where_it_listens_and_that_the_history_is_empty(
    delivery: AlertDelivery, mine: Settings, stack: Stack
) -> None:
    process = await _subscribe_cli(mine, stack, "--from-start")
    try:
        said = await _lines(process, 2, stderr=True)  # before any alert: the stream is empty
        await delivery.deliver(alert("e1"))
        shown = await _lines(process, 1)
    finally:
        code, _, _ = await _interrupt(process)
    assert said == [
        _listening(mine, stack),
        f"newsmon subscribe: the stream {mine.redis_stream} is empty: no alert yet; waiting for new ones",
    ]
    assert shown == ["NEW     Aleppo offensive (Wire)"] and code == 0


async def test_subscribe_live_only_says_what_the_stream_holds(
    delivery: AlertDelivery, mine: Settings, stack: Stack
) -> None:
    await delivery.deliver(alert("h1"))
    await delivery.deliver(alert("h2", kind="duplicate"))
    process = await _subscribe_cli(mine, stack, "--story", "story-1")
    try:
        said = await _lines(process, 2, stderr=True)
    finally:
        await _interrupt(process)
    assert said == [
        _listening(mine, stack, "all kinds, story story-1", live=True),
        "newsmon subscribe: new alerts only: the stream holds 2 (--from-start shows them first)",
    ]


async def test_subscribe_without_a_redis_fails_at_once_in_one_line(mine: Settings, stack: Stack) -> None:
    """At start, nothing at the address is a setup problem: say so and exit 3 (while
    running, a lost Redis is an outage and is waited out: test_redis_restart_...)."""
    url = f"redis://127.0.0.1:{free_port()}/0"
    started = time.monotonic()
    process = await _subscribe_cli(mine, stack, "--from-start", redis_url=url)
    out, err = await asyncio.wait_for(process.communicate(), timeout=30)
    assert time.monotonic() - started < 15
    assert process.returncode == 3 and out == b""
    lines = err.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"newsmon subscribe: Redis at {url} does not answer (")
    assert lines[0].endswith("): check NEWSMON_REDIS_URL, or start a local one with `newsmon stack up`")


async def test_subscribe_rejects_an_unknown_kind(mine: Settings, stack: Stack) -> None:
    process = await _subscribe_cli(mine, stack, "--kind", "figure")
    out, err = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 2
    assert "unknown kind figure" in err.decode() and out == b""
