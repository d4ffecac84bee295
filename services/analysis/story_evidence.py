"""Named evidence for the story decision: whom and where an article is about, against a story.

The similarity model scores pairs of articles, and it learned from SemEval pairs, which rarely
hold two different events of one kind: two floods on the same day in two countries read alike
to it (same words, same figures of speech), and it would put them in one story.  What tells
them apart is what the words do not: the named places, people and codes ("A93", "MH17").  The
index keeps what each live story's articles name; a similar article is then

* *linked* to a story when a name or code of either side's headline occurs in the other, or
  when they name a place in common.  Only what no other live story names counts (weekdays and
  agencies are named by many stories and tell none apart), and a place links only where no
  finer place contradicts (sharing Italy links nothing when one names Liguria, the other Sicily);
* *in conflict* with it when, at some level (towns and other local names, regions,
  countries), both name places and none of the story's main places is shared.

A conflict without a link keeps the article out of the story, however alike the words; among
similar stories, the index prefers one that the names link to (story_index._best_story).  A
story's places are weighed over its articles: a place named by fewer than half as many of
them as the story's most named place of its level is a passing mention ("a day after the
floods in Italy" in a story about Spain), which neither makes an article agree with the story
nor, for a country or region, links to it.

Names are compared whole, folded (no accents, no case) and without their last vowels, so that
"Castelmora" and "Castellón" differ while "Milano" and "Milan" do not.  Countries and regions
change their names between languages, so they are read with the gazetteer (gazetteer.py) as
one key per place ("Espagne", "Spanien" -> ES; "Ligurien" -> IT-42, inside IT), in the whole
lead, not only after a preposition ("Espagne : quatre morts", "im Osten Spaniens").

Where every noun is capitalised (German), a capitalised word may be a common noun
("Unwetter", "Nacht", "Hinterland"): such words are kept apart and count only when the other
side has them as sure names (a story's English article named "Kressbach", a German article
says "in Kressbach").  Two German texts are linked by countries, regions and codes alone.

A place that the languages name differently ("Anvers", "Amberes", "Antwerp") is read as its
own name (gazetteer.local_name, data/exonyms.toml).  A lead sentence after the opening that
recalls another event ("The collision came a day after nine died in Greece's Kafireas
Strait", "Einen Tag zuvor …", each language file's `recalls`) names that event, not this
one: its names enter neither the article's identity nor the story's.

Event time weighs in apart (SemEval has no dates to fit it on): a story quiet for longer than
`AnalysisConfig.stale_story_hours` is joined only with a link, since a similar article a day
later that names nothing of the story is more likely a new event of the same kind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from itertools import chain, islice
from typing import Final

from services.analysis import gazetteer
from services.analysis.digests import is_digest
from services.analysis.figures.lexicon import APOSTROPHES, LEXICONS, TOKEN_RE, phrase_tokens
from services.analysis.languages import LANGUAGES, NOUNS_CAPITALISED, phrase_patterns
from services.analysis.places import CALENDAR, names_no_place, nouns_before_names, place_name, place_tokens
from services.analysis.prepare import PreparedArticle
from services.analysis.similarity import lead_of

MAX_PLACE_OWNERS = 32  # stories looked at for a place named elsewhere (the oldest first)
ELSEWHERE_ARTICLES = 2  # a place another story names this often is its own (one mention may be a recall)
OWNED_ARTICLES = 2  # a story names a mark surely once this many of its articles name it
MAX_STORY_NAMES = 5_000  # per set and story: memory stays bounded however long a story runs
_CODE = re.compile(r"(?<!\w)(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]{2,}(?!\w)")  # letters and digits
_LAST_VOWELS = re.compile(r"[aeiouy]+$")
LOCAL, REGION, COUNTRY = 0, 1, 2  # levels of a place, finest first
_OPENING: Final = 2  # the headline and the first sentence: what the article is about


# A lead sentence that recalls another event ("… came a day after nine people died in Greece's
# Kafireas Strait") names that event: its names would link the article to the wrong story.
_RECALLS = phrase_patterns("recalls")
# A town set before the lead by a dash, with or without an agency's tag: "Hattenbrück – Nach
# der …", "Hattenbrück (DNA) - Bei einer …".
_DATELINE: Final = re.compile(r"^(\w[\w.'-]*(?: \w[\w.'-]*){0,2}) (?:\([^()]{1,30}\) ?)?[–—-] ")
# A wire's dateline, dated or tagged: "MODENA, 3 OTT –", "Sevilla, 21 nov (AIN) –", "ROME, Aug 8
# (Meridian) -", "AVILES, Spain, May 13 (CP) -", "Niamey (ACP) -".
_WIRE_DATELINE: Final = re.compile(
    r"^([^\W\d_][\w.'-]*(?: [^\W\d_][\w.'-]*){0,2})(?: \([^()]{1,30}\))?"
    r"(?:, [^\W\d_][\w.'-]*(?: [^\W\d_][\w.'-]*)?(?=, \S+ \S))?"  # "AVILES, Spain, May 13"
    r"(?:(?:, (?:\d{1,2}\.? [^\W\d_]{3,10}\.?|[^\W\d_]{3,10}\.? \d{1,2})(?:,? \d{4})?)(?: \([^()]{1,30}\))?"
    r"|(?: \([^()]{1,30}\)))\s?[–—-] "
)
# A headline that tells a second event of a kind ("esonda anche l'Arnesco").
_ANOTHER = phrase_patterns("another_event")
_NEW = phrase_patterns("new_event")
# Words before an earlier event's name in a headline ("dopo la Bassa Slesia").
_RECALLED_AFTER = {code: frozenset(data.recalled_after) for code, data in LANGUAGES.items()}


class Verdict(IntEnum):
    """What the names say of an article joining a story."""

    REFUSED = 0  # places conflict (or the story is stale), and nothing links them
    ALLOWED = 1  # nothing against it, nothing for it
    CONTESTED = 2  # linked, but its places conflict too: maybe a passing mention of this story
    LINKED = 3  # a name, code or place that only this story names, and no conflict


@dataclass(frozen=True, slots=True)
class Identity:
    """What an article names, from its lead."""

    names: frozenset[str]  # names read where only names are capitalised, and codes
    nouns: frozenset[str]  # capitalised words where every noun is: names only if the other side agrees
    headline: frozenset[str]  # the title's names (but its first word) and codes, of either kind
    places: frozenset[str]  # places after a preposition (as names), countries and regions (ISO keys)
    noun_places: frozenset[str] = frozenset()  # after a preposition, where every noun is capitalised
    headline_places: frozenset[str] = frozenset()  # the sure places of the headline (or first sentence)
    headline_words: frozenset[str] = frozenset()  # its capitalised words, the first one too
    opening: frozenset[str] | None = None  # all the headline and first sentence name; None: not read
    another: bool = False  # the headline tells a second event of a kind ("a second flood")
    headline_order: tuple[str, ...] = ()  # the headline's names and gazetteer keys, in its order
    digest: bool = False  # a digest of several stories (digests.py): it joins the one it leads with
    first_item: tuple[str, ...] = ()  # a digest's first sentence that names anything, in its order
    first_listed: tuple[str, ...] = ()  # what a digest headline's first listed item names, in its order
    fresh: bool = False  # the headline tells a new event of a kind ("un nouvel incendie")


@dataclass(slots=True)
class _Reading:
    """One sentence's names, local places and gazetteer keys."""

    names: list[str]
    places: list[str]
    keys: list[str]


