"""The processor's three steps as plain objects, so they can be tested and reasoned
about without Faust; app.py only moves their inputs and outputs between topics.

    news.articles ─► intake (parse, validate, prepare: stateless, any worker)
                   ─► newsmon-prepared (1 partition) ─► sequence + assign (global)
                   ─► newsmon-assigned (key story_id) ─► compare with story (table)
                   ─► news.alerts + Redis
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from schemas import ALERT_ADAPTER, Article, Decision
from services.analysis.clock import DEFAULT_TOLERANCE_HOURS, FeedClock
from services.analysis.config import AnalysisConfig
from services.analysis.draft_cache import TextCache, text_key
from services.analysis.embedding import Embedder, PartedEmbedder
from services.analysis.engine import Record, compare_with_story, decide, event_time
from services.analysis.prepare import Draft, PreparedArticle, draft, draft_of, embed, embedding_texts
from services.analysis.story_index import StoryIndex, StorySimilarity
from services.analysis.story_state import StoryMemory
from services.article_files import describe_validation_error
from services.limits import TOO_LARGE, too_large
from services.processor import codec
from services.processor.messages import (
    Assigned,
    AssignedRecord,
    Evict,
    GiveUp,
    Prepared,
    PreparedLogRecord,
    Skip,
    StoryState,
)
from services.processor.sequencer import Sequencer, parse_seq

LONG_DRAFT = 24  # sentences: from about here a draft fills two of the model's micro-batches
RECENT_OUTPUTS = 64  # per story: records of the last articles, re-sent as-is on re-delivery


class BadInput(Exception):
    """An input message that can never become an article; goes to the dead-letter topic."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason  # machine-readable, bounded set: used as a metric label
        self.detail = detail

    def __reduce__(self) -> tuple[type[BadInput], tuple[str, str]]:  # crosses the intake process
        return BadInput, (self.reason, self.detail)


def parse_article(raw: bytes | None, max_bytes: int) -> Article:
    if raw is None or len(raw) == 0:
        raise BadInput("empty", "message has no value")
    if (detail := too_large(len(raw), max_bytes)) is not None:
        raise BadInput(TOO_LARGE, detail)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput("invalid_utf8", str(exc)) from None
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise BadInput("invalid_json", str(exc)[:200]) from None
    if not isinstance(doc, dict):
        raise BadInput("invalid_schema", "an Article must be a JSON object")
    try:
        return Article.model_validate(doc)
    except ValidationError as exc:
        raise BadInput("invalid_schema", describe_validation_error(exc)[:1000]) from None


@dataclass(frozen=True, slots=True)
class Intake:
    """The intake's CPU work, in two calls so that a copy's embedding can be skipped:
    `draft` (parse and draft, ~3 ms), then `embed` unless the draft is a known copy."""

    embedder: Embedder
    config: AnalysisConfig
    max_body_bytes: int
    # A word-for-word repost is drafted once (a dictionary lookup instead of ~3 ms).
    recent: TextCache[Draft] = field(default_factory=TextCache)

    def draft(self, raw: bytes | None) -> Draft:
        """Raises BadInput for the dead-letter topic."""
        article = parse_article(raw, self.max_body_bytes)
        key = text_key(article, self.config)
        drafted = self.recent.get(key, article)
        if drafted is None:
            drafted = draft(article, self.config)
            self.recent.put(key, drafted)
        return drafted

    def embed(self, drafted: Draft) -> PreparedArticle:
        return embed(drafted, self.embedder)

    def parts(self, drafted: Draft, count: int) -> list[slice]:
        """Where a long draft's texts may be cut to embed them in `count` processes at
        once, with the same vectors (one part for a short draft, or an embedder that
        cannot promise that)."""
        if count < 2 or len(drafted.sentences) < LONG_DRAFT or not isinstance(self.embedder, PartedEmbedder):
            return [slice(0, len(drafted.sentences))]
        return self.embedder.parts(embedding_texts(drafted), count)


def prepared_message(
    prepared: PreparedArticle, seq: str | None, received_at: float, publish_time: float | None = None
) -> Prepared:
    """What goes to the global step.  `embedded` is False for a draft the intake took
    for a copy: the global step embeds it if it is not one.  `publish_time` (the input
    record's Kafka timestamp, epoch seconds) only travels along, to the latency metric."""
    return Prepared(
        seq=seq,
        received_at=received_at,
        publish_time=publish_time,
        embedded=len(prepared.vectors) > 0 or not prepared.sentences,
        prepared=codec.prepared_to_dict(prepared),
    )


DEAD_LETTER_MAX_BYTES = 256 * 1024  # brokers refuse records over ~1 MB; keep the evidence


def dead_letter(raw: bytes | None, bad: BadInput) -> tuple[bytes, dict[str, str]]:
    """The original bytes (cut to a size any broker accepts) and why they were refused."""
    original = raw or b""
    headers = {"reason": bad.reason, "detail": bad.detail[:2000], "original_bytes": str(len(original))}
    if len(original) > DEAD_LETTER_MAX_BYTES:
        headers["truncated"] = "true"
    return original[:DEAD_LETTER_MAX_BYTES], headers


def skip_message(seq: str | None) -> Skip:
    """Keeps the publish numbering gap-free when an input was dead-lettered."""
    return Skip(seq)


EmbedLater = Callable[[Draft], Awaitable[PreparedArticle]]


