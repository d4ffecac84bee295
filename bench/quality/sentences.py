"""Part 1: figures read from single sentences, scored against their gold figures.

A predicted figure is right when its measure (with subgroup, as the analysis names it:
"civilians killed") and its value are those of a gold figure of the sentence; each gold
figure is matched at most once.  Qualifiers are scored apart, on the matched figures.
Figures of measures outside the canonical list (English "homes destroyed") are not
annotated in the corpus and are left out of precision; their number is reported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bench.quality.corpus import MEASURES, FigureSentence
from bench.quality.scores import Tally
from services.analysis.figures import extract_figures


@dataclass(slots=True)
class SentenceResult:
    tally: Tally
    qualifier_right: int
    other_measures: int
    misses: list[tuple[str, str]]  # (expected, got) for sentences read wrong


@dataclass(slots=True)
class FigureReport:
    overall: Tally = field(default_factory=Tally)
    by_language: dict[str, Tally] = field(default_factory=dict)
    by_origin: dict[str, Tally] = field(default_factory=dict)
    by_tag: dict[str, Tally] = field(default_factory=dict)
    negatives: Tally = field(default_factory=Tally)  # hit = negative sentences with no figure
    qualifier_right: int = 0
    other_measures: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # id, text, expected, got


def _canonical(measure: str) -> bool:
    return measure.rsplit(" ", 1)[-1] in MEASURES


def score_sentence(item: FigureSentence) -> SentenceResult:
    predicted = [f for f in extract_figures(item.text, item.lang) if _canonical(f.measure)]
    other = len(extract_figures(item.text, item.lang)) - len(predicted)
    gold = Counter((g.label, g.value) for g in item.figures)
    qualifiers = {(g.label, g.value): g.qualifier for g in item.figures}
    hit = right = 0
    for fig in predicted:
        key = (fig.measure, fig.value)
        if gold[key] > 0:
            gold[key] -= 1
            hit += 1
            right += qualifiers[key] == fig.qualifier
    tally = Tally(hit, len(predicted), len(item.figures))
    misses = []
    if hit != len(predicted) or hit != len(item.figures):
        expected = "; ".join(f"{g.label} {g.value:g} {g.qualifier}" for g in item.figures) or "-"
        got = "; ".join(f"{f.measure} {f.value:g} {f.qualifier}" for f in predicted) or "-"
        misses.append((expected, got))
    return SentenceResult(tally, right, other, misses)


def score(items: list[FigureSentence]) -> FigureReport:
    report = FigureReport()
    for item in items:
        result = score_sentence(item)
        report.overall.add(result.tally)
        report.by_language.setdefault(item.lang, Tally()).add(result.tally)
        origin = "real" if item.origin.startswith("semeval") else "written"
        report.by_origin.setdefault(origin, Tally()).add(result.tally)
        for tag in item.tags:
            report.by_tag.setdefault(tag, Tally()).add(result.tally)
        if not item.figures:
            report.negatives.gold += 1
            report.negatives.predicted += 1
            report.negatives.hit += result.tally.predicted == 0
        report.qualifier_right += result.qualifier_right
        report.other_measures += result.other_measures
        for expected, got in result.misses:
            report.errors.append((item.id, item.text, expected, got))
    return report
