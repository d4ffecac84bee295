"""Number parsing: separators, decimal marks, scales, spelled numbers, hostile input."""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.analysis.figures.numbers import MAX_VALUE, find_numbers, normalize_language, parse_number


def found(text: str, language: str) -> list[tuple[float, str]]:
    """(value, covered text) for each number, in order."""
    return [(n.value, text[n.start : n.end]) for n in find_numbers(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # thousands separators of every kind
        ("3,000 people", "en", [(3000, "3,000")]),
        ("3.000 Menschen", "de", [(3000, "3.000")]),
        ("3.000 personas", "es", [(3000, "3.000")]),
        ("5 200 personnes", "fr", [(5200, "5 200")]),
        ("5\u00a0200 personnes", "fr", [(5200, "5\u00a0200")]),
        ("5\u202f200 personnes", "fr", [(5200, "5\u202f200")]),
        ("5\u2009200 people", "en", [(5200, "5\u2009200")]),
        ("1'000 Franken", "de", [(1000, "1'000")]),
        ("2 000 000 de personnes", "fr", [(2_000_000, "2 000 000")]),
        ("1,234,567", "en", [(1_234_567, "1,234,567")]),
        ("12.345.678", "de", [(12_345_678, "12.345.678")]),
        # a regular space does not group digits in English
        ("5 200", "en", [(5, "5"), (200, "200")]),
        # decimal marks by language, with and without scale words
        ("2.5 million", "en", [(2_500_000, "2.5 million")]),
        ("1,5 million", "fr", [(1_500_000, "1,5 million")]),
        ("1,5 million", "en", [(1_500_000, "1,5 million")]),
        ("1.2 Mio. Menschen", "de", [(1_200_000, "1.2 Mio.")]),
        ("2,5 Millionen", "de", [(2_500_000, "2,5 Millionen")]),
        ("3 millions", "fr", [(3_000_000, "3 millions")]),
        ("1,500 million", "fr", [(1_500_000, "1,500 million")]),
        ("1,500 million", "en", [(1_500_000_000, "1,500 million")]),
        ("1,234.56", "en", [(1234.56, "1,234.56")]),
        ("1.234,56", "de", [(1234.56, "1.234,56")]),
        ("0,500", "fr", [(0.5, "0,500")]),
        ("20 mil", "es", [(20_000, "20 mil")]),
        ("20 mil millones", "es", [(20_000_000_000, "20 mil millones")]),
        ("37 mil 820 muertos", "es", [(37_820, "37 mil 820")]),
        ("$3bn and 10k", "en", [(3e9, "3bn"), (10_000, "10k")]),
        ("2,5 milliards", "fr", [(2.5e9, "2,5 milliards")]),
        # spelled numbers (text2num)
        ("four people were killed and six were injured", "en", [(4, "four"), (6, "six")]),
        ("two hundred people", "en", [(200, "two hundred")]),
        ("twenty-one dead", "en", [(21, "twenty-one")]),
        ("a hundred people", "en", [(100, "a hundred")]),
        ("quatre morts", "fr", [(4, "quatre")]),
        ("vingt et un blessés", "fr", [(21, "vingt et un")]),
        ("quatre-vingt-dix-neuf", "fr", [(99, "quatre-vingt-dix-neuf")]),
        ("veintiuno muertos", "es", [(21, "veintiuno")]),
        ("veintiún muertos", "es", [(21, "veintiún")]),
        ("einundzwanzig Tote", "de", [(21, "einundzwanzig")]),
        ("zwei Millionen", "de", [(2_000_000, "zwei Millionen")]),
        ("One person was killed", "en", [(1, "One")]),
        # not numbers: vague plurals, pronoun "one", names, ordinals
        ("hundreds of people and thousands of homes", "en", []),
        ("tens of thousands", "en", []),
        ("cientos de muertos y miles de heridos", "es", []),
        ("no one was hurt, one of them, someone", "en", []),
        ("Formula One champion", "en", []),
        ("sur le lac des Quatre-Cantons", "fr", []),  # a number word hyphened to a name is the name's
        ("la crue près de Trois-Rivières", "fr", []),
        ("the fourth day, the second-largest city", "en", []),
        ("4th, 21st, 2nd, 3rd", "en", []),
        ("le 1er mai, le 2e jour", "fr", []),
        ("el 1º de mayo", "es", []),
        ("el tercer día, el tercer estudiante", "es", []),  # text2num reads the apocope as 3
        ("am 3. März", "de", []),
        ("der 3. große Angriff", "de", []),
        # glued to symbols or letters: not free-standing numbers
        ("10^400", "en", []),
        ("1e999", "en", []),
        ("COVID-19", "en", []),
        ("A320 and F-16", "en", []),
        ("27/11/2024", "en", []),
        ("10:30", "en", []),
        ("192.168.0.1", "en", []),
        ("24/7", "en", []),
        ("5G", "en", []),
        ("call +33 1 23 45 67 89", "fr", []),
        ("call 555-123-4567", "en", []),
        ("call 01 23 45 67 89", "fr", []),
        # a percentage spelled out: "por ciento" is per hundred, not a hundred
        ("un aumento del treinta y cinco por ciento", "es", [(1.0, "un"), (35.0, "treinta y cinco")]),
        ("une hausse de cinq pour cent", "fr", [(1.0, "une"), (5.0, "cinq")]),
        ("ciento veinte heridos", "es", [(120.0, "ciento veinte")]),
    ],
)
def test_find_numbers(text: str, language: str, expected: list[tuple[float, str]]) -> None:
    assert found(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "weak"),
    [("un homme", "fr", True), ("una mujer", "es", True), ("ein Mann", "de", True), ("one man", "en", True)],
)
def test_lone_one_is_weak(text: str, language: str, weak: bool) -> None:
    (number,) = find_numbers(text, language)
    assert number.value == 1 and number.weak is weak


