"""Find and parse the numbers written in a piece of news text, with their character spans.

Pure and deterministic: no I/O, no clocks, no mutable module state.  Handles

* digits with any thousands separator: ``3,000``, ``3.000``, ``5 200`` (regular space outside
  English; no-break, narrow no-break and thin spaces everywhere), ``1'000`` (Swiss German);
* the decimal mark of the language (``2.5`` in English, ``2,5`` in French/Spanish/German), with
  the news heuristic that a single ``,``/``.`` followed by exactly three digits is a thousands
  separator unless a scale word follows (``1,500 million`` in French is 1.5 million);
* scale words and suffixes: ``2.5 million``, ``1,5 millions``, ``1.2 Mio``, ``20 mil``, ``$3bn``;
* spelled-out numbers in English, French, Spanish and German via the pinned ``text2num``
  library (``four``, ``two hundred``, ``vingt et un``, ``veintiuno``, ``einundzwanzig``).

What is deliberately *not* returned: ordinals (``4th``, ``1er``, ``fourth``, German ``3.``),
numbers glued to letters or symbols (``A320``, ``COVID-19``, ``1e999``, ``10^400``), parts of
dates, times, IP addresses and phone numbers, vague plurals (``hundreds``, ``miles``,
``Tausende``) and English pronoun uses of "one" (``no one``, ``one of``).  Values are finite
and at most :data:`MAX_VALUE`; anything larger is dropped rather than capped, because a
clipped value would be a wrong figure.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from text_to_num import find_numbers as _t2n_find_numbers

from services.analysis.languages import LANGUAGES, LanguageData, NumberData

MAX_VALUE: Final = 1e15
"""Largest value returned; beyond this a "number" in news text is noise, not a count."""

_MAX_INT_DIGITS: Final = 15
_MAX_FRAC_DIGITS: Final = 9

# Thousands separators when the language is unknown: English conventions (a regular space
# does not group digits there: "3 100-metre" is not one number).
_DEFAULT_SEPARATORS: Final = ",.\u00a0\u202f\u2009"
_THIN_SPACES: Final = "\u00a0\u202f\u2009"

# Letters glued to digits: ordinal endings drop the number, scale endings multiply it,
# anything else ("km", "e999", "G") means the digits are not a free-standing number.
# Both are international abbreviations, not one language's words.  A lone "b" is not one:
# "Klasse 6b", "Gate 12b" name things, and a count of people in billions is written "bn".
_SCALE_SUFFIXES: Final[Mapping[str, float]] = MappingProxyType(
    {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "mrd": 1e9, "md": 1e9}
)


@dataclass(frozen=True, slots=True)
class _NumberRules:
    """One language's number conventions (languages/<code>.toml [numbers], [dates]), compiled."""

    spelled: bool
    decimal_mark: str
    digits: re.Pattern[str]
    scales: Mapping[str, float]
    suffixes: Mapping[str, float]
    approximate: Mapping[str, float]
    approximate_links: frozenset[str]
    one_words: frozenset[str]
    scale_re: re.Pattern[str]
    vague: frozenset[str]
    bare_scales: frozenset[str]
    bare_scales_after: frozenset[str]
    one_not_after: frozenset[str]
    one_not_before: frozenset[str]
    number_words_in_names: bool
    rewrites: Mapping[str, str]
    percent: tuple[tuple[str, ...], ...]
    thousands_word: str | None
    ordinal_dot: bool
    months: frozenset[str]


_TOKEN_RE: Final = re.compile(r"\w+|[^\w\s]")
_PHONE_RE: Final = re.compile(
    r"\+\d{1,3}(?:[\s.\-]?\(?\d{1,4}\)?){2,6}"  # +33 1 23 45 67 89, +1 (555) 123-4567
    r"|\(\d{2,4}\)\s?\d{3,4}[\s.\-]\d{3,4}"  # (555) 123-4567
    r"|(?<!\d)\d{3}[.\-]\d{3}[.\-]\d{4}(?!\d)"  # 555-123-4567
    r"|(?<!\d)0\d(?:[\s.\-]\d{2}){4}(?!\d)"  # 01 23 45 67 89
)