def name_key(word: str, language: str = "") -> str:
    """How names compare: folded, without their last vowels ("Milano" = "Milan"), whole
    otherwise ("Castelmora" is not "Castellón"); short names keep their vowels.  A place
    other languages name otherwise is read as its own name ("Anvers", "Amberes" -> Antwerpen)."""
    folded = gazetteer.local_name(gazetteer.fold_word(word), language)
    stem = _LAST_VOWELS.sub("", folded)
    return stem if len(stem) >= 3 else folded


def level(place: str) -> int:
    """LOCAL for a name, REGION or COUNTRY for a gazetteer key."""
    if gazetteer.is_country(place):
        return COUNTRY
    return REGION if gazetteer.is_region(place) else LOCAL


def read(text: str, language: str) -> _Reading:
    """Names (capitalised words but the sentence's first), places after a preposition, and
    the countries and regions the sentence names (their words are neither names nor places)."""
    matches = list(TOKEN_RE.finditer(text))
    tokens = [m.group() for m in matches]
    spans = gazetteer.find(tokens, [gazetteer.fold_word(t) for t in tokens], language)
    taken = {k for start, end, _ in spans for k in range(start, end)}
    keys = [key for _, _, key in spans]
    keys += [gazetteer.country_of(key) for key in keys if level(key) == REGION]
    words = [t.lower().translate(APOSTROPHES) for t in tokens]
    calendar = CALENDAR.get(language, frozenset())
    taken |= _counted_words(words, language) | nouns_before_names(matches, words, language)
    taken |= {k for k, w in enumerate(words) if names_no_place(w, language) or w in calendar}
    places = [
        name_key(place_name(matches, k), language)
        for k in place_tokens(matches, words, language)
        if k not in taken
    ]
    first = next((k for k, t in enumerate(tokens) if t[:1].isalpha()), -1)
    names = [
        name_key(t, language)
        for k, t in enumerate(tokens)
        if k != first and k not in taken and t[:1].isupper() and t.isalpha() and len(t) >= 3
    ]
    return _Reading(names, [p for p in places if len(p) >= 3], keys)


def recall_at(text: str, language: str) -> int | None:
    """Where the sentence starts recalling another event ("… a day after the levee broke at
    San Vito"), or None."""
    pattern = _RECALLS.get(language)
    found = pattern.search(text) if pattern is not None else None
    return found.start() if found is not None else None


