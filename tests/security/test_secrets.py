"""Secrets — the Redis password in NEWSMON_REDIS_URL, the SASL password — never appear in
what newsmon prints, serves or raises.

Real `newsmon` processes, no mocks: each command runs with both secrets in its
environment, at DEBUG, against a Redis port that refuses connections and a Kafka that
is either closed or demands SASL authentication (so the password is actually used in a
SCRAM exchange and a PLAIN handshake).  They fail — that is the point: failure paths are
where URLs and credentials end up in messages.  Everything they write is captured and
searched, as is the /metrics text of a running `newsmon subscribe`.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer
from pydantic import ValidationError
from typer.testing import CliRunner

from services.alerts.delivery import redis_client
from services.cli import app
from services.config import Settings, redact_url
from services.embedded.process import ManagedProcess, free_port
from services.embedded.redis_server import redis_server_binary
from services.processor.app import broker_credentials
from tests.security import (
    KAFKA_SECRET,
    REDIS_SECRET,
    SECRETS,
    authenticating_broker,
    clean_env,
    closed_port,
    leaked,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
RUN_SECONDS = 20.0  # upper bound for a failing command to give up on its own


def newsmon_argv() -> list[str]:
    """The installed `newsmon` console script, or the module when it is not installed."""
    script = Path(sys.executable).with_name("newsmon")
    return [str(script)] if script.exists() else [sys.executable, "-m", "services.cli"]


def secret_env(bootstrap: str, protocol: str, mechanism: str, **extra: str) -> dict[str, str]:
    return (
        clean_env()
        | {
            "NEWSMON_REDIS_URL": f"redis://:{REDIS_SECRET}@127.0.0.1:{closed_port()}/0",
            "NEWSMON_KAFKA_BOOTSTRAP_SERVERS": bootstrap,
            "NEWSMON_KAFKA_SECURITY_PROTOCOL": protocol,
            "NEWSMON_KAFKA_SASL_MECHANISM": mechanism,
            "NEWSMON_KAFKA_SASL_USERNAME": "newsmon",
            "NEWSMON_KAFKA_SASL_PASSWORD": KAFKA_SECRET,
            "NEWSMON_LOG_LEVEL": "DEBUG",
            "NEWSMON_METRICS_PORT": "0",
            "NEWSMON_APP_ID": f"newsmon-secrets-{free_port()}",
            "PYTHONUNBUFFERED": "1",
            "COLUMNS": "200",
        }
        | extra
    )


@dataclass
class Run:
    """One `newsmon` command run to completion (or stopped); stdout and stderr together."""

    name: str
    argv: list[str]
    popen: subprocess.Popen[bytes]
    output_path: Path
    metrics: str = ""

    @property
    def output(self) -> str:
        return self.output_path.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            if self.popen.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: no {text!r} in:\n{self.output[-3000:]}")
            time.sleep(0.05)


def _start(name: str, args: list[str], env: dict[str, str], workdir: Path) -> Run:
    path = workdir / f"{name}.out"
    with path.open("wb") as out:
        popen = subprocess.Popen(
            [*newsmon_argv(), *args], stdout=out, stderr=subprocess.STDOUT, env=env, cwd=workdir
        )
    return Run(name, args, popen, path)


def _scrape(port: int, timeout: float = 10.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=1) as response:
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@contextmanager
def password_redis(workdir: Path) -> Iterator[tuple[ManagedProcess, int]]:
    """A redis-server that wants REDIS_SECRET: the subscriber logs in, then loses it."""
    binary = redis_server_binary()
    if binary is None:
        pytest.skip("no redis-server")
    port = free_port()
    argv = [str(binary), "--port", str(port), "--bind", "127.0.0.1", "--requirepass", REDIS_SECRET]
    argv += ["--save", "", "--appendonly", "no", "--dir", str(workdir), "--logfile", ""]
    server = ManagedProcess.spawn("redis-auth", argv, workdir / "redis-auth.log", cwd=workdir)
    try:
        deadline = time.monotonic() + 10
        while "Ready to accept connections" not in server.log_tail():
            assert server.alive() and time.monotonic() < deadline, server.log_tail()
            time.sleep(0.02)
        yield server, port
    finally:
        server.stop()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Run]]:
    """All commands at once (they are independent), each with the secrets in its env."""
    workdir = tmp_path_factory.mktemp("secrets")
    with authenticating_broker(workdir) as broker, password_redis(workdir) as (redis_server, redis_port):
        closed = f"127.0.0.1:{closed_port()}"
        metrics_base = free_port() - 2  # subscribe serves on NEWSMON_METRICS_PORT + 2
        redis_url = f"redis://:{REDIS_SECRET}@127.0.0.1:{redis_port}/0"
        plans = {
            # Redis goes away under it: the subscriber logs every reconnect with the (redacted) URL.
            "subscribe": (
                ["subscribe", "--from-start"],
                secret_env(
                    closed,
                    "SASL_SSL",
                    "PLAIN",
                    NEWSMON_METRICS_PORT=str(metrics_base),
                    NEWSMON_REDIS_URL=redis_url,
                ),
            ),
            # Nothing at the Redis address from the start: one line naming it, exit 3.
            "subscribe-closed": (["subscribe", "--from-start"], secret_env(closed, "SASL_SSL", "PLAIN")),
            "story-closed": (["story", "story-1"], secret_env(closed, "SASL_SSL", "PLAIN")),
            # Kafka closed: bootstrap fails before any SASL.
            "replay-closed": (["replay", str(SEEDS)], secret_env(closed, "SASL_SSL", "PLAIN")),
            # Kafka demands SASL: the password goes into a SCRAM exchange / PLAIN handshake.
            "worker-sasl": (["worker"], secret_env(broker.bootstrap, "SASL_PLAINTEXT", "SCRAM-SHA-512")),
            "replay-sasl": (
                ["replay", str(SEEDS)],
                secret_env(broker.bootstrap, "SASL_PLAINTEXT", "SCRAM-SHA-256"),
            ),
            "demo-sasl": (["demo", "--once"], secret_env(broker.bootstrap, "SASL_PLAINTEXT", "PLAIN")),
            # A setting that does not validate, next to the secrets: the error names it only.
            "bad-setting": (["subscribe"], secret_env(closed, "SASL_SSL", "PLAIN", NEWSMON_METRICS_PORT="x")),
        }
        started = {name: _start(name, args, env, workdir) for name, (args, env) in plans.items()}
        try:
            subscriber = started["subscribe"]
            subscriber.wait_for("following stream", timeout=RUN_SECONDS)
            redis_server.stop()
            subscriber.wait_for("reconnecting", timeout=RUN_SECONDS)
            subscriber.metrics = _scrape(metrics_base + 2)
            subscriber.popen.send_signal(signal.SIGINT)
            for run in started.values():
                run.popen.wait(timeout=RUN_SECONDS)
            yield started
        finally:
            for run in started.values():
                if run.popen.poll() is None:
                    run.popen.kill()
                    run.popen.wait()


# What each run must have said: proof that it reached the failure path being checked.
EVIDENCE = {
    "subscribe": "Redis at redis://:***@127.0.0.1:",
    "subscribe-closed": "does not answer",
    "story-closed": "Redis at redis://:***@127.0.0.1:",
    "replay-closed": "cannot reach Kafka",
    "worker-sasl": "sasl",  # aiokafka's SASL handshake failed (today in a KeyError traceback)
    "replay-sasl": "sasl",
    "demo-sasl": "Kafka",
    "bad-setting": "metrics_port",
}


@pytest.mark.integration
@pytest.mark.parametrize("name", list(EVIDENCE))
def test_failing_commands_do_not_print_secrets(runs: dict[str, Run], name: str) -> None:
    run = runs[name]
    output = run.output
    assert not leaked(output), f"{name} printed a secret:\n{output}"
    assert EVIDENCE[name].lower() in output.lower(), (
        f"{name} did not reach its failure path:\n{output[-3000:]}"
    )
    if name == "subscribe":
        assert run.popen.returncode == 0  # Ctrl-C is a normal end
    elif name.endswith("-closed") and name != "replay-closed":
        assert run.popen.returncode == 3  # Redis unavailable at start (services/exits.py)
    else:
        assert run.popen.returncode != 0, f"{name} should have failed:\n{output[-3000:]}"


@pytest.mark.integration
def test_metrics_of_a_running_command_hold_no_secret(runs: dict[str, Run]) -> None:
    metrics = runs["subscribe"].metrics
    assert "newsmon_build_info" in metrics
    # The reconnects the failing Redis caused are counted: this is the live process's text.
    reconnects = [
        line for line in metrics.splitlines() if line.startswith("newsmon_subscriber_reconnects_total")
    ]
    assert reconnects and float(reconnects[0].split()[-1]) >= 1, metrics
    assert not leaked(metrics), metrics


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_help_of_every_command_holds_no_secret() -> None:
    """`--help` shows defaults; with the secrets in the environment none may show up.
    (In-process through click's runner: the same code as `newsmon <cmd> --help`.)"""
    commands = _commands()
    assert {"analyze", "demo", "replay", "subscribe", "worker"} <= set(commands)
    env = secret_env("127.0.0.1:1", "SASL_SSL", "SCRAM-SHA-512", REDIS_URL=f"redis://:{REDIS_SECRET}@x/0")
    runner = CliRunner()
    for command in ["", *commands]:
        result = runner.invoke(app, [*([command] if command else []), "--help"], env=env)
        assert result.exit_code == 0, f"newsmon {command} --help:\n{result.output}"
        assert "Usage" in result.output
        assert not leaked(result.output), f"newsmon {command} --help:\n{result.output}"


# In-process: the objects that carry secrets -------------------------------------------


@pytest.fixture
def secret_settings(monkeypatch: pytest.MonkeyPatch) -> Settings:
    for name in ("REDIS_URL", *(n for n in os.environ if n.startswith("NEWSMON_"))):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEWSMON_REDIS_URL", f"rediss://alerts:{REDIS_SECRET}@cache:6380/0?ssl_cert_reqs=none")
    monkeypatch.setenv("NEWSMON_KAFKA_BOOTSTRAP_SERVERS", "kafka:9093")
    monkeypatch.setenv("NEWSMON_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("NEWSMON_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
    monkeypatch.setenv("NEWSMON_KAFKA_SASL_USERNAME", "newsmon")
    monkeypatch.setenv("NEWSMON_KAFKA_SASL_PASSWORD", KAFKA_SECRET)
    return Settings()


def test_settings_show_no_secret(secret_settings: Settings) -> None:
    s = secret_settings
    for text in (repr(s), str(s), f"{s}", s.model_dump_json(), str(s.model_dump()), repr(s.model_dump())):
        assert not leaked(text), text
    # ...while the code that connects still gets them.
    assert REDIS_SECRET in (s.redis_url_value() or "")
    assert s.kafka_sasl_password is not None and s.kafka_sasl_password.get_secret_value() == KAFKA_SECRET


def test_validation_errors_show_no_secret(monkeypatch: pytest.MonkeyPatch, secret_settings: Settings) -> None:
    """From the environment (another setting is wrong) and from code (a secret of the
    wrong type): the message names the setting, never the value."""
    monkeypatch.setenv("NEWSMON_TOPIC_PARTITIONS", "many")
    with pytest.raises(ValidationError) as from_env:
        Settings()
    wrong_type = [
        {"kafka_sasl_password": [KAFKA_SECRET]},
        {"redis_url": REDIS_SECRET.encode()},
        {"redis_url": {"url": f"redis://:{REDIS_SECRET}@h"}},
        {"kafka_sasl_mechanism": KAFKA_SECRET},  # a secret pasted into the wrong variable
    ]
    errors = [from_env.value]
    for fields in wrong_type:
        with pytest.raises(ValidationError) as caught:
            Settings(**fields)
        errors.append(caught.value)
    for error in errors:
        assert error.errors(include_input=False)
        for text in (str(error), repr(error), error.json(include_input=False)):
            assert not leaked(text), text
    assert "topic_partitions" in str(from_env.value)


def test_clients_show_no_secret(secret_settings: Settings) -> None:
    """The objects a log line or a traceback may print: the Redis client and its pool,
    the Faust credentials."""
    client = redis_client(secret_settings)
    assert client.connection_pool.connection_kwargs["password"] == REDIS_SECRET  # it is there...
    for text in (repr(client), str(client), repr(client.connection_pool)):
        assert not leaked(text), text  # ...and not shown
    credentials = broker_credentials(secret_settings)
    assert credentials is not None
    assert not leaked(repr(credentials)) and not leaked(str(credentials))


@pytest.mark.parametrize(
    "url",
    [
        f"redis://user:{REDIS_SECRET}@cache:6379/0",
        f"rediss://:{REDIS_SECRET}@cache/1",
        f"redis://:{REDIS_SECRET}@with@at@cache:6379/0",  # '@' in the password
        f"redis://:{REDIS_SECRET}@cache:notaport/0",  # malformed: must not raise
        f"redis://:{REDIS_SECRET}@[::1]:6379/0",
        f"rediss://cache:6380/0?ssl_ca_certs=/etc/ca.pem&password={REDIS_SECRET}",
        f"rediss://cache:6380/0?ssl_password={REDIS_SECRET}",
        f"unix://:{REDIS_SECRET}@/run/redis.sock?db=1",
        f"redis://[::1:{REDIS_SECRET}",  # unparsable
    ],
)
def test_redact_url_hides_every_password(url: str) -> None:
    shown = redact_url(url)
    assert not leaked(shown), shown
    assert shown != url


def test_redact_url_keeps_what_helps() -> None:
    assert redact_url("redis://cache:6379/0") == "redis://cache:6379/0"
    shown = redact_url(f"rediss://alerts:{REDIS_SECRET}@cache:6380/2?ssl_ca_certs=/etc/ca.pem")
    assert shown == "rediss://alerts:***@cache:6380/2?ssl_ca_certs=/etc/ca.pem"


def test_planted_secrets_are_detected() -> None:
    """The check itself: a leak would be found in any of the places the tests search."""
    assert leaked(f"connecting to redis://:{REDIS_SECRET}@host") == [REDIS_SECRET]
    assert leaked(f"b'\\x00newsmon\\x00{KAFKA_SECRET}'") == [KAFKA_SECRET]
    assert len(SECRETS) == 2


def test_security_page_names_real_settings_and_their_defaults() -> None:
    """docs/security.md: every variable it names exists, and the limits table shows the
    defaults the code has."""
    page = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    fields = Settings.model_fields
    named = set(re.findall(r"NEWSMON_([A-Z0-9_]+[A-Z0-9])", page))
    assert named and all(name.lower() in fields for name in named), named - {f.upper() for f in fields}
    for limit in ("max_body_bytes", "max_sentences", "max_stories", "redis_stream_maxlen", "window_hours"):
        default = fields[limit].default
        shown = int(default) if float(default).is_integer() else default
        assert f"| `NEWSMON_{limit.upper()}` | `{shown}`" in page, limit
