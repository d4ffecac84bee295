"""The Faust app: topics, agents and the story table around `stages.py`.

Scaling: `intake` (the expensive, stateless work) runs on every worker over the
partitions of news.articles.  `assign` reads a single-partition topic, so exactly one
worker at a time holds the global index: that is the ordering point, and the limit of
one partition (it only does lookups on prepared vectors, ~1 ms an article).  `compare`
is keyed by story id and keeps each story's memory in a changelogged table, so any
worker can take over a story.  Delivery is at-least-once; alert ids make it idempotent.
"""

from __future__ import annotations

import logging
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import faust
from faust.types import TP

from services.alerts.delivery import AlertDelivery
from services.analysis.similarity import load_model
from services.config import Settings
from services.core import analysis_config
from services.kafka_options import kafka_client_options
from services.observe import Metrics, default_metrics
from services.observe.lag import consumer_progress
from services.processor import codec
from services.processor.alerts_topic import AlertsTopic
from services.processor.gc_pacing import FREEZE_EVERY, GcPacing
from services.processor.global_log import PreparedLog
from services.processor.intake_process import IntakeProcess
from services.processor.stages import BadInput, GlobalStep, dead_letter, skip_message, story_step
from services.processor.stall import StallDetector

log = logging.getLogger("newsmon.worker")

SEQ_HEADER = "newsmon-seq"
GLOBAL_KEY = b"global"
LAG_INTERVAL_SECONDS = 5.0
# A prepared article (150 sentence vectors, base64) and a story's memory stay well under
# 1 MB, but the internal topics allow 8 MB so an outlier is never a crash.
MAX_RECORD_BYTES = 8 * 1024 * 1024
INTERNAL_TOPIC_CONFIG = {"max.message.bytes": str(MAX_RECORD_BYTES)}


def create_app(settings: Settings, metrics: Metrics | None = None) -> faust.App:
    if not settings.kafka_bootstrap_servers:
        raise ValueError("NEWSMON_KAFKA_BOOTSTRAP_SERVERS is not set")
    app = faust.App(
        settings.app_id,
        broker=[f"kafka://{host.strip()}" for host in settings.kafka_bootstrap_servers.split(",")],
        store="memory://",
        datadir=str(_datadir(settings)),
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        key_serializer="raw",
        value_serializer="raw",
        web_enabled=False,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        producer_max_batch_size=settings.kafka_producer_max_batch_size,
        producer_max_request_size=MAX_RECORD_BYTES,
        broker_session_timeout=settings.kafka_session_timeout_seconds,
        broker_heartbeat_interval=settings.kafka_heartbeat_interval_seconds,
        broker_credentials=broker_credentials(settings),
        # No standbys: a promoted worker reads the story changelog instead.  Turned off
        # while chasing stale story memories after kill -9 (cf. faust-streaming/faust#212
        # on standbys missing events); the cause proved to be eviction replays (fixed in
        # stages.py), and standbys have not been re-measured since.  Memories are small.
        table_standby_replicas=0,
    )
    _wire(app, settings, metrics or default_metrics())
    return app