def _dateline_town(
    article: PreparedArticle, language: str, dateline: re.Pattern[str] = _DATELINE
) -> frozenset[str]:
    """The town of the lead's dateline: where a regional paper's report says it happened
    when its text names the town nowhere else ("Hattenbrück – Nach der Vergiftung …"); with
    `_WIRE_DATELINE`, a wire's dated or tagged one ("MODENA, 3 OTT – …"), most often the
    event's town, a guess like a German capitalised noun's."""
    lead = next((s.text for s in article.sentences if not s.heading), "")
    found = dateline.match(lead)
    if found is None or not found.group(1)[:1].isupper():
        return frozenset()
    return frozenset({name_key(found.group(1).split()[0], language)})


def _tells_another(
    headline: str, language: str, words: Mapping[str, re.Pattern[str]] = _ANOTHER, lower: bool = False
) -> bool:
    """The headline tells a second event of its kind ("esonda anche l'Arnesco", "un nouvel
    incendie dans la province d'Aydın": `words` of the language), not a second victim or a new
    toll of this one: before a counted noun or a toll the word counts ("Second death in …",
    "zweites Todesopfer", "un altro morto", "nouveau bilan").  With `lower`, only a word a
    lower-case word follows ("un nouvel incendie", not "Nouvelle-Calédonie")."""
    lex = LEXICONS.get(language)
    pattern = words.get(language)
    for match in pattern.finditer(headline) if pattern else ():
        if lower and not headline[match.end() :].lstrip()[:1].islower():
            continue
        after = phrase_tokens(headline[match.end() :])
        if lex is None or not after:
            return True
        if lex.measures.match(after, 0) is None and lex.tolls.match(after, 0) is None:
            return True
    return False


def _counted_words(words: list[str], language: str) -> set[int]:
    """Positions of the words a toll is told in ("Tote", "Verletzte", "Menschen",
    "Polizisten", "Zahl der …", "Bilanz"): German capitalises them, but every story of its kind
    has them, so they name nothing (two German headlines with "Zahl der Toten" are not one story)."""
    lex = LEXICONS.get(language)
    if lex is None or language not in NOUNS_CAPITALISED:
        return set()
    return {
        k
        for k, word in enumerate(words)
        if lex.is_people(word)
        or lex.measures.match([word], 0)
        or lex.subgroup_nouns.match([word], 0)
        or lex.count_nouns.match(words, k)
        or lex.tolls.match(words, k)
    }


def _in_order(text: str, language: str) -> tuple[str, ...]:
    """The names and the countries and regions `text` names, in the order it names them: a
    report of two events leads with the one it names first."""
    return tuple(key for key, recalled in _named_in_order(text, language) if not recalled)


def _recalled_in(text: str, language: str) -> frozenset[str]:
    """What `text` names only as an earlier event ("a day after deadly Łódź blast")."""
    found = _named_in_order(text, language)
    told = {key for key, recalled in found if not recalled}
    return frozenset(key for key, recalled in found if recalled) - told


def _recalled_clauses(text: str, language: str) -> frozenset[str]:
    """What an opening names only in a later clause, after a semicolon, that recalls another
    event ("…; a separate boat capsized off Crete on the same morning"): the opening is about
    its first clause."""
    recalls = _RECALLS.get(language)
    clauses = text.split(";")
    if recalls is None or len(clauses) < 2:
        return frozenset()
    recalled = [c for c in clauses[1:] if recalls.search(c)]
    if not recalled:
        return frozenset()
    told = set().union(*(keys(c, language) for c in clauses if c not in recalled))
    return frozenset(set().union(*(keys(c, language) for c in recalled)) - told)


def _named_in_order(text: str, language: str) -> list[tuple[str, bool]]:
    """Each name and gazetteer key of `text` in order, and whether an earlier event's word
    leads to it (`_recalled`)."""
    matches = list(TOKEN_RE.finditer(text))
    tokens = [m.group() for m in matches]
    spans = gazetteer.find(tokens, [gazetteer.fold_word(t) for t in tokens], language)
    found = [(start, key) for start, _, key in spans]
    taken = {k for start, end, _ in spans for k in range(start, end)}
    taken |= nouns_before_names(matches, [t.lower().translate(APOSTROPHES) for t in tokens], language)
    calendar = CALENDAR.get(language, frozenset())
    found += [
        (k, name_key(t, language))
        for k, t in enumerate(tokens)
        if k not in taken and t[:1].isupper() and t.isalpha() and len(t) >= 3 and t.lower() not in calendar
    ]
    return [(key, _recalled(tokens, k, language)) for k, key in sorted(found)]


def _recalled(tokens: list[str], k: int, language: str) -> bool:
    """The name at `k` follows a word that recalls an earlier event ("dopo la Bassa Slesia",
    "after Lower Silesia"), its article between them allowed, or one lower-case word after a
    phrase that dates the other event ("a day after deadly Łódź blast")."""
    after = _RECALLED_AFTER.get(language, frozenset[str]())
    lex = LEXICONS.get(language)
    j = k - 1
    if j >= 0 and lex is not None and tokens[j].lower() in lex.determiners:
        j -= 1
    if j >= 0 and tokens[j].lower() in after:
        return True
    if not (j >= 1 and tokens[j].isalpha() and tokens[j].islower() and tokens[j - 1].lower() in after):
        return False
    # an adjective between only after a phrase that dates another event: "a day after deadly
    # Łódź blast", not "stocks slide after surprise SNB rate hike"
    recalls = _RECALLS.get(language)
    phrase = " ".join(tokens[max(0, j - 4) : j])
    return recalls is not None and any(m.end() == len(phrase) for m in recalls.finditer(phrase))


