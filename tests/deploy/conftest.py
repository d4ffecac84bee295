from __future__ import annotations

import pytest

from tests.deploy.debian import debian_tool


@pytest.fixture(scope="session")
def promtool() -> str:
    return debian_tool("promtool", "prometheus")


@pytest.fixture(scope="session")
def docker_compose() -> str:
    """Compose v1 from Debian: `docker-compose config` validates a file against the compose
    schema without a Docker engine (none runs here)."""
    return debian_tool("docker-compose", "docker-compose")
