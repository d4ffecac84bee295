"""When is an article a copy of an earlier one?  Three tests, cheapest first.

* exact: the same words (hash of case-folded tokens);
* near: a same-language copy with ordinary wire edits (a paragraph dropped, a line of
  boilerplate added, "said" reworded, "ten" for "10"): most of its word 4-shingles are in
  the earlier text (containment, so a dropped paragraph still counts), it carries most of
  that text, and each of its sentences is an earlier sentence that keeps most of its word
  pairs (lightly edited);
* cross_lingual: a translation — each of its sentences has a counterpart in the earlier
  text in the shared multilingual embedding space, and it carries most of that text.

A copy says nothing new, so a sentence only the copy has must be a short line (page
furniture that `boilerplate` did not drop, a dateline) that states no figure, a headline of
its own made of the earlier text's words and numbers (outlets retitle wire copy), or, in a
translation, the short second half of a sentence the translator split; a longer one is an
update (a translation that adds a paragraph is not a copy).  A translation also keeps its
original's order, sentence by sentence; another outlet's article on the same facts, in
another language, tells them in its own order.  A sentence that differs
from its counterpart in a number makes the article a new version of the story, never a
copy: it must reach the figure and claim stages (the classic dedup failure is merging texts
that differ only in a number).  Numbers are compared per aligned sentence, spelled or in
digits, so a sentence only the original has (a dropped paragraph) vetoes nothing.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Protocol

import numpy as np
from datasketch import MinHashLSH
from numpy.typing import NDArray

from schemas import DuplicateMethod
from services.analysis import gazetteer
from services.analysis.config import AnalysisConfig
from services.analysis.figures import Figure
from services.analysis.figures.lexicon import LEXICONS, TOKEN_RE
from services.analysis.figures.numbers import find_numbers
from services.analysis.fingerprints import NUM_PERM, shingles
from services.analysis.languages import LANGUAGES, NOUNS_CAPITALISED, phrase_patterns
from services.analysis.normalize import words
from services.analysis.prepare import Draft, PreparedArticle, Sentence

EDIT_CANDIDATES = 3  # earlier sentences, by shared words, that a sentence is aligned against
CANDIDATE_MARGIN = 0.85  # LSH nominates pairs down to this share of the least Jaccard a copy can have
APPROXIMATE_SPREAD = 0.25  # "une dizaine" and "a dozen" are one number, as translators write it
HEDGED_SPREAD = 0.1  # "environ 55" and "Mitte 50" too; "about 27" and "31" are an update
_SCALES = (1e3, 1e6, 1e9, 1e12)  # thousand, million, billion, trillion
RETITLE_KNOWN_WORDS = 0.5  # a copy's own headline: at least this share of its words are the original's
STEM_LETTERS = 5  # letters a word's forms share ("oberösterreich", "oberösterreichischen")
SHORT_EDIT_CONTAINMENT = 0.3  # the least shingle containment of a copy whose every sentence is an edit
RESTATED_KNOWN_WORDS = 0.8  # ...and any other sentence only the copy has (a caption, a clause turned round)
SPLIT_PIECE_WORDS = 25  # the longest second half of a sentence a translator splits in two
FREE_COVER = 0.8  # a translation that leaves a fifth of its original out…
FREE_COSINE = 0.6  # …and whose sentences match theirs only loosely on average is a rewrite
IN_PLACE_SHARE = 0.75  # of the translation floor: a short sentence in its original's place, told freely
ORDER_SWAPS = 0.05  # the largest share of aligned sentence pairs a translation may tell out of order
_DIGITS = re.compile(r"\d+")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_MERIDIEM_AFTER = re.compile(r"\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)  # after "3:00": " p.m."
_MERIDIEM = re.compile(r"\b(\d{1,2})\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)  # "8 pm", "3 a. m.": hour 20, 3
EVENING_FROM = 6  # "alle 3 di notte" is three in the morning, "alle 9 di sera" nine in the evening


def _hours_before(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\b(\d{{1,2}})(?:\s?(?:h|uhr))?\s+(?:{alternatives})\b", re.IGNORECASE)


# A whole hour its language puts after noon: "las 3 de la tarde", "alle 9 di sera", "um 8 Uhr abends".
_AFTERNOON = {code: _hours_before(d.dates.afternoon) for code, d in LANGUAGES.items() if d.dates.afternoon}
_EVENING = {code: _hours_before(d.dates.evening) for code, d in LANGUAGES.items() if d.dates.evening}
_DIGIT_GROUP_SPACE = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}(?!\d))")  # "140 000"
_BRACKET = re.compile(r"\(([^()]{1,40})\)")  # a short bracket: a conversion, a gloss
_GLUED_UNIT = re.compile(r"\d[\d.,]*\s?°?[^\W\d_]{1,3}\b")  # "3km", "43 C", "46°C"
_CLOCK = re.compile(
    r"(?<![\d.,:])(\d{1,2})(?:[.:]|\s?h\s?)(\d{2})(?![.,:]?\d)"
)  # 13.20, 1:20, 13h20, 16 h 45
_ZONED = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3])[.:h]?([0-5]\d)(?=\s?(?:GMT|UTC)\b)")  # "0200 GMT"


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    original: str  # article_id of the earlier article
    method: DuplicateMethod
    similarity: float


class Text(Protocol):
    """What the copy tests read: a draft, a prepared article, or what the stream keeps of one."""

    @property
    def language(self) -> str: ...

    @property
    def sentences(self) -> tuple[Sentence, ...]: ...

    @property
    def figures(self) -> tuple[Figure, ...]: ...


@dataclass(frozen=True, slots=True)
class Number:
    """A number as a sentence states it."""

    value: float
    approximate: bool  # "a dozen", "une vingtaine": about that many
    weak: bool  # a lone spelled "one", often an article ("ein Mensch"): a number only maybe
    hedged: bool = False  # "environ 55", "Mitte 50": a translator may round it otherwise

    def matches(self, other: Number) -> bool:
        """The same number, also with its scale written apart ("$126-million", "126 milioni")
        or, for an approximate one, about the same."""
        low, high = sorted((self.value, other.value))
        if low == high or (low > 0 and any(math.isclose(high, low * scale) for scale in _SCALES)):
            return True
        if self.approximate or other.approximate:
            return high - low <= APPROXIMATE_SPREAD * high
        return (self.hedged or other.hedged) and high - low <= HEDGED_SPREAD * high


@dataclass(frozen=True, slots=True)
class Numbers:
    """The numbers of a sentence (or a text), in order."""

    found: tuple[Number, ...]

    def beyond(self, other: Numbers, repeats: bool = False) -> list[Number]:
        """Numbers stated here that `other` does not state, even as a possible "one"; each of
        `other`'s numbers answers for one of ours ("16 to 16" is not "13 to 16"), or, with
        `repeats`, for all of ours it matches (a translator says "two fires … two hotels"
        where the original said "two fires … hotels")."""
        free = list(other.found)
        extra: list[Number] = []
        for number in sorted(self.found, key=lambda n: n.weak):
            match = next((k for k, m in enumerate(free) if number.matches(m)), None)
            if match is not None:
                if not repeats:
                    del free[match]
            elif not number.weak:
                extra.append(number)
        return extra


def sentence_numbers(text: str, language: str) -> Numbers:
    """The numbers a sentence states, digits and number words alike ("ten" = "10"), and any
    other run of digits as written (a date, an ordinal, an identifier: changed, they change
    the text too); times of day with minutes are left out (a translation writes "1.20 p.m." as
    "13.20 Uhr") and a whole hour counts on the 24-hour clock ("8 pm" is "le 20", "20.00 Uhr")."""
    times = [m for m in _CLOCK.finditer(text) if int(m.group(1)) <= 24 and int(m.group(2)) < 60]
    clocks = [m.span() for m in times]
    clocks += [m.span() for m in _ZONED.finditer(text)]
    hours = [
        m for m in _MERIDIEM.finditer(text) if 0 < int(m.group(1)) <= 12 and not _inside(m.start(), clocks)
    ]
    clocks += [m.span() for m in hours]
    late = [
        m
        for kind, first in ((_AFTERNOON, 1), (_EVENING, EVENING_FROM))
        if (pattern := kind.get(language)) is not None
        for m in pattern.finditer(text)
        if first <= int(m.group(1)) < 12 and not _inside(m.start(), clocks)
    ]
    clocks += [m.span() for m in late]
    spans = find_numbers(text, language)
    found = [Number(_hour(m), False, False) for m in hours]
    found += [Number(float(int(m.group(1)) % 12 + 12), False, False) for m in late]
    found += [Number(_whole_hour(m, text), False, False) for m in times if m.group(2) == "00"]  # "3:00"
    found += [
        Number(n.value, n.approximate, n.weak, _hedged(text, n.start, language))
        for n in spans
        if not _inside(n.start, clocks)
    ]
    taken = clocks + [(n.start, n.end) for n in spans]
    found += [
        Number(float(run.group()), False, False)
        for run in _DIGITS.finditer(text)
        if not _inside(run.start(), taken)
    ]
    return Numbers(tuple(found))


HEDGE_REACH = 30  # characters before a number where its "about" stands


def _hedged(text: str, start: int, language: str) -> bool:
    """A number said to be about that many ("environ 55", "Mitte 50"): a translator may round
    it otherwise, so it is nearly the same as its counterpart (HEDGED_SPREAD)."""
    lex = LEXICONS.get(language)
    if lex is None:
        return False
    found = lex.qualifier_re.search(text[max(0, start - HEDGE_REACH) : start].lower())
    return found is not None and lex.qualifier_labels.get(" ".join(found.group("q").split())) == "about"


def _whole_hour(match: re.Match[str], text: str) -> float:
    """A whole hour written with its minutes, on the 24-hour clock: "3:00 p.m." is "15h00"."""
    hour = int(match.group(1))
    after = _MERIDIEM_AFTER.match(text, match.end())
    if after is None or not 0 < hour <= 12:
        return float(hour)
    return float(hour % 12 + (12 if after.group(1).lower() == "p" else 0))


def _hour(match: re.Match[str]) -> float:
    return float(int(match.group(1)) % 12 + (12 if match.group(2).lower() == "p" else 0))


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def figures_conflict(a: tuple[Figure, ...], b: tuple[Figure, ...]) -> bool:
    """True when both sides state the same measure with values that share nothing."""
    values_a: dict[tuple[str, str | None], set[float]] = {}
    for fig in a:
        values_a.setdefault((fig.measure, fig.unit), set()).add(fig.value)
    values_b: dict[tuple[str, str | None], set[float]] = {}
    for fig in b:
        values_b.setdefault((fig.measure, fig.unit), set()).add(fig.value)
    return any(key in values_b and not (vals & values_b[key]) for key, vals in values_a.items())


def least_copy_jaccard(config: AnalysisConfig) -> float:
    """The lowest shingle Jaccard a near copy can have: the least share of it in the original,
    covering the least share of the original."""
    return 1.0 / (1.0 / config.copy_containment + 1.0 / config.copy_cover - 1.0)


def near_copy_candidates(config: AnalysisConfig) -> MinHashLSH:
    """The LSH index that nominates near-copy candidates: a threshold below the least Jaccard
    of a near copy, so that a pair near it is still tried (the test itself is exact)."""
    return MinHashLSH(num_perm=NUM_PERM, params=lsh_bands(least_copy_jaccard(config) * CANDIDATE_MARGIN))


@functools.cache
def lsh_bands(threshold: float) -> tuple[int, int]:
    """The (bands, rows) datasketch chooses for `threshold`: it integrates the error curves
    for every split of the permutations, 50 ms a new index (most of a fresh analyzer's cost,
    which `make bench-quality` pays once per copy pair), so each threshold's choice is
    worked out once.  A pure function's memo: the same threshold, the same bands."""
    index = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return index.b, index.r