def _digit_pattern(separators: str) -> re.Pattern[str]:
    """Digits with optional consistent thousands grouping, decimal part and glued letters.

    The grouped alternative needs a non-digit after each three-digit group, so a run of
    digits is matched in linear time whatever its length.
    """
    seps = re.escape(separators)
    return re.compile(
        rf"(?P<int>\d{{1,3}}(?P<sep>[{seps}])\d{{3}}(?:(?P=sep)\d{{3}})*(?!\d)|\d+)"
        r"(?:(?P<dec>[.,])(?P<frac>\d+))?"
        r"(?P<suf>[^\W\d_]+)?"
    )


def _scale_pattern(scales: Mapping[str, float]) -> re.Pattern[str]:
    """A scale word after a digit number, e.g. ' million', ' Mio.'; longest alternative first."""
    words = sorted(scales, key=len, reverse=True) or ["(?!)"]
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"[ \t{_THIN_SPACES}]*(?P<scale>{alternation})(?!\w)", re.IGNORECASE)


def _compile(data: LanguageData) -> _NumberRules:
    """One language's number rules from its data file."""
    numbers = data.numbers or NumberData()
    scales = {k.lower(): v for k, v in numbers.scales.items()}
    return _NumberRules(
        spelled=numbers.spelled,
        decimal_mark=numbers.decimal_mark,
        digits=_digit_pattern(numbers.group_separators),
        scales=MappingProxyType(scales),
        suffixes=MappingProxyType({**_SCALE_SUFFIXES, **numbers.glued_scales}),
        approximate=MappingProxyType({k.lower(): v for k, v in numbers.approximate.items()}),
        approximate_links=frozenset(numbers.approximate_links),
        one_words=frozenset(numbers.one_words),
        scale_re=_scale_pattern(scales),
        vague=frozenset(numbers.vague),
        bare_scales=frozenset(numbers.bare_scales),
        bare_scales_after=frozenset(numbers.bare_scales_after),
        one_not_after=frozenset(numbers.one_not_after),
        one_not_before=frozenset(numbers.one_not_before),
        number_words_in_names=numbers.number_words_in_names,
        rewrites=MappingProxyType(dict(numbers.rewrites)),
        percent=tuple(tuple(phrase.lower().split()) for phrase in numbers.percent),
        thousands_word=numbers.thousands_word,
        ordinal_dot=numbers.ordinal_dot,
        months=frozenset(m.lower() for m in data.dates.months),
    )


_RULES: Final[Mapping[str, _NumberRules]] = MappingProxyType(
    {code: _compile(data) for code, data in LANGUAGES.items() if data.numbers is not None}
)
# Unknown languages: digits with English conventions and no number words, because guessing
# another language's number words would produce false numbers.
_DEFAULT: Final = _NumberRules(
    spelled=False,
    decimal_mark=".",
    digits=_digit_pattern(_DEFAULT_SEPARATORS),
    scales=_RULES["en"].scales if "en" in _RULES else MappingProxyType({}),
    suffixes=_SCALE_SUFFIXES,
    approximate=MappingProxyType({}),
    approximate_links=frozenset(),
    one_words=frozenset(),
    scale_re=_RULES["en"].scale_re if "en" in _RULES else _scale_pattern({}),
    vague=frozenset(),
    bare_scales=frozenset(),
    bare_scales_after=frozenset(),
    one_not_after=frozenset(),
    one_not_before=frozenset(),
    number_words_in_names=True,
    rewrites=MappingProxyType({}),
    percent=(),
    thousands_word=None,
    ordinal_dot=False,
    months=frozenset(),
)

SPELLED_LANGUAGES: Final = frozenset(code for code, rules in _RULES.items() if rules.spelled)
"""Languages whose spelled-out numbers are recognised (their data says so; text2num parses)."""


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """One number found in a text.

    ``weak`` marks a lone spelled "one" (un, une, uno, una, ein, eine, ...): in French,
    Spanish and German it is usually the indefinite article, and in English it is often a
    determiner ("from one family"), so callers should only trust it right before a counted noun.
    """

    value: float
    start: int
    end: int
    spelled: bool = False
    weak: bool = False
    approximate: bool = False  # "une vingtaine", "a dozen": about that many


def normalize_language(language: str | None) -> str:
    """'en-GB', 'EN', ' en ' -> 'en'; anything else lower-cased (unknown codes are allowed)."""
    if not language:
        return ""
    return language.strip().lower().replace("_", "-").split("-", 1)[0]


