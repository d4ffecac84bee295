"""`newsmon story` and `newsmon stories` as text for a person: what a fact-checker asks
for (who said what when, how each figure moved), one fact per line, times in UTC."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime

from schemas import Observation
from services.alerts.story import FigureHistory, StoryArticle, StorySummary, StoryView
from services.alerts.subscriber import COPY_METHODS, format_observation

Clock = Callable[[datetime | None], str]
_SOURCE_WIDTH = 24


def story_lines(view: StoryView) -> list[str]:
    """The whole view: title, articles, figure histories, claims."""
    clock, span = _clock([a.published_at for a in view.articles])
    header = f"{view.story_id} · {_plural(len(view.articles), 'article')} · {span}"
    if not view.complete:
        header += " · incomplete: the stream no longer holds the story's first alerts"
    lines = [view.title, header, "", "articles (those that raised alerts)"]
    width = min(_SOURCE_WIDTH, max(len(a.source) for a in view.articles))
    lines += [_article_line(a, clock, width) for a in view.articles]
    lines += ["", "figures"]
    lines += [f"  {figure_line(f, view, clock)}" for f in view.figures] or ["  no figure changed"]
    lines += ["", f"claims ({len(view.claims)}, in the order they were made)"]
    lines += [f"  {clock(c.published_at)}  {c.source}: {' '.join(c.claim.split())}" for c in view.claims]
    if not view.claims:
        lines.append("  no new claim after the first article")
    return lines


def figure_line(figure: FigureHistory, view: StoryView, clock: Clock) -> str:
    """`killed: more than 300 (Wire, 06:00) → at least 311 (EFE, 14:45)`."""
    steps = [_reading(r, figure.unit, view, clock) for r in figure.readings]
    return f"{figure.measure}: {' → '.join(steps)}"


def _reading(reading: Observation, unit: str | None, view: StoryView, clock: Clock) -> str:
    when = clock(view.published_at(reading.article_id))
    return f"{format_observation(reading, unit)} ({reading.source}, {when})"


def _article_line(article: StoryArticle, clock: Clock, width: int) -> str:
    source = article.source if len(article.source) <= width else article.source[: width - 1] + "…"
    return f"  {clock(article.published_at)}  {source:<{width}}  {article.article_id}  {_raised(article)}"


def _raised(article: StoryArticle) -> str:
    """What the article brought, in the order a reader cares: new story, copy, figures, claims."""
    parts: list[str] = []
    raised: Counter[str] = article.raised
    if raised["new_story"]:
        parts.append("new story")
    if article.copy_of is not None:
        copy = article.copy_of
        what = COPY_METHODS.get(copy.method, "copy")
        parts.append(f"{what} of {copy.duplicate_of} ({copy.similarity:.2f})")
    if raised["figure_changed"]:
        parts.append(_plural(raised["figure_changed"], "changed figure"))
    if raised["new_claim"]:
        parts.append(_plural(raised["new_claim"], "new claim"))
    return ", ".join(parts)


def stories_lines(stories: list[StorySummary], stream: str, every: bool, window_hours: float) -> list[str]:
    """One line per story, the most recently active first, under a line saying which."""
    which = (
        "every story" if every else f"active stories (last article within {window_hours:g} h of the newest)"
    )
    lines = [f"{which} in stream {stream}, most recent first:"]
    clock, _ = _clock([s.last_published for s in stories])
    for story in stories:
        articles = _plural(len(story.articles), "article")
        counts = f"{articles:>12}  {_plural(sum(story.raised.values()), 'alert'):>10}"
        lines.append(f"  {story.story_id}  {clock(story.last_published)}  {counts}  {story.title}")
    return lines


def _clock(times: list[datetime | None]) -> tuple[Clock, str]:
    """How to show a time, and the span of `times`: hours and minutes when all fall on
    one day (named once in the span), else the date too.  Always UTC."""
    known = sorted(t.astimezone(UTC) for t in times if t is not None)
    if not known:
        return (lambda _: "--:--"), "no publication times"
    one_day = known[0].date() == known[-1].date()
    pattern = "%H:%M" if one_day else "%Y-%m-%d %H:%M"

    def clock(when: datetime | None) -> str:
        return when.astimezone(UTC).strftime(pattern) if when is not None else "--:--"

    first, last = known[0], known[-1]
    if one_day:
        span = f"{first:%d %b %Y}, {first:%H:%M}–{last:%H:%M} UTC"
    else:
        span = f"{first:%Y-%m-%d %H:%M} – {last:%Y-%m-%d %H:%M} UTC"
    return clock, span


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
