"""The stateless stage: everything about one article that needs no memory.

`draft` cleans the text, drops boilerplate, splits sentences, detects the language,
fingerprints the content and extracts figures (about a millisecond); `embed` adds one
vector per sentence (most of the cost).  `prepare` does both.  It depends on nothing
but the article, so in the stream it runs in parallel on any worker; the stateful
stages (duplicates, stories, claims) only read its result.  Batch analysis drafts
first and skips the embedding of an exact or near copy: a copy needs no vectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from schemas import Article
from services.analysis.boilerplate import (
    MAX_BOILERPLATE_WORDS,
    addresses_reader,
    boilerplate_start,
    is_boilerplate,
    is_caption,
    is_heading,
    strip_furniture,
)
from services.analysis.config import AnalysisConfig
from services.analysis.embedding import Embedder, Vectors
from services.analysis.figures import Figure, extract_figures
from services.analysis.figures.changes import base_measure
from services.analysis.figures.extract import trade_context
from services.analysis.fingerprints import content_hash, minhash
from services.analysis.language import UNKNOWN, detect_language
from services.analysis.languages import LANGUAGES
from services.analysis.normalize import clean_text, words
from services.analysis.sentences import split_sentences
from services.analysis.similarity import Terms, lead_terms

MIN_CLAIM_WORDS = 5
EMBED_CHARS = 2000  # a "sentence" longer than this is a run-on list: its head says what it is about
TITLE_CHARS = 90
LEAD_FOR_TITLE = 5


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    figures: tuple[Figure, ...]
    claimable: bool  # long enough to state something (not a fragment): it could be a claim
    heading: bool = False  # a title or a heading line: telegraphic, says again what the text states


@dataclass(frozen=True, eq=False)
class PreparedArticle:
    article: Article
    language: str
    title: str
    sentences: tuple[Sentence, ...]
    vectors: Vectors  # one L2-normalised row per sentence
    centroid: NDArray[np.float32]  # L2-normalised mean of the rows: the article's gist
    content_hash: str
    minhash: NDArray[np.uint32]
    figures: tuple[Figure, ...] = field(default=())
    terms: Terms | None = None  # the lead's names, numbers and words, for `similarity` (cached)
    title_given: bool = False  # a real title (given, or a heading line), not one made from the text

    @property
    def article_id(self) -> str:
        return self.article.article_id


@dataclass(frozen=True, eq=False)
class Draft:
    """An article before embedding: enough to recognise an exact or near copy."""

    article: Article
    language: str
    title: str
    sentences: tuple[Sentence, ...]
    content_hash: str
    minhash: NDArray[np.uint32]
    figures: tuple[Figure, ...]
    terms: Terms
    title_given: bool

    @property
    def article_id(self) -> str:
        return self.article.article_id


def draft(article: Article, config: AnalysisConfig) -> Draft:
    """Everything but the vectors (pure, cheap)."""
    body = clean_text(article.body)[: config.max_body_chars]
    language = article.language or detect_language(body)
    lines = [line for line in body.split("\n") if line]
    lines = lines[: _related_links(lines)]
    year = article.published_at.year if article.published_at else None
    trades = trade_context(f"{article.title or ''}\n{body}", _lang(language))
    sentences = _sentences(lines, language, config.max_sentences, year, trades)
    title = _separate_title(article, body)
    if title:
        title_sentence = _heading(title, _lang(language), year, frozenset(), trades)
        sentences = [title_sentence, *sentences][: config.max_sentences]
    tokens = words(" ".join(s.text for s in sentences))
    given = _given_title(article, [line for line in lines if not is_boilerplate(line)])
    return Draft(
        article=article,
        language=language,
        title=given or _first_headline(article, sentences),
        title_given=bool(given),
        sentences=tuple(sentences),
        content_hash=content_hash(tokens),
        minhash=minhash(tokens),
        figures=tuple(f for s in sentences for f in s.figures),
        terms=lead_terms([s.text for s in sentences]),
    )


RELATED_LINKS = 2  # headline-shaped lines closing a body after its text: a list of other stories


def _related_links(lines: list[str]) -> int:
    """Where a list of links to other stories closes the body: two or more headline-shaped
    lines (`is_heading`) after its last statement or under a header of furniture ("Related
    stories"), page furniture after them aside: "Why ageing gas pipes are a hidden danger"
    under a gas-blast report.  A body of headlines alone (a title-only update) has no such
    list: len(lines)."""
    end = len(lines)
    while end and is_boilerplate(lines[end - 1]):
        end -= 1
    start = end
    while start and is_heading(lines[start - 1]) and not is_boilerplate(lines[start - 1]):
        start -= 1
    after_text = start > 0 and (not is_heading(lines[start - 1]) or is_boilerplate(lines[start - 1]))
    return start if after_text and end - start >= RELATED_LINKS else len(lines)


def embed(d: Draft, embedder: Embedder | None) -> PreparedArticle:
    """The draft with its sentence vectors; `embedder=None` gives a copy's article, which
    no later stage compares by vector (it has no rows and a zero gist)."""
    if embedder is None:
        return with_vectors(d, _no_vectors(512))
    return with_vectors(d, embedder.embed(embedding_texts(d)))


def embedding_texts(d: Draft) -> list[str]:
    """What is embedded: one text per sentence, run-on lists cut to their head."""
    return [s.text[:EMBED_CHARS] for s in d.sentences]


def with_vectors(d: Draft, vectors: Vectors) -> PreparedArticle:
    """The draft with the vectors of its `embedding_texts` (embedded anywhere, in parts)."""
    dim = vectors.shape[1]
    return PreparedArticle(
        article=d.article,
        language=d.language,
        title=d.title if d.title_given else _central_headline(d.sentences, vectors) or d.title,
        title_given=d.title_given,
        sentences=d.sentences,
        vectors=vectors,
        centroid=_centroid(vectors, dim),
        content_hash=d.content_hash,
        minhash=d.minhash,
        figures=d.figures,
        terms=d.terms,
    )


def draft_of(prepared: PreparedArticle) -> Draft:
    """The draft `prepared` was embedded from: what `embed` reads, so `embed(draft_of(p), e)`
    is `p` again (the stream strips a copy's vectors, or adds them, with this)."""
    title = prepared.title if prepared.title_given else _first_headline(prepared.article, prepared.sentences)
    terms = prepared.terms if prepared.terms is not None else lead_terms([s.text for s in prepared.sentences])
    return Draft(
        article=prepared.article,
        language=prepared.language,
        title=title,
        sentences=prepared.sentences,
        content_hash=prepared.content_hash,
        minhash=prepared.minhash,
        figures=prepared.figures,
        terms=terms,
        title_given=prepared.title_given,
    )


def prepare(article: Article, embedder: Embedder, config: AnalysisConfig) -> PreparedArticle:
    """Article in, everything the stateful stages need out (pure given the embedder)."""
    return embed(draft(article, config), embedder)


def _no_vectors(dim: int) -> Vectors:
    return np.zeros((0, dim), dtype=np.float32)


def _separate_title(article: Article, body: str) -> str:
    """The article's title when it is given apart from a body that does not start with it
    (compared without case and spacing): it is compared and embedded as the first sentence."""
    title = clean_text(article.title or "").replace("\n", " ")
    if not title or is_boilerplate(title):
        return ""
    return "" if _fold(body).startswith(_fold(title).rstrip(".!?:;…")) else title


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _heading(
    text: str, lang: str, year: int | None, told: frozenset[str], trades: frozenset[str] = frozenset()
) -> Sentence:
    """A title or heading line: it states figures and claims too ("Toll rises to 63")."""
    figures = tuple(extract_figures(text, lang, year, told, trades))
    return Sentence(text, figures, len(text.split()) >= MIN_CLAIM_WORDS, heading=True)


def _lang(language: str) -> str:
    return language if language != UNKNOWN else "en"


def _sentences(
    lines: list[str], language: str, limit: int, year: int | None, trades: frozenset[str] = frozenset()
) -> list[Sentence]:
    """Statements and headings (a heading states figures too: "Toll rises to 63"), in order."""
    found: list[Sentence] = []
    told: set[str] = set()  # the measures stated so far, without groups: what "others" is read against
    lang = _lang(language)
    for number, line in enumerate(lines):
        if is_caption(line):
            found += _caption(line, lang)
            continue
        if is_heading(line):
            heading = strip_furniture(line)
            if not is_boilerplate(heading):
                found.append(_heading(heading, lang, year, frozenset(told), trades))
                told.update(base_measure(f.measure) for f in found[-1].figures)
            continue
        pieces = list(map(strip_furniture, split_sentences(line, lang)))
        if _led_into_furniture(pieces, lang):
            continue
        for index, text in enumerate(pieces):
            if number == index == 0:  # a title glued to a paywall or a cookie notice: keep the title
                text = text[: boilerplate_start(text, lang)].strip()
            if is_boilerplate(text):
                if index == 0 and _furniture_block(pieces, lang):
                    break
                continue
            if _asks_before_furniture(pieces, index):
                continue
            claimable = len(text.split()) >= MIN_CLAIM_WORDS and not addresses_reader(text, lang)
            figures = tuple(extract_figures(text, lang, year, frozenset(told), trades))
            told.update(base_measure(f.measure) for f in figures)
            found.append(Sentence(text, figures, claimable))
        if len(found) >= limit:
            break
    return found[:limit]


def _caption(line: str, language: str) -> list[Sentence]:
    """A picture's caption or an embedded post (`is_caption`): it names the story's places and
    people, so it stays for the story's identity, but it claims and counts nothing of the
    article's own."""
    pieces = (strip_furniture(p) for p in split_sentences(line, language))
    return [Sentence(text, (), False) for text in pieces if not is_boilerplate(text)]


FURNITURE_BLOCK_WORDS = 40
# A widget's list of headlines: "1. … 2. … 3." (or "1) …"), as most-read boxes print them.
_NUMBERED_LIST = re.compile(r"(?<!\w)1[.)]\s.+(?<!\w)2[.)]\s.+(?<!\w)3[.)](\s|$)")


def _furniture_block(pieces: list[str], language: str) -> bool:
    """A short paragraph that opens with furniture is furniture throughout: "Already a
    subscriber? Log in. Continue reading for £1 …", a reporter's bio ("… is our courts
    reporter. She joined the paper in 2019."), comment rules and their thanks.  Not when a
    later sentence states a count or is longer than furniture runs: a credit or a dateline
    glued before the news stays apart from it."""
    if len(pieces) < 2:
        return False
    if _NUMBERED_LIST.search(" ".join(pieces)):
        return True  # "I più letti: 1. Carambola sull'A22, tre morti – 2. …": headlines, counts and all
    if sum(len(p.split()) for p in pieces) > FURNITURE_BLOCK_WORDS:
        return False
    if any(len(p.split()) > MAX_BOILERPLATE_WORDS for p in pieces[1:]):
        return False  # longer than any furniture line: a lead after its dateline ("París, 8 jul (AIN).- …")
    return not any(extract_figures(p, language) for p in pieces[1:])


LEAD_IN_WORDS = 12


def _led_into_furniture(pieces: list[str], language: str) -> bool:
    """A short paragraph that closes with furniture after short lines that count nothing is
    the widget's throughout: "Leserforum „…“ am 24. März, 19 Uhr, im Verlagshaus. Jetzt
    kostenlos anmelden!", "LIVE – Diretta aggiornata alle 21:10. Ricarica la pagina …".  A short
    news sentence glued before a follow-us line is lost with it: none was in the corpus's dev
    feeds when this was measured (session 22), and in SemEval train one line of a fitness column."""
    if len(pieces) < 2 or not is_boilerplate(pieces[-1]):
        return False
    if sum(len(p.split()) for p in pieces) > FURNITURE_BLOCK_WORDS:
        return False
    return all(len(p.split()) <= LEAD_IN_WORDS and not extract_figures(p, language) for p in pieces[:-1])


def _asks_before_furniture(pieces: list[str], index: int) -> bool:
    """A question to the reader that leads into furniture ("Planning a cruise this summer?
    Sign up for our Travel Deals newsletter.", "Vous avez été témoin ? Contactez notre
    rédaction."): asked in a short paragraph whose next sentence is furniture."""
    text = pieces[index]
    if not text.rstrip().endswith("?") or index + 1 >= len(pieces):
        return False
    if sum(len(p.split()) for p in pieces) > FURNITURE_BLOCK_WORDS:
        return False
    return is_boilerplate(pieces[index + 1])


def _first_headline(article: Article, sentences: list[Sentence] | tuple[Sentence, ...]) -> str:
    return headline(sentences[0].text if sentences else article.article_id)


def _given_title(article: Article, lines: list[str]) -> str:
    """The article's own title, or its first line when that is a heading; else ""."""
    if article.title and article.title.strip():
        return headline(clean_text(article.title).replace("\n", " "))
    first = lines[0] if lines else ""
    return headline(first) if first and is_heading(first) else ""


def _attribution_pattern() -> re.Pattern[str]:
    """A leading attribution ("According to the police, …") in any language file's
    `attribution` list, longest phrase first; an apostrophe matches either form."""
    phrases = sorted({p for data in LANGUAGES.values() for p in data.attribution}, key=lambda p: (-len(p), p))
    openers = "|".join(re.escape(p).replace("'", "['’]") for p in phrases) or "(?!)"
    return re.compile(rf"^(?:{openers})\b[^,]{{0,80}},\s*", re.IGNORECASE)


_ATTRIBUTION = _attribution_pattern()


def headline(text: str) -> str:
    """A sentence as a title: without a leading attribution ("According to X, …") and cut
    at a word boundary to TITLE_CHARS."""
    text = _ATTRIBUTION.sub("", text.strip()) or text.strip()
    text = text[:1].upper() + text[1:]
    if len(text) <= TITLE_CHARS:
        return text.rstrip(".")
    return text[: TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _central_headline(sentences: tuple[Sentence, ...], vectors: Vectors) -> str:
    """An untitled article is named after its most central statement among the first
    few (the one closest to its gist), which is rarely the scene-setting first one."""
    lead = [i for i, s in enumerate(sentences[:LEAD_FOR_TITLE]) if s.claimable and not s.heading]
    if not lead or len(vectors) == 0:
        return ""
    gist = _centroid(vectors, vectors.shape[1])
    best = max(lead, key=lambda i: float(vectors[i] @ gist))
    return headline(sentences[best].text)


def _centroid(vectors: Vectors, dim: int) -> NDArray[np.float32]:
    if len(vectors) == 0:
        return np.zeros(dim, dtype=np.float32)
    mean = vectors.mean(axis=0)
    return (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)
