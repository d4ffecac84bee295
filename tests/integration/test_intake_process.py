"""The intake child: a dead one is replaced and the article still prepared."""

import asyncio
import json
import os
import signal

import numpy as np
import pytest

from schemas import Article
from services.analysis.config import AnalysisConfig
from services.analysis.embedding import UniversalSentenceEncoder
from services.analysis.prepare import prepare
from services.processor import codec
from services.processor.intake_process import IntakeProcess, _draft

pytestmark = pytest.mark.integration

ARTICLE = json.dumps(
    {
        "article_id": "a",
        "source": "Test Wire",
        "body": "Floods forced thousands from their homes in the valley on Sunday, officials said.",
        "language": "en",
    }
).encode()


async def test_a_dead_intake_process_is_replaced() -> None:
    intake = IntakeProcess(AnalysisConfig(), max_body_bytes=1_000_000)
    try:
        language, _ = await intake.prepare(ARTICLE, None, None)
        assert language == "en"
        (child,) = intake._pool._processes  # type: ignore[attr-defined]
        os.kill(child, signal.SIGKILL)
        language, message = await intake.prepare(ARTICLE, None, None)
        assert language == "en" and codec.loads(message)["prepared"]["article"]["article_id"] == "a"
        assert child not in intake._pool._processes  # type: ignore[attr-defined]
    finally:
        intake._pool.shutdown(wait=True, cancel_futures=True)


async def test_every_child_is_started_and_a_death_fails_no_article(caplog: pytest.LogCaptureFixture) -> None:
    intake = IntakeProcess(AnalysisConfig(), max_body_bytes=1_000_000, processes=2)
    try:
        children = list(intake._pool._processes)  # type: ignore[attr-defined]
        assert len(children) == 2 and intake.in_flight == 4
        os.kill(children[0], signal.SIGKILL)
        pool = intake._pool
        while not pool._broken:  # type: ignore[attr-defined]  # the pool has seen the death
            await asyncio.sleep(0.01)
        results = await asyncio.gather(*(intake.prepare(ARTICLE, None, None) for _ in range(4)))
        assert [language for language, _ in results] == ["en"] * 4
        assert intake._pool is not pool
        assert sum("intake process died" in r.message for r in caplog.records) == 1  # once for all four
        assert not set(children) & set(intake._pool._processes)  # type: ignore[attr-defined]
    finally:
        intake._pool.shutdown(wait=True, cancel_futures=True)


async def test_a_repost_is_drafted_but_not_embedded() -> None:
    places: list[str] = []
    intake = IntakeProcess(AnalysisConfig(), max_body_bytes=1_000_000, on_embedding=places.append)
    repost = ARTICLE.replace(b'"article_id": "a"', b'"article_id": "b"')
    try:
        _, original = await intake.prepare(ARTICLE, "run:0", None)
        _, copy = await intake.prepare(repost, "run:1", None)
        _, early = await intake.prepare(repost, "run:0", None)  # not after its original: embedded
    finally:
        intake._pool.shutdown(wait=True, cancel_futures=True)
    assert places == ["intake", "skipped", "intake"]
    assert [codec.loads(m)["embedded"] for m in (original, copy, early)] == [True, False, True]
    assert codec.loads(copy)["prepared"]["article"]["article_id"] == "b"


async def test_a_long_article_embedded_in_parts_gets_the_vectors_of_one_piece() -> None:
    body = "\n".join(
        f"Rescuers reached {n} more families in the flooded district {n} on Sunday, officials said."
        for n in range(60)
    )
    article = {"article_id": "long", "source": "Test Wire", "body": body, "language": "en"}
    intake = IntakeProcess(AnalysisConfig(), max_body_bytes=1_000_000, processes=2)
    try:
        _, parts = await intake._call(_draft, json.dumps(article).encode(), 2)
        _, message = await intake.prepare(json.dumps(article).encode(), "run:0", None)
    finally:
        intake._pool.shutdown(wait=True, cancel_futures=True)
    assert len(parts) == 2  # it was cut
    embedder = UniversalSentenceEncoder(threads=1)
    reference = prepare(Article.model_validate(article), embedder, AnalysisConfig())
    prepared = codec.prepared_from_dict(codec.loads(message)["prepared"])
    assert np.array_equal(prepared.vectors, reference.vectors)
    assert prepared.title == reference.title and np.array_equal(prepared.centroid, reference.centroid)
