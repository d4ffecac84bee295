"""`make test` installs Debian packages for the deployment tests only after saying so."""

from __future__ import annotations

import pytest

from tests.deploy import debian


def test_an_install_is_announced_before_it_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    attempted: list[str] = []

    def install(package: str) -> str:  # stands in for apt-get: no network, no root needed
        attempted.append(package)
        assert said, "installed before saying so"
        return "apt-get is not available (not a Debian machine)"

    monkeypatch.setattr(debian, "_install", install)
    with pytest.raises(pytest.skip.Exception, match="needs `newsmon-no-such-tool` from Debian's pkg"):
        debian.debian_tool("newsmon-no-such-tool", "pkg", said.append)
    assert attempted == ["pkg"]
    assert said == [
        "installing Debian package pkg for `newsmon-no-such-tool` (deployment tests, first run only)…"
    ]


def test_a_tool_already_there_installs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(debian, "_install", lambda package: pytest.fail("installed " + package))
    assert debian.debian_tool("sh", "dash", said.append).endswith("/sh")
    assert said == []
