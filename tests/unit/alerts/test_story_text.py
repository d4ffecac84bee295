"""`newsmon story` as a fact-checker reads it: who said what when, how each figure moved."""

from __future__ import annotations

from services.alerts.story import build_story, summarize
from services.alerts.story_text import stories_lines, story_lines
from tests.unit.alerts.test_story import STORY, alert, seed_like


def test_the_figure_history_names_sources_and_times() -> None:
    view = build_story(seed_like())
    assert view is not None
    lines = story_lines(view)
    assert "  killed: more than 300 (Wire, 06:00) → at least 311 (EFE, 14:45)" in lines
    assert lines[:2] == ["Aleppo bombings", f"{STORY} · 4 articles · 30 Nov 2024, 06:00–14:45 UTC"]


def test_articles_say_what_each_brought_and_claims_come_in_order() -> None:
    view = build_story(seed_like())
    assert view is not None
    lines = story_lines(view)
    articles = lines[lines.index("articles (those that raised alerts)") + 1 : lines.index("figures") - 1]
    assert [" ".join(line.split()) for line in articles] == [
        "06:00 Wire a0 new story",
        "08:30 Defence Talks a1 2 new claims",
        "09:15 Wire FR a2 translation of a0 (0.97)",
        "14:45 EFE a4 1 changed figure, 1 new claim",
    ]
    claims = lines[lines.index("claims (3, in the order they were made)") + 1 :]
    assert claims == [
        "  08:30  Defence Talks: The army withdrew.",
        "  08:30  Defence Talks: Turkey approved the offensive.",
        "  14:45  EFE: Jets struck at dawn.",
    ]


def test_times_carry_the_date_when_a_story_spans_days() -> None:
    late = alert("new_claim", "a9", "Wire", 30, claim="Next day.")
    view = build_story([*seed_like(), late])
    assert view is not None
    lines = story_lines(view)
    assert "  2024-12-01 06:00  Wire: Next day." in lines
    assert lines[1].endswith("2024-11-30 06:00 – 2024-12-01 06:00 UTC")


def test_stories_list() -> None:
    lines = stories_lines(summarize(seed_like()), "newsmon:alerts", every=False, window_hours=72)
    header = "active stories (last article within 72 h of the newest) in stream newsmon:alerts"
    assert lines[0] == f"{header}, most recent first:"
    assert " ".join(lines[1].split()) == f"{STORY} 14:45 4 articles 6 alerts Aleppo bombings"
