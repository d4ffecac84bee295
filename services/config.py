"""Settings from the environment (`NEWSMON_*`), overridable by command-line flags.

Secrets are `SecretStr`, so they never show up in reprs, logs or `--help`.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import unquote, urlsplit, urlunsplit

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

KafkaSecurity = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]


class Settings(BaseSettings):
    # hide_input_in_errors: a validation error names the setting and the reason, never the
    # value given — which may be a password (SecretStr only hides values that validated).
    model_config = SettingsConfigDict(
        env_prefix="NEWSMON_", env_file=None, extra="ignore", hide_input_in_errors=True
    )

    # Kafka.  None means "not configured": `newsmon demo` then starts the embedded broker.
    kafka_bootstrap_servers: str | None = Field(
        default=None, description="host:port[,host:port]; unset = embedded broker (demo only)."
    )
    kafka_security_protocol: KafkaSecurity = "PLAINTEXT"
    kafka_sasl_mechanism: SaslMechanism | None = None
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_cafile: str | None = None
    kafka_ssl_certfile: str | None = None
    kafka_ssl_keyfile: str | None = None
    topic_partitions: int = Field(default=4, ge=1, le=1024)
    topic_replication: int = Field(default=1, ge=1)
    articles_topic: str = "news.articles"
    dlq_topic: str = "news.articles.dlq"
    alerts_topic: str = "news.alerts"
    app_id: str = "newsmon"
    # Client tuning.  The embedded broker needs one record per producer batch (it reports
    # wrong end offsets otherwise) and short group timeouts; `embedded_stack` sets them.
    kafka_producer_max_batch_size: int = Field(default=16384, ge=1, description="bytes")
    kafka_session_timeout_seconds: float = Field(default=30.0, gt=0)
    kafka_heartbeat_interval_seconds: float = Field(default=3.0, gt=0)
    kafka_fetch_max_wait_ms: int | None = Field(
        default=None, ge=1, le=30_000, description="None = Faust's 1500 ms (fine on Kafka)"
    )

    # Redis.  Unset = 127.0.0.1:6379; `demo` and `stack up` start their own, tests use :6379 if it answers.
    redis_url: SecretStr | None = Field(
        default=None,
        description="redis:// or rediss:// URL (NEWSMON_REDIS_URL, or the common REDIS_URL).",
        validation_alias=AliasChoices("NEWSMON_REDIS_URL", "REDIS_URL", "redis_url"),
    )
    redis_stream: str = "newsmon:alerts"
    redis_channel: str = "newsmon:alerts"
    redis_stream_maxlen: int = Field(default=100_000, ge=100)

    # The local stack (`newsmon stack up`, `newsmon demo`): fixed ports, the usual ones plus
    # 10000 so a Kafka or Redis of your own keeps its ports; state file and logs in stack_dir.
    stack_kafka_port: int = Field(default=19092, ge=1, le=65535)
    stack_redis_port: int = Field(default=16379, ge=1, le=65535)
    stack_dir: str | None = Field(
        default=None, description="unset = $XDG_RUNTIME_DIR/newsmon, else ~/.cache/newsmon"
    )

    # Observability.
    metrics_port: int = Field(default=9464, ge=0, le=65535, description="0 = no /metrics.")
    metrics_host: str = "127.0.0.1"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    # Limits and analysis.
    max_body_bytes: int = Field(default=1_000_000, ge=1_000)
    intake_processes: int = Field(
        default=2, ge=1, le=64, description="child processes that prepare articles (~235 MB each)"
    )
    max_sentences: int = Field(default=150, ge=10)
    max_stories: int = Field(default=100_000, ge=10)
    window_hours: float = Field(default=72.0, gt=0)
    # how far ahead of the feed's clock a published_at may be before it is suspect
    clock_tolerance_hours: float = Field(default=24.0, gt=0)
    # prepared records between two snapshots of the global step (0 = none)
    snapshot_every: int = Field(default=2000, ge=0)

    def redis_url_value(self) -> str | None:
        return self.redis_url.get_secret_value() if self.redis_url else None


# Query parameters that carry secrets: redis-py takes any connection keyword from the URL
# query (`?password=...`, `?ssl_password=...`), so the host part is not the only place.
_SECRET_QUERY = re.compile(r"pass|secret|token|credential", re.IGNORECASE)


def redact_url(url: str) -> str:
    """`redis://user:secret@host/0` → `redis://user:***@host/0`: safe to log.

    Also masks secret-looking query parameters (`?password=`, `?ssl_password=`) and never
    raises: a URL too malformed to split is replaced whole, since it may hold a secret."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable URL>"
    userinfo, at, hostport = parts.netloc.rpartition("@")  # a password may contain '@'
    netloc = parts.netloc
    if at and ":" in userinfo:
        netloc = f"{userinfo.partition(':')[0]}:***@{hostport}"
    query = "&".join(_redact_parameter(pair) for pair in parts.query.split("&")) if parts.query else ""
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def _redact_parameter(pair: str) -> str:
    name, eq, _ = pair.partition("=")
    return f"{name}=***" if eq and _SECRET_QUERY.search(unquote(name)) else pair


def settings_env(settings: Settings) -> dict[str, str]:
    """`NEWSMON_*` variables that recreate `settings` in a child process (secrets included:
    the environment is how a worker process is given them; never log this mapping)."""
    env: dict[str, str] = {}
    for name, value in settings.model_dump().items():
        if value is None:
            continue
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        env[f"NEWSMON_{name.upper()}"] = str(value)
    return env
