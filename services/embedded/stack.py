"""One entry point for "a Kafka and a Redis to talk to", shared by the demo and the tests.

    async with embedded_stack(settings) as stack:
        stack.settings.kafka_bootstrap_servers   # configured, or the embedded broker
        stack.settings.redis_url_value()         # configured, local :6379, or started

Configured services are used as they are; anything missing is started here and
stopped on the way out, also on errors and Ctrl-C.  The tests go through this very
code (no mocks), so what they prove about start-up is what the demo does.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import SecretStr

from services.config import Settings, redact_url
from services.embedded.broker import (
    EMBEDDED_FAUST_SETTINGS,
    EMBEDDED_PRODUCER_OPTIONS,
    EMBEDDED_SETTINGS,
    EmbeddedBroker,
    start_broker,
)
from services.embedded.errors import BrokerStartError
from services.embedded.kafka_admin import ensure_topics, wait_until_answers
from services.embedded.redis_server import (
    LOCAL_REDIS_URL,
    EmbeddedRedis,
    redis_answers,
    redis_server_binary,
    start_redis,
)

#: Receives one human sentence per start-up step; the demo prints them.
StepReporter = Callable[[str], None]

_CONFIGURED_KAFKA_TIMEOUT = 10.0
T = TypeVar("T")


@dataclass(frozen=True)
class FixedPorts:
    """Where `newsmon stack up` and the demo start their broker and Redis (instead of free
    ports), so other commands can be pointed at them once and for all."""

    kafka: int
    redis: int


@dataclass(frozen=True)
class Stack:
    """What is running, where, and how long it took to get there."""

    settings: Settings
    bootstrap_servers: str
    redis_url: str
    workdir: Path
    broker: EmbeddedBroker | None = None
    redis_server: EmbeddedRedis | None = None
    topic_partitions: dict[str, int] = field(default_factory=dict)
    startup_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def embedded_broker(self) -> bool:
        return self.broker is not None

    @property
    def embedded_redis(self) -> bool:
        return self.redis_server is not None

    @property
    def pids(self) -> dict[str, int]:
        """Processes this stack started (and will stop), by name."""
        started = [
            self.broker.process if self.broker else None,
            self.redis_server.process if self.redis_server else None,
        ]
        return {process.name: process.pid for process in started if process is not None}

    @property
    def faust_settings(self) -> dict[str, Any]:
        """Extra faust.App settings this broker needs (empty for real Kafka)."""
        return dict(EMBEDDED_FAUST_SETTINGS) if self.embedded_broker else {}

    @property
    def producer_options(self) -> dict[str, Any]:
        """Extra AIOKafkaProducer options this broker needs (empty for real Kafka)."""
        return dict(EMBEDDED_PRODUCER_OPTIONS) if self.embedded_broker else {}


def _silent(_: str) -> None:
    return None


@asynccontextmanager
async def embedded_stack(
    settings: Settings,
    on_step: StepReporter | None = None,
    *,
    ports: FixedPorts | None = None,
    workdir: Path | None = None,
) -> AsyncIterator[Stack]:
    """Yield a Stack whose `settings` point at a Kafka and a Redis that answer.

    With `ports`, what is started listens there (and Redis is started rather than taken
    from :6379, so the stack's alerts start empty like its memory-only broker); logs go
    to `workdir` when given, else to a temporary directory.  Raises BrokerStartError /
    RedisStartError (one-line messages) when either cannot be reached or started;
    whatever did start is stopped again.
    """
    step = on_step or _silent
    timings: dict[str, float] = {}
    if not settings.kafka_bootstrap_servers:
        settings = _plaintext(settings)
    async with AsyncExitStack() as exits:
        if workdir is None:
            workdir = Path(exits.enter_context(tempfile.TemporaryDirectory(prefix="newsmon-stack-")))
        kafka_port = ports.kafka if ports else None
        redis_port = ports.redis if ports else None
        bootstrap, broker = await _timed(
            timings, "broker", _kafka(settings, workdir, exits, step, kafka_port)
        )
        partitions = await _timed(timings, "topics", _topics(settings, bootstrap, step))
        redis_url, redis_server = await _timed(
            timings, "redis", _redis(settings, workdir, exits, step, redis_port)
        )
        tuning = EMBEDDED_SETTINGS if broker is not None else {}
        ready = settings.model_copy(
            update={"kafka_bootstrap_servers": bootstrap, "redis_url": SecretStr(redis_url), **tuning}
        )
        stack = Stack(ready, bootstrap, redis_url, workdir, broker, redis_server, partitions, timings)
        try:
            yield stack
        finally:
            if stack.pids:
                step(f"stopping {', '.join(stack.pids)}")


def _plaintext(settings: Settings) -> Settings:
    """The embedded broker speaks PLAINTEXT only: drop security settings meant for a real cluster."""
    return settings.model_copy(
        update={
            "kafka_security_protocol": "PLAINTEXT",
            "kafka_sasl_mechanism": None,
            "kafka_sasl_password": None,
        }
    )


async def _timed(timings: dict[str, float], name: str, work: Awaitable[T]) -> T:
    """Await `work` and record how long it took: start-up time is a number we watch."""
    started = time.perf_counter()
    result = await work
    timings[name] = time.perf_counter() - started
    return result


async def _kafka(
    settings: Settings, workdir: Path, exits: AsyncExitStack, step: StepReporter, port: int | None
) -> tuple[str, EmbeddedBroker | None]:
    """The configured bootstrap servers if set (they must answer), else a fresh tansu."""
    configured = settings.kafka_bootstrap_servers
    if configured:
        step(f"Kafka: using the configured broker at {configured}")
        deadline = time.monotonic() + _CONFIGURED_KAFKA_TIMEOUT
        try:
            await wait_until_answers(configured, settings, deadline)
        except BrokerStartError as error:
            raise BrokerStartError(f"configured Kafka at {configured} does not answer") from error
        return configured, None
    step("Kafka: none configured, starting the embedded broker (tansu, memory storage)")
    broker = await start_broker(workdir, settings, port=port)
    exits.callback(broker.stop)
    step(f"Kafka: embedded broker answers at {broker.bootstrap} (pid {broker.process.pid})")
    return broker.bootstrap, broker


async def _topics(settings: Settings, bootstrap: str, step: StepReporter) -> dict[str, int]:
    """Create the service topics up front; warn when an existing one has another size."""
    names = [settings.articles_topic, settings.dlq_topic, settings.alerts_topic]
    partitions = await ensure_topics(bootstrap, settings, names, settings.topic_partitions)
    step(f"Kafka: topics ready: {', '.join(f'{n} ({p} partitions)' for n, p in partitions.items())}")
    for name, count in partitions.items():
        if count != settings.topic_partitions:
            step(f"warning: topic {name} has {count} partitions, settings say {settings.topic_partitions}")
    return partitions


async def _redis(
    settings: Settings, workdir: Path, exits: AsyncExitStack, step: StepReporter, port: int | None
) -> tuple[str, EmbeddedRedis | None]:
    """Configured Redis if it answers; then, with a fixed `port`, a fresh redis-server there;
    else the local one on :6379; else a fresh redis-server on a free port."""
    configured = settings.redis_url_value()
    if configured:
        if await redis_answers(configured):
            step(f"Redis: using the configured server at {redact_url(configured)}")
            return configured, None
        step(f"Redis: the configured {redact_url(configured)} does not answer, looking further")
    starts = port is not None and redis_server_binary() is not None
    if not starts and await redis_answers(LOCAL_REDIS_URL):
        step(f"Redis: using the local server at {LOCAL_REDIS_URL}")
        return LOCAL_REDIS_URL, None
    step("Redis: starting redis-server (no persistence)")
    server = await start_redis(workdir, port=port if starts else None)
    exits.callback(server.stop)
    step(f"Redis: started at {server.url} (pid {server.process.pid})")
    return server.url, server
