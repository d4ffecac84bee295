"""How similar are two news articles, as one calibrated number, across languages.

Two prepared articles are compared by cheap signals on what `prepare` already made:
sentence vectors in one multilingual space (matrix products on L2-normalised rows),
the names and numbers in the text (both usually survive translation), word overlap
(within a script) and the MinHash (within a language).  A small logistic model,
fitted on SemEval-2022 task 8 *train* (`python -m bench.semeval train`), maps them to
`similarity` in [0, 1]: the expected SemEval rating rescaled (Overall 1 "very similar"
→ 1.0 … 4 "very dissimilar" → 0.0).  The model is a small network (one hidden layer of
tanh units) that is *monotone* in every "more agreement" signal: its first-layer weights
carry the sign of the signal and its output weights are ≥ 0, so more agreement never
lowers the score and copies and translations land near 1.  The weights live in plain
JSON (services/analysis/data/similarity.json): inference is two small matrix products
in numpy, and a change of weights is a reviewable diff.

Only the article's *lead* (first ~1600 characters of sentences) is compared: that is
what the model was calibrated on (SemEval texts are cut at about 1000–1300 characters),
it is where news says what happened, and it bounds the cost for long articles.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from services.analysis.fingerprints import jaccard

if TYPE_CHECKING:  # prepare caches `lead_terms` on every article, so it imports this module
    from services.analysis.prepare import PreparedArticle

MODEL_RESOURCE = "data/similarity.json"
WINDOW_CHARS = 1600  # the lead that is compared (nearly all of each SemEval text the model learned from)
LEAD_SENTENCES = 3  # title + first sentences: what the article is about
POSITION_DECAY = 0.7  # weight of sentence i in the lead-weighted gist is DECAY**i
TOP_K = 3  # the best-aligned sentences: robust to cookie notices and other page noise
COVER_LEVELS = (0.5, 0.7)  # cosine of "same topic" and of "same sentence in other words"

KERNELS = (0.1, 0.2, 0.3, 0.4, 0.5)  # soft histogram of the low/mid sentence cosines
KERNEL_WIDTH = 0.1
EXACT_COSINE = 0.95  # the same sentence (a shared page template, or a copy)
PREFIX = 5  # words and names compared by prefix: "Oxfordu" (pl) ~ "Oxford" (en)

# Text overlaps mean different things within one language (every shared word counts) and
# across languages (only names, numbers and cognates can be shared): each has two features.
LEXICAL = ("numbers", "names", "title_names", "headline", "words")

# name → sign the trainer must respect: +1 "more means more similar" (more agreement
# never lowers the score, so copies and translations land near 1), −1 "more means less
# similar", 0 free (a shape, not a level); the model is monotone in every signed feature.
# Without these constraints a fit on
# SemEval learns that many identical sentences mean *different* stories (same-site
# cookie walls and paywalls) and then scores an article against itself at 0.1.
SIGNS: dict[str, int] = {
    "centroid": 1,
    "lead_weighted": 1,
    "lead": 1,
    "first_any": 1,
    "align_mean": 1,
    "align_min": 1,
    "top_mean": 1,
    "top_min": 1,
    **{f"cover_{round(level * 100)}": 1 for level in COVER_LEVELS},
    **{f"{name}_{side}": 1 for name in LEXICAL for side in ("same", "cross")},
    "minhash": 1,
    "template": -1,
    **{f"kernel_{round(mu * 10)}": 0 for mu in KERNELS},
    "top_gap": 0,
    "align_gap": 0,
    "lead_gap": 0,
    "same_language": 0,
    "length_ratio": 0,
}
FEATURES = tuple(SIGNS)

_NUMBER = re.compile(r"\d+(?:[.,' ]\d{3})*(?:[.,]\d+)?")
_TOKEN = re.compile(r"\w+", re.UNICODE)
_NON_DIGIT = re.compile(r"\D+")
# A word of letters only (no digits) → its first PREFIX letters; words need 4+ letters,
# names 3+ and a capital (scripts with case; accents are stripped before matching).
_WORD_PREFIX = re.compile(rf"(?<!\w)([^\W\d_]{{4,{PREFIX}}})[^\W\d_]*(?!\w)")
_NAME_PREFIX = re.compile(rf"(?<!\w)([A-ZÆØÞŁĐŒА-ЯЁΑ-Ω][^\W\d_]{{2,{PREFIX - 1}}})[^\W\d_]*(?!\w)")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@dataclass(frozen=True, slots=True)
class Terms:
    """What of one article's lead can be matched without embeddings.  `prepare` computes it
    once per article (PreparedArticle.terms), so a comparison only intersects sets."""

    count: int  # sentences in the lead: the first ones up to WINDOW_CHARS characters (at least one)
    chars: int
    numbers: frozenset[str]  # digits only: "1,000" = "1.000" = "1000"
    names: frozenset[str]  # capitalised words not opening a sentence, folded, prefix
    title_names: frozenset[str]  # every capitalised word of the first sentence (the title)
    words: frozenset[str]  # all words of 4+ letters, folded, prefix
    headline: frozenset[str]  # the title's names but its first word: whom and where it is about


@dataclass(frozen=True, slots=True)
class Lead:
    """The compared part of an article: its first sentences, their vectors and terms."""

    vectors: NDArray[np.float32]
    count: int  # number of sentences
    chars: int
    terms: Terms


def lead_of(article: PreparedArticle) -> Lead:
    """The article's lead, from the terms `prepare` cached (computed here when missing)."""
    terms = article.terms if article.terms is not None else lead_terms([s.text for s in article.sentences])
    return Lead(article.vectors[: terms.count], terms.count, terms.chars, terms)


