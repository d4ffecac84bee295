"""The analysis core as the shell builds it from settings: the shipped models, loaded
once, and the limits users set.  `newsmon analyze` and the worker both start here, so
they cannot drift apart."""

from __future__ import annotations

from threadpoolctl import threadpool_limits

from services.analysis.config import AnalysisConfig
from services.analysis.embedding import UniversalSentenceEncoder
from services.analysis.engine import Analyzer
from services.analysis.similarity import load_model
from services.config import Settings


def analysis_config(settings: Settings) -> AnalysisConfig:
    return AnalysisConfig(
        window_hours=settings.window_hours,
        max_sentences=settings.max_sentences,
        max_stories=settings.max_stories,
    )


def load_embedder() -> UniversalSentenceEncoder:
    """The multilingual sentence encoder, warmed up: the first article should not pay for
    loading the weights."""
    embedder = UniversalSentenceEncoder()
    embedder.embed(["Warm-up: load the model before the first article, not during it."])
    return embedder


def one_blas_thread() -> None:
    """For this process: numpy's BLAS (OpenBLAS) starts one thread per core by default,
    and its idle threads spin.  The worker's event loop and its intake children need the
    cores, so each runs BLAS on its own thread (one child: 35-41 -> 47-51 articles/s,
    BENCHMARKS.md).  `newsmon analyze` keeps the default: alone on the machine, two
    threads embed faster (network 8.4 instead of 13.4 ms per article)."""
    threadpool_limits(limits=1, user_api="blas")


def build_analyzer(settings: Settings) -> Analyzer:
    # ignore: analysis's StorySimilarity protocol declares same_story_threshold settable, the
    # model has it read-only (listed for the analysis owners)
    model = load_model()
    return Analyzer(load_embedder(), model, analysis_config(settings), settings.clock_tolerance_hours)
