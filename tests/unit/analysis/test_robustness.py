"""The analysis core takes anything an Article can hold: no exception, bounded time.

Whatever arrives on `news.articles` and passes the Article schema reaches `prepare` and
then the stateful stages; an exception there would stop a worker on a poison message
(the intake only dead-letters *invalid* input).  Hypothesis feeds arbitrary Unicode
(every category but lone surrogates, which the schema rejects), news-like fragments
with figures, odd numbers and boilerplate, and arbitrary language codes, and checks the
structural promises each stage makes.  Deadlines are generous (CI machines are shared);
they catch the catastrophic cases — a regex backtracking on a long line, a loop over
every character pair — not a few milliseconds.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import Article, Decision
from services.analysis.config import AnalysisConfig
from services.analysis.embedding import UniversalSentenceEncoder
from services.analysis.engine import Analyzer
from services.analysis.prepare import PreparedArticle, draft, prepare
from services.analysis.similarity import load_model

DETECTED = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
# Small limits too, so truncation (body, sentence count, story eviction) is exercised.
SMALL = AnalysisConfig(max_body_chars=2_000, max_sentences=10, max_stories=10)

# Text a news feed really carries, where parsers have edges: figures with qualifiers in
# the four figure languages, huge and odd numbers, other digit systems, boilerplate,
# markup debris, RTL and CJK text, emoji, control and invisible characters.
FRAGMENTS = (
    "More than 300 people were killed.", "at least 311 died", "Le bilan est de 1 200 morts.",
    "Más de 5.000 personas fueron evacuadas.", "Mindestens 28 Zivilisten wurden getötet.",
    "about 3.5 percent", "2,000,000,000,000,000,000,000,000", "1e308", "9" * 400, "0.0000001",
    "-17", "½", "1/0", "٣٠٠ قتيل", "१२३", "三百人死亡", "dozens", "hundreds of thousands",
    "twenty-one", "vingt et un", "veintiún", "einundzwanzig", "a million", "1.2.3.4", "10%%",
    "Subscribe to our newsletter", "Share on Facebook", "Translated by Jane Doe",
    "<p>", "</div>", "&nbsp;", "http://example.com/a?b=1", "@user", "#tag", "…", "—", "«»",
    "\u200b", "\u200e", "\ufeff", "\u00ad", "\x00", "\x1b[31m", "\t", "\r\n", "\n\n\n", "\u2028",
    "🙂", "🇫🇷", "👩‍👩‍👧", "Ⅻ", "ﬁ", "İ", "ß", "Ǆ", "e\u0301", "\U0001d7d8",
)  # fmt: skip
LANGUAGES = (None, "en", "fr", "es", "de", "ar", "ru", "zh", "ja", "hi", "pl", "tr", "it", "pt", "ko")

# Every Unicode category except lone surrogates (Cs): pydantic refuses those in a str field.
any_char = st.characters(exclude_categories=("Cs",))
any_text = st.text(any_char, max_size=300)
piece = st.one_of(any_text, st.sampled_from(FRAGMENTS), st.integers().map(str), st.floats().map(str))
news_text = st.lists(piece, max_size=25).flatmap(
    lambda parts: st.sampled_from([" ", "\n", ". ", ""]).map(lambda sep: sep.join(parts))
)
body_text = st.one_of(any_text, news_text).filter(lambda s: s.strip())
language = st.one_of(st.sampled_from(LANGUAGES), st.from_regex(r"[a-z]{2}", fullmatch=True))
title_text = st.one_of(st.none(), any_text, news_text.map(lambda s: s[:4096]))


@st.composite
def articles(draw: st.DrawFn, article_id: str | None = None) -> Article:
    published = draw(st.one_of(st.none(), st.integers(-10_000, 10_000).map(lambda h: timedelta(hours=h))))
    return Article(
        article_id=article_id or draw(st.from_regex(r"[a-z0-9_-]{1,20}", fullmatch=True)),
        source=draw(st.sampled_from(["Wire", "EFE", "Le Monde", "صحيفة", "新华社"])),
        title=draw(title_text),
        body=draw(body_text),
        language=draw(language),
        published_at=None if published is None else DETECTED + published,
    )


@pytest.fixture(scope="module")
def embedder() -> UniversalSentenceEncoder:
    return UniversalSentenceEncoder(threads=1)


@pytest.fixture(scope="module")
def analyzer(embedder: UniversalSentenceEncoder) -> Analyzer:
    """One analyzer for the module: state accumulates across examples, as in a stream."""
    return Analyzer(embedder, load_model(), SMALL)


def _check_prepared(prepared: PreparedArticle, config: AnalysisConfig, dim: int) -> None:
    n = len(prepared.sentences)
    assert n <= config.max_sentences
    assert prepared.vectors.shape == (n, dim)
    assert np.isfinite(prepared.vectors).all()
    assert np.isfinite(prepared.centroid).all()
    if prepared.article.language:
        assert prepared.language == prepared.article.language
    assert isinstance(prepared.language, str) and prepared.language
    assert isinstance(prepared.title, str)
    assert prepared.title.strip() or not prepared.article.title
    for figure in prepared.figures:
        assert np.isfinite(figure.value), figure


@settings(max_examples=400, deadline=2_000, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles())
def test_draft_takes_any_article(article: Article) -> None:
    """The text half of prepare (cleaning, sentences, language, figures, fingerprints)."""
    for config in (AnalysisConfig(), SMALL):
        result = draft(article, config)
        assert len(result.sentences) <= config.max_sentences
        assert all(np.isfinite(f.value) for f in result.figures)
        assert isinstance(result.content_hash, str) and result.content_hash


@settings(
    max_examples=30,
    deadline=5_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(article=articles(), config=st.sampled_from([AnalysisConfig(), SMALL]))
def test_prepare_takes_any_article(
    article: Article, config: AnalysisConfig, embedder: UniversalSentenceEncoder
) -> None:
    _check_prepared(prepare(article, embedder, config), config, embedder.dim)


@settings(
    max_examples=40,
    deadline=5_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_analyzer_takes_any_article(data: st.DataObject, analyzer: Analyzer) -> None:
    """A whole `process` (prepare → assign → compare → alerts): a decision first, valid alerts."""
    # A fresh id per example (a repeated id is a re-delivery, answered from memory).
    article = data.draw(articles(article_id=f"a{time.monotonic_ns()}"))
    records = analyzer.process(article, DETECTED)
    decision, *alerts = records
    assert isinstance(decision, Decision) and decision.article_id == article.article_id
    assert all(a.record == "alert" and a.article_id == article.article_id for a in alerts)
    for record in records:
        record.model_dump_json()  # what the stream writes: must serialise
    assert len(analyzer.memories) <= SMALL.max_stories + 1


# 100,000 characters each: well past anything real, small enough to stay quick when linear.
@pytest.mark.parametrize(
    "body",
    [
        pytest.param("a" * 100_000, id="one-long-word"),
        pytest.param("1" * 100_000, id="one-long-number"),
        pytest.param("1 " * 50_000, id="many-numbers"),
        pytest.param("1,0" * 33_000, id="digit-comma-run"),
        pytest.param("more than " * 10_000 + "300 killed", id="qualifier-run"),
        pytest.param("." * 100_000, id="dots"),
        pytest.param("Mr. A. B. C. " * 7_500, id="abbreviations"),
        pytest.param(("word " * 40 + "\n") * 2_500, id="many-lines"),
        pytest.param("\u200b" * 100_000 + "x", id="invisible"),
        pytest.param("(" * 50_000 + "5" + ")" * 50_000, id="brackets"),
        pytest.param(" ".join(["twenty-one thousand"] * 5_000), id="number-words"),
        pytest.param("Subscribe to our newsletter. " * 3_500, id="boilerplate"),
    ],
)
def test_adversarial_bodies_finish_quickly(body: str) -> None:
    """The text stages (cleaning, splitting, language, figures, fingerprints) on long
    pathological bodies: about a second on a busy machine.  Backtracking regexes and
    quadratic loops blow far past the loose bound.  (Embedding is linear in the characters
    embedded, bounded by NEWSMON_MAX_BODY_BYTES; the property tests cover it.)"""
    article = Article(article_id="adversarial", source="Wire", body=body, title=body[:4096])
    started = time.process_time()  # this process's CPU time: other work on the machine does not count
    result = draft(article, AnalysisConfig())
    took = time.process_time() - started
    assert len(result.sentences) <= AnalysisConfig().max_sentences
    assert took < 10.0, f"draft took {took:.1f} s"
