import numpy as np

from services.analysis.vector_index import VectorIndex


def _unit(rng: np.random.Generator, dim: int = 8) -> np.ndarray:
    v = rng.standard_normal(dim).astype(np.float32)
    return v / np.linalg.norm(v)


def test_nearest_matches_brute_force_and_survives_removal_and_growth() -> None:
    rng = np.random.default_rng(0)
    index = VectorIndex(dim=8)
    vectors = {f"k{i}": _unit(rng) for i in range(3000)}  # forces growth past the initial capacity
    for key, vec in vectors.items():
        index.add(key, vec)
    for key in list(vectors)[::3]:
        index.remove(key)
        del vectors[key]
    query = _unit(rng)
    expected = sorted(vectors, key=lambda k: -float(vectors[k] @ query))[:5]
    assert [key for key, _ in index.nearest(query, 5)] == expected
    assert len(index) == len(vectors)


def test_empty_index_finds_nothing() -> None:
    assert VectorIndex(dim=4).nearest(np.ones(4, dtype=np.float32) / 2, 3) == []
