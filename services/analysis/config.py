"""Tunable numbers of the analysis, in one frozen place (thresholds are calibrated on
SemEval-2022 task 8 *train*; see BENCHMARKS.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AnalysisConfig:
    window_hours: float = 72.0  # stories idle longer than this (event time) are evicted
    max_body_chars: int = 100_000  # analysed per article (embedding cost is linear in it)
    max_sentences: int = 150  # news articles rarely run longer; bounds time and record size
    max_stories: int = 100_000
    copy_containment: float = 0.6  # share of a copy found in the original (word 4-shingles; translated words)
    copy_cover: float = 0.6  # share of the original a copy carries (a paragraph may be dropped, not half)
    sentence_overlap: float = 0.55  # share of a sentence's words an earlier one keeps in word pairs: edited
    translation_cosine: float = 0.65  # sentence cosine that counts as "same sentence, other words"
    translation_floor: float = 0.42  # ...or, for each other's best match, this (a free translation)
    # An article no name links joins a story at this similarity, never below the model's
    # SemEval pair threshold (0.5068): readers rate a pair of one topic alike, but joining a
    # running story on topic alone needs more (a derby riot scored 0.517 with an ambush).
    # Calibrated on the quality corpus's dev feeds: 0.51-0.56 join the same articles there.
    same_story_similarity: float = 0.54
    linked_story_similarity: float = 0.45  # ...enough when the names link the two (story_evidence)
    best_linked_similarity: float = 0.3  # ...and this, when the linked story is the best-scoring one
    retelling_similarity: float = 0.85  # ...and above this, places further down a lead need not agree
    stale_story_hours: float = 24.0  # a story quiet this long is joined only by naming what it named
    claim_cosine: float = 0.63  # a sentence below this cosine to every known one is new
    claim_grey_cosine: float = 0.72  # ...and below this, new when it names something new
