"""What newsmon knows of each language, read from one data file per language.

Every `<code>.toml` file in this package is a language: adding one adds the language to
every stage that reads it (numbers, figures, boilerplate, titles), with no change in code,
as dateparser and Recognizers-Text keep theirs.  A file says only what it knows: a
language with a `[figures]` table has its figures read; one with only `[boilerplate]`
has its page furniture dropped and nothing else.

The files are validated on load (unknown keys and wrong types fail at import with the
file's name), then frozen: the analysis reads them, never changes them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Final

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

QUALIFIERS: Final = ("exact", "about", "at_least", "more_than", "at_most", "less_than")
"""How a figure is hedged; `exact` is the plain number."""

MEASURES: Final = (
    "killed",
    "injured",
    "missing",
    "evacuated",
    "displaced",
    "arrested",
    "rescued",
    "affected",
    "hospitalized",
    "kidnapped",
    "homeless",
    "casualties",
)
"""Canonical English names of what a count measures; every language maps onto these."""

Phrases = dict[str, list[str]]
"""label -> phrases (lower case; several words are matched word by word)."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NumberData(_Data):
    """How numbers are written."""

    spelled: bool = False  # number words are parsed (by text2num, which must know the language)
    decimal_mark: str = "."
    group_separators: str = ",.\u00a0\u202f\u2009"  # thousands separators accepted between digit groups
    scales: dict[str, float] = Field(default_factory=dict)  # "million" -> 1e6 after digits
    vague: list[str] = Field(default_factory=list)  # plural scale words that are no number ("hundreds")
    glued_scales: dict[str, float] = Field(default_factory=dict)  # "5mila": a scale written onto digits
    approximate: dict[str, float] = Field(default_factory=dict)  # "vingtaine" -> 20: about that many
    approximate_links: list[str] = Field(default_factory=list)  # "une vingtaine de morts"
    one_words: list[str] = Field(default_factory=list)  # articles that count one: "eine Person starb"
    bare_scales: list[str] = Field(default_factory=list)  # scale words that need an article before them
    bare_scales_after: list[str] = Field(default_factory=list)  # ... namely these ("a hundred")
    one_not_after: list[str] = Field(default_factory=list)  # "no one": a pronoun, not a count
    one_not_before: list[str] = Field(default_factory=list)  # "one of"
    number_words_in_names: bool = True  # False: a capitalised number word after a name is part of it
    rewrites: dict[str, str] = Field(default_factory=dict)  # spellings text2num does not know
    percent: list[str] = Field(default_factory=list)  # "por ciento": "per hundred", no hundred
    thousands_word: str | None = None  # "786 mil 228" is one number
    ordinal_dot: bool = False  # "am 3. März": digits and a full stop inside a sentence are an ordinal


class DateData(_Data):
    """What makes a number part of a date."""

    months: list[str] = Field(default_factory=list)
    months_capitalised: bool = False  # a month name counts only capitalised ("may" is a verb)
    month_links: list[str] = Field(default_factory=list)  # "3 of March", "3 de marzo"
    weekdays: list[str] = Field(default_factory=list)  # "on Tuesday": a time, never a name
    year_prepositions: list[str] = Field(default_factory=list)  # "in 2015": a year, not a count
    # words after a whole hour that put it after noon: "las 3 de la tarde" is 15.00, as "3 p.m.";
    # and those of the evening and the night, which do so from six ("8 de la noche" is 20.00,
    # "alle 3 di notte" is 3.00)
    afternoon: list[str] = Field(default_factory=list)
    evening: list[str] = Field(default_factory=list)


class GenericPassiveData(_Data):
    """Counted things outside the lexicon: '<n> <plural noun> (were|have been) <participle>'."""

    auxiliaries: list[str]
    irregular_participles: list[str]
    particles: list[str]
    states: list[str]
    not_nouns: list[str]
    plural_endings: list[str]  # "workers"
    not_plural_endings: list[str]  # "business"
    participle_endings: list[str]  # "evacuated"


