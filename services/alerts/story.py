"""A story so far, rebuilt from its alerts alone: what `newsmon story` and `newsmon stories`
show.  Pure functions over Alert records, so any stream history (or a test's list) works
and nothing new is stored.

What the alerts tell: every article that raised one (its source, time and what it
raised), each figure's history (a `figure_changed` alert carries the previous and the
current reading; consecutive changes of one figure chain up), and the claims in the order
they were made.  An article that raised nothing new does not appear: it said nothing the
story did not know.  When the story's `new_story` alert is no longer in the (capped)
stream, the view says it is incomplete.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from schemas import Alert, DuplicateAlert, FigureChangedAlert, NewClaimAlert, Observation


@dataclass
class StoryArticle:
    """An article as its alerts show it."""

    article_id: str
    source: str
    language: str
    published_at: datetime | None
    raised: Counter[str] = field(default_factory=Counter)
    copy_of: DuplicateAlert | None = None


@dataclass(frozen=True)
class FigureHistory:
    """One figure's readings in the order they were reported (at least two)."""

    measure: str
    unit: str | None
    readings: tuple[Observation, ...]


@dataclass(frozen=True)
class StoryView:
    story_id: str
    title: str
    articles: tuple[StoryArticle, ...]
    figures: tuple[FigureHistory, ...]
    claims: tuple[NewClaimAlert, ...]
    complete: bool  # the story's first alert (new_story) is in the stream

    def published_at(self, article_id: str) -> datetime | None:
        for article in self.articles:
            if article.article_id == article_id:
                return article.published_at
        return None


def build_story(alerts: Iterable[Alert]) -> StoryView | None:
    """The story of `alerts` (all of one story, in stream order); None when there are none."""
    ordered = list(alerts)
    if not ordered:
        return None
    articles: dict[str, StoryArticle] = {}
    for alert in ordered:
        seen = articles.setdefault(
            alert.article_id,
            StoryArticle(alert.article_id, alert.source, alert.language, alert.published_at),
        )
        seen.raised[alert.kind] += 1
        if isinstance(alert, DuplicateAlert):
            seen.copy_of = alert
    changes = [a for a in ordered if isinstance(a, FigureChangedAlert)]
    return StoryView(
        story_id=ordered[0].story_id,
        title=ordered[-1].story_title,  # the latest: a story's title improves as articles come
        articles=tuple(articles.values()),
        figures=tuple(figure_histories(changes)),
        claims=tuple(a for a in ordered if isinstance(a, NewClaimAlert)),
        complete=any(a.kind == "new_story" for a in ordered),
    )


def figure_histories(changes: Sequence[FigureChangedAlert]) -> list[FigureHistory]:
    """Chain the changes: one whose previous reading is another's current one continues
    that figure's history; any other starts a history of its own (a story can count the
    same measure in several places, each a figure of its own)."""
    chains: list[tuple[str, str | None, list[Observation]]] = []
    for change in changes:
        figure = change.figure
        for measure, unit, readings in chains:
            if (measure, unit) == (figure.measure, figure.unit) and _same(readings[-1], figure.previous):
                readings.append(figure.current)
                break
        else:
            chains.append((figure.measure, figure.unit, [figure.previous, figure.current]))
    return [FigureHistory(measure, unit, tuple(readings)) for measure, unit, readings in chains]


def _same(a: Observation, b: Observation) -> bool:
    return (a.value, a.qualifier, a.article_id) == (b.value, b.qualifier, b.article_id)


# Stories ------------------------------------------------------------------------------


@dataclass
class StorySummary:
    """One line of `newsmon stories`."""

    story_id: str
    title: str
    articles: set[str] = field(default_factory=set)
    raised: Counter[str] = field(default_factory=Counter)
    last_published: datetime | None = None

    def take(self, alert: Alert) -> None:
        self.title = alert.story_title
        self.articles.add(alert.article_id)
        self.raised[alert.kind] += 1
        when = alert.published_at or alert.detected_at
        if self.last_published is None or when > self.last_published:
            self.last_published = when


def summarize(alerts: Iterable[Alert]) -> list[StorySummary]:
    """Every story in `alerts`, the most recently active first."""
    stories: dict[str, StorySummary] = {}
    for alert in alerts:
        stories.setdefault(alert.story_id, StorySummary(alert.story_id, alert.story_title)).take(alert)
    return sorted(stories.values(), key=lambda s: (s.last_published is None, s.last_published), reverse=True)


def active(stories: list[StorySummary], window_hours: float) -> list[StorySummary]:
    """Stories the worker still holds, as far as alerts tell: their last article is within
    the window (NEWSMON_WINDOW_HOURS) of the newest article in the stream — the feed's
    clock, as the worker keeps it, not the wall clock (a replayed 2024 feed is active)."""
    times = [s.last_published for s in stories if s.last_published is not None]
    if not times:
        return stories
    horizon = max(times) - timedelta(hours=window_hours)
    return [s for s in stories if s.last_published is not None and s.last_published >= horizon]


# JSON ---------------------------------------------------------------------------------


def story_json(view: StoryView) -> dict[str, Any]:
    """`newsmon story --json`: the view as plain JSON types (times as RFC 3339)."""
    return {
        "story_id": view.story_id,
        "title": view.title,
        "complete": view.complete,
        "articles": [_article_json(a) for a in view.articles],
        "figures": [
            {
                "measure": f.measure,
                "unit": f.unit,
                "history": [_reading_json(view, r) for r in f.readings],
            }
            for f in view.figures
        ],
        "claims": [
            {
                "claim": c.claim,
                "article_id": c.article_id,
                "source": c.source,
                "published_at": _time(c.published_at),
                "alert_id": c.alert_id,
            }
            for c in view.claims
        ],
    }


def _article_json(article: StoryArticle) -> dict[str, Any]:
    copy = article.copy_of
    return {
        "article_id": article.article_id,
        "source": article.source,
        "language": article.language,
        "published_at": _time(article.published_at),
        "alerts": dict(sorted(article.raised.items())),
        "copy_of": None if copy is None else copy.duplicate_of,
        "copy_method": None if copy is None else copy.method,
    }


def _reading_json(view: StoryView, reading: Observation) -> dict[str, Any]:
    return {**reading.model_dump(mode="json"), "published_at": _time(view.published_at(reading.article_id))}


def summary_json(story: StorySummary) -> dict[str, Any]:
    return {
        "story_id": story.story_id,
        "title": story.title,
        "articles": len(story.articles),
        "alerts": dict(sorted(story.raised.items())),
        "last_published_at": _time(story.last_published),
    }


def _time(when: datetime | None) -> str | None:
    return when.isoformat() if when is not None else None