def _unmatched_are_known(
    new: Text, unmatched: Sequence[int], old: Text | None = None, translated: bool = False
) -> bool:
    """A sentence only the copy has is harmless when it claims nothing (a short line: page
    furniture that `boilerplate` did not drop, a dateline: "Berlín, 15 abr (AIP)."; or a
    picture's caption) after the first (a headline or the lead is never furniture) and states
    no figure, or is the copy's own headline (`_retitled`; in a translation,
    `_retitled_across`); any other may be news."""
    for i in unmatched:
        sentence = new.sentences[i]
        if i == 0 and old is not None and not translated and _retitled(sentence, old):
            continue
        if i == 0 and old is not None and translated and _retitled_across(sentence, new.language, old):
            continue
        if i > 0 and old is not None and not translated and _restated(sentence, old, new.language):
            continue
        if i > 0 and not sentence.figures and _only_attribution(sentence.text, new.language):
            continue
        if i > 0 and old is not None and translated and _short_known_count(sentence, old):
            continue
        if i == 0 or sentence.claimable or sentence.figures:
            return False
    return True


KNOWN_COUNT_WORDS = 8  # the longest sentence that may only restate a count: "Nove risultano ancora dispersi."


def _short_known_count(sentence: Sentence, old: Text) -> bool:
    """A short sentence of a translation that states only counts the original states too
    ("Nove risultano ancora dispersi." for "Neun Bergleute werden noch vermisst."): the
    translator's terser rendering matched too loosely, not news."""
    if not sentence.figures or len(sentence.text.split()) > KNOWN_COUNT_WORDS:
        return False
    known = {(f.measure, f.value) for f in old.figures}
    return all((f.measure, f.value) in known for f in sentence.figures)


