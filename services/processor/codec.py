"""Wire format of the processor's internal topics and tables.

JSON with numpy arrays as base64 of their raw little-endian bytes: exact (the stream
must compute what batch computes, bit for bit), language-neutral, and nothing that
executes on load (no pickle on a topic anyone with write access could feed).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import numpy as np
from numpy.typing import NDArray

from schemas import Article, Observation
from services.analysis.duplicates import DuplicateMatch
from services.analysis.figures import Figure
from services.analysis.figures.changes import FigureSlot
from services.analysis.prepare import PreparedArticle, Sentence
from services.analysis.similarity import Terms
from services.analysis.story_index import Assignment
from services.analysis.story_state import StoryMemory


def encode_array(array: NDArray[Any]) -> dict[str, Any]:
    data = np.ascontiguousarray(array)
    return {
        "dtype": data.dtype.str,
        "shape": list(data.shape),
        "b64": base64.b64encode(data.tobytes()).decode(),
    }


def decode_array(doc: dict[str, Any]) -> NDArray[Any]:
    raw = base64.b64decode(doc["b64"])
    return np.frombuffer(raw, dtype=np.dtype(doc["dtype"])).reshape(doc["shape"]).copy()


def _figure(fig: Figure) -> list[Any]:
    return [fig.measure, fig.unit, fig.value, fig.qualifier, fig.start, fig.end, fig.tally]


def prepared_to_dict(p: PreparedArticle) -> dict[str, Any]:
    return {
        "article": p.article.model_dump(mode="json"),
        "language": p.language,
        "title": p.title,
        "title_given": p.title_given,
        "sentences": [
            {
                "text": s.text,
                "claimable": s.claimable,
                "heading": s.heading,
                "figures": [_figure(f) for f in s.figures],
            }
            for s in p.sentences
        ],
        "vectors": encode_array(p.vectors),
        "centroid": encode_array(p.centroid),
        "content_hash": p.content_hash,
        "minhash": encode_array(p.minhash),
        "terms": None if p.terms is None else _terms_to_dict(p.terms),
    }


_TERM_SETS = ("numbers", "names", "title_names", "words", "headline")


def _terms_to_dict(t: Terms) -> dict[str, Any]:
    return {"count": t.count, "chars": t.chars, **{name: sorted(getattr(t, name)) for name in _TERM_SETS}}


def _terms_from_dict(doc: dict[str, Any] | None) -> Terms | None:
    """None for a message written before terms were cached (or before a set was added to
    them): `similarity` computes them then."""
    if doc is None or any(name not in doc for name in _TERM_SETS):
        return None
    return Terms(doc["count"], doc["chars"], *(frozenset(doc[name]) for name in _TERM_SETS))


def prepared_from_dict(doc: dict[str, Any]) -> PreparedArticle:
    sentences = tuple(
        Sentence(s["text"], tuple(Figure(*f) for f in s["figures"]), s["claimable"], s.get("heading", False))
        for s in doc["sentences"]
    )
    return PreparedArticle(
        article=Article.model_validate(doc["article"]),
        language=doc["language"],
        title=doc["title"],
        title_given=bool(doc.get("title_given", False)),
        sentences=sentences,
        vectors=decode_array(doc["vectors"]),
        centroid=decode_array(doc["centroid"]),
        content_hash=doc["content_hash"],
        minhash=decode_array(doc["minhash"]),
        figures=tuple(f for s in sentences for f in s.figures),
        terms=_terms_from_dict(doc.get("terms")),
    )


def assignment_to_dict(a: Assignment) -> dict[str, Any]:
    dup = a.duplicate
    return {
        "story_id": a.story_id,
        "new_story": a.new_story,
        "story_title": a.story_title,
        "duplicate": None if dup is None else [dup.original, dup.method, dup.similarity],
        "story_similarity": a.story_similarity,
        "evicted": list(a.evicted),
        "elsewhere": sorted(a.elsewhere),
        "own": sorted(a.own),
    }


def assignment_from_dict(doc: dict[str, Any]) -> Assignment:
    dup = doc["duplicate"]
    return Assignment(
        story_id=doc["story_id"],
        new_story=doc["new_story"],
        story_title=doc["story_title"],
        duplicate=None if dup is None else DuplicateMatch(dup[0], dup[1], dup[2]),
        story_similarity=doc["story_similarity"],
        evicted=tuple(doc["evicted"]),
        elsewhere=frozenset(doc.get("elsewhere", ())),  # absent from records written before it
        own=frozenset(doc.get("own", ())),  # likewise
    )


def memory_to_dict(m: StoryMemory) -> dict[str, Any]:
    return {
        "story_id": m.story_id,
        "title": m.title,
        "known": encode_array(m.known),
        "recency": encode_array(m.recency),
        "vocabulary": list(m.vocabulary),  # least recently used first
        "places": sorted(m.places),
        "articles": m.articles,
        "slots": [
            {
                "measure": s.measure,
                "unit": s.unit,
                "places": sorted(s.places),
                "latest": s.latest.model_dump(mode="json"),
                "values": s.values,
                "groups": sorted(s.groups),
                "tally": s.tally,
            }
            for s in m.slots
        ],
    }


def memory_from_dict(doc: dict[str, Any]) -> StoryMemory:
    slots = [
        FigureSlot(
            s["measure"],
            s["unit"],
            frozenset(s["places"]),
            Observation.model_validate(s["latest"]),
            [float(v) for v in s["values"]],
            set(s.get("groups", ())),  # absent from records written before it
            bool(s.get("tally", False)),  # likewise
        )
        for s in doc["slots"]
    ]
    return StoryMemory(
        story_id=doc["story_id"],
        title=doc["title"],
        known=decode_array(doc["known"]),
        recency=decode_array(doc["recency"]),
        vocabulary=dict.fromkeys(doc["vocabulary"]),
        places=frozenset(doc["places"]),
        slots=slots,
        articles=int(doc["articles"]),
    )


def dumps(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def loads(data: bytes) -> dict[str, Any]:
    return json.loads(data)
