"""The processor's steps without Faust: what they emit for re-delivered input, and
how the global step completes or strips what the intake sent."""

from datetime import UTC, datetime, timedelta

from schemas import Article
from services.analysis.config import AnalysisConfig
from services.analysis.embedding import UniversalSentenceEncoder
from services.analysis.prepare import Draft, PreparedArticle, draft, embed, prepare
from services.analysis.similarity import load_model
from services.processor import codec
from services.processor.global_log import GapWatch
from services.processor.messages import Assigned, GiveUp, Prepared
from services.processor.stages import GlobalStep, prepared_message, skip_message, story_step

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


def message(embedder: UniversalSentenceEncoder, article_id: str, body: str, at: datetime) -> Prepared:
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
    first = await step.push(floods, 0)
    later = await step.push(message(embedder, "b", ELECTION, T0 + timedelta(hours=2)), 1)
    assert [m.type for m in first] == ["article"]
    assert [m.type for m in later] == ["evict", "article"]  # the floods story left the window
    assert await step.push(floods, 2) == []  # not a phantom new story
    changed = message(embedder, "a", ELECTION + "\nA recount was ordered.", T0 + timedelta(hours=2))
    assert [m.type for m in await step.push(changed, 3)] == ["article"]  # a new version is new


async def test_a_redelivered_article_yields_its_first_records(embedder: UniversalSentenceEncoder) -> None:
    step = global_step(embedder)
    (assigned,) = await step.push(message(embedder, "a", FLOODS, T0), 0)
    assert isinstance(assigned, Assigned)
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
    await step.push(message(embedder, "a", FLOODS, T0), 0)
    later = FLOODS.replace("At least 12", "At least 19") + "\nA dam upstream could fail, engineers warned."
    (follow_up,) = await step.push(message(embedder, "b", later, T0 + timedelta(hours=1)), 1)
    assert isinstance(follow_up, Assigned)
    assert not follow_up.assignment["new_story"]
    assert story_step(None, follow_up, CONFIG, T0) == (None, [])


async def test_a_draft_taken_for_a_copy_that_is_none_is_embedded_as_batch_would(
    embedder: UniversalSentenceEncoder,
) -> None:
    step = global_step(embedder)
    unembedded = prepared_message(embed(draft(article("a", FLOODS, T0), CONFIG), None), None, 0.0)
    assert unembedded.embedded is False
    (assigned,) = await step.push(unembedded, 0)
    assert step.embedded_later == ["a"]  # type: ignore[attr-defined]
    (reference,) = await global_step(embedder).push(message(embedder, "a", FLOODS, T0), 0)
    assert isinstance(assigned, Assigned) and isinstance(reference, Assigned)
    assert assigned.prepared == reference.prepared
    assert assigned.assignment == reference.assignment


async def test_a_copy_reaches_its_story_without_vectors_however_it_came(
    embedder: UniversalSentenceEncoder,
) -> None:
    """Batch analysis never embeds a copy; the stream must hand on the same record."""
    step = global_step(embedder)
    await step.push(message(embedder, "a", FLOODS, T0), 0)
    (embedded_copy,) = await step.push(message(embedder, "b", FLOODS, T0), 1)
    hinted = prepared_message(embed(draft(article("c", FLOODS, T0), CONFIG), None), None, T0.timestamp())
    (hinted_copy,) = await step.push(hinted, 2)
    assert step.embedded_later == []  # type: ignore[attr-defined]
    for copy in (embedded_copy, hinted_copy):
        assert isinstance(copy, Assigned)
        assert copy.assignment["duplicate"][:2] == ["a", "exact"]
        assert codec.decode_array(copy.prepared["vectors"]).shape == (0, 512)
    batch = embed(draft(article("b", FLOODS, T0), CONFIG), None)
    assert isinstance(embedded_copy, Assigned)
    assert embedded_copy.prepared == codec.prepared_to_dict(batch)


def numbered(embedder: UniversalSentenceEncoder, n: int, body: str, at: datetime) -> Prepared:
    base = message(embedder, f"n{n}", body, at)
    return Prepared(f"run:{n}", base.received_at, base.publish_time, base.embedded, base.prepared)


async def outputs_of(step: GlobalStep, log: list, start: int = 0) -> list:  # type: ignore[type-arg]
    out = []
    for offset, rec in enumerate(log[start:], start):
        out += [(offset, assigned) for assigned in await step.push(rec, offset)]
    return out


