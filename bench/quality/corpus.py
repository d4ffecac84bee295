"""The quality corpus on disk: typed records, checked as they are read.

A malformed corpus file fails loudly with its path and line, so a bad annotation can
never silently lower (or raise) a score.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from bench.corpus import BENCH_DIR
from schemas import Article

# The annotation guide's vocabulary (ANNOTATION.md), kept here rather than imported from the
# analysis so the benchmark can score any version of the code, including older ones.
MEASURES: Final = frozenset(
    [
        "killed",
        "injured",
        "missing",
        "evacuated",
        "displaced",
        "arrested",
        "rescued",
        "hospitalized",
        "kidnapped",
        "homeless",
        "affected",
        "casualties",
    ]
)
QUALIFIERS: Final = frozenset(["exact", "about", "at_least", "more_than", "at_most", "less_than"])

ROOT: Final = Path(__file__).parent / "corpus"
SPLITS: Final = ("dev", "holdout")
SUBGROUPS: Final = frozenset(
    [
        "civilians",
        "children",
        "women",
        "soldiers",
        "journalists",
        "fighters",
        "protesters",
        "migrants",
        "refugees",
        "passengers",
        "students",
        "firefighters",
        "tourists",
        "prisoners",
    ]
) | {"police officers", "aid workers", "health workers"}


class CorpusError(ValueError):
    """A corpus file that does not follow ANNOTATION.md."""


@dataclass(frozen=True, slots=True)
class GoldFigure:
    measure: str
    subgroup: str | None
    value: float
    qualifier: str

    @property
    def label(self) -> str:
        """The measure as the analysis names it: 'civilians killed'."""
        return f"{self.subgroup} {self.measure}" if self.subgroup else self.measure


@dataclass(frozen=True, slots=True)
class FigureSentence:
    id: str
    lang: str
    text: str
    figures: tuple[GoldFigure, ...]
    tags: tuple[str, ...]
    origin: str
    split: str


@dataclass(frozen=True, slots=True)
class GoldChange:
    article_id: str
    label: str
    previous: float
    current: float
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldSentence:
    article_id: str
    text: str
    label: str  # new | known | figure-update | boilerplate | ambiguous


@dataclass(frozen=True, slots=True)
class Feed:
    name: str
    split: str
    articles: tuple[Article, ...]
    story_of: dict[str, str]  # article id -> gold story label
    copy_of: dict[str, str]  # article id -> the earlier article it copies
    changes: tuple[GoldChange, ...]
    sentences: tuple[GoldSentence, ...]


@dataclass(frozen=True, slots=True)
class Pair:
    pair_id: str
    split: str
    a: Article
    b: Article
    a_figures: tuple[tuple[GoldFigure, str], ...]  # with the sentence each is stated in
    b_figures: tuple[tuple[GoldFigure, str], ...]
    changes: tuple[GoldChange, ...]


def _figure(raw: dict[str, Any], where: str) -> GoldFigure:
    measure, subgroup, qualifier = raw.get("measure"), raw.get("subgroup"), raw.get("qualifier", "exact")
    if measure not in MEASURES or qualifier not in QUALIFIERS or subgroup not in SUBGROUPS | {None}:
        raise CorpusError(f"{where}: unknown measure, subgroup or qualifier in {raw}")
    value = raw.get("value")
    if not isinstance(value, int | float):
        raise CorpusError(f"{where}: value must be a number in {raw}")
    return GoldFigure(measure, subgroup, float(value), qualifier)


def _jsonl(path: Path) -> list[tuple[str, dict[str, Any]]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append((f"{path}:{number}", json.loads(line)))
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}:{number}: {exc}") from exc
    return rows


def figure_sentences(splits: tuple[str, ...] = SPLITS) -> list[FigureSentence]:
    """Every annotated figure sentence of the given splits, in file order."""
    out = []
    for split in splits:
        for path in sorted((ROOT / "figures" / split).glob("*.jsonl")):
            for where, raw in _jsonl(path):
                figures = tuple(_figure(f, where) for f in raw["figures"])
                out.append(
                    FigureSentence(
                        raw["id"],
                        raw["lang"],
                        raw["text"],
                        figures,
                        tuple(raw.get("tags", ())),
                        raw.get("origin", "written"),
                        split,
                    )
                )
    return out


def feeds(splits: tuple[str, ...] = SPLITS) -> list[Feed]:
    """Every feed of the given splits with its gold annotation."""
    out = []
    for split in splits:
        for path in sorted((ROOT / "feeds" / split).glob("*.jsonl")):
            articles = tuple(Article.model_validate(raw) for _, raw in _jsonl(path))
            gold_path = path.with_name(path.stem + ".gold.json")
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            story_of = {a: story for story, ids in gold["stories"].items() for a in ids}
            ids = {a.article_id for a in articles}
            if set(story_of) != ids:
                raise CorpusError(f"{gold_path}: stories must hold every article exactly once")
            changes = tuple(
                GoldChange(
                    c["article_id"],
                    _figure({**c, "value": c["current"]}, str(gold_path)).label,
                    float(c["previous"]),
                    float(c["current"]),
                    bool(c.get("optional", False)),
                )
                for c in gold["figure_changes"]
            )
            sentences = tuple(
                GoldSentence(article_id, s["text"], s["label"])
                for article_id, rows in gold.get("sentences", {}).items()
                for s in rows
            )
            out.append(Feed(path.stem, split, articles, story_of, dict(gold["copies"]), changes, sentences))
    return out


def pairs(splits: tuple[str, ...] = SPLITS) -> list[Pair]:
    """The annotated SemEval pairs of the given splits, with their texts from train.csv."""
    texts = _semeval_texts()
    out = []
    rows = [row for path in sorted((ROOT / "pairs").glob("*.jsonl")) for row in _jsonl(path)]
    for where, raw in rows:
        if raw.get("split", "dev") not in splits:
            continue
        pair_id = raw["pair_id"]
        if pair_id not in texts:
            raise CorpusError(f"{where}: pair {pair_id} is not in train.csv")
        text1, text2 = texts[pair_id]
        a = Article(article_id=f"{pair_id}-a", source="A", body=text1, language=raw["lang_a"])
        b = Article(article_id=f"{pair_id}-b", source="B", body=text2, language=raw["lang_b"])
        changes = tuple(
            GoldChange(
                b.article_id,
                _figure({**c, "value": c["current"]}, where).label,
                float(c["previous"]),
                float(c["current"]),
                bool(c.get("optional", False)),
            )
            for c in raw["changes"]
        )
        out.append(
            Pair(
                pair_id,
                raw.get("split", "dev"),
                a,
                b,
                tuple((_figure(f, where), f.get("sentence", "")) for f in raw["a_figures"]),
                tuple((_figure(f, where), f.get("sentence", "")) for f in raw["b_figures"]),
                changes,
            )
        )
    return out


SEMEVAL_TRAIN: Final = BENCH_DIR / "train.csv"


def _semeval_texts() -> dict[str, tuple[str, str]]:
    """pair_id -> (text1, text2); the last row wins when an id repeats (as the annotation notes)."""
    import csv

    csv.field_size_limit(10**9)
    with SEMEVAL_TRAIN.open(encoding="utf-8", newline="") as handle:
        return {row["pair_id"]: (row["text1"], row["text2"]) for row in csv.DictReader(handle)}


@dataclass(frozen=True, slots=True)
class CopyPair:
    """An original and a later candidate: a copy of it, or a version that brings news."""

    id: str
    split: str
    original: Article
    candidate: Article
    label: str  # copy | new_version | rewrite | other_story
    edit: str


@dataclass(frozen=True, slots=True)
class FurnitureLine:
    """A line as found on a page: furniture to drop, or news to keep."""

    id: str
    split: str
    lang: str
    text: str
    label: str  # furniture | news
    kind: str


COPY_LABELS: Final = frozenset({"copy", "new_version", "rewrite", "other_story"})


def copy_pairs(splits: tuple[str, ...] = SPLITS) -> list[CopyPair]:
    """Part 4: copy pairs (written to test copies one pair at a time), where they exist."""
    out = []
    for split in splits:
        for path in sorted((ROOT / "copies" / split).glob("*.jsonl")):
            for where, raw in _jsonl(path):
                if raw["label"] not in COPY_LABELS:
                    raise CorpusError(f"{where}: unknown label {raw['label']!r}")
                out.append(
                    CopyPair(
                        raw["id"],
                        split,
                        Article.model_validate(raw["original"]),
                        Article.model_validate(raw["candidate"]),
                        raw["label"],
                        raw.get("edit", ""),
                    )
                )
    return out


def furniture_lines(splits: tuple[str, ...] = SPLITS) -> list[FurnitureLine]:
    """Part 5: page-furniture lines and look-alike news lines, where they exist."""
    out = []
    for split in splits:
        for path in sorted((ROOT / "furniture" / split).glob("*.jsonl")):
            for where, raw in _jsonl(path):
                if raw["label"] not in ("furniture", "news"):
                    raise CorpusError(f"{where}: label must be furniture or news")
                out.append(
                    FurnitureLine(
                        raw["id"], split, raw["lang"], raw["text"], raw["label"], raw.get("kind", "")
                    )
                )
    return out
