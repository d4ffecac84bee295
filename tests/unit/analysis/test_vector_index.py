import numpy as np

from services.analysis.vector_index import VectorIndex


def _units(rng: np.random.Generator, n: int, dim: int = 32) -> np.ndarray:
    v = rng.standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _filled(vectors: dict[str, np.ndarray], removed: list[str]) -> VectorIndex:
    index = VectorIndex(dim=32)
    for key, vec in vectors.items():
        index.add(key, vec)
    for key in removed:
        index.remove(key)
    return index


def test_nearest_agrees_with_brute_force_after_removals() -> None:
    rng = np.random.default_rng(0)
    vectors = {f"k{i}": v for i, v in enumerate(_units(rng, 3000))}
    removed = list(vectors)[::3]
    index = _filled(vectors, removed)
    live = {k: v for k, v in vectors.items() if k not in set(removed)}
    keys, matrix = list(live), np.stack(list(live.values()))
    overlap, first = [], []
    for query in _units(rng, 50):
        exact = [keys[i] for i in np.argsort(-(matrix @ query))[:5]]
        found = index.nearest(query, 5)
        assert not {k for k, _ in found} & set(removed)
        assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)
        assert abs(found[0][1] - float(live[found[0][0]] @ query)) < 1e-3  # cosines, of float16 vectors
        overlap.append(len({k for k, _ in found} & set(exact)) / 5)
        first.append(found[0][0] == exact[0])
    assert len(index) == len(live)
    assert np.mean(overlap) >= 0.95 and np.mean(first) >= 0.95


def test_same_sequence_same_neighbours() -> None:
    """Batch and stream apply the same adds and removes: they must see the same graph."""
    rng = np.random.default_rng(1)
    vectors = {f"k{i}": v for i, v in enumerate(_units(rng, 1500))}
    a, b = _filled(vectors, list(vectors)[:500]), _filled(vectors, list(vectors)[:500])
    for query in _units(rng, 30):
        assert a.nearest(query, 16) == b.nearest(query, 16)


def test_a_key_added_again_replaces_its_vector() -> None:
    index = VectorIndex(dim=32)
    first, second = _units(np.random.default_rng(2), 2)
    index.add("a", first)
    index.add("a", second)
    assert len(index) == 1 and index.nearest(second, 3) == [("a", index.nearest(second, 1)[0][1])]
    assert index.nearest(second, 1)[0][1] > 0.999


def test_empty_index_finds_nothing() -> None:
    assert VectorIndex(dim=4).nearest(np.ones(4, dtype=np.float32) / 2, 3) == []