_ATTRIBUTION_SENTENCES: dict[str, re.Pattern[str]] = {
    code: re.compile("|".join(f"(?:{p})" for p in data.attribution_sentences), re.IGNORECASE)
    for code, data in LANGUAGES.items()
    if data.attribution_sentences
}
ATTRIBUTION_WORDS = 15  # the longest sentence that may only say who said it


def _only_attribution(text: str, language: str) -> bool:
    """A sentence that only says who said the rest ("Lo hanno reso noto le autorità locali."):
    a translator splits it off; it states nothing new."""
    pattern = _ATTRIBUTION_SENTENCES.get(language)
    if pattern is None or len(text.split()) > ATTRIBUTION_WORDS:
        return False
    return pattern.match(text.replace("’", "'")) is not None


def _restated(sentence: Sentence, old: Text, language: str) -> bool:
    """A sentence only the copy has, made of the original's words with no number it lacks:
    a photo caption restating the story, a sentence whose clauses an editor turned round,
    one whose attribution was reworded ("Laut Rotem Kreuz wurden neun Menschen verletzt"
    for "Neun Menschen wurden verletzt, wie das Rote Kreuz mitteilte": the attribution's
    own word is not counted)."""
    pattern = _ATTRIBUTION_WORDS.get(language)
    text = pattern.sub(" ", sentence.text) if pattern is not None else sentence.text
    return _retitled(replace(sentence, heading=True, text=text), old, RESTATED_KNOWN_WORDS)


