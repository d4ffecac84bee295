"""Alert records with deterministic ids: the same input gives the same alert_id, in
batch or in the stream, so every sink can use it as its idempotency key."""

from __future__ import annotations

import hashlib
from datetime import datetime

from schemas import (
    Alert,
    DuplicateAlert,
    FigureChange,
    FigureChangedAlert,
    NewClaimAlert,
    NewStoryAlert,
    Observation,
)
from services.analysis.duplicates import DuplicateMatch
from services.analysis.prepare import PreparedArticle

QUALIFIER_WORDS = {
    "exact": "",
    "about": "about ",
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "at most ",
    "less_than": "less than ",
}
SUMMARY_CLAIM_CHARS = 160


def alert_id(kind: str, story_id: str, article_id: str, detail: str = "") -> str:
    key = "\x1f".join((kind, story_id, article_id, detail)).encode("utf-8")
    return hashlib.blake2b(key, digest_size=12).hexdigest()


def _common(prepared: PreparedArticle, story_id: str, story_title: str, detected_at: datetime) -> dict:
    article = prepared.article
    return {
        "story_id": story_id,
        "story_title": story_title,
        "article_id": article.article_id,
        "source": article.source,
        "language": prepared.language,
        "published_at": article.published_at,
        "detected_at": detected_at,
    }


def new_story(prepared: PreparedArticle, story_id: str, detected_at: datetime) -> Alert:
    return NewStoryAlert(
        alert_id=alert_id("new_story", story_id, prepared.article_id),
        summary=f"New story: {prepared.title} ({prepared.article.source})",
        **_common(prepared, story_id, prepared.title, detected_at),
    )


def duplicate(
    prepared: PreparedArticle, story_id: str, title: str, match: DuplicateMatch, detected_at: datetime
) -> Alert:
    how = {"exact": "exact copy", "near": "near copy", "cross_lingual": "translation"}[match.method]
    return DuplicateAlert(
        alert_id=alert_id("duplicate", story_id, prepared.article_id, match.original),
        summary=f"{prepared.article.source}: {how} of {match.original} ({match.similarity:.2f}) · {title}",
        duplicate_of=match.original,
        method=match.method,
        similarity=match.similarity,
        **_common(prepared, story_id, title, detected_at),
    )


def new_claim(
    prepared: PreparedArticle, story_id: str, title: str, claim: str, detected_at: datetime
) -> Alert:
    short = claim if len(claim) <= SUMMARY_CLAIM_CHARS else claim[: SUMMARY_CLAIM_CHARS - 1] + "…"
    return NewClaimAlert(
        alert_id=alert_id("new_claim", story_id, prepared.article_id, claim),
        summary=f"{title} · {prepared.article.source}: {short}",
        claim=claim,
        **_common(prepared, story_id, title, detected_at),
    )


def figure_changed(
    prepared: PreparedArticle, story_id: str, title: str, change: FigureChange, detected_at: datetime
) -> Alert:
    detail = f"{change.measure}|{change.unit}|{change.previous.value}|{change.current.value}"
    return FigureChangedAlert(
        alert_id=alert_id("figure_changed", story_id, prepared.article_id, detail),
        summary=f"{title} · {change.measure}: {describe(change.previous)} → {describe(change.current)} "
        f"({change.previous.source} → {change.current.source})",
        figure=change,
        **_common(prepared, story_id, title, detected_at),
    )


def describe(observation: Observation) -> str:
    value = observation.value
    number = f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    return QUALIFIER_WORDS[observation.qualifier] + number
