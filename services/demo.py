"""`newsmon demo`: the one command that shows newsmon working on a bare machine.

It starts what is missing (broker, Redis), a worker process, replays seeds/ and prints
alerts as they arrive, saying what it does step by step; it stops everything it
started on success, on errors and on Ctrl-C.  With `--json` stdout carries only alert
records (one JSON object per line) and the narration goes to stderr.

`--once` exits when the replay has drained and every alert is delivered: the worker
writes an article's alerts to Redis before its decision to news.alerts, so once every
replayed article has a decision in the log, all of its alerts are in the stream.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from schemas import Alert
from services import exits, terminal
from services.alerts.subscriber import follow, format_alert
from services.article_files import load_articles
from services.config import Settings, redact_url
from services.embedded import Stack, StackStartError, StepReporter, embedded_stack
from services.embedded.local import DEFAULT_STREAM, StackState, local_stack, state_of
from services.embedded.process import ManagedProcess
from services.observe import metrics_port, serve_metrics
from services.processor.launch import AlertLog, spawn_worker
from services.replayer.publisher import Replayer, ReplayPlan

HUMAN_RATE = 1.0  # articles per second when a person is watching: one alert burst at a time
DRAIN_TIMEOUT = 180.0


class DemoFailed(Exception):
    """The pipeline did not finish; the message says what to look at."""


def seeds_dir() -> Path:
    """seeds/ of the checkout (the demo runs from the repository), else of the cwd."""
    here = Path(__file__).resolve().parents[1] / "seeds"
    return here if here.is_dir() else Path.cwd() / "seeds"


def run_demo(settings: Settings, *, once: bool, json_output: bool) -> int:
    """Run the demo; return the process exit code (the CLI exits with it)."""
    narration = terminal.console(stderr=json_output)
    errors = terminal.console(stderr=True)
    try:
        return asyncio.run(_demo(settings, once=once, json_output=json_output, console=narration))
    except (StackStartError, DemoFailed) as error:
        errors.print(f"[bold red]newsmon demo:[/] {escape(str(error))}")
        return exits.UNAVAILABLE
    except KeyboardInterrupt:
        narration.print("[yellow]interrupted[/]: everything the demo started has been stopped")
        return exits.INTERRUPTED


def _step(console: Console, text: str) -> None:
    console.print(f"[dim]•[/] {escape(text)}")


def _own_stream(stack: Stack) -> Stack:
    """A stream of its own per run on a Redis the demo did not start: alert ids are
    deterministic and delivered at most once per stream, so a second demo on the same
    Redis would otherwise show nothing.  A Redis it started is empty anyway."""
    settings = stack.settings
    if stack.embedded_redis or settings.redis_stream != DEFAULT_STREAM:
        return stack
    run = f"newsmon:demo-{secrets.token_hex(3)}"
    update = {"redis_stream": f"{run}:alerts", "redis_channel": f"{run}:alerts"}
    return dataclasses.replace(stack, settings=settings.model_copy(update=update))


@asynccontextmanager
async def _demo_stack(settings: Settings, step: StepReporter) -> AsyncIterator[tuple[Stack, StackState]]:
    """The local stack of `newsmon stack up` (fixed ports and a state file, so `replay` and
    `subscribe` can reach a running demo; free ports when those are taken), or the
    configured Kafka."""
    if settings.kafka_bootstrap_servers:
        async with embedded_stack(settings, on_step=step) as started:
            stack = _own_stream(started)
            yield stack, state_of(stack, "demo", None)
        return
    async with local_stack(settings, "demo", step, fall_back=True, adjust=_own_stream) as running:
        yield running


async def _demo(settings: Settings, *, once: bool, json_output: bool, console: Console) -> int:
    console.rule("[bold]newsmon demo")
    _step(console, "mode: " + ("exit when every alert is delivered (--once)" if once else "run until Ctrl-C"))
    async with _demo_stack(settings, lambda text: _step(console, text)) as (stack, state):
        _summary(console, stack)
        server = serve_metrics(stack.settings, "demo")
        if server is not None:
            _step(
                console,
                f"metrics: demo on :{metrics_port(stack.settings, 'demo')}/metrics, "
                f"worker on :{metrics_port(stack.settings, 'worker')}/metrics",
            )
        worker = spawn_worker(stack.settings, stack.workdir / "worker.log")
        _step(console, f"worker: started (pid {worker.pid}); it loads the model and joins the consumer group")
        try:
            await _run_pipeline(stack, state, worker, once=once, json_output=json_output, console=console)
        finally:
            worker.stop()
            _step(console, "worker: stopped")
            if server is not None:
                server.close()
    console.print("[green]stopped[/]: nothing the demo started is left running")
    return exits.OK


async def _run_pipeline(
    stack: Stack,
    state: StackState,
    worker: ManagedProcess,
    *,
    once: bool,
    json_output: bool,
    console: Console,
) -> None:
    settings = stack.settings
    articles, problems = load_articles([seeds_dir()])
    for problem in problems:
        _step(console, f"skipped {problem.location}: {problem.reason}")
    printed: set[str] = set()
    printer = asyncio.create_task(_print_alerts(settings, printed, json_output, console))
    try:
        pace = None if json_output else HUMAN_RATE
        _step(console, f"replay: {len(articles)} seed articles → {settings.articles_topic}")
        result = await Replayer(articles, settings, ReplayPlan(rate=pace)).run()
        _step(console, "replay: " + result.summary(settings.articles_topic))
        if (note := result.note(settings.articles_topic)) is not None:
            _step(console, "replay: " + note)
        if result.error:
            raise DemoFailed(f"replay failed: {result.error}")
        async with AlertLog(settings) as log:
            await _wait_for_worker(log, [a.article_id for a in articles], worker)
            await _wait_printed(printed, set(log.alerts), worker)
            _step(
                console, f"done: {len(log.decisions)} articles analysed, {len(log.alerts)} alerts delivered"
            )
        if not once:
            _reach_me(state, console)
            await printer  # prints what later replays bring, until Ctrl-C
    finally:
        printer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await printer


def _reach_me(state: StackState, console: Console) -> None:
    """How to use the running demo from another terminal: the same lines `newsmon stack up`
    prints, then the commands of README's "Run it by hand"."""
    _step(console, "while the demo runs, from another terminal (Ctrl-C here stops everything):")
    for line in state.exports():
        console.print(f"    {escape(line)}", soft_wrap=True)
    console.print("    newsmon subscribe --from-start  ·  newsmon stories  ·  newsmon replay seeds --as-new")


