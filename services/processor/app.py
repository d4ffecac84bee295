"""The Faust app: settings, and the Faust layout around the plain objects that do the
work — topics and shared objects (pipeline.py), agents (agents.py), the story table
(tables.py), timers and signals (timers.py).

Scaling: `intake` (the expensive, stateless work) runs on every worker over the
partitions of news.articles.  `assign` reads a single-partition topic, so exactly one
worker at a time holds the global index: that is the ordering point, and the limit of
one partition (it only does lookups on prepared vectors, a few ms an article).
`compare` is keyed by story id and keeps each story's memory in a changelogged table,
so any worker can take over a story.  Delivery is at-least-once; alert ids make it
idempotent; newsmon, not Faust, decides what is committed (inputs.py).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import faust

from services.config import Settings
from services.kafka_options import kafka_client_options
from services.observe import Metrics, default_metrics
from services.processor import agents, pipeline, timers
from services.processor.pipeline import MAX_RECORD_BYTES


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
    built = pipeline.build(app, settings, metrics or default_metrics())
    agents.register(app, built)
    timers.register(app, built)
    return app


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