_ATTRIBUTION_WORDS = phrase_patterns("attribution")


def _retitled(headline: Sentence, old: Text, share: float = RETITLE_KNOWN_WORDS) -> bool:
    """A headline an outlet wrote over a copy: mostly the original's words, or in its own
    words but naming no one and nothing the original does not ("Seven dead as strong
    earthquake rocks southern Peru"); no number it lacks either way."""
    ours = words(headline.text)
    text = " ".join(s.text for s in old.sentences)
    known = set(words(text))
    if not headline.heading or not ours:
        return False
    stems = {w[:STEM_LETTERS] for w in known if len(w) >= STEM_LETTERS}
    # a word the original inflects or compounds otherwise is known: "Verletzte" for "Verletzten"
    hits = sum(w in known or (len(w) >= STEM_LETTERS and w[:STEM_LETTERS] in stems) for w in ours)
    own_words = share == RETITLE_KNOWN_WORDS and _names_known(headline.text, known) and hits >= len(ours) / 3
    if hits < share * len(ours) and not own_words:
        return False
    return not _numbers(headline.text, old.language).beyond(_numbers(text, old.language))


def _retitled_across(headline: Sentence, language: str, old: Text) -> bool:
    """A headline a translating desk wrote over its translation ("Schottland: Reisebus
    überschlägt sich – drei Tote" over "Three killed as coach overturns on A9"): headlines are
    too short and telegraphic to embed near their original, so it is known when it states no
    number the original lacks and every name in it is the original's, or a country or region
    (German capitalises every noun: there, the numbers alone).  The rest of the translation
    must still match the original sentence by sentence."""
    if not headline.heading:
        return False
    text = " ".join(s.text for s in old.sentences)
    if _numbers(_unmeasured(headline.text, language), language).beyond(
        _numbers(_unmeasured(text, old.language), old.language)
    ):
        return False
    if language in NOUNS_CAPITALISED:
        return True  # every noun is capitalised: its names cannot be told from its words
    known = set(words(text)) | _place_words(headline.text, language)
    local = {gazetteer.local_name(gazetteer.fold_word(w), old.language) for w in words(text)}
    return all(
        name in known or gazetteer.local_name(gazetteer.fold_word(name), language) in local
        for name in _names(headline.text)
    )  # "Sarrebruck" over "Saarbrücken": one town (data/exonyms.toml)


def _place_words(text: str, language: str) -> set[str]:
    """The folded words of `text` that name a country or region (gazetteer): a translating
    desk adds them to a headline ("Austria, valanga in Tirolo") and spells them its own way."""
    tokens = _TOKEN.findall(unicodedata.normalize("NFKC", text))
    spans = gazetteer.find(tokens, [gazetteer.fold_word(t) for t in tokens], language)
    return {tokens[k].casefold() for start, end, _ in spans for k in range(start, end)}


def _vocabulary(text: Text) -> set[str]:
    """The words of a whole text, as names are looked up in it."""
    return set(words(" ".join(s.text for s in text.sentences)))


