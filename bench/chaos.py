"""`make chaos`: faults newsmon's users will meet, each replayed against a fixed corpus.

Every scenario replays the same feed (seeds/ plus SemEval texts with reposts and
translations mixed in) through the real stream — embedded broker, a private Redis
with AOF persistence, `newsmon worker` processes — injects one fault, waits until every
article has a decision, and compares the Redis stream with the alert ids a clean
in-process run of the analysis core gives for the same feed (what `newsmon analyze`
prints).  Then the input topic is fuzzed with generated bad messages mixed with valid
articles.  The LAST stdout line is one JSON object; progress goes to stderr.

    python -m bench.chaos                 # the full run (make chaos)
    python -m bench.chaos --contention    # the same with both cores kept busy by other processes
    python -m bench.chaos --originals 60  # smaller corpus, same scenarios

The kill scenarios kill the worker at random points (`--kills`, `--seed`) and report,
besides lost / repeated / unexpected alerts, how long each kill took to recover: from
the kill to the next article decided that was not decided before it (decision records
carry the time they were written).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import redis.asyncio as aioredis
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from bench.corpus import feed, load_corpus
from bench.stream import publish
from schemas import Article
from services.article_files import load_articles
from services.config import Settings
from services.core import build_analyzer
from services.embedded import Stack, embedded_stack
from services.embedded.process import ManagedProcess, free_port
from services.embedded.redis_server import redis_answers, redis_server_binary
from services.kafka_options import kafka_client_options
from services.processor.launch import AlertLog, spawn_worker

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DRAIN_TIMEOUT = float(os.environ.get("NEWSMON_CHAOS_DRAIN_TIMEOUT", "600"))


def log(message: str) -> None:
    print(f"[chaos] {message}", file=sys.stderr, flush=True)


# The corpus and what a clean run says about it ------------------------------------


def chaos_corpus(originals: int) -> list[Article]:
    seeds, _ = load_articles([SEEDS])
    return seeds + feed(load_corpus(), originals, copy_share=0.3, seed=11)


def code_fingerprint() -> str:
    """The code and data the workers load (services/, schemas/).  A worker started after
    someone edited them (a shared tree) decides with other rules than the batch run the
    scenario compares with: its lost and unexpected alerts would say nothing."""
    digest = hashlib.blake2b(digest_size=12)
    root = Path(__file__).resolve().parents[1]
    for package in ("services", "schemas"):
        for path in sorted((root / package).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".toml", ".json", ".txt"}:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


_expected_with: list[str] = []  # the code fingerprint of the last batch run


def expected_alert_ids(articles: Sequence[Article]) -> list[str]:
    """The clean batch run: the same core `newsmon analyze` runs, in publish order."""
    _expected_with[:] = [code_fingerprint()]
    analyzer = build_analyzer(Settings())
    now = datetime.now(UTC)
    return [r.alert_id for a in articles for r in analyzer.process(a, now) if r.record == "alert"]


# A private Redis that can be stopped and started again with its data --------------


@dataclass
class PersistentRedis:
    """redis-server with AOF on a fixed port: it can go away and come back with its data,
    like a production Redis restarted by its supervisor."""

    workdir: Path
    port: int = field(default_factory=free_port)
    process: ManagedProcess | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        binary = redis_server_binary()
        if binary is None:
            raise RuntimeError("redis-server not found (apt install redis-server)")
        argv = [str(binary), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.workdir),
                "--daemonize", "no"]  # fmt: skip
        self.process = ManagedProcess.spawn("redis", argv, self.workdir / "redis.log", cwd=self.workdir)
        for _ in range(200):
            if await redis_answers(self.url, timeout=0.5):
                return
            await asyncio.sleep(0.05)
        raise RuntimeError(f"redis-server did not start: {self.process.log_tail()}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()
            self.process = None


# One scenario's rig -----------------------------------------------------------------


@dataclass
class Outcome:
    scenario: str
    expected: int
    lost: int
    repeated: int
    unexpected: int  # alert ids the clean run did not raise: a wrong decision somewhere
    worker_crashes: int
    seconds: float
    kills: int = 0
    recoveries: list[float] = field(default_factory=list)  # seconds from each kill to the next new decision
    notes: list[str] = field(default_factory=list)
    code_changed: bool = False  # services/ or schemas/ changed during the scenario: void

    @property
    def longest_recovery(self) -> float | None:
        return max(self.recoveries) if self.recoveries else None


class Rig:
    """Workers, a replay and the checks for one scenario, on a private app id and stream."""

    def __init__(self, stack: Stack, redis: PersistentRedis, name: str) -> None:
        tag = f"chaos-{name}-{os.getpid()}-{int(time.time())}"
        self.settings = stack.settings.model_copy(
            update={
                "app_id": tag,
                "articles_topic": f"{tag}.articles",
                "dlq_topic": f"{tag}.dlq",
                "alerts_topic": f"{tag}.alerts",
                "redis_url": redis.url,
                "redis_stream": f"{tag}:alerts",
                "redis_channel": f"{tag}:alerts",
                "metrics_port": free_port(),
            }
        )
        self.stack = stack
        self.redis = redis
        self.workdir = stack.workdir / tag
        self.workdir.mkdir()
        self.workers: list[ManagedProcess] = []
        self.killed: set[int] = set()
        self.kill_times: list[float] = []  # epoch seconds
        self.holds: list[tuple[int, asyncio.Event]] = []  # replay waits at article n for the event

    async def create_topics(self) -> None:
        from services.embedded.kafka_admin import ensure_topics

        s = self.settings
        await ensure_topics(
            s.kafka_bootstrap_servers or "",
            s,
            [s.articles_topic, s.dlq_topic, s.alerts_topic],
            s.topic_partitions,
        )

    def start_worker(self) -> ManagedProcess:
        n = len(self.workers)
        worker = spawn_worker(self.settings, self.workdir / f"worker-{n}.log", name=f"worker-{n}")
        self.workers.append(worker)
        return worker

    def kill(self, worker: ManagedProcess) -> None:
        self.killed.add(worker.pid)
        self.kill_times.append(time.time())
        os.kill(worker.pid, signal.SIGKILL)
        worker.popen.wait()

    def crashes(self) -> int:
        """Workers that died without being killed by the scenario."""
        return sum(1 for w in self.workers if not w.alive() and w.pid not in self.killed)

    async def publish(self, articles: Sequence[Article], rate: float) -> None:
        await publish(self.settings, articles, "chaos", rate, self.holds)

    async def stream_ids(self) -> list[str]:
        client = aioredis.from_url(self.redis.url, decode_responses=True)
        try:
            entries = await client.xrange(self.settings.redis_stream) or []
            return [str((fields or {})["alert_id"]) for _, fields in entries]
        finally:
            await client.aclose()

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()

    def membership(self, lines: int = 15) -> list[str]:
        """The last group-membership events of each worker's log: where a stuck drain
        shows whether a survivor ever got the partitions, and a divergence from the batch
        run whether a fold, a give-up or a late embedding came before it (CI keeps no /tmp)."""
        marks = ("Joined group", "Revoking", "Setting newly assigned", "joining group", "LeaveGroup",
                 "Recovery complete", "Worker ready", "[WARNING]", "[ERROR]", "Error",
                 "global index", "no copy after all")  # fmt: skip
        out = []
        for n, worker in enumerate(self.workers):
            path = self.workdir / f"worker-{n}.log"
            text = path.read_text(errors="replace").splitlines() if path.exists() else []
            events = [line[:160] for line in text if any(mark in line for mark in marks)]
            name = f"worker-{n}{' (killed)' if worker.pid in self.killed else ''}"
            out += [f"{name}: {event}" for event in events[-lines:]]
        return out

    def keep_logs(self) -> Path:
        """Copy the worker logs out of the stack's temporary folder, for the post-mortem."""
        kept = Path(tempfile.gettempdir()) / "newsmon-chaos-logs" / self.workdir.name
        kept.mkdir(parents=True, exist_ok=True)
        for path in self.workdir.glob("worker-*.log"):
            shutil.copy(path, kept / path.name)
        return kept


