"""The `newsmon` command line: thin wrappers that read settings, then call a service.

Every command's `--help` names the settings it reads (SETTINGS_READ) and the exit codes
follow one rule (services/exits.py).  Usage errors are rich boxes on a terminal and one
plain line elsewhere: a box is 80 columns wide in a pipe and cuts the message.
"""

from __future__ import annotations

import inspect
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from services import exits
from services.config import Settings
from services.kafka_options import NO_KAFKA

EXIT_CODES_HELP = "Exit codes: " + "; ".join(
    f"{code} {text.split(':')[0]}" for code, text in exits.MEANINGS.items()
)

app = typer.Typer(
    name="newsmon",
    help="Streaming news monitoring: tells you only what is new — a new story, a new claim, "
    "a changed figure — and stays quiet on copies, also across languages.\n\n"
    "Settings come from NEWSMON_* environment variables (README, Configuration); each "
    f"command's --help names the ones it reads.  {EXIT_CODES_HELP}.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stack_app = typer.Typer(
    help="A local Kafka-compatible broker and Redis on fixed ports, to run `worker`, `replay`, "
    "`subscribe` and `story` against by hand (no Docker).",
    no_args_is_help=True,
)
app.add_typer(stack_app, name="stack")

_KAFKA = "NEWSMON_KAFKA_*"
_LIMITS = ("NEWSMON_MAX_BODY_BYTES", "NEWSMON_MAX_SENTENCES", "NEWSMON_MAX_STORIES", "NEWSMON_WINDOW_HOURS")
_CLOCK = "NEWSMON_CLOCK_TOLERANCE_HOURS"
_WORKER = (
    _KAFKA,
    "NEWSMON_*_TOPIC",
    "NEWSMON_TOPIC_PARTITIONS",
    "NEWSMON_TOPIC_REPLICATION",
    "NEWSMON_APP_ID",
    "NEWSMON_REDIS_*",
    *_LIMITS,
    _CLOCK,
    "NEWSMON_SNAPSHOT_EVERY",
    "NEWSMON_INTAKE_PROCESSES",
    "NEWSMON_METRICS_*",
    "NEWSMON_LOG_LEVEL",
)
_STACK = ("NEWSMON_STACK_KAFKA_PORT", "NEWSMON_STACK_REDIS_PORT", "NEWSMON_STACK_DIR")
_READER = ("NEWSMON_REDIS_URL", "NEWSMON_REDIS_STREAM")

#: The settings each command reads (patterns allowed); shown in its --help, checked by tests.
SETTINGS_READ: dict[str, tuple[str, ...]] = {
    "analyze": (*_LIMITS, _CLOCK),
    "compare": _LIMITS[1:],
    "replay": (
        _KAFKA,
        "NEWSMON_ARTICLES_TOPIC",
        "NEWSMON_TOPIC_PARTITIONS",
        "NEWSMON_TOPIC_REPLICATION",
        "NEWSMON_MAX_BODY_BYTES",
        "NEWSMON_METRICS_*",
    ),
    "worker": _WORKER,
    "subscribe": (*_READER, "NEWSMON_REDIS_CHANNEL", "NEWSMON_METRICS_*"),
    "story": _READER,
    "stories": (*_READER, "NEWSMON_WINDOW_HOURS"),
    "demo": (*_WORKER, *_STACK),
    "stack up": (*_STACK, "NEWSMON_*_TOPIC", "NEWSMON_TOPIC_PARTITIONS", "NEWSMON_TOPIC_REPLICATION"),
    "stack down": ("NEWSMON_STACK_DIR",),
    "stack status": ("NEWSMON_STACK_DIR",),
    "stack env": ("NEWSMON_STACK_DIR",),
}


def reads(command: str) -> str:
    """The --help epilog: the settings `command` reads."""
    return f"Settings it reads: {', '.join(SETTINGS_READ[command])} (README, Configuration)."


Paths = Annotated[
    list[Path],
    typer.Argument(help="Files (.txt, .json, .jsonl) or directories of them.", exists=True),
]
JsonOutput = Annotated[bool, typer.Option("--json", help="JSON instead of text.")]


def settings() -> Settings:
    """Settings from the environment; a bad value is one clear line, not a traceback
    (and never echoes the value: it may be a secret)."""
    try:
        return Settings()
    except ValidationError as exc:
        for error in exc.errors(include_input=False, include_url=False):
            field = ".".join(str(p) for p in error["loc"])
            typer.echo(f"newsmon: NEWSMON_{field.upper()}: {error['msg']}", err=True)
        raise typer.Exit(code=exits.USAGE) from None


