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

from schemas import Article
from services.article_files import load_articles
from services.config import Settings
from services.embedded.errors import StackStartError
from services.embedded.kafka_admin import ensure_topics
from services.kafka_options import KafkaNotConfigured, kafka_client_options
from services.login_check import check_logins
from services.observe import Metrics, default_metrics, serve_metrics

SEQ_HEADER = "newsmon-seq"
LOOP_SUFFIX = "#loop"


@dataclass(frozen=True, slots=True)
class ReplayPlan:
    """What to publish beyond the files themselves: pacing, repetition, a limit."""

    rate: float | None = None  # articles per second
    speedup: float | None = None  # published_at gaps divided by this
    loop: bool = False
    count: int | None = None

    def problem(self) -> str | None:
        """Why the plan cannot run, or None."""
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

    def summary(self, topic: str) -> str:
        rate = self.published / self.seconds if self.seconds > 0 else 0.0
        return (
            f"published {self.published}, skipped {self.skipped} in {self.seconds:.2f} s "
            f"({rate:.1f} articles/s) to {topic}"
        )


def planned(articles: Sequence[Article], loop: bool, count: int | None) -> Iterator[tuple[bool, Article]]:
    """(first of a pass, article) in publish order; later passes of --loop get new ids
    (`<id>#loop<K>`), otherwise the processor would see the same article again, not a new one."""
    if not articles:
        return
    passes = itertools.count() if loop else range(1)
    produced = 0
    for k in passes:
        for position, article in enumerate(articles):
            if count is not None and produced >= count:
                return
            if k:
                article = article.model_copy(update={"article_id": f"{article.article_id}{LOOP_SUFFIX}{k}"})
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
        started = time.monotonic()
        try:
            await self._ensure_topic()
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

    async def _send_all(self, producer: AIOKafkaProducer) -> None:
        pacer = Pacer(self._plan.rate, self._plan.speedup)
        started = time.monotonic()  # pace from the first send, not from connecting
        topic = self._settings.articles_topic
        for first_of_pass, article in planned(self._articles, self._plan.loop, self._plan.count):
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
    """`newsmon replay`: exit 0 when everything valid was published, 1 on a Kafka error,
    2 on unusable input or settings, 130 when interrupted (after saying what was published)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    def complain(message: str) -> None:
        typer.echo(f"newsmon replay: {message}", err=True)

    if (problem := plan.problem()) is not None:
        complain(problem)
        return 2
    serve_metrics(settings, "replay")
    articles, errors = load_articles(paths)
    for error in errors:
        default_metrics().publish_error("invalid_input")
        complain(f"skipped {error.location}: {error.reason}")
    if not articles:
        complain("nothing to publish: no valid article in the input")
        return 2

    console = Console(stderr=True)
    progress = Progress(
        TextColumn("replay"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    total = plan.count if plan.count is not None else (None if plan.loop else len(articles))
    task = progress.add_task("replay", total=total)
    try:
        replayer = Replayer(
            articles,
            settings,
            plan,
            on_published=lambda: progress.advance(task),
            on_skipped=lambda reason: complain(f"skipped {reason}"),
        )
        check_logins(settings, redis=False)
    except (KafkaNotConfigured, ValueError) as exc:  # LoginRefused is a ValueError
        complain(str(exc))
        return 2
    replayer.result.skipped = len(errors)
    try:
        with progress:
            asyncio.run(replayer.run())
    except KeyboardInterrupt:
        result = replayer.result
        typer.echo(f"{result.summary(settings.articles_topic)}; interrupted")
        complain(f"interrupted: published {result.published} of {result.sent} sent")
        return 130
    typer.echo(replayer.result.summary(settings.articles_topic))
    if replayer.result.error is not None:
        complain(replayer.result.error)
        return 1
    return 0
