"""Named places in a piece of text: capitalised words after a locative preposition.

"in the neighbouring province of Lomo", "à Saint-Étienne", "nella provincia di Ancona":
a cheap, language-neutral stand-in for place recognition, whose prepositions come from
each language's data file.  Names are folded to a short accent-free prefix, so that
"Zürich"/"Zurich" and "Bulgaria"/"Bulgarie" compare equal (countries whose names differ
between languages, like "Germany"/"Allemagne", do not: callers treat a difference in
places as weak evidence).
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from types import MappingProxyType
from typing import Final

from services.analysis.figures.lexicon import APOSTROPHES, TOKEN_RE, PhraseTable
from services.analysis.gazetteer import fold_word, local_name
from services.analysis.languages import LANGUAGES, MONTHS, NOUNS_CAPITALISED

PREFIX: Final = 5
# words from the preposition to the name ("in the neighbouring province of Lomo", "dans la vallée de l'Ubaye")
_REACH: Final = 6

_PREPOSITIONS: Final[Mapping[str, PhraseTable]] = MappingProxyType(
    {
        code: PhraseTable.of(data.place_prepositions)
        for code, data in LANGUAGES.items()
        if data.place_prepositions
    }
)
# Words that may stand between a preposition and a name: articles, "the province of".
_BETWEEN: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        code: frozenset(w.lower() for w in data.place_nouns)
        | (frozenset(data.figures.determiners) if data.figures else frozenset())
        for code, data in LANGUAGES.items()
    }
)
# First words many place names share ("San Vito", "Sankt Gallen"), of every language: names travel.
_PREFIXES: Final = frozenset(w.lower() for data in LANGUAGES.values() for w in data.name_prefixes)
# Words after a preposition that end a place phrase where every noun is capitalised: an
# indefinite article ("in einem Olivenhain", "in einer Schule") goes before a thing, not a name.
_STOPS: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {code: frozenset(data.place_stops) for code, data in LANGUAGES.items()}
)
# ", nachdem …", ", after …": a comma and one of these words open another clause, whose
# places tell what happened there, not where a count before it was counted.
_CLAUSE_ENDS: Final[Mapping[str, re.Pattern[str]]] = MappingProxyType(
    {
        code: re.compile(
            r",\s*(?:"
            + "|".join(map(re.escape, sorted(data.clause_openers, key=len, reverse=True)))
            + r")\b",
            re.IGNORECASE,
        )
        for code, data in LANGUAGES.items()
        if data.clause_openers
    }
)
CALENDAR: Final[Mapping[str, frozenset[str]]] = (
    MappingProxyType(  # weekdays and months: a time, never a place
        {code: MONTHS[code] | {d.lower() for d in data.dates.weekdays} for code, data in LANGUAGES.items()}
    )
)

_NOT_PLACES: Final[Mapping[str, tuple[frozenset[str], tuple[str, ...]]]] = MappingProxyType(
    {
        code: (frozenset(data.not_places) | frozenset(data.demonyms), tuple(data.not_place_endings))
        for code, data in LANGUAGES.items()
        if data.not_places or data.not_place_endings or data.demonyms
    }
)


def names_no_place(word: str, language: str) -> bool:
    """A capitalised word (lower-cased here) that the language file knows names no place:
    a common noun where every noun is capitalised ("Nacht"), an epithet ("Alpine"), a
    nationality ("in an Austrian valley": the country, which holds every town of the story)."""
    words, endings = _NOT_PLACES.get(language, (frozenset(), ()))
    return word in words or word.endswith(endings)


def fold(name: str, language: str = "") -> str:
    """A name's comparable form: accent-free, case-folded, cut to PREFIX letters (each part
    of a hyphenated name: "Saint-Michel" and "Saint-Étienne" differ); a place other languages
    name otherwise as its own name first ("Anvers" -> "antwerpen")."""
    plain = local_name(fold_word(name), language)
    return "-".join(part[:PREFIX] for part in plain.split("-"))


def clause_end(text: str, start: int, language: str) -> int:
    """Where the clause holding position ``start`` ends: at the next comma that opens another
    clause ("Sechs werden noch vermisst, nachdem eine Frau in Vilar … geborgen wurde")."""
    pattern = _CLAUSE_ENDS.get(language)
    found = pattern.search(text, start) if pattern else None
    return found.start() if found else len(text)


def scope(text: str, language: str) -> frozenset[str]:
    """What a count is said of: the places named in ``text`` and, where only names are
    capitalised, every name ("Madrid sigue siendo la región con 390 fallecidos") but the
    calendar's ("on Tuesday" says when, not where) and those that name no place ("en la UCI")."""
    found = places(text, language)
    if language in NOUNS_CAPITALISED or language not in LANGUAGES:
        return found
    first = next((m.start() for m in TOKEN_RE.finditer(text) if m.group()[:1].isalpha()), -1)
    calendar = CALENDAR[language]
    names = {
        fold(m.group(), language)
        for m in TOKEN_RE.finditer(text)
        if m.group()[:1].isupper()
        and not m.group().isupper()  # "MARSEILLE, 15 juil (AMP) -": a dateline or an acronym
        and m.start() != first
        and m.group().lower() not in calendar
        and not names_no_place(m.group().lower(), language)
    }
    return found | frozenset(n for n in names if len(n) >= 3)


def places(text: str, language: str) -> frozenset[str]:
    """The folded names that follow a locative preposition in ``text``."""
    if language not in _PREPOSITIONS or not text:
        return frozenset()
    matches = list(TOKEN_RE.finditer(text))
    words = [m.group().lower().translate(APOSTROPHES) for m in matches]
    return frozenset(fold(place_name(matches, k), language) for k in place_tokens(matches, words, language))