class GlobalStep:
    """Sequencing, the feed's clock, duplicate lookup and story assignment: the one
    ordered, global step.

    Its state is a pure fold over the prepared log — no wall clock, no randomness — so a
    new owner that folds the log up to the group's committed offset holds exactly the
    state the last owner had there, and goes on with the same decisions.  Articles reach
    the index exactly as batch analysis builds them: a copy without vectors, any other
    article with them (`embed_later` embeds a draft the intake took for a copy)."""

    def __init__(
        self,
        config: AnalysisConfig,
        similarity: StorySimilarity,
        embed_later: EmbedLater,
        clock_tolerance_hours: float = DEFAULT_TOLERANCE_HOURS,
    ) -> None:
        self._config = config
        self._similarity = similarity
        self._embed_later = embed_later
        self._clock_tolerance_hours = clock_tolerance_hours
        self.reset()

    def reset(self) -> None:
        self.index = StoryIndex(self._config, self._similarity)
        self.clock = FeedClock.hours(self._clock_tolerance_hours)
        self.sequencer: Sequencer[Prepared] = Sequencer()
        self.next_offset = 0

    def state(self) -> tuple[StoryIndex, FeedClock, Sequencer[Prepared]]:
        """What the fold has built (for snapshots.py)."""
        return self.index, self.clock, self.sequencer

    def restore(self, state: tuple[StoryIndex, FeedClock, Sequencer[Prepared]], next_offset: int) -> None:
        self.index, self.clock, self.sequencer = state
        self.next_offset = next_offset

    @property
    def shared(self) -> dict[str, object]:
        """What the state refers to but is not part of it: the model and the config."""
        return {"similarity": self._similarity, "config": self._config}

    async def push(self, record: PreparedLogRecord, offset: int) -> list[AssignedRecord]:
        """One prepared-log record in; the assigned records it releases out."""
        self.next_offset = offset + 1
        if isinstance(record, GiveUp):
            released = self.sequencer.give_up(record.run, record.expected)
        else:
            item = record if isinstance(record, Prepared) else _SKIPPED
            released = self.sequencer.push(parse_seq(record.seq), item)
        return [out for item in released if item is not _SKIPPED for out in await self._assign(item)]

    async def _assign(self, message: Prepared) -> list[AssignedRecord]:
        prepared = codec.prepared_from_dict(message.prepared)
        if self.index.is_retired(prepared):
            # Its records precede its story's eviction in the story's partition, so they
            # are (or will be, after a restart) emitted: deciding it again would only
            # invent a phantom story.
            return []
        record = message.prepared
        is_copy = self.index.copy_of(prepared) is not None
        if is_copy and message.embedded and len(prepared.vectors):
            prepared = embed(draft_of(prepared), None)  # a copy needs no vectors
            record = codec.prepared_to_dict(prepared)
        elif not is_copy and not message.embedded:
            prepared = await self._embed_later(draft_of(prepared))  # the intake's hint was wrong
            record = codec.prepared_to_dict(prepared)
        received = datetime.fromtimestamp(message.received_at, UTC)
        reading = self.clock.observe(event_time(prepared.article, received), prepared.article_id)
        assignment = self.index.assign(prepared, reading.at)
        out: list[AssignedRecord] = [Evict(story_id) for story_id in assignment.evicted]
        decided = codec.assignment_to_dict(assignment)
        out.append(Assigned(message.received_at, message.publish_time, record, decided, reading.clamped))
        return out


# Held in the sequencer for a dead-lettered input: keeps the numbering, decides nothing.
_SKIPPED = Prepared(seq=None, received_at=0.0, publish_time=None, embedded=True, prepared={})


def story_step(
    state: StoryState | None, message: Assigned, config: AnalysisConfig, detected_at: datetime
) -> tuple[StoryState | None, list[Record]]:
    """Per story: (table value, assigned article) → (new table value, records to emit).

    An article the story has already absorbed (an at-least-once re-delivery) yields the
    records it yielded the first time, byte for byte, instead of being absorbed twice."""
    prepared = codec.prepared_from_dict(message.prepared)
    assignment = codec.assignment_from_dict(message.assignment)
    if state is None and not assignment.new_story:
        # The story's memory is gone, so it was evicted — after this article, whose records
        # were emitted then.  This is a replay from a restarted global step; deciding it
        # against an empty memory would raise every sentence as a new claim.
        return None, []
    if state is None:
        state = StoryState(codec.memory_to_dict(StoryMemory(assignment.story_id, assignment.story_title)), {})
    done = state.outputs.get(prepared.article_id)
    if done is not None:
        return state, [_record(doc) for doc in done]
    memory = codec.memory_from_dict(state.memory)
    alerts = compare_with_story(memory, prepared, assignment, config, detected_at)
    records: list[Record] = [decide(prepared, assignment, message.clamped), *alerts]
    outputs = dict(state.outputs)
    outputs[prepared.article_id] = [r.model_dump(mode="json") for r in records]
    while len(outputs) > RECENT_OUTPUTS:
        outputs.pop(next(iter(outputs)))
    return StoryState(codec.memory_to_dict(memory), outputs), records


def _record(doc: dict[str, Any]) -> Record:
    return Decision.model_validate(doc) if doc["record"] == "decision" else ALERT_ADAPTER.validate_python(doc)
