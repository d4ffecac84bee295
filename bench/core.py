"""`make bench-core`: speed and memory of the analysis core on real news text.

Corpus: the unique SemEval-2022 task 8 texts (10+ languages), plus re-posted copies
(exact reposts, and near copies with boilerplate added and a sentence dropped), so
duplicates are as common as on a wire feed.  Reports median ms per new article and per
duplicate, then how the per-article cost grows with the number of articles held in
the window (1k → 100k: the window is filled with re-identified copies of prepared
articles, made unique so they are not duplicates), and peak RSS.  Last line: JSON.

Flatness is measured *paired*: one analyzer per window size, all filled first, then
each probe article goes through every one of them in turn (the order rotating), so a
change of machine speed during the run (CPU steal moves it by a third here) hits all
sizes alike.  Reported: the median ms per new article at each size, and the median
over probe articles of their cost at each size relative to the smallest.
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
from schemas import Article, Decision
from services.analysis.config import AnalysisConfig
from services.analysis.embedding import Embedder
from services.analysis.engine import Analyzer
from services.analysis.prepare import PreparedArticle, prepare
from services.analysis.similarity import load_model
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
        assert isinstance(decision, Decision)
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


def paired_scaling(
    embedder: Embedder,
    config: AnalysisConfig,
    prepared: list[PreparedArticle],
    probes: list[Article],
    sizes: list[int],
    rng: np.random.Generator,
) -> tuple[dict[str, float], dict[str, float]]:
    """Median ms per new article at each window size, and the median per-article ratio
    to the smallest size."""
    model = load_model()
    windows = {}
    for size in sizes:
        windows[size] = Analyzer(embedder, model, config)
        fill_window(windows[size], prepared, size, rng)
        print(f"window {size:>7} filled, rss {rss_mb():.0f} MB", file=sys.stderr)
    times: dict[int, list[float]] = {size: [] for size in sizes}
    for n, item in enumerate(probes):
        for size in sizes[n % len(sizes) :] + sizes[: n % len(sizes)]:
            start = time.perf_counter()
            windows[size].process(item, START)
            times[size].append((time.perf_counter() - start) * 1000)
    base = times[sizes[0]]
    medians = {str(size): round(statistics.median(t), 3) for size, t in times.items()}
    ratios = {}
    for size, t in times.items():
        ratios[str(size)] = round(statistics.median(a / b for a, b in zip(t, base, strict=True)), 3)
    for size in sizes:
        print(
            f"window {size:>7}: median {medians[str(size)]:.2f} ms per new article, "
            f"{ratios[str(size)]:.3f}× the cost at {sizes[0]}",
            file=sys.stderr,
        )
    return medians, ratios


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
    sizes = [int(s) for s in args.scales.split(",")]
    scaling, relative = paired_scaling(embedder, analyzer.config, prepared, probes, sizes, rng)
    print(
        json.dumps(
            {
                "articles": len(stream),
                "duplicates": sum(len(v) for v in copies.values()),
                "new_article_ms_p50": round(statistics.median(new), 3),
                "duplicate_ms_p50": round(statistics.median(dup), 3),
                "copy_ms_p50_by_method": by_method,
                "window_scaling_ms_p50": scaling,
                "window_scaling_relative_p50": relative,
                "rss_mb": round(rss_mb(), 1),
            }
        )
    )


if __name__ == "__main__":
    main()