async def trace_articles(settings: Settings, article_ids: Sequence[str]) -> list[str]:
    """Where undecided articles got to: each topic of the pipeline, with offsets, and the
    group's committed offsets — the post-mortem a lost article needs."""
    from services.processor import codec

    app = settings.app_id
    wanted = set(article_ids)

    def article_of(topic: str, key: bytes | None, value: bytes | None) -> str | None:
        if topic == settings.articles_topic:
            return (key or b"").decode(errors="replace")
        doc = codec.loads(value or b"{}") if topic != settings.alerts_topic else json.loads(value or b"{}")
        if "prepared" in doc:
            return doc["prepared"].get("article", {}).get("article_id") or doc["prepared"].get("article_id")
        return doc.get("article_id")

    topics = [settings.articles_topic, f"{app}-prepared", f"{app}-assigned", settings.alerts_topic]
    consumer = AIOKafkaConsumer(*topics, group_id=None, auto_offset_reset="earliest",
                                **kafka_client_options(settings))  # fmt: skip
    seen: list[str] = []
    await consumer.start()
    try:
        idle = 0
        while idle < 3:
            batch = await consumer.getmany(timeout_ms=1000)
            idle = 0 if batch else idle + 1
            for tp, records in batch.items():
                for r in records:
                    try:
                        found = article_of(tp.topic, r.key, r.value)
                    except (ValueError, KeyError, TypeError):
                        found = None
                    if found in wanted:
                        seen.append(f"{found} in {tp.topic.removeprefix(app)}[{tp.partition}]@{r.offset}")
        positions = {tp: await consumer.position(tp) for tp in consumer.assignment()}
        committed = [
            f"{tp.topic.removeprefix(app)}[{tp.partition}] end={end}" for tp, end in sorted(positions.items())
        ]
    finally:
        await consumer.stop()
    group = AIOKafkaConsumer(group_id=app, enable_auto_commit=False, **kafka_client_options(settings))
    await group.start()  # OffsetFetch only: it never joins the group
    try:
        for tp in sorted(positions):
            committed.append(
                f"{tp.topic.removeprefix(app)}[{tp.partition}] committed={await group.committed(tp)}"
            )
    finally:
        await group.stop()
    return [f"trace: {line}" for line in seen + committed]


