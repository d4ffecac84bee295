"""Every newsmon metric, defined once, and the /metrics endpoint of each command.

Names follow the Prometheus naming guide: the `newsmon_` prefix, base units (seconds),
`_total` on counters, and labels whose values come from small fixed sets only (a stage,
an alert kind, a language code, a Kafka partition) — never an article or a story id, which
would make a new time series per article.  Label values that are known in advance are
created at start-up with 0, so a rate over them is 0 rather than "no data" until the
first event.

The services do not touch metric objects; they call the methods of `Metrics`, so the
names and labels stay in this one file, where the dashboard and alert-rule tests read them.

Ports: each long-running command serves /metrics on its own port, so they can run side
by side on one machine, counted from NEWSMON_METRICS_PORT (default 9464):

    worker     NEWSMON_METRICS_PORT       9464
    replay     NEWSMON_METRICS_PORT + 1   9465
    subscribe  NEWSMON_METRICS_PORT + 2   9466
    demo       NEWSMON_METRICS_PORT + 3   9467

NEWSMON_METRICS_PORT=0 turns /metrics off for every command.  NEWSMON_METRICS_HOST is the
address to listen on (127.0.0.1; 0.0.0.0 in a container).  A second worker on the same
machine needs its own NEWSMON_METRICS_PORT: when the port is taken the command logs a
warning and runs without /metrics — a metrics port never stops the pipeline.
"""

from __future__ import annotations

import logging
import platform
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from threading import Thread
from typing import Final, Literal, get_args
from wsgiref.simple_server import WSGIServer

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    disable_created_metrics,
    start_http_server,
)

from schemas import AlertKind, DuplicateMethod
from services.analysis.languages import SUPPORTED
from services.config import Settings

log = logging.getLogger(__name__)

Command = Literal["worker", "replay", "subscribe", "demo"]
PORT_OFFSETS: Final[dict[str, int]] = {"worker": 0, "replay": 1, "subscribe": 2, "demo": 3}

KINDS: Final = get_args(AlertKind)
METHODS: Final = get_args(DuplicateMethod)
STAGES: Final = ("intake", "assign", "compare", "deliver")
EMBEDDING_PLACES: Final = ("intake", "skipped", "late")
#: BadInput reasons of services/processor/stages.py (pre-created; others are still counted).
DEAD_LETTER_REASONS: Final = (
    "empty",
    "too_large",
    "invalid_utf8",
    "invalid_json",
    "invalid_schema",
    "internal_error",
)
PUBLISH_ERROR_REASONS: Final = ("too_large", "kafka", "invalid_input")
OTHER: Final = "other"

#: Per-stage work: ~1 ms lookups up to multi-second embeddings of long articles.
STAGE_BUCKETS: Final = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
#: Publish → alert: fine around the 250 ms target (so p99 against it is accurate), coarse
#: above it, where only "how bad" matters (catching up after a restart takes minutes).
LATENCY_BUCKETS: Final = (
    0.025,
    0.05,
    0.1,
    0.15,
    0.2,
    0.25,
    0.3,
    0.4,
    0.5,
    0.75,
    1.0,
    2.5,
    5.0,
    10.0,
    30.0,
    60.0,
    300.0,
)

_LANGUAGE = re.compile(r"[a-z]{2,3}")  # ISO 639-1, or "und" when detection gave up
_REASON = re.compile(r"[a-z_]{1,32}")