def find_numbers(text: str, language: str | None) -> list[NumberSpan]:
    """All numbers in ``text`` ordered by position.

    Unknown languages get digits with English conventions and no spelled numbers, because
    guessing another language's number words would produce false numbers.
    """
    lang = normalize_language(language)
    rules = _RULES.get(lang, _DEFAULT)
    phones = _phone_spans(text)
    found = list(_digit_numbers(text, rules, phones))
    if rules.spelled and _has_letters(text):
        found.extend(_word_numbers(text, lang, rules, found, phones))
        found.sort(key=lambda span: span.start)
    if rules.thousands_word and len(found) > 1:
        found = _join_thousands(text, found, rules.thousands_word)
    if rules.one_words and _has_letters(text):
        found = _with_articles(text, rules, found)
    if rules.approximate and _has_letters(text):
        found = _with_approximate(text, rules, found)
    return found


def parse_number(text: str, language: str | None) -> float | None:
    """The value of ``text`` when the whole (stripped) text is exactly one number, else None."""
    stripped = text.strip()
    spans = find_numbers(stripped, language)
    if len(spans) != 1 or spans[0].start != 0 or spans[0].end != len(stripped):
        return None
    return spans[0].value


def _has_letters(text: str) -> bool:
    """Cheap guard so purely numeric text never pays for the text2num pass."""
    return any(ch.isalpha() for ch in text)


def _phone_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of phone-number-like sequences; numbers inside them are dropped."""
    if len(text) < 8:
        return []
    return [m.span() for m in _PHONE_RE.finditer(text)]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True when [start, end) intersects any span."""
    return any(s < end and start < e for s, e in spans)


def _digit_numbers(text: str, rules: _NumberRules, phones: list[tuple[int, int]]) -> Iterator[NumberSpan]:
    """Digit numbers (with grouping, decimals, scales) whose context makes them free-standing."""
    for match in rules.digits.finditer(text):
        start, end = match.span()
        if not _free_standing(text, start, end, rules) or (phones and _overlaps(start, end, phones)):
            continue
        scale_match = None if match.group("suf") else rules.scale_re.match(text, end)
        span = _digit_value(match, rules, scale_match)
        if span is not None:
            end = scale_match.end() if scale_match else end
            if scale_match and (link := _TOKEN_RE.match(text, end + 1)) and text[end : end + 1] == " ":
                end = _past_link(text, [link], 0, rules) or end  # "1,2 million de personnes"
            yield NumberSpan(span, start, end)


def _join_thousands(text: str, spans: list[NumberSpan], word: str) -> list[NumberSpan]:
    """Spanish news writes 786,228 as "786 mil 228": join "<n> mil" with a following 1-3 digits."""
    out: list[NumberSpan] = []
    suffix = " " + word
    for span in spans:
        prev = out[-1] if out else None
        raw = text[span.start : span.end]
        if (
            prev is not None
            and text[prev.start : prev.end].lower().endswith(suffix)
            and text[prev.end : span.start].isspace()
            and raw.isdigit()
            and len(raw) <= 3
        ):
            out[-1] = NumberSpan(prev.value + span.value, prev.start, span.end)
            continue
        out.append(span)
    return out


def _free_standing(text: str, start: int, end: int, rules: _NumberRules) -> bool:
    """Reject digits glued to other symbols: 10^400, 1e999, 27/11, 10:30, 1.2.3, COVID-19."""
    before = text[start - 1] if start > 0 else " "
    before2 = text[start - 2] if start > 1 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    if before.isalnum() or before in "_^" or after.isalnum() or after in "_^":
        return False
    if before in "/:.," and before2.isdigit():
        return False
    if after in "/:.," and after2.isdigit():
        return False
    if before in "-‐" and before2.isalpha():
        return False
    return not (rules.ordinal_dot and after == "." and _ordinal_follows(text, end + 1, rules))


def _ordinal_follows(text: str, pos: int, rules: _NumberRules) -> bool:
    """'am 3. März', 'der 3. große ...': a number + '.' inside a sentence is an ordinal."""
    match = _TOKEN_RE.search(text, pos, min(len(text), pos + 40))
    if match is None or match.start() == pos or not text[pos : match.start()].isspace():
        return False
    word = match.group()
    return word[:1].islower() or word.lower() in rules.months


