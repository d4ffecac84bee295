"""A copy's cached draft must be exactly what drafting it again gives."""

from dataclasses import fields

import numpy as np

from schemas import Article
from services.analysis.config import AnalysisConfig
from services.analysis.draft_cache import TextCache, text_key
from services.analysis.prepare import Draft, draft

CONFIG = AnalysisConfig()
BODY = (
    "Floods forced thousands of residents from their homes in the river valley on Sunday.\n"
    "At least 12 people were killed and 40 injured, the regional governor said.\n"
    "Subscribe to our newsletter for more."
)


def article(article_id: str, body: str = BODY, **extra: object) -> Article:
    return Article(article_id=article_id, source="Wire", body=body, **extra)


def same(a: Draft, b: Draft) -> bool:
    for f in fields(Draft):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if not (np.array_equal(x, y) if isinstance(x, np.ndarray) else x == y):
            return False
    return True


def test_a_copy_gets_the_draft_drafting_it_again_would_give() -> None:
    cache: TextCache[Draft] = TextCache()
    original = article("a")
    cache.put(text_key(original, CONFIG), draft(original, CONFIG))
    copy = article("b")  # the same text under another id
    cached = cache.get(text_key(copy, CONFIG), copy)
    assert cached is not None and cached.article.article_id == "b"
    assert same(cached, draft(copy, CONFIG))


def test_title_language_and_text_are_part_of_the_key() -> None:
    base = text_key(article("a"), CONFIG)
    assert text_key(article("b"), CONFIG) == base
    assert text_key(article("a", title="Valley floods"), CONFIG) != base
    assert text_key(article("a", language="en"), CONFIG) != base
    assert text_key(article("a", BODY.replace("12", "13")), CONFIG) != base


def test_the_cache_is_bounded_and_skips_texts_without_sentences() -> None:
    cache: TextCache[Draft] = TextCache(maxsize=2)
    keys = []
    for n in range(3):
        a = article(f"a{n}", BODY.replace("12", str(20 + n)))
        keys.append(text_key(a, CONFIG))
        cache.put(keys[-1], draft(a, CONFIG))
    assert cache.get(keys[0], article("x")) is None  # the oldest went
    assert cache.get(keys[2], article("x")) is not None
    empty = article("e", "1.\n#")
    cache.put(text_key(empty, CONFIG), draft(empty, CONFIG))
    assert cache.get(text_key(empty, CONFIG), empty) is None
