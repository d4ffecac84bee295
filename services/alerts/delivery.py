"""Alerts → Redis: the stream (history for `newsmon subscribe --from-start`) and pub/sub
(live listeners), each alert_id at most once.

The processor is at-least-once: after a crash or a rebalance it processes some articles
again and raises the same alerts (same ids) again.  One Lua script checks a per-alert
marker, XADDs, sets the marker and PUBLISHes, all atomically, so a repeat is a no-op
even when two workers race.  The marker is written *after* the XADD: a script that fails
half way is not rolled back, and a marker without its stream entry would lose the alert.
An article's alerts go in one call (one round trip instead of one per alert: an article
can raise dozens of claims at once, and they all wait for the last one).

Redis going away must not lose alerts either: transient errors are retried forever with
capped exponential backoff; the caller's offset commit waits until `deliver` returns.
"""

from __future__ import annotations

import asyncio
import logging
import random
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError

from schemas import Alert
from services.config import Settings, redact_url

log = logging.getLogger(__name__)

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
DELIVERED_TTL_SECONDS = 7 * 24 * 3600  # far longer than any redelivery after a restart

# BusyLoadingError (Redis loading its data after a restart) is a ConnectionError;
# ReadOnlyError is what a replica answers until the failover promotes it.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    RedisConnectionError,
    RedisTimeoutError,
    ReadOnlyError,
    ConnectionError,
    TimeoutError,
)

# KEYS: stream, then one marker per alert.  ARGV: ttl, maxlen, channel, then per alert
# (in KEYS' order) alert_id, kind, story_id, json.  Returns 1 (written) or 0 per alert.
_DELIVER_LUA = """
local written = {}
for i = 2, #KEYS do
  local a = 4 + (i - 2) * 4
  if redis.call('EXISTS', KEYS[i]) == 1 then
    written[i - 1] = 0
  else
    local entry = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*',
      'alert_id', ARGV[a], 'kind', ARGV[a + 1], 'story_id', ARGV[a + 2], 'json', ARGV[a + 3])
    redis.call('SET', KEYS[i], entry, 'EX', ARGV[1])
    redis.call('PUBLISH', ARGV[3], ARGV[a + 3])
    redis.call('PUBLISH', ARGV[3] .. ':' .. ARGV[a + 1], ARGV[a + 3])
    written[i - 1] = 1
  end
end
return written
"""


# Probe an idle connection after 10 s, every 5 s, give up after 3 misses (where supported).
_KEEPALIVE: dict[int, int] = {
    option: value
    for name, value in (("TCP_KEEPIDLE", 10), ("TCP_KEEPINTVL", 5), ("TCP_KEEPCNT", 3))
    if (option := getattr(socket, name, None)) is not None
}


def redis_url(settings: Settings) -> str:
    return settings.redis_url_value() or DEFAULT_REDIS_URL


def redis_client(settings: Settings) -> Redis:
    """A client that reports errors at once: redis-py's own retries would hide outages from
    our retry loops, which log them and count them.

    No `socket_timeout`: with one, redis-py wraps every send in `asyncio.wait_for`, which on
    Python 3.11 swallows a cancellation that lands as the send completes — Ctrl-C or a worker
    shutdown would then be ignored.  TCP keepalive finds a dead peer instead (~25 s).
    """
    return Redis.from_url(
        redis_url(settings),
        decode_responses=True,
        socket_timeout=None,
        socket_connect_timeout=5.0,
        socket_keepalive=True,
        socket_keepalive_options=_KEEPALIVE,
        retry=Retry(NoBackoff(), 0),
    )


def marker_key(stream: str, alert_id: str) -> str:
    """`<stream>:delivered:<alert_id>`: per stream, so a second stream gets its own copy, and
    under the stream's name, so whoever cleans up a stream's keys by prefix finds them too."""
    return f"{stream}:delivered:{alert_id}"


@dataclass(frozen=True, slots=True)
class Backoff:
    """Capped exponential backoff with jitter: wait `initial`·2ⁿ up to `cap` seconds, each
    wait drawn from [half, full] so many clients do not reconnect in lockstep."""

    initial: float = 0.1
    cap: float = 10.0

    def delay(self, attempt: int) -> float:
        full = min(self.cap, self.initial * (2 ** min(attempt, 30)))
        return random.uniform(full / 2, full)


class AlertDelivery:
    """Write alerts to the Redis stream and channels, each alert_id at most once.

    `on_retry(error)` is called for every transient error before waiting to retry,
    `on_failure(error)` for an error that `deliver` raises (not transient: a wrong key
    type, a script error) — the hooks metrics use to count them.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        client: Redis | None = None,
        backoff: Backoff = Backoff(),
        delivered_ttl: int = DELIVERED_TTL_SECONDS,
        on_retry: Callable[[BaseException], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._settings = settings
        self._url = redact_url(redis_url(settings))
        self._client = client if client is not None else redis_client(settings)
        self._owns_client = client is None
        self._script = self._client.register_script(_DELIVER_LUA)
        self._backoff = backoff
        self._ttl = delivered_ttl
        self._on_retry = on_retry
        self._on_failure = on_failure

    async def deliver(self, alert: Alert) -> bool:
        """True when the alert was written now; False when its id was in the stream already
        (also when a reply was lost and the retry found the write done)."""
        (written,) = await self.deliver_all([alert])
        return written

    async def deliver_all(self, alerts: Sequence[Alert]) -> list[bool]:
        """`deliver` for several alerts in order, in one round trip.  Returns only once
        Redis has answered: transient errors are retried, never dropped."""
        if not alerts:
            return []
        s = self._settings
        keys = [s.redis_stream, *(marker_key(s.redis_stream, a.alert_id) for a in alerts)]
        args: list[str | int] = [self._ttl, s.redis_stream_maxlen, s.redis_channel]
        for alert in alerts:
            args += [alert.alert_id, alert.kind, alert.story_id, alert.model_dump_json()]
        attempt = 0
        while True:
            try:
                written = await self._script(keys=keys, args=args)
            except TRANSIENT_ERRORS as exc:
                if self._on_retry is not None:
                    self._on_retry(exc)
                wait = self._backoff.delay(attempt)
                attempt += 1
                log.warning(
                    "Redis at %s: %s: %s; delivering alert %s, retry %d in %.1f s",
                    self._url,
                    type(exc).__name__,
                    str(exc).rstrip("."),
                    _ids(alerts),
                    attempt,
                    wait,
                )
                await asyncio.sleep(wait)
                continue
            except Exception as exc:
                if self._on_failure is not None:
                    self._on_failure(exc)
                raise
            if attempt:
                log.info("Redis at %s answers again; alert %s delivered", self._url, _ids(alerts))
            return [bool(flag) for flag in written]

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self) -> AlertDelivery:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


def _ids(alerts: Sequence[Alert]) -> str:
    first = alerts[0].alert_id
    return first if len(alerts) == 1 else f"{first} (+{len(alerts) - 1} more)"
