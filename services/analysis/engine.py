"""The analysis, end to end, for one article at a time: prepare → assign → compare.

`Analyzer` is what `newsmon analyze` runs.  The stream processor runs the same three
stages as separate steps (prepare anywhere, assign in one place, compare per story),
so both produce the same decisions and alert ids for the same input in the same order.
"""

from __future__ import annotations

from datetime import datetime

from schemas import Alert, Article, Decision
from services.analysis import alerts
from services.analysis.clock import DEFAULT_TOLERANCE_HOURS, FeedClock
from services.analysis.config import AnalysisConfig
from services.analysis.draft_cache import TextCache, text_key
from services.analysis.embedding import Embedder
from services.analysis.prepare import Draft, PreparedArticle, draft, embed
from services.analysis.story_index import Assignment, StoryIndex, StorySimilarity
from services.analysis.story_state import StoryMemory, absorb, seed_from_copy

Record = Decision | Alert


def decide(prepared: PreparedArticle, assignment: Assignment, clamped: bool = False) -> Decision:
    """`clamped`: the article's published_at was far ahead of the feed's clock (clock.py)."""
    dup = assignment.duplicate
    return Decision(
        article_id=prepared.article_id,
        story_id=assignment.story_id,
        language=prepared.language,
        duplicate_of=dup.original if dup else None,
        method=dup.method if dup else None,
        similarity=dup.similarity if dup else None,
        event_time_clamped=clamped,
    )


def compare_with_story(
    memory: StoryMemory,
    prepared: PreparedArticle,
    assignment: Assignment,
    config: AnalysisConfig,
    detected_at: datetime,
) -> list[Alert]:
    """The per-story step: the alerts this article raises in its story."""
    story_id, title = assignment.story_id, assignment.story_title
    if assignment.duplicate is not None:
        seed_from_copy(memory, prepared)
        return [alerts.duplicate(prepared, story_id, title, assignment.duplicate, detected_at)]
    novelty = absorb(
        memory,
        prepared,
        config,
        first=assignment.new_story,
        elsewhere=assignment.elsewhere,
        own=assignment.own,
    )
    if assignment.new_story:
        return [alerts.new_story(prepared, story_id, detected_at)]
    found = [alerts.figure_changed(prepared, story_id, title, c, detected_at) for c in novelty.figure_changes]
    found += [alerts.new_claim(prepared, story_id, title, c, detected_at) for c in novelty.claims]
    return found


def event_time(article: Article, fallback: datetime) -> float:
    return (article.published_at or fallback).timestamp()


class Analyzer:
    """All three stages in one process, holding both kinds of state."""

    def __init__(
        self,
        embedder: Embedder,
        similarity: StorySimilarity,
        config: AnalysisConfig,
        clock_tolerance_hours: float = DEFAULT_TOLERANCE_HOURS,
    ) -> None:
        self.config = config
        self._embedder = embedder
        self.index = StoryIndex(config, similarity)
        self.clock = FeedClock.hours(clock_tolerance_hours)
        self.memories: dict[str, StoryMemory] = {}
        self._drafts: TextCache[Draft] = TextCache()

    def draft_of(self, article: Article) -> Draft:
        """The article drafted (boilerplate dropped, sentences split, figures read), from the
        cache when its text was drafted recently."""
        key = text_key(article, self.config)
        drafted = self._drafts.get(key, article)
        if drafted is None:
            drafted = draft(article, self.config)
            self._drafts.put(key, drafted)
        return drafted

    def process(self, article: Article, detected_at: datetime) -> list[Record]:
        drafted = self.draft_of(article)
        if self.index.is_retired(drafted):
            return []  # decided before its story left the window
        copy = self.index.copy_of(drafted)
        prepared = embed(drafted, None if copy is not None else self._embedder)
        reading = self.clock.observe(event_time(article, detected_at), article.article_id)
        assignment = self.index.assign(prepared, reading.at)
        for gone in assignment.evicted:
            self.memories.pop(gone, None)
        memory = self.memories.setdefault(
            assignment.story_id, StoryMemory(assignment.story_id, assignment.story_title)
        )
        found = compare_with_story(memory, prepared, assignment, self.config, detected_at)
        return [decide(prepared, assignment, reading.clamped), *found]