def _digit_value(
    match: re.Match[str], rules: _NumberRules, scale_match: re.Match[str] | None
) -> float | None:
    """Value of a digit match, interpreting separators by language; None when not a count."""
    int_part, sep, dec, frac, suffix = match.group("int", "sep", "dec", "frac", "suf")
    multiplier = 1.0
    if suffix:
        multiplier = rules.suffixes.get(suffix.lower(), 0.0)
        if not multiplier:
            return None  # ordinal ending or glued unit/letters
    elif scale_match:
        scale_word = re.sub(r"\s+", " ", scale_match.group("scale").lower())
        multiplier = rules.scales.get(scale_word, 0.0)
        if not multiplier:
            return None
    if sep and dec == sep:
        return None  # "1,234,5": inconsistent, not a number we can trust
    if sep:
        digits = int_part.replace(sep, "")
        head, _, tail = int_part.partition(sep)
        single_group = tail.isdigit()
        if (
            single_group
            and sep in ".,"
            and not dec
            and (head == "0" or (sep == rules.decimal_mark and multiplier != 1.0))
        ):
            int_part, frac = head, tail  # "1,5 million" style written with three decimals
        else:
            int_part = digits
    return _compose(int_part, frac or "", multiplier)


def _compose(int_part: str, frac: str, multiplier: float) -> float | None:
    """Build a finite float from digit strings without ever converting huge integers."""
    int_part = int_part.lstrip("0") or "0"
    if len(int_part) > _MAX_INT_DIGITS:
        return None
    value = float(f"{int_part}.{frac[:_MAX_FRAC_DIGITS] or '0'}") * multiplier
    if not math.isfinite(value) or value > MAX_VALUE:
        return None
    return value


class _Token:
    """The token protocol text2num's ``find_numbers`` expects (text + two predicates)."""

    __slots__ = ("_blocked", "_text")

    def __init__(self, text: str, blocked: bool) -> None:
        self._text = text
        self._blocked = blocked

    def text(self) -> str:
        return self._text

    def nt_separated(self, previous: object) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return self._blocked


def _word_numbers(
    text: str, lang: str, rules: _NumberRules, digits: list[NumberSpan], phones: list[tuple[int, int]]
) -> list[NumberSpan]:
    """Spelled-out numbers via text2num, mapped back to character spans of ``text``."""
    matches = list(_TOKEN_RE.finditer(text))
    words = [m.group().lower() for m in matches]
    if rules.rewrites:
        words = [rules.rewrites.get(w, w) for w in words]
    for phrase in rules.percent:  # "treinta y cinco por ciento" is 35, with no hundred after it
        for k in range(len(words) - len(phrase) + 1):
            if tuple(words[k : k + len(phrase)]) == phrase:
                words[k + len(phrase) - 1] = "%"
    taken = sorted([(d.start, d.end) for d in digits] + phones)
    tokens = [_Token(w, w[:1].isdigit()) for w in words]
    try:
        occurrences = _t2n_find_numbers(tokens, lang, 0.0)
    except BaseException as exc:  # text2num is Rust; a panic surfaces as BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        return []
    starts = [start for start, _ in taken]
    out: list[NumberSpan] = []
    for occ in occurrences:
        span = _word_span(occ, matches, words, rules)
        if span is None or _collides(span, taken, starts):
            continue
        out.append(span)
    return out


def _with_articles(text: str, rules: _NumberRules, found: list[NumberSpan]) -> list[NumberSpan]:
    """Indefinite articles as a weak one ("eine Person starb"): callers count them only right
    before a counted noun.  text2num reads some of them already; the rest are added."""
    spans = list(found)
    for match in _TOKEN_RE.finditer(text):
        if match.group().lower() in rules.one_words:
            start, end = match.span()
            if not any(s.start < end and start < s.end for s in spans):
                spans.append(NumberSpan(1.0, start, end, spelled=True, weak=True))
    if len(spans) != len(found):
        spans.sort(key=lambda span: span.start)
    return spans


