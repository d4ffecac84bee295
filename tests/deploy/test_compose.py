"""docker-compose.yml is valid compose (checked by Debian's docker-compose without an
engine) and deploys what the issue asks: official apache/kafka in KRaft mode as its
single-node example, Redis with AOF, Prometheus and Grafana wired to deploy/, the
worker and a one-shot replayer, health checks, pinned images."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.unit.observe.deploy_files import COMPOSE, DOCKERFILE, ROOT, load_yaml

#: The settings of the apache/kafka image's single-node example (docker/examples, single-node/plaintext).
KRAFT_SINGLE_NODE = {
    "KAFKA_NODE_ID",
    "KAFKA_PROCESS_ROLES",
    "KAFKA_CONTROLLER_QUORUM_VOTERS",
    "KAFKA_LISTENERS",
    "KAFKA_ADVERTISED_LISTENERS",
    "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
    "KAFKA_INTER_BROKER_LISTENER_NAME",
    "KAFKA_CONTROLLER_LISTENER_NAMES",
    "CLUSTER_ID",
    "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
    "KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS",
    "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR",
    "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
    "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR",
    "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR",
    "KAFKA_LOG_DIRS",
}
PINNED = re.compile(r"^[\w./-]+:v?\d+(\.\d+)+[\w.-]*$")  # name:1.2.3[-variant], never :latest


def compose_config(docker_compose: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [docker_compose, "--project-directory", str(ROOT), "-f", str(path), "config", "-q"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    return load_yaml(COMPOSE)["services"]


def test_docker_compose_validates_the_file(docker_compose: str) -> None:
    result = compose_config(docker_compose, COMPOSE)
    assert result.returncode == 0, result.stderr


def test_docker_compose_rejects_an_invalid_file(docker_compose: str, tmp_path: Path) -> None:
    """The validation above means something: an unknown key fails it."""
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(COMPOSE.read_text().replace("    restart: unless-stopped", "    restart_often: yes", 1))
    assert compose_config(docker_compose, broken).returncode != 0


def test_every_image_is_pinned(services: dict[str, Any]) -> None:
    images = {name: s["image"] for name, s in services.items() if "image" in s}
    assert {"kafka", "redis", "prometheus", "grafana", "worker", "replayer"} <= images.keys()
    for name, image in images.items():
        assert PINNED.match(image), f"{name}: {image} is not pinned to a version"
    base = re.search(r"^FROM\s+(\S+)", DOCKERFILE.read_text(), re.MULTILINE)
    assert base and PINNED.match(base.group(1)), "Dockerfile base image is not pinned"


def test_kafka_is_the_official_image_in_kraft_mode(services: dict[str, Any]) -> None:
    kafka = services["kafka"]
    assert kafka["image"].startswith("apache/kafka:")
    env = kafka["environment"]
    assert env.keys() >= KRAFT_SINGLE_NODE
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert not any("ZOOKEEPER" in key for key in env)
    # The workers connect through the listener advertised for containers.
    internal = re.search(r"PLAINTEXT://([\w.-]+:\d+)", env["KAFKA_ADVERTISED_LISTENERS"])
    assert internal and services["worker"]["environment"][
        "NEWSMON_KAFKA_BOOTSTRAP_SERVERS"
    ] == internal.group(1)


def test_redis_persists_with_aof(services: dict[str, Any]) -> None:
    command = services["redis"]["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    assert any(volume.endswith(":/data") for volume in services["redis"]["volumes"])


def test_long_running_services_have_health_checks(services: dict[str, Any]) -> None:
    for name in ("kafka", "redis", "worker", "prometheus", "grafana"):
        assert services[name].get("healthcheck", {}).get("test"), f"{name} has no health check"
    assert services["worker"]["depends_on"]["kafka"]["condition"] == "service_healthy"


def test_worker_and_one_shot_replayer(services: dict[str, Any]) -> None:
    worker, replayer = services["worker"], services["replayer"]
    assert worker["command"] == ["newsmon", "worker"]
    assert worker["environment"]["NEWSMON_METRICS_HOST"] == "0.0.0.0"
    assert replayer["command"][:2] == ["newsmon", "replay"]
    assert str(replayer["restart"]) == "no"


def test_prometheus_and_grafana_mount_the_deploy_folder(services: dict[str, Any]) -> None:
    assert "./deploy/prometheus:/etc/prometheus:ro" in services["prometheus"]["volumes"]
    grafana = services["grafana"]["volumes"]
    assert "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro" in grafana
    assert "./deploy/grafana/dashboards:/etc/grafana/dashboards:ro" in grafana
    for mount in (*services["prometheus"]["volumes"], *grafana):
        source = mount.split(":")[0]
        if source.startswith("./"):
            assert (ROOT / source).is_dir(), f"{source} does not exist"
