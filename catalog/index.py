"""A FAISS index over product vectors that can add, replace and remove single products.

Products are keyed by a stable 63-bit hash of their id (`IndexIDMap2`), so no id table has
to be kept in sync. The index is written with a manifest (model, dimension, count, catalog
hash); `ProductIndex.load` refuses an index built with another embedding model.

Each product may also have a second, *short* vector (its names, category and tags without the
description, `Product.short_text`), kept in a second FAISS index of the same kind
(`short.faiss`, named in the manifest). A version written before it has none; search then uses
the full vectors alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import faiss
import numpy as np

INDEX_FILE = "products.faiss"
SHORT_INDEX_FILE = "short.faiss"
MANIFEST_FILE = "manifest.json"


class IndexMismatchError(Exception):
    """The index on disk was built with another model or is damaged."""


def serve_single_queries() -> None:
    """Search with one OpenMP thread, for processes that answer one query at a time (the action
    server). FAISS parallelises even a single query; on 2 busy cores the threads wait for each
    other: an HNSW search at 30k products took 12 ms p50 with 2 threads, 0.9 ms with 1."""
    faiss.omp_set_num_threads(1)


def product_key(product_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(product_id.encode(), digest_size=8).digest(), "big") >> 1


INDEX_TYPES = ("flat", "hnsw")


def make_faiss_index(dim: int, kind: str = "flat") -> faiss.Index:
    """`flat`: exact inner product. `hnsw`: approximate (HNSW graph, 32 links), for large catalogs."""
    if kind == "flat":
        inner = faiss.IndexFlatIP(dim)
    elif kind == "hnsw":
        inner = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        inner.hnsw.efConstruction = 64
        inner.hnsw.efSearch = 128
    else:
        raise ValueError(f"unknown index type {kind!r}: use one of {', '.join(INDEX_TYPES)}")
    return faiss.IndexIDMap2(inner)


class ProductIndex:
    def __init__(
        self, model: str, dim: int, index: faiss.Index | None = None, ids: list[str] | None = None, kind: str = "flat",
        short: faiss.Index | None = None,
    ):
        self.model = model
        self.dim = dim
        self.kind = kind
        self.index = index if index is not None else make_faiss_index(dim, kind)
        self.short = short  # the short vectors (names, category, tags), or None
        self._ids: dict[int, str] = {product_key(i): i for i in ids or []}

    @property
    def has_short(self) -> bool:
        return self.short is not None and (self.short.ntotal == self.index.ntotal)

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def __contains__(self, product_id: str) -> bool:
        return product_key(product_id) in self._ids

    @property
    def product_ids(self) -> list[str]:
        return sorted(self._ids.values())

    def upsert(self, product_ids: list[str], vectors: np.ndarray, short: np.ndarray | None = None) -> None:
        """Add products, replacing any with the same id; `short`: their short vectors (an index
        holds them for every product or for none)."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if vectors.shape != (len(product_ids), self.dim):
            raise ValueError(f"expected {len(product_ids)} vectors of dimension {self.dim}, got {vectors.shape}")
        mixed = len(self) > 0 and (short is not None) != (self.short is not None)
        if mixed or (short is not None and short.shape != vectors.shape):
            raise ValueError("short vectors must be given for every product of the index or for none, one per product")
        keys = np.array([product_key(p) for p in product_ids], dtype=np.int64)
        if self.kind == "flat":
            self.index.remove_ids(keys)
            if self.short is not None:
                self.short.remove_ids(keys)
        elif any(int(k) in self._ids for k in keys):  # HNSW cannot remove: versions are built whole
            raise ValueError("an HNSW index is built once per version; replacing products needs a new version")
        self.index.add_with_ids(vectors, keys)
        if short is not None:
            if self.short is None:
                self.short = make_faiss_index(self.dim, self.kind)
            self.short.add_with_ids(np.ascontiguousarray(short, dtype=np.float32), keys)
        self._ids.update(zip(keys.tolist(), product_ids, strict=True))

    def remove(self, product_ids: list[str]) -> int:
        keys = [product_key(p) for p in product_ids]
        if self.short is not None:
            self.short.remove_ids(np.array(keys, dtype=np.int64))
        removed = int(self.index.remove_ids(np.array(keys, dtype=np.int64)))
        for key in keys:
            self._ids.pop(key, None)
        return removed

    def vector(self, product_id: str) -> np.ndarray:
        return self.index.reconstruct(product_key(product_id))

    def index_efsearch(self) -> int:
        """HNSW search breadth (what a search with explicit parameters must pass on)."""
        return int(faiss.downcast_index(self.index.index).hnsw.efSearch) if self.kind == "hnsw" else 0

    def vectors(self, product_ids: list[str]) -> np.ndarray:
        """The stored vectors of several products, one row each, in one call."""
        keys = np.array([product_key(p) for p in product_ids], dtype=np.int64)
        return self.index.reconstruct_batch(keys)

    def short_vectors(self, product_ids: list[str]) -> np.ndarray:
        """The short vectors of several products (the full ones where the index has none)."""
        if not self.has_short:
            return self.vectors(product_ids)
        return self.short.reconstruct_batch(np.array([product_key(p) for p in product_ids], dtype=np.int64))

    def search(self, query: np.ndarray, k: int, params: faiss.SearchParameters | None = None) -> list[tuple[str, float]]:
        return self._search(self.index, query, k, params)

    def search_short(self, query: np.ndarray, k: int, params: faiss.SearchParameters | None = None) -> list[tuple[str, float]]:
        """Nearest products by their short vectors ([] without short vectors)."""
        return self._search(self.short, query, k, params) if self.has_short else []

    def _search(self, index: faiss.Index, query: np.ndarray, k: int, params: faiss.SearchParameters | None) -> list[tuple[str, float]]:
        if len(self) == 0:
            return []
        query = np.ascontiguousarray(np.atleast_2d(query), dtype=np.float32)
        scores, keys = index.search(query, min(k, len(self)), params=params)
        return [(self._ids[int(key)], float(score)) for key, score in zip(keys[0], scores[0], strict=True) if key != -1]

    # --- persistence -------------------------------------------------------
    def save(self, folder: Path, catalog_hash: str, extra: dict | None = None) -> dict:
        """Write index + manifest; the manifest goes last, so a reader never sees a half-written pair."""
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{INDEX_FILE}.tmp"
        faiss.write_index(self.index, str(tmp))
        os.replace(tmp, folder / INDEX_FILE)
        if self.has_short:
            tmp = folder / f".{SHORT_INDEX_FILE}.tmp"
            faiss.write_index(self.short, str(tmp))
            os.replace(tmp, folder / SHORT_INDEX_FILE)
        manifest = {
            "model": self.model,
            "dim": self.dim,
            "count": len(self),
            "catalog_hash": catalog_hash,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "index_type": self.kind,
            "short": SHORT_INDEX_FILE if self.has_short else None,
            **(extra or {}),
            "ids": self.product_ids,
        }
        tmp = folder / f".{MANIFEST_FILE}.tmp"
        tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        os.replace(tmp, folder / MANIFEST_FILE)
        return manifest

    @classmethod
    def load(cls, folder: Path, expected_model: str) -> ProductIndex:
        manifest = read_manifest(folder)
        if manifest["model"] != expected_model:
            raise IndexMismatchError(
                f"{folder}: the index was built with embedding model {manifest['model']!r}, "
                f"but this server embeds questions with {expected_model!r}. "
                "Rebuild it with `shopbot catalog build` or set SHOPBOT_EMBEDDER to the index's model."
            )
        index = faiss.read_index(str(folder / INDEX_FILE))
        short = faiss.read_index(str(folder / manifest["short"])) if manifest.get("short") else None
        if index.d != manifest["dim"] or index.ntotal != manifest["count"] or (short is not None and short.ntotal != index.ntotal):
            raise IndexMismatchError(f"{folder}: index file and manifest disagree; rebuild the index")
        return cls(manifest["model"], manifest["dim"], index, manifest["ids"], manifest.get("index_type", "flat"), short)


