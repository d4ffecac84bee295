"""Which drafts are copies of a recent article, so the intake can skip their embedding.

Batch analysis embeds nothing it recognises as an exact or near copy (a copy needs no
vectors), but in the stream the intake runs before the global step that knows the
copies.  This index of the worker's recent drafts closes most of that gap: a draft
that matches one is sent on without vectors.  It is only a hint: the global step
decides, and embeds a hinted draft that turns out not to be a copy (its original left
the window, or a second worker saw the original), so a wrong hint costs time, never a
different result.  Wire feeds are mostly copies; each one skipped saves ~15 ms of CPU.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from services.analysis.config import AnalysisConfig
from services.analysis.duplicates import figures_conflict, near_copy, near_copy_candidates
from services.analysis.figures import Figure
from services.analysis.fingerprints import lean
from services.analysis.prepare import Draft, Sentence
from services.processor.sequencer import parse_seq

HINTS_KEPT = 8192  # a few KB each (its text): a copy that comes thousands of articles later is embedded


@dataclass(frozen=True, slots=True)
class _Seen:
    seq: tuple[str, int] | None
    content_hash: str
    language: str
    minhash: NDArray[np.uint32]
    sentences: tuple[Sentence, ...]  # what the near-copy test reads (its `Text`)
    figures: tuple[Figure, ...]


class CopyHints:
    def __init__(self, config: AnalysisConfig, kept: int = HINTS_KEPT) -> None:
        self._config = config
        self._kept = kept
        self._seen: OrderedDict[str, _Seen] = OrderedDict()  # by article id, oldest first
        self._by_hash: dict[str, str] = {}
        self._lsh = near_copy_candidates(config)  # the candidates the global index would try

    def __len__(self) -> int:
        return len(self._seen)

    def is_copy(self, draft: Draft, seq: str | None) -> bool:
        """True when `draft` copies an article published before it (exactly, or as a
        same-language near copy that states no other number): the global step's own tests."""
        order = parse_seq(seq)
        original = self._by_hash.get(draft.content_hash)
        if original is not None and original != draft.article_id and _before(self._seen[original].seq, order):
            return True
        for key in self._lsh.query(lean(draft.minhash)):
            old = self._seen[key]
            if (
                key != draft.article_id
                and old.language == draft.language
                and _before(old.seq, order)
                and not figures_conflict(draft.figures, old.figures)
                and near_copy(draft, old, self._config) is not None
            ):
                return True
        return False

    def add(self, draft: Draft, seq: str | None) -> None:
        """Remember a draft once its prepared record is on its way to the global step."""
        key = draft.article_id
        if key in self._seen:
            self._forget(key)
        self._seen[key] = _Seen(
            parse_seq(seq),
            draft.content_hash,
            draft.language,
            draft.minhash,
            draft.sentences,
            draft.figures,
        )
        self._by_hash.setdefault(draft.content_hash, key)
        self._lsh.insert(key, lean(draft.minhash))
        while len(self._seen) > self._kept:
            self._forget(next(iter(self._seen)))

    def _forget(self, key: str) -> None:
        seen = self._seen.pop(key)
        self._lsh.remove(key)
        if self._by_hash.get(seen.content_hash) == key:
            del self._by_hash[seen.content_hash]


def _before(old: tuple[str, int] | None, new: tuple[str, int] | None) -> bool:
    """False when the global step surely decides `new` first (a later number of the same
    run: numbered articles are released in publish order within their run); otherwise
    `old`, whose record was sent first, is almost always decided first."""
    return old is None or new is None or old[0] != new[0] or old[1] < new[1]
