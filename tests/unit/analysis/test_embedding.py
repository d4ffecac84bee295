"""The embedder's cut points: embedding the parts apart gives the whole's rows exactly."""

from itertools import pairwise

import numpy as np

from services.analysis.embedding import UniversalSentenceEncoder

SENTENCES = [
    f"Sentence {n}: the river rose {n} centimetres overnight and rescuers reached {n * 3} families."
    + (" The governor said more rain was expected in the hills." if n % 3 == 0 else "")
    for n in range(80)
]


def test_parts_cut_at_batch_boundaries_and_give_identical_vectors(embedder: UniversalSentenceEncoder) -> None:
    whole = embedder.embed(SENTENCES)
    for count in (2, 3):
        parts = embedder.parts(SENTENCES, count)
        assert len(parts) == count
        assert parts[0].start == 0 and parts[-1].stop == len(SENTENCES)
        assert all(a.stop == b.start for a, b in pairwise(parts))
        assert np.array_equal(np.vstack([embedder.embed(SENTENCES[p]) for p in parts]), whole)
    sizes = [p.stop - p.start for p in embedder.parts(SENTENCES, 2)]
    assert min(sizes) >= len(SENTENCES) // 3  # about half each


def test_a_short_list_is_one_part(embedder: UniversalSentenceEncoder) -> None:
    assert embedder.parts(SENTENCES[:5], 2) == [slice(0, 5)]
    assert embedder.parts(SENTENCES, 1) == [slice(0, len(SENTENCES))]
    assert embedder.parts([], 2) == [slice(0, 0)]
