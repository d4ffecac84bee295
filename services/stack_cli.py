"""`newsmon stack up | down | status | env`: a broker and a Redis to run the other commands
against by hand, without Docker.

`up` starts them on fixed ports (NEWSMON_STACK_KAFKA_PORT, NEWSMON_STACK_REDIS_PORT) through
the demo's start-up code (`services.embedded.local`), prints the lines to export on stdout
(everything else goes to stderr, so `eval "$(newsmon stack up --detach)"` works) and stays
up until Ctrl-C or `newsmon stack down`.  `--detach` runs the same command in the
background and returns once it is ready.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

from services import exits
from services.config import Settings
from services.embedded import Stack, StackStartError
from services.embedded.kafka_admin import answers
from services.embedded.local import (
    PortsTaken,
    StackState,
    local_stack,
    ports_problem,
    process_alive,
    read_state,
    stack_dir,
    state_path,
)
from services.embedded.redis_server import redis_answers

STOP_WAIT_SECONDS = 15.0
DETACH_WAIT_SECONDS = 60.0
WATCH_SECONDS = 1.0


def say(message: str) -> None:
    """One line on stderr: stdout carries only the export lines."""
    print(f"newsmon stack: {message}", file=sys.stderr, flush=True)


def stack_settings(settings: Settings, kafka_port: int | None, redis_port: int | None) -> Settings:
    """The stack starts its own broker and Redis: addresses exported from an earlier stack
    (or meant for another Kafka) must not make it look for them."""
    update: dict[str, object] = {"kafka_bootstrap_servers": None, "redis_url": None}
    if kafka_port:
        update["stack_kafka_port"] = kafka_port
    if redis_port:
        update["stack_redis_port"] = redis_port
    return settings.model_copy(update=update)


# up ------------------------------------------------------------------------------------


def run_stack_up(settings: Settings, *, detach: bool) -> int:
    if detach:
        return _detach(settings)
    try:
        return asyncio.run(_serve(settings))
    except PortsTaken as error:
        say(str(error))
        return exits.USAGE
    except StackStartError as error:
        say(str(error))
        return exits.UNAVAILABLE
    except KeyboardInterrupt:  # during start-up, before the signal handlers are in place
        say("interrupted: whatever had started is stopped")
        return exits.INTERRUPTED


async def _serve(settings: Settings) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with local_stack(settings, "stack", say) as (stack, state):
        announce(state, "stop it with Ctrl-C or `newsmon stack down`")
        died = await _until_stopped(stack, stop)
    if died:
        say(f"{died} exited on its own; stopped the rest (logs: {state.logs})")
        return exits.UNAVAILABLE
    say("stopped: the broker's data and the stack's Redis are gone")
    return exits.OK


async def _until_stopped(stack: Stack, stop: asyncio.Event) -> str | None:
    """Wait for a stop signal; the name of a server that died first, if one did."""
    started = [s.process for s in (stack.broker, stack.redis_server) if s is not None]
    while not stop.is_set():
        for process in started:
            if not process.alive():
                return process.name
        try:
            await asyncio.wait_for(stop.wait(), WATCH_SECONDS)
        except TimeoutError:
            continue
    return None


def announce(state: StackState, how_to_stop: str) -> None:
    """Where things run (stderr), then the export lines (stdout)."""
    say(f"up: {state.describe()}; stream {state.stream}; logs in {state.logs}")
    say(f'{how_to_stop}; in each terminal that uses it, run the lines below (or eval "$(newsmon stack env)")')
    print("\n".join(state.exports()), flush=True)


def _detach(settings: Settings) -> int:
    """Run `newsmon stack up` in its own session, logging to <dir>/stack.log; return once
    its state file is written (ready), or with its error."""
    problem = ports_problem(settings)
    if problem:
        say(problem)
        return exits.USAGE
    directory = stack_dir(settings)
    directory.mkdir(parents=True, exist_ok=True)
    log = directory / "stack.log"
    env = os.environ | {
        "NEWSMON_STACK_DIR": str(directory),
        "NEWSMON_STACK_KAFKA_PORT": str(settings.stack_kafka_port),
        "NEWSMON_STACK_REDIS_PORT": str(settings.stack_redis_port),
    }
    argv = [sys.executable, "-m", "services.cli", "stack", "up"]
    with log.open("wb") as out:
        child = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    state = _wait_ready(settings, child, log)
    if isinstance(state, int):
        return state
    announce(state, "running in the background; stop it with `newsmon stack down`")
    return exits.OK


def _wait_ready(settings: Settings, child: subprocess.Popen[bytes], log: Path) -> StackState | int:
    deadline = time.monotonic() + DETACH_WAIT_SECONDS
    while True:
        state = read_state(settings)
        if state is not None and state.pid == child.pid:
            return state
        code = child.poll()
        if code is not None:
            say(f"did not start: {_last_line(log)}")
            return code or exits.UNAVAILABLE
        if time.monotonic() > deadline:
            child.terminate()
            say(f"not ready after {DETACH_WAIT_SECONDS:.0f} s; see {log}")
            return exits.UNAVAILABLE
        time.sleep(0.05)


def _last_line(log: Path) -> str:
    try:
        with log.open(encoding="utf-8", errors="replace") as lines:
            tail = deque((line.strip() for line in lines if line.strip()), maxlen=1)
    except OSError:
        return "no output"
    return tail[0].removeprefix("newsmon stack: ") if tail else "no output"


# down, status, env ---------------------------------------------------------------------


def run_stack_down(settings: Settings) -> int:
    """Stop the running stack (or demo) and wait until it has stopped its servers."""
    state = read_state(settings)
    if state is None:
        say(f"no local stack is running (no live {state_path(settings)})")
        return exits.OK
    # The demo ends cleanly on Ctrl-C (SIGINT); the stack on either.
    os.kill(state.pid, signal.SIGINT if state.kind == "demo" else signal.SIGTERM)
    deadline = time.monotonic() + STOP_WAIT_SECONDS
    while process_alive(state.pid):
        if time.monotonic() > deadline:
            os.kill(state.pid, signal.SIGKILL)  # its servers die with it (PR_SET_PDEATHSIG)
            say(f"{state.describe()} did not stop in {STOP_WAIT_SECONDS:.0f} s: killed")
            return exits.UNAVAILABLE
        time.sleep(0.05)
    say(f"stopped {state.describe()}")
    return exits.OK


def run_stack_status(settings: Settings) -> int:
    """Say whether a stack runs and whether its servers answer; 3 when not running."""
    state = read_state(settings)
    if state is None:
        say("no local stack is running; start one with `newsmon stack up`")
        return exits.UNAVAILABLE
    kafka, redis = asyncio.run(_answering(state, settings))
    say(f"running since {state.started_at}: {state.describe()}; stream {state.stream}; logs in {state.logs}")
    say(f"Kafka {_answer(kafka)}, Redis {_answer(redis)}")
    print("\n".join(state.exports()), flush=True)
    return exits.OK if kafka and redis else exits.UNAVAILABLE


def _answer(yes: bool) -> str:
    return "answers" if yes else "does NOT answer"


async def _answering(state: StackState, settings: Settings) -> tuple[bool, bool]:
    plain = settings.model_copy(update={"kafka_security_protocol": "PLAINTEXT", "kafka_sasl_mechanism": None})
    kafka = await answers(state.kafka, plain)
    redis = await redis_answers(state.redis_url) if state.redis_url else True
    return kafka, redis


def run_stack_env(settings: Settings) -> int:
    """The export lines of the running stack, for `eval "$(newsmon stack env)"`."""
    state = read_state(settings)
    if state is None:
        say("no local stack is running; start one with `newsmon stack up`")
        return exits.UNAVAILABLE
    print("\n".join(state.exports()), flush=True)
    return exits.OK
