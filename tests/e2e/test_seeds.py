"""`newsmon analyze seeds/`: the outcome the seed articles must produce (issue #3).

Runs the real command end to end (a subprocess, JSON lines on stdout) and checks the
story, duplicate, figure and claim decisions, never exact sentences beyond the few
claims the issue names.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-m", "services.cli", "analyze", str(SEEDS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


def _alerts(records: list[dict], prefix: str, kind: str | None = None) -> list[dict]:
    return [
        r
        for r in records
        if r["record"] == "alert"
        and r["article_id"].startswith(prefix)
        and (kind is None or r["kind"] == kind)
    ]


def test_stdout_is_only_records(records: list[dict]) -> None:
    assert {r["record"] for r in records} == {"decision", "alert"}
    assert sum(r["record"] == "decision" for r in records) == 5


def test_one_story_and_one_new_story_alert(records: list[dict]) -> None:
    decisions = [r for r in records if r["record"] == "decision"]
    assert len({d["story_id"] for d in decisions}) == 1
    new_story = [r for r in records if r["record"] == "alert" and r["kind"] == "new_story"]
    assert [a["article_id"][:3] for a in new_story] == ["000"]
    assert _alerts(records, "000") == new_story


def test_french_version_is_a_cross_lingual_duplicate_and_nothing_else(records: list[dict]) -> None:
    decision = next(r for r in records if r["record"] == "decision" and r["article_id"].startswith("002"))
    assert decision["method"] == "cross_lingual"
    assert decision["duplicate_of"].startswith("000")
    assert [a["kind"] for a in _alerts(records, "002")] == ["duplicate"]
    assert all(r["duplicate_of"] is None for r in records if r["record"] == "decision" and r is not decision)


def test_figures_change_only_in_the_last_article(records: list[dict]) -> None:
    changes = [r for r in records if r["record"] == "alert" and r["kind"] == "figure_changed"]
    assert {c["article_id"][:3] for c in changes} == {"004"}
    seen = {
        (c["figure"]["measure"], c["figure"]["previous"]["value"], c["figure"]["current"]["value"])
        for c in changes
    }
    assert ("killed", 300, 311) in seen
    assert ("civilians killed", 20, 28) in seen
    assert len(changes) == 2


def test_named_new_claims_are_found(records: list[dict]) -> None:
    claims = defaultdict(list)
    for alert in _alerts(records, "", "new_claim"):
        claims[alert["article_id"][:3]].append(alert["claim"])

    def found(article: str, *needles: str) -> bool:
        return any(all(n in claim for n in needles) for claim in claims[article])

    assert found("001", "safe withdrawal")
    assert found("001", "Turkey", "approved the offensive")
    assert found("003", "failed to establish fixed positions")
    assert found("004", "Al Furqan")
    assert found("004", "Al Safira")
    assert 1 <= len(claims["003"]) <= 6


def test_boilerplate_is_never_a_claim(records: list[dict]) -> None:
    for alert in _alerts(records, "", "new_claim"):
        claim = alert["claim"].lower()
        assert not claim.startswith(("discover more from", "subscribe", "translation by"))


def test_alert_ids_are_unique_and_stable(records: list[dict]) -> None:
    ids = [r["alert_id"] for r in records if r["record"] == "alert"]
    assert len(ids) == len(set(ids))
    again = subprocess.run(
        [sys.executable, "-m", "services.cli", "analyze", str(SEEDS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    ids_again = [json.loads(x)["alert_id"] for x in again.stdout.splitlines() if '"record":"alert"' in x]
    assert ids_again == ids


def test_the_place_tables_name_no_place_of_the_seed_story() -> None:
    """The seeds are one story among many: the exonym table must not know its places, or
    the seeds would pass on knowledge no other story gets."""
    import tomllib

    table = tomllib.loads(
        (Path(__file__).resolve().parents[2] / "services/analysis/data/exonyms.toml").read_text(
            encoding="utf-8"
        )
    )["places"]
    seed_names = {
        word
        for path in SEEDS.glob("*.txt")
        for word in re.findall(r"\b[A-ZÀ-Ý][\w'-]{3,}", path.read_text("utf-8"))
    }
    named = {name for row in table.values() for names in row.values() for name in names} | set(table)
    assert not named & seed_names, sorted(named & seed_names)