def newsmon_version() -> str:
    try:
        return version("newsmon")
    except PackageNotFoundError:  # a source tree that was never installed
        return "unknown"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"newsmon {newsmon_version()}")
        raise typer.Exit()


@app.callback()
def root(
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Streaming news monitoring (see the commands below)."""


@app.command(epilog=reads("analyze"))
def analyze(paths: Paths) -> None:
    """Run the analysis over articles in published order; print JSON records (decisions and
    alerts), one per line, on stdout."""
    from services.batch import run_analyze

    raise typer.Exit(code=run_analyze(paths, settings(), sys.stdout))


@app.command(epilog=reads("compare"))
def compare(
    pairs: Annotated[Path, typer.Argument(help='JSONL of {"pair_id", "a": Article, "b": Article}.')],
) -> None:
    """Score article pairs: similarity 0..1, same story, duplicate — one JSON line per pair."""
    from services.batch import run_compare
    from services.core import analysis_config

    raise typer.Exit(code=run_compare(pairs, sys.stdout, analysis_config(settings())))


@app.command(epilog=reads("replay"))
def replay(
    paths: Paths,
    rate: Annotated[
        float | None, typer.Option(help="Articles per second (default: as fast as possible).")
    ] = None,
    speedup: Annotated[float | None, typer.Option(help="Pace by published_at gaps, X times faster.")] = None,
    loop: Annotated[
        bool,
        typer.Option(
            help="Start over when the input is exhausted; repeats get new ids (<id>#loop1, <id>#loop2, …) "
            "so the processor sees them as new articles."
        ),
    ] = False,
    count: Annotated[int | None, typer.Option(help="Stop after this many articles.", min=1)] = None,
    run: Annotated[
        str | None,
        typer.Option(
            help="Publish as run NAME: every id becomes <id>#NAME, so the worker sees new articles "
            "(the same ids again raise no new alerts: they are the idempotency key)."
        ),
    ] = None,
    as_new: Annotated[bool, typer.Option(help="--run with a fresh name (run-<6 hex>).")] = False,
) -> None:
    """Publish articles to Kafka (topic news.articles, key = article_id) in published order."""
    from services.replayer.publisher import ReplayPlan, new_run_name, run_replay

    if run and as_new:
        typer.echo("newsmon replay: use --run NAME or --as-new, not both", err=True)
        raise typer.Exit(code=exits.USAGE)
    plan = ReplayPlan(
        rate=rate, speedup=speedup, loop=loop, count=count, run=new_run_name() if as_new else run
    )
    raise typer.Exit(code=run_replay(paths, settings(), plan))


@app.command(epilog=reads("worker"))
def worker() -> None:
    """Run the Faust stream processor: articles in, decisions and alerts out (Kafka + Redis)."""
    from services.embedded.errors import BrokerStartError
    from services.processor.worker import run_worker

    config = settings()
    if not config.kafka_bootstrap_servers:
        typer.echo(f"newsmon worker: {NO_KAFKA}", err=True)
        raise typer.Exit(code=exits.USAGE)
    try:
        run_worker(config)
    except ValueError as exc:  # configuration the app refuses (SASL without credentials, a refused login)
        typer.echo(f"newsmon worker: {exc}", err=True)
        raise typer.Exit(code=exits.USAGE) from None
    except BrokerStartError as exc:  # nothing answered: one line, not Faust's traceback
        typer.echo(f"newsmon worker: {exc}", err=True)
        raise typer.Exit(code=exits.UNAVAILABLE) from None


@app.command(epilog=reads("subscribe"))
def subscribe(
    kind: Annotated[
        list[str] | None,
        typer.Option(
            help="Only alerts of this kind (repeatable): new_story, duplicate, new_claim, figure_changed."
        ),
    ] = None,
    story: Annotated[str | None, typer.Option(help="Only alerts of this story id.")] = None,
    from_start: Annotated[bool, typer.Option(help="Read the stream history first, then follow.")] = False,
    json_output: Annotated[bool, typer.Option("--json", help="One JSON alert per line.")] = False,
) -> None:
    """Follow alerts live from Redis (the stream, so --from-start has no gap between history
    and live); one readable line per alert, or JSON lines with --json.  Where it listens and
    when the history ends go to stderr.  Ctrl-C to stop."""
    from services.alerts.subscriber import run_subscribe

    raise typer.Exit(code=run_subscribe(settings(), kind, story, from_start, json_output))


@app.command(epilog=reads("story"))
def story(
    story_id: Annotated[str, typer.Argument(help="The story's id (or a unique prefix): `newsmon stories`.")],
    json_output: JsonOutput = False,
) -> None:
    """A story so far, from the alert stream: its articles with sources and times, each
    figure's history, and its claims in the order they were made."""
    from services.alerts.history import run_story

    raise typer.Exit(code=run_story(settings(), story_id, json_output))


@app.command(epilog=reads("stories"))
def stories(
    every: Annotated[
        bool, typer.Option("--all", help="Every story in the stream, not only active ones.")
    ] = False,
    json_output: JsonOutput = False,
) -> None:
    """The active stories in the alert stream, most recent first: id, last article, title."""
    from services.alerts.history import run_stories

    raise typer.Exit(code=run_stories(settings(), every, json_output))


@app.command(epilog=reads("demo"))
def demo(
    once: Annotated[
        bool, typer.Option(help="Exit when the replay has drained and alerts are delivered.")
    ] = False,
    json_output: Annotated[
        bool, typer.Option("--json", help="Alerts as JSON lines on stdout; logs on stderr.")
    ] = False,
) -> None:
    """The embedded default: start a broker and Redis if none is configured, the worker and a
    replay of seeds/, and print alerts as they arrive."""
    from services.demo import run_demo

    raise typer.Exit(code=run_demo(settings(), once=once, json_output=json_output))


# newsmon stack --------------------------------------------------------------------------


@stack_app.command("up", epilog=reads("stack up"))
def stack_up(
    kafka_port: Annotated[
        int | None, typer.Option(help="Broker port (default 19092).", min=1, max=65535)
    ] = None,
    redis_port: Annotated[
        int | None, typer.Option(help="Redis port (default 16379).", min=1, max=65535)
    ] = None,
    detach: Annotated[bool, typer.Option(help="Run in the background; return once it is ready.")] = False,
) -> None:
    """Start the embedded broker and a Redis on fixed ports, print the lines to export
    (stdout; the rest on stderr) and stay up until Ctrl-C or `newsmon stack down`."""
    from services.stack_cli import run_stack_up, stack_settings

    raise typer.Exit(code=run_stack_up(stack_settings(settings(), kafka_port, redis_port), detach=detach))


@stack_app.command("down", epilog=reads("stack down"))
def stack_down() -> None:
    """Stop the running stack (or a running demo) and wait until its servers are gone."""
    from services.stack_cli import run_stack_down

    raise typer.Exit(code=run_stack_down(settings()))


@stack_app.command("status", epilog=reads("stack status"))
def stack_status() -> None:
    """Whether a stack runs, where, and whether its servers answer (exit 3 when not)."""
    from services.stack_cli import run_stack_status

    raise typer.Exit(code=run_stack_status(settings()))


@stack_app.command("env", epilog=reads("stack env"))
def stack_env() -> None:
    """The running stack's export lines: eval "$(newsmon stack env)"."""
    from services.stack_cli import run_stack_env

    raise typer.Exit(code=run_stack_env(settings()))


def _one_line_summaries(*groups: typer.Typer) -> None:
    """A group's --help lists each command with the first paragraph of its docstring, and
    rich keeps the docstring's line breaks there, cutting sentences mid-way: one line each."""
    for group in groups:
        for command in group.registered_commands:
            doc = command.help or (command.callback.__doc__ if command.callback else None)
            if doc and command.short_help is None:
                command.short_help = " ".join(inspect.cleandoc(doc).split("\n\n")[0].split())


_one_line_summaries(app, stack_app)


def main() -> None:
    """Run the command line.  Usage errors (bad option, missing path) are shown by rich in a
    box on a terminal, as plain lines anywhere else."""
    command = typer.main.get_command(app)
    try:
        code = command.main(prog_name="newsmon", standalone_mode=False)
    except typer.Abort:
        print("newsmon: aborted", file=sys.stderr)
        sys.exit(exits.INTERRUPTED)
    except typer.TyperException as error:  # click's usage errors, vendored by typer
        _show_usage_error(error)
        sys.exit(getattr(error, "exit_code", exits.USAGE))
    sys.exit(code if isinstance(code, int) else exits.OK)


def _show_usage_error(error: typer.TyperException) -> None:
    if type(error).__name__ == "NoArgsIsHelpError":  # `newsmon` alone: the help was printed
        return
    if sys.stderr.isatty():
        from typer import rich_utils

        rich_utils.rich_format_error(error)  # type: ignore[arg-type]
    else:
        error.show()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
