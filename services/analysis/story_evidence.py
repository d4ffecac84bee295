"""Named evidence for the story decision: whom and where an article is about, against a story.

The similarity model scores pairs of articles, and it learned from SemEval pairs, which rarely
hold two different events of one kind: two floods on the same day in two countries read alike
to it (same words, same figures of speech), and it would put them in one story.  What tells
them apart is what the words do not: the named places, people and codes ("A93", "MH17").  The
index keeps what each live story's articles name; a similar article is then

* *linked* to a story when they name a place in common, or when a name or code of either
  side's headline occurs in the other.  Only what no other live story names counts: weekdays,
  agencies and (in German) every noun are named by many stories and tell none apart;
* *in conflict* with it when both name places (a capitalised word after a locative
  preposition, see places.py) and none is shared.

A conflict without a link keeps the article out of the story, however alike the words.  On
SemEval train read as one-article stories (894 pairs in the six languages), the rule parts 82
pairs, 78 of them rated different events, and 4 of the 342 same-event pairs.  Names are
compared as folded prefixes, so "Zürich" and "Zurich" match and most places keep their name
in translation; countries do not ("Germany"/"Allemagne"), which is why a conflict alone is
not enough.

Event time weighs in apart (SemEval has no dates to fit it on): a story quiet for longer than
`AnalysisConfig.stale_story_hours` is joined only with a link, since a similar article a day
later that names nothing of the story is more likely a new event of the same kind.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from services.analysis.places import places
from services.analysis.prepare import PreparedArticle
from services.analysis.similarity import lead_of

MAX_STORY_NAMES = 5_000  # per set and story: memory stays bounded however long a story runs
_CODE = re.compile(r"(?<!\w)(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]{2,}(?!\w)")  # letters and digits


@dataclass(frozen=True, slots=True)
class Identity:
    """What an article names, from its lead (folded prefixes, as in similarity.Terms)."""

    marks: frozenset[str]  # names and codes: where the other side's headline is looked up
    headline: frozenset[str]  # the title's names (but its first word) and codes
    places: frozenset[str]  # names after a locative preposition


def identity_of(article: PreparedArticle) -> Identity:
    """The article's identity (the lead's cached terms, places read with its language's data)."""
    lead = lead_of(article)
    terms = lead.terms
    texts = [sentence.text for sentence in article.sentences[: lead.count]]
    return Identity(
        marks=terms.names | terms.title_names | _codes(texts),
        headline=terms.headline | _codes(texts[:1]),
        places=frozenset(p for text in texts for p in places(text, article.language)),
    )


@dataclass(slots=True)
class _Named:
    """The union of what one story's articles name (it only grows, up to MAX_STORY_NAMES)."""

    marks: set[str] = field(default_factory=set)
    headline: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)


class StoryNames:
    """What every live story names, and how many stories name each mark and place."""

    def __init__(self) -> None:
        self._stories: dict[str, _Named] = {}
        self._marks: Counter[str] = Counter()
        self._places: Counter[str] = Counter()

    def add(self, story_id: str, identity: Identity) -> None:
        """An article of `story_id` (its first one starts the story's entry)."""
        story = self._stories.setdefault(story_id, _Named())
        self._marks.update(_grow(story.marks, identity.marks))
        self._places.update(_grow(story.places, identity.places))
        _grow(story.headline, identity.headline)

    def drop(self, story_id: str) -> None:
        """The story left the window: its names no longer count."""
        story = self._stories.pop(story_id, None)
        if story is not None:
            _forget(self._marks, story.marks)
            _forget(self._places, story.places)

    def may_join(self, identity: Identity, story_id: str, stale: bool) -> bool:
        """Whether a similar article may join the story: a link always allows it; without one,
        a conflict of places, or a story quiet for too long (`stale`), does not."""
        story = self._stories[story_id]
        if self._linked(identity, story):
            return True
        return not stale and not _conflicting(identity, story)

    def _linked(self, identity: Identity, story: _Named) -> bool:
        """Positive evidence, from what only this story names."""
        marks = [m for m in identity.marks & story.marks if self._marks[m] <= 1]
        return (
            any(self._places[p] <= 1 for p in identity.places & story.places)
            or not identity.headline.isdisjoint(marks)
            or not story.headline.isdisjoint(marks)
        )


def _conflicting(identity: Identity, story: _Named) -> bool:
    """Both name places, and none in common: another place, so maybe another event."""
    return bool(identity.places) and bool(story.places) and identity.places.isdisjoint(story.places)


def _codes(texts: list[str]) -> frozenset[str]:
    """Words of letters and digits ("A93", "MH17"): a road, a flight, a ship names one event;
    a bare number is most often a count, which another event may share."""
    return frozenset(code.casefold() for text in texts for code in _CODE.findall(text))


def _forget(counts: Counter[str], names: set[str]) -> None:
    for name in names:
        counts[name] -= 1
        if counts[name] <= 0:
            del counts[name]


def _grow(known: set[str], more: frozenset[str]) -> frozenset[str]:
    """Add `more` to `known` (unless full); returns what was new."""
    if len(known) >= MAX_STORY_NAMES:
        return frozenset()
    new = more - known
    known |= new
    return new
