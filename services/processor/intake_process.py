"""The intake's CPU work (parse, normalize, embed, fingerprint) in child processes.

Measured on the 2-core bench machine: embedding in threads next to the event loop
*lowered* throughput (1 thread 30.4 articles/s, 2 threads 25.9: they fight the event
loop for the GIL), while child processes leave the loop its own core; with BLAS held
to one thread each, two children beat one (47-51 -> 56-58 articles/s, BENCHMARKS.md).
Children are started with `spawn` (forking a process that runs Kafka threads is
unsafe) and load the model once; articles are handed to whichever child is free (the
global step restores their order).  Each article takes two calls: a draft, then —
unless `CopyHints` takes the draft for a copy of a recent article — its embedding, so
a repost costs a draft (~3 ms) instead of a full preparation (~15 ms).  A long
article's embedding is cut into parts that the children embed side by side (at the
model's own batch boundaries: the same vectors), so it holds up the articles queued
behind it (the global step keeps publish order) for half as long.
If a child dies (out of memory, a native crash on some input), new ones are started
and the calls in flight retried one at a time; an article whose retry kills a child
again is dead-lettered as `internal_error`, so one poison input never stalls the stream.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, TypeVar

import numpy as np

from services.analysis.config import AnalysisConfig
from services.analysis.embedding import Vectors
from services.analysis.prepare import Draft, PreparedArticle, embed, embedding_texts, with_vectors
from services.processor import messages
from services.processor.copy_hints import CopyHints
from services.processor.stages import BadInput, Intake, prepared_message

log = logging.getLogger("newsmon.worker")

_intake: Intake | None = None  # the child's own, set by its initializer
T = TypeVar("T")


PARENT_CHECK_SECONDS = 1.0


def _start_child(config: AnalysisConfig, max_body_bytes: int, parent: int) -> None:
    from services.core import load_embedder, one_blas_thread

    global _intake
    # Ctrl-C in a terminal reaches the whole process group; the worker stops its children
    # itself, so a child that took the SIGINT would only print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent(parent)  # the worker's pid, passed in: it may be dead already
    one_blas_thread()
    _intake = Intake(load_embedder(), config, max_body_bytes)


def _exit_with_parent(parent: int) -> None:
    """A worker killed with -9 cannot stop its child, and an orphan would keep ~235 MB
    (measured: 28 of them after the chaos runs).  The child leaves once it is re-parented."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _draft(raw: bytes | None, processes: int) -> tuple[Draft, list[slice]]:
    """In the child: the article's draft, and where its texts may be cut to embed them in
    several processes at once; BadInput for the dead letters."""
    assert _intake is not None, "the intake child was not initialised"
    with _bugs_dead_lettered():
        drafted = _intake.draft(raw)
        return drafted, _intake.parts(drafted, processes)


def _embed_texts(texts: list[str]) -> Vectors:
    assert _intake is not None, "the intake child was not initialised"
    with _bugs_dead_lettered():
        return _intake.embedder.embed(texts)


def _embed_message(drafted: Draft, seq: str | None, published: float | None) -> bytes:
    """In the child: the encoded prepared message (encoding is CPU the loop need not spend)."""
    assert _intake is not None, "the intake child was not initialised"
    with _bugs_dead_lettered():
        return messages.dumps(prepared_message(_intake.embed(drafted), seq, time.time(), published))


def _embed(drafted: Draft) -> PreparedArticle:
    assert _intake is not None, "the intake child was not initialised"
    with _bugs_dead_lettered():
        return _intake.embed(drafted)


@contextmanager
def _bugs_dead_lettered() -> Iterator[None]:
    try:
        yield
    except BadInput:
        raise
    except Exception as exc:  # a bug, not bad input: dead-lettered with the error, never lost
        log.exception("analysis failed on an input; dead-lettering it")
        raise BadInput("internal_error", f"{type(exc).__name__}: {exc}"[:500]) from None


def _ready() -> bool:
    return _intake is not None


class IntakeProcess:
    def __init__(
        self,
        config: AnalysisConfig,
        max_body_bytes: int,
        processes: int = 1,
        on_embedding: Callable[[str], None] | None = None,
    ) -> None:
        """`on_embedding(where)` is told of each article embedded ("intake"), skipped as a
        copy ("skipped") or embedded for the global step ("late"): the metrics hook."""
        self._args = (config, max_body_bytes, os.getpid())
        self._on_embedding = on_embedding
        self._processes = processes
        self._pool = self._new_pool()
        self._alone = asyncio.Lock()  # held while a suspect article is retried by itself
        self._replacing = asyncio.Lock()
        self.hints = CopyHints(config)

    @property
    def in_flight(self) -> int:
        """Articles to hand over at once so that no child waits while the loop works."""
        return 2 * self._processes

    def _new_pool(self) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(
            max_workers=self._processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_child,
            initargs=self._args,
        )
        # One call per child starts them all (spawned on demand); the first loaded model
        # answers, and a child still loading takes no article until it is ready.
        for ready in [pool.submit(_ready) for _ in range(self._processes)]:
            ready.result()
        return pool

    async def prepare(self, raw: bytes | None, seq: str | None, published: float | None) -> tuple[str, bytes]:
        """(language, encoded prepared message); BadInput for the dead letters."""
        drafted, parts = await self._call(_draft, raw, self._processes)
        if self.hints.is_copy(drafted, seq):
            message = messages.dumps(prepared_message(embed(drafted, None), seq, time.time(), published))
            self._count("skipped")
        elif len(parts) > 1:  # a long article: its parts embedded side by side
            texts = embedding_texts(drafted)
            vectors = await asyncio.gather(*(self._call(_embed_texts, texts[part]) for part in parts))
            prepared = with_vectors(drafted, np.vstack(vectors))
            message = messages.dumps(prepared_message(prepared, seq, time.time(), published))
            self._count("intake")
        else:
            message = await self._call(_embed_message, drafted, seq, published)
            self._count("intake")
        self.hints.add(drafted, seq)  # the caller sends the message next
        return drafted.language, message

    async def embed_later(self, drafted: Draft) -> PreparedArticle:
        """For the global step: a draft taken for a copy that is none after all."""
        prepared = await self._call(_embed, drafted)
        self._count("late")
        log.info("article %s was no copy after all: embedded for the global step", drafted.article_id)
        return prepared

    def _count(self, where: str) -> None:
        if self._on_embedding is not None:
            self._on_embedding(where)

    async def _call(self, function: Callable[..., T], *args: Any) -> T:
        """A dead child fails every call in flight, not just the one that killed it.
        So each is retried on a new pool *alone* (new calls wait): a child that dies
        again while it runs by itself names the culprit, which is dead-lettered."""
        while self._alone.locked():  # a suspect is being retried: stay out of its way
            async with self._alone:
                pass
        pool = self._pool
        try:
            return await self._run(pool, function, *args)
        except BrokenProcessPool:
            await self._replace(pool)
        async with self._alone:
            pool = self._pool
            try:
                return await self._run(pool, function, *args)
            except BrokenProcessPool:
                await self._replace(pool)
        raise BadInput("internal_error", "the intake process died twice on this input")

    @staticmethod
    async def _run(pool: ProcessPoolExecutor, function: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(pool, function, *args)

    async def _replace(self, broken: ProcessPoolExecutor) -> None:
        """Start a new pool once per death (every article in flight sees the same one)."""
        async with self._replacing:
            if self._pool is not broken:
                return
            log.error("an intake process died; starting new ones")
            broken.shutdown(wait=False, cancel_futures=True)
            self._pool = await asyncio.get_running_loop().run_in_executor(None, self._new_pool)
