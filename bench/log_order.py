"""`python -m bench.log_order`: how far the prepared log's order strays from publish
order, and what deciding in log order would change.

The intake prepares articles in parallel (four partitions, two processes), so they
reach the single-partition prepared log in the order their preparation finished.  The
global step restores publish order (sequencer.py) so that the stream makes the
decisions `newsmon analyze` makes.  This measures the alternative — deciding in log
order — on the chaos corpus replayed through a real worker: how many articles arrive
out of publish order, and how many alert ids a batch run in log order raises that a
batch run in publish order does not (and the reverse).  Last stdout line: JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer

from bench.chaos import chaos_corpus
from bench.stream import publish
from schemas import Article
from services.config import Settings
from services.core import build_analyzer
from services.embedded import embedded_stack
from services.kafka_options import kafka_client_options
from services.processor import messages
from services.processor.launch import AlertLog, spawn_worker


def log(message: str) -> None:
    print(f"[log_order] {message}", file=sys.stderr, flush=True)


async def prepared_order(settings: Settings) -> list[str]:
    """Article ids in the order the prepared log holds them (first occurrences)."""
    topic = f"{settings.app_id}-prepared"
    consumer = AIOKafkaConsumer(
        topic, group_id=None, auto_offset_reset="earliest", max_partition_fetch_bytes=16 * 1024 * 1024,
        **kafka_client_options(settings),
    )  # fmt: skip
    await consumer.start()
    seen: dict[str, None] = {}
    try:
        idle = 0
        while idle < 3:
            batch = await consumer.getmany(timeout_ms=1000)
            idle = 0 if batch else idle + 1
            for records in batch.values():
                for r in records:
                    record = messages.loads_prepared_log(r.value or b"")
                    if isinstance(record, messages.Prepared):
                        seen.setdefault(record.prepared["article"]["article_id"], None)
    finally:
        await consumer.stop()
    return list(seen)


def alert_ids(articles: list[Article]) -> set[str]:
    analyzer = build_analyzer(Settings())
    now = datetime.now(UTC)
    return {r.alert_id for a in articles for r in analyzer.process(a, now) if r.record == "alert"}


async def run(originals: int, rate: float) -> dict[str, object]:
    articles = chaos_corpus(originals)
    async with embedded_stack(Settings(app_id="log-order"), on_step=log) as stack:
        worker = spawn_worker(stack.settings, stack.workdir / "worker.log")
        try:
            async with AlertLog(stack.settings) as alerts:
                await publish(stack.settings, articles, "order", rate)
                await alerts.wait_for([a.article_id for a in articles], timeout=600)
            order = await prepared_order(stack.settings)
        finally:
            worker.stop()
    by_id = {a.article_id: a for a in articles}
    in_log_order = [by_id[i] for i in order if i in by_id]
    publish_rank = {a.article_id: n for n, a in enumerate(articles)}
    out_of_order = sum(
        1 for n, a in enumerate(in_log_order) if any(publish_rank[b.article_id] < publish_rank[a.article_id]
                                                     for b in in_log_order[n + 1 :])
    )  # fmt: skip
    published, logged = alert_ids(articles), alert_ids(in_log_order)
    return {
        "articles": len(articles),
        "rate_per_s": rate,
        "arrived_before_an_earlier_article": out_of_order,
        "alerts_publish_order": len(published),
        "alerts_only_in_log_order": len(logged - published),
        "alerts_only_in_publish_order": len(published - logged),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--originals", type=int, default=300)
    parser.add_argument("--rate", type=float, default=25.0, help="replay rate, articles/s")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.originals, args.rate))))


if __name__ == "__main__":
    main()
