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
) -> dict[str, Any]:
    """What goes to the global step.  `embedded` is False for a draft the intake took
    for a copy: the global step embeds it if it is not one.  `publish_time` (the input
    record's Kafka timestamp, epoch seconds) only travels along, to the latency metric."""
    return {
        "type": "prepared",
        "seq": seq,
        "received_at": received_at,
        "publish_time": publish_time,
        "embedded": len(prepared.vectors) > 0 or not prepared.sentences,
        "prepared": codec.prepared_to_dict(prepared),
    }


DEAD_LETTER_MAX_BYTES = 256 * 1024  # brokers refuse records over ~1 MB; keep the evidence


def dead_letter(raw: bytes | None, bad: BadInput) -> tuple[bytes, dict[str, str]]:
    """The original bytes (cut to a size any broker accepts) and why they were refused."""
    original = raw or b""
    headers = {"reason": bad.reason, "detail": bad.detail[:2000], "original_bytes": str(len(original))}
    if len(original) > DEAD_LETTER_MAX_BYTES:
        headers["truncated"] = "true"
    return original[:DEAD_LETTER_MAX_BYTES], headers


def skip_message(seq: str | None) -> dict[str, Any]:
    """Keeps the publish numbering gap-free when an input was dead-lettered."""
    return {"type": "skip", "seq": seq}


EmbedLater = Callable[[Draft], Awaitable[PreparedArticle]]


class GlobalStep:
    """Sequencing, duplicate lookup and story assignment: the one ordered, global step.

    Its state is a fold over the prepared log, so a new owner rebuilds it by reading
    that log again (`rebuild`), with the same decisions as the first time.  Articles
    reach the index exactly as batch analysis builds them: a copy without vectors, any
    other article with them (`embed_later` embeds a draft the intake took for a copy)."""

    def __init__(self, config: AnalysisConfig, similarity: StorySimilarity, embed_later: EmbedLater) -> None:
        self._config = config
        self._similarity = similarity
        self._embed_later = embed_later
        self.reset()

    def reset(self) -> None:
        self.index = StoryIndex(self._config, self._similarity)
        self.sequencer: Sequencer[dict[str, Any]] = Sequencer()
        self.next_offset: int | None = None

    async def push(self, message: dict[str, Any], offset: int, now: float) -> list[dict[str, Any]]:
        """One prepared-log record in; the assigned messages it releases out."""
        self.next_offset = offset + 1
        released = self.sequencer.push(parse_seq(message.get("seq")), message, now)
        return [out for item in released for out in await self._assign(item)]

    async def tick(self, now: float) -> list[dict[str, Any]]:
        return [out for item in self.sequencer.tick(now) for out in await self._assign(item)]

    async def _assign(self, message: dict[str, Any]) -> list[dict[str, Any]]:
        if message["type"] != "prepared":
            return []
        prepared = codec.prepared_from_dict(message["prepared"])
        if self.index.is_retired(prepared):
            # Its records precede its story's eviction in the story's partition, so they
            # are (or will be, after a restart) emitted: deciding it again would only
            # invent a phantom story.
            return []
        record = message["prepared"]
        is_copy = self.index.copy_of(prepared) is not None
        if is_copy and message.get("embedded", True) and len(prepared.vectors):
            prepared = embed(draft_of(prepared), None)  # a copy needs no vectors
            record = codec.prepared_to_dict(prepared)
        elif not is_copy and not message.get("embedded", True):
            prepared = await self._embed_later(draft_of(prepared))  # the intake's hint was wrong
            record = codec.prepared_to_dict(prepared)
        received = datetime.fromtimestamp(message["received_at"], UTC)
        assignment = self.index.assign(prepared, event_time(prepared.article, received))
        out = [{"type": "evict", "story_id": story_id} for story_id in assignment.evicted]
        out.append(
            {
                "type": "article",
                "received_at": message["received_at"],
                "publish_time": message.get("publish_time"),
                "prepared": record,
                "assignment": codec.assignment_to_dict(assignment),
            }
        )
        return out


def story_step(
    state: dict[str, Any] | None, message: dict[str, Any], config: AnalysisConfig, detected_at: datetime
) -> tuple[dict[str, Any] | None, list[Record]]:
    """Per story: (table value, assigned message) → (new table value, records to emit).

    An article the story has already absorbed (an at-least-once re-delivery) yields the
    records it yielded the first time, byte for byte, instead of being absorbed twice."""
    prepared = codec.prepared_from_dict(message["prepared"])
    assignment = codec.assignment_from_dict(message["assignment"])
    if state is None and not assignment.new_story:
        # The story's memory is gone, so it was evicted — after this article, whose records
        # were emitted then.  This is a replay from a restarted global step; deciding it
        # against an empty memory would raise every sentence as a new claim.
        return None, []
    state = state or {
        "memory": codec.memory_to_dict(StoryMemory(assignment.story_id, assignment.story_title)),
        "outputs": {},
    }
    done = state["outputs"].get(prepared.article_id)
    if done is not None:
        return state, [_record(doc) for doc in done]
    memory = codec.memory_from_dict(state["memory"])
    alerts = compare_with_story(memory, prepared, assignment, config, detected_at)
    records: list[Record] = [decide(prepared, assignment), *alerts]
    outputs = dict(state["outputs"])
    outputs[prepared.article_id] = [r.model_dump(mode="json") for r in records]
    while len(outputs) > RECENT_OUTPUTS:
        outputs.pop(next(iter(outputs)))
    return {"memory": codec.memory_to_dict(memory), "outputs": outputs}, records


def _record(doc: dict[str, Any]) -> Record:
    return Decision.model_validate(doc) if doc["record"] == "decision" else ALERT_ADAPTER.validate_python(doc)
