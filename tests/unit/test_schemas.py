"""The wire contracts: what an Article must look like, that records survive JSON, and
that the committed JSON Schema files are exactly what the models generate."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from schemas import ALERT_ADAPTER, Article, Decision, DuplicateAlert, FigureChangedAlert
from schemas.generate import render, schemas

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"

GOOD: dict[str, Any] = {
    "article_id": "000_98b5822f234120b6",
    "source": "Wire",
    "url": "https://example.org/a",
    "title": "Quake",
    "body": "More than 300 people were killed.",
    "language": "en",
    "published_at": "2025-03-28T08:00:00+00:00",
}


def article(**changes: Any) -> Article:
    return Article.model_validate(GOOD | changes)


def test_a_good_article_is_accepted() -> None:
    parsed = article()
    assert parsed.article_id == GOOD["article_id"]
    assert parsed.published_at == datetime(2025, 3, 28, 8, tzinfo=UTC)


def test_optional_fields_may_be_null() -> None:
    parsed = article(url=None, title=None, language=None, published_at=None)
    assert (parsed.url, parsed.title, parsed.language, parsed.published_at) == (None, None, None, None)


def test_language_is_lowercased() -> None:
    assert article(language="FR").language == "fr"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("body", ""),
        ("body", "  \n\t "),
        ("language", "eng"),
        ("language", "e1"),
        ("published_at", "2025-03-28T08:00:00"),
        ("article_id", "   "),
        ("source", ""),
    ],
    ids=["empty-body", "blank-body", "three-letter-language", "digit-language", "naive-datetime", "blank-id",
         "empty-source"],
)  # fmt: skip
def test_bad_articles_are_rejected(field: str, value: str) -> None:
    with pytest.raises(ValidationError) as raised:
        article(**{field: value})
    assert {error["loc"][0] for error in raised.value.errors()} == {field}


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError) as raised:
        article(author="someone")
    assert raised.value.errors()[0]["type"] == "extra_forbidden"


def test_decision_round_trips_through_json() -> None:
    decision = Decision(
        article_id="b",
        story_id="s1",
        language="fr",
        duplicate_of="a",
        method="cross_lingual",
        similarity=0.91,
    )
    again = Decision.model_validate_json(decision.model_dump_json())
    assert again == decision
    assert json.loads(decision.model_dump_json())["record"] == "decision"


def observation(value: float, qualifier: str, article_id: str) -> dict[str, Any]:
    return {"value": value, "qualifier": qualifier, "text": "…", "article_id": article_id, "source": "Wire"}


ALERT_BASE: dict[str, Any] = {
    "alert_id": "al-1",
    "story_id": "s1",
    "story_title": "Quake",
    "article_id": "b",
    "source": "Wire",
    "language": "en",
    "published_at": "2025-03-28T09:00:00Z",
    "detected_at": "2025-03-28T09:00:01Z",
    "summary": "Death toll rises to at least 311",
}


@pytest.mark.parametrize(
    ("extra", "expected_type"),
    [
        ({"kind": "duplicate", "duplicate_of": "a", "method": "near", "similarity": 0.97}, DuplicateAlert),
        (
            {
                "kind": "figure_changed",
                "figure": {
                    "measure": "killed",
                    "unit": None,
                    "previous": observation(300, "more_than", "a"),
                    "current": observation(311, "at_least", "b"),
                },
            },
            FigureChangedAlert,
        ),
    ],
    ids=["duplicate", "figure_changed"],
)
def test_alert_round_trips_and_picks_its_kind(extra: dict[str, Any], expected_type: type) -> None:
    alert = ALERT_ADAPTER.validate_python(ALERT_BASE | extra)
    assert isinstance(alert, expected_type)
    again = ALERT_ADAPTER.validate_json(ALERT_ADAPTER.dump_json(alert))
    assert again == alert
    assert json.loads(ALERT_ADAPTER.dump_json(alert))["record"] == "alert"


def test_alert_with_a_naive_datetime_is_rejected() -> None:
    with pytest.raises(ValidationError):
        ALERT_ADAPTER.validate_python(
            ALERT_BASE | {"kind": "new_story", "detected_at": "2025-03-28T09:00:01"}
        )


def test_committed_schema_files_match_the_models() -> None:
    """Fails when a model changed without `make schemas`: outside checks read these files."""
    generated = {name: render(schema) for name, schema in schemas().items()}
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMA_DIR.glob("*.schema.json")}
    assert sorted(committed) == sorted(generated), "schema files differ from the generated set"
    stale = [name for name in generated if committed[name] != generated[name]]
    assert stale == [], f"stale schema files {stale}: run `make schemas` and commit them"
