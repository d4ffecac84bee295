"""Refused credentials are a setup mistake, not an outage: say so once and stop.

The long-running commands retry Kafka and Redis for as long as it takes, which is right
when a server is down or restarting and wrong when it turns the credentials away: a
worker started with a wrong password would log the same refusal every few seconds and
never process anything, and aiokafka reports a refused SCRAM login as `KeyError: 'v'`
(the server's last SCRAM message carries an error instead of its signature) or hides it
behind "Unable to bootstrap".  So before `newsmon worker`, `replay` and `subscribe`
start, one connection with the configured credentials tells the two apart: a refused
login becomes one line naming the server and the setting to fix (never the secret);
anything else, such as nothing answering yet, is left to the command's own retries.
"""

from __future__ import annotations

import asyncio
import contextlib
from urllib.parse import urlsplit

import aiokafka.errors as kafka_errors
from aiokafka.conn import collect_hosts, create_conn
from redis.exceptions import AuthenticationError, AuthorizationError, RedisError, ResponseError

from services.alerts.delivery import redis_client, redis_url
from services.config import Settings, redact_url
from services.kafka_options import kafka_client_options

# What aiokafka raises when the broker answers the SASL exchange with a refusal.
_KAFKA_REFUSALS = (
    kafka_errors.SaslAuthenticationFailed,
    kafka_errors.IllegalSaslStateError,
    kafka_errors.UnsupportedSaslMechanismError,
)
# redis-py turns WRONGPASS into AuthenticationError; NOAUTH (no password given to a server
# that wants one) and NOPERM arrive as these or as a plain ResponseError, by version.
_REDIS_REFUSAL_CODES = ("WRONGPASS", "NOAUTH", "NOPERM", "INVALID PASSWORD")


class LoginRefused(ValueError):
    """Kafka or Redis refused the configured credentials; the message is one line."""


async def check_kafka_login(settings: Settings, timeout: float = 10.0) -> None:
    """Raise LoginRefused when the first broker that answers refuses our SASL login.
    Without SASL there is no login to check; no broker answering is not a refusal."""
    options = kafka_client_options(settings)
    mechanism = options.get("sasl_mechanism")
    if mechanism is None:
        return
    for host, port, _ in collect_hosts(options["bootstrap_servers"]):
        try:
            opening = create_conn(host, port, request_timeout_ms=int(timeout * 1000), **_single(options))
            connection = await asyncio.wait_for(opening, timeout)
        except (*_KAFKA_REFUSALS, KeyError) as error:
            if isinstance(error, KeyError) and not mechanism.startswith("SCRAM"):
                raise
            raise LoginRefused(_kafka_refusal(f"{host}:{port}", settings, error)) from None
        except (OSError, TimeoutError, kafka_errors.KafkaError):
            continue  # not reachable (yet): the command's own retries and messages handle it
        connection.close()
        return


_CONNECTION_OPTIONS = (
    "security_protocol",
    "ssl_context",
    "sasl_mechanism",
    "sasl_plain_username",
    "sasl_plain_password",
)


def _single(options: dict[str, object]) -> dict[str, object]:
    """The client options that one connection takes (all but bootstrap_servers)."""
    return {name: options[name] for name in _CONNECTION_OPTIONS if name in options}


def _kafka_refusal(where: str, settings: Settings, error: BaseException) -> str:
    mechanism = settings.kafka_sasl_mechanism or "PLAIN"
    if isinstance(error, kafka_errors.UnsupportedSaslMechanismError):
        return (
            f"Kafka at {where} does not offer SASL mechanism {mechanism}: "
            "set NEWSMON_KAFKA_SASL_MECHANISM to one it offers"
        )
    return (
        f"Kafka at {where} refused the {mechanism} login as user {settings.kafka_sasl_username!r}: "
        "check NEWSMON_KAFKA_SASL_USERNAME and NEWSMON_KAFKA_SASL_PASSWORD"
    )


async def check_redis_login(settings: Settings) -> None:
    """Raise LoginRefused when Redis refuses the credentials in NEWSMON_REDIS_URL.  A Redis
    that does not answer is not a refusal (delivery and `subscribe` retry until it does)."""
    client = redis_client(settings)
    try:
        await client.ping()
    except (AuthenticationError, AuthorizationError, ResponseError) as error:
        text = str(error).upper()
        if isinstance(error, ResponseError) and not any(code in text for code in _REDIS_REFUSAL_CODES):
            return
        raise LoginRefused(_redis_refusal(settings, text)) from None
    except (RedisError, OSError, TimeoutError):
        return
    finally:
        with contextlib.suppress(RedisError, OSError):
            await client.aclose()


def _redis_refusal(settings: Settings, text: str) -> str:
    """Redis's own wording varies by version and command (HELLO, AUTH); say it plainly."""
    url = redis_url(settings)
    if "NOPERM" in text:
        why = "the user may not run the commands newsmon needs (NOPERM)"
    elif urlsplit(url).password is None:
        why = "it wants a password and the URL gives none"
    else:
        why = "wrong user name or password"
    return f"Redis at {redact_url(url)} refused the login: {why}; check NEWSMON_REDIS_URL"


def check_logins(settings: Settings, *, kafka: bool = True, redis: bool = True) -> None:
    """Both checks, for a command about to start (raises LoginRefused)."""

    async def both() -> None:
        if kafka:
            await check_kafka_login(settings)
        if redis:
            await check_redis_login(settings)

    asyncio.run(both())