class LayeredIndex:
    """A published base index plus the products changed since (a small flat index).

    Products changed or removed since the base are hidden in the base by a FAISS ID selector,
    so a change goes live without rebuilding (or copying) the big base index, which may be an
    approximate HNSW index that cannot remove vectors. Same reading interface as `ProductIndex`.
    """

    def __init__(self, base: ProductIndex, delta: ProductIndex, hidden: set[str]):
        self.base = base
        self.delta = delta
        self.model = base.model
        self.dim = base.dim
        self.kind = base.kind
        self.hidden = {p for p in hidden if p in base}
        if self.hidden:
            # keep the selector objects referenced: FAISS does not own them
            self._batch = faiss.IDSelectorBatch(np.array([product_key(p) for p in self.hidden], dtype=np.int64))
            self._not = faiss.IDSelectorNot(self._batch)

    def _params(self) -> faiss.SearchParameters | None:
        """Search parameters hiding the changed products, new for every search: FAISS's
        IndexIDMap swaps its own selector into the parameters while it searches, so one object
        shared by concurrent searches lets a thread read another's (freed) selector."""
        if not self.hidden:
            return None
        if self.base.kind == "hnsw":
            return faiss.SearchParametersHNSW(sel=self._not, efSearch=self.base.index_efsearch())
        return faiss.SearchParameters(sel=self._not)

    def __len__(self) -> int:
        return len(self.base) - len(self.hidden) + len(self.delta)

    def __contains__(self, product_id: str) -> bool:
        return product_id in self.delta or (product_id in self.base and product_id not in self.hidden)

    @property
    def product_ids(self) -> list[str]:
        return sorted({*(p for p in self.base.product_ids if p not in self.hidden), *self.delta.product_ids})

    @property
    def has_short(self) -> bool:
        return self.base.has_short and (self.delta.has_short or len(self.delta) == 0)

    def search(self, query: np.ndarray, k: int) -> list[tuple[str, float]]:
        hits = self.base.search(query, k, self._params()) + self.delta.search(query, k)
        return sorted(hits, key=lambda hit: -hit[1])[:k]

    def search_short(self, query: np.ndarray, k: int) -> list[tuple[str, float]]:
        if not self.has_short:
            return []
        hits = self.base.search_short(query, k, self._params()) + self.delta.search_short(query, k)
        return sorted(hits, key=lambda hit: -hit[1])[:k]

    def short_vectors(self, product_ids: list[str]) -> np.ndarray:
        if not self.has_short:
            return self.vectors(product_ids)
        if not product_ids:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([(self.delta if p in self.delta else self.base).short_vectors([p])[0] for p in product_ids])

    def vector(self, product_id: str) -> np.ndarray:
        return self.delta.vector(product_id) if product_id in self.delta else self.base.vector(product_id)

    def vectors(self, product_ids: list[str]) -> np.ndarray:
        if not product_ids:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.vector(p) for p in product_ids])


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST_FILE
    if not path.is_file():
        raise IndexMismatchError(f"{folder}: no index found; build it with `shopbot catalog build`")
    return json.loads(path.read_text(encoding="utf-8"))
