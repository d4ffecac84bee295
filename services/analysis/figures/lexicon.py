"""One language's figure vocabulary, compiled for the extraction rules.

The words live in `services/analysis/languages/<code>.toml`; this module only turns them
into what the rules in `extract.py` look up: phrase tables matched token by token (so
"lost their lives" and "s'élève" work as written), word sets, and the qualifier regexes.
Built once per language at import; nothing here knows a language by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from services.analysis.languages import LANGUAGES, FigureData, GenericPassiveData, LanguageData

TOKEN_RE: Final = re.compile(r"\w+|[^\w\s]")
APOSTROPHES: Final = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "‐": "-"})
WORKERS: Final = "_workers"  # the token a trade's group word becomes beside its trade (Lexicon.trades)

Entry = tuple[tuple[str, ...], str]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Tokenize a lexicon phrase exactly like sentence text so both compare token by token."""
    return tuple(TOKEN_RE.findall(phrase.lower().translate(APOSTROPHES)))


@dataclass(frozen=True, slots=True)
class PhraseTable:
    """Multi-word phrases indexed by first and by last token; longest match wins."""

    by_first: Mapping[str, tuple[Entry, ...]]
    by_last: Mapping[str, tuple[Entry, ...]]
    endings: Mapping[str, str] = field(default_factory=dict)  # one-word phrases that may end a compound

    @classmethod
    def build(cls, rows: Mapping[str, Sequence[str]], compounds: bool = False) -> PhraseTable:
        """``rows`` maps a label to its phrases, as written in a language file; with
        ``compounds``, a word that ends in a one-word phrase matches it ("Hitzetoten")."""
        entries = [
            (toks, label) for label, phrases in rows.items() for p in phrases if (toks := phrase_tokens(p))
        ]
        entries.sort(key=lambda e: -len(e[0]))
        first: dict[str, list[Entry]] = {}
        last: dict[str, list[Entry]] = {}
        for toks, label in entries:
            first.setdefault(toks[0], []).append((toks, label))
            last.setdefault(toks[-1], []).append((toks, label))
        endings = {toks[0]: label for toks, label in entries if len(toks) == 1 and len(toks[0]) >= 4}
        return cls(
            MappingProxyType({k: tuple(v) for k, v in first.items()}),
            MappingProxyType({k: tuple(v) for k, v in last.items()}),
            MappingProxyType(endings if compounds else {}),
        )

    def _compound(self, word: str) -> str | None:
        """The label of a one-word phrase ending ``word`` after a stem of 3+ letters."""
        for cut in range(3, len(word) - 3):
            if (label := self.endings.get(word[cut:])) is not None:
                return label
        return None

    @classmethod
    def of(cls, phrases: Iterable[str], label: str = "") -> PhraseTable:
        """A table of unlabelled phrases (only whether they match matters)."""
        return cls.build({label: list(phrases)})

    def match(self, words: Sequence[str], i: int) -> tuple[int, str] | None:
        """(token count, label) of the longest phrase starting at ``i``."""
        for toks, label in self.by_first.get(words[i], ()) if 0 <= i < len(words) else ():
            if tuple(words[i : i + len(toks)]) == toks:
                return len(toks), label
        compound = self._compound(words[i]) if self.endings and 0 <= i < len(words) else None
        return (1, compound) if compound is not None else None

    def match_ending(self, words: Sequence[str], j: int) -> tuple[int, str] | None:
        """(token count, label) of the longest phrase ending at ``j`` (inclusive)."""
        for toks, label in self.by_last.get(words[j], ()) if 0 <= j < len(words) else ():
            start = j - len(toks) + 1
            if start >= 0 and tuple(words[start : j + 1]) == toks:
                return len(toks), label
        compound = self._compound(words[j]) if self.endings and 0 <= j < len(words) else None
        return (1, compound) if compound is not None else None


def _phrase_regex(rows: Mapping[str, Sequence[str]], prefix: str, suffix: str) -> re.Pattern[str]:
    """Alternation of all phrases (longest first), whitespace-tolerant, for raw-text matching."""
    phrases = sorted({p for v in rows.values() for p in v if p}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) or "(?!)"
    return re.compile(f"{prefix}(?P<q>{body}){suffix}")


def _labels(rows: Mapping[str, Sequence[str]]) -> Mapping[str, str]:
    """phrase (normalised whitespace) -> label."""
    return MappingProxyType({" ".join(p.split()): label for label, v in rows.items() for p in v})