def divergence(articles: Sequence[Article], alert_log: AlertLog, kept: Path) -> list[str]:
    """Where the stream's decisions first part from a clean batch run's, in publish order;
    both are written to `kept` (decisions-stream.jsonl, decisions-batch.jsonl)."""
    analyzer = build_analyzer(Settings())
    now = datetime.now(UTC)
    ids = [a.article_id for a in articles]
    batch: dict[str, list[dict[str, Any]]] = {}
    for article in articles:
        batch[article.article_id] = [r.model_dump(mode="json") for r in analyzer.process(article, now)]
    stream: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for decision in alert_log.decisions.values():
        stream.setdefault(decision.article_id, []).append(decision.model_dump(mode="json"))
    for alert in alert_log.alerts.values():
        stream.setdefault(alert.article_id, []).append(alert.model_dump(mode="json"))

    def key(records: list[dict[str, Any]]) -> tuple[Any, Any, list[str]]:
        decision = next((r for r in records if r.get("record") == "decision"), {})
        alerts = sorted(str(r["alert_id"]) for r in records if r.get("record") == "alert")
        return decision.get("story_id"), decision.get("duplicate_of"), alerts

    for name, records in (("batch", batch), ("stream", stream)):
        with open(kept / f"decisions-{name}.jsonl", "w") as out:
            out.writelines(json.dumps({"article_id": i, "records": records[i]}) + "\n" for i in ids)
    differ = [(n, i) for n, i in enumerate(ids) if key(batch[i]) != key(stream[i])]
    notes = [f"{len(differ)} articles decided otherwise than in batch (files in {kept})"]
    for n, i in differ[:3]:
        (bs, bd, ba), (ss, sd, sa) = key(batch[i]), key(stream[i])
        notes.append(f"#{n} {i}: batch story={bs} dup={bd} alerts={len(ba)}; "
                     f"stream story={ss} dup={sd} alerts={len(sa)}")  # fmt: skip
    return notes


def describe(alert: object, alert_id: str) -> str:
    """One line about an alert id the clean run did not raise."""
    if alert is None:
        return f"unexpected {alert_id}: not in news.alerts"
    doc = alert.model_dump(mode="json")  # type: ignore[attr-defined]
    return f"unexpected {doc['kind']} {alert_id} article={doc.get('article_id')} story={doc.get('story_id')}"