class FigureData(_Data):
    """What a count measures, and the clause shapes that say so."""

    clause_window: int = 10  # tokens from a counted noun to its predicate (verb-final languages: more)
    adjectives_follow_noun: bool = False  # "zonas afectadas": a participle after a noun describes it
    nouns_capitalised: bool = False  # "die Verletzten" (a noun, an object) vs "verletzt" (a predicate)
    verb_second: bool = False  # verb, adverbials, subject: "Dabei starben am Abend 43 Menschen"
    compound_nouns: bool = False  # "Hitzetoten", "Verkehrstote": a measure word ends a compound
    measures: Phrases = Field(default_factory=dict)  # after the number, or the group's predicate
    active: Phrases = Field(default_factory=dict)  # verbs before the number: "killing", "a tué"
    tolls: Phrases = Field(default_factory=dict)  # nouns of a running count: "the death toll"
    count_nouns: list[str] = Field(default_factory=list)  # + a measure word is a toll: "number of" arrests
    totals: list[str] = Field(default_factory=list)  # "the total": its measure is the sentence's
    toll_verbs: list[str] = Field(default_factory=list)  # between a toll and its value: "rose to"
    increments: list[str] = Field(default_factory=list)  # before a number: "another 12" is a change
    increments_after: list[str] = Field(default_factory=list)  # after it or its noun: "three more"
    earlier: list[str] = Field(default_factory=list)  # before a number: "up from 37" is the old value
    earlier_after: list[str] = Field(default_factory=list)  # after it or its noun: "37 the day before"
    complement_prepositions: list[str] = Field(default_factory=list)  # "residents of eight villages"
    aboard: list[str] = Field(default_factory=list)  # "with 60 people on board": who was there, not a toll
    among: list[str] = Field(default_factory=list)  # "two nurses were among the dead"
    temporal_relatives: list[str] = Field(default_factory=list)  # "since 2004, when 230 died": history
    relatives: list[str] = Field(default_factory=list)  # open an aside: "the toll, which had been 52, …"
    earlier_frames: list[str] = Field(default_factory=list)  # "Last year, …": what follows is history
    current_frames: list[str] = Field(default_factory=list)  # "… and this year, …": the present again
    dated_openers: list[str] = Field(default_factory=list)  # "In July 2018, …": the sentence is dated
    corrections: list[str] = Field(default_factory=list)  # "revised down": an older value may be news again
    total_verbs: list[str] = Field(default_factory=list)  # "…, bringing to 61 the …": the rest adds up
    split_verbs: Phrases = Field(default_factory=dict)  # "nahm … fest": first word, then the particle
    final_auxiliaries: list[str] = Field(
        default_factory=list
    )  # "… geborgen werden": the verb before it closes
    copulas: list[str] = Field(default_factory=list)  # "12 are minors": a group named by its predicate
    one_of: list[str] = Field(default_factory=list)  # "one" before a part-of: "one of the 24" is one
    other_counts: list[str] = Field(default_factory=list)  # "the number of cases rose to 42": not people hurt
    returned: list[str] = Field(default_factory=list)  # "the evacuees were allowed home": not counted
    persisting: list[str] = Field(default_factory=list)  # "another 25 remain missing": a state, not a rise
    still: list[str] = Field(default_factory=list)  # "41 people still in hospital": read past
    periods: list[str] = Field(default_factory=list)  # "in the past 24 hours": a daily count, not a total
    forecasts: list[str] = Field(
        default_factory=list
    )  # "a model projects 147,000 deaths": not (yet) an impact
    horizons: list[str] = Field(default_factory=list)  # "... deaths by August": a month ahead, a forecast
    rates: list[str] = Field(default_factory=list)  # "170,000 die on the roads every year": a statistic
    tallies: list[str] = Field(default_factory=list)  # "1,800 died on the route last year": its own count
    participle_endings: list[str] = Field(default_factory=list)  # "afectadas": may describe a noun
    adverb_endings: list[str] = Field(default_factory=list)  # "gravemente": an adverb, not a noun
    gerund_endings: list[str] = Field(default_factory=list)  # ", forçant …": the clause before goes on
    subgroup_nouns: Phrases = Field(default_factory=dict)
    subgroup_adjectives: Phrases = Field(default_factory=dict)
    people: list[str] = Field(default_factory=list)  # heads of a counted group ("people", "residents")
    others: list[str] = Field(default_factory=list)  # "25 other passengers": a group follows
    partitives: list[str] = Field(default_factory=list)  # "six of them children": a part of the group before
    part_of: list[str] = Field(default_factory=list)  # "eleven of the 46 passengers": a count, then its whole
    not_people: list[str] = Field(default_factory=list)  # counted beings that are not people (animals)
    things: list[str] = Field(default_factory=list)  # counted things people leave or lose (homes)
    wanted: list[str] = Field(default_factory=list)  # people sought as culprits, never "missing"
    units: Phrases = Field(default_factory=dict)  # after a number: time, distance, money, ...
    not_before: Phrases = Field(default_factory=dict)  # before a number: age, identifier, money
    inclusion: list[str] = Field(default_factory=list)  # ", including 20 children,"
    links: list[str] = Field(default_factory=list)  # allowed between a toll and its value
    person_markers: list[str] = Field(default_factory=list)  # "mató a cuatro ciclistas": a person follows
    frees: list[str] = Field(default_factory=list)  # "freed": hostages a clause says were freed were rescued
    # verbs of saying: a measure noun before one is who speaks ("survivors say 86 people set
    # off"), not what befell the count after it
    speech_verbs: list[str] = Field(default_factory=list)
    # before the freeing word, words that deny or defer it: "have not been released", "attendent
    # toujours d'être libérés" (still held)
    unfreed: list[str] = Field(default_factory=list)
    adverbs: list[str] = Field(default_factory=list)  # read past as if absent: "ha rescatado ya a 35 vecinos"
    # a group word that names workers of a trade where its article names the trade's place:
    # "mineurs" in a report of a mine or a firedamp blast are miners, elsewhere minors (children)
    trades: dict[str, list[str]] = Field(default_factory=dict)
    # after a count, what sets the wrong count it replaces beside it: "22, et non 23", "two
    # crew members, not three, were injured"; the aside is read past
    instead: list[str] = Field(default_factory=list)
    group_links: list[str] = Field(default_factory=list)  # "killing a family of five": verb, group, count
    function_words: list[str] = Field(default_factory=list)
    determiners: list[str] = Field(default_factory=list)
    blockers: list[str] = Field(default_factory=list)  # a new group or a negation ends a clause
    coordinators: list[str] = Field(default_factory=list)
    range_openers: list[str] = Field(default_factory=list)  # "between" 20 and 30
    range_from: list[str] = Field(default_factory=list)  # "from" 20 to 30
    range_connectors: list[str] = Field(default_factory=list)  # 20 "to" 30
    range_and: list[str] = Field(default_factory=list)  # between 20 "and" 30
    generic_passive: GenericPassiveData | None = None


