"""How every newsmon Kafka client connects: one place that turns Settings into aiokafka
keyword arguments, so the replayer, the processor and admin calls cannot drift apart
(a SASL setting honoured by one client and forgotten by another fails only in production).
"""

from __future__ import annotations

from typing import Any

from aiokafka.helpers import create_ssl_context

from services.config import Settings

#: What a command that needs Kafka says when none is configured.
NO_KAFKA = (
    "set NEWSMON_KAFKA_BOOTSTRAP_SERVERS (`newsmon stack up` starts a local Kafka and prints "
    "the line to export) or use `newsmon demo`"
)


class KafkaNotConfigured(ValueError):
    """No broker address: the commands that need one say how to give it."""


def kafka_client_options(settings: Settings) -> dict[str, Any]:
    """`bootstrap_servers` plus the security options, ready for `AIOKafkaProducer(**options)`
    (and the consumer and admin clients, which take the same names).

    Raises KafkaNotConfigured when NEWSMON_KAFKA_BOOTSTRAP_SERVERS is unset, and ValueError
    for a SASL protocol without credentials (aiokafka would only assert deep inside `start()`).
    """
    if not settings.kafka_bootstrap_servers:
        raise KafkaNotConfigured(NO_KAFKA)
    protocol = settings.kafka_security_protocol
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap_servers,
        "security_protocol": protocol,
    }
    if protocol.startswith("SASL"):
        password = settings.kafka_sasl_password
        if not settings.kafka_sasl_username or password is None:
            raise ValueError(f"{protocol} needs NEWSMON_KAFKA_SASL_USERNAME and NEWSMON_KAFKA_SASL_PASSWORD")
        options |= {
            "sasl_mechanism": settings.kafka_sasl_mechanism or "PLAIN",
            "sasl_plain_username": settings.kafka_sasl_username,
            "sasl_plain_password": password.get_secret_value(),
        }
    if protocol.endswith("SSL"):
        # No CA file means the system trust store, which is what a managed cluster needs.
        options["ssl_context"] = create_ssl_context(
            cafile=settings.kafka_ssl_cafile,
            certfile=settings.kafka_ssl_certfile,
            keyfile=settings.kafka_ssl_keyfile,
        )
    return options
