"""A realistic feed from SemEval-2022 task 8 texts (10+ languages) for benchmarks and
fault tests: unique articles, plus the copies a wire feed is full of — exact reposts,
near copies (a sentence dropped, a newsletter line added) and translations (the
human-rated cross-language pairs rated "very similar", Overall <= 1.5)."""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from schemas import Article

BENCH_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "semeval2022-task8"
START = datetime(2026, 1, 1, tzinfo=UTC)
TRANSLATION_MAX_OVERALL = 1.5


@dataclass(frozen=True, slots=True)
class Corpus:
    originals: list[Article]
    translations: list[tuple[Article, Article]]  # (original, translated copy)


def _rows(bench_dir: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    rows: list[dict[str, str]] = []
    for name in ("train.csv", "test.csv"):
        with (bench_dir / name).open(encoding="utf-8") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def article(article_id: str, body: str, language: str, minute: int, source: str = "semeval") -> Article:
    return Article(
        article_id=article_id,
        source=source,
        body=body,
        language=language,
        published_at=START + timedelta(minutes=minute),
    )


def load_corpus(bench_dir: Path = BENCH_DIR) -> Corpus:
    """Unique texts (200+ chars) in file order, and the translation pairs among them."""
    seen: dict[str, Article] = {}
    translations: list[tuple[Article, Article]] = []
    for row in _rows(bench_dir):
        sides = []
        for side in ("1", "2"):
            text, lang = row[f"text{side}"].strip(), row[f"lang{side}"]
            if len(text) < 200 or len(lang) != 2:
                break
            if text not in seen:
                seen[text] = article(f"se-{len(seen)}", text, lang, len(seen))
            sides.append(seen[text])
        translated = len(sides) == 2 and sides[0].language != sides[1].language
        if translated and float(row["Overall"]) <= TRANSLATION_MAX_OVERALL:
            translations.append((sides[0], sides[1]))
    return Corpus(list(seen.values()), translations)


def near_copy(body: str, rng: random.Random) -> str:
    sentences = body.split(". ")
    if len(sentences) > 6:
        del sentences[rng.randrange(3, len(sentences))]
    return ". ".join(sentences) + "\nSubscribe to our newsletter to get the latest news."


def feed(corpus: Corpus, originals: int, copy_share: float, seed: int = 7) -> list[Article]:
    """`originals` unique articles in order, with reposts of earlier ones mixed in
    (about `copy_share` per original: half exact, half near copies), and each original's
    translation (when it has one) somewhat later.  Ids and times are fresh and ordered."""
    rng = random.Random(seed)
    pool = corpus.originals[:originals]
    translated = {a.article_id: b for a, b in corpus.translations}
    out: list[Article] = []
    pending: list[Article] = []

    def emit(body: str, language: str, source: str) -> None:
        out.append(article(f"feed-{len(out)}", body, language, len(out), source))

    for i, original in enumerate(pool):
        emit(original.body, original.language or "en", "wire")
        if original.article_id in translated:
            pending.append(translated[original.article_id])
        if pending and rng.random() < 0.5:
            copy = pending.pop(0)
            emit(copy.body, copy.language or "en", "translation")
        if i > 10 and rng.random() < copy_share:
            source = pool[rng.randrange(i)]
            body = source.body if rng.random() < 0.5 else near_copy(source.body, rng)
            emit(body, source.language or "en", "repost")
    return out
