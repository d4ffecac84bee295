"""The processor's steps without Faust: what they emit for re-delivered input, and
how the global step completes or strips what the intake sent."""

from datetime import UTC, datetime, timedelta

from schemas import Article
from services.analysis.config import AnalysisConfig
from services.analysis.embedding import UniversalSentenceEncoder
from services.analysis.prepare import Draft, PreparedArticle, draft, embed, prepare
from services.analysis.similarity import load_model
from services.processor import codec
from services.processor.stages import GlobalStep, prepared_message, story_step

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


def article(article_id: str, body: str, at: datetime) -> Article:
    return Article(article_id=article_id, source="Test Wire", body=body, language="en", published_at=at)


def message(embedder: UniversalSentenceEncoder, article_id: str, body: str, at: datetime) -> dict:
    return prepared_message(prepare(article(article_id, body, at), embedder, CONFIG), None, at.timestamp())


def global_step(embedder: UniversalSentenceEncoder, config: AnalysisConfig = CONFIG) -> GlobalStep:
    async def embed_later(drafted: Draft) -> PreparedArticle:
        embedded.append(drafted.article_id)
        return embed(drafted, embedder)

    embedded: list[str] = []
    step = GlobalStep(config, load_model(), embed_later)
    step.embedded_later = embedded  # type: ignore[attr-defined]
    return step


async def test_a_late_redelivery_of_an_evicted_story_is_dropped(embedder: UniversalSentenceEncoder) -> None:
    step = global_step(embedder)
    floods = message(embedder, "a", FLOODS, T0)
    first = await step.push(floods, 0, 0.0)
    later = await step.push(message(embedder, "b", ELECTION, T0 + timedelta(hours=2)), 1, 0.0)
    assert [m["type"] for m in first] == ["article"]
    assert [m["type"] for m in later] == ["evict", "article"]  # the floods story left the window
    assert await step.push(floods, 2, 0.0) == []  # not a phantom new story
    changed = message(embedder, "a", ELECTION + "\nA recount was ordered.", T0 + timedelta(hours=2))
    assert [m["type"] for m in await step.push(changed, 3, 0.0)] == ["article"]  # a new version is new


async def test_a_redelivered_article_yields_its_first_records(embedder: UniversalSentenceEncoder) -> None:
    step = global_step(embedder)
    (assigned,) = await step.push(message(embedder, "a", FLOODS, T0), 0, 0.0)
    state, records = story_step(None, assigned, CONFIG, T0)
    again_state, again = story_step(state, assigned, CONFIG, T0 + timedelta(minutes=5))
    assert [r.model_dump() for r in again] == [r.model_dump() for r in records]
    assert again_state == state


async def test_a_replayed_follow_up_of_an_evicted_story_raises_nothing(
    embedder: UniversalSentenceEncoder,
) -> None:
    """A restarted global step can re-emit a story's articles after the story's eviction
    was applied; the follow-up must not be decided against an empty memory."""
    step = global_step(embedder, AnalysisConfig())
    await step.push(message(embedder, "a", FLOODS, T0), 0, 0.0)
    later = FLOODS.replace("At least 12", "At least 19") + "\nA dam upstream could fail, engineers warned."
    (follow_up,) = await step.push(message(embedder, "b", later, T0 + timedelta(hours=1)), 1, 0.0)
    assert not follow_up["assignment"]["new_story"]
    assert story_step(None, follow_up, CONFIG, T0) == (None, [])


async def test_a_draft_taken_for_a_copy_that_is_none_is_embedded_as_batch_would(
    embedder: UniversalSentenceEncoder,
) -> None:
    step = global_step(embedder)
    unembedded = prepared_message(embed(draft(article("a", FLOODS, T0), CONFIG), None), None, 0.0)
    assert unembedded["embedded"] is False
    (assigned,) = await step.push(unembedded, 0, 0.0)
    assert step.embedded_later == ["a"]  # type: ignore[attr-defined]
    (reference,) = await global_step(embedder).push(message(embedder, "a", FLOODS, T0), 0, 0.0)
    assert assigned["prepared"] == reference["prepared"]
    assert assigned["assignment"] == reference["assignment"]


async def test_a_copy_reaches_its_story_without_vectors_however_it_came(
    embedder: UniversalSentenceEncoder,
) -> None:
    """Batch analysis never embeds a copy; the stream must hand on the same record."""
    step = global_step(embedder)
    await step.push(message(embedder, "a", FLOODS, T0), 0, 0.0)
    (embedded_copy,) = await step.push(message(embedder, "b", FLOODS, T0), 1, 0.0)
    hinted = prepared_message(embed(draft(article("c", FLOODS, T0), CONFIG), None), None, T0.timestamp())
    (hinted_copy,) = await step.push(hinted, 2, 0.0)
    assert step.embedded_later == []  # type: ignore[attr-defined]
    for copy in (embedded_copy, hinted_copy):
        assert copy["assignment"]["duplicate"][:2] == ["a", "exact"]
        assert codec.decode_array(copy["prepared"]["vectors"]).shape == (0, 512)
    batch = embed(draft(article("b", FLOODS, T0), CONFIG), None)
    assert embedded_copy["prepared"] == codec.prepared_to_dict(batch)
