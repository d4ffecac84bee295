"""Sentence splitting that survives quotes and abbreviations, per language.

`sentencex` (Wikimedia) knows the abbreviation and quotation rules of ~300
languages and costs well under a millisecond per article; pysbd and syntok were
measured at 5–12 ms per 4 kB article, half the whole per-article budget.
"""

from __future__ import annotations

import re
from typing import Final

from sentencex import segment

from services.analysis.languages import MONTHS

# Workaround, checked against sentencex 1.0.32: its German rules never end a sentence
# before a digit (for ordinals, "am 5. Mai"), so "… wird noch vermisst. 48 Menschen
# überlebten." stays one sentence and its counts share a clause.  A full stop after a
# word of four or more lower-case letters that is no abbreviation is no ordinal; there
# the text is split again.  tests/unit/analysis/test_sentences.py fails when sentencex
# changes this, and the workaround can go.
_NO_SPLIT_BEFORE_DIGITS: Final = frozenset({"de"})
_WORD_STOP_DIGIT: Final = re.compile(r"(?<=[a-zäöüß]{4}\.)\s+(?=\d)")
# Nor is one after a number above any day of a month, before a count of a noun ("stieg auf
# 730. 23 Menschen starben"); "am 5. 48 Minuten" stays whole, 5 may be a day.
_NUMBER_STOP_COUNT: Final = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|3[2-9]|[4-9]\d|\d{3,})\.(\s+)(?=\d+\s+[A-ZÄÖÜ])"
)
_ABBREVIATIONS: Final = frozenset({"evtl", "inkl", "zzgl", "exkl", "einw", "tsd", "gegr", "jahrh", "bzgl"})
# Workaround, checked against sentencex 1.0.32: it ends a sentence inside a date written with
# an abbreviated month or an ordinal day ("22 juil. | 2026 (AAP) -", "3 ene. | 2026 (EFE)",
# "Berlin, 3. | Jan. 2026"), which cuts a dateline from its lead.  Such pieces are joined again.
_ENDS_WITH_MONTH_STOP: Final = re.compile(r"\b\d{1,2}\s+(\w+)\.$")
_ENDS_WITH_DAY: Final = re.compile(r"\b\d{1,2}\.$")
_STARTS_WITH_WORD: Final = re.compile(r"^(\w+)\b")


def split_sentences(paragraph: str, language: str) -> list[str]:
    """Sentences of one paragraph, stripped, in order."""
    found = _rejoin_dates([s.strip() for s in segment(language or "en", paragraph) if s.strip()], language)
    if language in _NO_SPLIT_BEFORE_DIGITS:
        found = [piece for sentence in found for piece in _split_before_digits(sentence)]
    return found


def _rejoin_dates(pieces: list[str], language: str) -> list[str]:
    """`pieces` with those that a date split joined again (see the workaround above)."""
    months = MONTHS.get(language, frozenset())
    out: list[str] = []
    for piece in pieces:
        if out and months and _splits_a_date(out[-1], piece, months):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _splits_a_date(before: str, after: str, months: frozenset[str]) -> bool:
    word = _ENDS_WITH_MONTH_STOP.search(before)
    short = word.group(1).lower() if word else ""
    if short in months and after[:1].isdigit() and any(m != short and m.startswith(short) for m in months):
        return True  # "22 juil." | "2026 (AAP) -": an abbreviated month, not "… en juin." | "2026 sera …"
    first = _STARTS_WITH_WORD.match(after)
    return bool(_ENDS_WITH_DAY.search(before) and first and first.group(1).lower() in months)


def _split_before_digits(sentence: str) -> list[str]:
    pieces, start = [], 0
    gaps = [m.span() for m in _WORD_STOP_DIGIT.finditer(sentence)]
    gaps += [m.span(1) for m in _NUMBER_STOP_COUNT.finditer(sentence)]
    for gap_start, gap_end in sorted(gaps):
        word = re.findall(r"\w+", sentence[start:gap_start])[-1:]
        if word and word[0].lower() in _ABBREVIATIONS:
            continue
        pieces.append(sentence[start:gap_start].strip())
        start = gap_end
    pieces.append(sentence[start:].strip())
    return [p for p in pieces if p]