@dataclass(frozen=True, slots=True)
class GenericPassive:
    """'<n> <plural noun> (were|have been) <participle>' for things outside the lexicon."""

    auxiliaries: frozenset[str]
    irregular_participles: frozenset[str]
    particles: frozenset[str]
    states: tuple[str, ...]
    not_nouns: frozenset[str]
    plural_endings: tuple[str, ...]
    not_plural_endings: tuple[str, ...]
    participle_endings: tuple[str, ...]

    @classmethod
    def of(cls, data: GenericPassiveData) -> GenericPassive:
        return cls(
            frozenset(data.auxiliaries),
            frozenset(data.irregular_participles),
            frozenset(data.particles),
            tuple(data.states),
            frozenset(data.not_nouns),
            tuple(data.plural_endings),
            tuple(data.not_plural_endings),
            tuple(data.participle_endings),
        )


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the rules need for one language, compiled once at import."""

    code: str
    measures: PhraseTable
    active: PhraseTable
    tolls: PhraseTable
    count_nouns: PhraseTable
    totals: PhraseTable
    toll_verbs: frozenset[str]
    increments: PhraseTable
    increments_after: PhraseTable
    earlier: PhraseTable
    earlier_after: PhraseTable
    complement_prepositions: frozenset[str]
    aboard: PhraseTable
    among: frozenset[str]
    temporal_relatives: PhraseTable  # "when", "en el que": a clause told of a time
    relatives: frozenset[str]
    earlier_frames: PhraseTable
    current_frames: PhraseTable
    dated_openers: frozenset[str]
    corrections: PhraseTable
    total_verbs: PhraseTable
    split_verbs: tuple[tuple[str, str, str], ...]
    final_auxiliaries: frozenset[str]
    copulas: frozenset[str]
    persisting: PhraseTable
    still: PhraseTable
    clause_openers: PhraseTable  # ", dopo che …", "perché …": another clause starts
    prepositional_openers: PhraseTable  # "dopo il crollo": a phrase, not a clause
    returned: PhraseTable
    other_counts: frozenset[str]
    one_of: frozenset[str]
    participle_endings: tuple[str, ...]
    adverb_endings: tuple[str, ...]
    gerund_endings: tuple[str, ...]
    periods: PhraseTable
    forecasts: PhraseTable
    rates: PhraseTable
    tallies: PhraseTable
    horizons: PhraseTable
    subgroup_nouns: PhraseTable
    subgroup_adjectives: PhraseTable
    units: PhraseTable
    not_before: PhraseTable
    inclusion: PhraseTable
    people: frozenset[str]
    others: frozenset[str]
    partitives: PhraseTable
    part_of: PhraseTable
    not_people: PhraseTable
    things: PhraseTable
    wanted: frozenset[str]
    months: frozenset[str]
    months_capitalised: bool
    weekdays: frozenset[str]
    month_links: frozenset[str]
    year_prepositions: frozenset[str]
    links: frozenset[str]
    person_markers: frozenset[str]
    adverbs: frozenset[str]
    trades: Mapping[str, frozenset[str]]  # a group word -> the words that make it a trade's workers
    instead: re.Pattern[str] | None  # after a count, the words before the wrong count it replaces
    frees: frozenset[str]
    speech_verbs: frozenset[str]
    unfreed: PhraseTable
    group_links: PhraseTable
    function_words: frozenset[str]
    determiners: frozenset[str]
    blockers: frozenset[str]
    coordinators: frozenset[str]
    place_prepositions: PhraseTable  # "in", "en la provincia de": a place name follows
    range_openers: frozenset[str]
    range_from: frozenset[str]
    range_connectors: frozenset[str]
    range_and: frozenset[str]
    qualifier_re: re.Pattern[str]
    post_qualifier_re: re.Pattern[str]
    qualifier_labels: Mapping[str, str]
    post_qualifier_labels: Mapping[str, str]
    window: int
    postnominal: bool
    nouns_capitalised: bool
    verb_second: bool
    generic_passive: GenericPassive | None
    people_endings: tuple[str, ...] = ()  # compounds: "Hochzeitsgäste" ends in "gäste"

    def is_people(self, word: str) -> bool:
        """A head of a counted group, compounds included where the language makes them."""
        if word in self.people or word == WORKERS:
            return True
        return any(word.endswith(end) and len(word) - len(end) >= 3 for end in self.people_endings)


def _instead(phrases: Sequence[str]) -> re.Pattern[str] | None:
    """The phrases that open a replaced count, as one pattern on lower-cased text: a comma or
    a space, the phrase, and the count's first character right after."""
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p.lower()) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\s*,?\s*\b(?:{alternatives})\s+(?=\w)")


def _words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in items)