def lead_terms(sentences: Sequence[str]) -> Terms:
    """The lead (first sentences up to WINDOW_CHARS, at least one) and its names, numbers and
    words.  The headline's names skip the title's first word: grammar capitalises it, and it is
    often the kind of event ("Floods…", "Séisme…"), which two different events share.  Regular
    expressions do the filtering: about 0.2 ms for a 1600-character lead, which is why
    `prepare` computes it once per article."""
    count, chars = 0, 0
    for text in sentences:
        if count and chars + len(text) > WINDOW_CHARS:
            break
        count, chars = count + 1, chars + len(text) + 1
    texts = sentences[:count]
    numbers = frozenset(key for text in texts for key in number_keys(text))
    folded = [_strip_accents(text) for text in texts]
    capitals = [_capitals(text, skip_first=True) for text in folded]
    names = frozenset(name for found in capitals for name in found)
    title = frozenset(_capitals(folded[0], skip_first=False)) if folded else frozenset()
    headline = frozenset(capitals[0]) if capitals else frozenset()
    words = frozenset(_WORD_PREFIX.findall("\n".join(folded).casefold()))
    return Terms(count, chars, numbers, names, title, words, headline)


def _capitals(text: str, skip_first: bool) -> list[str]:
    """Name-like words (capitalised, 3+ letters) as folded prefixes; the sentence's first
    word is capitalised by grammar, not because it is a name, so it may be skipped."""
    found = list(_NAME_PREFIX.finditer(text))
    if skip_first and found:
        first = _TOKEN.search(text)
        if first is not None and first.start() == found[0].start():
            found = found[1:]
    return [m.group(1).casefold() for m in found]


def number_keys(text: str) -> frozenset[str]:
    """The numbers of `text` as compared between articles (see `_number_key`)."""
    return frozenset(key for m in _NUMBER.finditer(text) if (key := _number_key(m.group())))


def _number_key(text: str) -> str:
    """Digits without separators; single digits are too common to identify anything."""
    digits = _NON_DIGIT.sub("", text).lstrip("0")
    return digits if len(digits) >= 2 else ""


def _strip_accents(text: str) -> str:
    """ "Zürich" and "Zurich", "Kraków" and "Krakow" become one word (case is kept)."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient with a +1 prior: one shared year in two short lists is weak evidence."""
    if not a or not b:
        return 0.0
    return len(a & b) / (min(len(a), len(b)) + 1.0)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def pair_features(a: PreparedArticle, b: PreparedArticle) -> dict[str, float]:
    """All signals for one pair, by name (see FEATURES): cosines and shares in [0, 1],
    gaps in [-1, 1], kernels are log soft counts (≥ 0)."""
    return lead_features(lead_of(a), lead_of(b), a.language == b.language, jaccard(a.minhash, b.minhash))


def lead_features(a: Lead, b: Lead, same_language: bool, minhash_jaccard: float) -> dict[str, float]:
    """Pair signals from two leads; MinHash counts only within one language."""
    ta, tb = a.terms, b.terms
    features = dict.fromkeys(FEATURES, 0.0)
    side = "same" if same_language else "cross"
    features.update(
        {
            f"numbers_{side}": _overlap(ta.numbers, tb.numbers),
            f"names_{side}": _overlap(ta.names, tb.names),
            f"title_names_{side}": (
                _overlap(ta.title_names, tb.names | tb.title_names)
                + _overlap(tb.title_names, ta.names | ta.title_names)
            )
            / 2.0,
            f"headline_{side}": (
                _overlap(ta.headline, tb.names | tb.title_names)
                + _overlap(tb.headline, ta.names | ta.title_names)
            )
            / 2.0,
            f"words_{side}": _jaccard(ta.words, tb.words),
            "minhash": minhash_jaccard if same_language else 0.0,
            "same_language": float(same_language),
        }
    )
    if a.count and b.count:
        features.update(_vector_features(a.vectors, b.vectors))
        features["length_ratio"] = min(a.chars, b.chars) / max(a.chars, b.chars)
    return features


