"""`python -m bench.quality`: the quality benchmark; tables on stdout, JSON last line.

python -m bench.quality                  both splits, holdout reported apart
python -m bench.quality --split dev      the part rules may be tuned on
python -m bench.quality --errors 40      also list the first 40 errors of each part (dev only)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.quality import copies, corpus, feeds, furniture, pairs, sentences
from bench.quality.scores import Tally
from services.analysis.config import AnalysisConfig
from services.analysis.engine import Analyzer
from services.analysis.similarity import load_model
from services.core import load_embedder

TARGETS: dict[str, float] = {
    "figures.precision": 0.95,
    "figures.recall": 0.90,
    "figures.recall_min_language": 0.85,
    "changes.precision": 0.95,
    "changes.recall": 0.90,
    "copies.precision": 1.00,
    "copies.recall": 0.95,
    "stories.f1": 0.95,
    "claims.required_recall": 0.95,
}


def analyzer_factory() -> Callable[[], Analyzer]:
    embedder, model = load_embedder(), load_model()
    return lambda: Analyzer(embedder, model, AnalysisConfig())


def evaluate(split: str, make: Callable[[], Analyzer]) -> dict[str, Any]:
    """Every part of one split, as the JSON summary (and the reports, for the tables)."""
    figure_report = sentences.score(corpus.figure_sentences((split,)))
    feed_reports = feeds.score(make, corpus.feeds((split,)))
    total = feeds.FeedReport()
    for report in feed_reports.values():
        total.add(report)
    pair_report = pairs.score(make, corpus.pairs((split,)))
    copy_report = copies.score(make, corpus.copy_pairs((split,)))
    line_report = furniture.score(corpus.furniture_lines((split,)), AnalysisConfig())
    languages = {lang: t.as_dict() for lang, t in sorted(figure_report.by_language.items())}
    recalls = [t.recall for t in figure_report.by_language.values() if t.recall is not None]
    return {
        "figures": {
            **figure_report.overall.as_dict(),
            "sentences": sum(1 for _ in corpus.figure_sentences((split,))),
            "negatives_clean": round(figure_report.negatives.hit / max(1, figure_report.negatives.gold), 3),
            "qualifier_accuracy": round(figure_report.qualifier_right / max(1, figure_report.overall.hit), 3),
            "recall_min_language": round(min(recalls), 3) if recalls else None,
            "other_measures": figure_report.other_measures,
            "by_language": languages,
            "by_origin": {k: t.as_dict() for k, t in sorted(figure_report.by_origin.items())},
        },
        "copies": {**total.copies.as_dict(), "by_language": _dicts(total.copies_by_language)},
        "stories": {
            **total.stories.as_dict(),
            "new_story_alerts": total.new_stories,
            "gold_stories": total.gold_stories,
        },
        "changes": {
            **total.changes.as_dict(),
            "previous_right": total.previous_right,
            "by_language": _dicts(total.changes_by_language),
        },
        "claims": {
            "required_recall": _round(total.claims_required.recall),
            "required": total.claims_required.gold,
            "required_found": total.claims_required.hit,
            "precision": _round(total.claims.precision),
            "alerts": total.claims.predicted,
            "noise": total.noise_claims,
            "boilerplate": total.boilerplate_claims,
            "by_language": {
                lang: {
                    "required_recall": _round(total.claims_by_language.get(lang, Tally()).recall),
                    "precision": _round(alerts.precision),
                }
                for lang, alerts in sorted(total.claim_alerts_by_language.items())
            },
        },
        "boilerplate": total.furniture.as_dict(),
        "copy_pairs": {**copy_report.tally.as_dict(), "predicted_copy_by_label": copy_report.by_label},
        "furniture_lines": {
            **line_report.tally.as_dict(),
            "by_language": _dicts(line_report.by_language),
        },
        "real_pairs": {
            "pairs": pair_report.pairs,
            "same_story": pair_report.same_story,
            "copies": pair_report.copies,
            "changes": pair_report.changes.as_dict(),
            "figures": pair_report.figures.as_dict(),
        },
        "feeds": {name: _feed_line(r) for name, r in feed_reports.items()},
        "_errors": {
            "figures": [f"{i} [{e} | got {g}] {t}" for i, t, e, g in figure_report.errors],
            "feeds": total.errors,
            "pairs": pair_report.errors,
            "boilerplate": total.furniture_errors,
            "copy_pairs": copy_report.errors,
            "furniture_lines": line_report.errors,
        },
    }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def _dicts(tallies: dict[str, Tally]) -> dict[str, Any]:
    return {k: t.as_dict() for k, t in sorted(tallies.items())}


def _feed_line(r: feeds.FeedReport) -> dict[str, Any]:
    return {
        "copies_f1": _round(r.copies.f1),
        "stories_f1": _round(r.stories.f1),
        "changes": f"{r.changes.hit}/{r.changes.predicted}/{r.changes.gold}",
        "claims_required": f"{r.claims_required.hit}/{r.claims_required.gold}",
        "noise_claims": r.noise_claims,
    }


def _exact(counts: dict[str, Any]) -> Tally:
    return Tally(hit=counts["hit"], predicted=counts["predicted"], gold=counts["gold"])


def targets_met(summary: dict[str, Any]) -> dict[str, bool]:
    """Each target of the issue against one split's summary, on the counts rather than the
    rounded scores (527 copies of 555 is 0.9495: under 0.95, though it prints as 0.95)."""
    figures, changes, copies = (_exact(summary[part]) for part in ("figures", "changes", "copies"))
    languages = [_exact(t).recall for t in summary["figures"]["by_language"].values()]
    claims = Tally(hit=summary["claims"]["required_found"], gold=summary["claims"]["required"])
    value = {
        "figures.precision": figures.precision,
        "figures.recall": figures.recall,
        "figures.recall_min_language": min((r for r in languages if r is not None), default=None),
        "changes.precision": changes.precision,
        "changes.recall": changes.recall,
        "copies.precision": copies.precision,
        "copies.recall": copies.recall,
        "stories.f1": _exact(summary["stories"]).f1,
        "claims.required_recall": claims.recall,
    }
    met = {name: (got := value[name]) is not None and got >= goal for name, goal in TARGETS.items()}
    met["claims.boilerplate_zero"] = summary["claims"]["boilerplate"] == 0
    return met


def print_tables(split: str, s: dict[str, Any]) -> None:
    def row(name: str, d: dict[str, Any]) -> None:
        cells = " ".join(
            f"{'-' if d.get(k) is None else format(d[k], '.3f'):>6}" for k in ("precision", "recall", "f1")
        )
        print(
            f"{split:8} {name:28} {cells}   {d.get('hit', '')}/{d.get('predicted', '')}/{d.get('gold', '')}"
        )

    print(f"{'split':8} {'stage':28} {'P':>6} {'R':>6} {'F1':>6}   hit/predicted/gold")
    row(f"figures ({s['figures']['sentences']} sentences)", s["figures"])
    for lang, d in s["figures"]["by_language"].items():
        row(f"  figures {lang}", d)
    for origin, d in s["figures"]["by_origin"].items():
        row(f"  figures {origin}", d)
    row("copies", s["copies"])
    row("stories (pairwise)", s["stories"])
    row("figure changes", s["changes"])
    row("boilerplate dropped", s["boilerplate"])
    if s["copy_pairs"]["gold"] or s["copy_pairs"]["predicted"]:
        row("copy pairs", s["copy_pairs"])
    if s["furniture_lines"]["gold"] or s["furniture_lines"]["predicted"]:
        row("furniture lines (dropped)", s["furniture_lines"])
    row("real pairs: changes", s["real_pairs"]["changes"])
    row("real pairs: figures", s["real_pairs"]["figures"])
    c = s["claims"]
    print(
        f"{split:8} claims: required recall {c['required_recall']} of {c['required']}, "
        f"precision {c['precision']} of {c['alerts']} alerts, noise {c['noise']}, "
        f"boilerplate {c['boilerplate']}"
    )
    f = s["figures"]
    print(
        f"{split:8} figures: negatives clean {f['negatives_clean']}, "
        f"qualifiers right {f['qualifier_accuracy']}, other measures {f['other_measures']}; "
        f"stories: {s['stories']['new_story_alerts']} new_story alerts "
        f"for {s['stories']['gold_stories']} stories"
    )


FLOOR = Path(__file__).parent / "floor.json"
# The scores `make test` holds (tests/e2e/test_quality_floor.py): deterministic, so the floor
# is today's value; a change that lowers one fails, one that raises it may raise the floor.
FLOOR_METRICS: dict[str, tuple[str, ...]] = {
    "figures.precision": ("figures", "precision"),
    "figures.recall": ("figures", "recall"),
    "copies.precision": ("copies", "precision"),
    "copies.recall": ("copies", "recall"),
    "stories.f1": ("stories", "f1"),
    "changes.precision": ("changes", "precision"),
    "changes.recall": ("changes", "recall"),
    "claims.required_recall": ("claims", "required_recall"),
    "boilerplate.recall": ("boilerplate", "recall"),
}


def floor_values(summary: dict[str, Any]) -> dict[str, float]:
    values = {}
    for name, (part, key) in FLOOR_METRICS.items():
        value = summary.get(part, {}).get(key)
        if value is not None:
            values[name] = float(value)
    values["claims.boilerplate_max"] = float(summary["claims"]["boilerplate"])
    return values


def below_floor(split: str, summary: dict[str, Any], floor: dict[str, dict[str, float]]) -> list[str]:
    """What fell below the recorded floor (or, for boilerplate claims, rose above it)."""
    wanted, got = floor.get(split, {}), floor_values(summary)
    failures = []
    for name, minimum in wanted.items():
        value = got.get(name)
        if name.endswith("_max"):
            if value is None or value > minimum:
                failures.append(f"{split} {name}: {value} > {minimum}")
        elif value is None or value < minimum:
            failures.append(f"{split} {name}: {value} < {minimum}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.quality",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--split", choices=("dev", "holdout", "all"), default="all")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="list N errors per part (dev only)"
    )
    parser.add_argument("--write-floor", action="store_true", help=f"record the scores in {FLOOR.name}")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    make = analyzer_factory()
    splits = corpus.SPLITS if args.split == "all" else (args.split,)
    result: dict[str, Any] = {}
    for split in splits:
        summary = evaluate(split, make)
        errors = summary.pop("_errors")
        print_tables(split, summary)
        if args.errors and split == "dev":
            for part, lines in errors.items():
                for line in lines[: args.errors]:
                    print(f"  [{part}] {line}")
        summary["targets_met"] = targets_met(summary)
        result[split] = summary
        print()
    result["seconds"] = round(time.perf_counter() - started, 1)
    if args.write_floor:
        floor = {split: floor_values(result[split]) for split in splits}
        FLOOR.write_text(json.dumps(floor, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
