"""Products of one store in the database: import with a diff, single-product changes, and
embeddings kept per product so only changed texts are embedded again.

Two hashes per product: `content_hash` (everything) tells whether it changed at all,
`embed_hash` (model + the text that is embedded) whether it needs a new vector. A price or
stock change therefore costs no embedding.

The `vector` column holds the full vector followed by the short one (`Product.short_text`);
a row written before short vectors holds the full one alone, stands for both until the next
import re-embeds it (its `embed_hash` no longer matches).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

import numpy as np
from sqlalchemy import and_, delete, func, insert, select, update

from catalog.db import Database
from catalog.embedder import Embedder
from catalog.models import Product
from catalog.parallel_embed import encode_many

Progress = Callable[[str, int, int], None]  # stage, done, total
VECTORS = "full+short"  # what a row's vector holds; part of `embed_hash`, so older rows are embedded again


def embed_hash(product: Product, model: str) -> str:
    """Hash of the model and of what `Product.embedding_text` and `short_text` read (independent of key order)."""
    embedded = {"title": product.title, "category": product.category, "tags": product.tags, "description": product.description}
    text = json.dumps(embedded, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{model}\n{VECTORS}\n{text}".encode()).hexdigest()[:16]


def embed_products(embedder: Embedder, products: list[Product], progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """Each product's full vector followed by its short one, one row per product."""
    texts = [p.embedding_text() for p in products] + [p.short_text() for p in products]
    vectors = encode_many(embedder, texts, progress)
    return np.hstack([vectors[: len(products)], vectors[len(products) :]]) if products else np.zeros((0, 2 * embedder.dim), np.float32)


def split_vectors(blobs: list[bytes], dim: int) -> tuple[np.ndarray, np.ndarray]:
    """(full, short) vectors of stored rows of the model's dimension `dim`; a row with the full
    vector alone stands for both."""
    if not blobs:
        return np.zeros((0, dim), np.float32), np.zeros((0, dim), np.float32)
    rows = [np.frombuffer(blob, dtype=np.float32) for blob in blobs]
    full = np.stack([r[:dim] for r in rows])
    short = np.stack([r[dim : 2 * dim] if r.size >= 2 * dim else r[:dim] for r in rows])
    return full, short


class Snapshot(NamedTuple):
    """Everything a version needs, in id order."""

    ids: list[str]
    lines: list[str]  # the products as JSON
    vectors: np.ndarray  # full vectors
    hashes: list[str]  # content hashes
    variants: int
    short: np.ndarray  # short vectors (the full ones for rows written before short vectors)


def product_json(product: Product) -> str:
    """The product as stored and published (field and language order kept as given)."""
    return json.dumps(product.dict(exclude_none=True), ensure_ascii=False)


