"""Replaying a test stream again: a new run renames every id, and a replay of ids the
topic already has says what that means (the Kafka side is in tests/integration)."""

from __future__ import annotations

import pytest

from schemas import Article
from services.replayer.publisher import ReplayPlan, ReplayResult, new_run_name, planned

ARTICLES = [Article(article_id=f"a{n}", source="Wire", body=f"Body {n}.") for n in range(3)]


def ids(run: str | None = None, loop: bool = False, count: int | None = None) -> list[str]:
    return [article.article_id for _, article in planned(ARTICLES, loop, count, run)]


def test_a_new_run_renames_every_id_and_keeps_the_rest() -> None:
    assert ids() == ["a0", "a1", "a2"]
    assert ids(run="second") == ["a0#second", "a1#second", "a2#second"]
    renamed = [article for _, article in planned(ARTICLES, False, None, "second")]
    assert [a.model_dump(exclude={"article_id"}) for a in renamed] == [
        a.model_dump(exclude={"article_id"}) for a in ARTICLES
    ]


def test_a_run_and_loops_combine() -> None:
    assert ids(run="r", loop=True, count=5) == ["a0#r", "a1#r", "a2#r", "a0#r#loop1", "a1#r#loop1"]


def test_fresh_run_names_differ_and_are_valid() -> None:
    names = {new_run_name() for _ in range(20)}
    assert len(names) == 20
    assert all(ReplayPlan(run=name).problem() is None for name in names)


@pytest.mark.parametrize("name", ["", "two words", "a/b", "x" * 41, "#hash"])
def test_run_names_that_would_break_ids_are_refused(name: str) -> None:
    assert ReplayPlan(run=name).problem() is not None


def test_the_summary_says_when_every_id_was_there_already() -> None:
    result = ReplayResult(run_id="r", published=5, checked=5, seen_before=5)
    note = result.note("news.articles")
    assert note is not None
    assert note.startswith("all 5 articles were on news.articles already (same ids)")
    assert "--as-new publishes them as a new run" in note


def test_some_seen_or_none_or_unchecked() -> None:
    some = ReplayResult(run_id="r", published=5, checked=5, seen_before=2).note("t")
    assert some is not None and some.startswith("2 of 5 articles were on t already")
    assert ReplayResult(run_id="r", published=5, checked=5, seen_before=0).note("t") is None
    assert ReplayResult(run_id="r", published=5, checked=5, seen_before=None).note("t") is None
