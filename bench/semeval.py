"""Fit and measure article similarity on SemEval-2022 task 8 (multilingual news similarity).

    python -m bench.semeval train    # fit on train.csv → services/analysis/data/similarity.json
    python -m bench.semeval report   # evaluate on test.csv, last stdout line = one JSON object
    python -m bench.semeval ceiling  # train CV of the same model on the raters' own sub-ratings

Split policy: every fitted number (weights, the same-story threshold, the choice of
features and regularisation) comes from train.csv, with 5-fold cross-validation inside
train; test.csv is only scored.  Test keeps the pairs whose two languages are both in
LANGUAGES and drops the pair_ids that also occur in train (and repeated pair_ids:
the first row wins), which leaves 857 pairs.  Gold: `Overall` (1 = very similar …
4 = very dissimilar); "same story" = Overall ≤ 2.

Sentence vectors are cached under .cache/bench/ (keyed by sentence text and model),
so re-runs cost only `prepare`'s cheap parts and the features.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import pickle
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from rich.console import Console
from rich.progress import track
from scipy.optimize import minimize  # training only (scipy comes with datasketch)

from schemas import Article
from services.analysis.config import AnalysisConfig
from services.analysis.embedding import Embedder, UniversalSentenceEncoder, Vectors
from services.analysis.prepare import PreparedArticle, prepare
from services.analysis.similarity import FEATURES, SIGNS, SimilarityModel, pair_features

DEFAULT_DATA = Path("../shared/bench/semeval2022-task8")
DEFAULT_MODEL = Path("services/analysis/data/similarity.json")
CACHE_DIR = Path(".cache/bench")
LANGUAGES = frozenset({"en", "de", "es", "fr", "it", "pl"})
SAME_STORY_MAX_OVERALL = 2.0
MAX_TITLE_CHARS = 300  # a longer first line is a paragraph, not a title
FOLDS = 5
SEED = 20220
HIDDEN = 8  # tanh units of the monotone network (0: logistic regression, `train --hidden 0`)
RESTARTS = 3  # seeded starts per network fit; the lowest loss wins
L2_GRID = (3.0, 5.0, 10.0)  # ridge on standardised features, chosen by CV (choose_l2)
L2_GRID_LOGISTIC = (0.1, 0.3, 1.0, 3.0, 10.0)
L2_TOLERANCE = 0.002  # prefer the stronger ridge unless the weaker one is clearly better
SIGN_LIST = [SIGNS[name] for name in FEATURES]

Matrix = NDArray[np.float64]
_BOUNDS: dict[int, tuple[float | None, float | None]] = {1: (0.0, None), -1: (None, 0.0), 0: (None, None)}
stderr = Console(stderr=True)


@dataclass(frozen=True, slots=True)
class Pair:
    pair_id: str
    lang1: str
    lang2: str
    text1: str
    text2: str
    overall: float


def read_pairs(path: Path) -> list[Pair]:
    """All rows of a SemEval CSV, first row per pair_id (a few ids repeat with re-translated text)."""
    csv.field_size_limit(sys.maxsize)
    pairs: dict[str, Pair] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            pair = Pair(
                row["pair_id"], row["lang1"], row["lang2"], row["text1"], row["text2"], float(row["Overall"])
            )
            pairs.setdefault(pair.pair_id, pair)
    return list(pairs.values())


def test_pairs(data: Path) -> list[Pair]:
    """The evaluation set: both languages in LANGUAGES, no pair_id that train also has."""
    seen = {pair.pair_id for pair in read_pairs(data / "train.csv")}
    return [
        p
        for p in read_pairs(data / "test.csv")
        if p.lang1 in LANGUAGES and p.lang2 in LANGUAGES and p.pair_id not in seen
    ]


def to_article(article_id: str, text: str, language: str) -> Article:
    """A SemEval text as an Article.  When the title is separated from the body (by a newline
    or two spaces) it becomes `Article.title`, as a feed would send it; otherwise the text
    is the body, title included."""
    text = text.strip()
    title: str | None = None
    for separator in ("\n", "  "):
        head, _, rest = text.partition(separator)
        if rest.strip() and len(head) <= MAX_TITLE_CHARS:
            title, text = head.strip(), rest.strip()
            break
    lang = language if len(language) == 2 and language.isalpha() else None
    return Article(
        article_id=article_id or "article", source="semeval", title=title, body=text or "-", language=lang
    )


class CachedEmbedder:
    """Wraps an embedder with an on-disk cache of sentence vectors (one pickle per model)."""

    def __init__(self, inner: Embedder, cache_dir: Path) -> None:
        self.name, self.dim, self._inner = inner.name, inner.dim, inner
        self._path = cache_dir / f"vectors-{inner.name}.pkl"
        self._vectors: dict[str, bytes] = {}
        if self._path.exists():
            self._vectors = pickle.loads(self._path.read_bytes())
        self._dirty = False

    def embed(self, texts: Sequence[str]) -> Vectors:
        keys = [hashlib.blake2b(t.encode("utf-8"), digest_size=16).hexdigest() for t in texts]
        missing = [i for i, key in enumerate(keys) if key not in self._vectors]
        if missing:
            fresh = self._inner.embed([texts[i] for i in missing])
            for row, i in zip(fresh, missing, strict=True):
                self._vectors[keys[i]] = row.astype(np.float32).tobytes()
            self._dirty = True
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([np.frombuffer(self._vectors[key], dtype=np.float32) for key in keys])

    def save(self) -> None:
        """Write the cache atomically; the folder carries its own .gitignore."""
        if not self._dirty:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        ignore = self._path.parent.parent / ".gitignore"
        if self._path.parent.parent.name == ".cache" and not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        tmp = self._path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(self._vectors, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(self._path)
        self._dirty = False


def prepare_pairs(
    pairs: Sequence[Pair], embedder: Embedder, config: AnalysisConfig, label: str
) -> list[tuple[PreparedArticle, PreparedArticle]]:
    """Both sides of every pair through the real `prepare` (memoised per id and text)."""
    memo: dict[tuple[str, str], PreparedArticle] = {}

    def one(article_id: str, text: str, language: str) -> PreparedArticle:
        key = (article_id, text)
        if key not in memo:
            memo[key] = prepare(to_article(article_id, text, language), embedder, config)
        return memo[key]

    out = []
    for pair in track(pairs, description=f"prepare {label}", console=stderr, transient=True):
        id1, _, id2 = pair.pair_id.partition("_")
        out.append((one(id1, pair.text1, pair.lang1), one(id2, pair.text2, pair.lang2)))
    return out


def feature_matrix(prepared: Sequence[tuple[PreparedArticle, PreparedArticle]]) -> Matrix:
    """One row of `pair_features` per pair, columns in FEATURES order."""
    rows = [pair_features(a, b) for a, b in prepared]
    return np.array([[row[name] for name in FEATURES] for row in rows], dtype=np.float64)


def centroid_cosines(prepared: Sequence[tuple[PreparedArticle, PreparedArticle]]) -> Matrix:
    """The baseline: cosine of the two article gists (mean sentence vectors) from `prepare`."""
    return np.array([float(a.centroid @ b.centroid) for a, b in prepared], dtype=np.float64)


def soft_target(pairs: Sequence[Pair]) -> Matrix:
    """The SemEval rating mapped to [0, 1]: Overall 1 → 1.0 … 4 → 0.0."""
    return np.array([(4.0 - p.overall) / 3.0 for p in pairs], dtype=np.float64)


def same_story_gold(pairs: Sequence[Pair]) -> NDArray[np.bool_]:
    return np.array([p.overall <= SAME_STORY_MAX_OVERALL for p in pairs])


# --- the model: a monotone network (or logistic regression) fitted to soft labels -----------


@dataclass(frozen=True, slots=True)
class Fit:
    """Fitted parameters over standardised features; `hidden_bias`/`output` are empty for a
    logistic model (see similarity.SimilarityModel for the formula)."""

    mean: Matrix
    scale: Matrix
    weights: Matrix  # (features, hidden) or (features,)
    hidden_bias: Matrix
    output: Matrix
    bias: float

    def predict(self, x: Matrix) -> Matrix:
        z = (x - self.mean) / self.scale
        if self.output.size:
            return _sigmoid(np.tanh(z @ self.weights + self.hidden_bias) @ self.output + self.bias)
        return _sigmoid(z @ self.weights + self.bias)


def _sigmoid(z: Matrix) -> Matrix:
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _standardise(x: Matrix) -> tuple[Matrix, Matrix, Matrix]:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    return mean, scale, (x - mean) / scale


def fit_model(x: Matrix, y: Matrix, l2: float, hidden: int = HIDDEN, signs: Sequence[int] = SIGN_LIST) -> Fit:
    """Cross-entropy against soft targets in [0, 1] with a ridge penalty, so the fitted
    probability estimates E[rating | features]: calibrated by construction.  `signs`
    (+1 / −1 / 0 per column, see similarity.SIGNS) bound the first-layer weights and the
    output weights are ≥ 0, which keeps the model monotone in the "more similar" signals."""
    return fit_network(x, y, l2, hidden, signs) if hidden else fit_logistic(x, y, l2, signs)


def fit_logistic(x: Matrix, y: Matrix, l2: float, signs: Sequence[int] = SIGN_LIST) -> Fit:
    """The linear model (no hidden layer), by L-BFGS-B within the sign bounds."""
    mean, scale, z = _standardise(x)

    def loss(theta: Matrix) -> tuple[float, Matrix]:
        logits = z @ theta[:-1] + theta[-1]
        residual = _sigmoid(logits) - y
        ridge = l2 / 2 * float(theta[:-1] @ theta[:-1])
        value = float(np.sum(np.logaddexp(0.0, logits) - y * logits)) + ridge
        return value, np.append(z.T @ residual + l2 * theta[:-1], residual.sum())

    bounds = [_BOUNDS[sign] for sign in signs]
    options = {"maxiter": 5000, "gtol": 1e-8}
    start = np.zeros(x.shape[1] + 1)
    fit = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=[*bounds, (None, None)], options=options)
    return Fit(mean, scale, fit.x[:-1], np.zeros(0), np.zeros(0), float(fit.x[-1]))


def fit_network(x: Matrix, y: Matrix, l2: float, hidden: int, signs: Sequence[int] = SIGN_LIST) -> Fit:
    """One hidden layer of `hidden` tanh units: first-layer weights bounded by the feature's
    sign, output weights ≥ 0, ridge on both; the best of RESTARTS seeded starts."""
    mean, scale, z = _standardise(x)
    k = x.shape[1]
    cut_w, cut_b, cut_v = k * hidden, k * hidden + hidden, k * hidden + 2 * hidden

    def loss(theta: Matrix) -> tuple[float, Matrix]:
        w, b, v, c = theta[:cut_w].reshape(k, hidden), theta[cut_w:cut_b], theta[cut_b:cut_v], theta[-1]
        h = np.tanh(z @ w + b)
        logits = h @ v + c
        residual = _sigmoid(logits) - y
        value = float(np.sum(np.logaddexp(0.0, logits) - y * logits))
        value += l2 / 2 * (float(np.sum(w * w)) + float(v @ v))
        grad_h = np.outer(residual, v) * (1.0 - h * h)
        grad = [
            (z.T @ grad_h + l2 * w).ravel(),
            grad_h.sum(axis=0),
            h.T @ residual + l2 * v,
            [residual.sum()],
        ]
        return value, np.concatenate(grad)

    direction = np.repeat(np.where(np.asarray(signs) < 0, -1.0, 1.0), hidden)
    bounds = [_BOUNDS[sign] for sign in signs for _ in range(hidden)]
    bounds += [(None, None)] * hidden + [(0.0, None)] * hidden + [(None, None)]
    rng = np.random.default_rng(SEED)
    best = None
    for _ in range(RESTARTS):
        start = np.concatenate(
            [
                np.abs(rng.normal(0.0, 0.1, k * hidden)) * direction,
                np.zeros(hidden),
                np.full(hidden, 0.5),
                [0.0],
            ]
        )
        options = {"maxiter": 3000}
        fit = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds, options=options)
        if best is None or fit.fun < best.fun:
            best = fit
    assert best is not None
    theta = best.x
    weights = theta[:cut_w].reshape(k, hidden)
    return Fit(mean, scale, weights, theta[cut_w:cut_b], theta[cut_b:cut_v], float(theta[-1]))


def pearson(scores: Matrix, overall: Matrix) -> float:
    """Correlation with −Overall (higher similarity should mean a lower rating)."""
    return float(np.corrcoef(scores, -overall)[0, 1])


def f1(predicted: NDArray[np.bool_], gold: NDArray[np.bool_]) -> float:
    tp = float(np.sum(predicted & gold))
    fp, fn = float(np.sum(predicted & ~gold)), float(np.sum(~predicted & gold))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_threshold(scores: Matrix, gold: NDArray[np.bool_]) -> float:
    """The cut that maximises F1; midway between neighbouring scores so it is not knife-edge."""
    ordered = np.unique(scores)
    cuts = (ordered[:-1] + ordered[1:]) / 2.0 if len(ordered) > 1 else ordered
    values = [f1(scores >= cut, gold) for cut in cuts]
    return float(cuts[int(np.argmax(values))])


def folds(n: int, k: int = FOLDS, seed: int = SEED) -> list[NDArray[np.int64]]:
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]


def cross_validate(
    x: Matrix,
    pairs: Sequence[Pair],
    evaluate: NDArray[np.bool_],
    l2: float,
    hidden: int = HIDDEN,
    signs: Sequence[int] = SIGN_LIST,
) -> dict[str, float]:
    """k-fold within train: out-of-fold Pearson and F1, where each fold's threshold is chosen
    on its own training part (so the F1 is honest); scored on the `evaluate` rows only."""
    y, gold = soft_target(pairs), same_story_gold(pairs)
    overall = np.array([p.overall for p in pairs])
    oof, hits = np.zeros(len(pairs)), np.zeros(len(pairs), dtype=bool)
    for held in folds(len(pairs)):
        train = np.setdiff1d(np.arange(len(pairs)), held)
        fit = fit_model(x[train], y[train], l2, hidden, signs)
        cut = best_threshold(fit.predict(x[train]), gold[train])
        oof[held] = fit.predict(x[held])
        hits[held] = oof[held] >= cut
    return {
        "pearson": pearson(oof[evaluate], overall[evaluate]),
        "f1": f1(hits[evaluate], gold[evaluate]),
        "oof_threshold": best_threshold(oof, gold),
    }


def choose_l2(x: Matrix, pairs: Sequence[Pair], evaluate: NDArray[np.bool_], hidden: int = HIDDEN) -> float:
    """The strongest ridge whose CV Pearson is within L2_TOLERANCE of the best one."""
    grid = L2_GRID if hidden else L2_GRID_LOGISTIC
    scores = {l2: cross_validate(x, pairs, evaluate, l2, hidden)["pearson"] for l2 in grid}
    best = max(scores.values())
    return max(l2 for l2, score in scores.items() if score >= best - L2_TOLERANCE)


# --- commands ---------------------------------------------------------------------------------


def _prepared(pairs: Sequence[Pair], label: str) -> list[tuple[PreparedArticle, PreparedArticle]]:
    embedder = CachedEmbedder(UniversalSentenceEncoder(), CACHE_DIR)
    try:
        return prepare_pairs(pairs, embedder, AnalysisConfig(), label)
    finally:
        embedder.save()


def train(data: Path, model_path: Path, hidden: int = HIDDEN) -> dict[str, object]:
    """Fit on all train pairs (every language: more data, and CV says it does not hurt the
    LANGUAGES subset), choose the ridge and the same-story threshold by CV, write the JSON."""
    pairs = read_pairs(data / "train.csv")
    prepared = _prepared(pairs, "train")
    x = feature_matrix(prepared)
    subset = np.array([p.lang1 in LANGUAGES and p.lang2 in LANGUAGES for p in pairs])
    l2 = choose_l2(x, pairs, subset, hidden)
    cv = cross_validate(x, pairs, subset, l2, hidden)
    fit = fit_model(x, soft_target(pairs), l2, hidden)
    overall, gold = np.array([p.overall for p in pairs]), same_story_gold(pairs)
    centroid = centroid_cosines(prepared)
    baseline = pearson(centroid[subset], overall[subset])
    kind = f"a monotone network, {hidden} tanh units" if hidden else "logistic regression"
    model = SimilarityModel(
        features=FEATURES,
        mean=fit.mean,
        scale=fit.scale,
        weights=fit.weights,
        bias=fit.bias,
        hidden_bias=fit.hidden_bias,
        output=fit.output,
        same_story_threshold=round(cv["oof_threshold"], 4),
        meta={
            "trained_on": "SemEval-2022 task 8 train.csv (all languages, first row per pair_id)",
            "made_by": "python -m bench.semeval train",
            "pairs": len(pairs),
            "target": f"(4 - Overall) / 3, soft-label cross-entropy, {kind}, signs bounded",
            "l2": l2,
            "cv_folds": FOLDS,
            "cv_pearson": round(cv["pearson"], 4),
            "cv_f1": round(cv["f1"], 4),
            "cv_languages": sorted(LANGUAGES),
            "embedder": UniversalSentenceEncoder.name,
            "baseline_centroid_threshold": round(best_threshold(centroid, gold), 4),
        },
    )
    model_path.parent.mkdir(parents=True, exist_ok=True)
    model_path.write_text(model.to_json(), encoding="utf-8")
    return {
        "pairs": len(pairs),
        "cv_pairs": int(subset.sum()),
        "hidden": hidden,
        "l2": l2,
        "cv_pearson": round(cv["pearson"], 4),
        "cv_f1": round(cv["f1"], 4),
        "cv_baseline_centroid_pearson": round(baseline, 4),
        "same_story_threshold": model.same_story_threshold,
        "model": str(model_path),
    }


def report(data: Path, model_path: Path) -> dict[str, object]:
    """Score the held-out test pairs once with the shipped model; compare to the raw centroid."""
    from services.analysis.similarity import load_model

    model = load_model(model_path)
    pairs = test_pairs(data)
    prepared = _prepared(pairs, "test")
    rows = [pair_features(a, b) for a, b in prepared]
    scores = np.array([model.score(row) for row in rows])
    overall, gold = np.array([p.overall for p in pairs]), same_story_gold(pairs)
    centroid = centroid_cosines(prepared)
    centroid_cut = float(model.meta.get("baseline_centroid_threshold", 0.5))  # type: ignore[arg-type]
    return {
        "pairs": len(pairs),
        "pearson": round(pearson(scores, overall), 4),
        "f1_same_story": round(f1(scores >= model.same_story_threshold, gold), 4),
        "baseline_centroid_pearson": round(pearson(centroid, overall), 4),
        "baseline_centroid_f1": round(f1(centroid >= centroid_cut, gold), 4),
        "same_story_threshold": model.same_story_threshold,
        "train_cv_pearson": model.meta.get("cv_pearson"),
        "train_cv_f1": model.meta.get("cv_f1"),
        **timings(model, prepared),
        "date": datetime.now(UTC).date().isoformat(),
        "machine": machine(),
    }


RATED = ("Narrative", "Entities", "Time", "Geography")  # what raters judged before `Overall`
CEILING_SETS = (("Narrative",), ("Narrative", "Entities"), RATED)


def read_ratings(path: Path) -> dict[str, dict[str, float]]:
    """The raters' sub-ratings (1 = same … 4 = different) per pair_id, first row wins."""
    csv.field_size_limit(sys.maxsize)
    ratings: dict[str, dict[str, float]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            ratings.setdefault(row["pair_id"], {name: float(row[name]) for name in RATED})
    return ratings


def ceiling(data: Path) -> dict[str, object]:
    """How well `Overall` can be predicted at best: the same cross-validation as `train`, but
    the inputs are the raters' own sub-ratings of the pair (same narrative, entities, time,
    place) instead of features of the texts.  No text model can know more than these
    ratings, which the raters gave reading the full original articles, so the scores
    bound what any similarity computed from SemEval's texts could reach here."""
    pairs = read_pairs(data / "train.csv")
    ratings = read_ratings(data / "train.csv")
    subset = np.array([p.lang1 in LANGUAGES and p.lang2 in LANGUAGES for p in pairs])
    result: dict[str, object] = {"pairs": int(subset.sum())}
    for names in CEILING_SETS:
        x = np.array([[-ratings[p.pair_id][name] for name in names] for p in pairs])
        cv = cross_validate(x, pairs, subset, l2=1.0, hidden=0, signs=[1] * len(names))
        result["+".join(names)] = {"pearson": round(cv["pearson"], 4), "f1": round(cv["f1"], 4)}
    return result


def timings(
    model: SimilarityModel, prepared: Sequence[tuple[PreparedArticle, PreparedArticle]]
) -> dict[str, float]:
    """Milliseconds per pair, best of 3 passes: from prepared articles as `prepare` makes them
    (the lead's terms cached on each article), and with the terms recomputed for every pair
    (articles decoded from an older message, without cached terms)."""
    bare = [(replace(a, terms=None), replace(b, terms=None)) for a, b in prepared]
    cached = min(_timed(lambda: [model.similarity(a, b) for a, b in prepared]) for _ in range(3))
    uncached = min(_timed(lambda: [model.similarity(a, b) for a, b in bare]) for _ in range(3))
    count = max(len(prepared), 1)
    return {
        "ms_per_pair": round(cached * 1000 / count, 3),
        "ms_per_pair_without_cached_terms": round(uncached * 1000 / count, 3),
    }


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def machine() -> str:
    """CPU model and core count, for BENCHMARKS.md."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        lines = cpuinfo.read_text(encoding="utf-8").splitlines()
        names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
        model = names[0] if names else model
    return f"{model}, {os.cpu_count()} CPUs, {platform.system()} {platform.machine()}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.semeval", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("train", "report", "ceiling"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with train.csv and test.csv")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL, help="similarity model JSON")
    parser.add_argument("--hidden", type=int, default=HIDDEN, help="train: tanh units (0 = logistic)")
    args = parser.parse_args(argv)
    if args.command == "train":
        result = train(args.data, args.model, args.hidden)
    elif args.command == "ceiling":
        result = ceiling(args.data)
    else:
        result = report(args.data, args.model)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