async def when_decided(alert_log: AlertLog, ids: Sequence[str], share: float) -> None:
    """Return once `share` of the articles have a decision."""
    target = ids[: max(1, int(len(ids) * share))]
    await alert_log.wait_for(target, timeout=DRAIN_TIMEOUT)


async def run_scenario(
    name: str, stack: Stack, redis: PersistentRedis, articles: Sequence[Article], expected: list[str],
    fault: Callable[[Rig, AlertLog, list[str]], object], workers: int = 1, rate: float = 25.0,
) -> Outcome:  # fmt: skip
    log(f"scenario {name}: {len(articles)} articles, {len(expected)} alerts expected")
    code = _expected_with[0] if _expected_with else code_fingerprint()
    rig = Rig(stack, redis, name)
    await rig.create_topics()
    started = time.monotonic()
    ids = [a.article_id for a in articles]
    for _ in range(workers):
        rig.start_worker()
    holds = getattr(fault, "holds", None)  # a fault that releases the rest of the feed itself
    if holds is not None:
        rig.holds = [(n, asyncio.Event()) for n in holds(len(ids))]
    notes: list[str] = []
    try:
        async with AlertLog(rig.settings) as alert_log:
            replay = asyncio.create_task(rig.publish(articles, rate))
            notes += await fault(rig, alert_log, ids)  # type: ignore[misc]
            await replay
            done = await alert_log.wait_for(ids, timeout=DRAIN_TIMEOUT)
            if not done:
                missing = sorted(set(ids) - alert_log.decisions.keys())
                notes.append(f"only {len(alert_log.decisions)}/{len(ids)} articles decided in time; "
                             f"undecided: {missing[:5]}")  # fmt: skip
                notes += await trace_articles(rig.settings, missing[:5])
                notes += rig.membership()
        await asyncio.sleep(1.0)
        got = await rig.stream_ids()
    finally:
        crashes = rig.crashes()
        rig.stop()
        kept = rig.keep_logs()
    counts = Counter(got)
    notes += [describe(alert_log.alerts.get(i), i) for i in sorted(counts.keys() - set(expected))[:5]]
    code_changed = code_fingerprint() != code
    if code_changed:
        notes.append("VOID: services/ or schemas/ changed during the scenario (run from a frozen copy)")
    elif counts.keys() != set(expected):
        notes += divergence(articles, alert_log, kept)
        notes += rig.membership(lines=25)  # restarts, folds, give-ups: what CI's log keeps of them
    outcome = Outcome(
        scenario=name,
        expected=len(expected),
        lost=len(set(expected) - counts.keys()),
        repeated=sum(c - 1 for c in counts.values() if c > 1),
        unexpected=len(counts.keys() - set(expected)),
        worker_crashes=crashes,
        seconds=round(time.monotonic() - started, 1),
        kills=len(rig.kill_times),
        recoveries=recoveries(rig.kill_times, alert_log.decided_at),
        notes=notes,
        code_changed=code_changed,
    )  # fmt: skip
    log(f"scenario {name}: {outcome}")
    return outcome


def recoveries(kills: Sequence[float], decided_at: dict[str, float]) -> list[float]:
    """Per kill, seconds until the first decision of an article not decided before it
    (by the time decision records were written); a kill never followed by one counts as
    never recovered (infinity)."""
    times = sorted(decided_at.values())
    out = []
    for kill in kills:
        later = [t for t in times if t > kill]
        out.append(round(later[0] - kill, 1) if later else float("inf"))
    return out


# The faults ---------------------------------------------------------------------------


def random_points(kills: int, seed: int, low: float = 0.04, high: float = 0.96) -> list[float]:
    """`kills` shares of the feed, spread at random over [low, high], sorted."""
    rng = random.Random(seed)
    return sorted(round(rng.uniform(low, high), 3) for _ in range(kills))