def _names_of(text: str, language: str, known: set[str]) -> bool:
    """Every name `text` holds is in `known` (the original's words), as written or as a
    country or region: names pass into a translation unchanged, so a new one is someone or
    somewhere new (a victim named).  Where every noun is capitalised, nothing can be told."""
    if language in NOUNS_CAPITALISED:
        return True
    return _names_known(text, known | _place_words(text, language))


def _names_carried(new: Text, old: Text) -> bool:
    """A same-language rewording names no one and nowhere its original does not, below its
    headline (a changed place or a named victim is news); a caption or a short line names
    nothing of the article's own.  Where every noun is capitalised (German), names cannot be
    told from nouns: there every noun of the rewording must be the original's."""
    known = _vocabulary(old)
    body = new.sentences[1:] if new.sentences and new.sentences[0].heading else new.sentences
    return all(_names_known(s.text, known | _place_words(s.text, new.language)) for s in body if s.claimable)


def _names(text: str) -> list[str]:
    """The capitalised words inside a clause, folded: names (and German nouns).  A word
    after punctuation may be capitalised for the punctuation's sake ("VARDOZ (AFP) -
    According to …"), so only one that follows another word counts."""
    tokens = _TOKEN.findall(unicodedata.normalize("NFKC", text))
    return [
        word.casefold()
        for before, word in pairwise(tokens)
        if word[:1].isupper() and word.isalpha() and before[:1].isalnum()
    ]


def _names_known(text: str, known: set[str]) -> bool:
    return all(name in known for name in _names(text))


def _swapped_names(new: Text, old: Text, pairs: Sequence[tuple[int, int]]) -> bool:
    """An edited sentence pair in which each side names someone or somewhere the other text
    never names ("arrested in Bochum" for "arrested in Dortmund"): a changed fact, so a new
    version.  A name only one side has is an addition (a byline, a credit), not a change."""
    ours_known, theirs_known = _vocabulary(new), _vocabulary(old)
    for i, j in pairs:
        a, b = new.sentences[i].text, old.sentences[j].text
        if a != b and not _names_known(a, theirs_known) and not _names_known(b, ours_known):
            return True
    return False


def _split_pieces(
    new: Text,
    old: Text,
    sims: NDArray[np.float32],
    translated: NDArray[np.bool_],
    floor: float,
    across: bool = True,
) -> list[int]:
    """Untranslated sentences that are the short second half of a split one: closest to the
    original sentence whose translation stands next to them, or near it (`floor`: the half
    says less than the whole), or carrying that sentence's numbers ("…, revising an earlier
    figure of four" → "Zunächst war von vier Geiseln die Rede gewesen."), or, between the
    translations of the sentences around it, the free translation of the one between them
    ("Le parquet d'Angers s'est rendu sur les lieux." → "La Fiscalía de Angers se ha desplazado
    al lugar.": each other's best match, if not by the translation floor).  None states a
    number its original lacks ("…, where nine residents died" → "Murieron nueve ancianos.")
    or names anyone it does not name."""
    known = _vocabulary(old)
    pieces = []
    for i in np.flatnonzero(~translated).tolist():
        text = new.sentences[i].text
        if i == 0 or len(text.split()) > SPLIT_PIECE_WORDS:
            continue
        numbers = _numbers(_unmeasured(text, new.language), new.language)
        j = _original_of(i, sims, translated, numbers, old, floor, across)
        if j < 0:
            continue
        original = _numbers(_unmeasured(old.sentences[j].text, old.language), old.language)
        if not numbers.beyond(original) and _names_of(text, new.language, known):
            pieces.append(i)
    return pieces


def _original_of(
    i: int,
    sims: NDArray[np.float32],
    translated: NDArray[np.bool_],
    numbers: Numbers,
    old: Text,
    floor: float,
    across: bool,
) -> int:
    """The original sentence untranslated sentence `i` comes from (see _split_pieces), or -1."""
    neighbours = [k for k in (i - 1, i + 1) if 0 <= k < len(translated) and translated[k]]
    beside = {int(sims[k].argmax()) for k in neighbours}
    j = int(sims[i].argmax())
    if j in beside:
        return j
    near = max(beside, key=lambda b: float(sims[i, b]), default=-1)
    # closest to the headline, which sums up the lead: a half of the lead beside it says less still
    # ("In Teilen Athens fiel der Strom aus." of "…, while power cuts left parts of Athens …")
    least = floor * IN_PLACE_SHARE if old.sentences[j].heading else floor
    if near >= 0 and sims[i, near] >= least:
        return near
    if any(not n.weak for n in numbers.found):  # a clause carrying the numbers of the sentence beside it
        for b in sorted(beside):
            said = _numbers(_unmeasured(old.sentences[b].text, old.language), old.language)
            if not numbers.beyond(said):
                return b
    if across and _in_place(i, j, sims, translated) and sims[i, j] >= floor * IN_PLACE_SHARE:
        return j  # told freely in its original's place; in its own language it is more likely replaced
    return -1


