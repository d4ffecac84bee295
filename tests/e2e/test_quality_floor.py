"""The short form of `make bench-quality`: the team's own corpus, both splits, held to
the scores recorded in bench/quality/floor.json (deterministic: no timings).

A change to the analysis that lowers a score on figures, copies, stories, figure changes,
claims or boilerplate fails here; raise the floor with `python -m bench.quality
--write-floor` when a change raises one, after checking the holdout did not drop.
"""

from __future__ import annotations

import json

import pytest

from bench.quality import corpus
from bench.quality.__main__ import FLOOR, analyzer_factory, below_floor, evaluate


@pytest.fixture(scope="module")
def make():  # type: ignore[no-untyped-def]
    return analyzer_factory()


@pytest.mark.parametrize("split", corpus.SPLITS)
def test_scores_hold_the_recorded_floor(split: str, make) -> None:  # type: ignore[no-untyped-def]
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    assert floor.get(split), f"no floor recorded for {split}"
    summary = evaluate(split, make)
    assert below_floor(split, summary, floor) == []


def test_the_floor_is_not_trivial() -> None:
    """A floor of zeros would hold anything."""
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    for split in corpus.SPLITS:
        assert floor[split]["figures.precision"] > 0.9 and floor[split]["figures.recall"] > 0.8
        assert floor[split]["claims.boilerplate_max"] <= 10
