"""Embedding many texts on all cores.

By default in this process with one BLAS thread per core (`UseEmbedder.encode_bulk`: 2,000
product texts at 270/s on 2 idle cores). With `SHOPBOT_EMBED_WORKERS` > 1, imports above
`PARALLEL_FROM` texts use worker processes with one BLAS thread each: 298/s on the idle machine,
but much slower when the machine is shared, so they are off by default (bench/README.md).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable

import numpy as np

from catalog.embedder import Embedder, UseEmbedder, get_embedder

PARALLEL_FROM = int(os.environ.get("SHOPBOT_PARALLEL_EMBED_FROM", "1000"))
CHUNK = 256
BATCH = 64

_worker_embedder: Embedder | None = None


def _init(spec: str) -> None:
    global _worker_embedder
    _worker_embedder = get_embedder(spec)


def _encode(chunk: list[str]) -> np.ndarray:
    assert _worker_embedder is not None
    return np.vstack([_worker_embedder.encode(chunk[i : i + BATCH]) for i in range(0, len(chunk), BATCH)])


def workers() -> int:
    """Worker processes (`SHOPBOT_EMBED_WORKERS`, default 1: inline; on an idle 2-core machine 2 pays off)."""
    return max(1, int(os.environ.get("SHOPBOT_EMBED_WORKERS", "1")))


def encode_many(embedder: Embedder, texts: list[str], progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """Vectors for `texts` in order; in worker processes when there are many and the model allows."""
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    n = workers()
    if len(texts) < PARALLEL_FROM or n < 2 or not isinstance(embedder, UseEmbedder):
        encode = embedder.encode_bulk if isinstance(embedder, UseEmbedder) else embedder.encode
        for start in range(0, len(texts), BATCH):
            chunk = texts[start : start + BATCH]
            out[start : start + len(chunk)] = encode(chunk)
            if progress:
                progress(start + len(chunk), len(texts))
        return out
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    saved = {k: os.environ.get(k) for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    os.environ.update({k: "1" for k in saved})  # inherited by the spawned workers only
    try:
        context = mp.get_context("spawn")  # no fork: the caller may run threads (web server)
        with context.Pool(n, initializer=_init, initargs=("use",)) as pool:
            done = 0
            for i, vectors in enumerate(pool.imap(_encode, chunks)):
                out[i * CHUNK : i * CHUNK + len(vectors)] = vectors
                done += len(vectors)
                if progress:
                    progress(done, len(texts))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return out
