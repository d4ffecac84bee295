"""The local stack: the embedded broker and a Redis on fixed ports, and a state file that
says what runs where, so other commands (and `newsmon stack down`) can find it.

`newsmon stack up` holds one open until it is stopped; `newsmon demo` opens one for its
run.  Both come through `local_stack`, which is `embedded_stack` (the start-up code the
tests use) with fixed ports, a log directory and the state file:

    <dir>/stack.json   {"pid", "kind", "kafka", "redis_url", "stream", "started_at", "logs"}
    <dir>/logs/        the broker's and redis-server's output

`<dir>` is NEWSMON_STACK_DIR, else $XDG_RUNTIME_DIR/newsmon, else ~/.cache/newsmon.  A
state file whose process is gone is stale and removed by the next reader.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from services.config import Settings, redact_url
from services.embedded.errors import PortInUse, StackStartError
from services.embedded.process import port_free, port_holder
from services.embedded.stack import FixedPorts, Stack, StepReporter, embedded_stack

STATE_FILE = "stack.json"
DEFAULT_STREAM: str = Settings.model_fields["redis_stream"].default


class PortsTaken(StackStartError):
    """The fixed ports are in use: by a running stack or demo, or by something else."""


@dataclass(frozen=True)
class StackState:
    """What the state file holds: enough to reach, describe and stop a running stack."""

    pid: int
    kind: str  # "stack" (newsmon stack up) or "demo"
    kafka: str
    redis_url: str | None  # None when Redis was configured (its URL may hold a password)
    stream: str
    started_at: str
    logs: str

    def exports(self) -> list[str]:
        """The shell lines that point `worker`, `replay`, `subscribe` and `story` here."""
        lines = [f"export NEWSMON_KAFKA_BOOTSTRAP_SERVERS={self.kafka}"]
        if self.redis_url:
            lines.append(f"export NEWSMON_REDIS_URL={self.redis_url}")
        if self.stream != DEFAULT_STREAM:
            lines.append(f"export NEWSMON_REDIS_STREAM={self.stream}")
        return lines

    def describe(self) -> str:
        redis = self.redis_url or "the configured Redis"
        return f"newsmon {self.kind} (pid {self.pid}): Kafka {self.kafka}, Redis {redis}"


def stack_dir(settings: Settings) -> Path:
    """Where the state file and logs live (module doc)."""
    if settings.stack_dir:
        return Path(settings.stack_dir).expanduser()
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        return Path(runtime) / "newsmon"
    return Path.home() / ".cache" / "newsmon"


def state_path(settings: Settings) -> Path:
    return stack_dir(settings) / STATE_FILE


def read_state(settings: Settings) -> StackState | None:
    """The running stack, or None (no file, unreadable, or its process is gone: removed)."""
    path = state_path(settings)
    try:
        state = StackState(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    if process_alive(state.pid):
        return state
    with contextlib.suppress(OSError):
        path.unlink()
    return None


def process_alive(pid: int) -> bool:
    """A live newsmon process (a recycled pid running something else does not count)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    zombie = stat.rpartition(")")[2].split()[:1] == ["Z"]
    return not zombie and (b"newsmon" in cmdline or b"services.cli" in cmdline)


def _write_state(settings: Settings, state: StackState) -> None:
    path = state_path(settings)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(state), indent=2) + "\n", encoding="utf-8")
    temporary.chmod(0o600)
    temporary.replace(path)  # atomic: a reader never sees half a file


def _remove_state(settings: Settings, pid: int) -> None:
    """Remove the state file if it is still ours."""
    path = state_path(settings)
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == pid:
            path.unlink()
    except (OSError, ValueError):
        return


def ports_problem(settings: Settings) -> str | None:
    """Why the fixed ports cannot be used now (one line), or None."""
    running = read_state(settings)
    if running is not None:
        return f"a {running.describe()} holds the ports; `newsmon stack down` stops it"
    checks = (
        ("Kafka", settings.stack_kafka_port, "--kafka-port (NEWSMON_STACK_KAFKA_PORT)"),
        ("Redis", settings.stack_redis_port, "--redis-port (NEWSMON_STACK_REDIS_PORT)"),
    )
    problems = [_taken(name, port, option) for name, port, option in checks if not port_free(port)]
    return "; ".join(problems) or None


def _taken(name: str, port: int, option: str) -> str:
    holder = port_holder(port) or "another process"
    return f"port {port} for {name} is taken by {holder}: stop it or choose another with {option}"


#: Adjusts a started stack before its state is written (the demo picks its stream).
StackAdjust = Callable[[Stack], Stack]


@asynccontextmanager
async def local_stack(
    settings: Settings,
    kind: str,
    on_step: StepReporter,
    *,
    fall_back: bool = False,
    adjust: StackAdjust | None = None,
) -> AsyncIterator[tuple[Stack, StackState]]:
    """Start the broker and Redis on the fixed ports, write the state file, and yield the
    stack (after `adjust`) and its state.  Ports in use raise PortsTaken, unless
    `fall_back` (the demo): then free ports are used and no state file is written."""
    problem = ports_problem(settings)
    if problem and not fall_back:
        raise PortsTaken(problem)
    async with AsyncExitStack() as exits:
        logs = _fresh_logs(settings) if not problem else None
        try:
            started = await exits.enter_async_context(_fixed(settings, on_step, logs)) if logs else None
        except PortInUse as error:  # taken between the check and the start
            if not fall_back:
                raise PortsTaken(str(error)) from None
            problem, logs, started = str(error), None, None
        if started is None:
            on_step(f"{problem}; using free ports instead")
            started = await exits.enter_async_context(embedded_stack(settings, on_step))
        stack = adjust(started) if adjust else started
        state = state_of(stack, kind, logs)
        if logs is not None:
            _write_state(settings, state)
            exits.callback(_remove_state, settings, state.pid)
        yield stack, state


def _fixed(settings: Settings, on_step: StepReporter, logs: Path) -> AbstractAsyncContextManager[Stack]:
    ports = FixedPorts(settings.stack_kafka_port, settings.stack_redis_port)
    return embedded_stack(settings, on_step, ports=ports, workdir=logs)


def _fresh_logs(settings: Settings) -> Path:
    """<dir>/logs, emptied: the logs of this stack only."""
    logs = stack_dir(settings) / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    for old in logs.glob("*.log"):
        old.unlink()
    return logs


def state_of(stack: Stack, kind: str, logs: Path | None) -> StackState:
    """What a state file would say about `stack` (also for a stack that writes none)."""
    secret = redact_url(stack.redis_url) != stack.redis_url  # a configured URL with a password
    return StackState(
        pid=os.getpid(),
        kind=kind,
        kafka=stack.bootstrap_servers,
        redis_url=None if secret else stack.redis_url,
        stream=stack.settings.redis_stream,
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        logs=str(logs) if logs else "",
    )
