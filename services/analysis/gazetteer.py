"""Countries and regions named in text, as one key per place whatever the language.

Places keep most of their names in translation ("Castelmora" is Castelmora in every
language), but countries and regions do not: "Spain", "Espagne", "Spanien", "España" and
"Spagna" are one place, and so are "Liguria", "Ligurie" and "Ligurien".  The table
(data/gazetteer.toml) maps each language's names to an ISO 3166 code: a country's two
letters, a region's code with its country's in front ("IT-42"), so the region tells its
country.  It is one file for all languages because its rows are places, not words: one
row per place keeps the five names of a place side by side, where a missing or wrong one
shows, and the key is the same in every language.

A name counts where it is written as a name (capitalised) and stands alone: not as part of
a longer name ("New Mexico" is a row of its own, under US) and not inside a hyphenated word
("sachsen-anhaltischen" is an adjective, not Saxony).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from importlib import resources
from types import MappingProxyType
from typing import Final

from services.analysis.figures.lexicon import PhraseTable

_COUNTRY: Final = re.compile(r"^[A-Z]{2}$")
_REGION: Final = re.compile(r"^([A-Z]{2})-[A-Z0-9]{1,3}$")
_COMBINING: Final = re.compile(r"[\u0300-\u036f]")


class GazetteerError(ValueError):
    """A gazetteer file that does not parse or breaks one of its rules."""


def fold_word(word: str) -> str:
    """A word as the table compares it: accent-free, case-folded, apostrophes plain."""
    if word.isascii():  # most words: nothing to strip (a quarter of the cost of a lead's reading)
        return word.lower()
    plain = _COMBINING.sub("", unicodedata.normalize("NFKD", word))
    return plain.casefold().replace("’", "'")


def country_of(key: str) -> str:
    """The country of a key ("IT-42" -> "IT"; a country is its own)."""
    return key.split("-", 1)[0]


def is_country(key: str) -> bool:
    return _COUNTRY.match(key) is not None


def is_region(key: str) -> bool:
    return _REGION.match(key) is not None


def load(raw: bytes, where: str = "data/gazetteer.toml") -> Mapping[str, PhraseTable]:
    """Per language, the table of folded names -> key; the file's rules checked first."""
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{where}: {exc}") from exc
    rows = _rows(doc, where)
    languages = sorted({lang for row in rows.values() for lang in row})
    by_language: dict[str, dict[str, list[str]]] = {lang: {} for lang in languages}
    for key, row in rows.items():
        if sorted(row) != languages:
            raise GazetteerError(f"{where}: {key} names {sorted(row)}, the table {languages}")
        for lang, names in row.items():
            by_language[lang][key] = [" ".join(fold_word(n).split()) for n in names]
    for lang, table in by_language.items():
        _check_unique(table, f"{where} [{lang}]")
    return MappingProxyType({lang: PhraseTable.build(table) for lang, table in by_language.items()})


def _rows(doc: Mapping[str, object], where: str) -> dict[str, dict[str, list[str]]]:
    """The [countries] and [regions] rows, with their keys' form and types checked."""
    if set(doc) != {"countries", "regions"}:
        raise GazetteerError(f"{where}: expected [countries] and [regions], got {sorted(doc)}")
    rows: dict[str, dict[str, list[str]]] = {}
    for section, valid in (("countries", is_country), ("regions", is_region)):
        table = doc[section]
        if not isinstance(table, dict):
            raise GazetteerError(f"{where}: [{section}] is not a table")
        for key, row in table.items():
            if not valid(key):
                raise GazetteerError(f"{where}: [{section}] key {key!r} is not an ISO 3166 code of its kind")
            if not isinstance(row, dict) or not all(
                isinstance(names, list) and names and all(isinstance(n, str) and n.strip() for n in names)
                for names in row.values()
            ):
                raise GazetteerError(f"{where}: {key}: each language needs a non-empty list of names")
            rows[key] = row
    missing = sorted({country_of(k) for k in rows if is_region(k)} - {k for k in rows if is_country(k)})
    if missing:
        raise GazetteerError(f"{where}: regions of countries not in [countries]: {missing}")
    return rows


