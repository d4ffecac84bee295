"""The global step: which earlier article is this a copy of, and which story is it in?

This is the only state that every article must see in order, so it is kept small:
per article a fingerprint, a MinHash and its sentence vectors; per story its title,
last activity and what its articles name (story_evidence.py).  Everything older than the
window (event time) is evicted, and the number of stories is capped, so memory stays bounded
however long the stream runs.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Final, Protocol

from services.analysis.config import AnalysisConfig
from services.analysis.duplicates import (
    CANDIDATE_MARGIN,
    DuplicateMatch,
    duplicate_method,
    least_copy_jaccard,
    near_copy_candidates,
)
from services.analysis.fingerprints import jaccard, lean
from services.analysis.prepare import Draft, PreparedArticle
from services.analysis.story_evidence import Identity, StoryNames, Verdict, identity_of, keys
from services.analysis.vector_index import VectorIndex

CANDIDATES = 16  # nearest earlier articles by gist that get a full comparison
COPY_GIST_FLOOR = 0.6  # gist cosine below which a copy (a translation) is not worth testing
REWORDED_GIST = 0.85  # ... and above which a same-language article is tried even with few shared shingles
RETIRED_MAX = 100_000  # ids of evicted stories' articles kept (about 10 MB) to spot late re-deliveries


Neighbours = list[tuple[str, float]]  # (article id, gist cosine), nearest first


class StorySimilarity(Protocol):
    """Calibrated "same story" score of two prepared articles (see similarity.py)."""

    @property
    def same_story_threshold(self) -> float: ...

    def similarity(self, a: PreparedArticle, b: PreparedArticle) -> float: ...


@dataclass(frozen=True, slots=True)
class Assignment:
    story_id: str
    new_story: bool
    story_title: str
    duplicate: DuplicateMatch | None
    story_similarity: float | None
    evicted: tuple[str, ...] = ()  # stories that left the window: drop their memory too
    elsewhere: frozenset[str] = frozenset()  # places of other stories its figures name (story_evidence)
    own: frozenset[str] = frozenset()  # ... and the story's own main places they name, when elsewhere is set


@dataclass(frozen=True, slots=True)
class _Entry:
    prepared: PreparedArticle
    assignment: Assignment
    event_time: float

    @property
    def story_id(self) -> str:
        return self.assignment.story_id


@dataclass(slots=True)
class _Story:
    title: str
    last_seen: float
    articles: list[str]
    title_given: bool = False  # False: made from the first article's text, replaced by a real one


def story_id_for(article_id: str) -> str:
    """Stable: a story is named after its first article."""
    return "story-" + hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).hexdigest()


LINK_TIE: Final = 0.05
"""Two stories the names both link, scored within this of each other: the one whose own main
place the headline names (a roundup of both fires took the other one's names along)."""
SIDE_BY_SIDE_TIE: Final = 0.1
"""Two stories an article both names and contradicts, scored within this of each other (a
report of two hotel fires side by side): the one its headline names first (`led_by`)."""


class StoryIndex:
    """Duplicate lookup and online story clustering over a sliding event-time window."""

    def __init__(self, config: AnalysisConfig, similarity: StorySimilarity) -> None:
        self._config = config
        self._similarity = similarity
        self._articles: OrderedDict[str, _Entry] = OrderedDict()
        self._by_hash: dict[str, str] = {}
        self._lsh = near_copy_candidates(config)
        self._vectors = VectorIndex()
        self._stories: OrderedDict[str, _Story] = OrderedDict()
        self._names = StoryNames()  # what each story names, for the story decision
        self._retired: OrderedDict[str, str] = OrderedDict()  # article id -> content hash

    def __len__(self) -> int:
        return len(self._articles)

    @property
    def story_count(self) -> int:
        return len(self._stories)

    def assign(self, prepared: PreparedArticle, event_time: float) -> Assignment:
        """Decide copy/story for `prepared` and remember it (copies are remembered too:
        a word-for-word repost of a translation is an exact copy of that translation).

        The same article delivered again (at-least-once transport) gets the decision it
        got the first time, not "a copy of itself"; a new text under a known id is a
        new version and is decided afresh.  Callers drop late re-deliveries first
        (`is_retired`)."""
        known = self._articles.get(prepared.article_id)
        if known is not None and known.prepared.content_hash == prepared.content_hash:
            return replace(known.assignment, evicted=())
        evicted = tuple(self.evict(event_time))
        duplicate = self.copy_of(prepared)  # a copy needs no graph query
        # Text without vectors that is no copy: the caller took it for a copy of an article whose
        # story the eviction above just removed.  With no gist to compare, it starts a story.
        blind = duplicate is None and len(prepared.vectors) == 0 and bool(prepared.sentences)
        neighbours = [] if duplicate or blind else self._vectors.nearest(prepared.centroid, CANDIDATES)
        duplicate = duplicate or self._copy_by_gist(prepared, neighbours)
        identity = identity_of(prepared)
        similarity: float | None
        if duplicate is not None:
            story_id = self._articles[duplicate.original].story_id
            story, new, similarity = self._stories[story_id], False, duplicate.similarity
        else:
            best, similarity = self._best_story(prepared, identity, neighbours, event_time)
            new = best is None
            story_id = best or story_id_for(prepared.article_id)
            if new:
                self._stories[story_id] = _Story(prepared.title, event_time, [], prepared.title_given)
            story = self._stories[story_id]
            if prepared.title_given and not story.title_given:  # a later article brings a headline
                story.title, story.title_given = prepared.title, True
        elsewhere = own = frozenset[str]()
        if not (new or duplicate):
            named = _figure_keys(prepared)
            elsewhere = self._names.elsewhere(story_id, named)
            own = self._names.own(story_id, named) if elsewhere else own
        assignment = Assignment(story_id, new, story.title, duplicate, similarity, evicted, elsewhere, own)
        self._remember(_Entry(prepared, assignment, event_time), original=duplicate is None and not blind)
        story.last_seen = max(story.last_seen, event_time)
        story.articles.append(prepared.article_id)
        self._names.add(story_id, identity, copy=duplicate is not None)
        self._stories.move_to_end(story_id)
        return assignment

    def is_retired(self, article: Draft | PreparedArticle) -> bool:
        """The same text under the id of an article whose story has left the window: a late
        re-delivery (a replay after a crash, a producer retry).  Its decision and alerts
        were made the first time, before the eviction, so it must not be decided afresh —
        it would start a phantom story and raise claims nobody should see twice."""
        return self._retired.get(article.article_id) == article.content_hash

    def copy_of(self, article: Draft | PreparedArticle) -> DuplicateMatch | None:
        """An exact or same-language near copy: decided without vectors, so batch analysis
        can skip embedding a copy.  The first step of every duplicate lookup."""
        known = self._articles.get(article.article_id)
        if known is not None and known.prepared.content_hash == article.content_hash:
            return known.assignment.duplicate  # a re-delivery: the first decision stands
        exact = self._by_hash.get(article.content_hash)
        if exact is not None:
            return DuplicateMatch(exact, "exact", 1.0)
        for key in sorted(self._lsh.query(lean(article.minhash))):
            old = self._articles[key].prepared
            if old.language == article.language:
                match = duplicate_method(article, old, self._config)
                if match is not None:
                    return match
        return None

    def _copy_by_gist(self, prepared: PreparedArticle, neighbours: Neighbours) -> DuplicateMatch | None:
        """A translation among the nearest articles by gist, or a near copy that the LSH
        bands happened not to nominate (its Jaccard estimate is in reach; the test is exact)."""
        reach = least_copy_jaccard(self._config) * CANDIDATE_MARGIN
        for key, score in neighbours:
            old = self._articles[key].prepared
            if score < COPY_GIST_FLOOR:
                continue
            reworded = score >= REWORDED_GIST  # a repost reworded sentence by sentence
            if (
                old.language == prepared.language
                and not reworded
                and jaccard(prepared.minhash, old.minhash) < reach
            ):
                continue
            match = duplicate_method(prepared, old, self._config)
            if match is not None:
                return match
        return None

    def _best_story(
        self, prepared: PreparedArticle, identity: Identity, neighbours: Neighbours, event_time: float
    ) -> tuple[str | None, float | None]:
        """The story the article joins, and its score: the best-scoring story the names link
        to the article (of two within LINK_TIE, the one whose place its headline names), if its
        score passes `linked_story_similarity` (a town only that story
        names is evidence the model never saw: a follow-up in another language may score just
        under the threshold) and whose places do not conflict with it, else the best linked one
        whose places do (the article may name that story in passing), else the best-scoring
        one above the threshold they allow.  A story
        whose named places the article contradicts (another flood elsewhere), or that has been
        quiet too long, is passed over unless the names link them (story_evidence), or the
        article retells it closely with no place in its opening (`_placeless_retelling`).
        Of two contested stories scored alike, the one the headline names first wins; with
        nothing chosen, the best-scoring story still joins if the names link it
        (`_weakly_linked`).  Without one, (None, the best score)."""
        scores: dict[str, float] = {}  # per story, its best neighbour's score
        for key, _ in neighbours:
            entry = self._articles[key]
            score = self._similarity.similarity(prepared, entry.prepared)
            if score > scores.get(entry.story_id, -1.0):
                scores[entry.story_id] = score
        ranked = sorted(scores.items(), key=lambda item: -item[1])  # stable: ties keep neighbour order
        if identity.digest and (led := self._led_digest(identity, ranked)) is not None:
            return led
        stale_after = self._config.stale_story_hours * 3600.0
        allowed: tuple[str, float] | None = None
        contested: tuple[str, float] | None = None
        contests: dict[str, float] = {}
        threshold = max(self._similarity.same_story_threshold, self._config.same_story_similarity)
        linked: tuple[str, float] | None = None
        for story_id, score in ranked:
            if score < min(threshold, self._config.linked_story_similarity):
                break
            if linked is not None and linked[1] - score > LINK_TIE:
                break
            stale = event_time - self._stories[story_id].last_seen > stale_after
            verdict = self._names.verdict(identity, story_id, stale)
            retold = not stale and _placeless_retelling(identity, score, self._config)
            if verdict is Verdict.REFUSED and retold:
                verdict = Verdict.ALLOWED  # "ECB cuts rates …": an analyst in London is no other event
            if verdict is Verdict.LINKED:
                if linked is None:
                    linked = (story_id, score)
                    if self._names.headline_names(identity, story_id):
                        break
                elif self._names.headline_names(identity, story_id):
                    linked = (story_id, score)  # scored alike, and the headline names its place
                    break
                continue
            if linked is not None:
                continue
            if verdict is Verdict.CONTESTED:
                contests[story_id] = score
                contested = contested or (story_id, score)
            if verdict is Verdict.ALLOWED and allowed is None and score >= threshold:
                allowed = (story_id, score)
        close = [t for t, score in contests.items() if contested and contested[1] - score <= SIDE_BY_SIDE_TIE]
        if linked is None and len(close) > 1 and (lead := self._names.led_by(identity, close)):
            contested = (lead, contests[lead])  # two events told side by side: the one it leads with
        chosen = linked or contested or allowed or self._weakly_linked(identity, ranked, event_time)
        if chosen is not None:
            return chosen[0], round(chosen[1], 4)
        return None, round(ranked[0][1], 4) if ranked else None

    def _led_digest(self, identity: Identity, ranked: list[tuple[str, float]]) -> tuple[str, float] | None:
        """The story a digest leads with: of those it resembles at least as much as
        `best_linked_similarity`, the one its headline names first (`StoryNames.led_by`).  Its
        other items name other stories, so neither their places nor their staleness refuse it."""
        named = [story_id for story_id, score in ranked if score >= self._config.best_linked_similarity]
        lead = self._names.led_by(identity, named) if named else None
        return None if lead is None else (lead, round(dict(ranked)[lead], 4))

    def _weakly_linked(
        self, identity: Identity, ranked: list[tuple[str, float]], event_time: float
    ) -> tuple[str, float] | None:
        """The best-scoring story, when the names link it and nothing else was chosen, down to
        `best_linked_similarity`: a local paper's colourful report and the wire's, of the same
        hailstorm in the same town, can score 0.36 (the model reads their leads as unlike)."""
        if not ranked or ranked[0][1] < self._config.best_linked_similarity:
            return None
        story_id, score = ranked[0]
        stale = event_time - self._stories[story_id].last_seen > self._config.stale_story_hours * 3600.0
        return (story_id, score) if self._names.verdict(identity, story_id, stale) is Verdict.LINKED else None

    def _remember(self, entry: _Entry, original: bool) -> None:
        key = entry.prepared.article_id
        if key in self._articles:  # a new version under a known id replaces the old one
            self._forget(key)
        self._articles[key] = entry
        # Any remembered text is found by its hash: a repost of a translation is an exact
        # copy of it, recognised without vectors.  Near and graph lookups stay on originals.
        prepared = entry.prepared
        self._by_hash.setdefault(prepared.content_hash, key)
        if original:
            self._lsh.insert(key, lean(prepared.minhash), check_duplication=False)
            self._vectors.add(key, prepared.centroid)

    def evict(self, now: float) -> list[str]:
        """Forget stories idle for longer than the window, and the oldest beyond the cap;
        returns the evicted story ids (their per-story state can go too)."""
        horizon = now - self._config.window_hours * 3600.0
        gone: list[str] = []
        while self._stories:
            story_id, story = next(iter(self._stories.items()))
            if story.last_seen >= horizon and len(self._stories) <= self._config.max_stories:
                break
            del self._stories[story_id]
            self._names.drop(story_id)
            for key in story.articles:
                self._retire(key)
            gone.append(story_id)
        return gone

    def _retire(self, key: str) -> None:
        if key not in self._articles:  # a new version already replaced it
            return
        self._retired[key] = self._articles[key].prepared.content_hash
        self._retired.move_to_end(key)
        while len(self._retired) > RETIRED_MAX:
            self._retired.popitem(last=False)
        self._forget(key)

    def _forget(self, key: str) -> None:
        prepared = self._articles.pop(key).prepared
        if self._by_hash.get(prepared.content_hash) == key:
            del self._by_hash[prepared.content_hash]
        if key in self._vectors:
            self._vectors.remove(key)
            self._lsh.remove(key)


def _figure_keys(prepared: PreparedArticle) -> frozenset[str]:
    """What the article's sentences with figures name: only they can state another story's count."""
    return frozenset().union(*(keys(s.text, prepared.language) for s in prepared.sentences if s.figures))


def _placeless_retelling(identity: Identity, score: float, config: AnalysisConfig) -> bool:
    """An article whose headline and first sentence name no place, and that tells what the
    story's article told almost as closely as a translation (`retelling_similarity`): the
    places further down its lead (an economist "at Halberg Capital in London" on a rate cut
    decided in Frankfurt) are not another event's.  Twin events name their places up top."""
    opening = identity.opening
    return opening is not None and not (opening & identity.places) and score >= config.retelling_similarity
