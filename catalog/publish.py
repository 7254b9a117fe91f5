"""Publish the database's catalog as a new index version (FAISS + products), one writer at a time."""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, insert, select

from catalog.build import hash_of_content_hashes, read_pointer, write_version
from catalog.db import Database
from catalog.embedder import Embedder
from catalog.notify import announce
from catalog.repository import CatalogRepository

# From this many products on, versions get an approximate (HNSW) index. Off by default: at 100k
# products HNSW searches in < 1 ms instead of ~15 ms, but building it takes ~25 s per version,
# so a single change would take half a minute to go live (bench/README.md, "Catalog at scale").
HNSW_FROM = int(os.environ.get("SHOPBOT_HNSW_FROM", "1000000000"))


@contextmanager
def writer_lock(folder: Path):
    """One publisher per store folder at a time (across processes)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".publish.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def index_type_for(count: int) -> str:
    forced = os.environ.get("SHOPBOT_INDEX_TYPE")
    if forced:
        return forced
    return "hnsw" if count >= HNSW_FROM else "flat"


def publish(db: Database, store: str, folder: Path, embedder: Embedder, force: bool = False) -> dict | None:
    """Write the catalog in the database as a new version and switch readers to it.

    Returns the version row, or None when the published version already is this catalog.
    Must be called under `writer_lock(folder)`.
    """
    started = time.monotonic()
    repo = CatalogRepository(db, store)
    ids, lines, vectors, hashes, variants = repo.snapshot()
    digest = hash_of_content_hashes(hashes)
    pointer = read_pointer(folder) or {}
    if not force and pointer.get("catalog_hash") == digest and pointer.get("model") == embedder.name:
        return None
    with db.engine.connect() as conn:
        last = conn.execute(select(func.max(db.versions.c.version)).where(db.versions.c.store == store)).scalar()
    version = max(int(last or 0), int(pointer.get("version", 0))) + 1
    kind = index_type_for(len(ids))
    write_version(folder, lines, ids, vectors, embedder.name, embedder.dim, digest, version, kind)
    row = {
        "store": store, "version": version, "model": embedder.name, "index_type": kind, "products": len(ids),
        "variants": variants, "catalog_hash": digest, "path": str(folder / "versions" / f"v{version:06d}"),
        "build_seconds": time.monotonic() - started, "created_at": time.time(),
    }  # fmt: skip
    with db.engine.begin() as conn:
        conn.execute(insert(db.versions), [row])
    announce(store, "catalog", version)
    return row
