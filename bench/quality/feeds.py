"""Part 2: whole feeds through the analysis, scored against their gold annotation.

Each feed runs through one `Analyzer` in published order, stamped with its own
`published_at` (the batch path of `newsmon analyze`).  Scored:

* copies: a predicted copy is right when the feed says the article copies an earlier one
  and the named original is in the same copy family (copies of copies count);
* stories: pairwise precision and recall over all article pairs of the feed;
* figure changes: an alert is right when a gold change of that article has its measure and
  current value (the previous value is reported apart); optional gold changes count
  neither way;
* claims: an alert is matched to the gold sentence of its article it overlaps most, and
  raises every gold sentence it quotes whole (a quotation the splitter keeps together); the
  required ones are the sentences labelled `new`, noise is any alert on a sentence
  labelled `known`, `figure-update` or `boilerplate`, or on an article that should raise
  none (a story's first article, a copy), and alerts that match no sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations

from bench.quality.corpus import Feed, GoldSentence
from bench.quality.forked import map_forked
from bench.quality.scores import Tally
from schemas import Alert, Decision
from services.analysis.engine import Analyzer

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"'})
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class FeedReport:
    copies: Tally = field(default_factory=Tally)
    stories: Tally = field(default_factory=Tally)
    changes: Tally = field(default_factory=Tally)
    previous_right: int = 0
    claims_required: Tally = field(default_factory=Tally)  # hit/gold: required new sentences raised
    claims: Tally = field(default_factory=Tally)  # hit/predicted: alerts on new (or ambiguous) sentences
    noise_claims: int = 0
    boilerplate_claims: int = 0
    new_stories: int = 0
    gold_stories: int = 0
    copies_by_language: dict[str, Tally] = field(default_factory=dict)
    changes_by_language: dict[str, Tally] = field(default_factory=dict)
    claims_by_language: dict[str, Tally] = field(default_factory=dict)  # required: hit/gold
    claim_alerts_by_language: dict[str, Tally] = field(default_factory=dict)  # alerts: hit/predicted
    furniture: Tally = field(default_factory=Tally)  # gold: boilerplate sentences; predicted: dropped
    errors: list[str] = field(default_factory=list)
    furniture_errors: list[str] = field(default_factory=list)

    def add(self, other: FeedReport) -> None:
        for name in ("copies", "stories", "changes", "claims_required", "claims", "furniture"):
            getattr(self, name).add(getattr(other, name))
        for name in ("previous_right", "noise_claims", "boilerplate_claims", "new_stories", "gold_stories"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in (
            "copies_by_language",
            "changes_by_language",
            "claims_by_language",
            "claim_alerts_by_language",
        ):
            mine = getattr(self, name)
            for key, tally in getattr(other, name).items():
                mine.setdefault(key, Tally()).add(tally)
        self.errors += other.errors
        self.furniture_errors += other.furniture_errors


def run_feed(analyzer: Analyzer, feed: Feed) -> tuple[list[Decision], list[Alert]]:
    """The feed through the analysis, each article at its own publication time."""
    decisions: list[Decision] = []
    alerts: list[Alert] = []
    for article in feed.articles:
        assert article.published_at is not None, article.article_id
        for record in analyzer.process(article, article.published_at):
            (decisions if isinstance(record, Decision) else alerts).append(record)  # type: ignore[arg-type]
    return decisions, alerts


def _families(copy_of: dict[str, str], ids: Iterable[str]) -> dict[str, str]:
    """article id -> the root of its copy family."""
    root = {a: a for a in ids}

    def find(a: str) -> str:
        while root[a] != a:
            a = root[a]
        return a

    for copy, original in copy_of.items():
        root[find(copy)] = find(original)
    return {a: find(a) for a in root}


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.translate(_QUOTES).casefold()))


def match_sentence(claim: str, gold: list[GoldSentence]) -> GoldSentence | None:
    """The gold sentence a claim quotes: containment either way (the longest, so a claim that
    glues a dateline to its lead is the lead), else the best word overlap."""
    folded = _fold(claim)
    best, best_score = None, 0.0
    words = set(folded.split())
    contained = [
        (len(other), sentence)
        for sentence in gold
        if folded and (other := _fold(sentence.text)) and (folded in other or other in folded)
    ]
    if contained:
        return max(contained, key=lambda pair: pair[0])[1]
    for sentence in gold:
        other = _fold(sentence.text)
        theirs = set(other.split())
        score = len(words & theirs) / max(1, len(words | theirs))
        if score > best_score:
            best, best_score = sentence, score
    return best if best_score >= 0.5 else None


def quoted_whole(claim: str, gold: list[GoldSentence]) -> list[GoldSentence]:
    """The gold sentences a claim quotes whole: the splitter keeps a quotation of several
    sentences together ("… said: "There is no excuse. It's a disgrace."") where annotators
    list each sentence, and the claim raises every one of them."""
    folded = _fold(claim)
    return [s for s in gold if (other := _fold(s.text)) and len(other.split()) >= 2 and other in folded]


def score_feed(analyzer: Analyzer, feed: Feed) -> FeedReport:
    decisions, alerts = run_feed(analyzer, feed)
    language = {a.article_id: a.language or "?" for a in feed.articles}
    report = FeedReport()
    _score_copies(feed, decisions, language, report)
    _score_stories(feed, decisions, report)
    _score_changes(feed, alerts, language, report)
    _score_claims(feed, decisions, alerts, language, report)
    _score_furniture(feed, analyzer, report)
    report.new_stories = sum(a.kind == "new_story" for a in alerts)
    report.gold_stories = len(set(feed.story_of.values()))
    return report


def _score_copies(
    feed: Feed, decisions: list[Decision], language: dict[str, str], report: FeedReport
) -> None:
    family = _families(feed.copy_of, language)
    for d in decisions:
        lang = report.copies_by_language.setdefault(language[d.article_id], Tally())
        gold = d.article_id in feed.copy_of
        predicted = d.duplicate_of is not None
        right = gold and predicted and family[d.duplicate_of] == family[d.article_id]  # type: ignore[index]
        for tally in (report.copies, lang):
            tally.gold += gold
            tally.predicted += predicted
            tally.hit += right
        if gold != predicted or (predicted and not right):
            want = feed.copy_of.get(d.article_id, "-")
            report.errors.append(
                f"{feed.name} copy {d.article_id}: gold {want}, "
                f"got {d.duplicate_of} ({d.method} {d.similarity})"
            )


def _score_stories(feed: Feed, decisions: list[Decision], report: FeedReport) -> None:
    story = {d.article_id: d.story_id for d in decisions}
    for a, b in combinations(sorted(story), 2):
        gold = feed.story_of[a] == feed.story_of[b]
        predicted = story[a] == story[b]
        report.stories.gold += gold
        report.stories.predicted += predicted
        report.stories.hit += gold and predicted
    clusters: dict[str, list[str]] = {}
    for article_id, story_id in story.items():
        clusters.setdefault(story_id, []).append(article_id)
    for members in clusters.values():
        labels = sorted({feed.story_of[a] for a in members})
        if len(labels) > 1:
            report.errors.append(f"{feed.name} story merges {labels}: {sorted(members)}")
    for label in sorted(set(feed.story_of.values())):
        parts = {story[a] for a, gold in feed.story_of.items() if gold == label}
        if len(parts) > 1:
            report.errors.append(f"{feed.name} story {label} split into {len(parts)}")


def _score_changes(feed: Feed, alerts: list[Alert], language: dict[str, str], report: FeedReport) -> None:
    gold = {(c.article_id, c.label, c.current): c for c in feed.changes}
    found: set[tuple[str, str, float]] = set()
    for alert in alerts:
        if alert.kind != "figure_changed":
            continue
        fig = alert.figure
        key = (alert.article_id, fig.measure, fig.current.value)
        change = gold.get(key)
        lang = report.changes_by_language.setdefault(language[alert.article_id], Tally())
        if change is not None and change.optional:
            continue
        for tally in (report.changes, lang):
            tally.predicted += 1
            tally.hit += change is not None and key not in found
        if change is None:
            report.errors.append(
                f"{feed.name} false change {alert.article_id}: {fig.measure} "
                f"{fig.previous.value:g} -> {fig.current.value:g} | {fig.current.text[:120]}"
            )
        else:
            report.previous_right += change.previous == fig.previous.value
        found.add(key)
    for key, change in gold.items():
        if change.optional:
            continue
        lang = report.changes_by_language.setdefault(language[change.article_id], Tally())
        report.changes.gold += 1
        lang.gold += 1
        if key not in found:
            report.errors.append(
                f"{feed.name} missed change {change.article_id}: {change.label} {change.previous:g} -> "
                f"{change.current:g}"
            )


def _score_claims(
    feed: Feed, decisions: list[Decision], alerts: list[Alert], language: dict[str, str], report: FeedReport
) -> None:
    by_article: dict[str, list[GoldSentence]] = {}
    for sentence in feed.sentences:
        by_article.setdefault(sentence.article_id, []).append(sentence)
    first_of_story: set[str] = set()
    seen: set[str] = set()
    for article in feed.articles:
        label = feed.story_of[article.article_id]
        if label not in seen:
            first_of_story.add(article.article_id)
            seen.add(label)
    quiet = first_of_story | set(feed.copy_of)
    raised: set[tuple[str, str]] = set()
    for alert in alerts:
        if alert.kind != "new_claim":
            continue
        claim = alert.claim
        lang = report.claim_alerts_by_language.setdefault(language[alert.article_id], Tally())
        match = match_sentence(claim, by_article.get(alert.article_id, []))
        label = match.label if match else "unmatched"
        useful = label in ("new", "ambiguous") and alert.article_id not in quiet
        report.claims.predicted += 1
        lang.predicted += 1
        report.claims.hit += useful
        lang.hit += useful
        if label == "boilerplate":
            report.boilerplate_claims += 1
        if not useful:
            report.noise_claims += 1
            report.errors.append(f"{feed.name} noise claim {alert.article_id} [{label}]: {claim[:120]}")
        if match is not None:
            raised.add((alert.article_id, match.text))
        quoted = quoted_whole(claim, by_article.get(alert.article_id, []))
        raised |= {(alert.article_id, s.text) for s in quoted}
    for sentence in feed.sentences:
        if sentence.label != "new" or sentence.article_id in quiet:
            continue
        lang = report.claims_by_language.setdefault(language[sentence.article_id], Tally())
        report.claims_required.gold += 1
        lang.gold += 1
        if (sentence.article_id, sentence.text) in raised:
            report.claims_required.hit += 1
            lang.hit += 1
            lang.predicted += 1
        else:
            report.errors.append(f"{feed.name} missed claim {sentence.article_id}: {sentence.text[:120]}")
    report.claims_required.predicted = report.claims_required.hit


def _score_furniture(feed: Feed, analyzer: Analyzer, report: FeedReport) -> None:
    """Page furniture as the analysis drops it: each article as drafted (boilerplate lines and
    sentences dropped, glued widget words cut; the analyzer's cached draft), and each of its
    gold sentences counts as kept when a drafted sentence matches it (`match_sentence`).  Gold:
    the sentences labelled `boilerplate`; predicted: the labelled sentences (of any label) that
    were dropped.  A first article or a copy lists only its boilerplate, so a news sentence
    dropped there goes unseen."""
    gold: dict[str, list[GoldSentence]] = {}
    for sentence in feed.sentences:
        gold.setdefault(sentence.article_id, []).append(sentence)
    for article in feed.articles:
        labelled = gold.get(article.article_id, [])
        sentences = analyzer.draft_of(article).sentences if labelled else ()
        kept = {m.text for s in sentences if (m := match_sentence(s.text, labelled))}
        for sentence in labelled:
            furniture, dropped = sentence.label == "boilerplate", sentence.text not in kept
            report.furniture.gold += furniture
            report.furniture.predicted += dropped
            report.furniture.hit += furniture and dropped
            if furniture != dropped:
                what = "boilerplate kept" if furniture else f"{sentence.label} dropped"
                line = f"{feed.name} {what} {article.article_id}: {sentence.text[:120]}"
                report.furniture_errors.append(line)


def score(make: Callable[[], Analyzer], feeds: list[Feed]) -> dict[str, FeedReport]:
    """One report per feed, each feed on a fresh analyzer (feeds are independent streams)."""
    return dict(zip((feed.name for feed in feeds), map_forked(make, score_feed, feeds), strict=True))