@dataclass
class KillWorker:
    """Kill the last started worker (-9) when each share of the feed is decided, and start
    a new one.  The replay is held a few articles past each kill point until that kill
    is made, so the killed worker had work in flight or waiting and the replacement has
    articles left to decide: without the hold a busy machine's replacement could decide
    the whole backlog in one burst, leaving a later kill nothing to recover from (its
    recovery time then reads as never).  Each kill also waits for a decision of an
    article published after the previous kill, so every kill hits a working worker."""

    points: Sequence[float]
    ahead: int = 2  # articles published past a kill point before the replay waits for the kill

    def plan(self, articles: int) -> list[tuple[int, int]]:
        """(decided before the kill, articles published until it) per kill; both rise
        strictly, and each kill leaves at least one article per later kill unpublished."""
        out: list[tuple[int, int]] = []
        held = 0
        for n, point in enumerate(self.points):
            last_hold = articles - (len(self.points) - n)
            hold = min(max(int(articles * point), held + 1) + self.ahead, last_hold)
            out.append((min(max(int(articles * point), held + 1), hold), hold))
            held = hold
        return out

    def holds(self, articles: int) -> list[int]:
        return [hold for _, hold in self.plan(articles)]

    async def __call__(self, rig: Rig, alert_log: AlertLog, ids: list[str]) -> list[str]:
        notes = []
        for (decided, _), (_, release) in zip(self.plan(len(ids)), rig.holds, strict=True):
            await alert_log.wait_for(ids[:decided], timeout=DRAIN_TIMEOUT)
            rig.kill(rig.workers[-1])
            notes.append(f"kill -9 worker at {len(alert_log.decisions)}/{len(ids)} decisions")
            rig.start_worker()
            release.set()
        return notes


@dataclass
class RedisOutage:
    """Stop Redis for `seconds` once the first `at` of the feed is decided, with the rest
    of the feed held back until Redis is down: an article published during the outage
    cannot have been delivered before it, so the worker must retry.  Redis comes back
    after `seconds`, and not before the worker has raised an alert (it delivers an
    article's alerts before writing its decision, so a busy worker may take longer to
    get there than the outage lasts)."""

    seconds: float
    at: float

    def holds(self, articles: int) -> list[int]:
        return [max(1, int(articles * self.at))]

    async def __call__(self, rig: Rig, alert_log: AlertLog, ids: list[str]) -> list[str]:
        assert rig.holds, "the replay must be held back (run_scenario does it)"
        [(held, release)] = rig.holds
        port = rig.settings.metrics_port
        await alert_log.wait_for(ids[:held], timeout=DRAIN_TIMEOUT)  # their alerts are in Redis
        raised_before = worker_metric(port, "newsmon_alerts_total")
        rig.redis.stop()
        stopped = time.monotonic()
        release.set()
        raised = await metric_above(port, "newsmon_alerts_total", raised_before, DRAIN_TIMEOUT)
        await asyncio.sleep(max(0.0, self.seconds - (time.monotonic() - stopped)))
        down = time.monotonic() - stopped
        await rig.redis.start()
        await alert_log.wait_for(ids, timeout=DRAIN_TIMEOUT)
        retries = worker_metric(port, "newsmon_redis_delivery_retries_total")
        return [
            f"Redis stopped for {down:.0f} s at {held}/{len(ids)} decisions, the rest published meanwhile",
            f"alerts_raised_while_down={raised - raised_before:.0f}",
            f"redis_delivery_retries={retries:.0f}",
        ]


async def metric_above(port: int, name: str, value: float, timeout: float) -> float:
    """Poll a worker's counter until it exceeds `value`; its last reading (also on timeout)."""
    deadline = time.monotonic() + timeout
    while (now := worker_metric(port, name)) <= value and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    return now


def worker_metric(port: int, name: str) -> float:
    """A counter's value from a worker's /metrics (0 when absent)."""
    import urllib.request

    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        text = response.read().decode()
    return sum(float(line.split()[-1]) for line in text.splitlines() if line.startswith(name))


def broker_pause(seconds: float, at: float) -> Callable[[Rig, AlertLog, list[str]], object]:
    async def fault(rig: Rig, alert_log: AlertLog, ids: list[str]) -> list[str]:
        await when_decided(alert_log, ids, at)
        assert rig.stack.broker is not None, "broker pause needs the embedded broker"
        pid = rig.stack.broker.process.pid
        os.kill(pid, signal.SIGSTOP)
        await asyncio.sleep(seconds)
        os.kill(pid, signal.SIGCONT)
        return [f"broker SIGSTOP for {seconds:.0f} s at {len(alert_log.decisions)}/{len(ids)} decisions"]

    return fault


