"""The `newsmon` command line: thin wrappers that read settings, then call a service."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from services.config import Settings

app = typer.Typer(
    name="newsmon",
    help="Streaming news monitoring: tells you only what is new — a new story, a new claim, "
    "a changed figure — and stays quiet on copies, also across languages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Paths = Annotated[
    list[Path],
    typer.Argument(help="Files (.txt, .json, .jsonl) or directories of them.", exists=True),
]


def settings() -> Settings:
    """Settings from the environment; a bad value is one clear line, not a traceback
    (and never echoes the value: it may be a secret)."""
    try:
        return Settings()
    except ValidationError as exc:
        for error in exc.errors(include_input=False, include_url=False):
            field = ".".join(str(p) for p in error["loc"])
            typer.echo(f"newsmon: NEWSMON_{field.upper()}: {error['msg']}", err=True)
        raise typer.Exit(code=2) from None


def not_implemented(command: str) -> None:
    typer.echo(f"newsmon {command}: not implemented yet", err=True)
    raise typer.Exit(code=2)


@app.command()
def analyze(paths: Paths) -> None:
    """Run the analysis over articles in published order; print JSON records (decisions and
    alerts), one per line, on stdout."""
    from services.batch import run_analyze

    raise typer.Exit(code=run_analyze(paths, settings(), sys.stdout))


@app.command()
def compare(
    pairs: Annotated[Path, typer.Argument(help='JSONL of {"pair_id", "a": Article, "b": Article}.')],
) -> None:
    """Score article pairs: similarity 0..1, same story, duplicate — one JSON line per pair."""
    from services.batch import run_compare
    from services.core import analysis_config

    raise typer.Exit(code=run_compare(pairs, sys.stdout, analysis_config(settings())))


@app.command()
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
) -> None:
    """Publish articles to Kafka (topic news.articles, key = article_id) in published order."""
    from services.replayer.publisher import ReplayPlan, run_replay

    plan = ReplayPlan(rate=rate, speedup=speedup, loop=loop, count=count)
    raise typer.Exit(code=run_replay(paths, settings(), plan))


@app.command()
def worker() -> None:
    """Run the Faust stream processor: articles in, decisions and alerts out (Kafka + Redis)."""
    from services.embedded.errors import BrokerStartError
    from services.processor.worker import run_worker

    config = settings()
    if not config.kafka_bootstrap_servers:
        typer.echo("newsmon worker: set NEWSMON_KAFKA_BOOTSTRAP_SERVERS (or use `newsmon demo`)", err=True)
        raise typer.Exit(code=2)
    try:
        run_worker(config)
    except ValueError as exc:  # configuration the app refuses (SASL without credentials, a refused login)
        typer.echo(f"newsmon worker: {exc}", err=True)
        raise typer.Exit(code=2) from None
    except BrokerStartError as exc:  # nothing answered: one line, not Faust's traceback
        typer.echo(f"newsmon worker: {exc}", err=True)
        raise typer.Exit(code=1) from None


@app.command()
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
    and live); one readable line per alert, or JSON lines with --json.  Ctrl-C to stop."""
    from services.alerts.subscriber import run_subscribe

    raise typer.Exit(code=run_subscribe(settings(), kind, story, from_start, json_output))


@app.command()
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