def _in_place(i: int, j: int, sims: NDArray[np.float32], translated: NDArray[np.bool_]) -> bool:
    """Whether new sentence `i` and original sentence `j` are each other's best match and stand
    in the same place: between the originals of the translated sentences around `i`, or both
    after the last of them."""
    count = len(translated)
    if not translated[i - 1] or int(sims[:, j].argmax()) != i:
        return False
    low = int(sims[i - 1].argmax())
    if i == count - 1:
        return low < j
    return bool(translated[i + 1]) and low < j < int(sims[i + 1].argmax())


def _in_order(pairs: Sequence[tuple[int, int]]) -> bool:
    """Whether the aligned original sentences follow the candidate's order, but for a few swaps
    or one sentence moved (a desk may move a sentence up or swap two paragraphs); an article
    that tells the same facts in its own order moves several."""
    seq = [j for _, j in pairs]
    swaps = sum(a > b for k, a in enumerate(seq) for b in seq[k + 1 :])
    return swaps <= ORDER_SWAPS * len(seq) * (len(seq) - 1) / 2 or len(seq) - _longest_rising(seq) <= 1


def _longest_rising(seq: Sequence[int]) -> int:
    """Length of the longest strictly rising subsequence (patience sorting)."""
    tails: list[int] = []
    for value in seq:
        k = bisect.bisect_left(tails, value)
        tails[k : k + 1] = [value]
    return len(tails)


def _other_numbers(new: Text, old: Text, pairs: Sequence[tuple[int, int]], same_language: bool) -> bool:
    """True when an aligned sentence pair states other numbers: in the same language, any
    number the original's sentence lacks (its words are the original's); across languages,
    only a number on each side that the other lacks ("nine" for "eleven"), since a
    translation may spell out what the original leaves vague ("Mitte vierzig", "in his forties"),
    and never a measurement, which a translation may convert (miles to km, °F to °C)."""
    for i, j in pairs:
        a, b = new.sentences[i].text, old.sentences[j].text
        if same_language and a == b:
            continue
        if new.sentences[i].heading and old.sentences[j].heading:
            b = " ".join(s.text for s in old.sentences)  # a headline picks its numbers from the text
        if not same_language:
            a, b = _unmeasured(a, new.language), _unmeasured(b, old.language)
        a = _without_conversions(a, new.language)
        ours, theirs = _numbers(a, new.language), _numbers(b, old.language)
        repeats = not same_language
        if ours.beyond(theirs, repeats) and (same_language or theirs.beyond(ours, repeats)):
            return True
    return False


def _without_conversions(text: str, language: str) -> str:
    """`text` without the brackets a desk adds to convert a measurement ("46C (115F)",
    "two miles (3km)"): a bracket of measured numbers only states nothing new."""

    def converted(match: re.Match[str]) -> str:
        inner = match.group(1)
        if not _DIGITS.search(inner):
            return match.group()
        rest = _GLUED_UNIT.sub(" ", _unmeasured(inner, language))
        return match.group() if _DIGITS.search(rest) else " "

    return _BRACKET.sub(converted, text)


def _unmeasured(text: str, language: str) -> str:
    """`text` with each number that a unit of measure follows blanked out ("12 miles",
    "3,5 Hektar", "70 °F", "eight-metre"): the unit words are the language file's [figures.units]."""
    lex = LEXICONS.get(language)
    if lex is None:
        return text
    low = text.lower()
    tokens = list(TOKEN_RE.finditer(low))
    starts = [t.start() for t in tokens]
    words = [t.group() for t in tokens]
    out = text
    for number in find_numbers(text, language):
        after = bisect.bisect_left(starts, number.end)
        if after < len(words) and words[after] == "-":
            after += 1  # a compound: "eight-metre waves", "a 10-km queue"
        unit = lex.units.match(words, after)
        if unit is not None and unit[1] == "measure":
            out = out[: number.start] + " " * (number.end - number.start) + out[number.end :]
    return out


def _numbers(text: str, language: str) -> Numbers:
    """`sentence_numbers` with digit groups joined across a space, as a copy may regroup them
    ("140,000" → "140 000"; done on both sides, so "3 100-metre" stays comparable)."""
    return sentence_numbers(_DIGIT_GROUP_SPACE.sub("", text), language)


