"""Redis AUTH and TLS from NEWSMON_REDIS_URL alone: delivery and `follow` against private
redis-servers that demand a password, an ACL user, TLS, and TLS client certificates.

    redis://:PASSWORD@host:6379/0                        requirepass (the default user)
    redis://USER:PASSWORD@host:6379/0                    an ACL user
    rediss://:PASSWORD@host:6380/0?ssl_ca_certs=/ca.pem  TLS, server checked against a private CA
    ...&ssl_certfile=/client.pem&ssl_keyfile=/client.key  TLS with a client certificate

The query parameters are redis-py's own connection keywords (`Redis.from_url`); without
`ssl_ca_certs` the system trust store checks the server.  A wrong password gives a clear
error naming the URL without its password.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import redis
import redis.asyncio as aioredis
from redis.exceptions import AuthenticationError
from redis.exceptions import ConnectionError as RedisConnectionError

from schemas import ALERT_ADAPTER, Alert
from services.alerts.delivery import AlertDelivery, Backoff, redis_client
from services.alerts.subscriber import follow
from services.config import Settings
from services.embedded.process import ManagedProcess, free_port
from services.login_check import LoginRefused, check_redis_login
from tests.security import REDIS_SECRET, clean_env, closed_port, leaked

pytestmark = pytest.mark.integration

ACL_USER, ACL_SECRET = "alerts", "S3cr3tACL"
FAST = Backoff(initial=0.05, cap=0.2)
WHEN = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
REDIS_SERVER = shutil.which("redis-server")

if REDIS_SERVER is None:
    pytest.skip("no redis-server on PATH (apt install redis-server)", allow_module_level=True)


def alert(alert_id: str) -> Alert:
    return ALERT_ADAPTER.validate_python(
        {
            "kind": "new_story",
            "alert_id": alert_id,
            "story_id": "story-1",
            "story_title": "Aleppo",
            "article_id": f"article-{alert_id}",
            "source": "Wire",
            "language": "en",
            "published_at": WHEN,
            "detected_at": WHEN,
            "summary": f"alert {alert_id}",
        }
    )


def settings_for(url: str) -> Settings:
    """Settings with only this URL and names no other test uses."""
    name = f"newsmon-sec-{uuid.uuid4().hex[:8]}"
    return Settings(redis_url=url, redis_stream=f"{name}:alerts", redis_channel=f"{name}:alerts")


# Servers ---------------------------------------------------------------------------------


def _spawn(
    workdir: Path, name: str, args: list[str], ready_url: str, timeout: float = 10.0
) -> ManagedProcess:
    argv = [str(REDIS_SERVER), *args, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    argv += ["--dir", str(workdir), "--daemonize", "no", "--logfile", ""]
    process = ManagedProcess.spawn(name, argv, workdir / f"{name}.log", cwd=workdir)
    deadline = time.monotonic() + timeout
    while not _answers(ready_url):
        if not process.alive():
            raise RuntimeError(f"{name} exited: {process.log_tail()}")
        if time.monotonic() > deadline:
            process.stop()
            raise RuntimeError(f"{name} did not answer: {process.log_tail()}")
        time.sleep(0.05)
    return process


def _answers(url: str) -> bool:
    """PING over a blocking client (fixtures run outside the tests' event loop)."""
    client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()


@pytest.fixture(scope="module")
def auth_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """redis-server with `requirepass` for the default user and one ACL user."""
    workdir = tmp_path_factory.mktemp("redis-auth")
    port = free_port()
    args = ["--port", str(port), "--requirepass", REDIS_SECRET]
    args += ["--user", ACL_USER, "on", f">{ACL_SECRET}", "~*", "&*", "+@all"]
    process = _spawn(workdir, "redis-auth", args, f"redis://:{REDIS_SECRET}@127.0.0.1:{port}/0")
    yield port
    process.stop()


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=30)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private CA, a server certificate for 127.0.0.1/localhost and a client certificate."""
    if shutil.which("openssl") is None:
        pytest.skip("no openssl on PATH")
    d = tmp_path_factory.mktemp("pki")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    _openssl(
        "req",
        "-x509",
        *ec,
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=newsmon test CA",
        cwd=d,
    )
    (d / "server.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    (d / "client.ext").write_text("extendedKeyUsage=clientAuth\n")
    for who in ("server", "client"):
        _openssl(
            "req", *ec, "-keyout", f"{who}.key", "-out", f"{who}.csr", "-subj", f"/CN=newsmon {who}", cwd=d
        )
        _openssl(
            "x509", "-req", "-in", f"{who}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", f"{who}.pem", "-days", "2", "-extfile", f"{who}.ext", cwd=d,
        )  # fmt: skip
    return d


def _tls_server(tmp_path_factory: pytest.TempPathFactory, pki: Path, client_certs: str) -> Iterator[int]:
    workdir = tmp_path_factory.mktemp("redis-tls")
    port = free_port()
    args = ["--port", "0", "--tls-port", str(port), "--requirepass", REDIS_SECRET]
    args += ["--tls-cert-file", str(pki / "server.pem"), "--tls-key-file", str(pki / "server.key")]
    args += ["--tls-ca-cert-file", str(pki / "ca.pem"), "--tls-auth-clients", client_certs]
    url = f"rediss://:{REDIS_SECRET}@127.0.0.1:{port}/0?ssl_ca_certs={pki / 'ca.pem'}"
    url += f"&ssl_certfile={pki / 'client.pem'}&ssl_keyfile={pki / 'client.key'}"
    try:
        process = _spawn(workdir, f"redis-tls-{client_certs}", args, url)
    except RuntimeError as error:
        if "Bad directive" in str(error) and "tls-" in str(error):  # built without TLS
            pytest.skip(f"this redis-server has no TLS support: {error}")
        raise
    yield port
    process.stop()


@pytest.fixture(scope="module")
def tls_port(tmp_path_factory: pytest.TempPathFactory, pki: Path) -> Iterator[int]:
    """TLS only (`--port 0`), password required, no client certificates."""
    yield from _tls_server(tmp_path_factory, pki, "no")


@pytest.fixture(scope="module")
def mtls_port(tmp_path_factory: pytest.TempPathFactory, pki: Path) -> Iterator[int]:
    """TLS with client certificates required."""
    yield from _tls_server(tmp_path_factory, pki, "yes")


# The round trip ----------------------------------------------------------------------------


async def round_trip(settings: Settings) -> None:
    """Deliver an alert (and its repeat) and read it back with `follow`, as the worker and
    `newsmon subscribe` do, through newsmon's own client factory."""
    first = alert(uuid.uuid4().hex[:24])
    async with AlertDelivery(settings, backoff=FAST) as delivery:
        assert await delivery.deliver(first) is True
        assert await delivery.deliver(first) is False  # the id is in the stream already

    async def first_followed() -> Alert:
        async for item in follow(settings, from_start=True, block_ms=200, backoff=FAST):
            return item
        raise AssertionError("follow ended")

    assert await asyncio.wait_for(first_followed(), timeout=10) == first


