"""Is a sentence news to this story?  Novelty against what the story already said.

A sentence is known when some sentence of the story says the same thing: a paraphrase
or a translation lands close in the multilingual embedding space.  Paraphrases of
news prose score lower than translations, so a sentence in the grey zone is new only
when it also names something the story never named (a place, a group, a person):
that is the usual shape of a genuinely new claim, and it keeps rewrites quiet.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import numpy as np
from numpy.typing import NDArray

from services.analysis.normalize import words

_NAME = re.compile(r"(?<![\w])([A-ZÀ-ÖØ-Þ][\w'’-]{2,})")


def names(sentence: str) -> set[str]:
    """Capitalised words after the first word: a cheap, language-neutral stand-in for
    named entities (names survive translation between Latin-script languages)."""
    first_letter = next((i for i, ch in enumerate(sentence) if ch.isalpha()), -1)
    return {m.group(1).casefold() for m in _NAME.finditer(sentence) if m.start() != first_letter}


def best_match(vector: NDArray[np.float32], known: NDArray[np.floating]) -> float:
    """Highest cosine to any known sentence (0 when the story knows none)."""
    return float((known @ vector).max()) if len(known) else 0.0


def is_new_claim(
    vector: NDArray[np.float32],
    sentence: str,
    known: NDArray[np.floating],
    vocabulary: Collection[str],
    certain_cosine: float,
    grey_cosine: float,
) -> bool:
    """New when clearly unlike every known sentence, or in the grey zone with a new name."""
    score = best_match(vector, known)
    if score < certain_cosine:
        return True
    return score < grey_cosine and any(name not in vocabulary for name in names(sentence))


def vocabulary_of(sentence: str) -> set[str]:
    """What a sentence adds to the story's vocabulary: its names and plain words."""
    return names(sentence) | set(words(sentence))