class QualifierData(_Data):
    before: Phrases = Field(default_factory=dict)  # "more than" 300
    after: Phrases = Field(default_factory=dict)  # 300 "or more"


BOILERPLATE_CLASSES: Final = (
    "you",
    "we",
    "site",
    "privacy",
    "read",
    "cookies",
    "cookie_cues",
    "share",
    "networks",
    "pictures",
)
"""The word classes of [boilerplate]: a pattern names one as {you}, and it stands for that class
joined over every language file (a German page can carry an English cookie notice)."""

_CLASS_NAME = re.compile(r"\{([a-z_]+)\}")
_ESCAPE = re.compile(r"\\.")


class BoilerplateData(_Data):
    """Page furniture (see boilerplate.py): regular expressions over lower-cased text, read with
    ’ as ', so a pattern never holds an upper-case letter (it could never match); a leading `^`
    or `\\b` holds for the whole pattern, alternatives included."""

    lines: list[str] = Field(default_factory=list)  # a short line (up to 25 words) of this shape is furniture
    notices: list[str] = Field(default_factory=list)  # a notice ("we use cookies"), up to 40 words
    pairs: list[tuple[str, str]] = Field(default_factory=list)  # a notice: both cues, in either order
    you: list[str] = Field(default_factory=list)  # words addressing the reader
    we: list[str] = Field(default_factory=list)  # the site speaking of itself ("we", "our")
    site: list[str] = Field(default_factory=list)  # words naming the page or the browser
    privacy: list[str] = Field(default_factory=list)  # names of a privacy policy
    read: list[str] = Field(default_factory=list)  # verbs that send the reader to a policy ("see")
    cookies: list[str] = Field(default_factory=list)  # the word for a cookie
    cookie_cues: list[str] = Field(default_factory=list)  # with cookies, a consent notice ("settings")
    share: list[str] = Field(default_factory=list)  # share buttons ("print"): a row of them is furniture
    networks: list[str] = Field(default_factory=list)  # social networks (follow-us lines, share rows)
    pictures: list[str] = Field(default_factory=list)  # words naming a picture: a caption's credit ("photo")
    openers: list[str] = Field(default_factory=list)  # words that open a notice glued to a title ("we")
    furniture: list[str] = Field(default_factory=list)  # ad labels as written ("Anzeige"), cut when doubled
    glued: list[str] = Field(default_factory=list)  # case-sensitive widget text cut from sentences
    bylines: list[str] = Field(default_factory=list)  # words before an author's capitalised name ("by")
    bios: list[str] = Field(default_factory=list)  # after an author's capitalised name: "covers … for"

    @model_validator(mode="after")
    def _patterns_compile(self) -> BoilerplateData:
        """A bad pattern fails at load with the pattern, not on the first matching article."""
        for name in ("lines", "notices", "bios", *BOILERPLATE_CLASSES):
            for pattern in getattr(self, name):
                _check_pattern(pattern, lower=True, classes=name in ("lines", "notices"))
        for pattern in (p for pair in self.pairs for p in pair):
            _check_pattern(pattern, lower=True, classes=True)
        for pattern in self.glued:
            _check_pattern(pattern, lower=False, classes=False)
        for word in self.openers:
            if not word.isalpha() or word != word.lower():
                raise ValueError(f"boilerplate opener {word!r}: one lower-case word")
        return self