def _kept(ours: list[str], theirs: list[str]) -> float:
    """The share of `ours` (words) that `theirs` keeps with a neighbour: words in a word pair
    both have.  An edited sentence keeps its phrases, even moved ("…, a spokesman said" →
    "according to a spokesman, …"); another sentence on the same topic shares words, not phrases."""
    if len(ours) < 2:
        return float(not ours or ours[0] in theirs)
    pairs = set(pairwise(theirs))
    kept = [False] * len(ours)
    for k, pair in enumerate(pairwise(ours)):
        if pair in pairs:
            kept[k] = kept[k + 1] = True
    return sum(kept) / len(ours)


def _shape(text: str) -> list[str]:
    """The words of a sentence with every run of digits as "0": a changed number leaves the
    sentence aligned with its original, for the number test to see the change."""
    return ["0" if word.isdigit() else word for word in words(text)]


def _edited_pairs(new: Text, old: Text, overlap: float) -> tuple[list[tuple[int, int]], list[int]]:
    """Each sentence of `new` with the earlier sentence it copies: the same text, or the one
    that keeps most of its words (`_kept`) when that share reaches `overlap` (the sentence,
    edited); the others are listed as unmatched.  Only the few earlier sentences sharing
    most of its words are tried."""
    same = {s.text: j for j, s in reversed(list(enumerate(old.sentences)))}
    theirs = [_shape(s.text) for s in old.sentences]
    their_sets = [frozenset(w) for w in theirs]
    pairs: list[tuple[int, int]] = []
    unmatched: list[int] = []
    for i, sentence in enumerate(new.sentences):
        if sentence.text in same:
            pairs.append((i, same[sentence.text]))
            continue
        ours = _shape(sentence.text)
        mine = frozenset(ours)
        tried = sorted(range(len(theirs)), key=lambda j: -len(mine & their_sets[j]))[:EDIT_CANDIDATES]
        scores = {j: _kept(ours, theirs[j]) for j in tried}
        best = max(scores, key=lambda j: (scores[j], -j), default=None)
        if best is not None and scores[best] >= overlap:
            pairs.append((i, best))
        else:
            unmatched.append(i)
    return pairs, unmatched


def _shingle_set(text: Text) -> set[bytes]:
    return shingles(words(" ".join(s.text for s in text.sentences)))


def near_copy(new: Text, old: Text, config: AnalysisConfig) -> float | None:
    """The share of `new`'s word 4-shingles found in `old` when `new` is a same-language copy
    of it with ordinary edits, else None."""
    ours, theirs = _shingle_set(new), _shingle_set(old)
    if not ours or not theirs:
        return None
    shared = len(ours & theirs)
    containment = shared / len(ours)
    pairs, unmatched = _edited_pairs(new, old, config.sentence_overlap)
    if containment < config.copy_containment or shared / len(theirs) < config.copy_cover:
        # Few sentences, turned round by an editor, break many shingles: every sentence an
        # edit of one of the original's, covering as much of it, is a copy all the same.
        # (A lede trimmed and the last paragraph dropped under the outlet's headline, too.)
        copied = _word_share(old.sentences, _chosen(len(old.sentences), [j for _, j in pairs]))
        retitled = unmatched == [0] and _retitled(new.sentences[0], old)  # and under its own headline
        if (unmatched and not retitled) or copied < config.copy_cover or containment < SHORT_EDIT_CONTAINMENT:
            return None
    if not _unmatched_are_known(new, unmatched, old) or _other_numbers(new, old, pairs, True):
        return None
    if new.language not in NOUNS_CAPITALISED and _swapped_names(new, old, pairs):
        return None
    return round(containment, 4)


def _chosen(size: int, indices: Sequence[int]) -> NDArray[np.bool_]:
    chosen = np.zeros(size, dtype=np.bool_)
    chosen[list(indices)] = True
    return chosen


def _counterparts(sims: NDArray[np.float32], cosine: float, floor: float) -> NDArray[np.bool_]:
    """Sentence pairs that say the same thing: a translation-level cosine, or each other's
    best match at `floor` (a free translation of one sentence scores lower than the rest), or
    the same among the sentences still unpaired when they stand in the same place."""
    mutual = (sims == sims.max(axis=1, keepdims=True)) & (sims == sims.max(axis=0, keepdims=True))
    matched = (sims >= cosine) | (mutual & (sims >= floor))
    for i, j in _paired_in_place(sims, matched, floor):
        matched[i, j] = True
    return matched


