"""Nearest neighbours by cosine over L2-normalised vectors, with removal.

An HNSW graph (usearch): a query costs about log(n), so deciding an article takes
nearly the same time with 1,000 or 100,000 articles in the window, where an exact scan
grew linearly (100k x 512 floats: ~22 ms per query).  Vectors are held as float16:
half the memory traffic of float32 for the same recall.  Measured on 100k article
gists (BENCHMARKS.md): recall@16 0.95, the true nearest first in 97 % of queries,
0.7 ms per query and 0.3 ms per insertion (at 1k: 0.999, 0.13 ms, 0.08 ms); float32
gave the same recall at twice the time, int8 lost 10 points of recall.  The 16
neighbours only nominate candidates: each is then compared in full.  Built and
searched on one thread, the graph
depends only on the sequence of adds and removes, so batch and stream, which apply
the same sequence, get the same neighbours.  Removed slots are reused: memory follows
the live count.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from usearch.index import Index

CONNECTIVITY = 16  # graph edges per node ("M")
EXPANSION_ADD = 64  # candidates examined when linking a new node ("efConstruction")
EXPANSION_SEARCH = 128  # candidates examined per query ("ef"): recall 0.95 at 100k


class VectorIndex:
    def __init__(self, dim: int = 512) -> None:
        self._graph = Index(
            ndim=dim,
            metric="ip",
            dtype="f16",
            connectivity=CONNECTIVITY,
            expansion_add=EXPANSION_ADD,
            expansion_search=EXPANSION_SEARCH,
        )
        self._ids: dict[str, int] = {}
        self._keys: dict[int, str] = {}
        self._next_id = 0

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, key: str) -> bool:
        return key in self._ids

    def add(self, key: str, vector: NDArray[np.float32]) -> None:
        if key in self._ids:
            self.remove(key)
        node = self._next_id
        self._next_id += 1
        self._graph.add(node, np.ascontiguousarray(vector, dtype=np.float32), threads=1)
        self._ids[key], self._keys[node] = node, key

    def remove(self, key: str) -> None:
        node = self._ids.pop(key)
        del self._keys[node]
        self._graph.remove(node)

    def nearest(self, vector: NDArray[np.float32], k: int) -> list[tuple[str, float]]:
        """Up to k (key, cosine) pairs, best first; ties broken by key for determinism."""
        if not self._ids:
            return []
        found = self._graph.search(np.ascontiguousarray(vector, dtype=np.float32), k, threads=1)
        hits = zip(found.keys, found.distances, strict=True)
        pairs = [(self._keys[int(node)], 1.0 - float(distance)) for node, distance in hits]
        return sorted(pairs, key=lambda p: (-p[1], p[0]))
