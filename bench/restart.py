"""`python -m bench.restart`: how long a new owner of the prepared log takes before it
decides again, with N articles in the window (10k and 100k by default).

A new owner rebuilds the global step as it stood at the committed offset:

* full fold: every prepared record since the topic began is read from the broker and
  folded (decoded, assigned) — grows with uptime;
* snapshot: the newest snapshot (snapshots.py) is loaded and only the records after
  it are folded — grows with the window, not with uptime.

The window is filled with N distinct articles: real prepared SemEval articles (seeds
plus the chaos feed) cloned under new ids with their own, slightly moved vectors, an
hour of event time per 1,000 (all inside the 72 h window).  Folding them is the full
fold's compute; reading them from the embedded broker is timed on min(N, 10k) records
and scaled (the read is linear).  Then a snapshot is written (in a forked child, as the
worker does) and loaded, and `--tail` more records are folded after it.  Finally the
restored step and the uninterrupted one decide `--probe` fresh articles, and the
decisions that differ are counted (usearch does not restore its level generator).
Last stdout line: JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np

from bench.chaos import chaos_corpus
from bench.corpus import START
from services.analysis.prepare import Draft, PreparedArticle, embed, prepare
from services.analysis.similarity import load_model
from services.config import Settings
from services.core import analysis_config, load_embedder
from services.embedded import embedded_stack
from services.embedded.kafka_admin import ensure_topics
from services.processor import messages
from services.processor.log_reader import read_log
from services.processor.messages import Assigned
from services.processor.snapshots import Snapshots
from services.processor.stages import GlobalStep, prepared_message

READ_SAMPLE = 10_000
COMPARE_UP_TO = 20_000  # windows whose restored step is compared with the uninterrupted one


def log(message: str) -> None:
    print(f"[restart] {message}", file=sys.stderr, flush=True)


def originals(count: int) -> list[PreparedArticle]:
    embedder = load_embedder()
    config = analysis_config(Settings())
    return [prepare(a, embedder, config) for a in chaos_corpus(count)]


def clone(base: PreparedArticle, n: int, rng: np.random.Generator) -> PreparedArticle:
    """A distinct article like `base`: its words tagged with `n` (no clone is a near copy
    of another), new id, hash and MinHash, its own slightly moved vectors."""
    tag = f"{n:x}"
    sentences = tuple(
        replace(s, text=" ".join(word + tag for word in s.text.split()), figures=()) for s in base.sentences
    )
    vectors = base.vectors + rng.standard_normal(base.vectors.shape).astype(np.float32) * 0.02
    centroid = base.centroid + rng.standard_normal(base.centroid.shape).astype(np.float32) * 0.05
    at = START.timestamp() + n * 3.6  # 1,000 articles an hour: 100k fit in the 72 h window
    article = base.article.model_copy(
        update={"article_id": f"fill-{n}", "published_at": START.fromtimestamp(at, START.tzinfo)}
    )
    return replace(
        base,
        article=article,
        title=f"{base.title} {tag}",
        sentences=sentences,
        figures=(),
        content_hash=f"fill-{n}",
        minhash=rng.integers(0, 2**32 - 1, len(base.minhash), dtype=np.uint32),
        vectors=vectors.astype(np.float32),
        centroid=(centroid / np.linalg.norm(centroid)).astype(np.float32),
        terms=None,
    )


def records(prepared: list[PreparedArticle], count: int, start: int = 0) -> Iterator[bytes]:
    """Encoded prepared records, made as they are needed (100k of them are ~3 GB)."""
    rng = np.random.default_rng(start)
    for n in range(start, start + count):
        item = clone(prepared[n % len(prepared)], n, rng)
        yield messages.dumps(prepared_message(item, None, START.timestamp() + n * 3.6))


def new_step() -> GlobalStep:
    async def no_late_embedding(drafted: Draft) -> PreparedArticle:
        return embed(drafted, None)

    return GlobalStep(analysis_config(Settings()), load_model(), no_late_embedding)


async def fold(
    step: GlobalStep, log_records: Iterable[bytes], first_offset: int
) -> tuple[list[Assigned], float]:
    """What a new owner does per record (decode, push); the seconds it took, without the
    time spent making the records."""
    out: list[Assigned] = []
    spent = 0.0
    for n, value in enumerate(log_records):
        started = time.perf_counter()
        released = await step.push(messages.loads_prepared_log(value), first_offset + n)
        spent += time.perf_counter() - started
        out += [r for r in released if isinstance(r, Assigned)]
    return out, spent


async def broker_read_rate(sample: list[bytes]) -> float:
    """Prepared records per second read back from the embedded broker."""
    async with embedded_stack(Settings(app_id=f"restart-{os.getpid()}"), on_step=log) as stack:
        settings = stack.settings
        topic = f"{settings.app_id}-prepared"
        await ensure_topics(settings.kafka_bootstrap_servers or "", settings, [topic], 1)
        from aiokafka import AIOKafkaProducer

        from services.kafka_options import kafka_client_options

        producer = AIOKafkaProducer(**kafka_client_options(settings), max_request_size=8 * 1024 * 1024)
        await producer.start()
        try:
            for value in sample:
                await producer.send(topic, value, key=b"global", partition=0)
            await producer.flush()
        finally:
            await producer.stop()
        started, count = time.perf_counter(), 0
        async for _ in read_log(settings, topic, len(sample)):
            count += 1
        return count / (time.perf_counter() - started)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


async def measure(
    size: int, prepared: list[PreparedArticle], read_rate: float, tail: int, probe: int
) -> dict[str, object]:
    log(f"window {size}: folding {size} records…")
    step = new_step()
    _, fold_seconds = await fold(step, records(prepared, size), 0)
    log(f"window {size}: folded in {fold_seconds:.1f} s; {len(step.index)} held; rss {rss_mb():.0f} MB")
    after = list(records(prepared, tail + probe, start=size))
    compared = size <= COMPARE_UP_TO  # two windows of 100k would not fit next to each other
    with tempfile.TemporaryDirectory(prefix="newsmon-restart-") as tmp:
        snapshot = await write_snapshot(step, Path(tmp), size)
        if compared:
            await fold(step, after[:tail], size)
        else:
            del step
        restored, load_seconds = load_snapshot(Path(tmp), size)
    _, tail_seconds = await fold(restored, after[:tail], size)
    differ = await compare(step, restored, after[tail:], size + tail) if compared else None
    result: dict[str, object] = {
        "articles": size,
        "full_fold_compute_s": round(fold_seconds, 1),
        "full_fold_read_s": round(size / read_rate, 1),
        "full_restart_s": round(fold_seconds + size / read_rate, 1),
        **snapshot,
        "snapshot_load_s": round(load_seconds, 1),
        f"tail_{tail}_fold_s": round(tail_seconds, 1),
        "snapshot_restart_s": round(load_seconds + tail_seconds + tail / read_rate, 1),
        "probe_decisions_differing": differ,
        "probe": probe if compared else 0,
        "rss_mb": round(rss_mb()),
    }
    log(f"window {size}: {result}")
    return result


async def write_snapshot(step: GlobalStep, directory: Path, offset: int) -> dict[str, float]:
    snapshots = Snapshots(directory, "bench", 1, step.shared)
    started = time.perf_counter()
    snapshots.save(step.state(), offset, b"")
    forked = time.perf_counter() - started
    snapshots.stop()
    written = time.perf_counter() - started
    size_mb = sum(p.stat().st_size for p in directory.glob("*.pickle")) / 1e6
    return {"snapshot_fork_ms": round(forked * 1000, 1), "snapshot_write_s": round(written, 1),
            "snapshot_mb": round(size_mb, 1)}  # fmt: skip


def load_snapshot(directory: Path, offset: int) -> tuple[GlobalStep, float]:
    restored = new_step()
    started = time.perf_counter()
    loaded = Snapshots(directory, "bench", 1, restored.shared).load(offset)
    assert loaded is not None, "the snapshot just written could not be loaded"
    restored.restore(loaded[1], offset)
    return restored, time.perf_counter() - started


async def compare(first: GlobalStep, second: GlobalStep, probe: list[bytes], offset: int) -> int:
    (a, _), (b, _) = await fold(first, probe, offset), await fold(second, probe, offset)
    return sum(x.assignment != y.assignment for x, y in zip(a, b, strict=True))


async def run(sizes: list[int], originals_count: int, tail: int, probe: int) -> dict:
    prepared = originals(originals_count)
    log(f"{len(prepared)} real prepared articles to clone")
    read_rate = await broker_read_rate(list(records(prepared, min(READ_SAMPLE, max(sizes)))))
    log(f"broker read: {read_rate:.0f} prepared records/s")
    results = [await measure(size, prepared, read_rate, tail, probe) for size in sizes]
    return {"broker_read_records_per_s": round(read_rate), "windows": results}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000", help="articles in the window")
    parser.add_argument("--originals", type=int, default=300, help="SemEval originals to clone from")
    parser.add_argument("--tail", type=int, default=2000, help="records folded after the snapshot")
    parser.add_argument("--probe", type=int, default=300, help="fresh articles decided by both steps")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(json.dumps(asyncio.run(run(sizes, args.originals, args.tail, args.probe))))


if __name__ == "__main__":
    main()