def test_compound_with_one_is_not_weak() -> None:
    (number,) = find_numbers("vingt et un", "fr")
    assert number.value == 21 and not number.weak


def test_unknown_language_reads_digits_only() -> None:
    assert found("vier doden en 1.200 gewonden", "nl") == [(1200, "1.200")]
    assert found("four and 5", "") == [(5, "5")]
    assert found("four and 5", None) == [(5, "5")]  # type: ignore[arg-type]


@pytest.mark.parametrize(("code", "expected"), [("en-GB", "en"), (" FR ", "fr"), ("de_AT", "de"), ("", "")])
def test_normalize_language(code: str, expected: str) -> None:
    assert normalize_language(code) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("3,000", "en", 3000),
        (" 1 000 ", "fr", 1000),
        ("trois cents", "fr", 300),
        ("2.5 million", "en", 2_500_000),
        ("abc", "en", None),
        ("3 and 4", "en", None),
        ("", "en", None),
        ("10^400", "en", None),
    ],
)
def test_parse_number(text: str, language: str, expected: float | None) -> None:
    assert parse_number(text, language) == expected


@pytest.mark.parametrize(
    "text",
    ["9" * 10_000, "1" + "0" * 16, "10^400", "1e999", "1" + "0" * 5000 + ",5 million", "9" * 15 + " billion"],
)
def test_huge_numbers_are_dropped_not_inf(text: str) -> None:
    for number in find_numbers(text, "en"):
        assert math.isfinite(number.value) and number.value <= MAX_VALUE
    assert parse_number(text, "en") is None


def test_largest_accepted_value() -> None:
    assert parse_number("999,999,999,999,999", "en") == 999_999_999_999_999
    assert parse_number("1" + "0" * 15, "en") is None  # 16 integer digits: not a count in news
    assert parse_number("1000 trillion", "en") == MAX_VALUE
    assert parse_number("1001 trillion", "en") is None
    assert parse_number("1 million million", "en") is None  # no number phrase covers it all


# --- property tests -------------------------------------------------------------------------

# (language, thousands separator) pairs a writer of that language uses.
SEPARATOR_STYLES = [
    ("en", ","),
    ("en", "\u00a0"),
    ("en", "\u202f"),
    ("en", "\u2009"),
    ("en", ""),
    ("fr", " "),
    ("fr", "\u202f"),
    ("fr", "\u00a0"),
    ("fr", "."),
    ("es", "."),
    ("es", " "),
    ("de", "."),
    ("de", "'"),
    ("de", ""),
]


def group(n: int, separator: str) -> str:
    """Format a non-negative integer with a thousands separator."""
    return f"{n:,}".replace(",", separator)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**15 - 1), st.sampled_from(SEPARATOR_STYLES))