def keys(text: str, language: str) -> frozenset[str]:
    """Every name, place and gazetteer key of `text`, as the story names compare them."""
    reading = read(text, language)
    return frozenset(reading.names) | frozenset(reading.places) | frozenset(reading.keys)


def identity_of(article: PreparedArticle) -> Identity:
    """The article's identity, from the sentences of its lead (similarity.lead_of)."""
    texts = [sentence.text for sentence in article.sentences[: lead_of(article).count]]
    readings = [read(text, article.language) for text in texts]
    if readings and (recalled := _recalled_in(texts[0], article.language)):
        # "Gas explosion hits Brno …, a day after deadly Łódź blast": the headline recalls Łódź
        head = readings[0]
        readings[0] = _Reading(
            [n for n in head.names if n not in recalled],
            [p for p in head.places if p not in recalled],
            [k for k in head.keys if k not in recalled],
        )
    recalls = _RECALLS.get(article.language)
    for k in range(min(_OPENING, len(texts))):
        if dropped := _recalled_clauses(texts[k], article.language):
            # "Key events: 86 set off from Sfax; a separate boat capsized off Crete"
            r = readings[k]
            readings[k] = _Reading(
                [n for n in r.names if n not in dropped],
                [p for p in r.places if p not in dropped],
                [x for x in r.keys if x not in dropped],
            )
    kept = [k for k, text in enumerate(texts) if k < _OPENING or recalls is None or not recalls.search(text)]
    names = frozenset(n for k in kept for n in readings[k].names)
    local = frozenset(p for k in kept for p in readings[k].places)
    keys = frozenset(k for i in kept for k in readings[i].keys)
    codes = _codes([texts[k] for k in kept])
    headline = frozenset(readings[0].names) | _codes(texts[:1]) if readings else frozenset()
    top = frozenset(readings[0].keys) if readings else frozenset()
    title = texts[0] if texts and article.title_given else ""
    another = _tells_another(title, article.language)
    fresh = _tells_another(title, article.language, _NEW, lower=True)
    capitalised = [w for w in TOKEN_RE.findall(texts[0]) if w[:1].isupper()] if texts else []
    if fresh:  # "Turquie : un nouvel incendie …": the country names every event there
        capitalised = [w for w in capitalised if not _names_a_country(w, article.language)]
    words = frozenset(name_key(w, article.language) for w in capitalised)
    opening = words | frozenset(k for r in readings[:_OPENING] for k in (*r.names, *r.places, *r.keys))
    order = _in_order(texts[0], article.language) if texts else ()
    digest = is_digest(article.article.title or "", article.article.body, article.language)
    item = _first_item(article) if digest else ()
    listed = _in_order(_first_listed(texts[0]), article.language) if digest and texts else ()
    told = (words, opening, another, order, digest, item, listed, fresh)  # the fields after the places
    if article.language in NOUNS_CAPITALISED:
        local |= _dateline_town(article, article.language)  # where every noun is capitalised, a guess too
        return Identity(codes, names, headline, keys, local, top, *told)
    own = frozenset(readings[0].places) if readings else frozenset()
    placed = any(level(p) == LOCAL for p in local)
    return Identity(
        names | codes,
        frozenset(),
        headline,
        local | keys,
        # a wire's dateline only where the lead names no town: a bureau's "MILAN, 13 oct" over a
        # flood in Valsorda would link it to any story filed from Milan
        frozenset() if placed else _dateline_town(article, article.language, _WIRE_DATELINE),
        top | own,
        *told,
    )


def _names_a_country(word: str, language: str) -> bool:
    found = read(word, language).keys
    return bool(found) and all(gazetteer.is_country(k) for k in found)


def _first_listed(headline: str) -> str:
    """A digest headline's first item: after its name, up to the first comma ("Morning Briefing:
    Cruise outbreak spreads, Tanzania school fire" -> "Cruise outbreak spreads")."""
    listed = headline.split(":", 1)[-1]
    return listed.replace(";", ",").split(",", 1)[0]


def _first_item(article: PreparedArticle) -> tuple[str, ...]:
    """What a digest's first item names, in order: its first sentence after the headline that
    names anything ("Austria dam breach. …" after "Good morning.")."""
    for sentence in article.sentences[1:]:
        if named := _in_order(sentence.text, article.language):
            return named
    return ()


