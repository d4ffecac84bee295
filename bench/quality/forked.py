"""Score independent items on every core of the machine.

The feeds and copy pairs of `make bench-quality` are independent (each runs on a fresh
analyzer) and are most of its time and of the floor test's.  Forked workers inherit the
loaded models instead of loading their own; each runs BLAS and OpenMP on one thread
(with their default of one thread per core, two workers took twice as long as one
process on one core).  Results come back in the items' order and do not depend on
which worker scored an item.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from threadpoolctl import threadpool_limits

from services.analysis.engine import Analyzer

Item = TypeVar("Item")
Result = TypeVar("Result")

# A forked worker's (analyzer factory, scorer), inherited from its parent at the fork and
# never pickled: the factory holds the loaded models.
_inherited: tuple[Callable[[], Analyzer], Callable[[Analyzer, Any], Any]] | None = None


def map_forked(
    make: Callable[[], Analyzer], score: Callable[[Analyzer, Item], Result], items: Sequence[Item]
) -> list[Result]:
    """`[score(make(), item) for item in items]`, spread over the cores."""
    workers = min(len(items), len(os.sched_getaffinity(0)))
    if workers < 2:
        return [score(make(), item) for item in items]
    fork = multiprocessing.get_context("fork")
    chunk = max(1, len(items) // (8 * workers))
    with ProcessPoolExecutor(workers, mp_context=fork, initializer=_inherit, initargs=(make, score)) as pool:
        return list(pool.map(_score, items, chunksize=chunk))


def _inherit(make: Callable[[], Analyzer], score: Callable[[Analyzer, Any], Any]) -> None:
    global _inherited
    threadpool_limits(limits=1)
    _inherited = (make, score)


def _score(item: Any) -> Any:
    assert _inherited is not None, "a worker starts with its factory and scorer"
    make, score = _inherited
    return score(make(), item)