class Metrics:
    """The metric objects of one registry and the events that move them.

    One per process (`default_metrics()`, on prometheus_client's default registry, which
    also carries the process_* metrics); tests make their own on a fresh registry."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self._define_processor(registry)
        self._define_delivery(registry)
        self._define_clients(registry)
        self.build_info = Info(
            "newsmon_build", "Version of the running newsmon and which command it is.", registry=registry
        )
        self._lag_keys: set[tuple[str, str]] = set()
        self._precreate()

    def _define_processor(self, registry: CollectorRegistry) -> None:
        self.articles_consumed = Counter(
            "newsmon_articles_consumed_total",
            "Valid articles read from the articles topic and prepared, by (detected) language.",
            ["language"],
            registry=registry,
        )
        self.dead_letters = Counter(
            "newsmon_dead_letters_total",
            "Input messages sent to the dead-letter topic instead of being analysed, by reason.",
            ["reason"],
            registry=registry,
        )
        self.decisions = Counter(
            "newsmon_decisions_total",
            "Decisions per article: outcome new_story, same_story or duplicate (method exact, near, "
            "cross_lingual; none otherwise).",
            ["outcome", "method"],
            registry=registry,
        )
        self.alerts = Counter(
            "newsmon_alerts_total", "Alerts raised by the processor, by kind.", ["kind"], registry=registry
        )
        self.embeddings = Counter(
            "newsmon_embeddings_total",
            "Articles by where their sentences were embedded: intake; skipped (the intake took "
            "the article for a copy); late (the global step embedded a draft that was no copy).",
            ["where"],
            registry=registry,
        )
        self.stage_duration = Histogram(
            "newsmon_stage_duration_seconds",
            "Processing time of one message in a pipeline stage: intake (parse, embed), assign "
            "(duplicate and story lookup), compare (claims, figures), deliver (an article's alerts "
            "to Redis).",
            ["stage"],
            buckets=STAGE_BUCKETS,
            registry=registry,
        )
        self.stage_errors = Counter(
            "newsmon_stage_errors_total",
            "Unexpected exceptions in a pipeline stage (dead letters are counted apart).",
            ["stage"],
            registry=registry,
        )
        self.active_stories = Gauge(
            "newsmon_active_stories",
            "Stories in the sliding window of the global index (on the worker that owns it; 0 elsewhere).",
            registry=registry,
        )
        self.index_articles = Gauge(
            "newsmon_index_articles",
            "Articles remembered by the global index for duplicate and story lookups.",
            registry=registry,
        )
        self.clamped = Counter(
            "newsmon_event_time_clamped_total",
            "Articles whose published_at was far ahead of the feed's clock: processed at the "
            "clock instead (NEWSMON_CLOCK_TOLERANCE_HOURS), flagged in their decision.",
            registry=registry,
        )
        self.read_from_log = Counter(
            "newsmon_records_read_from_log_total",
            "Records of the worker's topics that Faust did not deliver, read from the log "
            "instead: a hole in what it delivered, or a stalled partition.",
            ["reason"],
            registry=registry,
        )
        self.consumer_lag = Gauge(
            "newsmon_consumer_lag_records",
            "Records in a partition the worker has not processed and committed yet (highwater - committed).",
            ["topic", "partition"],
            registry=registry,
        )

    def _define_delivery(self, registry: CollectorRegistry) -> None:
        self.alert_deliveries = Counter(
            "newsmon_alert_deliveries_total",
            "Alerts handed to Redis: written, or already_delivered (a re-processed article's alert).",
            ["result"],
            registry=registry,
        )
        self.alert_latency = Histogram(
            "newsmon_alert_latency_seconds",
            "From the article's publication on Kafka (record timestamp) to its alert written to Redis.",
            ["kind"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self.redis_retries = Counter(
            "newsmon_redis_delivery_retries_total",
            "Transient Redis errors while delivering an alert; each is retried with backoff.",
            registry=registry,
        )
        self.redis_failures = Counter(
            "newsmon_redis_delivery_failures_total",
            "Redis errors that are not retried (the worker's agent fails on them).",
            registry=registry,
        )

    def _define_clients(self, registry: CollectorRegistry) -> None:
        self.articles_published = Counter(
            "newsmon_articles_published_total",
            "Articles the replayer published and Kafka acknowledged.",
            registry=registry,
        )
        self.publish_errors = Counter(
            "newsmon_publish_errors_total",
            "Articles the replayer could not publish: too_large, kafka (broker error), invalid_input.",
            ["reason"],
            registry=registry,
        )
        self.alerts_received = Counter(
            "newsmon_alerts_received_total",
            "Alerts read from the Redis stream by a subscriber, by kind.",
            ["kind"],
            registry=registry,
        )
        self.subscriber_reconnects = Counter(
            "newsmon_subscriber_reconnects_total",
            "Times a subscriber lost Redis and retried.",
            registry=registry,
        )

    def _precreate(self) -> None:
        """Series for every known label value, at 0: rates and ratios work from the start."""
        for language in SUPPORTED:  # the languages newsmon reads figures in
            self.articles_consumed.labels(language=language)
        for stage in STAGES:
            self.stage_duration.labels(stage=stage)
            self.stage_errors.labels(stage=stage)
        for where in EMBEDDING_PLACES:
            self.embeddings.labels(where=where)
        for kind in KINDS:
            self.alerts.labels(kind=kind)
            self.alert_latency.labels(kind=kind)
            self.alerts_received.labels(kind=kind)
        for reason in DEAD_LETTER_REASONS:
            self.dead_letters.labels(reason=reason)
        for reason in PUBLISH_ERROR_REASONS:
            self.publish_errors.labels(reason=reason)
        self.decisions.labels(outcome="new_story", method="none")
        self.decisions.labels(outcome="same_story", method="none")
        for method in METHODS:
            self.decisions.labels(outcome="duplicate", method=method)
        for result in ("written", "already_delivered"):
            self.alert_deliveries.labels(result=result)
        for reason in ("hole", "stall"):
            self.read_from_log.labels(reason=reason)

    # Processor ---------------------------------------------------------------------------

    @contextmanager
    def stage(self, name: str, expected: tuple[type[BaseException], ...] = ()) -> Iterator[None]:
        """Time the block as stage `name`; count an exception escaping it as a stage error,
        unless it is `expected` (a bad input is a dead letter, not a processing failure)."""
        started = time.perf_counter()
        try:
            yield
        except expected:
            raise
        except Exception:
            self.stage_errors.labels(stage=name).inc()
            raise
        finally:
            self.stage_duration.labels(stage=name).observe(time.perf_counter() - started)

    def article_consumed(self, language: str | None) -> None:
        label = language if language and _LANGUAGE.fullmatch(language) else OTHER
        self.articles_consumed.labels(language=label).inc()

    def embedding(self, where: str) -> None:
        """`IntakeProcess(on_embedding=...)` hook: "intake", "skipped" or "late"."""
        self.embeddings.labels(where=where if where in EMBEDDING_PLACES else OTHER).inc()

    def dead_letter(self, reason: str) -> None:
        self.dead_letters.labels(reason=reason if _REASON.fullmatch(reason) else OTHER).inc()

    def decision(self, new_story: bool, method: str | None) -> None:
        """One article's outcome; a duplicate's method is kept (the dedup-by-method ratio)."""
        if method is not None:
            self.decisions.labels(outcome="duplicate", method=method if method in METHODS else OTHER).inc()
        else:
            self.decisions.labels(outcome="new_story" if new_story else "same_story", method="none").inc()

    def event_time_clamped(self) -> None:
        self.clamped.inc()

    def records_read_from_log(self, reason: str, count: int) -> None:
        """`reason`: "hole" or "stall" (inputs.py)."""
        self.read_from_log.labels(reason=reason if reason in ("hole", "stall") else OTHER).inc(count)

    def alert_raised(self, kind: str) -> None:
        self.alerts.labels(kind=_kind(kind)).inc()

    def alert_delivered(self, kind: str, written: bool, publish_time: float | None, now: float) -> None:
        """Latency is observed for the first delivery only: a re-processed article's alert
        (after a restart) would otherwise report the restart as pipeline latency."""
        self.alert_deliveries.labels(result="written" if written else "already_delivered").inc()
        if written and publish_time is not None:
            self.alert_latency.labels(kind=_kind(kind)).observe(max(0.0, now - publish_time))

    def redis_retry(self, error: BaseException) -> None:
        """`AlertDelivery(on_retry=...)` hook."""
        self.redis_retries.inc()

    def redis_failure(self, error: BaseException) -> None:
        """`AlertDelivery(on_failure=...)` hook."""
        self.redis_failures.inc()

    def index_size(self, stories: int, articles: int) -> None:
        self.active_stories.set(stories)
        self.index_articles.set(articles)

    def set_consumer_lag(self, lags: Mapping[tuple[str, int], int]) -> None:
        """Replace the lag of every partition; partitions no longer assigned (a rebalance
        moved them to another worker) are removed, not left frozen at their last value."""
        current = {(topic, str(partition)): lag for (topic, partition), lag in lags.items()}
        for topic, partition in self._lag_keys - current.keys():
            self.consumer_lag.remove(topic, partition)
        for (topic, partition), lag in current.items():
            self.consumer_lag.labels(topic=topic, partition=partition).set(lag)
        self._lag_keys = set(current)

    # Replayer and subscriber -------------------------------------------------------------

    def article_published(self) -> None:
        self.articles_published.inc()

    def publish_error(self, reason: str) -> None:
        self.publish_errors.labels(reason=reason if reason in PUBLISH_ERROR_REASONS else OTHER).inc()

    def alert_received(self, kind: str) -> None:
        self.alerts_received.labels(kind=_kind(kind)).inc()

    def subscriber_reconnect(self) -> None:
        self.subscriber_reconnects.inc()


def _kind(kind: str) -> str:
    return kind if kind in KINDS else OTHER


@cache
def default_metrics() -> Metrics:
    """The process's metrics, on the default registry (created once: a registry refuses
    a second metric of the same name)."""
    return Metrics(REGISTRY)


def newsmon_version() -> str:
    try:
        return version("newsmon")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


def metrics_port(settings: Settings, command: Command) -> int:
    """The port `command` serves /metrics on; 0 when metrics are off (see the module doc)."""
    if settings.metrics_port == 0:
        return 0
    return settings.metrics_port + PORT_OFFSETS[command]


@dataclass(frozen=True)
class MetricsServer:
    """A running /metrics endpoint (a daemon thread: it ends with the process)."""

    host: str
    port: int
    _httpd: WSGIServer
    _thread: Thread

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/metrics"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def serve_metrics(
    settings: Settings, command: Command, metrics: Metrics | None = None
) -> MetricsServer | None:
    """Serve /metrics for `command` on its port (module doc) and set the build info.
    None when metrics are off or the port is taken (logged): the command runs on."""
    metrics = metrics or default_metrics()
    # `*_created` series (one per counter and histogram child) are a timestamp Prometheus
    # does not use from this text format; they would only double the series count.
    disable_created_metrics()
    metrics.build_info.info(
        {"version": newsmon_version(), "python_version": platform.python_version(), "command": command}
    )
    port = metrics_port(settings, command)
    if port == 0:
        return None
    if port > 65535:
        log.warning(
            "metrics off: port %d for `%s` is out of range; lower NEWSMON_METRICS_PORT", port, command
        )
        return None
    try:
        httpd, thread = start_http_server(port, addr=settings.metrics_host, registry=metrics.registry)
    except OSError as exc:
        log.warning(
            "metrics off: cannot listen on %s:%d (%s); give this `%s` its own NEWSMON_METRICS_PORT",
            settings.metrics_host,
            port,
            exc.strerror or exc,
            command,
        )
        return None
    server = MetricsServer(settings.metrics_host, httpd.server_address[1], httpd, thread)
    log.debug("metrics for `%s` at %s", command, server.url)
    return server