@dataclass(slots=True)
class _Named:
    """What one story's articles name (it only grows, up to MAX_STORY_NAMES per set)."""

    names: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)
    headline: set[str] = field(default_factory=set)
    marks: set[str] = field(default_factory=set)  # names and nouns: what the story counts as naming
    mark_articles: Counter[str] = field(default_factory=Counter)  # mark -> articles naming it
    owned: set[str] = field(default_factory=set)  # marks it names surely (OWNED_ARTICLES)
    places: Counter[str] = field(default_factory=Counter)  # sure place -> articles naming it
    noun_places: Counter[str] = field(default_factory=Counter)
    top: list[int] = field(default_factory=lambda: [0, 0, 0])  # per level: the most articles naming one place
    levels: set[int] = field(default_factory=set)  # levels at which the story names sure places

    def add_places(self, sure: frozenset[str], unsure: frozenset[str]) -> set[str]:
        """Count an article's places; returns those the story had not named."""
        new = {p for p in sure | unsure if p not in self.places and p not in self.noun_places}
        for counts, more in ((self.places, sure), (self.noun_places, unsure)):
            for place in more:
                if place in counts or len(counts) < MAX_STORY_NAMES:
                    counts[place] += 1
                    self.top[level(place)] = max(self.top[level(place)], self.articles_naming(place))
        self.levels.update(level(p) for p in sure)
        return {p for p in new if p in self.places or p in self.noun_places}

    def articles_naming(self, place: str) -> int:
        return self.places[place] + self.noun_places[place]

    def is_about(self, key: str) -> bool:
        """A main place of the story or a name of its headlines (not a passing mention)."""
        return (key in self.places and self.is_main(key)) or key in self.headline

    def is_main(self, place: str) -> bool:
        """Named by at least half as many of the story's articles as its most named place of
        that level: what the story is about, not a passing mention ("a day after the floods
        in Italy" in a story about Spain)."""
        return 2 * self.articles_naming(place) >= self.top[level(place)]