@dataclass
class KillOneOfTwo:
    """Kill one of two workers (-9) once `at` of the feed is decided.  The replay is held a
    few articles past that point until the kill is made, so the surviving worker has
    articles left to take over (two workers can decide a whole short feed before a busy
    machine runs the kill, which then has no next decision to recover to)."""

    at: float
    ahead: int = 2

    def holds(self, articles: int) -> list[int]:
        return [min(articles - 1, max(1, int(articles * self.at)) + self.ahead)]

    async def __call__(self, rig: Rig, alert_log: AlertLog, ids: list[str]) -> list[str]:
        assert rig.holds, "the replay must be held back (run_scenario does it)"
        [(_, release)] = rig.holds
        await when_decided(alert_log, ids, self.at)
        rig.kill(rig.workers[0])
        release.set()
        return [f"kill -9 one of two workers at {len(alert_log.decisions)}/{len(ids)} decisions"]


# Bad input ----------------------------------------------------------------------------


def bad_messages(count: int, seed: int = 5) -> list[bytes]:
    """`count` messages that are not Articles, of every kind users send by mistake."""
    rng = random.Random(seed)
    good = {"article_id": "x", "source": "s", "body": "A valid body.", "language": "en"}
    makers: list[Callable[[int], bytes]] = [
        lambda n: bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))).replace(b"{", b"("),
        lambda n: f"not json {n}".encode(),
        lambda n: json.dumps([n, "list"]).encode(),
        lambda n: json.dumps({**good, "article_id": n}).encode(),  # wrong type
        lambda n: json.dumps({k: v for k, v in good.items() if k != "body"}).encode(),
        lambda n: json.dumps({**good, "body": ""}).encode(),
        lambda n: json.dumps({**good, "body": " \n\t "}).encode(),
        lambda n: json.dumps({**good, "language": "english"}).encode(),
        lambda n: json.dumps({**good, "published_at": "yesterday"}).encode(),
        lambda n: json.dumps({**good, "extra": n}).encode(),
        lambda n: b'{"article_id": "x", "source": "s", "body": "\xff\xfe\xfd"}',
        lambda n: b"[" * (2000 + n) + b"]" * (2000 + n),
        lambda n: json.dumps({**good, "body": "1e999 and 10^400", "source": None}).encode(),
        lambda n: b"",
        lambda n: json.dumps({**good, "body": "<html>" * 10}).encode()[:-3],  # truncated JSON
    ]
    out = [makers[n % len(makers)](n) for n in range(count - 2)]
    big = json.dumps({**good, "body": "x" * 20_000_000}).encode()  # a 20 MB body
    return [*out, big, big[:5_000_000]]


def weird_valid_articles(count: int, seed: int = 9) -> list[Article]:
    """Valid articles with hostile content: the core must take them in its stride."""
    rng = random.Random(seed)
    bodies = [
        lambda n: "Zero\u200bwidth\u200d and control\x07 characters in a sentence about strikes. " * 5,
        lambda n: "<div><p>HTML <b>soup</b> with <script>alert(1)</script> and tags</p></div>" * 20,
        lambda n: f"Officials said 10^400 people and 1e999 were counted in case {n}. " * 3,
        lambda n: "A" + "9" * 10_000 + " people were killed, the ministry said.",
        lambda n: " ".join(f"Sentence {i} says something about the harbour." for i in range(3000)),
        lambda n: "".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(2000)),
    ]
    return [
        Article(article_id=f"weird-{n}", source="fuzz", body=bodies[n % len(bodies)](n), language=None)
        for n in range(count)
    ]


