"""`newsmon stack up | down | status | env` as a user runs them: real processes, a real
broker and redis-server on fixed ports (free ones, so tests never take a user's 19092),
and a state directory of the test's own."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.config import Settings
from services.embedded.broker import tuned_for_broker
from services.embedded.local import read_state
from services.embedded.process import free_port, port_free, port_holder

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def stack_env(directory: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMON_") and k != "REDIS_URL"}
    return clean | {
        "NEWSMON_STACK_DIR": str(directory),
        "NEWSMON_STACK_KAFKA_PORT": str(free_port()),
        "NEWSMON_STACK_REDIS_PORT": str(free_port()),
        "NEWSMON_METRICS_PORT": "0",
    }


def newsmon(env: dict[str, str], *args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=timeout,
    )  # fmt: skip


def settings_of(env: dict[str, str]) -> Settings:
    return Settings(
        stack_dir=env["NEWSMON_STACK_DIR"],
        stack_kafka_port=int(env["NEWSMON_STACK_KAFKA_PORT"]),
        stack_redis_port=int(env["NEWSMON_STACK_REDIS_PORT"]),
    )


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A stack environment; whatever stack it started is stopped afterwards."""
    env = stack_env(tmp_path / "stack")
    yield env
    state = read_state(settings_of(env))
    if state is not None:
        os.kill(state.pid, signal.SIGKILL)  # its servers die with it (PR_SET_PDEATHSIG)


def test_up_detached_prints_the_exports_and_down_stops_everything(env: dict[str, str]) -> None:
    kafka, redis = env["NEWSMON_STACK_KAFKA_PORT"], env["NEWSMON_STACK_REDIS_PORT"]
    up = newsmon(env, "stack", "up", "--detach")
    assert up.returncode == 0, up.stderr
    exports = [
        f"export NEWSMON_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:{kafka}",
        f"export NEWSMON_REDIS_URL=redis://127.0.0.1:{redis}/0",
    ]
    assert up.stdout.splitlines() == exports  # stdout is only what `eval` needs
    holders = {port_holder(int(kafka)), port_holder(int(redis))}
    assert all(h and ("tansu" in h or "redis-server" in h) for h in holders), holders

    status = newsmon(env, "stack", "status")
    assert status.returncode == 0 and "Kafka answers, Redis answers" in status.stderr
    assert newsmon(env, "stack", "env").stdout.splitlines() == exports

    again = newsmon(env, "stack", "up")
    assert again.returncode == 2
    assert again.stderr.count("\n") == 1 and "holds the ports; `newsmon stack down` stops it" in again.stderr

    down = newsmon(env, "stack", "down")
    assert down.returncode == 0 and down.stderr.startswith("newsmon stack: stopped newsmon stack (pid ")
    assert port_free(int(kafka)) and port_free(int(redis))
    assert read_state(settings_of(env)) is None
    gone = newsmon(env, "stack", "status")
    assert gone.returncode == 3 and "no local stack is running" in gone.stderr


async def test_commands_given_only_the_address_get_the_embedded_tuning(env: dict[str, str]) -> None:
    """The two exported lines are enough: the broker says it is the embedded one, so a
    worker or replay pointed at it uses one-record batches and short fetch waits."""
    up = await asyncio.to_thread(newsmon, env, "stack", "up", "--detach")
    assert up.returncode == 0, up.stderr
    bare = Settings(kafka_bootstrap_servers=f"127.0.0.1:{env['NEWSMON_STACK_KAFKA_PORT']}")
    tuned = await tuned_for_broker(bare)
    assert (tuned.kafka_producer_max_batch_size, tuned.kafka_fetch_max_wait_ms) == (1, 20)
    chosen = Settings(kafka_bootstrap_servers=bare.kafka_bootstrap_servers, kafka_fetch_max_wait_ms=500)
    assert (await tuned_for_broker(chosen)).kafka_fetch_max_wait_ms == 500  # the user's choice stays


def test_a_taken_port_is_refused_clearly(env: dict[str, str]) -> None:
    kafka = int(env["NEWSMON_STACK_KAFKA_PORT"])
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", kafka))
        squatter.listen()
        up = newsmon(env, "stack", "up", "--detach")
    assert up.returncode == 2
    assert up.stderr == (
        f"newsmon stack: port {kafka} for Kafka is taken by pid {os.getpid()} "
        f"({Path('/proc/self/comm').read_text().strip()}): stop it or choose another with "
        "--kafka-port (NEWSMON_STACK_KAFKA_PORT)\n"
    )
    assert up.stdout == ""
    assert port_free(int(env["NEWSMON_STACK_REDIS_PORT"]))  # nothing was started
    assert read_state(settings_of(env)) is None


def test_a_server_that_dies_stops_the_stack_with_exit_3(env: dict[str, str]) -> None:
    """In the foreground, the stack watches its servers: a dead broker is not "up"."""
    stack = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "stack", "up"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while read_state(settings_of(env)) is None:
        assert stack.poll() is None and time.monotonic() < deadline, stack.communicate()
        time.sleep(0.05)
    tansu = port_holder(int(env["NEWSMON_STACK_KAFKA_PORT"]))
    assert tansu is not None and "tansu" in tansu
    os.kill(int(tansu.split()[1]), signal.SIGKILL)
    out, err = stack.communicate(timeout=30)
    assert stack.returncode == 3, err
    assert "tansu exited on its own; stopped the rest" in err
    assert out.startswith("export NEWSMON_KAFKA_BOOTSTRAP_SERVERS=")
    assert port_free(int(env["NEWSMON_STACK_REDIS_PORT"]))


def test_ctrl_c_is_how_a_foreground_stack_ends_with_exit_0(env: dict[str, str]) -> None:
    """`newsmon stack up` stays up until Ctrl-C, which stops both servers: exit 0, not 130
    (README, "Exit codes": commands that run until stopped)."""
    stack = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "stack", "up"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while read_state(settings_of(env)) is None:
        assert stack.poll() is None and time.monotonic() < deadline, stack.communicate()
        time.sleep(0.05)
    time.sleep(1.5)  # still up after a moment: it stays
    assert stack.poll() is None
    stack.send_signal(signal.SIGINT)
    out, err = stack.communicate(timeout=30)
    assert stack.returncode == 0, err
    assert err.splitlines()[-1] == "newsmon stack: stopped: the broker's data and the stack's Redis are gone"
    assert out.startswith("export NEWSMON_KAFKA_BOOTSTRAP_SERVERS=")
    assert port_free(int(env["NEWSMON_STACK_KAFKA_PORT"])) and port_free(int(env["NEWSMON_STACK_REDIS_PORT"]))
    assert read_state(settings_of(env)) is None


def test_the_port_flags_win_over_the_settings(env: dict[str, str]) -> None:
    kafka, redis = free_port(), free_port()
    up = newsmon(env, "stack", "up", "--detach", "--kafka-port", str(kafka), "--redis-port", str(redis))
    assert up.returncode == 0, up.stderr
    assert up.stdout.splitlines() == [
        f"export NEWSMON_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:{kafka}",
        f"export NEWSMON_REDIS_URL=redis://127.0.0.1:{redis}/0",
    ]
    assert port_free(int(env["NEWSMON_STACK_KAFKA_PORT"])) and port_free(int(env["NEWSMON_STACK_REDIS_PORT"]))
    assert newsmon(env, "stack", "down").returncode == 0
    assert port_free(kafka) and port_free(redis)
