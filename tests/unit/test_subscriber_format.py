"""The human lines of `newsmon subscribe`: one line per alert, built from the alert's own
fields (figures, claims, copy method), not a replay of `summary`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from schemas import (
    ALERT_ADAPTER,
    Alert,
    DuplicateAlert,
    FigureChange,
    FigureChangedAlert,
    NewClaimAlert,
    NewStoryAlert,
    Observation,
)
from services.alerts.subscriber import format_alert, format_number

WHEN = datetime(2024, 11, 30, 12, 0, tzinfo=UTC)


def base(**fields: Any) -> dict[str, Any]:
    return {
        "alert_id": "a1",
        "story_id": "s1",
        "story_title": "Port strike spreads",
        "article_id": "art-2",
        "source": "Source B",
        "language": "en",
        "published_at": WHEN,
        "detected_at": WHEN,
        "summary": "the summary is not what the line shows",
        **fields,
    }


def observation(value: float, qualifier: str, source: str) -> Observation:
    return Observation(value=value, qualifier=qualifier, text="…", article_id="x", source=source)


def test_figure_changed_shows_measure_qualified_values_and_sources() -> None:
    figure = FigureChange(
        measure="workers on strike",
        previous=observation(2000, "about", "Source A"),
        current=observation(5000, "more_than", "Source B"),
    )
    line = format_alert(FigureChangedAlert(**base(figure=figure)))
    assert line.plain == (
        "FIGURE  Port strike spreads · workers on strike: about 2,000 → more than 5,000 (Source A → Source B)"
    )


def test_figure_with_unit_and_one_source() -> None:
    figure = FigureChange(
        measure="inflation",
        unit="percent",
        previous=observation(2.5, "exact", "Stats office"),
        current=observation(3.25, "at_least", "Stats office"),
    )
    line = format_alert(FigureChangedAlert(**base(figure=figure)))
    assert line.plain == (
        "FIGURE  Port strike spreads · inflation: 2.5 percent → at least 3.25 percent (Stats office)"
    )


def test_new_claim_shows_story_source_and_the_claim_on_one_line() -> None:
    alert = NewClaimAlert(**base(claim="Dockers in Antwerp\njoined the strike on Monday."))
    assert format_alert(alert).plain == (
        "CLAIM   Port strike spreads · Source B: Dockers in Antwerp joined the strike on Monday."
    )


def test_new_story_shows_title_and_source() -> None:
    assert format_alert(NewStoryAlert(**base())).plain == "NEW     Port strike spreads (Source B)"


@pytest.mark.parametrize(
    ("method", "similarity", "expected"),
    [
        ("cross_lingual", 0.951, "COPY    Source B: translation of art-1 (0.95)"),
        ("exact", 1.0, "COPY    Source B: exact copy of art-1 (1.00)"),
        ("near", 0.9, "COPY    Source B: near copy of art-1 (0.90)"),
    ],
)
def test_duplicate_says_what_kind_of_copy(method: str, similarity: float, expected: str) -> None:
    alert = DuplicateAlert(**base(duplicate_of="art-1", method=method, similarity=similarity))
    assert format_alert(alert).plain == expected


def test_tag_is_coloured_and_title_cannot_inject_markup() -> None:
    alert: Alert = ALERT_ADAPTER.validate_python(base(kind="new_story", story_title="[bold red]x[/] story"))
    line = format_alert(alert)
    assert line.plain == "NEW     [bold red]x[/] story (Source B)"
    assert not line.style  # colour only where asked, not over the whole line
    assert any(span.start == 0 and span.end == 8 and "green" in str(span.style) for span in line.spans)


@pytest.mark.parametrize(
    ("value", "text"),
    [(2000.0, "2,000"), (311.0, "311"), (2.5, "2.5"), (1_234_567.0, "1,234,567"), (0.125, "0.125")],
)
def test_numbers_read_like_a_reporter_writes_them(value: float, text: str) -> None:
    assert format_number(value) == text