def _with_approximate(text: str, rules: _NumberRules, found: list[NumberSpan]) -> list[NumberSpan]:
    """Approximate number nouns ("une vingtaine de", "a dozen", "una decina di", "medio
    centenar") as numbers with ``approximate`` set.  An article before them ("une", read as
    a weak one; "a") joins the span, a number before them multiplies them ("zwei Dutzend"),
    and the linking preposition after them ("de", "di") joins the span too."""
    matches = list(_TOKEN_RE.finditer(text))
    spans = list(found)
    openers = {phrase.split(" ", 1)[0].split("-", 1)[0] for phrase in rules.approximate}
    for k, match in enumerate(matches):
        if match.group().lower() not in openers:
            continue  # no phrase starts here: the common case, kept cheap
        value, start, last = None, match.start(), k
        for size in (4, 3, 2, 1):  # "eine halbe Million", "half a dozen", "medio centenar", "vingtaine"
            if k + size <= len(matches):
                phrase = " ".join(m.group() for m in matches[k : k + size]).lower().replace(" - ", "-")
                if (value := rules.approximate.get(phrase)) is not None:
                    last = k + size - 1
                    break
        if value is None:
            continue
        if last > k:  # it holds what was read as a number of its own ("a million" in "half a million")
            inside = (match.start(), matches[last].end())
            spans = [s for s in spans if not (inside[0] <= s.start and s.end <= inside[1])]
        before = next((s for s in spans if s.end <= start and not text[s.end : start].strip()), None)
        if before is not None:  # "une vingtaine" (the article goes), "zwei Dutzend" (times two)
            spans.remove(before)
            value, start = value * (1.0 if before.weak else before.value), before.start
        elif k and matches[k - 1].group().lower() in rules.bare_scales_after:
            start = matches[k - 1].start()  # "a dozen"
        end = _past_link(text, matches, last + 1, rules) or matches[last].end()
        if not any(s.start < end and start < s.end for s in spans):
            spans.append(NumberSpan(value, start, end, spelled=True, approximate=True))
    spans.sort(key=lambda span: span.start)
    return spans


def _past_link(text: str, matches: list[re.Match[str]], k: int, rules: _NumberRules) -> int | None:
    """End of the word linking a quantity to its noun ("vingtaine de", "million d'", "milioni
    di"), apostrophe included; None when token ``k`` is no such word."""
    if k >= len(matches) or matches[k].group().lower() not in rules.approximate_links:
        return None
    end = matches[k].end()
    return end + 1 if text[end : end + 1] in ("'", "’") else end


def _collides(span: NumberSpan, taken: list[tuple[int, int]], starts: list[int]) -> bool:
    """True when a spelled occurrence overlaps a digit number or phone span."""
    index = bisect.bisect_left(starts, span.end)  # only spans starting before our end can overlap
    return _overlaps(span.start, span.end, taken[max(0, index - 3) : index])


def _inside_name(matches: list[re.Match[str]], first: int) -> bool:
    """'Formula One', 'Channel Four': a capitalised number word right after a capitalised word
    (but not after a dateline in capitals: 'SANAA Five children were killed')."""
    word = matches[first].group()
    previous = matches[first - 1].group() if first > 0 else ""
    dateline = len(previous) > 1 and previous.isupper() and not word.isupper()
    return word[:1].isupper() and previous[:1].isupper() and previous.isalpha() and not dateline


def _hyphened_to_a_name(matches: list[re.Match[str]], first: int) -> bool:
    """A capitalised number word joined by a hyphen to a capitalised word, inside a sentence:
    part of a place's name."""
    match = matches[first]
    text, end = match.string, match.end()
    return (
        first > 0
        and match.group()[:1].isupper()
        and text[end : end + 1] == "-"
        and text[end + 1 : end + 2].isupper()
    )


def _word_span(
    occ: object, matches: list[re.Match[str]], words: list[str], rules: _NumberRules
) -> NumberSpan | None:
    """Validate one text2num occurrence (ordinals, vague plurals, pronoun 'one') and place it."""
    first, last = occ.start, occ.end  # type: ignore[attr-defined]
    value = float(occ.value)  # type: ignore[attr-defined]
    if occ.is_ordinal or not math.isfinite(value) or value > MAX_VALUE or last <= first:  # type: ignore[attr-defined]
        return None
    single = last - first == 1
    word = words[first]
    before = words[first - 1] if first > 0 else ""
    after = words[last] if last < len(words) else ""
    if single and word in rules.vague:
        return None
    start = matches[first].start()
    if single and word in rules.bare_scales:
        if before not in rules.bare_scales_after:
            return None
        start = matches[first - 1].start()
    if value == 1 and single and (before in rules.one_not_after or after in rules.one_not_before):
        return None
    if not rules.number_words_in_names and _inside_name(matches, first):
        return None
    if single and _hyphened_to_a_name(matches, first):
        return None  # "le lac des Quatre-Cantons", "Trois-Rivières", "Deux-Sèvres"
    weak = single and value == 1
    end = matches[last - 1].end()
    if words[last - 1] in rules.scales and not single:  # "dos millones de personas", as digits do
        end = _past_link(matches[last - 1].string, matches, last, rules) or end
    return NumberSpan(value, start, end, spelled=True, weak=weak)