def build(data: LanguageData) -> Lexicon:
    """Compile the [figures], [dates] and [qualifiers] tables of one language file."""
    fig = data.figures or FigureData()
    before, after = data.qualifiers.before, data.qualifiers.after
    return Lexicon(
        code=data.code,
        measures=PhraseTable.build(fig.measures, compounds=fig.compound_nouns),
        active=PhraseTable.build(fig.active),
        tolls=PhraseTable.build(fig.tolls),
        count_nouns=PhraseTable.of(fig.count_nouns),
        totals=PhraseTable.of(fig.totals),
        toll_verbs=_words(fig.toll_verbs),
        increments=PhraseTable.of(fig.increments),
        increments_after=PhraseTable.of(fig.increments_after),
        earlier=PhraseTable.of(fig.earlier),
        earlier_after=PhraseTable.of(fig.earlier_after),
        complement_prepositions=_words(fig.complement_prepositions),
        aboard=PhraseTable.of(fig.aboard),
        among=_words(fig.among),
        temporal_relatives=PhraseTable.of(fig.temporal_relatives),
        relatives=_words(fig.relatives),
        earlier_frames=PhraseTable.of(fig.earlier_frames),
        current_frames=PhraseTable.of(fig.current_frames),
        dated_openers=_words(fig.dated_openers),
        corrections=PhraseTable.of(fig.corrections),
        total_verbs=PhraseTable.of(fig.total_verbs),
        final_auxiliaries=_words(fig.final_auxiliaries),
        split_verbs=tuple(
            (verb.split()[0], verb.split()[-1], label)
            for label, verbs in fig.split_verbs.items()
            for verb in verbs
        ),
        copulas=_words(fig.copulas),
        persisting=PhraseTable.of(fig.persisting),
        still=PhraseTable.of(fig.still),
        clause_openers=PhraseTable.of(data.clause_openers),
        prepositional_openers=PhraseTable.of(data.prepositional_openers),
        returned=PhraseTable.of(fig.returned),
        other_counts=_words(fig.other_counts),
        one_of=_words(fig.one_of),
        participle_endings=tuple(fig.participle_endings),
        adverb_endings=tuple(fig.adverb_endings),
        gerund_endings=tuple(fig.gerund_endings),
        periods=PhraseTable.of(fig.periods),
        forecasts=PhraseTable.of(fig.forecasts),
        rates=PhraseTable.of(fig.rates),
        tallies=PhraseTable.of(fig.tallies),
        horizons=PhraseTable.of(fig.horizons),
        subgroup_nouns=PhraseTable.build(fig.subgroup_nouns),
        subgroup_adjectives=PhraseTable.build(fig.subgroup_adjectives),
        units=PhraseTable.build(fig.units),
        not_before=PhraseTable.build(fig.not_before),
        inclusion=PhraseTable.of(fig.inclusion),
        people=_words(fig.people),
        others=_words(fig.others),
        partitives=PhraseTable.of(fig.partitives),
        part_of=PhraseTable.of(fig.part_of),
        not_people=PhraseTable.of(fig.not_people),
        things=PhraseTable.build({"": fig.things}, compounds=fig.compound_nouns),  # "Nachbargebäuden"
        wanted=_words(fig.wanted),
        months=_words(data.dates.months),
        months_capitalised=data.dates.months_capitalised,
        weekdays=_words(data.dates.weekdays),
        month_links=_words(data.dates.month_links),
        year_prepositions=_words(data.dates.year_prepositions),
        links=_words(fig.links),
        person_markers=_words(fig.person_markers),
        adverbs=_words(fig.adverbs),
        trades={word.lower(): _words(context) for word, context in fig.trades.items()},
        instead=_instead(fig.instead),
        frees=_words(fig.frees),
        speech_verbs=_words(fig.speech_verbs),
        unfreed=PhraseTable.of(fig.unfreed),
        group_links=PhraseTable.of(fig.group_links),
        function_words=_words(fig.function_words),
        determiners=_words(fig.determiners),
        blockers=_words(fig.blockers),
        place_prepositions=PhraseTable.of(data.place_prepositions),
        coordinators=_words(fig.coordinators),
        range_openers=_words(fig.range_openers),
        range_from=_words(fig.range_from),
        range_connectors=_words(fig.range_connectors),
        range_and=_words(fig.range_and),
        qualifier_re=_phrase_regex(before, r"(?<!\w)", r"\s*$"),
        post_qualifier_re=_phrase_regex(after, r"\s*", r"(?!\w)"),
        qualifier_labels=_labels(before),
        post_qualifier_labels=_labels(after),
        window=fig.clause_window,
        postnominal=fig.adjectives_follow_noun,
        nouns_capitalised=fig.nouns_capitalised,
        verb_second=fig.verb_second,
        generic_passive=GenericPassive.of(fig.generic_passive) if fig.generic_passive else None,
        people_endings=tuple(w for w in _words(fig.people) if len(w) >= 4) if fig.compound_nouns else (),
    )


LEXICONS: Final[Mapping[str, Lexicon]] = MappingProxyType(
    {code: build(data) for code, data in LANGUAGES.items() if data.figures is not None}
)
"""The compiled lexicon of every language whose figures are read."""
