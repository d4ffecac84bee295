"""Part 4: copy pairs, one original and one candidate each, through a fresh analysis.

A candidate is predicted a copy when its decision names a `duplicate_of`.  Gold: the pairs
labelled `copy`; the others (a new version, another outlet's rewrite, another story of the
same kind) must never be copies, so a copy predicted for them costs precision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bench.quality.corpus import CopyPair
from bench.quality.forked import map_forked
from bench.quality.scores import Tally
from schemas import Decision
from services.analysis.engine import Analyzer


@dataclass(slots=True)
class CopyReport:
    tally: Tally = field(default_factory=Tally)
    by_label: dict[str, int] = field(default_factory=dict)  # label -> pairs predicted a copy
    errors: list[str] = field(default_factory=list)


def _is_copy(analyzer: Analyzer, pair: CopyPair) -> bool:
    for article in (pair.original, pair.candidate):
        assert article.published_at is not None, pair.id
        records = analyzer.process(article, article.published_at)
    decision = next(r for r in records if isinstance(r, Decision))
    return decision.duplicate_of is not None


def score(make: Callable[[], Analyzer], pairs: list[CopyPair]) -> CopyReport:
    report = CopyReport()
    for pair, predicted in zip(pairs, map_forked(make, _is_copy, pairs), strict=True):
        gold = pair.label == "copy"
        report.tally.predicted += predicted
        report.tally.gold += gold
        report.tally.hit += predicted and gold
        report.by_label[pair.label] = report.by_label.get(pair.label, 0) + predicted
        if predicted != gold:
            what = "missed copy" if gold else f"{pair.label} taken for a copy"
            report.errors.append(f"{pair.id} {what} ({pair.edit})")
    return report
