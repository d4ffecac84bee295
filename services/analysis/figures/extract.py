"""Extract counted figures ("more than 300 killed") from one sentence.

Pure and deterministic.  The rules are general — measure words, qualifiers, clause shape —
and the vocabulary lives in :mod:`services.analysis.measures`.  For every number that is a
count (not a year, date, time, duration, age, ordinal, identifier, amount of money or
percentage) the measure is found, in this order:

1. the *head* right after the number: ``20 dead``, ``four civilian fatalities``,
   ``20 morts civils`` (a measure word, possibly with a subgroup);
2. an *active* phrase right before it: ``killing at least 20``, ``death toll rose to 311``;
3. the *predicate* of the group the number heads, a few tokens on in the same clause:
   ``300 people, including 20 civilians, have been killed``, ``12 Menschen kamen ums Leben``;
4. for a subgroup inside an aside (``…, dont 20 civils``), the measure of the group before;
5. (English) a generic passive: ``2,000 workers on strike``, ``300 homes were destroyed``.

A number with no measure close by gives no figure: precision matters more than recall,
because each figure can raise an alert.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final

from services.analysis.figures.lexicon import (
    APOSTROPHES,
    LEXICONS,
    TOKEN_RE,
    WORKERS,
    GenericPassive,
    Lexicon,
    PhraseTable,
    phrase_tokens,
)
from services.analysis.figures.numbers import NumberSpan, find_numbers, normalize_language

MAX_SENTENCE_CHARS: Final = 20_000
"""Longer input is not a sentence; only its start is read, which bounds the time spent."""

_HARD_STOPS: Final = frozenset(
    {";", ":", "!", "?", ")", "[", "]", "{", "}", "|", "—", "–", '"', "“", "”", "«", "»"}
)
_HYPHENS: Final = frozenset({"-", "‐"})
_OPENING_QUOTES: Final = {"«": "»", "»": "«", "“": "”", '"': '"', "„": "“"}  # »…« is German style
_QUOTED_NAME: Final = 5  # at most that many tokens between the quotes of a name
_QUALIFIER_LOOKBACK: Final = 48
_PAREN_LIMIT: Final = 40
_LOOSE_WINDOW: Final = 6


@dataclass(frozen=True, slots=True)
class Figure:
    """A counted figure as stated in a sentence.

    ``start``/``end`` span the number phrase including its qualifier, scale word and range
    ("More than 300", "2.5 million", "between 20 and 30").
    """

    measure: str
    unit: str | None
    value: float
    qualifier: str
    start: int
    end: int
    tally: bool = False  # a tally over a period ("so far this year"): a statistic, its own running value


FALLBACK_LANGUAGE: Final = "en"
"""Whose rules read the digits of a language no data file describes."""


def _unquote_names(text: str, matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """Without the quotes around a short capitalised name ("la lancha «Flor del Lago»", "the
    “Sea Star” ferry"): they name a thing inside the clause, they do not end it as a quote does."""
    drop: set[int] = set()
    for i, m in enumerate(matches):
        closing = _OPENING_QUOTES.get(m.group())
        if closing is None or i + 1 >= len(matches) or not text[matches[i + 1].start()].isupper():
            continue
        for k in range(i + 2, min(len(matches), i + 2 + _QUOTED_NAME)):
            if matches[k].group() == closing:
                drop |= {i, k}
                break
            if not matches[k].group()[0].isalnum():
                break
    return [m for i, m in enumerate(matches) if i not in drop] if drop else matches


@dataclass(frozen=True, slots=True)
class _Sentence:
    """The sentence as lower-cased tokens with their character offsets."""

    text: str
    low: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(
        cls, text: str, adverbs: frozenset[str] = frozenset(), asides: Sequence[tuple[int, int]] = ()
    ) -> _Sentence:
        """The tokens but `adverbs`, which stand anywhere in a clause without changing what
        is counted ("ha rescatado ya a 35", "already rescued 35"), and those inside `asides`
        (`_replaced_counts`): the rules read past them."""
        low = _lower_same_length(text)
        matches = [
            m
            for m in TOKEN_RE.finditer(low)
            if m.group() not in adverbs and not any(a <= m.start() < b for a, b in asides)
        ]
        matches = _unquote_names(text, matches)
        return cls(
            text,
            low,
            tuple(m.group() for m in matches),
            tuple(m.start() for m in matches),
            tuple(m.end() for m in matches),
        )

    def with_trades(
        self, trades: Mapping[str, frozenset[str]], context: frozenset[str] = frozenset()
    ) -> _Sentence:
        """The sentence with each group word that names a trade's workers beside its trade's
        words (in the sentence, or in its article: `context`) read as plain workers: "Quatre
        mineurs ont été tués dans la mine" counts miners."""
        if not trades or trades.keys().isdisjoint(self.words):
            return self
        present = set(self.words) | context
        hits = [j for j, w in enumerate(self.words) if w in trades and trades[w] & present]
        if not hits:
            return self
        words = list(self.words)
        for j in hits:
            words[j] = WORKERS
        return replace(self, words=tuple(words))

    def is_word(self, j: int) -> bool:
        return 0 <= j < len(self.words) and (self.words[j][0].isalnum() or self.words[j][0] == "_")

    def word(self, j: int) -> str:
        return self.words[j] if 0 <= j < len(self.words) else ""

    def capitalized(self, j: int) -> bool:
        return 0 <= j < len(self.words) and self.text[self.starts[j]].isupper()

    def in_number(self, j: int) -> bool:
        """The token at `j` is a separator inside a number ("1,500"), not punctuation."""
        return (
            0 < j < len(self.words) - 1
            and self.ends[j - 1] == self.starts[j]
            and self.ends[j] == self.starts[j + 1]
            and self.words[j - 1][-1].isdigit()
            and self.words[j + 1][0].isdigit()
        )

    def clause_mark(self, j: int) -> bool:
        """A hard stop or a comma, but not the comma of "1,500"."""
        return self.hard_stop(j) or (self.words[j] == "," and not self.in_number(j))

    def hard_stop(self, j: int) -> bool:
        """Clause end: hard punctuation, or a full stop followed by a capital (abbreviations
        like "U.S. officials" also stop, which only costs recall)."""
        word = self.words[j]
        if word in _HARD_STOPS:
            return True
        return word == "." and (j + 1 >= len(self.words) or self.capitalized(j + 1))


def _lower_same_length(text: str) -> str:
    """Lower-case without changing offsets (a few characters lower-case to two code points)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(APOSTROPHES)


@dataclass(frozen=True, slots=True)
class _Count:
    """A number that may be a count, with its qualifier; token indices are half-open."""

    value: float
    qualifier: str
    start: int
    end: int
    first: int  # first token, qualifier included
    last: int  # token after the number phrase
    weak: bool
    plain_year: bool


@dataclass(frozen=True, slots=True)
class _Head:
    """What follows a number: its noun group, a measure word, or a unit."""

    kind: str  # "unit" | "measure" | "people" | "subgroup" | "thing" | "other" | "none"
    measure: str | None = None
    subgroup: str | None = None
    end: int = 0  # token after the head
    noun: int = -1  # token index of the head noun, -1 if none
    immediate: bool = False  # a noun or measure word is the very next word
    partitive: bool = False  # "six of them children": a part of the group counted before


def extract_figures(
    sentence: str,
    language: str,
    year: int | None = None,
    told: frozenset[str] = frozenset(),
    context: frozenset[str] = frozenset(),
) -> list[Figure]:
    """All counted figures stated in ``sentence``, ordered by position.

    ``language`` is an ISO 639-1 code; unknown languages use the English rules on digits only.
    ``year``, the year the text was published, if known: a count in a clause dated to an
    earlier year ("in February 2016, nearly 50 people died") is history, not a figure.
    ``told``: the measures the article's earlier sentences stated ("killed"), so that "Otras
    112 personas resultaron heridas" after a toll is the injured, not 112 more of them.
    ``context``: the trade words its article names (`trade_context`): "Six mineurs sont
    toujours portés disparus" in a report of a mine blast counts miners.
    """
    if not sentence or not isinstance(sentence, str):
        return []
    text = sentence[:MAX_SENTENCE_CHARS]
    lang = normalize_language(language)
    lex = LEXICONS.get(lang)
    numbers = find_numbers(text, lang if lex else "")
    if not numbers:
        return []
    rules = lex or LEXICONS[FALLBACK_LANGUAGE]
    asides = _replaced_counts(text, numbers, rules)
    if asides:
        numbers = [n for n in numbers if not any(a <= n.start < b for a, b in asides)]
    sent = _Sentence.of(text, rules.adverbs, asides).with_trades(rules.trades, context)
    counts = _merge_ranges(sent, _counts(sent, numbers, rules), rules)
    return _attach(sent, counts, rules, year, told)


REPLACED_GAP_WORDS: Final = 3  # words between a count and "not ...": "two crew members, not three"
REPLACED_ASIDE_CHARS: Final = 60  # "…, et non quatre comme annoncé initialement, …": read to its comma


def trade_context(text: str, language: str) -> frozenset[str]:
    """The words of `text` that make a group word a trade's workers (Lexicon.trades): read
    once per article, so that each sentence of a mine blast's report counts miners."""
    lex = LEXICONS.get(normalize_language(language))
    if lex is None or not lex.trades:
        return frozenset()
    wanted = frozenset().union(*lex.trades.values())
    return wanted & frozenset(TOKEN_RE.findall(_lower_same_length(text)))


def _replaced_counts(text: str, numbers: Sequence[NumberSpan], lex: Lexicon) -> list[tuple[int, int]]:
    """The asides that set a wrong count beside the right one ("elles sont 22, et non 23";
    "Sono 49, e non 54 come comunicato, i militari ricoverati"): the wrong count is an earlier
    value, and the sentence reads on as if the aside were not there."""
    if lex.instead is None or len(numbers) < 2:
        return []
    low = _lower_same_length(text)
    asides = []
    for before, replaced in itertools.pairwise(numbers):
        # the pattern's lookahead reads the replaced count's first character
        candidates = lex.instead.finditer(low, before.end, replaced.start + 1)
        found = next((m for m in candidates if m.end() == replaced.start), None)
        if found is None or len(low[before.end : found.start()].split()) > REPLACED_GAP_WORDS:
            continue
        reach = replaced.end + REPLACED_ASIDE_CHARS
        later = min((n.start for n in numbers if n.start > replaced.end and not n.weak), default=len(low))
        stops = (low.find(mark, replaced.end, min(reach, later)) for mark in ",:;")
        comma = min((at for at in stops if at >= 0), default=-1)
        if comma >= 0 and low[comma] == "," and not low[replaced.end : comma].strip():
            comma = _says_earlier_till(low, comma, min(reach, later), lex)  # "e non 46, come comunicato …,"
        if comma >= 0:
            # "… e non quattordici come comunicato: due alunni …": a colon or a semicolon stays
            end = comma + 1 if low[comma] == "," else comma
        elif later == len(low) and len(low) <= reach:
            end = len(low.rstrip(" .!?;»”\"'"))  # "… e non 21 come comunicato in un primo momento."
        else:
            end = replaced.end
        asides.append((found.start(), end))
    return asides


def _says_earlier_till(low: str, comma: int, stop: int, lex: Lexicon) -> int:
    """The end of the clause after a replaced count that says it was the earlier report
    ("e non 46, come comunicato in un primo momento, perché …"), or ``comma`` itself."""
    end = low.find(",", comma + 1, stop)
    clause = low[comma + 1 : end if end >= 0 else stop]
    words = phrase_tokens(clause)
    if not any(lex.earlier.match(words, j) for j in range(len(words))):
        return comma
    if end >= 0:
        return end
    return len(low.rstrip(" .!?;»”\"'")) - 1 if stop == len(low) else comma


def _counts(sent: _Sentence, numbers: Sequence[NumberSpan], lex: Lexicon) -> list[_Count]:
    """The numbers that may be counts.  One listed right after a number that an age, money or
    identifier word rules out is ruled out too: "aged 19, 22 and 25", "im Alter von 19, 22 und 25";
    so is a number word inside the unit of the number before ("30 por ciento", "30 per cento")."""
    counts: list[_Count] = []
    ruled_out = -1  # token after the last number ruled out by the word before it
    unit_end = -1  # token after the unit of the last number ("30 por ciento": "ciento" is no 100)
    for number in numbers:
        first = bisect.bisect_left(sent.starts, number.start)
        after = bisect.bisect_left(sent.starts, number.end)
        if first < unit_end:
            continue
        unit = lex.units.match(sent.words, after)
        unit_end = after + unit[0] if unit else -1
        between = sent.words[ruled_out:first] if ruled_out >= 0 else []
        listed = bool(between) and all(w == "," or w in lex.coordinators for w in between)
        listed = listed and not _names_its_own(sent, after, lex)
        if listed or lex.not_before.match_ending(sent.words, first - 1):
            ruled_out = after
            continue
        ruled_out = -1
        if count := _count(sent, number, lex):
            counts.append(count)
    return counts


def _names_its_own(sent: _Sentence, j: int, lex: Lexicon) -> bool:
    """A number whose next word is a measure or people ("del 118 e tre feriti") is not one
    more item of the list before it."""
    return j < len(sent.words) and (
        lex.measures.match(sent.words, j) is not None or lex.is_people(sent.words[j])
    )


def _count(sent: _Sentence, number: NumberSpan, lex: Lexicon) -> _Count | None:
    """Wrap a number with its qualifier, or None when its context says it is not a count."""
    first = bisect.bisect_left(sent.starts, number.start)
    last = bisect.bisect_left(sent.starts, number.end)
    if first >= len(sent.words) or _not_a_count(sent, first, last, lex):
        return None
    qualifier, start = _pre_qualifier(sent, number.start, lex)
    if number.approximate and qualifier == "exact":
        qualifier = "about"  # "une vingtaine", "a dozen"
    end = number.end
    if qualifier == "exact" and (post := lex.post_qualifier_re.match(sent.low, number.end)):
        qualifier = lex.post_qualifier_labels.get(_squash(post.group("q")), "exact")
        end = post.end()
        last = bisect.bisect_left(sent.starts, end)
    if not number.value.is_integer():
        return None  # "416.13 people": nobody counts people in fractions
    raw = sent.text[number.start : number.end]
    plain_year = raw.isdigit() and len(raw) == 4 and 1000 <= number.value <= 2100 and qualifier == "exact"
    if plain_year and not _year_used_as_count(sent, first, last, lex):
        return None
    return _Count(
        number.value,
        qualifier,
        start,
        end,
        bisect.bisect_left(sent.starts, start),
        last,
        number.weak,
        plain_year,
    )


def _squash(text: str) -> str:
    return " ".join(text.split())


def _pre_qualifier(sent: _Sentence, start: int, lex: Lexicon) -> tuple[str, int]:
    """('more_than', char start) for "more than 300"; ('exact', start) when nothing qualifies it."""
    window_start = max(0, start - _QUALIFIER_LOOKBACK)
    match = lex.qualifier_re.search(sent.low[window_start:start])
    if match is None:
        return "exact", start
    return lex.qualifier_labels.get(_squash(match.group("q")), "exact"), window_start + match.start("q")


def _not_a_count(sent: _Sentence, first: int, last: int, lex: Lexicon) -> bool:
    """Dates, ages, identifiers (a road after its letter) and money by the words around the
    number, and compound modifiers ("three-time champion", "20-year-old", "43-Jähriger")."""
    if lex.not_before.match_ending(sent.words, first - 1):
        return True
    if _compound_modifier(sent, last, lex):
        return True
    code = first - 1 if sent.word(first - 1) not in _HYPHENS else first - 2
    letter = sent.word(code)
    if len(letter) == 1 and letter.isalpha() and sent.capitalized(code) and letter not in lex.function_words:
        return True  # a road or a line: "auf der A 14", "the M 25" (not Italian "I 64 residenti")
    if _model_code(sent, code, first):
        return True
    before = first - 1 if sent.word(first - 1) != "." else first - 2
    if _is_month(sent, before, lex) and _day_or_year(sent.word(first)):
        return True
    after = last + 1 if sent.word(last) == "." or sent.word(last) in lex.month_links else last
    return _is_month(sent, after, lex)


DAYS_IN_MONTH = 31
YEAR_DIGITS = 4


def _day_or_year(word: str) -> bool:
    """Digits a date may hold after its month ("January 6", "März 2024"); a number word or a
    larger count after a month is counted ("seit Ende Januar sechs Menschen", "since May 40")."""
    return _is_year(word) or (word.isdigit() and int(word) <= DAYS_IN_MONTH)


def _is_year(word: str) -> bool:
    return len(word) == YEAR_DIGITS and word.isdigit()


# A code in capitals names what the number after it belongs to: "del ATR 72", "flight MH 370".
MODEL_CODE_LETTERS = (2, 5)


def _model_code(sent: _Sentence, code: int, number: int) -> bool:
    """Digits right after a code written in capitals are a model's or a flight's name ("los
    pasajeros del ATR 72 de Air Armorique"), not a count; not after a dateline opening the
    sentence ("SANAA Five children …"), nor in a sentence written in capitals ("FLOODS KILL 12")."""
    if not 0 < code < len(sent.words) or not sent.words[code].isalpha() or not sent.words[number].isdigit():
        return False
    token = sent.text[sent.starts[code] : sent.ends[code]]
    low, high = MODEL_CODE_LETTERS
    if not (low <= len(token) <= high and token.isupper()):
        return False
    letters = [c for c in sent.text if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 < len(letters)


def _compound_modifier(sent: _Sentence, last: int, lex: Lexicon) -> bool:
    """A number glued by a hyphen to the word after it describes that word ("a three-time
    champion"); only a people or measure word after it keeps it a count.  A number after the
    hyphen is a range ("20-30"), not a compound."""
    if sent.word(last) not in _HYPHENS or not sent.word(last + 1)[:1].isalpha():
        return False
    glued = sent.ends[last - 1] == sent.starts[last] and sent.ends[last] == sent.starts[last + 1]
    word = sent.words[last + 1]
    return glued and not (lex.is_people(word) or lex.measures.match(sent.words, last + 1))


def _is_month(sent: _Sentence, j: int, lex: Lexicon) -> bool:
    """Month names; English ones must be capitalised ("may" is a verb)."""
    if sent.word(j) not in lex.months:
        return False
    return sent.capitalized(j) or not lex.months_capitalised


def _year_used_as_count(sent: _Sentence, first: int, last: int, lex: Lexicon) -> bool:
    """A bare 1000-2100 is a year unless a counted noun follows and no time preposition precedes."""
    if sent.word(first - 1) in lex.year_prepositions:
        return False
    words = sent.words
    return last < len(words) and bool(
        lex.is_people(words[last]) or lex.measures.match(words, last) or lex.subgroup_nouns.match(words, last)
    )


def _merge_ranges(sent: _Sentence, counts: list[_Count], lex: Lexicon) -> list[_Count]:
    """'between 20 and 30', '20 to 30', '20-30' -> one count (lower bound, at_least);
    'from 20 to 30' -> the second number (it is the current value)."""
    out: list[_Count] = []
    i = 0
    while i < len(counts):
        low = counts[i]
        high = counts[i + 1] if i + 1 < len(counts) else None
        merged = _range(sent, low, high, lex) if high else None
        out.append(merged or low)
        i += 2 if merged else 1
    return out


def _range(sent: _Sentence, low: _Count, high: _Count, lex: Lexicon) -> _Count | None:
    """The merged count when ``low`` and ``high`` form a range, else None."""
    if low.plain_year or high.plain_year or low.qualifier != "exact":
        return None
    gap = high.first - low.last  # the connector, and a determiner after it ("tra i 20 e i 30")
    if not (gap == 1 or (gap == 2 and sent.word(low.last + 1) in lex.determiners)):
        return None
    link = sent.words[low.last]
    before = low.first - 1
    if sent.word(before) in lex.determiners and sent.word(before - 1) in lex.range_openers:
        before -= 1
    opener = sent.word(before)
    if not (link in lex.range_connectors or (link in lex.range_and and opener in lex.range_openers)):
        return None
    if lex.increments.match_ending(sent.words, before):
        return None  # "rose by 112 to 3,410": a change, then the total, not a range
    if opener in lex.range_from:  # "rose from 18 to 26": the new value, read from the opener on
        return _Count(high.value, high.qualifier, high.start, high.end, before, high.last, False, False)
    start_token = before if opener in lex.range_openers else low.first
    return _Count(
        low.value, "at_least", sent.starts[start_token], high.end, start_token, high.last, False, False
    )


_TOTAL: Final = "\x00total"
"""A total ("bringing the total to 61"): its measure is the one the sentence counts."""


@dataclass(frozen=True, slots=True)
class _Found:
    """A count with its measure, before the roles (state, increment, earlier) are settled."""

    k: int
    base: str
    subgroup: str | None


def _attach(
    sent: _Sentence, counts: list[_Count], lex: Lexicon, year: int | None, told: frozenset[str] = frozenset()
) -> list[Figure]:
    """Give each count its measure; counts without one are dropped, and so are increments
    ("three more arrests") and earlier values ("up from 37"): a figure is a current state."""
    at_token = {c.first: k for k, c in enumerate(counts)}
    heads = _shared_units(sent, counts, [_scan_head(sent, c.last, lex, at_token) for c in counts], lex)
    wholes = _wholes(sent, counts, heads, lex)
    for whole, part in wholes.items():
        heads[part] = heads[whole]  # the part is counted of the whole's group, by its verb
    parts = set(wholes.values())
    rivals = {c.first for c, h in zip(counts, heads, strict=True) if h.kind in ("none", "measure", "people")}
    found: list[_Found] = []
    for k, (count, head) in enumerate(zip(counts, heads, strict=True)):
        if (
            k in wholes
            or head.kind == "unit"
            or (count.weak and not head.immediate and not _ends_a_toll(sent, count, lex))
        ):
            continue
        if count.plain_year and head.kind not in ("measure", "people", "subgroup"):
            continue
        if head.kind == "none" and _apposition(sent, count):
            continue
        bases = [f.base for f in found]
        base, subgroup = _measure_for(sent, k, counts, heads, at_token, rivals, lex, bases, k in parts)
        if base is not None:
            found.append(_Found(k, base, subgroup))
    found = _by_place(sent, counts, heads, found, lex)
    found = [_Found(f.k, _sentence_measure(sent, f, found, counts, lex), f.subgroup) for f in found]
    figures: list[Figure] = []
    bases = [f.base.rsplit(" ", 1)[-1] for f in found]  # a group's count and the plain one alike
    totals = _total_verbs(sent, lex) if len(set(bases)) < len(bases) else []
    for index, item in enumerate(found):
        count, head = counts[item.k], heads[item.k]
        # "others" is read against the earlier sentences only when it opens the sentence's counts
        # and nothing but its parts follows: "Sieben weitere Polizisten wurden verletzt, insgesamt
        # sind es nun 19", "ha subido a 14 después de que otros dos vecinos …" tell a rise
        alone = item.k == 0 and all(
            heads[j].partitive or _in_inclusion(sent, j, counts, lex) for j in range(1, len(counts))
        )
        if (
            not item.base
            or _role(sent, count, head, lex, item, found[:index], told if alone else frozenset()) != "state"
        ):
            continue
        if totals and _before_a_total(item, found[index + 1 :], counts, totals):
            continue
        if _historical(sent, count, lex, year) or _earlier_frame(sent, count, lex, year):
            continue
        if _forecast(sent, count, lex) or _returned(sent, count, lex) or _rate(sent, count, lex):
            continue
        if year is not None and _dated_before(sent, count, counts, year, lex):
            continue
        subgroup = item.subgroup or _elided_subgroup(
            sent, count, head, item, found[:index], counts, heads, lex
        )
        base = _described_state(sent, item.base, lex) if item.base in STATES else item.base
        # "Sei dei 14 bambini rapiti … liberati", "Les deux humanitaires enlevés jeudi ont été libérés"
        subject = head.kind in ("people", "subgroup") and not _after_a_verb(sent, count, lex)
        own_verb = head.kind == "none" or subject or item.k in parts
        if base == "kidnapped" and own_verb and _freed(sent, count, head, counts, lex):
            base = "rescued"  # "Deux des otages retenus … ont été relâchés"
        if base == "missing" and head.noun >= 0 and sent.word(head.noun) in lex.wanted:
            continue  # "zwei Täter werden noch gesucht": sought, not lost
        if head.kind == "none" and _counts_other(sent, count, lex):
            continue  # "i casi confermati sono saliti a 42 e 31 persone …": the 42 are cases
        measure = base if subgroup is None or base.startswith(subgroup) else f"{subgroup} {base}"
        value, qualifier = count.value, count.qualifier
        # "eines der 24 Besatzungsmitglieder ist ums Leben gekommen" counts one; but where a
        # participle after the noun describes the whole ("l'un des deux surveillants pris en
        # otage a été libéré", "one of the three villagers missing since Sunday"), the measure
        # is the whole's, and so is the count (a German clause ends on its own verb).
        if _one_of(sent, count, lex) and (head.kind != "measure" or lex.verb_second):
            value, qualifier = 1.0, "exact"
        if value > 0:  # "zero deaths" counts nobody
            tally = _clause_holds(sent, count, lex.tallies)
            figures.append(Figure(measure, None, value, qualifier, count.start, count.end, tally))
    return figures


PLACE_NAME_REACH: Final = 6  # words from a place preposition to the name ("en la provincia de Sevilla")
_LIST_MARKS: Final = frozenset({",", ":", ";"})
_CLAUSE_MARKS: Final = frozenset({",", ";"})


def _by_place(
    sent: _Sentence, counts: list[_Count], heads: list[_Head], found: list[_Found], lex: Lexicon
) -> list[_Found]:
    """Counts listed place by place after a count of a measure are that measure, each of its
    own place: "47, de los que 19 están ingresados en la provincia de Sevilla, 16 en Córdoba y
    12 en Jaén", "asciende a 63: 24 en Sevilla, 19 en Córdoba", "arrested 12 people, seven in
    Milan and five in Rome".  A bare number is an item when a list mark or a coordinator
    stands before it and a place after it, and the count before it was a place's too, or
    opens the list with a colon, or another item follows."""
    measured = {f.k: f for f in found}
    for k in range(1, len(counts)):
        before = measured.get(k - 1)
        if k in measured or before is None or not _place_item(sent, counts, heads, k, lex):
            continue
        gap = range(counts[k - 1].last, counts[k].first)
        if (
            sent.word(counts[k].first - 1) == ":"
            or any(_names_a_place(sent, j, lex) for j in gap)
            or _place_item(sent, counts, heads, k + 1, lex)
        ):
            measured[k] = _Found(k, before.base, before.subgroup)
    return [measured[k] for k in sorted(measured)]


def _place_item(sent: _Sentence, counts: list[_Count], heads: list[_Head], k: int, lex: Lexicon) -> bool:
    """A bare number after a list mark or a coordinator, with a place after it: "…, 16 en Córdoba"."""
    if not 0 < k < len(counts) or heads[k].kind != "none":
        return False
    mark = sent.word(counts[k].first - 1)
    return (mark in _LIST_MARKS or mark in lex.coordinators) and _names_a_place(sent, counts[k].last, lex)


def _names_a_place(sent: _Sentence, j: int, lex: Lexicon) -> bool:
    """A place preposition at `j` with a capitalised name a few words after it, in its clause."""
    opened = lex.place_prepositions.match(sent.words, j)
    if opened is None:
        return False
    name = j + opened[0]
    for i in range(name, min(name + PLACE_NAME_REACH, len(sent.words))):
        if sent.words[i] in _LIST_MARKS or sent.hard_stop(i):
            return False
        if sent.capitalized(i) and sent.words[i][0].isalpha():
            return True
    return False


def _in_a_named_place(sent: _Sentence, j: int, lex: Lexicon) -> bool:
    """A place preposition at `j` right before a name ("in Quilpué", "à Trinidad"), not
    before a noun ("en el hospital de Battipaglia": a hospital, not a part of the area)."""
    opened = lex.place_prepositions.match(sent.words, j)
    if opened is None:
        return False
    name = j + opened[0]
    while sent.word(name) in lex.determiners:
        name += 1
    if not (sent.capitalized(name) and sent.word(name)[:1].isalpha()):
        return False
    return not sent.text[sent.starts[name] : sent.ends[name]].isupper()  # "en la UCI": a ward, not a place


def _ends_a_toll(sent: _Sentence, count: _Count, lex: Lexicon) -> bool:
    """A lone "one" right after a toll's verb and preposition, with no noun after it: "Il
    numero dei dispersi scende a uno", "le nombre de disparus passe à un"; there it is the
    value, not an article.  (English "fell to one on Tuesday" still goes unread: its "one"
    is dropped before this rule.)"""
    after = sent.word(count.last + 1)
    closes = after in ("", ",") or sent.hard_stop(count.last + 1) or after in lex.function_words
    return closes and sent.word(count.first - 1) in lex.links and sent.word(count.first - 2) in lex.toll_verbs


def _one_of(sent: _Sentence, count: _Count, lex: Lexicon) -> bool:
    """ "One of the 24 crew members was killed", "eines der 24 Besatzungsmitglieder", "l'un
    des 24 marins": the count is the whole, and the figure is the one."""
    link = lex.part_of.match_ending(sent.words, count.first - 1) if count.first > 0 else None
    return link is not None and sent.word(count.first - 1 - link[0]) in lex.one_of


def _wholes(sent: _Sentence, counts: list[_Count], heads: list[_Head], lex: Lexicon) -> dict[int, int]:
    """Counts that are the whole a count before them is a part of ("Eleven of the 46
    passengers were killed", "Vierzehn der 38 Insassen"), each with its part: the whole
    is how many there were, not an impact, and the part is counted of its group."""
    wholes: dict[int, int] = {}
    for k in range(len(counts) - 1):
        part, whole = counts[k], counts[k + 1]
        group = heads[k + 1]
        after = k + 2 if whole.weak and k + 2 < len(counts) else k + 1  # "d'un groupe": "un" is no count
        if _member_of_group(sent, heads[k], counts[after], lex):
            wholes[after] = k  # "four members of a party of seven ski tourers died"
            continue
        if heads[k].kind != "none" or group.kind not in ("people", "subgroup", "other", "measure"):
            continue
        described = group.kind == "measure" and group.noun < 0 and _noun_after(sent, group.end, lex)
        if part.weak or (group.kind == "measure" and group.noun < 0 and not described):
            continue  # "zwei der drei Vermissten", "l'un des deux otages": the measure is the
            # whole's, and the part is said of by another verb
        link = lex.part_of.match(sent.words, part.last)
        if link is not None and part.last + link[0] == whole.first:  # "80 of the roughly 230 guests"
            wholes[k + 1] = k
            if described:  # "vier der elf entführten Missionare wurden befreit": the verb says
                # what befell the four; "entführten" only describes the eleven
                heads[k + 1] = _scan_head(sent, group.end, lex, {})
    return wholes


def _member_of_group(sent: _Sentence, head: _Head, whole: _Count, lex: Lexicon) -> bool:
    """The part's people are of a group the whole counts: "four members of a party of seven",
    "quatre membres d'un groupe de sept", "vier Mitglieder einer Gruppe von neun"."""
    if head.kind not in ("people", "subgroup") or head.end >= whole.first or whole.qualifier != "exact":
        return False
    j = head.end + (sent.word(head.end) in lex.complement_prepositions)
    j += sent.word(j) == "'"  # "d'un groupe"
    group = lex.group_links.match(sent.words, j)
    return group is not None and j + group[0] == whole.first


def _noun_after(sent: _Sentence, j: int, lex: Lexicon) -> bool:
    """A noun at `j`, right after a measure word: the measure is the noun's adjective ("the 11
    kidnapped missionaries", "der zwölf verletzten Fahrgäste"), not a noun of its own."""
    word = sent.word(j)
    if not sent.is_word(j) or lex.is_people(word) or lex.subgroup_nouns.match(sent.words, j):
        return sent.is_word(j)
    if lex.measures.match(sent.words, j) or word in lex.toll_verbs or lex.persisting.match(sent.words, j):
        return False  # "two of the seven injured died": a verb, not a noun
    if lex.nouns_capitalised:
        return sent.capitalized(j)
    return not lex.postnominal and word not in lex.function_words and word not in lex.copulas


_BROUGHT_REACH: Final = 4


def _brought_to(sent: _Sentence, count: _Count, lex: Lexicon) -> bool:
    """A count a "bringing"-verb leads to is a total of the sentence's measure, whatever it
    calls the counted: "…, ce qui porte à 21 le nombre de mutins entendus", "con lo que ya
    son 21 los amotinados interrogados"."""
    for j in range(count.first - 1, max(-1, count.first - 1 - _BROUGHT_REACH), -1):
        if sent.hard_stop(j) or sent.words[j] == ",":
            return False
        if lex.total_verbs.match_ending(sent.words, j):
            return True
    return False


def _shared_units(sent: _Sentence, counts: list[_Count], heads: list[_Head], lex: Lexicon) -> list[_Head]:
    """A bare number listed before one with a unit shares it: "im Alter von 19, 22 und 25
    Jahren", "aged 19, 22 and 25 years", "between 3, 4 or 5 km"."""
    shared = list(heads)
    for k in range(len(counts) - 2, -1, -1):
        if shared[k].kind != "none" or shared[k + 1].kind != "unit":
            continue
        between = sent.words[counts[k].last : counts[k + 1].first]
        if between and all(w == "," or w in lex.coordinators or w in lex.range_connectors for w in between):
            shared[k] = shared[k + 1]
    return shared


def _measure_for(
    sent: _Sentence,
    k: int,
    counts: list[_Count],
    heads: list[_Head],
    at_token: Mapping[int, int],
    rivals: set[int],
    lex: Lexicon,
    bases: list[str],
    part: bool = False,
) -> tuple[str | None, str | None]:
    """(base measure, subgroup) for count ``k`` by the rules listed in the module docstring;
    `part`: the count is a part of a whole after it ("deux des trois marins portés disparus")."""
    count, head = counts[k], heads[k]
    if head.kind == "thing":  # only the things' own passive: "300 homes were destroyed"
        rules = lex.generic_passive
        return (_generic_passive(sent, head, rules, lex) if rules and not count.weak else None), None
    if head.kind == "none" and _measured_whole(sent, k + 1, counts, heads, lex):
        # "Two of the seven injured remain in hospital": the part is what the verb says of it
        whole = heads[k + 1]
        said = _forward(sent, whole, counts[k + 1], counts, heads, at_token, lex)
        if said in REFINEMENTS.get(whole.measure or "", ()):
            return said, whole.subgroup
    if head.kind == "measure":
        if _fronted_whole(sent, count, head, lex) or _measured_whole(sent, k, counts, heads, lex):
            return head.measure, head.subgroup  # its own noun says it, not the verb of its parts
        # "retrouvé vivants deux des trois marins portés disparus": the whole's measure says who
        # they were; the part's own verb says what it is now.
        verb = _named_before(sent, count.first - 1, lex) if head.measure in STATES or part else None
        if verb is not None and verb not in (head.measure, _TOTAL):
            return verb, head.subgroup  # "claimed the lives of 23 homeless people"
        return _refined(sent, k, counts, heads, at_token, lex) or head.measure, head.subgroup
    if head.kind in ("people", "subgroup") and (
        lex.aboard.match(sent.words, head.end) or _aboard_before(sent, count, lex)
    ):
        return _aboard(sent, count, head, counts, lex), head.subgroup
    divided = k > 0 and _fronted_whole(sent, counts[k - 1], heads[k - 1], lex)
    if head.subgroup and bases and (head.partitive or divided or _in_inclusion(sent, k, counts, lex)):
        return bases[-1], head.subgroup  # "14 dead, including six children", "six of them children"
    if head.partitive and head.kind == "none" and not head.subgroup:
        # "17 ricoverati, quattro delle quali in gravi condizioni": a part in a state of its own,
        # counted only by a measure of its own clause ("quattro dei quali sono morti")
        said = _forward(sent, head, count, counts, heads, at_token, lex)
        if said is not None and _own_clause_says(sent, head, said, lex):
            return said, None
        if bases and _in_a_named_place(sent, head.end, lex):
            return bases[-1], None  # "the toll reached 15, four of them in Quilpué": that place's part
        return None, None
    measure = _backward(sent, count.first, lex, strict=head.kind == "other")
    if measure is None and head.kind in ("people", "subgroup", "other"):
        measure = _verb_before(sent, count, lex)  # "Murieron 14 personas", "Sont morts … trois adolescents"
    if measure is None and head.kind in ("people", "subgroup"):
        measure = _split_verb(sent, count, head, lex)  # "pulled four people alive from the snow, and …"
    toll = _toll_subject(sent, count, rivals, lex, counts[:k]) if head.kind == "none" else None
    if measure is None and toll is not None:
        if sent.word(count.last) in lex.determiners and (postposed := _subject_after(sent, count, lex)):
            return postposed  # "uno de los heridos, lo que eleva a cinco el número de muertos"
        return toll  # a bare value: its toll is before it
    total = measure == _TOTAL  # "a total of 16 …": the measure may still be named further on
    if measure is None or total:
        measure = _forward(sent, head, count, counts, heads, at_token, lex)
        if measure in REFINEMENTS and head.kind in ("people", "subgroup", "other"):
            measure = _then_said(sent, head, measure, lex) or measure
    if measure is None and head.kind in ("none", "people", "subgroup"):
        toll = _toll_subject(sent, count, rivals, lex, counts[:k]) or _subject_after(sent, count, lex)
        if toll is not None:
            return toll[0], toll[1] or head.subgroup  # "se eleva ya a 118 reclusos"
    if measure is None and head.kind in ("people", "subgroup"):
        measure = (
            _among(sent, count, lex) or _object_of(sent, count, lex) or _split_verb(sent, count, head, lex)
        )
    if measure is None and head.kind in ("people", "subgroup") and lex.verb_second:
        measure = _verb_second(sent, count, at_token, lex)
    joined = k > 0 and sent.word(count.first - 1) in lex.coordinators and bool(bases)
    if measure is None and joined and {head.kind, heads[k - 1].kind} <= {"people", "subgroup"}:
        measure = bases[-1]  # "sono rimasti feriti 12 agenti … e 5 detenuti"
    if measure is None and (total or _brought_to(sent, count, lex)):
        return _TOTAL, head.subgroup  # the sentence's measure, found once all counts are read
    if measure is None and lex.generic_passive is not None and not count.weak:
        if _complement(sent, count, head, lex):
            return None, None  # "residents of six villages were evacuated": the residents were
        return _generic_passive(sent, head, lex.generic_passive, lex), None
    return measure, head.subgroup


def _aboard(sent: _Sentence, count: _Count, head: _Head, counts: list[_Count], lex: Lexicon) -> str | None:
    """The measure of people counted "on board": who was there, so only a measure of their own
    clause before the next count ("the 60 people on board were rescued"), a verb right before
    them ("has sickened 243 people on board") or an active verb of the clause ("Gunmen abduct
    school bus with 26 people on board") says what befell them, never a word further off
    ("Survivors told rescuers the boat had left port with about 60 people on board"), nor a
    measure past a coordinator or another clause's opener ("a bordo viajaban 74 personas y
    que los desaparecidos son ahora 27": the missing are the 27)."""
    words = sent.words
    start, end = _clause(sent, count)
    end = min(end, _next_count(sent, head, counts))
    told = lex.aboard.match(words, head.end)
    end = _clause_turn(sent, head.end + (told[0] if told else 0), end, lex)
    said = next((m[1] for j in range(head.end, end) if (m := lex.measures.match(words, j))), None)
    acted = next((m[1] for j in range(start, count.first) if (m := lex.active.match(words, j))), None)
    return said or _verb_before(sent, count, lex) or acted


def _clause_turn(sent: _Sentence, start: int, end: int, lex: Lexicon) -> int:
    """Where, between `start` and `end`, a coordinator or a clause opener starts another
    clause (`end` without one)."""
    for j in range(start, end):
        if sent.words[j] in lex.coordinators or lex.clause_openers.match(sent.words, j):
            return j
    return end


_ABOARD_REACH: Final = 5


def _aboard_before(sent: _Sentence, count: _Count, lex: Lexicon) -> bool:
    """ "A bordo c'erano 61 persone", "On board were 61 people": the people on board told
    first, a verb of being between, no measure."""
    for j in range(count.first - 1, max(-1, count.first - 1 - _ABOARD_REACH), -1):
        if sent.hard_stop(j) or sent.words[j] == "," or lex.measures.match_ending(sent.words, j):
            return False
        if lex.aboard.match_ending(sent.words, j):
            return True
    return False


def _measured_whole(sent: _Sentence, k: int, counts: list[_Count], heads: list[_Head], lex: Lexicon) -> bool:
    """Count ``k`` is the whole a bare count before it is a part of, and its own word is a
    measure ("two of the seven injured", "zwei der drei Vermissten"): the whole is that
    measure's count, and the verb tells what became of the part."""
    if not 0 < k < len(counts) or heads[k].kind != "measure" or heads[k - 1].kind != "none":
        return False
    part, whole = counts[k - 1], counts[k]
    link = lex.part_of.match(sent.words, part.last)
    return (
        not part.weak
        and link is not None
        and part.last + link[0] == whole.first
        and whole.qualifier == "exact"
        and not _one_of(sent, part, lex)
    )


def _fronted_whole(sent: _Sentence, count: _Count, head: _Head, lex: Lexicon) -> bool:
    """ "Of the 16 people killed, 11 were children", "Sur les quatre blessés, un seul est
    hospitalisé": a count the clause opens with, after a part-of phrase and before a comma,
    is the whole the rest of the sentence divides."""
    link = lex.part_of.match_ending(sent.words, count.first - 1) if count.first > 0 else None
    if link is None or head.kind != "measure" or head.end >= len(sent.words):
        return False
    start = count.first - link[0]
    opens = start == 0 or sent.hard_stop(start - 1) or sent.words[start - 1] == ":"
    return opens and sent.words[head.end] == ","


STATES: Final = frozenset({"homeless"})
"""Measures that also describe who people are: "23 homeless people" killed by the cold are
killed, as the verb before them says."""


REFINEMENTS: Final = {
    "affected": ("hospitalized", "killed"),
    "homeless": ("killed", "injured", "hospitalized", "missing", "rescued"),
    "injured": ("hospitalized", "killed"),
    "kidnapped": ("rescued", "injured", "killed", "hospitalized"),
    "missing": ("rescued", "killed"),
    "rescued": ("hospitalized", "killed"),
}
"""A count named by the first measure whose verb says one of the others: "34 blessés étaient
toujours hospitalisés" are hospitalized, "Deux blessés sont morts à l'hôpital" are dead, "freed
14 hostages" were rescued, "Two hostages were slightly injured" were injured, "Deux disparus
retrouvés vivants" were rescued, "Sechs Überlebende werden im Krankenhaus behandelt" are
hospitalized, "Quattro senzatetto sono morti di freddo" are dead (STATES), "Sei intossicati
restano ricoverati" are hospitalized."""


def _described_state(sent: _Sentence, state: str, lex: Lexicon) -> str:
    """The measure said of people a STATES word describes: right before it ("erfrorene
    Obdachlose") or right after it, people and a relative pronoun between ("senzatetto morti di
    freddo", "homeless people who froze to death"); else the state itself ("left 300 homeless")."""
    words, said = sent.words, REFINEMENTS[state]
    for j in range(len(words)):
        named = lex.measures.match(words, j)
        if named is None or named[1] != state:
            continue
        before = lex.measures.match_ending(words, j - 1) if j > 0 else None
        if before is not None and before[1] in said:
            return before[1]
        after = j + named[0]
        after += lex.is_people(sent.word(after))
        after += sent.word(after) in lex.relatives
        found = lex.measures.match(words, after)
        if found is not None and found[1] in said:
            return found[1]
    return state


def _refined(
    sent: _Sentence,
    k: int,
    counts: list[_Count],
    heads: list[_Head],
    at_token: Mapping[int, int],
    lex: Lexicon,
) -> str | None:
    """The narrower measure of a count whose own word names the broader one (REFINEMENTS),
    when its verb, after it or just before it, names the narrower one."""
    count, head = counts[k], heads[k]
    narrower = REFINEMENTS.get(head.measure or "", ())
    if head.measure == "kidnapped":  # "Spezialkräfte befreiten … drei Geiseln", "Twelve hostages were freed"
        start = _clause(sent, count)[0]
        if _freed(sent, count, head, counts, lex) or any(
            sent.words[j] in lex.frees for j in range(start, count.first)
        ):
            return "rescued"
    if not narrower:
        return None
    if head.measure == "injured" and _died(sent, count, head, counts, lex):
        return "killed"
    said = _forward(sent, head, count, counts, heads, at_token, lex)
    if said is not None and head.measure == "rescued" and not _own_clause_says(sent, head, said, lex):
        return None  # "six rescued alive, one found dead": the dead are another count's
    if said is None:
        # the missing found alive are only those the verb right before names ("ritrovati vivi
        # due dispersi"), not an earlier count's ("11 rescued and up to six still missing")
        missing = head.measure == "missing"
        said = _said_right_before(sent, count, lex) if missing else _backward(sent, count.first, lex, False)
        if said is None and head.measure == "injured":  # "Restano ricoverati quattro feriti"
            said = _said_right_before(sent, count, lex)
    if said not in narrower or (said == "killed" and head.measure == "injured"):
        return None  # the injured who died are found above, or not at all ("… the blast that killed")
    if head.measure != "injured":
        return said
    return said if _said_before_next(sent, count, head, counts, said, lex) else None


_DESCRIBED_REACH: Final = 5  # from the counted noun to its participle ("who had been reported missing")


def _then_said(sent: _Sentence, head: _Head, measure: str, lex: Lexicon) -> str | None:
    """The narrower measure the clause's verb says of people a participle right after their
    noun describes: "Sept campeurs portés disparus ont été retrouvés sains et saufs",
    "Seven campers reported missing were found safe" (they were missing; they are rescued)."""
    words = sent.words
    for j in range(head.end, min(len(words), head.end + _DESCRIBED_REACH)):
        if sent.hard_stop(j) or words[j] == ",":
            return None
        named = lex.measures.match(words, j)
        if named is None:
            continue
        if named[1] != measure:
            return None
        after = j + named[0]
        while after < len(words) and words[after] in lex.function_words:
            after += 1
        said = lex.measures.match(words, after)
        return said[1] if said is not None and said[1] in REFINEMENTS[measure] else None
    return None


def _freed(sent: _Sentence, count: _Count, head: _Head, counts: list[_Count], lex: Lexicon) -> bool:
    """Hostages whose own verb, after them in their clause and before the next count, frees
    them: "Twelve hostages were freed", "Deux des otages retenus depuis midi ont été relâchés";
    not the whole of "l'un des deux … a été libéré", whose verb is the one's.  After a noun of
    people the verb must be theirs: no coordinator before it ("took six people hostage … and has
    since released two"), and no count after it ("holding 14 people … released four of them")."""
    if _one_of(sent, count, lex):
        return False
    start = _past_inclusion(sent, head.end, lex)  # "Twelve hostages, including five children, were freed"
    later = [c.first for c in counts if not c.weak and c.first >= start]  # "da un commando": an article
    noun = head.kind in ("people", "subgroup")
    end = len(sent.words) if noun else min(later, default=len(sent.words))
    # past an aside ("…, dont deux enfants, mais ont libéré"), a coordinator joins another clause
    joints = lex.coordinators if start > head.end or noun else frozenset()
    stop = next((j for j in range(start, end) if sent.clause_mark(j) or sent.words[j] in joints), end)
    freed = next((j for j in range(start, stop) if sent.words[j] in lex.frees), None)
    if freed is None or (noun and any(freed < first < stop for first in later)):
        return False
    # "n'ont toujours pas été libérées", "are still waiting to be freed": still held
    return not any(lex.unfreed.match(sent.words, j) for j in range(start, freed))


def _after_a_verb(sent: _Sentence, count: _Count, lex: Lexicon) -> bool:
    """A word before the count, past its determiners, that is neither a function word nor
    punctuation: likely a verb whose object the count is ("holding 22 people", "détiennent 19
    personnes"), so a later verb is another subject's."""
    j = count.first - 1
    while sent.word(j) in lex.determiners:
        j -= 1
    return sent.is_word(j) and sent.word(j) not in lex.function_words and not sent.word(j)[0].isdigit()


def _past_inclusion(sent: _Sentence, j: int, lex: Lexicon) -> int:
    """Past an aside at `j` that names a part of the group (", including five children,", ",
    dont deux enfants,"), to the word after its closing comma; else `j`."""
    if sent.word(j) != "," or lex.inclusion.match(sent.words, j + 1) is None:
        return j
    closing = next((k for k in range(j + 1, len(sent.words)) if sent.clause_mark(k)), None)
    return j if closing is None or sent.hard_stop(closing) else closing + 1


def _own_clause_says(sent: _Sentence, head: _Head, measure: str, lex: Lexicon) -> bool:
    """A word of `measure` after the head, before a comma, a stop or a coordinator: said of
    these people, not of the next ones ("brought six out alive but found the seventh dead")."""
    for j in range(head.end, len(sent.words)):
        if sent.hard_stop(j) or sent.words[j] == "," or sent.words[j] in lex.coordinators:
            return False
        found = lex.measures.match(sent.words, j)
        if found is not None and found[1] == measure:
            return True
    return False


def _said_right_before(sent: _Sentence, count: _Count, lex: Lexicon) -> str | None:
    """The measure a participle right before the count names, determiners between them
    allowed: "ritrovati vivi (i) due dispersi"; not across a coordinator or another count."""
    j = count.first - 1
    while j >= 0 and sent.word(j) in lex.determiners:
        j -= 1
    found = lex.measures.match_ending(sent.words, j) if j >= 0 else None
    return found[1] if found else None


def _died(sent: _Sentence, count: _Count, head: _Head, counts: list[_Count], lex: Lexicon) -> bool:
    """Injured people who died: a word of death in their own clause, before the next count and
    not inside a relative ("Zwei Schwerverletzte sind im Spital … erlegen"; not "ten injured in
    blast that killed driver"); never for "un"/"one", which is barely a count ("Un blessé grave
    avait été déclaré mort par erreur")."""
    if count.weak:
        return False
    _, end = _clause(sent, count)
    nxt = _next_count(sent, head, counts)
    died = _first_named(sent, head.end, min(end, nxt), "killed", lex)
    return died is not None and not any(sent.word(j) in lex.relatives for j in range(head.end, died))


def _said_before_next(
    sent: _Sentence, count: _Count, head: _Head, counts: list[_Count], measure: str, lex: Lexicon
) -> bool:
    """Whether a word of `measure` follows the count before the next count does (or none
    follows at all): in "12 blessés et 2 morts", "morts" is the next count's word, not what
    became of the 12."""
    nxt = _next_count(sent, head, counts, lex)
    if _names_between(sent, head.end, nxt, measure, lex):
        return True
    return not _names_between(sent, nxt, len(sent.words), measure, lex)


def _next_count(sent: _Sentence, head: _Head, counts: list[_Count], lex: Lexicon | None = None) -> int:
    """Where the first count after a count's head starts (the sentence's end without one);
    with `lex`, past a part of it told in an aside ("Siete heridos, cinco de ellos menores,
    siguen ingresados": what the seven are is said after the five)."""
    later = (c for c in counts if c.first >= head.end)
    if lex is not None:
        later = (c for c in later if not _aside_part(sent, c, lex))
    return min((c.first for c in later), default=len(sent.words))


def _aside_part(sent: _Sentence, count: _Count, lex: Lexicon) -> bool:
    """A part of the count before, told in an aside: ", cinco de ellos menores,"."""
    return sent.word(count.first - 1) == "," and bool(lex.partitives.match(sent.words, count.last))


def _names_between(sent: _Sentence, start: int, stop: int, measure: str, lex: Lexicon) -> bool:
    """A word of `measure` among the tokens start..stop."""
    return _first_named(sent, start, stop, measure, lex) is not None


def _first_named(sent: _Sentence, start: int, stop: int, measure: str, lex: Lexicon) -> int | None:
    """Where the first word of `measure` among the tokens start..stop is."""
    for j in range(start, stop):
        found = lex.measures.match(sent.words, j)
        if found is not None and found[1] == measure:
            return j
    return None


def _named_before(sent: _Sentence, j: int, lex: Lexicon, verbs: bool = True) -> str | None:
    """The measure a phrase ending at token ``j`` names for a number after it: an active verb
    ("killing"), a toll ("the death toll"), a count noun with a measure word ("number of
    arrests", "Zahl der Festnahmen"), or a total (returned as _TOTAL)."""
    named = _toll_phrase(sent, j, lex, verbs)
    return named[0] if named else None


def _toll_phrase(sent: _Sentence, j: int, lex: Lexicon, verbs: bool = True) -> tuple[str, int] | None:
    """(measure, first token) of the phrase `_named_before` reads, ending at token ``j``."""
    words = sent.words
    if grouped := _group_count(words, j, lex):
        return grouped
    if verbs and (found := lex.active.match_ending(words, j)):
        return found[1], j - found[0] + 1
    if found := lex.tolls.match_ending(words, j):
        return found[1], j - found[0] + 1
    if found := lex.measures.match_ending(words, j):
        for gap in range(_COUNT_NOUN_GAP + 1):  # "the number of confirmed heat-related deaths"
            end = j - found[0] - gap
            between = words[end + 1] if gap else ""
            plain = between in _HYPHENS or (between not in lex.function_words and sent.is_word(end + 1))
            if gap and not plain:
                break
            if noun := lex.count_nouns.match_ending(words, end):
                return found[1], end - noun[0] + 1
    if found := lex.totals.match_ending(words, j):
        return _TOTAL, j - found[0] + 1
    return None


_RELATIVE_GAP: Final = 4  # a relative pronoun and auxiliaries: "who have been"


def _group_count(words: Sequence[str], j: int, lex: Lexicon) -> tuple[str, int] | None:
    """("police officers injured", first token) for "the number of police officers injured",
    "el número de agentes heridos" ending at token ``j``: a count noun, a group, a measure;
    or a measure before its group ("die Zahl der entführten Schüler")."""
    if not (found := lex.measures.match_ending(words, j)):
        return _measured_group(words, j, lex)
    end = j - found[0]
    while end >= 0 and j - found[0] - end < _RELATIVE_GAP and words[end] in lex.function_words:
        end -= 1  # "the number of children who have died", "le nombre d'enfants qui sont morts"
    if end < j - found[0] and words[end + 1] not in lex.relatives:
        end = j - found[0]  # only a relative clause may stand between the group and its measure
    group = lex.subgroup_nouns.match_ending(words, end)
    noun = lex.count_nouns.match_ending(words, end - group[0]) if group else None
    if group is None or noun is None:
        return None
    return f"{group[1]} {found[1]}", end - group[0] - noun[0] + 1


def _measured_group(words: Sequence[str], j: int, lex: Lexicon) -> tuple[str, int] | None:
    """A count noun, a measure, then the group it describes, ending at token ``j``."""
    group = lex.subgroup_nouns.match_ending(words, j)
    found = lex.measures.match_ending(words, j - group[0]) if group else None
    noun = lex.count_nouns.match_ending(words, j - group[0] - found[0]) if group and found else None
    if group is None or found is None or noun is None:
        return None
    return f"{group[1]} {found[1]}", j - group[0] - found[0] - noun[0] + 1


def _sentence_measure(
    sent: _Sentence, item: _Found, found: list[_Found], counts: list[_Count], lex: Lexicon
) -> str:
    """A total's measure: the one its own clause names before it ("…; i feriti sono in tutto
    dieci"), else that of the nearest other count of the sentence ("three more arrests,
    bringing the total to 61"), else of the nearest measure word; "" when none, or when its
    clause says what else it counts ("cases", "Fälle")."""
    if item.base != _TOTAL:
        return item.base
    if _counts_other(sent, counts[item.k], lex):
        return ""  # "the number of confirmed cases rose to 42, and 31 are in hospital": cases, not people
    position = counts[item.k].first
    if own := _measure_in_clause(sent, counts[item.k], lex):
        return own  # "…estratti vivi; i feriti sono in tutto dieci": the total's own clause names it
    # people's measures only: "the number of detainees had reached nineteen, after three homes
    # were searched" is no count of homes (a thing's passive is "<noun> <participle>")
    others = [f for f in found if f.base != _TOTAL and " " not in f.base]
    if others:
        nearest = min(others, key=lambda f: (abs(counts[f.k].first - position), counts[f.k].first > position))
        return nearest.base
    words = sent.words
    best: tuple[int, str] | None = None
    for j in range(len(words)):
        if found_measure := lex.measures.match(words, j):
            distance = abs(j - position)
            if best is None or distance < best[0]:
                best = (distance, found_measure[1])
    return best[1] if best else ""


def _measure_in_clause(sent: _Sentence, count: _Count, lex: Lexicon) -> str:
    """The measure word nearest before a count in its own clause, or "": a total's clause
    that names its measure says whose total it is, whatever the other clauses count."""
    start, _ = _clause(sent, count)
    for j in range(count.first - 1, start - 1, -1):
        if (found := lex.measures.match(sent.words, j)) and j + found[0] <= count.first:
            return found[1]
    return ""


def _role(
    sent: _Sentence,
    count: _Count,
    head: _Head,
    lex: Lexicon,
    item: _Found,
    before: list[_Found],
    told: frozenset[str] = frozenset(),
) -> str:
    """'state' (a figure), 'increment' ("another 12 deaths") or 'earlier' ("up from 37").

    "Others" right after another measure is a new group, not an increment: in "five
    civilians were killed, 17 others injured" the 17 is a figure of its own, and so it is
    when the other measure was the article's last word before this sentence ("… murieron
    nueve personas. Otras 112 resultaron heridas."); of a measure already told, it is more."""
    if _earlier(sent, count, head, lex):
        return "earlier"
    if not _increment(sent, count, head, lex) or _persists(sent, count, head, lex):
        return "state"
    other_measure = any(f.base != item.base and f.base for f in before)
    if not other_measure and told and _said_as_others(sent, count, lex):
        other_measure = item.base.rsplit(" ", 1)[-1] not in told
    return "state" if other_measure else "increment"


def _said_as_others(sent: _Sentence, count: _Count, lex: Lexicon) -> bool:
    """The count's increment word is "others" ("otras 112", "altri 12", "another 112", "onze
    autres"), not "more" or "new"."""
    return sent.word(count.first - 1) in lex.others or sent.word(_first_word(sent, count.last)) in lex.others


def _persists(sent: _Sentence, count: _Count, head: _Head, lex: Lexicon) -> bool:
    """ "Otras 25 personas siguen desaparecidas", "another 12 remain missing": a verb that says
    the state goes on makes "another" mean "others", so the count is a state, not a rise."""
    if head.kind == "measure":  # the measure's own phrase says so: "Los otros 27 pasajeros siguen retenidos"
        return any(lex.persisting.match(sent.words, j) for j in range(count.last, head.end))
    if head.kind not in ("people", "subgroup", "none"):
        return False  # "drei weitere Tote wurden noch geborgen": more dead, whatever follows
    start = max(count.last, head.end)
    for j in range(start, min(start + 3, len(sent.words))):
        if sent.hard_stop(j) or sent.words[j] == ",":
            return False
        if lex.persisting.match(sent.words, j):
            return True
    return False


def _before_a_total(item: _Found, after: list[_Found], counts: list[_Count], verbs: list[int]) -> bool:
    """ "Rescuers pulled 14 survivors overnight, bringing to 61 the number rescued": a count
    followed, in its sentence, by a total of the same measure that it brings about is the
    increment; the total is the figure."""
    plain = item.base.rsplit(" ", 1)[-1]
    later = next((f for f in after if f.base.rsplit(" ", 1)[-1] == plain), None)
    if later is None:
        return False
    start = bisect.bisect_left(verbs, counts[item.k].last)
    return start < len(verbs) and verbs[start] < counts[later.k].first


def _total_verbs(sent: _Sentence, lex: Lexicon) -> list[int]:
    """Token positions of the sentence's "bringing"-verbs, in order."""
    return [j for j in range(len(sent.words)) if lex.total_verbs.match(sent.words, j)]


def _earlier(sent: _Sentence, count: _Count, head: _Head, lex: Lexicon) -> bool:
    """An earlier value: "up from 37", "contre 24 lors du précédent bilan", "nach zuvor 45"."""
    words = sent.words
    j = count.first - 1
    while j >= 0 and count.first - j <= 5 and not sent.hard_stop(j) and words[j] != ",":
        if lex.earlier.match_ending(words, j):
            return True
        j -= 1
    after = head.end if head.kind != "none" else count.last
    return bool(lex.earlier_after.match(words, count.last) or lex.earlier_after.match(words, after))


def _increment(sent: _Sentence, count: _Count, head: _Head, lex: Lexicon) -> bool:
    """A change rather than a state: "another 12", "three more arrests", "17 nuevas muertes",
    "82 people died in the past 24 hours"."""
    words = sent.words
    before = lex.increments.match_ending(words, count.first - 1)
    if before is not None and not _the_others(sent, count.first - before[0], count.first - 1, lex):
        return True
    if _in_period(sent, count, lex):
        return True
    after = _first_word(sent, count.last)
    if (
        lex.increments_after.match(words, after)
        and not _others_pronoun(sent, after, head, lex)
        and not _the_others(sent, count.first, after, lex)
    ):
        return True
    return head.kind in ("measure", "people", "subgroup") and bool(
        lex.increments_after.match(words, head.end)
    )


def _the_others(sent: _Sentence, start: int, others: int, lex: Lexicon) -> bool:
    """ "Las otras dos personas desaparecidas", "gli altri due", "les deux autres": "others"
    after a definite article are the rest of a group, not more of it."""
    return sent.word(others) in lex.others and sent.word(start - 1) in lex.determiners


def _others_pronoun(sent: _Sentence, j: int, head: _Head, lex: Lexicon) -> bool:
    """ "Neun weitere wurden verletzt": "others", standing alone for the people counted, names
    the rest of a group (a figure), as "nine others were injured" does; "drei weitere Tote",
    with its noun, is three more dead (an increment)."""
    if head.kind != "people" or head.noun != j or sent.word(j) not in lex.others:
        return False
    words, k = sent.words, j + 1
    noun = lex.is_people(sent.word(k)) or lex.measures.match(words, k) or lex.subgroup_nouns.match(words, k)
    return not noun and not (lex.nouns_capitalised and sent.capitalized(k))


def _earlier_frame(sent: _Sentence, count: _Count, lex: Lexicon, year: int | None) -> bool:
    """A count framed in the past: "Last year, only seven were arrested" (but "… and this
    year, the number is down to three" is framed in the present: the nearest frame before
    the count decides), "En 2013, más de 20 fueron arrestados" (a year opening the sentence
    that is before the article's, or any year when its date is unknown: news rarely opens a
    sentence on the present year)."""
    words = sent.words
    for j in range(count.first - 1, -1, -1):
        if words[j] != ",":
            continue
        if lex.current_frames.match_ending(words, j - 1):
            return False
        if lex.earlier_frames.match_ending(words, j - 1):
            return True
    stated = words[1] if len(words) > 1 else ""
    if sent.word(2) == "," and count.first > 2 and words[0] in lex.year_prepositions and _is_year(stated):
        return year is None or int(stated) < year  # "En 2013, …" ("En Nigeria, …" names no year)
    dated = _opening_year(sent, lex, _frame_start(sent, count))
    return year is not None and dated is not None and dated[1] < count.first and dated[0] < year


def _frame_start(sent: _Sentence, count: _Count) -> int:
    """Where the count's frame opens: after the last colon or semicolon before it ("a long
    history of deadly slides: in 1951, an avalanche … killed 11 people"), else at 0."""
    stops = [j for j in range(count.first) if sent.words[j] in (":", ";")]
    return stops[-1] + 1 if stops else 0


OPENING_REACH: Final = 4  # words between a dating preposition and its year: "En el mes de julio de 2018"


def _opening_year(sent: _Sentence, lex: Lexicon, start: int = 0) -> tuple[int, int] | None:
    """The year a sentence (or the part from `start`) opens on, and its token: "En julio de
    2018, …", "Nel 2013 il tifone …", "On July 12, 2018, …" (days, months and function words
    may stand before the year)."""
    if sent.word(start) not in lex.dated_openers:
        return None
    for j in range(start + 1, start + OPENING_REACH + 2):
        word = sent.word(j)
        if len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100:
            return int(word), j
        if not (_is_month(sent, j, lex) or word in lex.function_words or word == "," or word.isdigit()):
            return None
    return None


_HISTORY_REACH: Final = 10  # tokens from a "when" clause back to the year it is told of


def _historical(sent: _Sentence, count: _Count, lex: Lexicon, year: int | None) -> bool:
    """A count told as history: "the worst since 2004, when 230 people died", "seit 1998,
    als in Eschede 101 Menschen starben", "recuerda al ocurrido en 2011 en la A19, cerca de
    Rostock, en el que murieron ocho personas" (a year before the article's, shortly before
    a "when" opening the count's clause)."""
    start, _ = _clause(sent, count)
    if not any(lex.temporal_relatives.match(sent.words, j) for j in range(start, start + 2)):
        return False  # "when", "in which", "en el que"
    if sent.word(start - 1) != ",":
        return False
    for j in range(start - 2, max(-1, start - 2 - _HISTORY_REACH), -1):
        word = sent.word(j)
        if len(word) == 4 and word.isdigit() and 1000 <= int(word) <= 2100:
            return year is None or int(word) < year
    return False


def _dated_before(sent: _Sentence, count: _Count, counts: list[_Count], year: int, lex: Lexicon) -> bool:
    """The count's clause names an earlier year: "im Februar 2016 waren fast 50 Menschen
    umgekommen" in an article of 2020 tells history; so does the clause a gerund or a relative
    continues ("… pour la dernière fois en 2019, forçant plus de 1 000 personnes à fuir", "… a
    Bad Reichenhall, nel gennaio 2006, che causò 15 morti").  A number read as a count is
    no year: "Rund 1900 Menschen evakuiert" tells no history."""
    start, end = _clause(sent, count)
    opener = sent.word(start)
    gerund = lex.gerund_endings and len(opener) > 5 and opener.endswith(lex.gerund_endings)
    relative = any(sent.word(j) in lex.relatives for j in range(start, count.first))
    if start > 1 and (gerund or relative):  # "… nel gennaio 2006, che causò 15 morti"
        start, _ = _clause(sent, _Count(0, "exact", 0, 0, start - 2, start - 1, False, False))
    counted = {j for other in counts for j in range(other.first, other.last)}  # "Rund 1900 Menschen"
    for j in range(start, end):
        word = sent.words[j]
        if j not in counted and len(word) == 4 and word.isdigit() and 1900 <= int(word) < year:
            return True
    return False


def _clause(sent: _Sentence, count: _Count) -> tuple[int, int]:
    """Token range of the comma-delimited clause around a count."""
    words = sent.words
    start = count.first
    while start > 0 and not sent.clause_mark(start - 1):
        start -= 1
    end = count.last
    while end < len(words) and not sent.clause_mark(end):
        end += 1
    return start, end


_OTHER_COUNT_AFTER: Final = 5  # tokens from a value to the noun it counts: "a sette il numero dei casi"


def _counts_other(sent: _Sentence, count: _Count, lex: Lexicon) -> bool:
    """A bare value whose clause names, before it, what else it counts ("cases", "Fälle"),
    and no measure after that word ("i casi sono 240 e i ricoverati sono saliti a 25": 25 in
    hospital); or, with no measure before it, right after it ("Sale a sette il numero dei casi
    …, l'ultimo ricoverato domenica": seven cases)."""
    start, end = _clause(sent, count)
    for j in range(count.first - 1, start - 1, -1):
        if sent.word(j) in lex.other_counts:
            return True
        if lex.measures.match(sent.words, j):
            return False
    for j in range(count.last + 1, min(end, count.last + 1 + _OTHER_COUNT_AFTER)):
        if lex.measures.match(sent.words, j):
            return False
        if sent.word(j) in lex.other_counts:
            return True
    return _subject_counts_other(sent, start, lex)


def _subject_counts_other(sent: _Sentence, start: int, lex: Lexicon) -> bool:
    """The sentence's running total counts something else, its subject said so before an
    aside: "Le nombre de cas de méningite liés à l'université, dans le centre de l'Italie,
    est passé à sept" (no measure word between the count noun and the clause at `start`,
    which `_counts_other` has read)."""
    for j in range(start - 1, -1, -1):
        if lex.measures.match(sent.words, j):
            return False
        if (noun := lex.count_nouns.match(sent.words, j)) and sent.word(j + noun[0]) in lex.other_counts:
            return True
    return False


def _returned(sent: _Sentence, count: _Count, lex: Lexicon) -> bool:
    """ "Les quelque 320 habitants évacués ont pu regagner leur domicile", "rientrano a casa 500
    sfollati", "Dieci dei feriti sono stati dimessi": the count's clause, before another clause
    opens ("scesi a 27 perché … dimessi"), says they went home, so it no longer counts them."""
    start, end = _clause(sent, count)
    opener = next((j for j in range(count.last, end) if _opens_clause(sent, j, lex)), end)
    return any(lex.returned.match(sent.words, j) for j in range(start, opener))  # not "… perché dimessi"


def _opens_clause(sent: _Sentence, j: int, lex: Lexicon) -> bool:
    """A clause opener at `j`, unless it is a preposition before an article: "evacuate dopo il
    deragliamento hanno potuto fare rientro" is one clause."""
    if lex.clause_openers.match(sent.words, j) is None:
        return False
    phrase = lex.prepositional_openers.match(sent.words, j)
    return phrase is None or sent.word(j + phrase[0]) not in lex.determiners


def _forecast(sent: _Sentence, count: _Count, lex: Lexicon) -> bool:
    """A count a model or an official projects ("the institute projects 147,000 deaths by
    August", "podrían llegar a 2.000 muertos"): a forecast in the count's own clause.  A
    warning in another clause ("12 dead, a toll that could rise") leaves the count a fact;
    so does a month after it ("in May") unless a horizon leads to it ("by", "para")."""
    start, end = _clause(sent, count)
    if any(lex.forecasts.match(sent.words, j) for j in range(start, end)):
        return True
    for j in range(count.last + 1, end):
        horizon = lex.horizons.match(sent.words, j)
        if horizon is not None and _is_month(sent, j + horizon[0], lex):
            return True
    return False


def _rate(sent: _Sentence, count: _Count, lex: Lexicon) -> bool:
    """A count per year or month in its own clause ("plus de 170 000 personnes meurent chaque
    année", "rund 3.000 Verkehrstote pro Jahr"): a statistic of many events, not this one's."""
    return _clause_holds(sent, count, lex.rates)


def _in_period(sent: _Sentence, count: _Count, lex: Lexicon) -> bool:
    """A count over a period ("in the past 24 hours", "en 24 heures") is a daily increment."""
    return _clause_holds(sent, count, lex.periods)


def _clause_holds(sent: _Sentence, count: _Count, phrases: PhraseTable) -> bool:
    """Whether one of `phrases` stands anywhere in the count's comma-delimited clause."""
    start, end = _clause(sent, count)
    return any(phrases.match(sent.words, j) for j in range(start, end))


def _elided_subgroup(
    sent: _Sentence,
    count: _Count,
    head: _Head,
    item: _Found,
    before: list[_Found],
    counts: list[_Count],
    heads: list[_Head],
    lex: Lexicon,
) -> str | None:
    """ "17 passengers were killed and 22 injured", "Huit militaires tués, huit blessés et trois
    disparus": the group is written once, on the first count of a list; a count with a noun
    of its own ("12 detenuti morti e otto guardie ferite") keeps its own."""
    own_noun = head.noun >= 0 and sent.words[head.noun] not in lex.others  # "17 others injured"
    if head.kind not in ("none", "measure", "people") or head.subgroup or own_noun or not before:
        return None
    for previous in reversed(before):
        joint = counts[previous.k + 1].first - 1
        joint -= sent.word(joint) in lex.others  # "e altri due sono rimasti feriti"
        if sent.word(joint) not in lex.coordinators | {","}:
            return None  # the list is broken: the next count does not continue it
        own = heads[previous.k]
        if own.noun < 0:
            continue  # an elided count itself: its group is further back
        if previous.subgroup is None or own.subgroup is None or own.partitive or previous.base == item.base:
            return None  # "civilian deaths" names no group noun; a repeated measure is another count
        if _in_inclusion(sent, previous.k, counts, lex):
            return None  # "14 dead, including six children, and 50 injured": the aside is not the subject
        return previous.subgroup
    return None


def _apposition(sent: _Sentence, count: _Count) -> bool:
    """'Emiliano Sala, 28, was killed': a bare number between commas after a name is an age."""
    return (
        sent.word(count.first - 1) == ","
        and sent.word(count.last) == ","
        and sent.capitalized(count.first - 2)
    )


def _scan_head(sent: _Sentence, start: int, lex: Lexicon, count_starts: Mapping[int, int]) -> _Head:
    """Classify the words right after a number (at most four, hyphens skipped).

    A measure word directly followed by another number is that number's ("3 bombs killed 20").
    """
    words = sent.words
    kind, subgroup, noun, seen, partitive = "none", None, -1, 0, False
    j = start
    while j < len(words) and seen < 4:
        if words[j] in _HYPHENS:
            j += 1
            continue
        if kind in ("none", "other") and subgroup is None and lex.units.match(words, j):
            return _Head("unit")
        if kind == "none" and lex.not_people.match(words, j):
            return _Head("unit")  # "30 animals died": counted, but not people
        if kind == "none" and (thing := lex.things.match(words, j)):
            return _Head("thing", noun=j + thing[0] - 1)  # "200 homes were evacuated": not people
        if kind == "none" and (part := lex.partitives.match(words, j)):
            j, partitive = j + part[0], True
            continue
        if kind == "none" and (predicated := _predicate_group(sent, j, lex)):
            # "12 sono minorenni", "17 de los detenidos son menores", "18 of them are police officers"
            return replace(predicated, partitive=partitive) if predicated.kind == "subgroup" else predicated
        if not sent.is_word(j) or (kind == "none" and words[j] in lex.toll_verbs):
            break  # "auf 48 gestiegen": a verb, not the counted noun
        if kind == "none" and words[j] in lex.weekdays:
            break  # "le bilan est passé à 41 mardi": when, not what was counted
        if kind == "none" and _closing_adverb(sent, j, lex):
            break  # "adjusted to 26 accordingly, while …": how, not what was counted
        if measure := lex.measures.match(words, j):
            if j + measure[0] in count_starts:
                break
            if kind == "none" and lex.not_people.match(words, j + measure[0]):
                return _Head("unit")  # "26.000 tote Tiere", "300 dead fish": counted, not people
            after = lex.subgroup_adjectives.match(words, j + measure[0]) or _among_group(
                sent, j + measure[0], lex
            )
            group_name = subgroup or (
                after[1] if after else None
            )  # "civilian deaths", "morts parmi les civils"
            immediate = seen == 0 or (noun == _first_word(sent, start) and kind in ("people", "subgroup"))
            return _Head("measure", measure[1], group_name, j + measure[0], noun, immediate, partitive)
        if group := lex.subgroup_nouns.match(words, j):
            if kind == "subgroup" or (kind == "people" and words[noun] not in lex.others):
                break  # "25 autres passagers": after "others" comes the group
            kind, subgroup, noun = "subgroup", group[1], j + group[0] - 1
            j, seen = j + group[0], seen + 1
            if _and_others(sent, j, lex):
                kind, subgroup = "people", None  # "212 passengers and crew": no one group's count
            continue
        if lex.is_people(words[j]):
            if kind in ("people", "subgroup"):
                break
            kind, noun, j, seen = "people", j, j + 1, seen + 1
            continue
        if adjective := lex.subgroup_adjectives.match(words, j):
            subgroup, j, seen = adjective[1], j + adjective[0], seen + 1
            continue
        still = lex.still.match(words, j) if kind in ("people", "subgroup") else None
        if still and lex.measures.match(words, j + still[0]):
            j += still[0]  # "41 personnes toujours hospitalisées": the state goes on
            continue
        if kind in ("people", "subgroup") and (described := _described_past_complement(sent, j, lex)):
            end, measure_name = described  # "neuf agents de la police pénitentiaire blessés"
            return _Head("measure", measure_name, subgroup, end, noun, False, partitive)
        if words[j] in lex.function_words or kind in ("people", "subgroup"):
            break
        if lex.nouns_capitalised and not sent.capitalized(j):
            j, seen = j + 1, seen + 1  # "neun ihrer Helfer": where nouns are capitalised, no noun
            continue
        kind, noun, j, seen = "other", j, j + 1, seen + 1
    immediate = noun >= 0 and kind in ("people", "subgroup") and _first_word(sent, start) == noun
    if kind == "other" and subgroup is not None:
        subgroup = None  # "two military sources": the adjective did not qualify a measure
    return _Head(kind, None, subgroup, j, noun, immediate, partitive)


def _closing_adverb(sent: _Sentence, j: int, lex: Lexicon) -> bool:
    """An adverb ("accordingly", "finalement") that ends its clause or leads to a function
    word: not a noun ("family members" goes on with a noun)."""
    word = sent.word(j)
    if not any(word.endswith(e) and len(word) > len(e) + 3 for e in lex.adverb_endings):
        return False
    after = j + 1
    return after >= len(sent.words) or sent.clause_mark(after) or sent.word(after) in lex.function_words


def _and_others(sent: _Sentence, j: int, lex: Lexicon) -> bool:
    """A group noun joined by "and" to another group's ("passengers and crew", "élèves et
    enseignants"): the count is of both, so of no one subgroup."""
    if sent.word(j) not in lex.range_and or not sent.is_word(j + 1):
        return False
    return lex.is_people(sent.word(j + 1)) or lex.subgroup_nouns.match(sent.words, j + 1) is not None


_COMPLEMENT_REACH: Final = 4  # words of a noun's complement: "de la police pénitentiaire"


def _described_past_complement(sent: _Sentence, j: int, lex: Lexicon) -> tuple[int, str] | None:
    """(end, measure) of a participle that follows the counted noun's complement and so
    describes the noun, where participles follow nouns: "neuf agents de la police
    pénitentiaire blessés", "nove agenti della polizia penitenziaria feriti"."""
    if not lex.postnominal or sent.word(j) not in lex.complement_prepositions:
        return None
    for k in range(j + 1, j + 1 + _COMPLEMENT_REACH):
        if not sent.is_word(k) or sent.word(k)[:1].isdigit():
            return None
        found = lex.measures.match(sent.words, k)
        if found is not None:
            participle = found[0] == 1 and sent.word(k).endswith(lex.participle_endings)
            return (k + 1, found[1]) if participle else None
    return None


def _among_group(sent: _Sentence, j: int, lex: Lexicon) -> tuple[int, str] | None:
    """ "43 morts parmi les civils": the group after the measure."""
    if sent.word(j) not in lex.among:
        return None
    k = j + 1 + (sent.word(j + 1) in lex.determiners)
    group = lex.subgroup_nouns.match(sent.words, k)
    return (k - j + group[0], group[1]) if group else None


def _predicate_group(sent: _Sentence, j: int, lex: Lexicon) -> _Head | None:
    """A count whose group is named by its predicate: "Tra i 35 fermati, 12 sono minorenni"
    (the measure comes from the group before), "17 de los detenidos son menores de edad"
    (the measure is the partitive's), "tre degli ostaggi liberati sono ancora ricoverati" (the
    predicate's: the group may be told by two measure words, and the state goes on)."""
    words, measure = sent.words, None
    if words[j] in lex.complement_prepositions:  # "de los detenidos"
        k = j + 1 + (sent.word(j + 1) in lex.determiners)
        k += sent.word(k) in lex.frees  # "of the freed hostages"
        if (found := lex.measures.match(words, k)) is None:
            return None
        measure, j = found[1], k + found[0]
        if (also := lex.measures.match(words, j)) is not None:
            j += also[0]  # "dei feriti gravi"
        j += sent.word(j) in lex.frees  # "degli ostaggi liberati"
    if sent.word(j) not in lex.copulas:
        return None
    after = j + 1 + (still[0] if (still := lex.still.match(words, j + 1)) and measure is not None else 0)
    predicate = lex.measures.match(words, after) if measure is not None else None
    if predicate is not None:  # "Otto dei feriti restano ricoverati"
        return _Head("measure", predicate[1], None, after + predicate[0], j, partitive=False)
    k = j + 1 + _prenominal_adjective(sent, j + 1, lex)  # "were foreign tourists"
    if (group := lex.subgroup_nouns.match(words, k)) is None:
        return None
    end = k + group[0]
    if measure is None:
        return _Head("subgroup", None, group[1], end, j + group[0])
    return _Head("measure", measure, group[1], end, j + group[0], partitive=False)


def _prenominal_adjective(sent: _Sentence, j: int, lex: Lexicon) -> int:
    """1 when the word at ``j`` can be an adjective before a group noun ("foreign tourists"),
    in a language whose adjectives go before their noun; else 0."""
    word = sent.word(j)
    if lex.postnominal or not word.isalpha() or word in lex.function_words or word in lex.determiners:
        return 0
    groups = lex.subgroup_nouns
    return int(groups.match(sent.words, j) is None and groups.match(sent.words, j + 1) is not None)


def _first_word(sent: _Sentence, start: int) -> int:
    """Index of the first non-hyphen token at or after ``start``."""
    j = start
    while j < len(sent.words) and sent.words[j] in _HYPHENS:
        j += 1
    return j


def _backward(sent: _Sentence, first: int, lex: Lexicon, strict: bool) -> str | None:
    """A phrase naming the measure just before the number: 'killing 20', 'the death toll rose
    to 311', 'the total to 61'.  ``strict`` (numbers heading an unknown noun) allows no words
    in between but a marker of a person object ("mató a cuatro ciclistas": people, whatever
    the noun) or a group the count sizes ("killing a family of five")."""
    j, links = first - 1, 0
    if group := lex.group_links.match_ending(sent.words, j):
        j -= group[0]
    while j >= 0 and links <= 4:
        if found := _named_before(sent, j, lex):
            return found
        marker = j == first - 1 and sent.words[j] in lex.person_markers
        if strict and not marker:
            return None
        if not marker and sent.words[j] not in lex.links and sent.words[j] not in lex.toll_verbs:
            return None
        j, links = j - 1, links + 1
    return None


_TOLL_REACH: Final = 40
_COUNT_NOUN_GAP: Final = 4
_VERB_REACH: Final = 6


def _toll_subject(
    sent: _Sentence, count: _Count, rivals: set[int], lex: Lexicon, counts_before: Sequence[_Count] = ()
) -> tuple[str, str | None] | None:
    """A toll named further back in the clause, with a verb of change around it: "The death
    toll from Sunday's floods in X province rose to 63", "bringing the death toll from this
    week's floods to 11", "Die Zahl der Toten nach den Überschwemmungen stieg auf 104",
    "los muertos son ya 58"; with the group it names ("Zahl der verletzten Polizisten").  A
    rival count in between (a value, or people counted) has the toll to itself."""
    words = sent.words
    j = count.first - 1 - _restating_copula(sent, count.first - 1, lex)
    colon = j > 0 and words[j] == ":"
    if colon:
        j -= 1  # "le nombre de blessés : onze", "Death toll: 12": the value after a colon
    else:
        j = count.first - 1
    labelled_at = j
    while j >= 0 and count.first - j <= _TOLL_REACH and not sent.hard_stop(j):
        if j in rivals:
            increment = lex.increments.match_ending(words, j - 1)
            if increment is not None:  # "rose by 112 to 3,410", "erhöhte sich um 112 auf 3.410"
                j -= 1 + increment[0]  # the change stands between the toll and its total
                continue
            aside = _relative_aside(sent, j, lex)
            if aside is None:
                return None
            j = aside  # "The toll, which officials had put at 52, was raised to 58": skip the aside
            continue
        named = _toll_phrase(sent, j, lex, verbs=False)
        subject = lex.measures.match_ending(words, j) if named is None else None
        before = j - subject[0] if subject else -1
        if subject and (who := _relative_subject(sent, before, j, count, lex)) is not None:
            before = who  # "le persone che mancano all'appello sono ora 11": people who are the measure
        if subject and lex.is_people(sent.word(before)) and sent.word(before - 1) in lex.determiners:
            before -= 1  # "le persone evacuate sono salite a 9.100": people, then the measure
        fronted = lex.subgroup_nouns.match_ending(words, before) if subject and before >= 0 else None
        start = before - fronted[0] if fronted is not None else -1
        if fronted is not None and (start < 0 or sent.word(start) in lex.determiners):
            before -= fronted[0]  # "Gli agenti feriti sono saliti a 23": a group, then the measure
        else:
            fronted = None
        opens = before < 0 or sent.word(before) in lex.determiners
        if subject and not opens and sent.word(before) in _CLAUSE_MARKS:
            opens = sent.word(j + 1) in lex.toll_verbs  # the clause's subject, then its verb
        if subject and opens:  # "los muertos son ya 58", and a measure opening the sentence or
            # a clause: "Deaths from the heatwave have climbed to 141", "Gunman dies, arrests rise to 19"
            if any(j - subject[0] - 1 == c.last - 1 for c in counts_before):
                return None  # "sono 12 i morti e una trentina i feriti": the subject of 12
            named = (subject[1], j - subject[0])
        if named is not None:
            span = range(max(0, named[1] - 3), min(len(words), count.last + 2))
            labelled = colon and j == labelled_at  # the toll, a colon, its value
            elided = _elided_toll_verb(sent, count, named[1], lex, counts_before)
            if not labelled and not elided and not any(words[i] in lex.toll_verbs for i in span):
                return None
            group = lex.subgroup_nouns.match(words, j + 1) or next(
                (g for i in range(named[1], j + 1) if (g := lex.subgroup_nouns.match(words, i))), None
            )  # "Zahl der Toten unter den Polizisten", "el número de agentes heridos"
            return named[0], group[1] if group else fronted[1] if fronted else None
        j -= 1
    return None


def _relative_subject(sent: _Sentence, before: int, end: int, count: _Count, lex: Lexicon) -> int | None:
    """The people a relative clause ending in a measure at ``end`` says are that measure, when
    only a verb of the toll stands between it and the count: "las personas que siguen
    desaparecidas son ya 11" (not "… los mineros que seguían desaparecidos, con lo que son
    ya 12 los rescatados")."""
    words, j = sent.words, before
    while j > 0 and ((lasting := lex.persisting.match_ending(words, j)) or words[j] in lex.copulas):
        j -= lasting[0] if lasting else 1  # "que siguen desaparecidas"
    if sent.word(j) not in lex.relatives or not lex.is_people(sent.word(j - 1)):
        return None
    if not all(w in lex.toll_verbs or w in lex.copulas for w in words[end + 1 : count.first]):
        return None
    return j - 1


def _restating_copula(sent: _Sentence, j: int, lex: Lexicon) -> int:
    """How many tokens ending at ``j`` say "they are" between a colon and its value: "el
    balance de heridos: son ya 41", "le nombre de personnes hospitalisées : elles sont 22"."""
    words = sent.words
    for lead in range(1, _COLON_LEAD + 1):
        between = words[j - lead + 1 : j + 1]
        if j - lead < 0 or not all(w in lex.copulas or w in lex.function_words for w in between):
            return 0
        if words[j - lead] == ":":
            return lead if any(w in lex.copulas for w in between) else 0
    return 0


_COLON_LEAD: Final = 2  # a copula and its pronoun


def _elided_toll_verb(
    sent: _Sentence, count: _Count, start: int, lex: Lexicon, counts_before: Sequence[_Count]
) -> bool:
    """A toll whose verb the clause before it carries: "i morti sono saliti a 19 e i dispersi
    a 31", "the dead rose to 19 and the missing to 31": a coordinator right after a value,
    and the same preposition before both values."""
    k = start - 1
    if sent.word(k) in lex.determiners:
        k -= 1
    if sent.word(k) not in lex.coordinators:
        return False
    before = next((c for c in counts_before if c.last == k), None)
    return before is not None and sent.word(before.first - 1) == sent.word(count.first - 1)


def _relative_aside(sent: _Sentence, j: int, lex: Lexicon) -> int | None:
    """The token before the comma that opens a relative aside around token ``j`` (", which
    officials had put at 52 on Saturday,", ", que el martes era de 68,"), or None."""
    words = sent.words
    k = j
    while k > 0 and words[k] != "," and not sent.hard_stop(k) and j - k < _TOLL_REACH:
        k -= 1
    if words[k] != "," or not (sent.word(k + 1) in lex.relatives or lex.earlier.match(words, k + 1)):
        return None  # ", which officials had put at 52,", ", inizialmente indicato in 15,"
    end = next((i for i in range(j, min(len(words), j + _TOLL_REACH)) if words[i] == ","), None)
    return k - 1 if end is not None else None


_SUBJECT_REACH: Final = 12


def _subject_after(sent: _Sentence, count: _Count, lex: Lexicon) -> tuple[str, str | None] | None:
    """The subject after its value, once a verb of change (or a coordinated count) came
    before it: "Ascienden ya a 53 los fallecidos", "Sono almeno 41 i migranti morti", "e una
    trentina i feriti", "portant à 64 le nombre de personnes placées en garde à vue",
    "bringing to 29 the number of people arrested", "salgono a 19 le persone finite in manette"."""
    words, j = sent.words, count.last
    before = range(max(0, count.first - 3), count.first)
    opens = count.first == 0 or sent.hard_stop(count.first - 1)  # "Almeno 64 i migranti tratti in salvo"
    if not opens and not any(words[i] in lex.toll_verbs or words[i] in lex.coordinators for i in before):
        return None
    if sent.word(j) in lex.determiners:
        group = lex.subgroup_nouns.match(words, j + 1)
        after = j + 1 + (group[0] if group else 0)
        if not group and lex.is_people(sent.word(after)):
            after += 1  # "rebaja a 184 los viajeros evacuados": people, then the measure
        if still := lex.still.match(words, after):  # "sono cinque i bambini ancora ricoverati"
            after += still[0]
        if sent.word(after) in lex.relatives:  # "sono tre i vigili del fuoco che hanno perso la vita"
            after = next((k for k in range(after + 1, after + 4) if lex.measures.match(words, k)), after)
        if found := lex.measures.match(words, after):
            return found[1], group[1] if group else None
    for end in range(j, min(len(words), j + _SUBJECT_REACH)):
        if sent.hard_stop(end) or words[end] == ",":
            break
        named = _toll_phrase(sent, end, lex, verbs=False)
        if named and named[0] != _TOTAL and named[1] >= j:
            groups = (lex.subgroup_nouns.match(words, i) for i in range(named[1], end))
            return named[0], next((g[1] for g in groups if g), None)  # "el número de presos detenidos"
        if lex.is_people(words[end]) and sent.word(end - 1) in lex.determiners:
            found = next((m for k in range(end + 1, end + 4) if (m := lex.measures.match(words, k))), None)
            if found:
                return found[1], None
    return None


def _verb_before(sent: _Sentence, count: _Count, lex: Lexicon) -> str | None:
    """A verb before its subject: "Murieron 14 personas", "Sono morte 12 persone", and in
    headlines "morti due scialpinisti"."""
    j = count.first - 1
    if sent.word(j) in lex.links and not lex.measures.match_ending(sent.words, j):
        j -= 1
    found = lex.measures.match_ending(sent.words, j) if j >= 0 else None
    if found is None:
        return _verb_opening(sent, count, lex)
    if found is None or sent.word(j - found[0]) in lex.determiners:
        return None
    return found[1]


_V2_REACH: Final = 12


def _verb_second(sent: _Sentence, count: _Count, at_token: Mapping[int, int], lex: Lexicon) -> str | None:
    """Where the finite verb comes second, adverbials may stand between it and its subject:
    "Bei dem Unglück starben nach Angaben der Polizei am Sonntagabend 43 Menschen".  The
    nearest measure verb before the count in its clause, with no other count between."""
    words = sent.words
    for j in range(count.first - 1, max(-1, count.first - 1 - _V2_REACH), -1):
        if sent.hard_stop(j) or words[j] == "," or j in at_token:
            return None
        if found := lex.measures.match_ending(words, j):
            if sent.capitalized(j) and j > 0:
                return None  # "Toten", "Verletzte": a noun, not the verb
            return found[1]
    return None


_OPENING_REACH: Final = 6


def _verb_opening(sent: _Sentence, count: _Count, lex: Lexicon) -> str | None:
    """A verb opening its clause, its subject a few words on: "Sont morts dans l'accident
    trois adolescents", "Sono stati evacuati in via precauzionale circa duemila turisti"."""
    words = sent.words
    for j in range(count.first - 1, max(-1, count.first - 1 - _OPENING_REACH), -1):
        if sent.hard_stop(j) or words[j] == "," or not sent.is_word(j) or words[j] in lex.coordinators:
            return None  # "Muere un trabajador y 19 personas son hospitalizadas": their own verb
        if words[j] in lex.speech_verbs:
            return None  # "survivors say 86 people set off": who speaks, not what befell them
        if found := lex.measures.match_ending(words, j):
            start = j - found[0]
            while start >= 0 and words[start] in lex.function_words:
                start -= 1  # "sono stati evacuati", "se han"
            opens = start < 0 or sent.hard_stop(start) or words[start] == ","
            return found[1] if opens else None
    return None


def _object_of(sent: _Sentence, count: _Count, lex: Lexicon) -> str | None:
    """An active verb a few words before its object: "rettete am Donnerstag 112 Migranten",
    "verschleppten in der Nacht 19 Schülerinnen"."""
    j = count.first - 1
    while j >= 0 and count.first - j <= _VERB_REACH:
        if sent.hard_stop(j) or sent.words[j] == "," or not sent.is_word(j):
            return None
        if found := lex.active.match_ending(sent.words, j):
            return found[1]
        j -= 1
    return None


def _split_verb(sent: _Sentence, count: _Count, head: _Head, lex: Lexicon) -> str | None:
    """A verb around its count, its particle closing the clause or right after the count's
    group: "Die Polizei nahm … 26 Verdächtige fest", "Rescuers pulled 23 miners alive from …",
    "Mehr als 40 Fahrgäste erlitten … schwere Verletzungen"."""
    start, end = _clause(sent, count)
    words = sent.words
    last = end - 1
    while last > count.last and not sent.is_word(last):
        last -= 1
    closing = {words[last], sent.word(head.end if head.kind != "none" else count.last)}
    if words[last] in lex.final_auxiliaries:
        closing.add(sent.word(last - 1))  # "… lebend aus dem Stollen geborgen werden"
    for first, particle, label in lex.split_verbs:
        if particle in closing and any(words[j] == first for j in range(start, last) if j != count.first):
            return label  # the verb before its object, or after its subject
    return None


def _among(sent: _Sentence, count: _Count, lex: Lexicon) -> str | None:
    """A group counted among a measured whole in the same clause: "Two health workers were
    among the five people killed", "Entre los muertos hay tres bomberos"."""
    words = sent.words
    start = count.first
    while start > 0 and not sent.hard_stop(start - 1) and count.first - start < _TOLL_REACH:
        start -= 1
    end = count.last
    while end < len(words) and not sent.hard_stop(end) and end - count.last < _TOLL_REACH:
        end += 1
    for j in range(start, end):
        if words[j] in lex.among:
            for i in range(j + 1, min(end, j + 6)):
                if found := lex.measures.match(words, i):
                    return found[1]
    return None


def _forward(
    sent: _Sentence,
    head: _Head,
    count: _Count,
    counts: list[_Count],
    heads: list[_Head],
    at_token: Mapping[int, int],
    lex: Lexicon,
) -> str | None:
    """The predicate of the group the number heads, within the clause and a token budget."""
    words = sent.words
    if _complement(sent, count, head, lex):
        return None  # "of eight villages", "a town of 9,000 inhabitants": the predicate is another's
    loose = head.kind in ("none", "other")  # no counted noun: only a short, comma-free reach
    start = head.end if head.kind != "none" or head.partitive else count.last  # past "de ellos" too
    j, budget = start, _LOOSE_WINDOW if loose else lex.window
    own_verb = False  # a copula passed: the group has a predicate of its own ("sont mobilisés")
    while j < len(words) and budget > 0:
        word = words[j]
        own_verb = own_verb or word in lex.copulas
        if sent.hard_stop(j) or (loose and word == ","):
            return None
        if word == "," and _coordinator_at(sent, j + 1, lex):
            return None  # "quattro persone, mentre uno sciatore risulta disperso": a new clause
        if word in ("(", ","):
            j = _skip_aside(sent, j, lex)
            continue
        if (other := at_token.get(j)) is not None and not _article(counts[other], heads[other]):
            if sent.word(j - 1) in lex.complement_prepositions:  # "residents of eight villages"
                j, budget = max(heads[other].end, counts[other].last), budget - 1
                continue
            if not _joined(sent, j, lex) or _measure_noun(heads[other]) or own_verb:
                return None  # "130,000 infections and 4,000 deaths": the measure is the other's
            # skip the joined number and its noun, not its predicate (which is ours too)
            j, budget = max(heads[other].noun + 1, counts[other].last), budget - 1
            continue
        if word in lex.blockers or (loose and _introduces_group(sent, j, lex)):
            return None
        if found := lex.measures.match(words, j):
            following = at_token.get(j + found[0])
            if following is not None and heads[following].kind != "unit":
                return None  # "killing 20" measures the next number (not "missing 400 metres down")
            if sent.word(j - 1) in lex.coordinators:
                return None  # "X and displaced" is a noun
            attributive = lex.postnominal and _attributive(sent, j, found[0], lex)
            if not _is_object(sent, j, lex) and not attributive:
                return found[1]
            j += found[0]
        else:
            j += 1
        budget -= 1
    return None


def _measure_noun(head: _Head) -> bool:
    """The count's own noun is its measure ("4,000 deaths"), not a group whose participle
    follows it ("tres manifestantes resultaron heridos"), which a joined count shares."""
    return head.kind == "measure" and head.noun < 0


def _coordinator_at(sent: _Sentence, j: int, lex: Lexicon) -> bool:
    """A coordinator of one or two words at ``j`` ("while", "tandis que", "mientras que")."""
    return sent.word(j) in lex.coordinators or f"{sent.word(j)} {sent.word(j + 1)}" in lex.coordinators


def _article(count: _Count, head: _Head) -> bool:
    """A weak "one" that counts nothing ("bei einer Massenschlägerei"): an article."""
    return count.weak and not head.immediate


def _complement(sent: _Sentence, count: _Count, head: _Head, lex: Lexicon) -> bool:
    """A count inside a noun's complement: "residents of eight villages", "un barrio de 9.000
    habitantes", "con un aforo de 54.000 espectadores" (a size, not people affected)."""
    if sent.word(count.first - 1) not in lex.complement_prepositions:
        return False
    if head.kind == "other":
        return True
    owner = count.first - 2
    word = sent.word(owner)
    return (
        sent.is_word(owner)
        and word not in lex.function_words
        and not lex.is_people(word)
        and not (
            lex.measures.match_ending(sent.words, owner) or lex.subgroup_nouns.match_ending(sent.words, owner)
        )
        and not _named_before(sent, owner, lex)
    )


def _skip_aside(sent: _Sentence, j: int, lex: Lexicon) -> int:
    """Past a '(...)' or ', including ...,' aside; past a bare comma otherwise."""
    words = sent.words
    if words[j] == "(":
        close = next((k for k in range(j + 1, min(len(words), j + _PAREN_LIMIT)) if words[k] == ")"), None)
        return close + 1 if close is not None else len(words)
    if not (lex.inclusion.match(words, j + 1) or lex.partitives.match(words, j + 2)):
        return j + 1  # ", including 20 children," and ", 203 of them children," are skipped
    k = j + 1
    while k < len(words) and words[k] != "," and not sent.hard_stop(k):
        k += 1
    return k + 1 if k < len(words) and words[k] == "," else k


def _joined(sent: _Sentence, j: int, lex: Lexicon) -> bool:
    """A later number in the same subject: '20 soldiers and 30 civilians were killed' (but not
    after a comma: "quattro persone, mentre uno sciatore risulta disperso" opens a clause)."""
    before = sent.word(j - 1)
    if before in lex.coordinators:
        return sent.word(j - 2) != ","
    return bool(lex.inclusion.match_ending(sent.words, j - 1))


_LIST_REACH: Final = 8  # counts looked back along a list "…, including 20 children, 5 women and …"


def _in_inclusion(sent: _Sentence, k: int, counts: list[_Count], lex: Lexicon) -> bool:
    """Count ``k`` names a part of the group before: "…, including 20 children and 5 women",
    "20 people died (15 women and five children)"."""
    for i in range(k, max(-1, k - _LIST_REACH), -1):
        first = counts[i].first
        if _after_inclusion(sent, first, lex) or sent.word(first - 1) == "(":
            return True
        joint = sent.word(first - 1)
        if i == 0 or not (joint in lex.coordinators or joint == ","):
            return False
    return False


def _after_inclusion(sent: _Sentence, first: int, lex: Lexicon) -> bool:
    """'…, dont 20 civils' / '…, including 20 children'."""
    return first > 0 and bool(lex.inclusion.match_ending(sent.words, first - 1))


def _introduces_group(sent: _Sentence, j: int, lex: Lexicon) -> bool:
    """A new group of people: what follows is about them, not about our number."""
    return lex.is_people(sent.words[j]) or bool(lex.subgroup_nouns.match(sent.words, j))


def _is_object(sent: _Sentence, j: int, lex: Lexicon) -> bool:
    """'treated the injured': a measure noun after a determiner is an object, not a predicate.
    German participles ('die verletzt wurden') are lower-case and stay predicates."""
    if sent.word(j - 1) not in lex.determiners:
        return False
    return not lex.nouns_capitalised or sent.capitalized(j)


def _attributive(sent: _Sentence, j: int, length: int, lex: Lexicon) -> bool:
    """'áreas afectadas', 'bâtiments touchés': a one-word participle right after an ordinary
    noun describes that noun.  A finite verb ('turistas murieron'), a phrase ('siguen en
    paradero desconocido'), and auxiliaries, adverbs, participles or counted nouns before
    it ('ont été tuées', 'trovate uccise', 'personas murieron') leave it a predicate."""
    word, prev = sent.words[j], sent.word(j - 1)
    if length != 1 or not word.endswith(lex.participle_endings):
        return False
    if not sent.is_word(j - 1) or prev in lex.function_words or lex.is_people(prev):
        return False
    if prev.endswith(lex.adverb_endings) or prev.endswith(lex.participle_endings) or prev[0].isdigit():
        return False
    if lex.subgroup_nouns.match_ending(sent.words, j - 1):
        return False
    return not lex.measures.match_ending(sent.words, j - 1)


def _generic_passive(sent: _Sentence, head: _Head, rules: GenericPassive, lex: Lexicon) -> str | None:
    """Counted things outside the lexicon: '<n> <nouns> (were|have been) <participle>' or
    '<n> <nouns> on strike'.  Only lower-case plural nouns, so names and noise never fire."""
    if head.kind not in ("other", "people", "subgroup", "thing") or head.noun < 0:
        return None
    noun = sent.words[head.noun]
    if not _plural_noun(sent, head.noun, rules, lex):
        return None
    words, k = sent.words, head.noun + 1
    auxiliaries = 0
    while k < len(words) and words[k] in rules.auxiliaries and auxiliaries < 3:
        k, auxiliaries = k + 1, auxiliaries + 1
    rest = " ".join(words[k : k + 4])
    for phrase in rules.states if head.kind != "thing" else ():  # people's states: "on strike"
        if rest == phrase or rest.startswith(phrase + " "):
            return f"{noun} {phrase}"
    if auxiliaries == 0 or k >= len(words) or not _participle(sent, k, rules):
        return None
    particle = sent.word(k + 1)
    return f"{noun} {words[k]} {particle}" if particle in rules.particles else f"{noun} {words[k]}"


def _plural_noun(sent: _Sentence, j: int, rules: GenericPassive, lex: Lexicon) -> bool:
    """Lower-case alphabetic plural that is not a function word or a time word."""
    word = sent.words[j]
    return (
        word.isalpha()
        and word.isascii()
        and len(word) >= 4
        and word.endswith(rules.plural_endings)
        and not word.endswith(rules.not_plural_endings)
        and not sent.capitalized(j)
        and word not in rules.not_nouns
        and word not in lex.function_words
    )


def _participle(sent: _Sentence, k: int, rules: GenericPassive) -> bool:
    """A lower-case past participle: a regular ending or a known irregular one."""
    word = sent.words[k]
    if not word.isalpha() or sent.capitalized(k):
        return False
    regular = word.endswith(rules.participle_endings) and len(word) > 4
    return regular or word in rules.irregular_participles