def _check_pattern(pattern: str, *, lower: bool, classes: bool) -> None:
    names = _CLASS_NAME.findall(pattern) if classes else []
    unknown = sorted(set(names) - set(BOILERPLATE_CLASSES))
    if unknown:
        raise ValueError(f"boilerplate pattern {pattern!r}: unknown word classes {unknown}")
    if lower and any(c.isupper() for c in _ESCAPE.sub("", pattern)):
        raise ValueError(f"boilerplate pattern {pattern!r}: upper case never matches lower-cased text")
    try:
        re.compile(_CLASS_NAME.sub("(?:x)", pattern) if classes else pattern)
    except re.error as exc:
        raise ValueError(f"boilerplate pattern {pattern!r}: {exc}") from exc


class LanguageData(_Data):
    code: str = Field(pattern=r"^[a-z]{2}$")
    name: str
    numbers: NumberData | None = None
    dates: DateData = DateData()
    figures: FigureData | None = None
    qualifiers: QualifierData = QualifierData()
    attribution: list[str] = Field(default_factory=list)  # "according to": opens an attribution
    # A sentence that only says who said it ("Lo hanno reso noto i vigili del fuoco", "Das
    # teilte die Polizei mit"): regular expressions, matched case-insensitively from its start.
    attribution_sentences: list[str] = Field(default_factory=list)
    place_prepositions: list[str] = Field(default_factory=list)  # "in", "près de": a place name follows
    place_nouns: list[str] = Field(default_factory=list)  # "in the province of" Lomo: words before a name
    place_stops: list[str] = Field(default_factory=list)  # "in einem Olivenhain": "a …" is no named place
    # First words of place names that many places share ("San Vito", "Sankt Gallen", "Port Said"):
    # the name is both words; every language's are read in any text, as names travel.
    name_prefixes: list[str] = Field(default_factory=list)
    clause_openers: list[str] = Field(default_factory=list)  # ", after …": after a comma, another clause
    # Openers that are prepositions too: before an article ("after the derailment", "dopo il
    # crollo") they open a phrase, not a clause.
    prepositional_openers: list[str] = Field(default_factory=list)
    # Capitalised words that name no place: common nouns where every noun is capitalised
    # ("in der Nacht", "im Krankenhaus"), epithets ("Alpine", "Mediterranean"): words, endings.
    not_places: list[str] = Field(default_factory=list)
    not_place_endings: list[str] = Field(default_factory=list)
    # Phrases that make a sentence recall another event ("The collision came a day after nine
    # died in Greece's Kafireas Strait"): its names tell the story decision nothing about this one.
    recalls: list[str] = Field(default_factory=list)
    # Words of a headline that tell a second event of a kind ("Arnesia, esonda anche l'Arnesco",
    # "second flood claims two lives"): with places of its own, it is not the first event's story.
    another_event: list[str] = Field(default_factory=list)
    # ... and "new" ("un nouvel incendie dans la province d'Aydın"), only before a lower-case
    # word: before a capital it opens a name (New York, Nouvelle-Calédonie, Nueva Delhi).
    new_event: list[str] = Field(default_factory=list)
    # One word before the name of an earlier event in a headline ("Polonia, dopo la Bassa Slesia
    # tocca alla Precarpazia"): the headline does not lead with what it names there.
    recalled_after: list[str] = Field(default_factory=list)
    # Words of a headline that name a news digest ("Morning Briefing:", "Der Abend im Überblick",
    # "l'essentiel de la matinée"): one article telling several stories (digests.py).
    digests: list[str] = Field(default_factory=list)
    # Nationality words, as nouns and adjectives, every form ("Italians", "italiennes",
    # "Italiener", "deutschen"): people counted by nationality are a part of the story's count
    # ("deux Italiens et une Espagnole sont toujours détenus"), never its new value.
    demonyms: list[str] = Field(default_factory=list)
    boilerplate: BoilerplateData = BoilerplateData()


