"""Nearest neighbours by cosine over L2-normalised vectors, with removal.

Exact search over a preallocated float32 matrix: one matrix-vector product, then a
partial sort.  Free slots are reused, so the matrix never grows past the peak number of
live articles.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

_INITIAL_CAPACITY = 1024


class VectorIndex:
    def __init__(self, dim: int = 512) -> None:
        self._matrix = np.zeros((_INITIAL_CAPACITY, dim), dtype=np.float32)
        self._keys: list[str | None] = [None] * _INITIAL_CAPACITY
        self._slot: dict[str, int] = {}
        self._free: list[int] = list(range(_INITIAL_CAPACITY - 1, -1, -1))
        self._high = 0  # slots at or above this were never used: search skips them

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, key: str) -> bool:
        return key in self._slot

    def add(self, key: str, vector: NDArray[np.float32]) -> None:
        if not self._free:
            self._grow()
        slot = self._free.pop()
        self._matrix[slot] = vector
        self._keys[slot] = key
        self._slot[key] = slot
        self._high = max(self._high, slot + 1)

    def remove(self, key: str) -> None:
        slot = self._slot.pop(key)
        self._matrix[slot] = 0.0
        self._keys[slot] = None
        self._free.append(slot)

    def nearest(self, vector: NDArray[np.float32], k: int) -> list[tuple[str, float]]:
        """Up to k (key, cosine) pairs, best first; ties broken by key for determinism."""
        if not self._slot:
            return []
        scores = self._matrix[: self._high] @ vector
        k = min(k, len(self._slot))
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        found = [(self._keys[i], float(scores[i])) for i in top if self._keys[i] is not None]
        return sorted(((key, s) for key, s in found if key is not None), key=lambda p: (-p[1], p[0]))

    def _grow(self) -> None:
        old = len(self._keys)
        self._matrix = np.vstack([self._matrix, np.zeros_like(self._matrix)])
        self._keys.extend([None] * old)
        self._free.extend(range(2 * old - 1, old - 1, -1))
