"""When is an article a copy of an earlier one?  Three tests, cheapest first.

* exact: the same words (hash of case-folded tokens);
* near: a same-language copy with small edits (MinHash Jaccard over word 4-shingles);
* cross_lingual: a translation — most sentences of each side have a translation-level
  match on the other side in the shared multilingual embedding space.

A copy that reports a different figure is not a copy but a new version of the story:
it must reach the figure stage, so other numbers veto near and cross-lingual matches
(the classic dedup failure is merging texts that differ only in a number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHashLSH

from schemas import DuplicateMethod
from services.analysis.config import AnalysisConfig
from services.analysis.figures import Figure
from services.analysis.fingerprints import NUM_PERM, jaccard
from services.analysis.prepare import Draft, PreparedArticle


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    original: str  # article_id of the earlier article
    method: DuplicateMethod
    similarity: float


_NUMBER = re.compile(r"\d(?:[\d.,'\u00a0\u202f ]*\d)?")


def numbers(prepared: PreparedArticle | Draft) -> set[str]:
    """Every number written in digits, separators dropped ("2,000" = "2 000" = "2000")."""
    return {
        "".join(ch for ch in m.group() if ch.isdigit())
        for s in prepared.sentences
        for m in _NUMBER.finditer(s.text)
    }


def is_new_version(a: PreparedArticle | Draft, b: PreparedArticle) -> bool:
    """Same text, other numbers: an update of the story, never a copy.  Figures catch a
    changed count even when written in words; digits catch what no measure names."""
    return figures_conflict(a.figures, b.figures) or numbers(a) != numbers(b)


def figures_conflict(a: tuple[Figure, ...], b: tuple[Figure, ...]) -> bool:
    """True when both sides state the same measure with values that share nothing."""
    values_a: dict[tuple[str, str | None], set[float]] = {}
    for fig in a:
        values_a.setdefault((fig.measure, fig.unit), set()).add(fig.value)
    values_b: dict[tuple[str, str | None], set[float]] = {}
    for fig in b:
        values_b.setdefault((fig.measure, fig.unit), set()).add(fig.value)
    return any(key in values_b and not (vals & values_b[key]) for key, vals in values_a.items())


def alignment(a: PreparedArticle, b: PreparedArticle, cosine: float) -> float:
    """Share of sentences, on the worse side, that have a match at `cosine` on the other."""
    if len(a.vectors) == 0 or len(b.vectors) == 0:
        return 0.0
    sims = a.vectors @ b.vectors.T
    forward = float(np.mean(sims.max(axis=1) >= cosine))
    backward = float(np.mean(sims.max(axis=0) >= cosine))
    return min(forward, backward)


def near_copy_candidates(config: AnalysisConfig) -> MinHashLSH:
    """The LSH index that nominates near-copy candidates: a threshold below the near-copy
    Jaccard, so that a pair near it is still tried (the test itself is exact)."""
    return MinHashLSH(threshold=config.near_duplicate_jaccard * 0.85, num_perm=NUM_PERM)


def duplicate_method(
    new: PreparedArticle | Draft, old: PreparedArticle, config: AnalysisConfig
) -> DuplicateMatch | None:
    """How `new` copies `old`, or None.  Pure: the index only chooses which pairs to try."""
    if new.content_hash == old.content_hash:
        return DuplicateMatch(old.article_id, "exact", 1.0)
    if is_new_version(new, old):
        return None
    if new.language == old.language:
        score = jaccard(new.minhash, old.minhash)
        if score >= config.near_duplicate_jaccard:
            return DuplicateMatch(old.article_id, "near", round(score, 4))
        return None
    if not isinstance(new, PreparedArticle):
        return None  # a translation is only recognised by its vectors
    score = alignment(new, old, config.translation_cosine)
    if score >= config.cross_lingual_alignment:
        return DuplicateMatch(old.article_id, "cross_lingual", round(score, 4))
    return None