def _paired_in_place(
    sims: NDArray[np.float32], matched: NDArray[np.bool_], floor: float
) -> list[tuple[int, int]]:
    """Unpaired body sentences that are each other's best unpaired match at `floor` and stand
    right between the same paired sentences (paired headlines count before a lead), or both
    after the last pair: a lead or a last line told freely, whose best match overall is a
    sentence that another one already translates."""
    rows, cols = _paired(matched, axis=1), _paired(matched, axis=0)
    free = np.where(rows[:, None] | cols[None, :], -np.inf, sims)
    free[0, :] = free[:, 0] = -np.inf  # headlines are told too freely to pair on a weak match
    anchor = {int(i): int(sims[i].argmax()) for i in np.flatnonzero(rows) if i > 0}
    if matched[0, 0]:
        anchor[0] = 0  # headline to headline: the lead stands right after it
    found = []
    for i in range(1, len(sims)):
        j = int(free[i].argmax())
        if free[i, j] < floor or int(free[:, j].argmax()) != i or anchor.get(i - 1, j) >= j:
            continue
        last = i == len(sims) - 1 and all(b < j for b in anchor.values())
        if last or anchor.get(i + 1, -1) > j:
            found.append((i, j))
    return found


def _paired(matched: NDArray[np.bool_], axis: int) -> NDArray[np.bool_]:
    """Which sentences of one side have a counterpart (numpy's stubs type `any` as maybe a scalar)."""
    return np.asarray(matched.any(axis=axis), dtype=np.bool_)


def _word_share(sentences: tuple[Sentence, ...], chosen: NDArray[np.bool_]) -> float:
    """The share of the words of `sentences` that are in the chosen ones."""
    counts = np.array([len(s.text.split()) for s in sentences], dtype=np.float64)
    return float(counts[chosen].sum() / max(1.0, counts.sum()))


def translation(
    new: PreparedArticle, old: PreparedArticle, config: AnalysisConfig, same_language: bool = False
) -> float | None:
    """The share of `old`'s words in sentences that `new` translates, when `new` is a
    translation of it that adds nothing (or, `same_language`, a paraphrase of it), else None."""
    if len(new.vectors) == 0 or len(old.vectors) == 0:
        return None
    sims = new.vectors @ old.vectors.T
    matched = _counterparts(sims, config.translation_cosine, config.translation_floor)
    translated = _paired(matched, axis=1)
    cover = _word_share(old.sentences, _paired(matched, axis=0))
    if cover < config.copy_cover or _word_share(new.sentences, translated) < config.copy_containment:
        return None
    pieces = _split_pieces(new, old, sims, translated, config.translation_floor, across=not same_language)
    untranslated = [i for i in np.flatnonzero(~translated).tolist() if i not in pieces]
    if not _unmatched_are_known(new, untranslated, old, translated=not same_language):
        return None
    best = np.where(matched, sims, -np.inf).argmax(axis=1)
    pairs = [(int(i), int(best[i])) for i in np.flatnonzero(translated)]
    if not _in_order(pairs) or _other_numbers(new, old, pairs, same_language):
        return None
    if not same_language and _retold_freely(sims, pairs, cover):
        return None
    return round(cover, 4)


def _retold_freely(sims: NDArray[np.float32], pairs: Sequence[tuple[int, int]], cover: float) -> bool:
    """Another outlet's own account of the same facts in another language, not a translation:
    it leaves a fifth of the original out and its sentences match theirs only loosely on
    average (a translator leaving a paragraph out still renders the rest closely)."""
    return cover < FREE_COVER and float(np.mean([sims[i, j] for i, j in pairs])) < FREE_COSINE


def duplicate_method(
    new: Draft | PreparedArticle, old: PreparedArticle, config: AnalysisConfig
) -> DuplicateMatch | None:
    """How `new` copies `old`, or None.  Pure: the index only chooses which pairs to try."""
    if new.content_hash == old.content_hash:
        return DuplicateMatch(old.article_id, "exact", 1.0)
    if figures_conflict(new.figures, old.figures):
        return None
    if new.language == old.language:
        score = near_copy(new, old, config)
        if score is None and isinstance(new, PreparedArticle) and _names_carried(new, old):
            score = translation(new, old, config, same_language=True)  # reworded sentence by sentence
        return None if score is None else DuplicateMatch(old.article_id, "near", score)
    if not isinstance(new, PreparedArticle):
        return None  # a translation is only recognised by its vectors
    score = translation(new, old, config)
    return None if score is None else DuplicateMatch(old.article_id, "cross_lingual", score)
