"""Settings: read from NEWSMON_* variables, and never show a secret in a repr or a log line."""

from __future__ import annotations

import os

import pytest
from pydantic import ValidationError

from services.config import Settings, redact_url

REDIS_SECRET = "s3cr3t-redis-pw"
SASL_SECRET = "s3cr3t-sasl-pw"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own NEWSMON_* variables must not leak into these tests."""
    for name in list(os.environ):
        if name.startswith("NEWSMON_"):
            monkeypatch.delenv(name)


def test_prefixed_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSMON_TOPIC_PARTITIONS", "7")
    monkeypatch.setenv("NEWSMON_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")
    monkeypatch.setenv("NEWSMON_REDIS_URL", "redis://cache:6379/2")
    settings = Settings()
    assert settings.topic_partitions == 7
    assert settings.kafka_bootstrap_servers == "kafka-1:9092,kafka-2:9092"
    assert settings.redis_url_value() == "redis://cache:6379/2"


def test_unprefixed_variables_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPIC_PARTITIONS", "7")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092")
    settings = Settings()
    assert settings.topic_partitions == Settings.model_fields["topic_partitions"].default
    assert settings.kafka_bootstrap_servers is None


def test_out_of_range_values_are_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSMON_TOPIC_PARTITIONS", "0")
    with pytest.raises(ValidationError):
        Settings()


def test_secrets_never_show(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSMON_REDIS_URL", f"redis://alerts:{REDIS_SECRET}@cache:6379/0")
    monkeypatch.setenv("NEWSMON_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("NEWSMON_KAFKA_SASL_USERNAME", "newsmon")
    monkeypatch.setenv("NEWSMON_KAFKA_SASL_PASSWORD", SASL_SECRET)
    settings = Settings()
    shown = [repr(settings), str(settings), settings.model_dump_json(), str(settings.model_dump())]
    for text in shown:
        assert REDIS_SECRET not in text
        assert SASL_SECRET not in text
    # ...while the code that needs them can still get them.
    assert settings.kafka_sasl_password is not None
    assert settings.kafka_sasl_password.get_secret_value() == SASL_SECRET
    assert REDIS_SECRET in (settings.redis_url_value() or "")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("redis://user:secret@cache:6379/0", "redis://user:***@cache:6379/0"),
        ("rediss://:secret@cache/1", "rediss://:***@cache/1"),
        ("redis://cache:6379/0", "redis://cache:6379/0"),
        ("redis://user@cache", "redis://user@cache"),
    ],
    ids=["user-and-password", "password-only", "no-credentials", "user-only"],
)
def test_redact_url(url: str, expected: str) -> None:
    assert redact_url(url) == expected
    assert "secret" not in redact_url(url)
