"""Part 3: real article pairs (SemEval-2022 task 8 train) whose counts change or hold.

Text 1 is analysed first, then text 2 (they carry no dates); gold changes are those of
text 2 against text 1.  Scored: the figure changes raised on text 2 (an alert is right
when a gold change has its measure and current value; a pair judged a copy or put in
another story raises none), and figure extraction on the real texts: every figure the
annotator found in either text against every figure the analysis read (measure and
value, as in part 1).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bench.quality.corpus import MEASURES, Pair
from bench.quality.scores import Tally
from services.analysis.config import AnalysisConfig
from services.analysis.engine import Analyzer
from services.analysis.prepare import draft

_NOON = datetime(2020, 6, 1, 12, tzinfo=UTC)  # both texts of a pair: SemEval gives no dates


@dataclass(slots=True)
class PairReport:
    changes: Tally = field(default_factory=Tally)
    figures: Tally = field(default_factory=Tally)
    same_story: int = 0
    copies: int = 0
    pairs: int = 0
    errors: list[str] = field(default_factory=list)


def _article_figures(pair: Pair, config: AnalysisConfig) -> Tally:
    tally = Tally()
    for article, gold in ((pair.a, pair.a_figures), (pair.b, pair.b_figures)):
        predicted = Counter(
            (f.measure, f.value)
            for f in draft(article, config).figures
            if f.measure.rsplit(" ", 1)[-1] in MEASURES
        )
        wanted = Counter((g.label, g.value) for g, _ in gold)
        tally.add(Tally(sum((predicted & wanted).values()), sum(predicted.values()), sum(wanted.values())))
    return tally


def score_pair(analyzer: Analyzer, pair: Pair, report: PairReport) -> None:
    records = [*analyzer.process(pair.a, _NOON), *analyzer.process(pair.b, _NOON)]
    decisions = [r for r in records if r.record == "decision"]
    report.pairs += 1
    report.same_story += decisions[0].story_id == decisions[1].story_id
    report.copies += decisions[1].duplicate_of is not None
    gold = {(c.label, c.current): c for c in pair.changes}
    found = set()
    for alert in records:
        if alert.record != "alert" or alert.kind != "figure_changed":
            continue
        fig = alert.figure
        key = (fig.measure, fig.current.value)
        report.changes.predicted += 1
        if key in gold and key not in found:
            report.changes.hit += 1
            found.add(key)
        elif key not in gold:
            report.errors.append(
                f"pair {pair.pair_id} false change: {fig.measure} {fig.previous.value:g} -> "
                f"{fig.current.value:g} | {fig.current.text[:100]}"
            )
    report.changes.gold += len(gold)
    for key in gold.keys() - found:
        report.errors.append(f"pair {pair.pair_id} missed change: {key[0]} -> {key[1]:g}")
    figures = _article_figures(pair, analyzer.config)
    report.figures.add(figures)


def score(make: Callable[[], Analyzer], pairs: list[Pair]) -> PairReport:
    report = PairReport()
    for pair in pairs:
        score_pair(make(), pair, report)
    return report
