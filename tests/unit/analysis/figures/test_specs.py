"""Spec cases per language: every language newsmon reads figures in has a file of them.

`specs/<code>.jsonl` holds sentences with the figures they state ([measure, value,
qualifier], in order), written for the shapes each language uses (tolls with a phrase
before the value, totals after increments, earlier values, approximate nouns, number
words, groups) and negatives (daily increments, ages, years, money).  Adding a language
is adding its data file and one of these.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.analysis.figures import extract_figures
from services.analysis.languages import SUPPORTED

SPECS = Path(__file__).parent / "specs"
MIN_CASES = 10


def _cases() -> list[tuple[str, str, list[tuple[str, float, str]]]]:
    cases = []
    for code in SUPPORTED:
        for line in (SPECS / f"{code}.jsonl").read_text(encoding="utf-8").splitlines():
            raw = json.loads(line)
            cases.append((code, raw["text"], [(m, float(v), q) for m, v, q in raw["figures"]]))
    return cases


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_supported_language_has_spec_cases(code: str) -> None:
    path = SPECS / f"{code}.jsonl"
    assert path.exists(), f"{code} reads figures but has no {path.name}"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= MIN_CASES
    assert any(json.loads(line)["figures"] == [] for line in lines), "negatives too"


@pytest.mark.parametrize(("code", "text", "expected"), _cases())
def test_spec_case(code: str, text: str, expected: list[tuple[str, float, str]]) -> None:
    got = [(f.measure, f.value, f.qualifier) for f in extract_figures(text, code)]
    assert got == expected
