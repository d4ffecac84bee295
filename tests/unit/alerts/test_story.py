"""A story rebuilt from its alerts alone: articles, figure histories, claims, and the
stories list.  The alerts are built by hand, shaped like the seed run's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from schemas import ALERT_ADAPTER, Alert
from services.alerts.story import active, build_story, figure_histories, story_json, summarize

STORY = "story-9f9d771fc5d44bc1"
DAY = datetime(2024, 11, 30, tzinfo=UTC)


def alert(kind: str, article: str, source: str, hour: float, n: int = 0, **fields: Any) -> Alert:
    return ALERT_ADAPTER.validate_python(
        {
            "kind": kind,
            "alert_id": f"{kind}-{article}-{n}",
            "story_id": fields.pop("story_id", STORY),
            "story_title": fields.pop("title", "Aleppo"),
            "article_id": article,
            "source": source,
            "language": "en",
            "published_at": DAY + timedelta(hours=hour),
            "detected_at": DAY + timedelta(days=400),
            "summary": "s",
            **fields,
        }
    )


def reading(value: float, qualifier: str, article: str, source: str) -> dict[str, Any]:
    return {
        "value": value,
        "qualifier": qualifier,
        "text": f"{value} dead",
        "article_id": article,
        "source": source,
    }


def change(
    article: str, source: str, hour: float, before: dict, after: dict, measure: str = "killed"
) -> Alert:
    figure = {"measure": measure, "unit": None, "previous": before, "current": after}
    return alert("figure_changed", article, source, hour, n=len(measure), figure=figure)


def seed_like() -> list[Alert]:
    wire_300 = reading(300, "more_than", "a0", "Wire")
    efe_311 = reading(311, "at_least", "a4", "EFE")
    return [
        alert("new_story", "a0", "Wire", 6, title="Russian aircraft support Assad"),
        alert("new_claim", "a1", "Defence Talks", 8.5, claim="The army withdrew."),
        alert("new_claim", "a1", "Defence Talks", 8.5, n=1, claim="Turkey approved the offensive."),
        alert("duplicate", "a2", "Wire FR", 9.25, duplicate_of="a0", method="cross_lingual", similarity=0.97),
        change("a4", "EFE", 14.75, wire_300, efe_311),
        alert("new_claim", "a4", "EFE", 14.75, claim="Jets struck at dawn.", title="Aleppo bombings"),
    ]


def test_the_story_so_far() -> None:
    view = build_story(seed_like())
    assert view is not None
    assert (view.story_id, view.title, view.complete) == (STORY, "Aleppo bombings", True)
    assert [a.article_id for a in view.articles] == ["a0", "a1", "a2", "a4"]
    assert dict(view.articles[1].raised) == {"new_claim": 2}
    assert view.articles[2].copy_of is not None and view.articles[2].copy_of.duplicate_of == "a0"
    assert [c.claim for c in view.claims] == [
        "The army withdrew.",
        "Turkey approved the offensive.",
        "Jets struck at dawn.",
    ]
    (figure,) = view.figures
    assert [(r.value, r.source) for r in figure.readings] == [(300, "Wire"), (311, "EFE")]


def test_changes_of_one_figure_chain_up_and_others_stay_apart() -> None:
    first = change("b", "B", 1, reading(300, "more_than", "a", "A"), reading(311, "at_least", "b", "B"))
    second = change("c", "C", 2, reading(311, "at_least", "b", "B"), reading(350, "about", "c", "C"))
    elsewhere = change("c", "C", 2, reading(12, "exact", "a", "A"), reading(15, "exact", "c", "C"))
    other = change(
        "c", "C", 2, reading(20, "exact", "a", "A"), reading(28, "exact", "c", "C"), "civilians killed"
    )
    histories = figure_histories([first, other, elsewhere, second])  # type: ignore[list-item]
    assert [(h.measure, [r.value for r in h.readings]) for h in histories] == [
        ("killed", [300, 311, 350]),
        ("civilians killed", [20, 28]),
        ("killed", [12, 15]),  # same measure, another count (another place): its own history
    ]


def test_a_story_whose_first_alerts_were_trimmed_says_so() -> None:
    view = build_story(seed_like()[1:])
    assert view is not None and not view.complete


def test_no_alerts_no_story() -> None:
    assert build_story([]) is None


def test_json_has_each_reading_with_its_time() -> None:
    view = build_story(seed_like())
    assert view is not None
    doc = story_json(view)
    history = doc["figures"][0]["history"]
    assert [(h["value"], h["qualifier"], h["published_at"]) for h in history] == [
        (300, "more_than", "2024-11-30T06:00:00+00:00"),
        (311, "at_least", "2024-11-30T14:45:00+00:00"),
    ]
    assert doc["articles"][2]["copy_of"] == "a0" and doc["articles"][2]["copy_method"] == "cross_lingual"
    assert doc["claims"][0] == {
        "claim": "The army withdrew.",
        "article_id": "a1",
        "source": "Defence Talks",
        "published_at": "2024-11-30T08:30:00+00:00",
        "alert_id": "new_claim-a1-0",
    }


def test_stories_are_listed_most_recent_first_and_active_by_the_feed_clock() -> None:
    old = alert("new_story", "z0", "Wire", -24 * 4, story_id="story-old", title="Old news")
    recent = alert("new_story", "y0", "Wire", 20, story_id="story-new", title="New news")
    stories = summarize([*seed_like(), old, recent])
    assert [s.story_id for s in stories] == ["story-new", STORY, "story-old"]
    assert stories[1].title == "Aleppo bombings" and len(stories[1].articles) == 4
    # The newest article (day 0, 20:00) sets the clock: four days earlier is out of a 72 h window.
    assert [s.story_id for s in active(stories, 72)] == ["story-new", STORY]
    assert [s.story_id for s in active(stories, 24 * 5)] == ["story-new", STORY, "story-old"]
