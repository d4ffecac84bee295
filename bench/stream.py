"""`make bench`: the real stream on one worker, against the embedded broker and Redis.

1. throughput: a few thousand SemEval articles (with reposts and translations mixed in)
   published as fast as possible; sustained articles/s = articles / (last decision −
   first publish), from the worker's own decision log;
2. duplicates: the same feed published again (every article is now a copy);
3. latency: a fresh feed paced at 25 articles/s; publish → alert visible on Redis
   pub/sub, per alert;
4. batch: `newsmon analyze`'s core (Analyzer in this process) on the same feed.
`cpu_ms_per_article` splits the throughput run's CPU time between the worker's event
loop process, its intake children, the broker and this process (publisher and alert
reader), to show where the two cores go.
The LAST stdout line is one JSON object; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import redis.asyncio as aioredis
from aiokafka import AIOKafkaProducer

from bench.corpus import feed, load_corpus
from schemas import SEQ_HEADER, Article
from services.config import Settings
from services.core import build_analyzer
from services.embedded import embedded_stack
from services.kafka_options import kafka_client_options
from services.processor.launch import AlertLog, spawn_worker


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def publish(
    settings: Settings,
    articles: Sequence[Article],
    run: str,
    rate: float | None,
    holds: Sequence[tuple[int, asyncio.Event]] = (),
) -> dict[str, float]:
    """Publish with sequence headers, paced at `rate` articles/s (None = as fast as
    possible); returns article_id → publish wall time.  Shared with bench/chaos.py.
    Each hold `(n, event)` publishes up to article n, then waits for `event` before the
    rest (one run: the sequence numbers go on), paced from there."""
    waits = dict(holds)
    producer = AIOKafkaProducer(
        **kafka_client_options(settings),
        max_batch_size=settings.kafka_producer_max_batch_size,
        linger_ms=2,
        request_timeout_ms=60_000,  # survives a paused broker (the chaos scenarios)
    )
    await producer.start()
    sent: dict[str, float] = {}
    start = time.monotonic()
    try:
        for n, article in enumerate(articles):
            if n in waits:
                await producer.flush()
                await waits[n].wait()
                start = time.monotonic() - (n / rate if rate else 0.0)
            if rate:
                await asyncio.sleep(max(0.0, start + n / rate - time.monotonic()))
            sent[article.article_id] = time.time()
            await producer.send(
                settings.articles_topic,
                article.model_dump_json().encode(),
                key=article.article_id.encode(),
                headers=[(SEQ_HEADER, f"{run}:{n}".encode())],
            )
        await producer.flush()
    finally:
        await producer.stop()
    return sent


def renamed(articles: list[Article], prefix: str) -> list[Article]:
    return [a.model_copy(update={"article_id": f"{prefix}{a.article_id}"}) for a in articles]


async def throughput(settings: Settings, articles: list[Article], run: str) -> float:
    async with AlertLog(settings) as alert_log:
        started = time.time()
        await publish(settings, articles, run, rate=None)
        done = await alert_log.wait_for([a.article_id for a in articles], timeout=3600)
        if not done:
            raise RuntimeError("the worker did not finish the feed")
        return len(articles) / (time.time() - started)


async def latency(settings: Settings, redis_url: str, articles: list[Article], rate: float) -> list[float]:
    client = aioredis.from_url(redis_url)
    pubsub = client.pubsub()
    await pubsub.subscribe(settings.redis_channel)
    seen: list[tuple[str, float]] = []

    async def listen() -> None:
        async for message in pubsub.listen():
            if message["type"] == "message":
                seen.append((json.loads(message["data"])["article_id"], time.time()))

    listener = asyncio.create_task(listen())
    async with AlertLog(settings) as alert_log:
        sent = await publish(settings, articles, "latency", rate=rate)
        await alert_log.wait_for([a.article_id for a in articles], timeout=3600)
    await asyncio.sleep(0.5)
    listener.cancel()
    await pubsub.aclose()
    await client.aclose()
    slowest: dict[str, tuple[float, int]] = {}
    for aid, at in seen:
        if aid in sent:
            worst, count = slowest.get(aid, (0.0, 0))
            slowest[aid] = (max(worst, (at - sent[aid]) * 1000), count + 1)
    chars = {a.article_id: len(a.body) for a in articles}
    top = sorted(slowest.items(), key=lambda item: -item[1][0])[:8]
    first = min(sent.values())
    shown = ", ".join(
        f"{ms:.0f} ms ({n} alerts, {chars[aid]} chars, sent +{sent[aid] - first:.2f} s)"
        for aid, (ms, n) in top
    )
    log(f"  slowest articles, to their last alert: {shown}")
    return [(at - sent[aid]) * 1000 for aid, at in seen if aid in sent]


async def drop_stream(redis_url: str, stream: str) -> None:
    client = aioredis.from_url(redis_url)
    try:
        await client.delete(stream)
    finally:
        await client.aclose()


def worker_rss_mb(pid: int) -> float:
    """Peak RSS of the worker plus its intake children (each loads its own model)."""
    return _peak_rss_mb(pid) + sum(_peak_rss_mb(child) for child in _children(pid))


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def cpu_snapshot(worker: int, broker: int | None) -> dict[str, float]:
    """CPU seconds by role; the intake children are summed (they are started up front)."""
    return {
        "worker": cpu_seconds(worker),
        "intake": sum(cpu_seconds(child) for child in _children(worker)),
        "broker": cpu_seconds(broker) if broker else 0.0,
        "bench": time.process_time(),
    }


def _peak_rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def batch_rate(articles: list[Article]) -> float:
    analyzer = build_analyzer(Settings())
    started = time.perf_counter()
    for article in articles:
        analyzer.process(article, datetime.now(UTC))
    return len(articles) / (time.perf_counter() - started)


async def run(originals: int, paced: int, rate: float, worker_log: Path | None = None) -> dict[str, object]:
    corpus = load_corpus()
    articles = feed(corpus, originals, copy_share=0.3)
    # A stream of its own per run: alert ids are deterministic, and delivery writes an id
    # at most once, so a second run into the same stream would deliver (and time) nothing.
    tag = f"newsmon:bench:{os.getpid()}-{int(time.time())}"
    base = Settings(redis_stream=f"{tag}:alerts", redis_channel=f"{tag}:alerts")
    async with embedded_stack(base, on_step=log) as stack:
        settings = stack.settings
        worker = spawn_worker(settings, stack.workdir / "worker.log")
        try:
            log("warming up the worker (model load, group join)…")
            await throughput(settings, renamed(articles[:5], "warm-"), "warm")
            log(f"throughput: {len(articles)} articles as fast as possible…")
            broker = stack.broker.process.pid if stack.broker else None
            cpu_before = cpu_snapshot(worker.pid, broker)
            stream_rate = await throughput(settings, articles, "main")
            cpu_after = cpu_snapshot(worker.pid, broker)
            cpu_ms = {k: round((cpu_after[k] - cpu_before[k]) * 1000 / len(articles), 2) for k in cpu_after}
            log(f"  {stream_rate:.1f} articles/s; CPU ms per article: {cpu_ms}")
            log("duplicates: the same feed again…")
            dup_rate = await throughput(settings, renamed(articles, "again-"), "again")
            log(f"  {dup_rate:.1f} articles/s")
            fresh = renamed(feed(corpus, originals + paced, 0.3)[-paced:], "paced-")
            log(f"latency: {len(fresh)} articles at {rate}/s…")
            latencies = await latency(settings, stack.redis_url, fresh, rate)
            rss = worker_rss_mb(worker.pid)
        finally:
            worker.stop()
            await drop_stream(stack.redis_url, base.redis_stream)
            if worker_log is not None:
                shutil.copyfile(stack.workdir / "worker.log", worker_log)
    log("batch: the same feed through the core in this process…")
    batch = batch_rate(articles)
    return {
        "articles": len(articles),
        "articles_per_s": round(stream_rate, 2),
        "batch_articles_per_s": round(batch, 2),
        "stream_to_batch": round(stream_rate / batch, 3),
        "dup_articles_per_s": round(dup_rate, 2),
        "latency_p50_ms": round(statistics.median(latencies), 1),
        "latency_p99_ms": round(percentile(latencies, 0.99), 1),
        "latency_alerts": len(latencies),
        "rss_mb": round(rss, 1),
        "cpu_ms_per_article": cpu_ms,
        "machine": f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores",
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--originals", type=int, default=2000, help="unique articles in the feed")
    parser.add_argument("--paced", type=int, default=500, help="articles in the latency run")
    parser.add_argument("--rate", type=float, default=25.0, help="articles/s in the latency run")
    parser.add_argument("--worker-log", type=Path, help="keep a copy of the worker's log here")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.originals, args.paced, args.rate, args.worker_log))))


if __name__ == "__main__":
    main()
