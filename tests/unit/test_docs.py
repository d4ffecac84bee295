"""The README is the user's reference: it must name every setting and every command."""

from pathlib import Path

from services.cli import app
from services.config import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    missing = []
    for name in Settings.model_fields:
        variable = f"NEWSMON_{name.upper()}"
        # TLS file settings share one row: NEWSMON_KAFKA_SSL_CAFILE / _CERTFILE / _KEYFILE
        short = "_" + variable.rsplit("_", 1)[-1]
        if variable not in README and not (variable.startswith("NEWSMON_KAFKA_SSL_") and short in README):
            missing.append(variable)
    assert missing == []


def test_every_command_is_documented() -> None:
    commands = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert commands
    assert [c for c in commands if f"newsmon {c}" not in README] == []
