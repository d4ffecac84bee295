"""`make bench-core`: speed and memory of the analysis core on real news text.

Corpus: the unique SemEval-2022 task 8 texts (10+ languages), plus re-posted copies
(exact reposts, and near copies with boilerplate added and a sentence dropped), so
duplicates are as common as on a wire feed.  Reports median ms per new article and per
duplicate, then how the per-article cost grows with the number of articles held in
the window (1k → 100k: the window is filled with re-identified copies of prepared
articles, made unique so they are not duplicates), and peak RSS.  Last line: JSON.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from dataclasses import replace

import numpy as np

from bench.corpus import START, article, feed, load_corpus
from schemas import Article
from services.analysis.engine import Analyzer
from services.analysis.prepare import PreparedArticle, prepare
from services.config import Settings
from services.core import build_analyzer, load_embedder


def stream_with_copies(count: int, probe: int) -> tuple[list[Article], list[Article]]:
    """The feed for the main run, and fresh originals (never in it) for the scaling probes."""
    corpus = load_corpus()
    return feed(corpus, count, copy_share=0.3), corpus.originals[count : count + probe]


def timed_run(analyzer: Analyzer, stream: list[Article]) -> tuple[list[float], dict[str, list[float]]]:
    """ms per article: new ones, and copies by how they were recognised."""
    new: list[float] = []
    copies: dict[str, list[float]] = {}
    for item in stream:
        start = time.perf_counter()
        decision = analyzer.process(item, START)[0]
        elapsed = (time.perf_counter() - start) * 1000
        if decision.method is None:
            new.append(elapsed)
        else:
            copies.setdefault(decision.method, []).append(elapsed)
    return new, copies


def fill_window(
    analyzer: Analyzer, prepared: list[PreparedArticle], size: int, rng: np.random.Generator
) -> None:
    """Hold `size` articles: unique clones of real prepared articles, placed directly."""
    index = analyzer.index
    n = 0
    while len(index) < size:
        base = prepared[n % len(prepared)]
        noise = rng.standard_normal(base.centroid.shape).astype(np.float32) * 0.05
        centroid = base.centroid + noise
        clone = replace(
            base,
            article=base.article.model_copy(update={"article_id": f"fill-{n}"}),
            content_hash=f"fill-{n}",
            minhash=np.random.default_rng(n).integers(0, 2**32 - 1, len(base.minhash), dtype=np.uint32),
            centroid=(centroid / np.linalg.norm(centroid)).astype(np.float32),
        )
        index.assign(clone, START.timestamp())
        n += 1


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=3000, help="originals in the main run")
    parser.add_argument("--scales", default="1000,10000,100000", help="window sizes for the flatness run")
    parser.add_argument("--probe", type=int, default=300, help="articles timed at each window size")
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    stream, probes = stream_with_copies(args.articles, args.probe)
    originals = [a for a in stream if a.source == "wire"]
    settings = Settings()
    analyzer = build_analyzer(settings)
    analyzer.process(article("warm-up", "A warm-up sentence for the model. " * 5, "en", 0), START)
    new, copies = timed_run(analyzer, stream)
    dup = copies.get("exact", []) + copies.get("near", [])
    by_method = {m: round(statistics.median(v), 3) for m, v in sorted(copies.items())}
    print(
        f"main run: {len(stream)} articles: median {statistics.median(new):.2f} ms per new article "
        f"({len(new)}), copies by method: {by_method}",
        file=sys.stderr,
    )
    embedder = load_embedder()
    prepared = [prepare(a, embedder, analyzer.config) for a in originals[:1000]]
    scaling: dict[str, float] = {}
    for size in (int(s) for s in args.scales.split(",")):
        fresh = build_analyzer(settings)
        fill_window(fresh, prepared, size, rng)
        shifted = [a.model_copy(update={"article_id": f"probe-{size}-{a.article_id}"}) for a in probes]
        probe_new, _ = timed_run(fresh, shifted)
        scaling[str(size)] = round(statistics.median(probe_new), 3)
        print(
            f"window {size:>7}: median {scaling[str(size)]:.2f} ms per new article, rss {rss_mb():.0f} MB",
            file=sys.stderr,
        )
    print(
        json.dumps(
            {
                "articles": len(stream),
                "duplicates": sum(len(v) for v in copies.values()),
                "new_article_ms_p50": round(statistics.median(new), 3),
                "duplicate_ms_p50": round(statistics.median(dup), 3),
                "copy_ms_p50_by_method": by_method,
                "window_scaling_ms_p50": scaling,
                "rss_mb": round(rss_mb(), 1),
            }
        )
    )


if __name__ == "__main__":
    main()
