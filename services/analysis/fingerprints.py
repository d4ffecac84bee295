"""Content fingerprints for duplicate detection: an exact hash and a MinHash signature.

The exact hash is over case-folded words, so copies that differ in spacing, quotes
or capitalisation still hash alike.  The MinHash (datasketch, 128 permutations over
word 4-shingles) estimates Jaccard similarity between same-language rewrites.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import LeanMinHash, MinHash
from numpy.typing import NDArray

NUM_PERM = 128
SHINGLE_WORDS = 4
MINHASH_SEED = 1
SCHEME = "affine32"  # datasketch 2: bijective permutations, 32-bit values (half the memory)


def content_hash(words: list[str]) -> str:
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).hexdigest()


def shingles(words: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def minhash(words: list[str]) -> NDArray[np.uint32]:
    """The signature as a plain array, so it travels on the wire and stays picklable."""
    sketch = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=SCHEME)
    sketch.update_batch(list(shingles(words)))
    return sketch.hashvalues.copy()


def lean(hashvalues: NDArray[np.uint32]) -> LeanMinHash:
    return LeanMinHash(seed=MINHASH_SEED, hashvalues=hashvalues, scheme=SCHEME)


def jaccard(a: NDArray[np.uint32], b: NDArray[np.uint32]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / float(len(a))
