"""One verdict per article whichever way it comes in: `newsmon analyze`, `newsmon replay`
and the worker's intake apply the same size limit with the same reason text, and cut an
article at the same number of sentences."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from schemas import Article
from services import exits
from services.analysis.embedding import UniversalSentenceEncoder
from services.analysis.prepare import draft
from services.batch import run_analyze
from services.config import Settings
from services.core import analysis_config
from services.limits import encoded_size, load_within_limits
from services.processor.stages import BadInput, Intake, parse_article

LIMIT = 2_000


def article(article_id: str, body: str) -> Article:
    return Article(article_id=article_id, source="Wire", body=body, language="en")


def write(directory: Path, item: Article) -> Path:
    path = directory / f"{item.article_id}.json"
    path.write_text(item.model_dump_json(), encoding="utf-8")
    return path


def test_batch_and_stream_refuse_the_same_article_with_the_same_text(tmp_path: Path) -> None:
    big = article("big", "Word after word. " * 200)
    small = article("small", "A short article. It fits.")
    write(tmp_path, big), write(tmp_path, small)
    kept, refused = load_within_limits([tmp_path], LIMIT)
    assert [a.article_id for a in kept] == ["small"]
    assert [e.location for e in refused] == [str(tmp_path / "big.json")]
    with pytest.raises(BadInput) as stream:
        parse_article(big.model_dump_json().encode(), LIMIT)
    assert stream.value.reason == "too_large"
    assert refused[0].reason == str(stream.value)  # "too_large: N bytes > limit M (NEWSMON_MAX_BODY_BYTES)"
    assert f"{encoded_size(big)} bytes > limit {LIMIT}" in refused[0].reason


def test_an_article_exactly_at_the_limit_passes_both(tmp_path: Path) -> None:
    item = article("edge", "x")
    size = encoded_size(item)
    kept, refused = load_within_limits([write(tmp_path, item)], size)
    assert [a.article_id for a in kept] == ["edge"] and refused == []
    assert parse_article(item.model_dump_json().encode(), size).article_id == "edge"


def test_analyze_skips_a_too_large_article_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    write(tmp_path, article("big", "Word after word. " * 200))
    write(tmp_path, article("small", "A short article about a port strike. It spreads."))
    out = io.StringIO()
    code = run_analyze([tmp_path], Settings(max_body_bytes=LIMIT), out)
    assert code == exits.PARTIAL
    decisions = [line for line in out.getvalue().splitlines() if '"record":"decision"' in line]
    assert len(decisions) == 1 and '"article_id":"small"' in decisions[0]
    err = capsys.readouterr().err
    assert f"skipped {tmp_path / 'big.json'}: too_large: " in err and "(NEWSMON_MAX_BODY_BYTES)" in err


def test_analyze_with_nothing_usable_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "empty").mkdir()
    assert run_analyze([tmp_path / "empty"], Settings(), io.StringIO()) == exits.USAGE
    assert "nothing to analyse" in capsys.readouterr().err


def test_batch_and_stream_cut_at_the_same_sentence(embedder: UniversalSentenceEncoder) -> None:
    """Both build their analysis from `analysis_config(settings)`: the batch Analyzer
    drafts with it, and the worker's intake is given it (services/processor/app.py)."""
    settings = Settings(max_sentences=12)
    body = " ".join(f"Sentence number {n} tells something else." for n in range(40))
    item = article("long", body)
    batch = draft(item, analysis_config(settings))
    stream = Intake(embedder, analysis_config(settings), settings.max_body_bytes).draft(
        item.model_dump_json().encode()
    )
    assert len(batch.sentences) == len(stream.sentences) == 12