def _wire(app: faust.App, settings: Settings, metrics: Metrics) -> None:
    config = analysis_config(settings)
    intake = IntakeProcess(config, settings.max_body_bytes, settings.intake_processes, metrics.embedding)
    global_step = GlobalStep(config, load_model(), intake.embed_later)
    articles = app.topic(settings.articles_topic, internal=False)
    dlq = app.topic(settings.dlq_topic, internal=False)
    alerts_log = AlertsTopic(settings, MAX_RECORD_BYTES)
    prepared = app.topic(
        f"{settings.app_id}-prepared", partitions=1, internal=True, config=INTERNAL_TOPIC_CONFIG
    )
    assigned = app.topic(
        f"{settings.app_id}-assigned",
        partitions=settings.topic_partitions,
        internal=True,
        config=INTERNAL_TOPIC_CONFIG,
    )
    stories = app.Table(
        "stories",
        partitions=settings.topic_partitions,
        key_type=bytes,
        value_type=bytes,
        extra_topic_configs=INTERNAL_TOPIC_CONFIG,
    )
    delivery = AlertDelivery(settings, on_retry=metrics.redis_retry, on_failure=metrics.redis_failure)
    consumed_topics = (articles.get_topic_name(), prepared.get_topic_name(), assigned.get_topic_name())

    @app.agent(articles, concurrency=intake.in_flight)
    async def intake_agent(stream: faust.StreamT) -> None:
        async for event in stream.events():
            headers = dict(event.headers or {})
            seq = _header(headers, SEQ_HEADER)
            try:
                with metrics.stage("intake", expected=(BadInput,)):
                    language, message = await intake.prepare(event.value, seq, event.message.timestamp)
                metrics.article_consumed(language)
            except BadInput as bad:
                metrics.dead_letter(bad.reason)
                value, headers = dead_letter(event.value, bad)
                await _send(dlq, event.key, value, headers)
                message = codec.dumps(skip_message(seq))
                log.warning("dead-lettered message at offset %s: %s", event.message.offset, bad.reason)
            try:
                await _send(prepared, GLOBAL_KEY, message)
            except faust.exceptions.ProducerSendError as exc:  # e.g. a record over the size limit
                bad = BadInput("internal_error", f"prepared record not sent: {exc}"[:500])
                metrics.dead_letter(bad.reason)
                value, headers = dead_letter(event.value, bad)
                await _send(dlq, event.key, value, headers)
                await _send(prepared, GLOBAL_KEY, codec.dumps(skip_message(seq)))

    async def emit(released: list[dict[str, Any]]) -> None:
        for out in released:
            await _send(assigned, _story(out), codec.dumps(out))

    prepared_tp = TP(prepared.get_topic_name(), 0)

    def prepared_committed() -> int:
        return _committed(app, prepared_tp) or 0

    prepared_log = PreparedLog(settings, prepared.get_topic_name(), global_step, emit, prepared_committed)

    @app.agent(prepared)
    async def assign_agent(stream: faust.StreamT) -> None:
        async for event in stream.events():
            with metrics.stage("assign"):
                await prepared_log.take(event.message.offset, event.value)
            metrics.index_size(global_step.index.story_count, len(global_step.index))

    @app.timer(1.0)
    async def release_gaps() -> None:
        # Only the worker that holds the prepared partition may release: another one's
        # sequencer is a stale copy from before a rebalance.
        if prepared_tp not in app.consumer.assignment():
            return
        await prepared_log.tick()
        metrics.index_size(global_step.index.story_count, len(global_step.index))

    @app.task
    async def tune_fetch_wait() -> None:
        if settings.kafka_fetch_max_wait_ms is not None:
            set_fetch_max_wait(app, settings.kafka_fetch_max_wait_ms)

    gc_pacing = GcPacing()

    @app.timer(FREEZE_EVERY)
    async def freeze_long_lived_objects() -> None:
        gc_pacing.tick()

    stalls = StallDetector()

    @app.timer(LAG_INTERVAL_SECONDS)
    async def report_lag() -> None:
        progress = consumer_progress(app.consumer, consumed_topics)
        metrics.set_consumer_lag({key: lag for key, (_, lag) in progress.items()})
        if app.rebalancing:
            return
        for topic, partition in stalls.stalled(progress, time.monotonic()):
            position, lag = progress[(topic, partition)]
            log.warning(
                "%s[%d]: %d records waiting, none processed for %.0f s: resuming it from offset %d",
                topic, partition, lag, stalls.after_seconds, position,
            )  # fmt: skip
            tp = TP(topic, partition)
            app.consumer.resume_partitions({tp})
            await app.consumer.seek(tp, position)

    @app.on_before_shutdown.connect
    async def stop_alerts_log(sender: faust.App, **_: Any) -> None:
        await alerts_log.stop()

    @app.agent(assigned)
    async def compare_agent(stream: faust.StreamT) -> None:
        async for event in stream.events():
            message = codec.loads(event.value)
            if message["type"] == "evict":
                if event.key in stories and await _committed_up_to(app, event):
                    del stories[event.key]
                continue
            state = stories.get(event.key)
            with metrics.stage("compare"):
                new_state, records = story_step(
                    codec.loads(state) if state else None, message, config, datetime.now(UTC)
                )
            if new_state is None:  # a replayed article of an evicted story: already done
                continue
            duplicate = message["assignment"]["duplicate"]  # [original, method, similarity] | None
            metrics.decision(message["assignment"]["new_story"], duplicate[1] if duplicate else None)
            alerts = records[1:]
            for record in alerts:
                metrics.alert_raised(record.kind)
            if alerts:  # the deliver stage is timed for articles that raise something
                with metrics.stage("deliver"):
                    written = await delivery.deliver_all(alerts)
                delivered_at = time.time()
                for record, fresh in zip(alerts, written, strict=True):
                    metrics.alert_delivered(record.kind, fresh, message.get("publish_time"), delivered_at)
            await alerts_log.write(event.key, [record.model_dump_json().encode() for record in records])
            stories[event.key] = codec.dumps(new_state)


