"""Files → Kafka: the test stream.  `newsmon replay` publishes Articles to the articles
topic in published order (the order `newsmon analyze` uses), so the stream processor
can be checked against the batch result.

Every record carries `newsmon-seq: <run_id>:<n>` (n = 0, 1, 2 … in publish order, run_id
random per run): the topic has several partitions, so consumers see records out of
publish order, and the header lets the processor restore it.

Delivery: `acks="all"`, sends pipelined and counted only when the broker acknowledges
them, so a failure can say exactly how many articles made it.  The idempotent producer
is off: the embedded broker (tansu 0.6) answers aiokafka's InitProducerId with an
unknown error.  aiokafka keeps one request in flight per broker, so a retry cannot
reorder a partition; it can at worst write a record twice, which the processor absorbs
(alert ids are deterministic and delivered at most once).  In process (`newsmon demo`),
pass `Stack.producer_options`: the embedded broker needs one record per batch for its end
offsets to be right; the command line batches (linger 5 ms), which real Kafka prefers.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import re
import secrets
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import typer
from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError, MessageSizeTooLargeError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from schemas import SEQ_HEADER, Article
from services import exits
from services.config import Settings
from services.embedded.broker import tuned_for_broker
from services.embedded.errors import StackStartError
from services.embedded.kafka_admin import ensure_topics
from services.kafka_options import KafkaNotConfigured, kafka_client_options
from services.limits import load_within_limits
from services.login_check import check_logins
from services.observe import Metrics, default_metrics, serve_metrics
from services.replayer.seen import published_before

LOOP_SUFFIX = "#loop"
RUN_SEPARATOR = "#"
_RUN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")


def new_run_name() -> str:
    """A fresh run name for --as-new: short, so ids stay readable (`<id>#run-3fa2c1`)."""
    return f"run-{secrets.token_hex(3)}"


@dataclass(frozen=True, slots=True)
class ReplayPlan:
    """What to publish beyond the files themselves: pacing, repetition, a limit."""

    rate: float | None = None  # articles per second
    speedup: float | None = None  # published_at gaps divided by this
    loop: bool = False
    count: int | None = None
    run: str | None = None  # publish as a new run: ids become <id>#<run>

    def problem(self) -> str | None:
        """Why the plan cannot run, or None."""
        if self.run is not None and not _RUN_NAME.fullmatch(self.run):
            return "--run takes 1-40 letters, digits, '.', '_' or '-' (it becomes part of article ids)"
        if self.rate is not None and self.speedup is not None:
            return "use --rate or --speedup, not both"
        if self.rate is not None and self.rate <= 0:
            return "--rate must be greater than 0"
        if self.speedup is not None and self.speedup <= 0:
            return "--speedup must be greater than 0"
        if self.count is not None and self.count < 1:
            return "--count must be at least 1"
        return None


@dataclass(slots=True)
class ReplayResult:
    run_id: str
    published: int = 0  # acknowledged by the broker
    sent: int = 0  # handed to the producer (published + failed + still in flight)
    skipped: int = 0  # inputs that are not articles, or records the producer refused
    seconds: float = 0.0
    error: str | None = None
    skipped_reasons: list[str] = field(default_factory=list)
    checked: int = 0  # distinct article ids looked up on the topic before publishing
    seen_before: int | None = None  # how many of them were there already; None = not checked

    def summary(self, topic: str) -> str:
        rate = self.published / self.seconds if self.seconds > 0 else 0.0
        return (
            f"published {self.published}, skipped {self.skipped} in {self.seconds:.2f} s "
            f"({rate:.1f} articles/s) to {topic}"
        )

    def note(self, topic: str) -> str | None:
        """What a replay of ids the topic already had means, or None when it had none."""
        if not self.seen_before or not self.published:
            return None
        seen, checked = self.seen_before, self.checked
        which = f"all {checked}" if seen >= checked else f"{seen} of {checked}"
        return (
            f"{which} articles were on {topic} already (same ids): a worker takes them for articles "
            "it has seen and raises no new alerts for them; --as-new publishes them as a new run"
        )


def planned(
    articles: Sequence[Article], loop: bool, count: int | None, run: str | None = None
) -> Iterator[tuple[bool, Article]]:
    """(first of a pass, article) in publish order.  A new run renames every id
    (`<id>#<run>`), later passes of --loop too (`<id>#loop<K>`): otherwise the processor
    would see the same article again, not a new one, and raise nothing."""
    if not articles:
        return
    passes = itertools.count() if loop else range(1)
    produced = 0
    for k in passes:
        for position, article in enumerate(articles):
            if count is not None and produced >= count:
                return
            article_id = article.article_id + (f"{RUN_SEPARATOR}{run}" if run else "")
            if k:
                article_id += f"{LOOP_SUFFIX}{k}"
            if article_id != article.article_id:
                article = article.model_copy(update={"article_id": article_id})
            yield position == 0, article
            produced += 1


class Pacer:
    """When each article is due, in seconds after the start: n/rate for --rate; the sum of
    the positive published_at gaps divided by X for --speedup (a pass starts with no wait,
    an article without published_at waits for nothing); 0 when neither is given."""

    def __init__(self, rate: float | None, speedup: float | None) -> None:
        self._rate = rate
        self._speedup = speedup
        self._n = 0
        self._offset = 0.0
        self._previous: datetime | None = None

    def due(self, article: Article, first_of_pass: bool) -> float:
        if self._rate is not None:
            offset = self._n / self._rate
        elif self._speedup is not None:
            if first_of_pass:
                self._previous = None
            current = article.published_at
            if current is not None and self._previous is not None:
                gap = (current - self._previous).total_seconds()
                self._offset += max(0.0, gap) / self._speedup
            if current is not None:
                self._previous = current
            offset = self._offset
        else:
            offset = 0.0
        self._n += 1
        return offset


class Replayer:
    """One replay run: publish `articles` per `plan`; `result` stays readable after an
    interruption, so the caller can still say how many were published."""

    def __init__(
        self,
        articles: Sequence[Article],
        settings: Settings,
        plan: ReplayPlan,
        *,
        on_published: Callable[[], None] | None = None,
        on_skipped: Callable[[str], None] | None = None,
        request_timeout_ms: int = 30_000,
        producer_options: Mapping[str, Any] | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        """`producer_options` are extra AIOKafkaProducer arguments, e.g. `Stack.producer_options`
        (one record per batch, which the embedded broker needs for right end offsets)."""
        self._metrics = metrics or default_metrics()
        self._options = kafka_client_options(settings)  # raises before anything starts
        self._batch_size_given = "max_batch_size" in (producer_options or {})
        self._articles = articles
        self._settings = settings
        self._plan = plan
        self._on_published = on_published
        self._on_skipped = on_skipped
        self._producer_options = {
            "acks": "all",
            "enable_idempotence": False,
            "linger_ms": 5,
            "request_timeout_ms": request_timeout_ms,
            "client_id": "newsmon-replay",
            "max_batch_size": settings.kafka_producer_max_batch_size,
            **(producer_options or {}),
        }
        self._pending: set[asyncio.Future[object]] = set()
        self._failure: BaseException | None = None
        self.result = ReplayResult(run_id=secrets.token_hex(6))

    async def run(self) -> ReplayResult:
        await self._ensure_topic()
        await self._tune_for_broker()
        await self._check_seen()  # before the clock starts: the summary's rate is publishing
        started = time.monotonic()
        try:
            producer = AIOKafkaProducer(**self._options, **self._producer_options)
            try:
                await producer.start()
            except KafkaError as exc:
                await producer.stop()
                self._metrics.publish_error("kafka")
                where = self._options["bootstrap_servers"]
                self.result.error = f"cannot reach Kafka at {where}: {_error_text(exc)}"
                return self.result
            try:
                await self._send_all(producer)
            except KafkaError as exc:
                self._failure = self._failure or exc
            finally:
                await self._drain(producer)
            if self._failure is not None:
                self.result.error = self._describe_failure(self._failure)
        finally:
            self.result.seconds = time.monotonic() - started
        return self.result

    async def _ensure_topic(self) -> None:
        """Create the topic with the configured partitions if it is missing: auto-creation
        is often off on real clusters and uses its own partition count on the embedded one.
        Best effort — without the right to create topics, an existing topic still works."""
        # A broker that does not answer is reported by the producer, with a clearer message.
        with contextlib.suppress(KafkaError, StackStartError, OSError, TimeoutError):
            await ensure_topics(
                self._options["bootstrap_servers"],
                self._settings,
                [self._settings.articles_topic],
                self._settings.topic_partitions,
            )

    async def _tune_for_broker(self) -> None:
        """One record per batch when the broker is the embedded one (its end offsets are
        wrong otherwise), unless the caller or the user chose a batch size."""
        if self._batch_size_given:
            return
        tuned = await tuned_for_broker(self._settings)
        self._producer_options["max_batch_size"] = tuned.kafka_producer_max_batch_size

    async def _check_seen(self) -> None:
        """How many of the ids about to be published (first pass) the topic already has."""
        ids = {a.article_id for _, a in planned(self._articles, False, self._plan.count, self._plan.run)}
        self.result.checked = len(ids)
        self.result.seen_before = await published_before(self._settings, ids)

    async def _send_all(self, producer: AIOKafkaProducer) -> None:
        pacer = Pacer(self._plan.rate, self._plan.speedup)
        started = time.monotonic()  # pace from the first send, not from connecting
        topic = self._settings.articles_topic
        for first_of_pass, article in planned(
            self._articles, self._plan.loop, self._plan.count, self._plan.run
        ):
            if self._failure is not None:
                return
            delay = started + pacer.due(article, first_of_pass) - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            seq = f"{self.result.run_id}:{self.result.sent}".encode()
            try:
                future = await producer.send(
                    topic,
                    key=article.article_id.encode("utf-8"),
                    value=article.model_dump_json().encode("utf-8"),
                    headers=[(SEQ_HEADER, seq)],
                )
            except MessageSizeTooLargeError as exc:
                self._metrics.publish_error("too_large")
                self._skip(f"{article.article_id}: too large for Kafka ({exc})")
                continue  # the sequence number is not used, so the processor waits for no gap
            self.result.sent += 1
            self._pending.add(future)
            future.add_done_callback(self._settled)

    def _settled(self, future: asyncio.Future[object]) -> None:
        self._pending.discard(future)
        if future.cancelled():
            return
        error = future.exception()
        if error is None:
            self.result.published += 1
            self._metrics.article_published()
            if self._on_published is not None:
                self._on_published()
            return
        self._metrics.publish_error("kafka")
        if self._failure is None:
            self._failure = error

    async def _drain(self, producer: AIOKafkaProducer) -> None:
        """Wait until every record handed to the producer is acknowledged or has failed, so
        `published` is exact; then close."""
        try:
            await producer.flush()
            if self._pending:
                await asyncio.gather(*list(self._pending), return_exceptions=True)
        finally:
            await producer.stop()

    def _skip(self, reason: str) -> None:
        self.result.skipped += 1
        self.result.skipped_reasons.append(reason)
        if self._on_skipped is not None:
            self._on_skipped(reason)

    def _describe_failure(self, error: BaseException) -> str:
        r = self.result
        unconfirmed = r.sent - r.published
        text = f"Kafka error: {_error_text(error)}. Published {r.published} article(s) before the failure"
        if unconfirmed:
            text += f"; {unconfirmed} sent but not acknowledged (they may or may not be on the topic)"
        if not self._plan.loop:
            total = min(len(self._articles), self._plan.count or len(self._articles))
            text += f"; {max(0, total - r.sent)} not sent"
        return text


def _error_text(error: BaseException) -> str:
    """aiokafka errors already start with their class name; others do not."""
    name = type(error).__name__
    text = str(error).strip().rstrip(".") or name
    return text if text.startswith(name) else f"{name}: {text}"


def run_replay(paths: Sequence[Path], settings: Settings, plan: ReplayPlan) -> int:
    """`newsmon replay`, exit codes as services/exits.py: 0 all published, 1 some inputs
    skipped, 2 unusable input or settings, 3 Kafka failed, 130 interrupted (after saying
    what was published)."""
    if (problem := plan.problem()) is not None:
        _complain(problem)
        return exits.USAGE
    serve_metrics(settings, "replay")
    articles, errors = load_within_limits(paths, settings.max_body_bytes)
    for error in errors:
        default_metrics().publish_error("invalid_input")
        _complain(f"skipped {error.location}: {error.reason}")
    if not articles:
        _complain("nothing to publish: no valid article in the input")
        return exits.USAGE
    if plan.run:
        _complain(f"publishing as run {plan.run!r}: article ids get {RUN_SEPARATOR}{plan.run} appended")
    progress = _progress_bar()
    total = plan.count if plan.count is not None else (None if plan.loop else len(articles))
    task = progress.add_task("replay", total=total)
    try:
        replayer = Replayer(
            articles,
            settings,
            plan,
            on_published=lambda: progress.advance(task),
            on_skipped=lambda reason: _complain(f"skipped {reason}"),
        )
        check_logins(settings, redis=False)
    except (KafkaNotConfigured, ValueError) as exc:  # LoginRefused is a ValueError
        _complain(str(exc))
        return exits.USAGE
    replayer.result.skipped = len(errors)
    return _publish(replayer, progress, settings.articles_topic)


def _complain(message: str) -> None:
    typer.echo(f"newsmon replay: {message}", err=True)


def _progress_bar() -> Progress:
    """On a terminal only: in a pipe or a log it would be noise."""
    console = Console(stderr=True)
    return Progress(
        TextColumn("replay"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


def _publish(replayer: Replayer, progress: Progress, topic: str) -> int:
    """Run the replay; the summary (and what a replay of seen ids means) on stdout."""
    result = replayer.result
    try:
        with progress:
            asyncio.run(replayer.run())
    except KeyboardInterrupt:
        typer.echo(f"{result.summary(topic)}; interrupted")
        _complain(f"interrupted: published {result.published} of {result.sent} sent")
        return exits.INTERRUPTED
    typer.echo(result.summary(topic))
    if (note := result.note(topic)) is not None:
        typer.echo(f"note: {note}")
    if result.error is not None:
        _complain(result.error)
        return exits.UNAVAILABLE
    return exits.for_inputs(result.published, result.skipped)
