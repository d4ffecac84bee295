"""The processor's steps without Faust: what they emit for re-delivered input."""

from datetime import UTC, datetime, timedelta

from schemas import Article
from services.analysis.config import AnalysisConfig
from services.analysis.embedding import UniversalSentenceEncoder
from services.analysis.prepare import prepare
from services.analysis.similarity import load_model
from services.processor import codec
from services.processor.stages import GlobalStep, story_step

FLOODS = (
    "Floods forced thousands of residents from their homes in the river valley on Sunday.\n"
    "At least 12 people were killed and 40 injured, the regional governor said."
)
ELECTION = (
    "Voters in the capital elected a new mayor on Sunday after a campaign dominated by housing costs.\n"
    "Turnout was the highest in two decades, the electoral commission said."
)
T0 = datetime(2025, 3, 1, tzinfo=UTC)
CONFIG = AnalysisConfig(window_hours=1.0)


def message(embedder: UniversalSentenceEncoder, article_id: str, body: str, at: datetime) -> dict:
    article = Article(article_id=article_id, source="Test Wire", body=body, language="en", published_at=at)
    prepared = prepare(article, embedder, CONFIG)
    return {"type": "prepared", "seq": None, "received_at": at.timestamp(),
            "prepared": codec.prepared_to_dict(prepared)}  # fmt: skip


def test_a_late_redelivery_of_an_evicted_story_is_dropped(embedder: UniversalSentenceEncoder) -> None:
    step = GlobalStep(CONFIG, load_model())
    floods = message(embedder, "a", FLOODS, T0)
    first = step.push(floods, 0, 0.0)
    later = step.push(message(embedder, "b", ELECTION, T0 + timedelta(hours=2)), 1, 0.0)
    assert [m["type"] for m in first] == ["article"]
    assert [m["type"] for m in later] == ["evict", "article"]  # the floods story left the window
    assert step.push(floods, 2, 0.0) == []  # not a phantom new story
    changed = message(embedder, "a", ELECTION + "\nA recount was ordered.", T0 + timedelta(hours=2))
    assert [m["type"] for m in step.push(changed, 3, 0.0)] == ["article"]  # a new version is new


def test_a_redelivered_article_yields_its_first_records(embedder: UniversalSentenceEncoder) -> None:
    step = GlobalStep(CONFIG, load_model())
    (assigned,) = step.push(message(embedder, "a", FLOODS, T0), 0, 0.0)
    state, records = story_step(None, assigned, CONFIG, T0)
    again_state, again = story_step(state, assigned, CONFIG, T0 + timedelta(minutes=5))
    assert [r.model_dump() for r in again] == [r.model_dump() for r in records]
    assert again_state == state


def test_a_replayed_follow_up_of_an_evicted_story_raises_nothing(embedder: UniversalSentenceEncoder) -> None:
    """A restarted global step can re-emit a story's articles after the story's eviction
    was applied; the follow-up must not be decided against an empty memory."""
    step = GlobalStep(AnalysisConfig(), load_model())
    step.push(message(embedder, "a", FLOODS, T0), 0, 0.0)
    later = FLOODS.replace("At least 12", "At least 19") + "\nA dam upstream could fail, engineers warned."
    (follow_up,) = step.push(message(embedder, "b", later, T0 + timedelta(hours=1)), 1, 0.0)
    assert not follow_up["assignment"]["new_story"]
    assert story_step(None, follow_up, CONFIG, T0) == (None, [])