class LanguageFileError(ValueError):
    """A language file that does not parse or does not fit LanguageData."""


def _load(name: str, raw: bytes) -> LanguageData:
    try:
        data = LanguageData.model_validate(tomllib.loads(raw.decode("utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError, UnicodeDecodeError) as exc:
        raise LanguageFileError(f"services/analysis/languages/{name}: {exc}") from exc
    if f"{data.code}.toml" != name:
        raise LanguageFileError(f"services/analysis/languages/{name}: code is {data.code!r}")
    unknown = set(data.figures.measures) - set(MEASURES) if data.figures else set()
    if unknown:
        raise LanguageFileError(f"services/analysis/languages/{name}: unknown measures {sorted(unknown)}")
    return data


def _load_all() -> Mapping[str, LanguageData]:
    files = sorted(
        (f for f in resources.files(__package__).iterdir() if f.name.endswith(".toml")), key=lambda f: f.name
    )
    languages = {f.name[:-5]: _load(f.name, f.read_bytes()) for f in files}
    return MappingProxyType(languages)


LANGUAGES: Final[Mapping[str, LanguageData]] = _load_all()
NOUNS_CAPITALISED: Final = frozenset(
    code for code, data in LANGUAGES.items() if data.figures is not None and data.figures.nouns_capitalised
)
"""Languages that capitalise every noun: there a capital letter does not mark a name."""
"""Every language newsmon knows anything of, by ISO 639-1 code."""

SUPPORTED: Final = tuple(code for code, data in LANGUAGES.items() if data.figures is not None)
"""The languages whose figures are read: the list every stage and the metrics use."""
MONTHS: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {code: frozenset(m.lower() for m in data.dates.months) for code, data in LANGUAGES.items()}
)
"""Per language, its month names and their abbreviations, lower-cased."""


def language(code: str) -> LanguageData | None:
    """The data of one language, or None when newsmon knows nothing of it."""
    return LANGUAGES.get(code)


def phrase_patterns(field: str) -> Mapping[str, re.Pattern[str]]:
    """Per language, one case-blind pattern of the whole phrases its data lists in `field`
    (a top-level list: "recalls", "attribution" …); languages listing none are left out."""
    return {
        code: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)", re.IGNORECASE)
        for code, data in LANGUAGES.items()
        if (phrases := getattr(data, field))
    }
