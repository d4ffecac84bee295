"""`newsmon compare PAIRS.jsonl` end to end: scores, decisions and bad lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EN = (
    "Dock workers walked out at the country's largest container port on Monday, halting most traffic. "
    "About 2,000 workers joined the strike, the union said, demanding higher pay after a year of inflation. "
    "Talks between the union and employers are due to resume on Thursday, according to the labour ministry."
)
FR = (
    "Les dockers ont cessé le travail lundi dans le plus grand port à conteneurs du pays, bloquant "
    "l'essentiel du trafic. Environ 2 000 travailleurs ont rejoint la grève, a indiqué le syndicat, qui "
    "réclame des hausses de salaire après une année d'inflation. Les discussions entre le syndicat et les "
    "employeurs doivent reprendre jeudi, selon le ministère du Travail."
)
OTHER = (
    "The national football team won its qualifying match 3-1 on Saturday evening. "
    "The coach praised the young striker who scored twice in the second half."
)


def _article(article_id: str, body: str, language: str) -> dict[str, str]:
    return {"article_id": article_id, "source": "Test", "body": body, "language": language}


def test_compare_scores_pairs_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"pair_id": "translation", "a": _article("a", EN, "en"), "b": _article("b", FR, "fr")}),
        "not json",
        json.dumps({"pair_id": "unrelated", "a": _article("a", EN, "en"), "b": _article("c", OTHER, "en")}),
    ]
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join(lines), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "services.cli", "compare", str(pairs)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1  # one line skipped
    assert "line 2" in result.stderr
    out = {r["pair_id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert set(out) == {"translation", "unrelated"}
    assert out["translation"]["duplicate"] and out["translation"]["same_story"]
    assert not out["unrelated"]["same_story"] and not out["unrelated"]["duplicate"]
    assert out["translation"]["similarity"] > 0.8 > out["unrelated"]["similarity"] >= 0.0
