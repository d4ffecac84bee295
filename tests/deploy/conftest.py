from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.deploy.debian import debian_tool


@pytest.fixture(scope="session")
def say(pytestconfig: pytest.Config) -> Callable[[str], None]:
    """A line on the terminal even while pytest captures output."""
    capture = pytestconfig.pluginmanager.getplugin("capturemanager")

    def write(message: str) -> None:
        with capture.global_and_fixture_disabled():
            print(f"\n{message}", flush=True)

    return write


@pytest.fixture(scope="session")
def promtool(say: Callable[[str], None]) -> str:
    return debian_tool("promtool", "prometheus", say)


@pytest.fixture(scope="session")
def docker_compose(say: Callable[[str], None]) -> str:
    """Compose v1 from Debian: `docker-compose config` validates a file against the compose
    schema without a Docker engine (none runs here)."""
    return debian_tool("docker-compose", "docker-compose", say)
