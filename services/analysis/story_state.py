"""Per-story memory and the comparison of a new article with it.

What a story has said: its sentence vectors (for claim novelty), its vocabulary (for
new names) and its figure slots (for changed figures).  In the stream this lives in a
table keyed by story id; in batch, in a dict.  `absorb` is the only way it changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from schemas import FigureChange, Observation
from services.analysis.claims import is_new_claim, vocabulary_of
from services.analysis.config import AnalysisConfig
from services.analysis.figures.changes import FigureSlot, Reading, already_known, changed, matching_slot
from services.analysis.prepare import PreparedArticle

MAX_KNOWN_SENTENCES = 300  # float16 rows: 300 KB at most, in the table and its changelog
MAX_VOCABULARY = 5_000
MAX_SLOTS = 100


@dataclass(slots=True)
class StoryMemory:
    story_id: str
    title: str
    known: NDArray[np.float16] = field(default_factory=lambda: np.zeros((0, 512), dtype=np.float16))
    vocabulary: set[str] = field(default_factory=set)
    slots: list[FigureSlot] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Novelty:
    claims: tuple[str, ...]
    figure_changes: tuple[FigureChange, ...]


def contexts(prepared: PreparedArticle) -> NDArray[np.float32]:
    """Each sentence's vector blended with the one before: a figure is often explained by
    the sentence that precedes it ("Among the casualties were…")."""
    vectors = prepared.vectors
    if len(vectors) == 0:
        return vectors
    blended = vectors.copy()
    blended[1:] += 0.5 * vectors[:-1]
    return blended / np.maximum(np.linalg.norm(blended, axis=1, keepdims=True), 1e-12)


def readings(prepared: PreparedArticle) -> list[tuple[int, Reading]]:
    """Every figure of the article with its sentence index, context and observation."""
    found: list[tuple[int, Reading]] = []
    ctx = contexts(prepared)
    for index, sentence in enumerate(prepared.sentences):
        for fig in sentence.figures:
            obs = Observation(
                value=fig.value,
                qualifier=fig.qualifier,  # type: ignore[arg-type]
                text=sentence.text,
                article_id=prepared.article_id,
                source=prepared.article.source,
            )
            found.append((index, Reading(fig, ctx[index], obs)))
    return found


def absorb(memory: StoryMemory, prepared: PreparedArticle, config: AnalysisConfig, first: bool) -> Novelty:
    """Compare `prepared` with the story, then remember it.  The first article of a story
    only seeds the memory: it is the story, not news to it."""
    changes: list[FigureChange] = []
    for _, reading in readings(prepared):
        change = _update_figure(memory, reading, config.figure_context_cosine)
        if change is not None and not first:
            changes.append(change)
    # A sentence whose only news is a new number reads like the sentence it updates (the
    # embedding barely moves with a number), so it is not novel here: its change is
    # reported by the figure alert.  A sentence that also says something new still is.
    claims: list[str] = []
    if not first:
        for index, sentence in enumerate(prepared.sentences):
            if not sentence.claimable:
                continue
            if is_new_claim(
                prepared.vectors[index],
                sentence.text,
                memory.known,
                memory.vocabulary,
                config.claim_cosine,
                config.claim_grey_cosine,
            ):
                claims.append(sentence.text)
    _remember(memory, prepared)
    return Novelty(tuple(claims), tuple(changes))


def _update_figure(memory: StoryMemory, reading: Reading, min_cosine: float) -> FigureChange | None:
    if already_known(memory.slots, reading, min_cosine):
        return None
    slot = matching_slot(memory.slots, reading, min_cosine)
    if slot is None:
        if len(memory.slots) < MAX_SLOTS:
            fig = reading.figure
            context = reading.context.astype(np.float16)
            memory.slots.append(FigureSlot(fig.measure, fig.unit, context, reading.observation))
        return None
    if not changed(slot, reading):
        return None
    change = FigureChange(
        measure=slot.measure, unit=slot.unit, previous=slot.latest, current=reading.observation
    )
    slot.latest, slot.context = reading.observation, reading.context.astype(np.float16)
    return change


def _remember(memory: StoryMemory, prepared: PreparedArticle) -> None:
    room = MAX_KNOWN_SENTENCES - len(memory.known)
    if room > 0 and len(prepared.vectors):
        memory.known = np.vstack([memory.known, prepared.vectors[:room].astype(np.float16)])
    if len(memory.vocabulary) < MAX_VOCABULARY:
        for sentence in prepared.sentences:
            memory.vocabulary |= vocabulary_of(sentence.text)