@dataclass
class ImportReport:
    """What an import changed."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    embedded: int = 0
    rejected: list[dict] = field(default_factory=list)  # {"file", "row", "reason"}
    categories: dict[str, str] = field(default_factory=dict)  # product type, category path or tag -> "category (how chosen)"
    hidden: list[str] = field(default_factory=list)  # imported, not shown to shoppers (draft, archived, unpublished)
    version: int | None = None
    seconds: float = 0.0

    def summary(self) -> dict:
        data = asdict(self)
        data["counts"] = {
            "added": len(self.added), "changed": len(self.changed), "removed": len(self.removed),
            "unchanged": self.unchanged, "rejected": len(self.rejected), "embedded": self.embedded,
            "hidden": len(self.hidden),
        }  # fmt: skip
        return data


class CatalogRepository:
    """The products of `store` in `db`."""

    def __init__(self, db: Database, store: str):
        self.db = db
        self.store = store
        self.t = db.products

    # --- reading -------------------------------------------------------------
    def _where(self, *extra):  # noqa: ANN202
        return and_(self.t.c.store == self.store, *extra)

    def hashes(self) -> dict[str, tuple[str, str]]:
        """product id -> (content_hash, embed_hash)."""
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(self.t.c.id, self.t.c.content_hash, self.t.c.embed_hash).where(self._where()))
            return {r.id: (r.content_hash, r.embed_hash) for r in rows}

    def hidden_ids(self) -> set[str]:
        """Products the shoppers must not see (a `status` of draft, archived or unpublished)."""
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(self.t.c.id, self.t.c.data).where(self._where(self.t.c.data.like('%"status": %'))))
            return {r.id for r in rows if json.loads(r.data).get("status")}

    def get(self, product_id: str) -> Product | None:
        with self.db.engine.connect() as conn:
            data = conn.execute(select(self.t.c.data).where(self._where(self.t.c.id == product_id))).scalar()
        return Product.parse_raw(data) if data else None

    def list(self, offset: int = 0, limit: int = 100) -> tuple[int, list[Product]]:
        with self.db.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(self.t).where(self._where())).scalar() or 0
            rows = conn.execute(select(self.t.c.data).where(self._where()).order_by(self.t.c.id).offset(offset).limit(limit))
            return int(total), [Product.parse_raw(r.data) for r in rows]

    def counts(self) -> tuple[int, int]:
        """(products, variants)."""
        with self.db.engine.connect() as conn:
            row = conn.execute(select(func.count(), func.coalesce(func.sum(self.t.c.variants), 0)).where(self._where())).one()
        return int(row[0]), int(row[1])

    def snapshot(self, dim: int, only: list[str] | None = None, exclude: set[str] | frozenset = frozenset()) -> Snapshot:
        """Everything a version needs, in id order, with vectors of dimension `dim`: all products,
        or the ones in `only`; never those in `exclude`."""
        columns = (self.t.c.id, self.t.c.data, self.t.c.vector, self.t.c.content_hash, self.t.c.variants)
        with self.db.engine.connect() as conn:
            if only is None:
                rows = conn.execute(select(*columns).where(self._where()).order_by(self.t.c.id)).fetchall()
            else:
                wanted = sorted(set(only))
                rows = [
                    row
                    for start in range(0, len(wanted), 500)  # stay below SQLite's bound-parameter limit
                    for row in conn.execute(select(*columns).where(self._where(self.t.c.id.in_(wanted[start : start + 500]))))
                ]
                rows.sort(key=lambda r: r.id)
        rows = [r for r in rows if r.id not in exclude]
        ids = [r.id for r in rows]
        full, short = split_vectors([bytes(r.vector) for r in rows], dim)
        return Snapshot(ids, [r.data for r in rows], full, [r.content_hash for r in rows], sum(r.variants for r in rows), short)

    # --- writing -------------------------------------------------------------
    def _embed(self, products: list[Product], embedder: Embedder, progress: Progress | None) -> np.ndarray:
        report = (lambda done, total: progress("embedding", done, total)) if progress else None
        return embed_products(embedder, products, report)

    def _row(self, product: Product, model: str, vector: np.ndarray | None) -> dict:
        row = {
            "store": self.store, "id": product.id, "data": product_json(product),
            "content_hash": product.content_hash(), "embed_hash": embed_hash(product, model),
            "variants": len(product.variants), "updated_at": time.time(),
        }  # fmt: skip
        if vector is not None:
            row["vector"] = np.ascontiguousarray(vector, dtype=np.float32).tobytes()
        return row

    def replace_all(self, products: list[Product], embedder: Embedder, progress: Progress | None = None) -> ImportReport:
        """Make `products` the store's catalog: add, change, remove; embed only what needs it.

        Embeddings are computed first, then everything is written in one transaction, so a crash
        at any point leaves the previous catalog complete.
        """
        report = ImportReport()
        existing = self.hashes()
        needs_vector: list[Product] = []
        changed_only: list[Product] = []
        for product in products:
            old = existing.get(product.id)
            if old is None:
                report.added.append(product.id)
                needs_vector.append(product)
            elif old[0] == product.content_hash():
                report.unchanged += 1
                if old[1] != embed_hash(product, embedder.name):  # stored before the short vectors
                    needs_vector.append(product)
            else:
                report.changed.append(product.id)
                (needs_vector if old[1] != embed_hash(product, embedder.name) else changed_only).append(product)
        incoming = {p.id for p in products}
        report.removed = sorted(set(existing) - incoming)
        vectors = self._embed(needs_vector, embedder, progress)
        report.embedded = len(needs_vector)
        if progress:
            progress("writing", 0, 1)
        with self.db.engine.begin() as conn:
            if report.removed:
                for start in range(0, len(report.removed), 500):
                    conn.execute(delete(self.t).where(self._where(self.t.c.id.in_(report.removed[start : start + 500]))))
            added = set(report.added)
            new_rows = [self._row(p, embedder.name, v) for p, v in zip(needs_vector, vectors, strict=True) if p.id in added]
            for start in range(0, len(new_rows), 1000):
                conn.execute(insert(self.t), new_rows[start : start + 1000])
            for product, vector in zip(needs_vector, vectors, strict=True):
                if product.id not in added:
                    conn.execute(update(self.t).where(self._where(self.t.c.id == product.id)).values(**self._row(product, embedder.name, vector)))
            for product in changed_only:
                conn.execute(update(self.t).where(self._where(self.t.c.id == product.id)).values(**self._row(product, embedder.name, None)))
        if progress:
            progress("writing", 1, 1)
        return report

    def put(self, product: Product, embedder: Embedder) -> str:
        """Create or replace one product: `created`, `replaced` or `unchanged`."""
        old = self.hashes_of(product.id)
        if old and old[0] == product.content_hash() and old[1] == embed_hash(product, embedder.name):
            return "unchanged"
        vector = None if old and old[1] == embed_hash(product, embedder.name) else embed_products(embedder, [product])[0]
        row = self._row(product, embedder.name, vector)
        with self.db.engine.begin() as conn:
            if old:
                conn.execute(update(self.t).where(self._where(self.t.c.id == product.id)).values(**row))
            else:
                conn.execute(insert(self.t), [row])
        return "replaced" if old else "created"

    def hashes_of(self, product_id: str) -> tuple[str, str] | None:
        with self.db.engine.connect() as conn:
            row = conn.execute(select(self.t.c.content_hash, self.t.c.embed_hash).where(self._where(self.t.c.id == product_id))).first()
        return (row.content_hash, row.embed_hash) if row else None

    def delete(self, product_id: str) -> bool:
        with self.db.engine.begin() as conn:
            return conn.execute(delete(self.t).where(self._where(self.t.c.id == product_id))).rowcount > 0