def _vector_features(va: NDArray[np.float32], vb: NDArray[np.float32]) -> dict[str, float]:
    """Sentence alignment on the cosine matrix: gist, lead, coverage, best matches, histogram.
    (Cosines of sums, not means: the scale cancels.  Written for few numpy calls: a pair
    costs ~0.1 ms, most of it numpy's per-call overhead; the short lists are plain Python.)"""
    sims = va @ vb.T
    best_a = np.clip(sims.max(axis=1), 0.0, 1.0).tolist()
    best_b = np.clip(sims.max(axis=0), 0.0, 1.0).tolist()
    gists_a, gists_b = _gists(va), _gists(vb)  # rows: whole lead, position-weighted, first sentences
    dots = np.einsum("ij,ij->i", gists_a, gists_b)
    norms = np.sqrt(np.einsum("ij,ij->i", gists_a, gists_a) * np.einsum("ij,ij->i", gists_b, gists_b))
    centroid, weighted, lead = (
        max(0.0, d / n) if n > 1e-12 else 0.0 for d, n in zip(dots, norms, strict=True)
    )
    count = len(best_a) + len(best_b)
    top_a, top_b = _top_mean(best_a), _top_mean(best_b)
    mean_a, mean_b = sum(best_a) / len(best_a), sum(best_b) / len(best_b)
    exact = (_share(best_a, EXACT_COSINE) + _share(best_b, EXACT_COSINE)) / 2.0
    out = {
        "centroid": float(centroid),
        "lead_weighted": float(weighted),
        "lead": float(lead),
        "first_any": (best_a[0] + best_b[0]) / 2.0,
        "align_mean": (mean_a + mean_b) / 2.0,
        "align_min": min(mean_a, mean_b),
        "top_mean": (top_a + top_b) / 2.0,
        "top_min": min(top_a, top_b),
        "template": exact * (1.0 - max(best_a[0], best_b[0])),  # identical sentences, other titles
        "top_gap": (top_a + top_b) / 2.0 - min(top_a, top_b),
        "align_gap": (mean_a + mean_b) / 2.0 - min(mean_a, mean_b),
        "lead_gap": float(weighted) - float(centroid),
    }
    for level in COVER_LEVELS:
        hits = sum(1 for v in best_a if v >= level) + sum(1 for v in best_b if v >= level)
        out[f"cover_{round(level * 100)}"] = hits / count
    out.update(_kernels(sims))
    return out


def _share(values: list[float], level: float) -> float:
    return sum(1 for v in values if v >= level) / len(values)


def _top_mean(values: list[float]) -> float:
    top = sorted(values)[-TOP_K:]
    return sum(top) / len(top)


def _gists(rows: NDArray[np.float32]) -> NDArray[np.float32]:
    """Three sums of the sentence vectors: all, weighted by POSITION_DECAY**i, the first
    LEAD_SENTENCES."""
    if len(rows) > _GIST_WEIGHTS.shape[1]:
        return np.stack([rows.sum(axis=0), _decay(len(rows)) @ rows, rows[:LEAD_SENTENCES].sum(axis=0)])
    return _GIST_WEIGHTS[:, : len(rows)] @ rows


def _decay(count: int) -> NDArray[np.float32]:
    return POSITION_DECAY ** np.arange(count, dtype=np.float32)


_GIST_WEIGHTS = np.stack(
    [np.ones(256, dtype=np.float32), _decay(256), (np.arange(256) < LEAD_SENTENCES).astype(np.float32)]
)


def _kernels(sims: NDArray[np.float32]) -> dict[str, float]:
    """K-NRM pooling: per sentence, log of the soft count of partners near each cosine
    level, averaged over both sides: how the *unmatched* part of two texts relates
    (same topic, or nothing in common).  Levels ≥ 0.6 are left to the monotone features."""
    soft = np.exp((sims[..., None] - _MUS) ** 2 * _KERNEL_SCALE)
    pooled = (np.log1p(soft.sum(axis=1)).mean(axis=0) + np.log1p(soft.sum(axis=0)).mean(axis=0)) / 2.0
    return dict(zip(_KERNEL_NAMES, pooled.tolist(), strict=True))


_MUS = np.asarray(KERNELS, dtype=np.float32)
_KERNEL_SCALE = np.float32(-1.0 / (2.0 * KERNEL_WIDTH**2))
_KERNEL_NAMES = tuple(f"kernel_{round(mu * 10)}" for mu in KERNELS)


