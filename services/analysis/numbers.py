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


def _wordset(words: str) -> frozenset[str]:
    """A frozen set from a whitespace-separated word list (compact to write and to review)."""
    return frozenset(words.split())


MAX_VALUE: Final = 1e15
"""Largest value returned; beyond this a "number" in news text is noise, not a count."""

_MAX_INT_DIGITS: Final = 15
_MAX_FRAC_DIGITS: Final = 9

WORD_LANGUAGES: Final = frozenset({"en", "fr", "es", "de"})
"""Languages whose spelled-out numbers are recognised (text2num supports them)."""

DECIMAL_MARK: Final[Mapping[str, str]] = MappingProxyType({"en": ".", "fr": ",", "es": ",", "de": ","})

# Thousands separators accepted per language.  A regular space groups digits only outside
# English, where "in 3 000 cases" style is unusual and "3 100-metre" is not one number.
_THIN_SPACES: Final = "\u00a0\u202f\u2009"
_GROUP_SEPARATORS: Final[Mapping[str, str]] = MappingProxyType(
    {"en": ",." + _THIN_SPACES, "other": ",. '’" + _THIN_SPACES}
)

_SCALES: Final[Mapping[str, Mapping[str, float]]] = MappingProxyType(
    {
        "en": MappingProxyType(
            {
                "thousand": 1e3,
                "million": 1e6,
                "millions": 1e6,
                "mn": 1e6,
                "mln": 1e6,
                "billion": 1e9,
                "billions": 1e9,
                "bn": 1e9,
                "trillion": 1e12,
            }
        ),
        "fr": MappingProxyType(
            {
                "mille": 1e3,
                "million": 1e6,
                "millions": 1e6,
                "milliard": 1e9,
                "milliards": 1e9,
                "md": 1e9,
                "mds": 1e9,
            }
        ),
        "es": MappingProxyType(
            {
                "mil millones": 1e9,
                "mil": 1e3,
                "millón": 1e6,
                "millon": 1e6,
                "millones": 1e6,
                "millardo": 1e9,
                "millardos": 1e9,
                "billón": 1e12,
                "billones": 1e12,
            }
        ),
        "de": MappingProxyType(
            {
                "tausend": 1e3,
                "million": 1e6,
                "millionen": 1e6,
                "mio.": 1e6,
                "mio": 1e6,
                "milliarde": 1e9,
                "milliarden": 1e9,
                "mrd.": 1e9,
                "mrd": 1e9,
                "billion": 1e12,
                "billionen": 1e12,
            }
        ),
    }
)

# Letters glued to digits: ordinal endings drop the number, scale endings multiply it,
# anything else ("km", "e999", "G") means the digits are not a free-standing number.
_ORDINAL_SUFFIXES: Final = _wordset("st nd rd th er re e ème eme è ère o a º ª ° te ten ter tes ste sten")
_SCALE_SUFFIXES: Final[Mapping[str, float]] = MappingProxyType(
    {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "mrd": 1e9, "md": 1e9}
)

# Words text2num turns into numbers although in prose they are vague quantities.
_VAGUE_WORDS: Final = _wordset(
    "hundreds thousands millions billions tens dozens cientos miles millones centenares "
    "decenas millares centaines milliers milliards dizaines hunderte tausende millionen "
    "milliarden dutzende"
)
# English bare scale words are numbers only after "a"/"an" ("a hundred people").
_EN_BARE_SCALES: Final = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_EN_ONE_BEFORE: Final = frozenset({"no", "any", "every", "some", "the", "this", "that", "which", "each"})
_EN_ONE_AFTER: Final = frozenset({"of", "another", "-", "'", "’", "by"})
# Spanish apocopated forms text2num does not know.
_ES_REWRITES: Final[Mapping[str, str]] = MappingProxyType({"veintiún": "veintiuno"})

_GERMAN_MONTHS: Final = _wordset(
    "januar jänner februar märz april mai juni juli august september oktober november "
    "dezember jan feb mär apr jun jul aug sep sept okt nov dez"
)

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


_DIGIT_RES: Final[Mapping[str, re.Pattern[str]]] = MappingProxyType(
    {key: _digit_pattern(seps) for key, seps in _GROUP_SEPARATORS.items()}
)


def _scale_pattern(scales: Mapping[str, float]) -> re.Pattern[str]:
    """A scale word after a digit number, e.g. ' million', ' Mio.'; longest alternative first."""
    words = sorted(scales, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"[ \t{_THIN_SPACES}]*(?P<scale>{alternation})(?!\w)", re.IGNORECASE)


_SCALE_RES: Final[Mapping[str, re.Pattern[str]]] = MappingProxyType(
    {lang: _scale_pattern(scales) for lang, scales in _SCALES.items()}
)


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
    phones = _phone_spans(text)
    found = list(_digit_numbers(text, lang, phones))
    if lang == "es" and len(found) > 1:
        found = _join_spanish_thousands(text, found)
    if lang in WORD_LANGUAGES and _has_letters(text):
        found.extend(_word_numbers(text, lang, found, phones))
        found.sort(key=lambda span: span.start)
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


