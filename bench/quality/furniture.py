"""Part 5: page-furniture lines, and news lines that look like furniture.

Each line is drafted as a one-line article; it counts as dropped when no sentence of it
survives (the boilerplate patterns, and the glued-widget cuts, as in `prepare`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.quality.corpus import FurnitureLine
from bench.quality.scores import Tally
from schemas import Article
from services.analysis.config import AnalysisConfig
from services.analysis.prepare import draft


@dataclass(slots=True)
class FurnitureReport:
    tally: Tally = field(default_factory=Tally)  # gold: furniture; predicted: dropped
    by_language: dict[str, Tally] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def dropped(line: FurnitureLine, config: AnalysisConfig) -> bool:
    article = Article(article_id=line.id, source="page", body=line.text, language=line.lang)
    return not draft(article, config).sentences


def score(lines: list[FurnitureLine], config: AnalysisConfig) -> FurnitureReport:
    report = FurnitureReport()
    for line in lines:
        gone, furniture = dropped(line, config), line.label == "furniture"
        for tally in (report.tally, report.by_language.setdefault(line.lang, Tally())):
            tally.gold += furniture
            tally.predicted += gone
            tally.hit += furniture and gone
        if gone != furniture:
            report.errors.append(
                f"{line.id} {'furniture kept' if furniture else 'news dropped'}: {line.text[:120]}"
            )
    return report