async def fuzz(stack: Stack, redis: PersistentRedis, count: int) -> dict[str, int]:
    """Bad messages mixed with valid articles: every bad one dead-lettered with a reason,
    every valid one decided, the worker alive with bounded memory."""
    log(f"fuzz: {count} bad messages mixed with valid articles")
    rig = Rig(stack, redis, "fuzz")
    await rig.create_topics()
    worker = rig.start_worker()
    bad = bad_messages(count)
    valid = weird_valid_articles(max(12, count // 50))
    every = max(1, len(bad) // len(valid))
    producer = AIOKafkaProducer(
        **kafka_client_options(rig.settings), max_request_size=30_000_000, max_batch_size=1
    )
    await producer.start()
    try:
        for n, payload in enumerate(bad):
            await producer.send(rig.settings.articles_topic, payload, key=f"bad-{n}".encode())
            if n % every == 0 and n // every < len(valid):
                article = valid[n // every]
                await producer.send(rig.settings.articles_topic, article.model_dump_json().encode(),
                                    key=article.article_id.encode())  # fmt: skip
        await producer.flush()
    finally:
        await producer.stop()
    async with AlertLog(rig.settings) as alert_log:
        decided = await alert_log.wait_for([a.article_id for a in valid], timeout=DRAIN_TIMEOUT)
    dead = await count_records(rig.settings, rig.settings.dlq_topic, expected=len(bad))
    rss = _rss_mb(worker.pid)
    crashes = rig.crashes()
    rig.stop()
    result = {"bad_inputs": len(bad), "bad_inputs_dead_lettered": dead, "valid_decided": int(decided),
              "worker_rss_mb": int(rss), "fuzz_worker_crashes": crashes}  # fmt: skip
    log(f"fuzz: {result}")
    return result


async def count_records(settings: Settings, topic: str, expected: int) -> int:
    consumer = AIOKafkaConsumer(
        topic, group_id=None, auto_offset_reset="earliest", fetch_max_bytes=60_000_000,
        max_partition_fetch_bytes=60_000_000, **kafka_client_options(settings),
    )  # fmt: skip
    await consumer.start()
    seen = 0
    try:
        idle = 0
        while seen < expected and idle < 10:
            batch = await consumer.getmany(timeout_ms=1000)
            got = sum(len(records) for records in batch.values())
            seen += got
            idle = 0 if got else idle + 1
    finally:
        await consumer.stop()
    return seen


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# The whole run ------------------------------------------------------------------------


@asynccontextmanager
async def chaos_stack(workdir_prefix: str = "newsmon-chaos-") -> AsyncIterator[tuple[Stack, PersistentRedis]]:
    async with embedded_stack(Settings(), on_step=log) as stack:
        redis = PersistentRedis(stack.workdir)
        await redis.start()
        try:
            yield stack, redis
        finally:
            redis.stop()


Scenario = tuple[Callable[..., Callable[[Rig, AlertLog, list[str]], object]], dict, int, float | None]
KILLS = 12  # kills of the only worker per run of `kill_worker`
KILL_SPACING_SECONDS = 15.0  # replay time per kill: each lands mid-stream, with a backlog to catch up


def scenarios(kills: int = KILLS, seed: int = 1, articles: int = 409) -> dict[str, Scenario]:
    """name -> (fault maker, its arguments, workers, replay rate or None for the run's
    rate).  The kill scenarios replay slower than a worker decides, so kills land
    mid-stream; `kill_worker` spreads the replay over `KILL_SPACING_SECONDS` per kill."""
    paced = max(0.5, min(8.0, articles / (max(kills, 1) * KILL_SPACING_SECONDS)))
    return {
        "kill_worker": (KillWorker, {"points": random_points(kills, seed)}, 1, round(paced, 2)),
        "redis_outage": (RedisOutage, {"seconds": 10.0, "at": 0.3}, 1, None),
        "broker_pause": (broker_pause, {"seconds": 10.0, "at": 0.3}, 1, None),
        "kill_one_of_two": (KillOneOfTwo, {"at": 0.3}, 2, 8.0),
    }


SCENARIOS = scenarios()


# Contention: other work on the machine ------------------------------------------------

BURNER = """
import os, time
import numpy as np
rng = np.random.default_rng(os.getpid())
a = rng.standard_normal((300, 300))
junk = []
while True:
    for _ in range(20):
        a = np.tanh(a @ a.T / 300.0)      # BLAS work, like a compiler or a JVM
    total = 0
    for i in range(200_000):             # interpreter work
        total += i * i
    junk.append(bytearray(8 * 1024 * 1024))  # memory traffic, like an install
    if len(junk) > 8:
        junk.clear()
"""


@dataclass
class Contention:
    """Processes that keep every core busy for the whole run, as an install and a JVM
    do on a shared machine (`--contention`)."""

    processes: int = field(default_factory=lambda: os.cpu_count() or 2)
    started: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def __enter__(self) -> Contention:
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
        for _ in range(self.processes):
            argv = [sys.executable, "-c", BURNER]
            self.started.append(subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL))
        log(f"contention: {self.processes} busy processes (pids {[p.pid for p in self.started]})")
        return self

    def __exit__(self, *exc: object) -> None:
        for process in self.started:
            process.kill()
            process.wait()
        self.started.clear()


@dataclass(frozen=True)
class RunOptions:
    originals: int = 300
    fuzz: int = 1000
    rate: float = 25.0
    kills: int = KILLS
    seed: int = 1
    contention: bool = False


async def run_all(options: RunOptions, names: Sequence[str]) -> dict[str, object]:
    articles = chaos_corpus(options.originals)
    expected = expected_alert_ids(articles)
    chosen = scenarios(options.kills, options.seed, len(articles))
    outcomes: list[Outcome] = []
    with contextlib.ExitStack() as busy:
        if options.contention:
            busy.enter_context(Contention())
        async with chaos_stack() as (stack, redis):
            for name in names:
                make, kwargs, workers, own_rate = chosen[name]
                fault = make(**kwargs)
                rate = own_rate or options.rate
                outcomes.append(
                    await run_scenario(name, stack, redis, articles, expected, fault, workers, rate)
                )
            fuzzed = await fuzz(stack, redis, options.fuzz) if options.fuzz else {}
    return summary(outcomes, fuzzed, options)


def brief(o: Outcome) -> dict[str, object]:
    return {
        "lost": o.lost,
        "repeated": o.repeated,
        "unexpected": o.unexpected,
        "kills": o.kills,
        "longest_recovery_seconds": o.longest_recovery,
        "seconds": o.seconds,
        "code_changed": o.code_changed,
    }


def summary(outcomes: Sequence[Outcome], fuzzed: dict[str, int], options: RunOptions) -> dict[str, object]:
    recovered = [r for o in outcomes for r in o.recoveries]
    return {
        "contention": options.contention,
        "scenarios": len(outcomes),
        "alerts_expected": sum(o.expected for o in outcomes),
        "alerts_lost": sum(o.lost for o in outcomes),
        "alerts_repeated": sum(o.repeated for o in outcomes),
        "alerts_unexpected": sum(o.unexpected for o in outcomes),
        "kills_of_only_worker": sum(o.kills for o in outcomes if o.scenario == "kill_worker"),
        "longest_recovery_seconds": max(recovered) if recovered else None,
        "bad_inputs": fuzzed.get("bad_inputs", 0),
        "bad_inputs_dead_lettered": fuzzed.get("bad_inputs_dead_lettered", 0),
        "worker_crashes": sum(o.worker_crashes for o in outcomes) + fuzzed.get("fuzz_worker_crashes", 0),
        "per_scenario": {o.scenario: brief(o) for o in outcomes},
        "details": [{**o.__dict__} for o in outcomes] + ([fuzzed] if fuzzed else []),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--originals", type=int, default=300, help="SemEval originals added to the seeds")
    parser.add_argument("--fuzz", type=int, default=1000, help="bad messages in the fuzz run (0 = none)")
    parser.add_argument("--rate", type=float, default=25.0, help="replay rate, articles/s")
    parser.add_argument("--scenario", action="append", choices=sorted(SCENARIOS), help="run only these")
    parser.add_argument("--kills", type=int, default=KILLS, help="kills of the only worker in kill_worker")
    parser.add_argument("--seed", type=int, default=1, help="where the kills fall")
    parser.add_argument("--contention", action="store_true", help="keep every core busy with other processes")
    args = parser.parse_args()
    names = args.scenario or list(SCENARIOS)
    options = RunOptions(args.originals, args.fuzz, args.rate, args.kills, args.seed, args.contention)
    result = asyncio.run(run_all(options, names))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