@dataclass(frozen=True, slots=True)
class SimilarityModel:
    """A one-hidden-layer network over standardised pair features, monotone in every signed
    feature (see SIGNS), or a logistic model when it has no hidden units.
    `same_story_threshold` decides `same_story`.  Immutable: load a new one to change weights.

        z = (x − mean) / scale
        similarity = σ(tanh(z · weights + hidden_bias) · output + bias)   (hidden units)
        similarity = σ(z · weights + bias)                                (logistic)
    """

    features: tuple[str, ...]
    mean: NDArray[np.float64]
    scale: NDArray[np.float64]
    weights: NDArray[np.float64]  # (features, hidden); (features,) for a logistic model
    bias: float
    same_story_threshold: float
    meta: dict[str, object]
    hidden_bias: NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    output: NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))  # ≥ 0

    def score(self, features: dict[str, float]) -> float:
        """Calibrated similarity in [0, 1] from a feature dict (see `pair_features`)."""
        x = np.array([features[name] for name in self.features], dtype=np.float64)
        z = (x - self.mean) / self.scale
        if self.output.size:
            logit = float(np.tanh(z @ self.weights + self.hidden_bias) @ self.output) + self.bias
        else:
            logit = float(z @ self.weights) + self.bias
        return 1.0 / (1.0 + math.exp(-logit)) if logit >= 0 else math.exp(logit) / (1.0 + math.exp(logit))

    def similarity(self, a: PreparedArticle, b: PreparedArticle) -> float:
        """Higher = more similar: ≈ (4 − expected SemEval Overall) / 3."""
        return self.score(pair_features(a, b))

    def same_story(self, a: PreparedArticle, b: PreparedArticle) -> bool:
        """Same news event (SemEval Overall ≤ 2), by the threshold fitted on train."""
        return self.similarity(a, b) >= self.same_story_threshold

    def to_json(self) -> str:
        """Plain, diffable JSON; `model_from_json` reads it back exactly."""
        doc: dict[str, object] = {
            "features": list(self.features),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "weights": self.weights.tolist(),
        }
        if self.output.size:
            doc.update(hidden_bias=self.hidden_bias.tolist(), output=self.output.tolist())
        doc.update(bias=self.bias, same_story_threshold=self.same_story_threshold, meta=self.meta)
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def model_from_json(text: str) -> SimilarityModel:
    """Parse a model document; a stale, broken or non-monotone file fails here, not at the
    first pair."""
    doc = json.loads(text)
    names = tuple(str(name) for name in doc["features"])
    unknown = set(names) - set(FEATURES)
    if unknown:
        raise ValueError(f"similarity model uses unknown features: {sorted(unknown)}")
    mean, scale = (np.asarray(doc[key], dtype=np.float64) for key in ("mean", "scale"))
    weights = np.asarray(doc["weights"], dtype=np.float64)
    hidden_bias = np.asarray(doc.get("hidden_bias", []), dtype=np.float64)
    output = np.asarray(doc.get("output", []), dtype=np.float64)
    if mean.shape != (len(names),) or scale.shape != (len(names),) or weights.shape[:1] != (len(names),):
        raise ValueError("similarity model: mean, scale and weights need one entry per feature")
    if weights.ndim != (2 if output.size else 1) or (output.size and weights.shape[1:] != output.shape):
        raise ValueError("similarity model: weights, hidden_bias and output disagree on the hidden units")
    if output.size and hidden_bias.shape != output.shape:
        raise ValueError("similarity model: weights, hidden_bias and output disagree on the hidden units")
    if np.any(scale <= 0):
        raise ValueError("similarity model: scale must be positive")
    signs = np.array([SIGNS[name] for name in names], dtype=np.float64)
    signed = weights * (signs[:, None] if weights.ndim == 2 else signs)
    if np.any(signed < -1e-9) or np.any(output < 0):
        raise ValueError("similarity model: weights break the signs in SIGNS (the model must be monotone)")
    return SimilarityModel(
        features=names,
        mean=mean,
        scale=scale,
        weights=weights,
        bias=float(doc["bias"]),
        same_story_threshold=float(doc["same_story_threshold"]),
        meta=dict(doc.get("meta", {})),
        hidden_bias=hidden_bias,
        output=output,
    )


def load_model(path: Path | None = None) -> SimilarityModel:
    """The model at `path`, or the one shipped in the package (services/analysis/data)."""
    if path is not None:
        return model_from_json(path.read_text(encoding="utf-8"))
    text = resources.files("services.analysis").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8")
    return model_from_json(text)
