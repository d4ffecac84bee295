from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from schemas import Article
from services.analysis.config import AnalysisConfig
from services.analysis.embedding import UniversalSentenceEncoder
from services.analysis.prepare import PreparedArticle, prepare


@pytest.fixture(scope="session")
def embedder() -> UniversalSentenceEncoder:
    return UniversalSentenceEncoder(threads=1)


@pytest.fixture(scope="session")
def make_prepared(embedder: UniversalSentenceEncoder) -> Callable[..., PreparedArticle]:
    def build(
        article_id: str, body: str, language: str = "en", source: str = "Test Wire", title: str | None = None
    ) -> PreparedArticle:
        article = Article(
            article_id=article_id,
            source=source,
            title=title,
            body=body,
            language=language,
            published_at=datetime(2025, 3, 1, tzinfo=UTC),
        )
        return prepare(article, embedder, AnalysisConfig())

    return build