class StoryNames:
    """What every live story names, and how many stories name each mark and place."""

    def __init__(self) -> None:
        self._stories: dict[str, _Named] = {}
        self._marks: Counter[str] = Counter()
        self._owned: Counter[str] = Counter()  # mark -> stories naming it surely (_Named.owned)
        self._places: Counter[str] = Counter()
        self._placed: dict[str, dict[str, None]] = {}  # place -> the stories naming it, oldest first

    def add(self, story_id: str, identity: Identity, copy: bool = False) -> None:
        """An article of `story_id` (its first one starts the story's entry); a copy names
        nothing surely a second time."""
        story = self._stories.setdefault(story_id, _Named())
        if identity.digest:
            return  # its names are several stories': none is surely this one's
        marks = identity.names | identity.nouns
        self._marks.update(_grow(story.marks, marks))
        if not copy:  # a town is named as a place too ("… nel porto di Genova")
            self._owned.update(_owned_now(story, marks | identity.places | identity.noun_places))
        new_places = story.add_places(identity.places, identity.noun_places)
        self._places.update(new_places)
        for place in new_places:
            self._placed.setdefault(place, {})[story_id] = None
        _grow(story.names, identity.names)
        _grow(story.nouns, identity.nouns)
        _grow(story.headline, identity.headline)

    def drop(self, story_id: str) -> None:
        """The story left the window: its names no longer count."""
        story = self._stories.pop(story_id, None)
        if story is not None:
            _forget(self._marks, story.marks)
            _forget(self._owned, story.owned)
            _forget(self._places, set(story.places) | set(story.noun_places))
            for place in set(story.places) | set(story.noun_places):
                owners = self._placed.get(place, {})
                owners.pop(story_id, None)
                if not owners:
                    self._placed.pop(place, None)

    def verdict(self, identity: Identity, story_id: str, stale: bool) -> Verdict:
        """What the names say of a similar article joining the story: a link allows it
        (LINKED, or CONTESTED when its places also conflict: "an explosion in Gelsenkirchen, a
        day after the one in Saint-Étienne" links to both blasts); without one, a conflict of
        places, or a story quiet for too long (`stale`), refuses it.  Guessed evidence (German
        capitalised words) weighs only against guessed evidence: it can neither link across a
        conflict of sure places nor make one."""
        story = self._stories[story_id]
        shared = _shared(identity.places, identity.noun_places, story.places, story.noun_places)
        conflicts = _conflicts(identity, story, {p for p in shared if story.is_main(p)})
        headline = _headline_conflicts(identity, story)
        conflicts |= headline
        if self._linked(identity, story, shared, _headline_country_elsewhere(identity, story)):
            if conflicts and _opening_elsewhere(identity, story, bool(headline)):
                return Verdict.REFUSED  # the lead recalls the story after an opening about another place
            if headline and (identity.another or identity.fresh):
                return Verdict.REFUSED  # "Arnesia, esonda anche l'Arnesco": a second event, elsewhere
            return Verdict.CONTESTED if conflicts else Verdict.LINKED
        # a guessed place the story names surely is a name after all ("im Kurort Castelverde"
        # after "a Castelverde Terme"): the other side agrees
        guessed_shared = {p for p in identity.noun_places if p in story.noun_places or p in story.names}
        if not conflicts and self._guessed_link(identity, story, guessed_shared):
            return Verdict.LINKED
        guessed_conflict = not (shared or guessed_shared) and _guessed_places_differ(identity, story)
        return Verdict.REFUSED if stale or conflicts or guessed_conflict else Verdict.ALLOWED

    def elsewhere(self, story_id: str, named: Iterable[str]) -> frozenset[str]:
        """Of the places and names `named` (an article's figure sentences, keys()), those
        that are a main place of another live story and not of this one: "in the
        Peloponnese, where four died" in an article about Crete is the other fire's toll,
        not news of this one.  Only sure places count: a guessed one (a German noun after a
        preposition, "von vier Toten") would hide every count that names it."""
        story = self._stories.get(story_id)
        if story is None:
            return frozenset()
        found = set()
        for key in named:
            if story.articles_naming(key) and story.is_main(key):
                continue
            if level(key) != LOCAL and not any(story.top):
                continue  # a story that names no place yet cannot tell its country from another's
            if self._main_elsewhere(key, story_id, sure=True):
                found.add(key)
        return frozenset(found)

    def own(self, story_id: str, named: Iterable[str]) -> frozenset[str]:
        """Of `named`, the sure main places of the story that no other live story has as a
        main place: a count said of one of them is the story's own, even when its sentence
        names another story's place too ("Police in the Spanish city of Castrovel arrested
        19", while Spain is the main country of a boat disaster with Spanish victims)."""
        story = self._stories.get(story_id)
        if story is None:
            return frozenset()
        return frozenset(
            key
            for key in named
            if key in story.places and story.is_main(key) and not self._named_elsewhere(key, story_id)
        )

    def _named_elsewhere(self, key: str, story_id: str) -> bool:
        """Whether another live story names `key` at all: twin events recall each other's
        places ("Ieri … sette morti nella stazione delle Arcelles, in Savoia"), so a place both
        name is no evidence of whose count a sentence states."""
        return any(t != story_id for t in islice(self._placed.get(key, ()), MAX_PLACE_OWNERS))

    def _main_elsewhere(self, key: str, story_id: str, sure: bool = False) -> bool:
        """Whether another live story has `key` as a main place (`sure`: named as a sure place
        in ELSEWHERE_ARTICLES of its articles, or in one and in a headline)."""
        others = (t for t in islice(self._placed.get(key, ()), MAX_PLACE_OWNERS) if t != story_id)
        return any(
            (not sure or key in self._stories[t].places)
            and self._stories[t].is_main(key)
            and (
                not sure
                or self._stories[t].articles_naming(key) >= ELSEWHERE_ARTICLES
                or key in self._stories[t].headline
            )
            for t in others
        )

    def headline_names(self, identity: Identity, story_id: str) -> bool:
        """The article's headline names a local place the story has as a sure main place in
        ELSEWHERE_ARTICLES articles or more: one mention may be a roundup's or a recall's."""
        story = self._stories[story_id]
        named = (w for w in identity.headline_words | identity.headline_places if level(w) == LOCAL)
        return any(story.places[w] >= ELSEWHERE_ARTICLES and story.is_main(w) for w in named)

    def led_by(self, identity: Identity, story_ids: list[str]) -> str | None:
        """Of stories an article names both of (a report of two fires side by side), the one
        whose own name or place its headline names first: the story it leads with.  None when
        the headline names none of them apart.  A digest's headline may lead with a company
        or a body ("Warnstreiks bei Kronwerk"): any name the story's articles used counts too,
        unless the others used it as well."""
        listed = identity.digest and self._names_any(identity, identity.first_listed)
        # a digest's headline opens with its own name ("Evening Briefing: Indonesia ferry …"):
        # its first listed item, where it names a story, is what it leads with
        order = identity.first_listed if listed else identity.headline_order
        lead = self._first_named(identity, order, story_ids)
        if identity.digest and identity.first_item and not listed:
            # the headline's first item names no story ("Cruise outbreak spreads, Tanzania school
            # fire"): the body's first item tells which one it leads with
            return self._first_named(identity, identity.first_item, story_ids) or lead
        if lead is None and identity.digest and not self._names_any(identity, identity.headline_order):
            return self._first_named(identity, identity.first_item, story_ids)  # "Morning Briefing"
        return lead

    def _first_named(self, identity: Identity, order: tuple[str, ...], story_ids: list[str]) -> str | None:
        """Of `story_ids`, the one a key of `order` names first and alone (see `led_by`)."""
        first: dict[str, int] = {}
        for story_id in story_ids:
            story = self._stories[story_id]
            others = [self._stories[t] for t in story_ids if t != story_id]
            for position, key in enumerate(order):
                if not _about(story, key, identity.digest):
                    continue  # what the story is about, not any name its articles used (a digest: any)
                if any(_about(other, key, identity.digest) for other in others):
                    continue  # both stories' word ("France"): it tells them apart nowhere
                first[story_id] = position
                break
        return min(first, key=first.__getitem__) if first else None

    def _names_any(self, identity: Identity, order: tuple[str, ...]) -> bool:
        """Whether a key of `order` is what any live story is about (or names, for a digest):
        a digest whose headline leads with a story no candidate is ("Le point du matin :
        Kovačič cherche une majorité") is not read by its items."""
        return any(_about(story, key, identity.digest) for story in self._stories.values() for key in order)

    def may_join(self, identity: Identity, story_id: str, stale: bool) -> bool:
        """Whether a similar article may join the story (the verdict is not REFUSED)."""
        return self.verdict(identity, story_id, stale) is not Verdict.REFUSED

    def _linked(self, identity: Identity, story: _Named, shared: set[str], abroad: bool = False) -> bool:
        """Positive evidence, from what only this story names: a headline's name or code found
        on the other side, or a town or other local place (countries and regions are too
        large to link: they only agree or disagree).  A headline in another country (`abroad`)
        is linked by places only: a river or a body both countries' reports name ("Serbie : la
        Save déborde" after floods on the Sava in Bosnia) is no town of the story."""
        if any(self._places[p] <= 1 and level(p) == LOCAL for p in shared):
            return True
        if any(self._named_only_by(story, p) for p in self._place_named(identity, story)):
            return True
        if abroad:
            return False
        marks = _shared(identity.names, identity.nouns, story.names, story.nouns)
        return self._in_a_headline(identity, story, marks)

    @staticmethod
    def _place_named(identity: Identity, story: _Named) -> set[str]:
        """Towns one side names as a place and the other as a name, not after a preposition
        ("Kalodendri" in "il villaggio di Kalodendri"): one of the story's main places, or
        a sure place of the article the story names."""
        theirs = {p for p in identity.names | identity.nouns if p in story.places and story.is_main(p)}
        mine = {p for p in identity.places if p in story.names or p in story.nouns}
        return {p for p in theirs | mine if level(p) == LOCAL}

    def _named_only_by(self, story: _Named, word: str) -> bool:
        """No other live story names `word`, as a place or as a name, or none other names it
        surely (`_owned_now`) and this one does."""
        own = (word in story.places or word in story.noun_places) + (word in story.marks)
        return self._places[word] + self._marks[word] - own == 0 or self._owns(story, word)

    def _owns(self, story: _Named, word: str) -> bool:
        """The story names `word` surely and no other live story does."""
        return word in story.owned and self._owned[word] <= 1

    def _guessed_link(self, identity: Identity, story: _Named, guessed_places: set[str]) -> bool:
        """The same, from guesses on both sides: two German texts naming "Brenzfeld" in the
        article's opening (further down, "das Auswärtige Amt in Berlin" names a capital's
        ministry, which a report of any event abroad may name)."""
        opening = identity.opening
        if any(self._places[p] <= 1 and (opening is None or p in opening) for p in guessed_places):
            return True
        shared = {m for m in identity.nouns if m in story.nouns}
        return self._in_a_headline(identity, story, shared, both=True)

    def _in_a_headline(self, identity: Identity, story: _Named, marks: set[str], both: bool = False) -> bool:
        """A mark only this story has, in a headline; guessed marks in both headlines, since a
        German headline's capitalised words are mostly common nouns ("Tornado in Bayern" after
        "Tornado in der Lombardei" names the same kind of event, not the same one)."""
        return any(
            (self._marks[m] <= 1 or self._owns(story, m))
            and (
                (m in identity.headline and m in story.headline)
                if both
                else (m in identity.headline or m in story.headline)
            )
            for m in marks
        )


