"""Batch commands over files: the thin shell around the analysis core.

`newsmon analyze PATH...` runs the core over articles in published order and prints a
decision per article and every alert; `newsmon compare PAIRS.jsonl` scores article
pairs.  Only records go to stdout (one JSON object per line), so the output pipes into
`jq` or a file; problems with the input go to stderr, naming the file or line, and the
run goes on.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError
from rich.markup import escape

from schemas import Article
from services import exits, terminal
from services.analysis.config import AnalysisConfig
from services.analysis.duplicates import duplicate_method
from services.analysis.embedding import Embedder
from services.analysis.prepare import PreparedArticle, prepare
from services.analysis.similarity import SimilarityModel, load_model
from services.config import Settings
from services.core import build_analyzer, load_embedder
from services.limits import load_within_limits
from services.progress import with_progress

# --- analyze ----------------------------------------------------------------------------------


def run_analyze(paths: Iterable[Path], settings: Settings, out: TextIO) -> int:
    """`newsmon analyze`: exit 0 when every input was used, 1 when some were reported and
    skipped, 2 when none was usable (services/exits.py).  Inputs the stream would refuse
    (too large) are skipped here too, with the stream's reason (services/limits.py)."""
    err = terminal.console(stderr=True)
    articles, errors = load_within_limits(paths, settings.max_body_bytes)
    for problem in errors:
        err.print(f"[yellow]skipped[/] {escape(problem.location)}: {escape(problem.reason)}")
    if not articles:
        err.print("[red]nothing to analyse[/]: no valid article in the input")
        return exits.USAGE
    analyzer = build_analyzer(settings)
    for article in with_progress(articles, err, "analysing"):
        for record in analyzer.process(article, datetime.now(UTC)):
            out.write(record.model_dump_json() + "\n")
    out.flush()
    if errors:
        err.print(f"[red]{len(errors)} input(s) skipped[/]; {len(articles)} analysed")
    return exits.for_inputs(len(articles), len(errors))


# --- compare ----------------------------------------------------------------------------------

PREPARED_CACHE = 256  # articles kept prepared: pair files often compare one article with many


@dataclass(frozen=True, slots=True)
class PairInput:
    line: int
    pair_id: str | int
    a: Article
    b: Article


class BadLine(ValueError):
    """An input line that is not a pair; the message says why, for a person to fix it."""


def parse_pair(text: str, line: int) -> PairInput:
    """One JSONL line → a validated pair, or BadLine with a short, precise reason."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadLine(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(doc, dict):
        raise BadLine('expected an object {"pair_id", "a", "b"}')
    extra = sorted(set(doc) - {"pair_id", "a", "b"})
    if extra:
        raise BadLine(f"unexpected field(s): {', '.join(extra)}")
    pair_id = doc.get("pair_id")
    if isinstance(pair_id, bool) or not isinstance(pair_id, str | int) or str(pair_id).strip() == "":
        raise BadLine("pair_id must be a non-empty string or an integer")
    sides: dict[str, Article] = {}
    problems: list[str] = []
    for side in ("a", "b"):
        try:
            sides[side] = _article(doc, side)
        except BadLine as problem:
            problems.append(str(problem))
    if problems:
        raise BadLine("; ".join(problems))
    return PairInput(line, pair_id, sides["a"], sides["b"])


def _article(doc: dict[str, object], side: str) -> Article:
    if side not in doc:
        raise BadLine(f'missing "{side}" (an Article)')
    try:
        return Article.model_validate(doc[side])
    except ValidationError as exc:
        raise BadLine("; ".join(_where(side, err["loc"]) + err["msg"] for err in exc.errors())) from None


def _where(side: str, loc: tuple[int | str, ...]) -> str:
    """ "a.body: " for a field, "a: " for the article as a whole."""
    return f"{side}.{'.'.join(str(part) for part in loc)}: " if loc else f"{side}: "


class Comparer:
    """Scores pairs with one embedder and model; keeps recently prepared articles."""

    def __init__(self, embedder: Embedder, model: SimilarityModel, config: AnalysisConfig) -> None:
        self._embedder, self._model, self._config = embedder, model, config
        self._prepared: OrderedDict[str, PreparedArticle] = OrderedDict()

    def prepared(self, article: Article) -> PreparedArticle:
        """`prepare`, memoised on the article's full content (ids may repeat with other text)."""
        key = article.model_dump_json()
        found = self._prepared.get(key)
        if found is None:
            found = prepare(article, self._embedder, self._config)
            self._prepared[key] = found
            if len(self._prepared) > PREPARED_CACHE:
                self._prepared.popitem(last=False)
        else:
            self._prepared.move_to_end(key)
        return found

    def compare(self, pair: PairInput) -> dict[str, object]:
        """The output record.  A copy (exact, near or translated, with no conflicting
        figure) is always the same story."""
        a, b = self.prepared(pair.a), self.prepared(pair.b)
        similarity = self._model.similarity(a, b)
        duplicate = duplicate_method(b, a, self._config) is not None
        return {
            "pair_id": pair.pair_id,
            "similarity": round(similarity, 4),
            "same_story": duplicate or similarity >= self._model.same_story_threshold,
            "duplicate": duplicate,
        }


def run_compare(path: Path, out: TextIO, config: AnalysisConfig | None = None) -> int:
    """`newsmon compare`: exit 0 when every line was a pair, 1 when some were skipped,
    2 when the file cannot be read or holds no pair (services/exits.py)."""
    err = terminal.console(stderr=True)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        err.print(f"[red]cannot read[/] {escape(str(path))}: {escape(str(exc))}")
        return exits.USAGE
    comparer = Comparer(load_embedder(), load_model(), config or AnalysisConfig())
    skipped = 0
    pairs: list[PairInput] = []
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            pairs.append(parse_pair(text, number))
        except BadLine as problem:
            skipped += 1
            err.print(f"[yellow]skipped[/] line {number}: {escape(str(problem))}")
    if not pairs:
        err.print(f"[red]nothing to compare[/]: no valid pair in {escape(str(path))}")
        return exits.USAGE
    for pair in with_progress(pairs, err, "comparing"):
        out.write(json.dumps(comparer.compare(pair), ensure_ascii=False) + "\n")
    out.flush()
    if skipped:
        err.print(f"[red]{skipped} line(s) skipped[/]; {len(pairs)} pair(s) compared")
    return exits.for_inputs(len(pairs), skipped)
