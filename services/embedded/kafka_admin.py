"""Talk to any Kafka (embedded or configured): wait until it answers, create topics.

Topics are created explicitly, never left to auto-creation: the embedded broker
auto-creates with 4 partitions and real clusters often forbid it, while Faust
refuses to join a table to a source topic whose partition count differs from the
table's changelog.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError, for_code

from services.config import Settings
from services.embedded.errors import BrokerStartError
from services.kafka_options import kafka_client_options


def _options(bootstrap: str, settings: Settings) -> dict[str, Any]:
    """The shared client options (security included), aimed at `bootstrap`."""
    try:
        return kafka_client_options(settings.model_copy(update={"kafka_bootstrap_servers": bootstrap}))
    except ValueError as error:  # e.g. SASL without credentials: a setup mistake, one line
        raise BrokerStartError(str(error)) from error


@contextmanager
def _quiet_aiokafka() -> Iterator[None]:
    """aiokafka logs every refused connection at ERROR; while polling, those are expected."""
    logger = logging.getLogger("aiokafka")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(previous)


@asynccontextmanager
async def admin_client(
    bootstrap: str, settings: Settings, timeout: float = 10.0
) -> AsyncIterator[AIOKafkaAdminClient]:
    """A started admin client; the metadata request in `start()` proves the broker answers."""
    admin = AIOKafkaAdminClient(request_timeout_ms=int(timeout * 1000), **_options(bootstrap, settings))
    try:
        with _quiet_aiokafka():
            await asyncio.wait_for(admin.start(), timeout)
        yield admin
    finally:
        await admin.close()


async def answers(bootstrap: str, settings: Settings, timeout: float = 2.0) -> bool:
    """True when a metadata request to `bootstrap` succeeds within `timeout` seconds."""
    try:
        async with admin_client(bootstrap, settings, timeout) as admin:
            await admin.describe_cluster()
    except (KafkaError, OSError, TimeoutError):
        return False
    return True


async def cluster_id(bootstrap: str, settings: Settings, timeout: float = 5.0) -> str | None:
    """The id the cluster at `bootstrap` reports, or None when it does not answer."""
    try:
        async with admin_client(bootstrap, settings, timeout) as admin:
            described = await admin.describe_cluster()
    except (KafkaError, OSError, TimeoutError, BrokerStartError):
        return None
    found = described.get("cluster_id")
    return str(found) if found else None


async def wait_until_answers(bootstrap: str, settings: Settings, deadline: float) -> None:
    """Poll until the broker answers metadata, or raise BrokerStartError at `deadline`
    (a `time.monotonic()` value)."""
    while not await answers(bootstrap, settings, timeout=max(0.2, min(2.0, deadline - time.monotonic()))):
        if time.monotonic() >= deadline:
            raise BrokerStartError(f"Kafka at {bootstrap} did not answer a metadata request in time")
        await asyncio.sleep(0.05)


async def ensure_topics(
    bootstrap: str, settings: Settings, names: Iterable[str], partitions: int
) -> dict[str, int]:
    """Create `names` with `partitions` each ("already exists" is fine); return the actual
    partition count of every topic, so a caller can warn about an old topic of another size."""
    wanted = sorted(set(names))
    async with admin_client(bootstrap, settings) as admin:
        response = await admin.create_topics(
            [NewTopic(name, partitions, settings.topic_replication) for name in wanted]
        )
        _raise_create_errors(response.topic_errors)
        described = await admin.describe_topics(wanted)
    return {topic["topic"]: len(topic["partitions"]) for topic in described}


def _raise_create_errors(topic_errors: Iterable[tuple[Any, ...]]) -> None:
    """CreateTopics answers per topic; anything but success or "exists" is fatal."""
    for name, code, *rest in topic_errors:
        if code in (0, TopicAlreadyExistsError.errno):
            continue
        message = rest[0] if rest and rest[0] else for_code(code).__name__
        raise BrokerStartError(f"cannot create Kafka topic {name!r}: {message}")