def test_grouped_integers_parse_back(n: int, style: tuple[str, str]) -> None:
    language, separator = style
    assert parse_number(group(n, separator), language) == n


_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def english_words(n: int) -> str:
    """A small English number-to-words formatter (0 <= n < 10**9)."""
    if n < 20:
        return _EN_UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_UNITS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_EN_UNITS[hundreds]} hundred" + (f" and {english_words(rest)}" if rest else "")
    for scale, name in ((10**6, "million"), (1000, "thousand")):
        if n >= scale:
            high, rest = divmod(n, scale)
            return f"{english_words(high)} {name}" + (f" {english_words(rest)}" if rest else "")
    raise AssertionError(n)


_FR_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
]
_FR_TENS = [
    "_",
    "_",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "soixante",
    "quatre-vingt",
    "quatre-vingt",
]


def french_words(n: int) -> str:
    """A small French number-to-words formatter (0 <= n < 10**6), traditional spelling."""
    if n <= 16:
        return _FR_UNITS[n]
    if n < 20:
        return f"dix-{_FR_UNITS[n - 10]}"
    if n < 100:
        tens, unit = divmod(n, 10)
        if tens in (7, 9):  # soixante-dix, quatre-vingt-dix: count on from 10
            joiner = " et " if n == 71 else "-"
            return f"{_FR_TENS[tens]}{joiner}{french_words(10 + unit)}"
        if unit == 0:
            return "quatre-vingts" if tens == 8 else _FR_TENS[tens]
        if unit == 1 and tens != 8:
            return f"{_FR_TENS[tens]} et un"
        return f"{_FR_TENS[tens]}-{_FR_UNITS[unit]}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else f"{_FR_UNITS[hundreds]} cent" + ("s" if rest == 0 else "")
        return head + (f" {french_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = "mille" if thousands == 1 else f"{french_words(thousands)} mille"
    return head + (f" {french_words(rest)}" if rest else "")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=999_999_999))
def test_english_words_parse_back(n: int) -> None:
    assert parse_number(english_words(n), "en") == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=999_999))
def test_french_words_parse_back(n: int) -> None:
    assert parse_number(french_words(n), "fr") == n


def test_word_formatters_are_right() -> None:
    """The formatters themselves, so a wrong formatter cannot hide a parser bug."""
    assert english_words(312_005) == "three hundred and twelve thousand five"
    assert french_words(71) == "soixante et onze" and french_words(80) == "quatre-vingts"
    assert french_words(91) == "quatre-vingt-onze" and french_words(200) == "deux cents"
    assert french_words(1021) == "mille vingt et un"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["en", "fr", "es", "de", "it", ""]))
def test_any_text_gives_finite_ordered_spans(text: str, language: str) -> None:
    numbers = find_numbers(text, language)
    assert [n.start for n in numbers] == sorted(n.start for n in numbers)
    for number in numbers:
        assert math.isfinite(number.value) and 0 <= number.value <= MAX_VALUE
        assert 0 <= number.start < number.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "9" * 10_000,
        "1," * 20_000 + "000",
        "1." * 20_000,
        "one " * 20_000,
        "million " * 20_000,
        "+1 " * 20_000,
        "0 " * 50_000,
        "1\u00a0" * 20_000,
    ],
)
def test_bounded_time_on_huge_input(text: str) -> None:
    """A guard against quadratic blow-ups, not a speed goal: CPU time of this process only,
    so other work on the machine does not count (benchmarks hold the speed goals)."""
    started = time.process_time()
    for language in ("en", "fr", "de"):
        find_numbers(text, language)
    assert time.process_time() - started < 3.0


@pytest.mark.parametrize(
    ("text", "language", "covered"),
    [
        ("1,2 millones de personas", "es", "1,2 millones de"),
        ("dos millones de personas", "es", "dos millones de"),
        ("deux millions de personnes", "fr", "deux millions de"),
        ("un milione di persone", "it", "un milione di"),
    ],
)
def test_a_spelled_scale_takes_its_link_as_a_digit_one_does(text: str, language: str, covered: str) -> None:
    """ "dos millones de personas" counts the people as "2 millones de personas" does: the link
    word belongs to the number, not to a partitive ("dos de los heridos")."""
    assert [c for _, c in found(text, language)] == [covered]