def _shared(
    sure: Iterable[str], unsure: Iterable[str], their_sure: Container[str], their_unsure: Container[str]
) -> set[str]:
    """What both sides name, and at least one of them surely as a name (the other side is
    looked up, so it may be a story's large set)."""
    return {p for p in sure if p in their_sure or p in their_unsure} | {p for p in unsure if p in their_sure}


def _conflicts(identity: Identity, story: _Named, shared: set[str]) -> set[int]:
    """The levels at which both name sure places and none of the story's main places is
    shared: another place, so maybe another event (a region implies its country, so
    Liguria and Italy do not conflict).  Where both have two or more of the same countries as
    main places, the event spans them (a heatwave over the Balkans), and towns differ from one
    report to the next without telling another event."""
    mine = {level(p) for p in identity.places}
    conflicts = (mine & story.levels) - {level(p) for p in shared}
    if sum(level(p) == COUNTRY for p in shared) >= 2:
        conflicts.discard(LOCAL)
    return conflicts


def _headline_conflicts(identity: Identity, story: _Named) -> set[int]:
    """The levels at which the headline names its own places and the story others, when the
    headline names nothing of the story's: "Tornado verwüstet Ort in Bayern" is not the Lombardy
    tornado, though its third paragraph recalls "den Tornado in der Lombardei".  A headline
    telling a new event of the kind ("un nouvel incendie … dans la province d'Aydın") names
    the story by its country no more than by a region: a follow-up naming a new town of the
    country ("vittime anche a Khulna") still does."""
    fresh = identity.fresh
    mine = set(identity.headline_places)
    # a region names a part of its country: the country is every story's there
    if any(level(p) == REGION or (fresh and level(p) != COUNTRY) for p in mine):
        mine = {p for p in mine if level(p) != COUNTRY}
    named = any(w in story.places or w in story.names for w in identity.headline_words)
    if not mine or named or any(p in story.places for p in mine):
        return set()  # the headline names the story too: "Tarvello: a day after the floods in Lomara"
    return {level(p) for p in mine} & story.levels


