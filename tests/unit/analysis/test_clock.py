"""The feed's clock: one wild published_at is processed at the clock and flagged, and
leaves every story of the window in place (batch; the stream test is in test_stages)."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from schemas import Article, Decision
from services.analysis.clock import AGREE, FeedClock
from services.analysis.config import AnalysisConfig
from services.analysis.embedding import UniversalSentenceEncoder
from services.analysis.engine import Analyzer
from services.analysis.similarity import load_model

HOUR = 3600.0
T0 = datetime(2025, 3, 1, tzinfo=UTC)
WILD = T0.replace(year=2099)  # a feed with a broken clock
FLOODS = (
    "Floods forced thousands of residents from their homes in the river valley on Sunday.\n"
    "At least 12 people were killed and 40 injured, the regional governor said."
)
FLOODS_LATER = FLOODS.replace("At least 12", "At least 19") + "\nA dam upstream could fail, engineers warned."
ELECTION = (
    "Voters in the capital elected a new mayor on Sunday after a campaign dominated by housing costs.\n"
    "Turnout was the highest in two decades, the electoral commission said."
)


def test_a_single_outlier_is_processed_at_the_clock_and_flagged() -> None:
    clock = FeedClock.hours(24)
    for n in range(AGREE):
        assert not clock.observe(n * HOUR, f"a{n}").clamped
    wild = clock.observe(datetime(2099, 1, 1, tzinfo=UTC).timestamp(), "wild")
    assert wild.clamped and wild.at == 1 * HOUR  # the clock: the AGREE-th latest time seen
    assert clock.now == 1 * HOUR
    assert clock.observe(3 * HOUR, "b") == clock.observe(3 * HOUR, "b")  # not clamped either time
    assert not clock.observe(-10 * HOUR, "late").clamped  # late articles keep their time


def test_the_clock_follows_a_real_jump_once_enough_articles_agree() -> None:
    clock = FeedClock.hours(24)
    for n in range(AGREE):
        clock.observe(n * HOUR, f"a{n}")
    after_pause = [clock.observe((72 + n) * HOUR, f"b{n}") for n in range(AGREE + 1)]
    assert [r.clamped for r in after_pause] == [True] * (AGREE - 1) + [False, False]


def test_a_redelivered_outlier_is_not_its_own_witness() -> None:
    clock = FeedClock.hours(24)
    for n in range(AGREE):
        clock.observe(n * HOUR, f"a{n}")
    readings = [clock.observe(1e10, "wild") for _ in range(5)]
    assert all(r.clamped for r in readings)
    assert clock.now == 1 * HOUR


@given(st.lists(st.floats(0, 1e6), min_size=AGREE, max_size=40), st.floats(1e7, 1e10))
def test_one_outlier_anywhere_never_moves_the_clock(times: list[float], outlier: float) -> None:
    plain, wild = FeedClock.hours(24), FeedClock.hours(24)
    for n, t in enumerate(times):
        plain.observe(t, f"a{n}")
        wild.observe(t, f"a{n}")
        if n == AGREE:
            wild.observe(outlier, "wild")
    assert wild.now is not None and plain.now is not None
    assert wild.now <= max(plain.now, sorted(times)[-AGREE + 1] if AGREE > 1 else plain.now)


def article(article_id: str, body: str, at: datetime) -> Article:
    return Article(article_id=article_id, source="Test Wire", body=body, language="en", published_at=at)


def run(analyzer: Analyzer, items: list[Article]) -> list[list]:  # type: ignore[type-arg]
    return [analyzer.process(a, T0) for a in items]


def test_an_article_stamped_2099_leaves_every_story_in_place(embedder: UniversalSentenceEncoder) -> None:
    """Before the clock, the 2099 article evicted the floods story, and the update that
    followed was a new story with its memory gone."""
    analyzer = Analyzer(embedder, load_model(), AnalysisConfig(window_hours=72.0))
    feed = [
        article("floods", FLOODS, T0),
        article("election", ELECTION, T0 + timedelta(hours=1)),
        article("other", "Markets closed higher on Friday after a volatile week for energy shares.", T0),
        article("wild", "A feed with a broken clock sent this article about a harbour.", WILD),
        article("update", FLOODS_LATER, T0 + timedelta(hours=5)),
    ]
    records = run(analyzer, feed)
    wild, update = records[3][0], records[4]
    assert isinstance(wild, Decision) and wild.event_time_clamped
    others = [r[0] for i, r in enumerate(records) if i != 3]
    assert not any(isinstance(d, Decision) and d.event_time_clamped for d in others)
    assert update[0].story_id == records[0][0].story_id  # the floods story kept its memory
    kinds = [r.kind for r in update[1:]]  # type: ignore[union-attr]
    assert "new_story" not in kinds and "figure_changed" in kinds
    assert analyzer.index.story_count == 4