async def ping(url: str) -> None:
    client = redis_client(settings_for(url))
    try:
        await client.ping()
    finally:
        await client.aclose()


# AUTH ------------------------------------------------------------------------------------


async def test_server_demands_a_password(auth_port: int) -> None:
    """The control: without credentials the server refuses, so the passes below are real."""
    with pytest.raises(AuthenticationError, match=r"(?i)auth"):
        await ping(f"redis://127.0.0.1:{auth_port}/0")


@pytest.mark.parametrize(
    "credentials", [f":{REDIS_SECRET}", f"default:{REDIS_SECRET}", f"{ACL_USER}:{ACL_SECRET}"]
)
async def test_password_in_url(auth_port: int, credentials: str) -> None:
    await round_trip(settings_for(f"redis://{credentials}@127.0.0.1:{auth_port}/0"))


async def test_wrong_password_is_a_clear_error_without_the_password(
    auth_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    """Delivery and `follow` both say what is wrong (authentication, which server) and never
    print the password they were given.  Today both retry (AuthenticationError is a
    ConnectionError in redis-py): the error is logged and counted, not hidden; failing
    fast would pass this test as well."""
    wrong = "Wr0ngS3cr3tPW"
    settings = settings_for(f"redis://:{wrong}@127.0.0.1:{auth_port}/0")
    errors: list[BaseException] = []
    caplog.set_level(logging.INFO)

    async def deliver() -> None:
        async with AlertDelivery(settings, backoff=FAST, on_retry=errors.append) as delivery:
            await delivery.deliver(alert("never-delivered"))

    async def subscribe() -> None:
        async for _ in follow(settings, from_start=True, block_ms=200, backoff=FAST):
            raise AssertionError("follow yielded with a wrong password")

    for attempt in (deliver, subscribe):
        try:
            await asyncio.wait_for(attempt(), timeout=1.0)
        except TimeoutError:
            pass  # still retrying: what it logged is checked below
        except AuthenticationError as error:
            errors.append(error)
    assert errors and all(isinstance(e, AuthenticationError) for e in errors), errors
    messages = [r.getMessage() for r in caplog.records if "Redis at" in r.getMessage()]
    assert any("AuthenticationError" in m and "delivering alert" in m for m in messages), messages
    assert any("AuthenticationError" in m and "reconnecting" in m for m in messages), messages
    assert all(f"redis://:***@127.0.0.1:{auth_port}/0" in m for m in messages), messages
    shown = "\n".join([*messages, *map(str, errors), *map(repr, errors), caplog.text])
    assert wrong not in shown and not leaked(shown), shown


@pytest.mark.parametrize(
    ("credentials", "reason"),
    [("", "wants a password and the url gives none"), (":Wr0ngS3cr3tPW", "wrong user name or password"),
     (f"nobody:{ACL_SECRET}", "wrong user name or password")],
)  # fmt: skip
async def test_login_check_names_the_refusal(auth_port: int, credentials: str, reason: str) -> None:
    """What `worker` and `subscribe` check before they start: a refused login is a one-line
    LoginRefused naming the server without its password, not an outage to retry forever."""
    at = f"{credentials}@" if credentials else ""
    with pytest.raises(LoginRefused) as refused:
        await check_redis_login(settings_for(f"redis://{at}127.0.0.1:{auth_port}/0"))
    message = str(refused.value)
    assert message.startswith("Redis at redis://") and f"127.0.0.1:{auth_port}/0 refused" in message, message
    assert reason in message.lower() and message.endswith("check NEWSMON_REDIS_URL"), message
    assert "Wr0ngS3cr3tPW" not in message and not leaked(message)


async def test_login_check_passes_good_credentials_and_leaves_outages_to_retries(auth_port: int) -> None:
    await check_redis_login(settings_for(f"redis://:{REDIS_SECRET}@127.0.0.1:{auth_port}/0"))
    await check_redis_login(settings_for(f"redis://:{REDIS_SECRET}@127.0.0.1:{closed_port()}/0"))


def test_subscribe_with_a_wrong_password_exits_with_one_line(auth_port: int) -> None:
    url = f"redis://:Wr0ngS3cr3tPW@127.0.0.1:{auth_port}/0"
    result = subprocess.run(
        [sys.executable, "-m", "services.cli", "subscribe"],
        env=clean_env() | {"NEWSMON_REDIS_URL": url, "NEWSMON_METRICS_PORT": "0"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"newsmon subscribe: Redis at redis://:***@127.0.0.1:{auth_port}/0"
    )
    assert "Wr0ngS3cr3tPW" not in result.stderr + result.stdout


# TLS -------------------------------------------------------------------------------------


async def test_tls_with_private_ca(tls_port: int, pki: Path) -> None:
    await round_trip(
        settings_for(f"rediss://:{REDIS_SECRET}@127.0.0.1:{tls_port}/0?ssl_ca_certs={pki / 'ca.pem'}")
    )


async def test_tls_by_hostname(tls_port: int, pki: Path) -> None:
    """The server name is checked against the certificate (here: localhost is in it)."""
    await round_trip(
        settings_for(f"rediss://:{REDIS_SECRET}@localhost:{tls_port}/0?ssl_ca_certs={pki / 'ca.pem'}")
    )


async def test_tls_checks_the_server_certificate(tls_port: int) -> None:
    """Without the private CA the server is not trusted (the system store does not know it):
    TLS is verified by default.  The error says why and shows no password."""
    with pytest.raises(RedisConnectionError) as caught:
        await ping(f"rediss://:{REDIS_SECRET}@127.0.0.1:{tls_port}/0")
    assert "certificate verify failed" in str(caught.value).lower()
    assert not leaked(str(caught.value)) and not leaked(repr(caught.value))


async def test_tls_without_verification_when_asked(tls_port: int) -> None:
    """`ssl_cert_reqs=none` turns verification off (encrypted, not authenticated: tests only)."""
    await round_trip(settings_for(f"rediss://:{REDIS_SECRET}@127.0.0.1:{tls_port}/0?ssl_cert_reqs=none"))


async def test_plain_redis_url_cannot_talk_to_a_tls_port(tls_port: int) -> None:
    """The control: the port really speaks TLS only."""
    with pytest.raises(RedisConnectionError):
        await asyncio.wait_for(ping(f"redis://:{REDIS_SECRET}@127.0.0.1:{tls_port}/0"), timeout=10)


async def test_tls_client_certificate(mtls_port: int, pki: Path) -> None:
    base = f"rediss://:{REDIS_SECRET}@127.0.0.1:{mtls_port}/0?ssl_ca_certs={pki / 'ca.pem'}"
    with pytest.raises(RedisConnectionError):  # no client certificate: refused
        await asyncio.wait_for(ping(base), timeout=10)
    await round_trip(
        settings_for(f"{base}&ssl_certfile={pki / 'client.pem'}&ssl_keyfile={pki / 'client.key'}")
    )


async def test_redis_py_takes_tls_options_from_the_url(pki: Path) -> None:
    """What the README promises, checked on the parsed client: the URL alone configures TLS."""
    url = f"rediss://:{REDIS_SECRET}@cache:6380/0?ssl_ca_certs={pki / 'ca.pem'}&ssl_cert_reqs=required"
    client = aioredis.Redis.from_url(url)
    kwargs = client.connection_pool.connection_kwargs
    assert kwargs["ssl_ca_certs"] == str(pki / "ca.pem")
    assert kwargs["password"] == REDIS_SECRET
    assert client.connection_pool.connection_class.__name__ == "SSLConnection"
    await client.aclose()