def _headline_country_elsewhere(identity: Identity, story: _Named) -> bool:
    """The headline names a country the story never named, and none of the story's places,
    while the story names countries of its own, and the lead names a town the story does not."""
    countries = {p for p in identity.headline_places if level(p) == COUNTRY}
    if (
        not countries
        or COUNTRY not in story.levels
        or any(p in story.places for p in identity.headline_places)
    ):
        return False
    if any(w in story.places for w in identity.headline_words):
        return False
    # and its lead a town of its own: an event there, not a product or a strike crossing borders
    return any(level(p) == LOCAL and p not in story.places and p not in story.names for p in identity.places)


_STEM: Final = 5  # letters a name and its other forms share: exonyms and adjectives of places


def _opening_elsewhere(identity: Identity, story: _Named, headline_elsewhere: bool = False) -> bool:
    """Whether the headline or first sentence names a town of its own, or the headline a
    country or region of its own (`headline_elsewhere`), and nothing of the story but its
    country, by name or by the stem of a name ("Dalmazia", "dalmatinischen", "Dalmatian").  A
    link found only further down, across a conflict of places, is then the new event
    recalling an earlier one: "Tre morti nel crollo di una palazzina a Borgonero … a poco più
    di 24 ore da quello di San Vitale"; "… collide on Norway's Sognefjord … The collision came
    a day after nine people died … in Greece's Kafireas Strait".  An opening that names no
    place of its own ("in central Spain") leaves the link to the lead."""
    if identity.opening is None:
        return False
    towns = {w for w in identity.opening if w in identity.places and level(w) == LOCAL}
    return (bool(towns) or headline_elsewhere) and not _opening_names(identity.opening, story, identity.names)


def _opening_names(opening: frozenset[str], story: _Named, names: frozenset[str] = frozenset()) -> bool:
    """Whether the opening names anything of the story but its country (see above)."""
    placed = (w for w in opening if w in story.places and level(w) != COUNTRY)
    if any(placed) or any(w in story.names for w in opening):
        return True
    # German capitalises every noun: a guess ("Einsturz") meets a guess only where there is
    # nothing surer, while a name read surely on our side may meet the story's guess.
    if any(w in story.nouns and (w in names or not story.names) for w in opening):
        return True
    stems = {w[:_STEM] for w in opening if len(w) >= _STEM and level(w) == LOCAL}
    return any(w[:_STEM] in stems for w in chain(story.places, story.names) if len(w) >= _STEM)


def _guessed_places_differ(identity: Identity, story: _Named) -> bool:
    """Both sides name local places, one of them at least only by guess ("in der Nacht"), and
    nothing at all is in common: guesses still tell "Feuer in Hamburg" from "incendie à
    Bruxelles" (two sets of sure places are _conflicts' work)."""
    mine_sure = any(level(p) == LOCAL for p in identity.places)
    theirs_sure = LOCAL in story.levels
    mine = mine_sure or bool(identity.noun_places)
    theirs = theirs_sure or bool(story.noun_places)
    return mine and theirs and not (mine_sure and theirs_sure)


def _codes(texts: list[str]) -> frozenset[str]:
    """Words of letters and digits ("A93", "MH17"): a road, a flight, a ship names one event;
    a bare number is most often a count, which another event may share."""
    return frozenset(code.casefold() for text in texts for code in _CODE.findall(text))


def _forget(counts: Counter[str], names: set[str]) -> None:
    for name in names:
        counts[name] -= 1
        if counts[name] <= 0:
            del counts[name]


def _about(story: _Named, key: str, digest: bool) -> bool:
    """A story is about a key it names as its own; a digest's key may be any it named."""
    return story.is_about(key) or (digest and key in story.marks)


def _owned_now(story: _Named, marks: frozenset[str]) -> set[str]:
    """Count an article's marks; returns those the story now names surely, in a second article
    (its copies aside), for the first time.  A passing mention by another story (a digest, a
    recall of the twin event, a roundup's headline) then does not take a name's evidence from
    the story it belongs to."""
    new = set()
    for mark in marks:
        if mark in story.mark_articles or len(story.mark_articles) < MAX_STORY_NAMES:
            story.mark_articles[mark] += 1
        if mark not in story.owned and story.mark_articles[mark] >= OWNED_ARTICLES:
            new.add(mark)
    story.owned |= new
    return new


def _grow(known: set[str], more: frozenset[str]) -> frozenset[str]:
    """Add `more` to `known` (unless full); returns what was new."""
    if len(known) >= MAX_STORY_NAMES:
        return frozenset()
    new = more - known
    known |= new
    return new
