"""Publish the database's catalog as a new index version (FAISS + products), one writer at a time."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, insert, select

from catalog.build import (
    hash_of_content_hashes,
    read_content_hashes,
    read_delta,
    read_pointer,
    write_version,
)
from catalog.db import Database
from catalog.embedder import Embedder
from catalog.files import file_lock
from catalog.notify import announce
from catalog.repository import CatalogRepository

# From this many products on, full versions get an approximate (HNSW) index: at 100k products it
# searches in < 1 ms instead of ~15 ms. Building it takes ~25 s at 100k, but only full versions
# (imports, or a delta grown past DELTA_MIN / DELTA_SHARE) build it; single changes are deltas.
HNSW_FROM = int(os.environ.get("SHOPBOT_HNSW_FROM", "50000"))
# A change touching at most this many products (or DELTA_SHARE of the catalog, whichever is
# more) since the last full version is published as a delta version: only those products are
# written and loaded, so a change at 100k products goes live as fast as at 1k.
DELTA_MIN = int(os.environ.get("SHOPBOT_DELTA_MIN", "500"))
DELTA_SHARE = float(os.environ.get("SHOPBOT_DELTA_SHARE", "0.05"))


@contextmanager
def writer_lock(folder: Path) -> Iterator[None]:
    """One publisher per store folder at a time (across threads and processes)."""
    with file_lock(folder / ".publish.lock"):
        yield


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
    hidden = repo.hidden_ids()  # drafts and unpublished products stay the merchant's
    current = {pid: content for pid, (content, _) in sorted(repo.hashes().items()) if pid not in hidden}
    digest = hash_of_content_hashes(current.values())
    pointer = read_pointer(folder) or {}
    # a version of an older release (no short vectors) is replaced by a full one
    force = force or (bool(pointer) and not pointer.get("short"))
    if not force and pointer.get("catalog_hash") == digest and pointer.get("model") == embedder.name:
        return None
    with db.engine.connect() as conn:
        last = conn.execute(select(func.max(db.versions.c.version)).where(db.versions.c.store == store)).scalar()
    version = max(int(last or 0), int(pointer.get("version", 0))) + 1
    delta = None if force else _delta_since_base(folder, pointer, current, embedder.name)
    if delta is not None:
        base_dir, changed, removed = delta
        snap = repo.snapshot(embedder.dim, only=changed, exclude=hidden)
        ids = snap.ids
        kind = "delta"
        write_version(folder, snap.lines, ids, snap.vectors, embedder.name, embedder.dim, digest, version,
                      base={"dir": base_dir, "removed": removed}, short=snap.short)  # fmt: skip
        variants = repo.counts()[1]  # includes hidden products' variants: only a figure for the merchant
    else:
        snap = repo.snapshot(embedder.dim, exclude=hidden)
        ids, variants = snap.ids, snap.variants
        kind = index_type_for(len(ids))
        digest = hash_of_content_hashes(snap.hashes)  # the rows as read now
        write_version(folder, snap.lines, ids, snap.vectors, embedder.name, embedder.dim, digest, version, kind,
                      content_hashes=snap.hashes, short=snap.short)  # fmt: skip
    row = {
        "store": store, "version": version, "model": embedder.name, "index_type": kind, "products": len(current),
        "variants": variants, "catalog_hash": digest, "path": str(folder / "versions" / f"v{version:06d}"),
        "build_seconds": time.monotonic() - started, "created_at": time.time(),
    }  # fmt: skip
    with db.engine.begin() as conn:
        conn.execute(insert(db.versions), [row])
    announce(store, "catalog", version)
    return row


def _delta_since_base(folder: Path, pointer: dict, current: dict[str, str], model: str) -> tuple[str, list[str], list[str]] | None:
    """(base dir, changed ids, removed ids) when the catalog is a small change from the full
    version in service (or the base of the delta in service); None when a full version is due."""
    if not pointer or pointer.get("model") != model:
        return None
    base_dir = pointer.get("base") or pointer.get("dir")
    base_path = folder / base_dir
    if read_delta(base_path) is not None:
        return None
    base = read_content_hashes(base_path)
    if base is None:
        return None
    changed = [pid for pid, content in current.items() if base.get(pid) != content]
    removed = [pid for pid in base if pid not in current]
    if len(changed) + len(removed) > max(DELTA_MIN, DELTA_SHARE * len(current)):
        return None
    return base_dir, changed, removed