def _committed(app: faust.App, tp: TP) -> int | None:
    """The group's committed offset as Faust last read or wrote it (it reads them from the
    broker when it seeks after every rebalance; 0 is kept as None).  No public accessor."""
    return app.consumer._committed_offset.get(tp)  # type: ignore[attr-defined]


async def _committed_up_to(app: faust.App, event: faust.EventT) -> bool:
    """Commit the partition up to this record; True once that holds.

    A story's memory may only go when nothing before its eviction can be processed
    again: a worker that crashed with the articles uncommitted would otherwise replay
    them against no memory and raise every sentence as a new claim.  The commit also
    flushes the producer, so the story's last records are on the broker first.
    Evictions are rare (a story idle for the whole window), so this costs nothing."""
    tp = event.message.tp
    await app.commit({tp})
    committed = _committed(app, tp)
    if committed is None or committed < event.message.offset:
        log.info("story %r kept: partition %s not committed up to its eviction", event.key, tp)
        return False
    return True


def set_fetch_max_wait(app: faust.App, milliseconds: int) -> None:
    """Faust hard-codes its consumer's `fetch_max_wait_ms` (1500).  A broker that holds an
    empty fetch for all of it (the embedded one does) adds that much latency to every
    hop, so the running aiokafka fetcher is adjusted; it reads the value per request."""
    consumer = app.consumer._thread._ensure_consumer()  # type: ignore[attr-defined]
    consumer._fetcher._fetch_max_wait_ms = milliseconds
    log.info("consumer fetch wait set to %d ms", milliseconds)


def _datadir(settings: Settings) -> Path:
    """Faust wants a data directory even with memory stores; keep it out of the cwd."""
    path = Path(tempfile.gettempdir()) / "newsmon" / settings.app_id
    path.mkdir(parents=True, exist_ok=True)
    return path


def broker_credentials(settings: Settings) -> faust.auth.Credentials | None:
    """SASL/SSL from settings, in Faust's terms (secrets stay SecretStr until here)."""
    protocol = settings.kafka_security_protocol
    if protocol == "PLAINTEXT":
        return None
    ssl_context = kafka_client_options(settings).get("ssl_context")
    if protocol == "SSL":
        return faust.SSLCredentials(ssl_context)
    password = settings.kafka_sasl_password.get_secret_value() if settings.kafka_sasl_password else ""
    return faust.SASLCredentials(
        username=settings.kafka_sasl_username,
        password=password,
        mechanism=settings.kafka_sasl_mechanism or "PLAIN",
        ssl_context=ssl_context,
    )


def _story(message: dict[str, Any]) -> bytes:
    story = message.get("story_id") or message["assignment"]["story_id"]
    return story.encode()


def _header(headers: dict[str, Any], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        return None
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


async def _send(
    topic: faust.TopicT, key: bytes | str | None, value: bytes | None, headers: dict | None = None
) -> None:
    """Hand a record to the producer without waiting for the broker: Faust flushes the
    producer before it commits any input offset, so an input is only ever marked done
    after its outputs are written (at-least-once) — and sends stay pipelined."""
    key_bytes = key.encode() if isinstance(key, str) else key
    encoded = None if headers is None else [(k, str(v).encode()) for k, v in headers.items()]
    await topic.send(key=key_bytes, value=value, headers=encoded)
