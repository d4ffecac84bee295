"""Shared fixtures: a real broker and a real Redis for integration tests, started once.

They come from `services.embedded.embedded_stack`, the start-up code `newsmon demo`
runs, never from mocks; unit tests that do not ask for them start nothing.

Isolation.  The broker is private to the test session unless
NEWSMON_KAFKA_BOOTSTRAP_SERVERS names a shared one.  Redis may well be shared (a
developer's own server on :6379), so every name a test touches — stream, channel,
topic, Faust app id — starts with a per-session prefix `newsmon-test-<hex>`, and the
session deletes its keys at the end.  A Redis DB number would not be enough: pub/sub
channels are global to the server, whatever the DB.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable

import pytest
import redis.asyncio as aioredis

from services.config import Settings
from services.embedded import Stack, embedded_stack

# The tests press Ctrl-C on commands they start (SIGINT).  A test run started in the
# background of a non-interactive shell ignores SIGINT (bash does that for asynchronous
# commands), and an ignored signal stays ignored in every child: the commands would not
# hear Ctrl-C.  Hear it again here, as a terminal's foreground run would.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

SESSION_PREFIX = f"newsmon-test-{uuid.uuid4().hex[:8]}"
# `newsmon demo` and `newsmon stack` keep a state file (services/embedded/local.py): the
# ones tests start keep theirs apart from a developer's own stack.
os.environ["NEWSMON_STACK_DIR"] = tempfile.mkdtemp(prefix=f"{SESSION_PREFIX}-stack-")

_startup: dict[str, float] = {}


def session_settings() -> Settings:
    """Settings from the environment, with every shared name made unique to this session."""
    return Settings(
        articles_topic=f"{SESSION_PREFIX}.news.articles",
        dlq_topic=f"{SESSION_PREFIX}.news.articles.dlq",
        alerts_topic=f"{SESSION_PREFIX}.news.alerts",
        app_id=SESSION_PREFIX,
        redis_stream=f"{SESSION_PREFIX}:alerts",
        redis_channel=f"{SESSION_PREFIX}:alerts",
    )


@pytest.fixture(scope="session")
async def stack() -> AsyncIterator[Stack]:
    """Kafka + Redis for the whole session (about 50 ms to start with the embedded broker)."""
    started = time.perf_counter()
    async with embedded_stack(session_settings()) as running:
        _startup.update(running.startup_seconds, total=time.perf_counter() - started)
        yield running
        await _delete_session_keys(running.redis_url)


async def _delete_session_keys(url: str) -> None:
    client = aioredis.from_url(url)
    try:
        async for key in client.scan_iter(match=f"{SESSION_PREFIX}*"):
            await client.delete(key)
    finally:
        await client.aclose()


@pytest.fixture(scope="session")
def settings(stack: Stack) -> Settings:
    """Settings pointing at the session's broker and Redis, with session-unique names."""
    return stack.settings


@pytest.fixture
async def redis_client(stack: Stack) -> AsyncIterator[aioredis.Redis]:
    """A fresh client per test (str responses), closed afterwards."""
    client = aioredis.from_url(stack.redis_url, decode_responses=True)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture
def unique_name(request: pytest.FixtureRequest) -> Callable[[str], str]:
    """`unique_name("events")` → a topic/key name no other test or session uses."""
    test = re.sub(r"[^A-Za-z0-9]+", "-", request.node.name).strip("-")[:40]

    def make(kind: str) -> str:
        return f"{SESSION_PREFIX}.{test}.{kind}.{uuid.uuid4().hex[:6]}"

    return make


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how long the stack took to start: a number worth keeping an eye on."""
    if _startup:
        parts = ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in _startup.items())
        terminalreporter.write_line(f"embedded stack start-up: {parts}")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ["NEWSMON_STACK_DIR"], ignore_errors=True)