def _check_unique(table: Mapping[str, Sequence[str]], where: str) -> None:
    """One name, one place: a name under two keys would say two different things."""
    seen: dict[str, str] = {}
    for key, names in table.items():
        for name in names:
            if seen.setdefault(name, key) != key:
                raise GazetteerError(f"{where}: {name!r} is under {seen[name]} and {key}")


TABLES: Final[Mapping[str, PhraseTable]] = load(
    resources.files("services.analysis").joinpath("data/gazetteer.toml").read_bytes()
)
"""Per language: folded names of countries and regions -> ISO 3166 key."""


def find(tokens: Sequence[str], folded: Sequence[str], language: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each country or region named in a tokenised text: ``tokens`` as
    written, ``folded`` the same tokens through fold_word.  Longest name first."""
    table = TABLES.get(language)
    if table is None:
        return []
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(folded):
        hit = table.match(folded, i)
        if hit is None:
            i += 1
            continue
        end = i + hit[0]
        if _stands_alone(tokens, i, end):
            found.append((i, end, hit[1]))
        i = end
    return found


def _stands_alone(tokens: Sequence[str], start: int, end: int) -> bool:
    """Written as a name, and not part of a hyphenated word ("sachsen-anhaltischen")."""
    capitalised = any(t[:1].isupper() for t in tokens[start:end])
    joined = (start > 0 and tokens[start - 1] == "-") or (end < len(tokens) and tokens[end] == "-")
    return capitalised and not joined


def load_exonyms(raw: bytes, where: str = "data/exonyms.toml") -> Mapping[str, Mapping[str, str]]:
    """Per language, the folded names of places that other languages name otherwise ("Padua",
    "Padoue", "Padova") -> the folded local name, one key per place.  A name is one word or a
    hyphenated one, as places are read; rows list the place's names in every language of the
    table (maybe none) and "local" (its own names, read in any language), and no name stands
    for two places in one language."""
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{where}: {exc}") from exc
    table = doc.get("places")
    if set(doc) != {"places"} or not isinstance(table, dict):
        raise GazetteerError(f"{where}: expected one [places] table, got {sorted(doc)}")
    languages = sorted({lang for row in table.values() if isinstance(row, dict) for lang in row} - {"local"})
    maps: dict[str, dict[str, str]] = {lang: {} for lang in languages}
    for key, row in table.items():
        if not isinstance(row, dict) or sorted(row) != sorted([*languages, "local"]):
            raise GazetteerError(f"{where}: {key} needs names in {[*languages, 'local']}")
        canonical = "-".join(fold_word(key).split())  # "Lago di Garda": one name, cut word by word
        if not all(isinstance(names, list) for names in row.values()) or not row["local"]:
            raise GazetteerError(f"{where}: {key}: each language needs a list, and local a name")
        for lang in languages:  # an empty list: the language has no name of its own for it
            for name in (*row[lang], *row["local"]):
                if not isinstance(name, str) or not name.strip():
                    raise GazetteerError(f"{where}: {key}: an empty name")
                folded = fold_word(name.strip())
                if " " in folded:
                    continue  # read a word at a time: "Monaco di Baviera" is never one place token
                if maps[lang].setdefault(folded, canonical) != canonical:
                    raise GazetteerError(f"{where} [{lang}]: {name!r} is {maps[lang][folded]} and {key}")
    return MappingProxyType({lang: MappingProxyType(names) for lang, names in maps.items()})


EXONYMS: Final[Mapping[str, Mapping[str, str]]] = load_exonyms(
    resources.files("services.analysis").joinpath("data/exonyms.toml").read_bytes()
)
"""Per language: a folded name of a place -> the folded name of that place in its own language."""


def local_name(folded: str, language: str) -> str:
    """The place's own name for a folded name of it in `language` ("padoue" -> "padova"), or
    the name unchanged when the table does not know it."""
    names = EXONYMS.get(language)
    return names.get(folded, folded) if names else folded
