"""The fault scenarios of `make chaos`, shortened (smaller corpus, fewer bad messages).

Each replays seeds/ plus SemEval texts with copies through the real stream and compares
the Redis stream with the alert ids of a clean batch run of the same corpus: nothing
lost, nothing written twice, no worker crash.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bench.chaos import (
    SCENARIOS,
    PersistentRedis,
    chaos_corpus,
    chaos_stack,
    expected_alert_ids,
    fuzz,
    run_scenario,
)
from schemas import Article
from services.embedded import Stack

pytestmark = pytest.mark.integration
ORIGINALS = 40  # plus the 5 seeds and their copies: ~60 articles, ~150 alerts
DRAIN_TIMEOUT = 150.0  # a healthy scenario drains in ~20 s; a stuck one fails in bounded time


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Article], list[str]]:
    articles = chaos_corpus(ORIGINALS)
    return articles, expected_alert_ids(articles)


@pytest.fixture(scope="module")
async def rig_stack() -> AsyncIterator[tuple[Stack, PersistentRedis]]:
    async with chaos_stack() as running:
        yield running


@pytest.mark.parametrize("name", sorted(SCENARIOS))
async def test_no_alert_lost_or_repeated(
    name: str,
    corpus: tuple[list[Article], list[str]],
    rig_stack: tuple[Stack, PersistentRedis],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("bench.chaos.DRAIN_TIMEOUT", DRAIN_TIMEOUT)
    articles, expected = corpus
    stack, redis = rig_stack
    make, kwargs, workers, rate = SCENARIOS[name]
    outcome = await run_scenario(
        name, stack, redis, articles, expected, make(**kwargs), workers, rate=rate or 25.0
    )
    assert expected, "the corpus must raise alerts"
    faults = (outcome.lost, outcome.repeated, outcome.unexpected, outcome.worker_crashes)
    assert faults == (0, 0, 0, 0), outcome
    if name == "redis_outage":
        retries = next(n for n in outcome.notes if n.startswith("redis_delivery_retries="))
        assert float(retries.split("=")[1]) > 0, "the outage must show in the retry metric"


async def test_bad_input_is_dead_lettered_and_valid_input_processed(
    rig_stack: tuple[Stack, PersistentRedis],
) -> None:
    stack, redis = rig_stack
    result = await fuzz(stack, redis, count=1000)
    assert result["bad_inputs_dead_lettered"] == result["bad_inputs"] == 1000
    assert result["valid_decided"] == 1
    assert result["fuzz_worker_crashes"] == 0
    assert result["worker_rss_mb"] < 1500
