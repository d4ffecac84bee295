"""Security tests: secrets stay out of every output, SASL/SSL and Redis AUTH/TLS from settings.

Shared helpers: the secrets the tests plant, the environment that carries them into a
`newsmon` child process, and an embedded broker that demands SASL authentication.
"""

from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from services.embedded.broker import tansu_binary
from services.embedded.process import ManagedProcess, free_port

#: Planted in NEWSMON_REDIS_URL and NEWSMON_KAFKA_SASL_PASSWORD; must never be printed.
REDIS_SECRET = "S3cr3tPW"
KAFKA_SECRET = "S3cr3tKafka"
SECRETS = (REDIS_SECRET, KAFKA_SECRET)


def clean_env() -> dict[str, str]:
    """This process's environment without a developer's own newsmon settings."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("NEWSMON_") and key not in ("REDIS_URL", "COLUMNS")
    }


def leaked(text: str) -> list[str]:
    """The planted secrets that occur in `text`."""
    return [secret for secret in SECRETS if secret in text]


def closed_port() -> int:
    """A loopback port nothing listens on (connections are refused at once)."""
    return free_port()


@dataclass
class AuthBroker:
    """tansu started with `--authentication`: every client must complete SASL first."""

    process: ManagedProcess
    bootstrap: str

    def log(self) -> str:
        return self.process.log_path.read_text(encoding="utf-8", errors="replace")


@contextmanager
def authenticating_broker(workdir: Path, timeout: float = 10.0) -> Iterator[AuthBroker]:
    """An embedded broker that requires SASL (memory storage, no users: nobody gets in).

    tansu 0.6.0 keeps SCRAM users in its storage and creates them only over an
    authenticated connection (`tansu user create`), and the wheel's build has memory and
    S3 storage only — so a memory broker with `--authentication` can never admit a client.
    It still tells a client that speaks SASL from one that does not."""
    binary = tansu_binary()
    for attempt in range(3):
        port = free_port()
        url = f"tcp://127.0.0.1:{port}"
        argv = [str(binary), "broker", "--listener-url", url, "--advertised-listener-url", url]
        argv += ["--storage-engine", "memory://tansu/", "--cluster-id", "newsmon-auth", "--authentication"]
        env = {k: v for k, v in os.environ.items() if k not in ("STORAGE_ENGINE", "CLUSTER_ID")}
        process = ManagedProcess.spawn(
            "tansu",
            argv,
            workdir / f"tansu-auth-{attempt}.log",
            stop_signal=signal.SIGINT,
            cwd=workdir,
            env=env | {"NO_COLOR": "1"},
        )
        try:
            if _listening(process, port, time.monotonic() + timeout):
                yield AuthBroker(process, f"127.0.0.1:{port}")
                return
        finally:
            process.stop()
    raise RuntimeError("authenticating tansu broker did not start")


def _listening(process: ManagedProcess, port: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        if not process.alive():
            return False  # lost the port race, most likely: the caller tries another
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"tansu did not listen in time: {process.log_tail()}")
