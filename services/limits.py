"""Limits that batch (`newsmon analyze`), the replayer and the stream's intake apply the
same way: one setting, one measure, one reason text, so an article gets one verdict
whichever way it comes in.

* Size: an article as it travels on the topic (its JSON, UTF-8) against
  NEWSMON_MAX_BODY_BYTES.  Over it, `analyze` and `replay` skip the article and the
  worker dead-letters it (reason header `too_large`), all saying `too_large: N bytes >
  limit M (NEWSMON_MAX_BODY_BYTES)`.
* Sentences: the first NEWSMON_MAX_SENTENCES of an article are analysed, in batch and
  stream alike: both build their analysis from `services.core.analysis_config`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from schemas import Article
from services.article_files import LoadError, load_located

TOO_LARGE = "too_large"


def too_large(size: int, limit: int) -> str | None:
    """The detail of a too-large input (the dead-letter `detail` header), or None."""
    if size <= limit:
        return None
    return f"{size} bytes > limit {limit} (NEWSMON_MAX_BODY_BYTES)"


def encoded_size(article: Article) -> int:
    """Bytes of the article on the topic: what the worker measures."""
    return len(article.model_dump_json().encode("utf-8"))


def within_limits(
    located: Iterable[tuple[str, Article]], max_body_bytes: int
) -> tuple[list[Article], list[LoadError]]:
    """The articles the stream would accept, and a LoadError (`too_large: …`) naming the
    file of each other one."""
    kept: list[Article] = []
    refused: list[LoadError] = []
    for location, article in located:
        detail = too_large(encoded_size(article), max_body_bytes)
        if detail is None:
            kept.append(article)
        else:
            refused.append(LoadError(location, f"{TOO_LARGE}: {detail}"))
    return kept, refused


def load_within_limits(paths: Iterable[Path], max_body_bytes: int) -> tuple[list[Article], list[LoadError]]:
    """Articles under `paths` in published order, without those the stream would refuse;
    what could not be read or is too large, each with its reason."""
    located, errors = load_located(paths)
    articles, too_big = within_limits(located, max_body_bytes)
    return articles, [*errors, *too_big]
