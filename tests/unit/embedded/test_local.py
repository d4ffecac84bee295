"""The local stack's state file and port checks, without starting servers (the stack
itself runs in tests/integration/test_stack_cli.py and the README journey in e2e)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.config import Settings
from services.embedded.local import (
    StackState,
    ports_problem,
    process_alive,
    read_state,
    stack_dir,
    state_path,
)
from services.embedded.process import free_port, port_free, port_holder

README = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")


def state(pid: int, **fields: str) -> StackState:
    values = {
        "kind": "stack",
        "kafka": "127.0.0.1:19092",
        "redis_url": "redis://127.0.0.1:16379/0",
        "stream": "newsmon:alerts",
        "started_at": "2024-11-30T06:00:00+00:00",
        "logs": "/tmp/logs",
    }
    return StackState(pid=pid, **(values | fields))  # type: ignore[arg-type]


@pytest.fixture
def listener() -> Iterator[int]:
    """A port this process listens on, as a foreign server would."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def test_the_default_exports_are_the_ones_the_readme_shows() -> None:
    lines = state(os.getpid()).exports()
    assert lines == [
        "export NEWSMON_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092",
        "export NEWSMON_REDIS_URL=redis://127.0.0.1:16379/0",
    ]
    settings = Settings()
    assert (settings.stack_kafka_port, settings.stack_redis_port) == (19092, 16379)
    for line in lines:
        assert line in README


def test_a_stream_of_its_own_is_exported_and_a_configured_redis_is_not() -> None:
    lines = state(1, stream="newsmon:demo-ab12cd:alerts", redis_url=None).exports()  # type: ignore[arg-type]
    assert lines == [
        "export NEWSMON_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092",
        "export NEWSMON_REDIS_STREAM=newsmon:demo-ab12cd:alerts",
    ]


def test_state_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert stack_dir(Settings(stack_dir=str(tmp_path))) == tmp_path
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    assert stack_dir(Settings(stack_dir=None)) == tmp_path / "run" / "newsmon"
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert stack_dir(Settings(stack_dir=None)) == tmp_path / "home" / ".cache" / "newsmon"


def test_a_state_whose_process_is_gone_is_removed(tmp_path: Path) -> None:
    settings = Settings(stack_dir=str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-m", "services.cli", "--version"], stdout=subprocess.DEVNULL)
    gone.wait()
    state_path(settings).write_text(json.dumps(state(gone.pid).__dict__), encoding="utf-8")
    assert read_state(settings) is None
    assert not state_path(settings).exists()


def test_a_live_state_is_read_and_blocks_the_ports(tmp_path: Path) -> None:
    settings = Settings(stack_dir=str(tmp_path), stack_kafka_port=free_port(), stack_redis_port=free_port())
    # A live process whose command line says newsmon, as `newsmon stack up` does.
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "newsmon"])
    deadline = time.monotonic() + 5
    while not Path(f"/proc/{holder.pid}/cmdline").read_bytes() and time.monotonic() < deadline:
        time.sleep(0.01)  # Popen may return before the child has exec'd
    try:
        running = state(holder.pid)
        state_path(settings).write_text(json.dumps(running.__dict__), encoding="utf-8")
        assert read_state(settings) == running
        problem = ports_problem(settings)
        assert problem == f"a {running.describe()} holds the ports; `newsmon stack down` stops it"
    finally:
        holder.kill()
        holder.wait()
    assert read_state(settings) is None  # gone: the state is stale now


def test_a_recycled_pid_running_something_else_is_not_a_stack() -> None:
    assert not process_alive(os.getpid())  # pytest's command line names no newsmon


def test_a_taken_port_names_its_holder(tmp_path: Path, listener: int) -> None:
    assert not port_free(listener)
    assert port_holder(listener) == f"pid {os.getpid()} ({Path('/proc/self/comm').read_text().strip()})"
    settings = Settings(stack_dir=str(tmp_path), stack_kafka_port=listener, stack_redis_port=free_port())
    problem = ports_problem(settings)
    assert problem == (
        f"port {listener} for Kafka is taken by pid {os.getpid()} ("
        f"{Path('/proc/self/comm').read_text().strip()}): stop it or choose another with --kafka-port "
        "(NEWSMON_STACK_KAFKA_PORT)"
    )


def test_free_ports_are_free(tmp_path: Path) -> None:
    port = free_port()
    assert port_free(port) and port_holder(port) is None
    assert (
        ports_problem(Settings(stack_dir=str(tmp_path), stack_kafka_port=port, stack_redis_port=free_port()))
        is None
    )
