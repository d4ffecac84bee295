"""Reaching Redis at start-up: a command that only reads alerts (`subscribe`, `story`,
`stories`) and finds nothing at its address says so in one line and exits 3, instead of
retrying in silence.  Once running, `subscribe` reconnects for as long as it takes:
that is an outage, not a setup mistake."""

from __future__ import annotations

import contextlib

from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.alerts.delivery import TRANSIENT_ERRORS, redis_client, redis_url
from services.config import Settings, redact_url


class RedisUnreachable(Exception):
    """Nothing answers at the configured Redis; the message is one line, secrets masked."""


def unreachable(settings: Settings, error: BaseException) -> RedisUnreachable:
    reason = str(error).strip().rstrip(".") or type(error).__name__
    return RedisUnreachable(
        f"Redis at {redact_url(redis_url(settings))} does not answer ({reason}): check "
        "NEWSMON_REDIS_URL, or start a local one with `newsmon stack up`"
    )


async def answering_client(settings: Settings) -> Redis:
    """A client whose server answered PING; RedisUnreachable otherwise.  Close it."""
    client = redis_client(settings)
    try:
        await client.ping()
    except TRANSIENT_ERRORS as error:
        with contextlib.suppress(RedisError, OSError):
            await client.aclose()
        raise unreachable(settings, error) from None
    return client