def _digit_numbers(text: str, lang: str, phones: list[tuple[int, int]]) -> Iterator[NumberSpan]:
    """Digit numbers (with grouping, decimals, scales) whose context makes them free-standing."""
    pattern = _DIGIT_RES["en" if lang in ("en", "") or lang not in WORD_LANGUAGES else "other"]
    scales = _SCALE_RES.get(lang, _SCALE_RES["en"])
    for match in pattern.finditer(text):
        start, end = match.span()
        if not _free_standing(text, start, end, lang) or (phones and _overlaps(start, end, phones)):
            continue
        scale_match = None if match.group("suf") else scales.match(text, end)
        span = _digit_value(match, lang, scale_match)
        if span is not None:
            yield NumberSpan(span, start, scale_match.end() if scale_match else end)


def _join_spanish_thousands(text: str, spans: list[NumberSpan]) -> list[NumberSpan]:
    """Spanish news writes 786,228 as "786 mil 228": join "<n> mil" with a following 1-3 digits."""
    out: list[NumberSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        raw = text[span.start : span.end]
        if (
            prev is not None
            and text[prev.start : prev.end].lower().endswith(" mil")
            and text[prev.end : span.start].isspace()
            and raw.isdigit()
            and len(raw) <= 3
        ):
            out[-1] = NumberSpan(prev.value + span.value, prev.start, span.end)
            continue
        out.append(span)
    return out


def _free_standing(text: str, start: int, end: int, lang: str) -> bool:
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
    return not (lang == "de" and after == "." and _german_ordinal_follows(text, end + 1))


def _german_ordinal_follows(text: str, pos: int) -> bool:
    """'am 3. März', 'der 3. große ...': in German a number + '.' inside a sentence is ordinal."""
    match = _TOKEN_RE.search(text, pos, min(len(text), pos + 40))
    if match is None or match.start() == pos or not text[pos : match.start()].isspace():
        return False
    word = match.group()
    return word[:1].islower() or word.lower() in _GERMAN_MONTHS


def _digit_value(match: re.Match[str], lang: str, scale_match: re.Match[str] | None) -> float | None:
    """Value of a digit match, interpreting separators by language; None when not a count."""
    int_part, sep, dec, frac, suffix = match.group("int", "sep", "dec", "frac", "suf")
    multiplier = 1.0
    if suffix:
        key = suffix.lower()
        if key not in _SCALE_SUFFIXES:
            return None  # ordinal ending or glued unit/letters
        multiplier = _SCALE_SUFFIXES[key]
    elif scale_match:
        scale_word = re.sub(r"\s+", " ", scale_match.group("scale").lower())
        multiplier = _SCALES.get(lang, _SCALES["en"]).get(scale_word, 0.0)
        if not multiplier:
            return None
    if sep and dec == sep:
        return None  # "1,234,5": inconsistent, not a number we can trust
    if sep:
        digits = int_part.replace(sep, "")
        head, _, tail = int_part.partition(sep)
        single_group = tail.isdigit()
        decimal_mark = DECIMAL_MARK.get(lang, ".")
        if (
            single_group
            and sep in ".,"
            and not dec
            and (head == "0" or (sep == decimal_mark and multiplier != 1.0))
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
    text: str, lang: str, digits: list[NumberSpan], phones: list[tuple[int, int]]
) -> list[NumberSpan]:
    """Spelled-out numbers via text2num, mapped back to character spans of ``text``."""
    matches = list(_TOKEN_RE.finditer(text))
    words = [m.group().lower() for m in matches]
    if lang == "es":
        words = [_ES_REWRITES.get(w, w) for w in words]
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
        span = _word_span(occ, matches, words, lang)
        if span is None or _collides(span, taken, starts):
            continue
        out.append(span)
    return out


def _collides(span: NumberSpan, taken: list[tuple[int, int]], starts: list[int]) -> bool:
    """True when a spelled occurrence overlaps a digit number or phone span."""
    index = bisect.bisect_left(starts, span.end)  # only spans starting before our end can overlap
    return _overlaps(span.start, span.end, taken[max(0, index - 3) : index])


def _inside_name(matches: list[re.Match[str]], first: int) -> bool:
    """'Formula One', 'Channel Four': a capitalised number word right after a capitalised word."""
    word = matches[first].group()
    previous = matches[first - 1].group() if first > 0 else ""
    return word[:1].isupper() and previous[:1].isupper() and previous.isalpha()


def _word_span(occ: object, matches: list[re.Match[str]], words: list[str], lang: str) -> NumberSpan | None:
    """Validate one text2num occurrence (ordinals, vague plurals, pronoun 'one') and place it."""
    first, last = occ.start, occ.end  # type: ignore[attr-defined]
    value = float(occ.value)  # type: ignore[attr-defined]
    if occ.is_ordinal or not math.isfinite(value) or value > MAX_VALUE or last <= first:  # type: ignore[attr-defined]
        return None
    single = last - first == 1
    word = words[first]
    before = words[first - 1] if first > 0 else ""
    after = words[last] if last < len(words) else ""
    if single and word in _VAGUE_WORDS:
        return None
    start = matches[first].start()
    if lang == "en" and single and word in _EN_BARE_SCALES:
        if before not in ("a", "an"):
            return None
        start = matches[first - 1].start()
    if lang == "en" and value == 1 and single and (before in _EN_ONE_BEFORE or after in _EN_ONE_AFTER):
        return None
    if lang == "en" and _inside_name(matches, first):
        return None
    weak = single and value == 1
    return NumberSpan(value, start, matches[last - 1].end(), spelled=True, weak=weak)