def place_name(matches: Sequence[re.Match[str]], k: int) -> str:
    """The place name that starts at token ``k``, hyphenated parts included: "Saint-Michel-de-
    Maurienne" is one town, not "Saint" (which every Saint-… would share)."""
    end = k
    while (
        end + 2 < len(matches)
        and matches[end + 1].group() == "-"
        and matches[end + 1].start() == matches[end].end()
        and matches[end + 2].start() == matches[end + 1].end()
        and matches[end + 2].group()[:1].isalpha()
    ):
        end += 2
    return matches[k].string[matches[k].start() : matches[end].end()]


def place_tokens(matches: Sequence[re.Match[str]], words: Sequence[str], language: str) -> list[int]:
    """Indices of the name tokens that follow a locative preposition, in a tokenised text
    (``words``: the tokens lower-cased, apostrophes plain): for callers that read the tokens
    for more than places."""
    prepositions = _PREPOSITIONS.get(language)
    if prepositions is None:
        return []
    months = MONTHS.get(language, frozenset())
    # Where every noun is capitalised (German), lower-case words before a name are articles and
    # adjectives, and a place noun ("in der italienischen Provinz Lomo") is passed over.
    nouns = language in NOUNS_CAPITALISED
    between = _BETWEEN.get(language, frozenset())
    stops = _STOPS.get(language, frozenset())
    found: list[int] = []
    j = 0
    while j < len(words):
        hit = prepositions.match(words, j)
        if hit is None:
            j += 1
            continue
        j += hit[0]
        for k in range(j, min(len(words), j + _REACH)):
            token = matches[k].group()
            if words[k] == "'" and k > j and words[k - 1] in between:
                continue  # "dans le val d'Hérens", "nella valle dell'Ossola": an elided linking word
            if not token[:1].isalpha() or words[k] in stops:
                break
            if token[:1].isupper() and words[k] not in months:
                if words[k] in between and (nouns or _followed_by_name(matches, words, k, between)):
                    continue  # "in der Provinz Lomo", "sul Passo dello Stelvio": the name follows its noun
                if names_no_place(words[k], language):
                    break  # "in der Nacht", "im Krankenhaus", "on the Alpine lake": no place
                while k < len(words) and _prefixes_name(matches, k):
                    k += 1  # "San Vito": Vito tells it apart
                # "Nyahururu County Referral Hospital": the name, not the nouns after it; where every
                # noun is capitalised, the first may be a noun ("im Flüchtlingslager Am-Tiné")
                while k < len(words) and matches[k].group()[:1].isupper():
                    found.append(k)
                    if not nouns:
                        break
                    k += 1
                break
            if words[k] not in between and not nouns:
                break  # "at officers guarding the Kessler plant": not a place phrase
    return sorted(set(found) | set(_placed_in_brackets(matches)))


def _prefixes_name(matches: Sequence[re.Match[str]], k: int) -> bool:
    """The token at ``k`` is a shared first word ("San", "Sankt") of the name right after it."""
    return (
        k + 1 < len(matches)
        and matches[k].group().lower() in _PREFIXES
        and matches[k + 1].start() == matches[k].end() + 1
        and matches[k + 1].group()[:1].isupper()
    )


def nouns_before_names(matches: Sequence[re.Match[str]], words: Sequence[str], language: str) -> set[int]:
    """Indices of capitalised place nouns whose name follows ("Lake Kivu", "Provincia di
    Lecce") and of shared first words of names ("San Vito"): the name tells one place from
    another, the noun is every lake's."""
    between = _BETWEEN.get(language, frozenset())
    return {
        k
        for k, word in enumerate(words)
        if matches[k].group()[:1].isupper()
        and (
            (word in between and _followed_by_name(matches, words, k, between)) or _prefixes_name(matches, k)
        )
    }


def _followed_by_name(
    matches: Sequence[re.Match[str]], words: Sequence[str], k: int, between: Container[str]
) -> bool:
    """A capitalised place noun whose name follows it, past linking words ("Passo dello
    Stelvio", "Provincia di Lecce"): the name is the place, not the noun."""
    for j in range(k + 1, min(len(words), k + 4)):
        if matches[j].group()[:1].isupper():
            return True
        if words[j] not in between and words[j] != "'":  # "l'État d'Ogbara": elided linking words
            return False
    return False


def _placed_in_brackets(matches: Sequence[re.Match[str]]) -> list[int]:
    """A town with its department, province or state in brackets, as the press of every
    language writes it: "Brévilliers (Doubs)", "Torre del Greco (Napoli)", "Leuna
    (Sachsen-Anhalt)", "VAL-D'ISÈRE (Savoie)".  Not an agency or a party ("PARIS (AFP)",
    "Brenner (CDU)"): the bracket holds a name, not capitals."""
    found: list[int] = []
    for k in range(len(matches) - 3):
        town, opening, region, closing = (matches[k + i].group() for i in range(4))
        if opening != "(" or closing not in (")", "-"):
            continue
        # the town may be in capitals before its department: "VAL-D'ISÈRE (Savoie)"
        named = _titled(town) or (town.isupper() and town.isalpha() and len(town) >= 3)
        if named and _titled(region) and matches[k + 1].start() - matches[k].end() <= 1:
            found.extend((k, k + 2))
    return found


def _titled(token: str) -> bool:
    return len(token) >= 3 and token[:1].isupper() and token[1:].islower() and token.isalpha()
