"""Per-story memory and the comparison of a new article with it.

What a story has said: its sentence vectors (for claim novelty), its vocabulary (for new
names), the places it has named and one running value per measure and place (for
changed figures).  In the stream this lives in a table keyed by story id;
in batch, in a dict.  `absorb` is the only way it changes.

Memory learns for the story's whole life and stays bounded: a sentence nearly identical
to one already known is folded into it (the known one is marked as just matched), and
beyond MAX_KNOWN_SENTENCES the sentences least recently matched are dropped.  A story
that keeps restating its facts keeps them; what nobody repeats fades first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

import numpy as np
from numpy.typing import NDArray

from schemas import FigureChange, Observation
from services.analysis.claims import best_match, is_new_claim, names, vocabulary_of
from services.analysis.config import AnalysisConfig
from services.analysis.digests import names_only_itself
from services.analysis.figures.changes import (
    CUMULATIVE,
    NATIONALITY_MARK,
    FigureSlot,
    Reading,
    base_measure,
    slot_for,
    update,
)
from services.analysis.figures.extract import Figure
from services.analysis.figures.lexicon import LEXICONS, TOKEN_RE, phrase_tokens
from services.analysis.figures.numbers import find_numbers
from services.analysis.languages import LANGUAGES, phrase_patterns
from services.analysis.places import NOUNS_CAPITALISED, clause_end, fold, places, scope
from services.analysis.prepare import PreparedArticle, Sentence
from services.analysis.story_evidence import keys, recall_at

MAX_KNOWN_SENTENCES = 600  # float16 rows of 512: 600 KB at most, in the table and its changelog
FOLD_COSINE = 0.92  # a sentence this close to a known one says the same thing: it is folded into it
MAX_VOCABULARY = 20_000  # least recently used words go first
MAX_SLOTS = 100


def _no_rows() -> NDArray[np.float16]:
    return np.zeros((0, 512), dtype=np.float16)


@dataclass(slots=True)
class StoryMemory:
    story_id: str
    title: str
    known: NDArray[np.float16] = field(default_factory=_no_rows)
    recency: NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # per row
    vocabulary: dict[str, None] = field(default_factory=dict)  # ordered: least recently used first
    places: frozenset[str] = frozenset()  # every place (and name) the story has named, folded
    slots: list[FigureSlot] = field(default_factory=list)
    articles: int = 0  # articles absorbed: the clock of `recency`


@dataclass(frozen=True, slots=True)
class Novelty:
    claims: tuple[str, ...]
    figure_changes: tuple[FigureChange, ...]


def _segment(sentence: Sentence, index: int, language: str, stop: int | None = None) -> str:
    """The part of a sentence that belongs to its figure ``index``: from the figure before it
    to the one after ("63 dead in Varna and 12 in Lomo" gives each its own place), or to the
    end of its clause ("6 missing, after a woman was found alive in Lomo": not Lomo's), or to
    `stop` (where the sentence starts recalling another event)."""
    figures = sentence.figures
    start = figures[index - 1].end if index else 0
    if index and _closes_an_item(sentence.text[start : figures[index].start], language):
        start = figures[index].start
    end = figures[index + 1].start if index + 1 < len(figures) else len(sentence.text)
    end = min(end, clause_end(sentence.text, figures[index].end, language))
    if stop is not None and stop >= figures[index].end:
        end = min(end, stop)
    return sentence.text[start:end]


_ITEM_ENDS: Final = frozenset({",", ";", ":"})


def _closes_an_item(gap: str, language: str) -> bool:
    """The text between two counts names the first one's place and ends the list item ("15 en
    la provincia de Sevilla, 12 en Córdoba"): the place is the first count's, not the next one's."""
    words = phrase_tokens(gap)
    lex = LEXICONS.get(language)
    if not words or lex is None or not (words[-1] in _ITEM_ENDS or words[-1] in lex.coordinators):
        return False
    return bool(places(gap, language))


NATIONALITY_REACH = 4  # words after a count that may say its nationality ("trois touristes italiens")
NATIONALITY_STEM = 5  # letters the forms of one nationality share: "französische", "französischen"
_DEMONYMS: Final = {code: frozenset(data.demonyms) for code, data in LANGUAGES.items() if data.demonyms}


def _where(sentence: Sentence, index: int, language: str) -> frozenset[str]:
    """Where figure ``index`` is counted: the places of its part of the sentence, and the
    nationality of the people it counts where the sentence counts people of several ("deux
    Italiens et une Espagnole", "drei Italiener, zwei Franzosen und ein Spanier"): each is a
    part of the story's count and keeps its own running value, as another place's count
    does.  One nationality alone may be the whole ("19 französische Schüler verletzt")."""
    segment = _segment(sentence, index, language)
    found = places(segment, language) - _acronyms(segment)
    demonyms = _DEMONYMS.get(language, frozenset())
    if len({w[:NATIONALITY_STEM] for w in phrase_tokens(sentence.text) if w in demonyms}) < 2:
        return found  # "des französischen Außenministeriums … 19 französische Kinder": one
    after = sentence.text[sentence.figures[index].end :]
    if numbers := find_numbers(after, language):
        after = after[: numbers[0].start]  # "quattro dei cinque turisti italiani": the whole's
    nationality = next((w for w in phrase_tokens(after)[:NATIONALITY_REACH] if w in demonyms), None)
    return found if nationality is None else found | {NATIONALITY_MARK + nationality}


ACRONYM_LETTERS = (2, 5)


def _acronyms(text: str) -> frozenset[str]:
    """Names written in capitals ("au CHRR de Miarinarivo", "au CEG d'Ambohitrakely"): a
    hospital, a school, an agency, where the count was taken, not a place of its own."""
    low, high = ACRONYM_LETTERS
    return frozenset(fold(w) for w in TOKEN_RE.findall(text) if w.isupper() and low <= len(w) <= high)


def readings(
    prepared: PreparedArticle, elsewhere: frozenset[str] = frozenset(), own: frozenset[str] = frozenset()
) -> list[Reading]:
    """Every figure of the article with the places it is counted in and its observation;
    statements first, then headings (a headline shortens what the text states).  A figure
    said of a place of another story (`elsewhere`, from the story index) and of none of
    the story's `own` main places is left out."""
    found: list[Reading] = []
    ordered = sorted(prepared.sentences, key=lambda s: s.heading)
    language = prepared.language
    for sentence in ordered:
        corrected = bool(sentence.figures) and _says_corrected(sentence.text, language)
        # "…, a day after the levee broke at San Vito, where 3,400 were evacuated": a count after
        # the words recalling another event is said of every place the sentence names; one before
        # them ("killing one and injuring 17, a day after the quake in Chile") is this event's
        cue = recall_at(sentence.text, language) if elsewhere else None
        recalled = keys(sentence.text, language) if cue is not None else frozenset()
        for index, fig in enumerate(sentence.figures):
            obs = Observation(
                value=fig.value,
                qualifier=fig.qualifier,  # type: ignore[arg-type]
                text=sentence.text,
                article_id=prepared.article_id,
                source=prepared.article.source,
            )
            named = frozenset[str]()
            if elsewhere:
                named = keys(_unattributed(_segment(sentence, index, language, cue), language), language)
            if cue is not None and fig.start >= cue:
                named |= recalled
            if named & elsewhere and not named & own:
                continue
            found.append(Reading(fig, _where(sentence, index, language), obs, corrected))
    return found


# An attribution and its source, up to the next comma or stop: "Nach Angaben des Ministeriums in Dhaka".
_SOURCES: Final = {
    code: re.compile(rf"(?:{cue.pattern})[^,;:.!?]{{0,80}}", re.IGNORECASE)
    for code, cue in phrase_patterns("attribution").items()
}


def _unattributed(text: str, language: str) -> str:
    """The text without its attributions' sources ("according to the ministry in Dhaka"): a
    source speaks from its capital, its count is made where the event is."""
    pattern = _SOURCES.get(language)
    return text if pattern is None else pattern.sub(" ", text)


def _says_corrected(text: str, language: str) -> bool:
    """The sentence says a count was corrected ("korrigiert … auf zwei")."""
    lex = LEXICONS.get(language)
    words = phrase_tokens(text)
    return lex is not None and any(lex.corrections.match(words, j) for j in range(len(words)))


FIGURE_NOTE_WORDS = 12  # a sentence this short that only restates counts is a figure note


def absorb(
    memory: StoryMemory,
    prepared: PreparedArticle,
    config: AnalysisConfig,
    first: bool,
    elsewhere: frozenset[str] = frozenset(),
    own: frozenset[str] = frozenset(),
) -> Novelty:
    """Compare `prepared` with the story, then remember it.  The first article of a story
    only seeds the memory: it is the story, not news to it.  Figures said of `elsewhere`
    (places of other live stories) neither move a running value nor make a change, unless
    they name one of the story's `own` main places too."""
    memory.articles += 1
    held = {id(slot): frozenset(slot.values) for slot in memory.slots}  # before this article
    changes = _figure_changes(memory, prepared, elsewhere, own)
    # A sentence whose only news is a new number reads like the sentence it updates (the
    # embedding barely moves with a number), so it is not novel here: its change is
    # reported by the figure alert.  A sentence that also says something new still is.
    claims: list[str] = []
    if not first:
        for index, sentence in enumerate(prepared.sentences):
            if not sentence.claimable or _figure_note(memory, held, sentence, prepared.language):
                continue
            if sentence.heading and names_only_itself(sentence.text, prepared.language):
                continue  # "Morning Briefing: Sunday, February 22": the page's name, not news
            if (
                is_new_claim(
                    prepared.vectors[index],
                    sentence.text,
                    memory.known,
                    memory.vocabulary.keys(),
                    config.claim_cosine,
                    config.claim_grey_cosine,
                )
                or _moved_with_news(memory, sentence, changes)
                or _counts_anew(memory, held, sentence, prepared.language)
                or _headline_news(memory, sentence, prepared.vectors[index], config)
            ):
                claims.append(sentence.text)
    _remember(memory, prepared)
    return Novelty(tuple(claims), () if first else tuple(changes))


NEW_WORDS_WITH_A_CHANGE = 4  # content words the story never used: a change that comes with news
HEADLINE_NEW_WORDS = 3  # ...and a headline with news


def _fresh_words(memory: StoryMemory, text: str) -> set[str]:
    """The content words of `text` (longer than four letters, not numbers) the story never used."""
    return {w for w in vocabulary_of(text) if len(w) > 4 and not w.isdigit()} - memory.vocabulary.keys()


def _moved_with_news(memory: StoryMemory, sentence: Sentence, changes: list[FigureChange]) -> bool:
    """A sentence that moves a count and says something else new ("Crues : cinq morts, fin de
    la vigilance rouge"): the embedding sits on the sentence it updates, but its words are
    new to the story beside the count."""
    if not sentence.figures or not any(c.current.text == sentence.text for c in changes):
        return False
    return len(_fresh_words(memory, sentence.text)) >= NEW_WORDS_WITH_A_CHANGE


def _headline_news(
    memory: StoryMemory, sentence: Sentence, vector: NDArray[np.float32], config: AnalysisConfig
) -> bool:
    """A headline with no count, only partly like what the story said (below the grey
    cosine), that uses HEADLINE_NEW_WORDS words the story never used ("Norovirus-hit cruise
    ship cleared to leave Kiel on Friday"): a headline tells its article's news in a few
    words, so a few new ones are news.  A headline with a count is the figure alert's."""
    if not sentence.heading or sentence.figures:
        return False
    if best_match(vector, memory.known) >= config.claim_grey_cosine:
        return False
    return len(_fresh_words(memory, sentence.text)) >= HEADLINE_NEW_WORDS


def _figure_note(
    memory: StoryMemory, held: dict[int, frozenset[float]], sentence: Sentence, language: str
) -> bool:
    """A sentence that only states the story's counts ("Huit personnes sont toujours
    recherchées", "Die Zahl der Toten stieg damit auf drei"): each count is a value its
    running value held before this article, or the one this article just moved it to (a
    figure alert says so), and it names nothing new.  Across languages such restatements
    embed far apart; they are not claims.  A heading is never one (a headline carries its
    news with its numbers), nor a sentence with a count the story never had."""
    if sentence.heading or not sentence.figures:
        return False
    if _names_new(memory, sentence.text, language):
        return False
    if len(sentence.text.split()) > FIGURE_NOTE_WORDS:
        return False
    for fig, slot in _slots_of(memory, sentence, language):
        if slot is None or id(slot) not in held:
            return False
        if fig.value not in held[id(slot)] and fig.value != slot.latest.value:
            return False
    return True


def _counts_anew(
    memory: StoryMemory, held: dict[int, frozenset[float]], sentence: Sentence, language: str
) -> bool:
    """A sentence that counts something the story never counted ("18 morti, arrestati due
    organizzatori" after a toll alone): a new fact, however close it embeds to the
    sentences it otherwise restates."""
    return any(slot is None or id(slot) not in held for _, slot in _slots_of(memory, sentence, language))


def _slots_of(
    memory: StoryMemory, sentence: Sentence, language: str
) -> Iterator[tuple[Figure, FigureSlot | None]]:
    """Each figure of the sentence with the running value it reads as, if the story has one."""
    for index, fig in enumerate(sentence.figures):
        reading = Reading(fig, _where(sentence, index, language), _NO_OBSERVATION)
        yield fig, slot_for(memory.slots, reading, memory.places)


def _names_new(memory: StoryMemory, text: str, language: str) -> bool:
    """The sentence names something the story never named.  Where every noun is
    capitalised (German) a capital tells a name from nothing ("Anwohner"), so there the
    places it names stand for its names."""
    if language in NOUNS_CAPITALISED:
        return not places(text, language) <= memory.places
    return any(name not in memory.vocabulary for name in names(text))


_NO_OBSERVATION = Observation(value=0, qualifier="exact", text="-", article_id="-", source="-")


def _figure_changes(
    memory: StoryMemory, prepared: PreparedArticle, elsewhere: frozenset[str], own: frozenset[str]
) -> list[FigureChange]:
    """Each reading against the story's running values.  An article moves a value once: a
    second, different count of the same slot in one article is a detail (a part, an
    aside), not a second update.  Nor does a count that only grows move down when the
    article itself states a higher count of the same slot: "three surfers were recovered
    on Tuesday" beside "five surfers died" is a part of the article's toll."""
    changes: list[FigureChange] = []
    moved: set[int] = set()
    found = readings(prepared, elsewhere, own)
    highest = _highest(memory, found)
    for reading in found:
        slot = slot_for(memory.slots, reading, memory.places)
        if slot is not None and id(slot) in moved:
            continue
        if slot is not None and _part_of_article(slot, reading, highest):
            continue
        change = update(memory.slots, slot, reading, MAX_SLOTS)
        if slot is None and memory.slots and memory.slots[-1].latest is reading.observation:
            moved.add(id(memory.slots[-1]))  # opened by this article: its first value stands
        if change is not None and slot is not None:
            moved.add(id(slot))
            changes.append(change)
    return changes


def seed_from_copy(memory: StoryMemory, prepared: PreparedArticle) -> None:
    """A copy says what its original said, but perhaps in words the original's reading
    missed ("tre corpi" unread in Italian, "Three bodies" read in its English translation):
    its counts open the running values the story lacks.  It moves none of the story's
    values (a copy is no news, and may repeat an older version's counts)."""
    for reading in readings(prepared):
        if slot_for(memory.slots, reading, memory.places) is None:
            update(memory.slots, None, reading, MAX_SLOTS)


def _highest(memory: StoryMemory, found: list[Reading]) -> dict[int, float]:
    """The highest count the article states for each slot the story already has."""
    highest: dict[int, float] = {}
    for reading in found:
        slot = slot_for(memory.slots, reading, memory.places)
        if slot is not None:
            highest[id(slot)] = max(highest.get(id(slot), 0.0), reading.figure.value)
    return highest


def _part_of_article(slot: FigureSlot, reading: Reading, highest: dict[int, float]) -> bool:
    value = reading.figure.value
    cumulative = base_measure(slot.measure) in CUMULATIVE
    # a slot the article's first look did not map to (its toll moved since) has no highest: not a part
    return cumulative and not reading.corrected and value < slot.latest.value <= highest.get(id(slot), 0.0)


def _remember(memory: StoryMemory, prepared: PreparedArticle) -> None:
    """Fold the article's sentences into what the story knows (see the module docstring)."""
    now = memory.articles
    memory.places = memory.places.union(*(scope(s.text, prepared.language) for s in prepared.sentences))
    vectors = prepared.vectors.astype(np.float16)
    if len(vectors):
        known, recency = memory.known, memory.recency
        fresh: list[int] = []
        if len(known):
            sims = vectors.astype(np.float32) @ known.astype(np.float32).T
            best = sims.argmax(axis=1)
            folded = sims[np.arange(len(vectors)), best] >= FOLD_COSINE
            recency[best[folded]] = now
            fresh = [i for i in range(len(vectors)) if not folded[i]]
        else:
            fresh = list(range(len(vectors)))
        known = np.vstack([known, vectors[fresh]])
        recency = np.concatenate([recency, np.full(len(fresh), now, dtype=np.int64)])
        if len(known) > MAX_KNOWN_SENTENCES:
            keep = np.sort(np.argsort(-recency, kind="stable")[:MAX_KNOWN_SENTENCES])
            known, recency = known[keep], recency[keep]
        memory.known, memory.recency = known, recency
    vocabulary = memory.vocabulary
    for sentence in prepared.sentences:
        for word in vocabulary_of(sentence.text):
            vocabulary.pop(word, None)
            vocabulary[word] = None
    while len(vocabulary) > MAX_VOCABULARY:
        del vocabulary[next(iter(vocabulary))]