async def _print_alerts(settings: Settings, printed: set[str], json_output: bool, console: Console) -> None:
    out = Console(highlight=False, soft_wrap=True)
    alert: Alert
    async for alert in follow(settings, from_start=True):
        if alert.alert_id in printed:
            continue
        printed.add(alert.alert_id)
        if json_output:
            print(alert.model_dump_json(), flush=True)
        else:
            out.print(format_alert(alert))


async def _wait_for_worker(log: AlertLog, article_ids: list[str], worker: ManagedProcess) -> None:
    waited = 0.0
    while not await log.wait_for(article_ids, timeout=5.0):
        waited += 5.0
        if not worker.alive():
            raise DemoFailed(f"the worker exited; its log ends with:\n{worker.log_tail(20)}")
        if waited >= DRAIN_TIMEOUT:
            raise DemoFailed(f"no result after {DRAIN_TIMEOUT:.0f} s; worker log:\n{worker.log_tail(20)}")


async def _wait_printed(printed: set[str], expected: set[str], worker: ManagedProcess) -> None:
    for _ in range(100):
        if expected <= printed:
            return
        await asyncio.sleep(0.1)
    raise DemoFailed(f"{len(expected - printed)} alerts in the log never reached the Redis stream")


def _summary(console: Console, stack: Stack) -> None:
    """Where things run and how long they took: the first thing to check when it is slow."""
    took = ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in stack.startup_seconds.items())
    broker = "embedded" if stack.embedded_broker else "configured"
    redis = "started" if stack.embedded_redis else "existing"
    console.print(
        f"[bold green]ready[/] in {escape(took)}: Kafka {escape(stack.bootstrap_servers)} ({broker}), "
        f"Redis {escape(redact_url(stack.redis_url))} ({redis})"
    )