async def test_a_new_owner_folding_the_log_goes_on_exactly_as_the_last_one(
    embedder: UniversalSentenceEncoder,
) -> None:
    """The fold is a pure function of the log: arrivals out of publish order, a skip, a
    gap given up by a give-up record.  Folding any prefix silently and handling the rest
    gives the outputs the first owner gave for the rest."""
    bodies = [FLOODS, ELECTION, FLOODS.replace("12", "19"), ELECTION + "\nA recount was ordered.", FLOODS]
    items = [numbered(embedder, n, body, T0 + timedelta(minutes=n)) for n, body in enumerate(bodies)]
    log = [items[1], items[0], skip_message("run:2"), items[4], GiveUp("run", 3), items[3]]
    first = await outputs_of(global_step(embedder), log)
    released = [out.prepared["article"]["article_id"] for _, out in first if isinstance(out, Assigned)]
    assert released == ["n0", "n1", "n4", "n3"]  # publish order; 3 given up where the log says
    for cut in range(len(log) + 1):
        step = global_step(embedder)
        for offset, rec in enumerate(log[:cut]):
            await step.push(rec, offset)  # the fold: outputs dropped (they were flushed before)
        assert await outputs_of(step, log, cut) == [(o, out) for o, out in first if o >= cut]


async def test_the_2099_article_leaves_every_story_in_place_in_the_stream(
    embedder: UniversalSentenceEncoder,
) -> None:
    """Stream side of tests/unit/analysis/test_clock.py: the same decisions as batch."""
    step = global_step(embedder, AnalysisConfig(window_hours=72.0))
    wild_at = T0.replace(year=2099)
    feed = [
        ("floods", FLOODS, T0),
        ("election", ELECTION, T0 + timedelta(hours=1)),
        ("other", "Markets closed higher on Friday after a volatile week for energy shares.", T0),
        ("wild", "A feed with a broken clock sent this article about a harbour.", wild_at),
        ("update", FLOODS.replace("At least 12", "At least 19"), T0 + timedelta(hours=5)),
    ]
    out = []
    for n, (article_id, body, at) in enumerate(feed):
        out += await step.push(message(embedder, article_id, body, at), n)
    assert [type(r).__name__ for r in out] == ["Assigned"] * 5  # no evictions
    states: dict[str, object] = {}
    decisions = {}
    for assigned in out:
        assert isinstance(assigned, Assigned)
        story = assigned.assignment["story_id"]
        states[story], records = story_step(states.get(story), assigned, CONFIG, T0)  # type: ignore[arg-type]
        decisions[records[0].article_id] = records
    assert decisions["wild"][0].event_time_clamped
    assert not any(d[0].event_time_clamped for k, d in decisions.items() if k != "wild")
    assert decisions["update"][0].story_id == decisions["floods"][0].story_id
    assert [r.kind for r in decisions["update"][1:]] == ["figure_changed"]


async def test_a_gap_is_given_up_only_once_the_input_holds_no_missing_number(
    embedder: UniversalSentenceEncoder,
) -> None:
    """GapWatch: not a timeout — the missing numbers are given up when no record of the
    run numbered between the last released article and the first held one waits in the
    input (published, not yet prepared)."""
    step = global_step(embedder)
    waiting = numbered(embedder, 3, FLOODS, T0)
    await step.push(Prepared(waiting.seq, 0.0, 100.0, waiting.embedded, waiting.prepared), 0)
    asked: list[tuple[str, range]] = []
    holds = True

    async def input_holds(run: str, numbers: range) -> bool:
        asked.append((run, numbers))
        return holds

    watch = GapWatch(input_holds, settle_seconds=5.0)
    assert await watch.overdue(step, now=0.0) == []
    assert await watch.overdue(step, now=4.0) == [] and asked == []  # settling
    assert await watch.overdue(step, now=6.0) == [] and asked == [("run", range(0, 3))]  # 0..2 still waiting
    holds = False
    assert await watch.overdue(step, now=7.0) == [GiveUp("run", 0)]
    assert await watch.overdue(step, now=8.0) == []  # not again before another settle period
    released = await step.push(GiveUp("run", 0), 1)
    assert [r.prepared["article"]["article_id"] for r in released if isinstance(r, Assigned)] == ["n3"]
    assert await watch.overdue(step, now=20.0) == []  # the gap is closed
