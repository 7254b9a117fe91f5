"""Turn products and their vectors into the files the action server reads.

Each published catalog is a version folder, `<data>/<store>/versions/v000042/` with
`products.jsonl` and `index/` (FAISS index + manifest). The file `<data>/<store>/CURRENT`
names the version in service; it is replaced atomically after the version folder is
complete, so a reader never sees a half-written index and a crash halfway leaves the previous
version in service. Folders written by older releases (`products.jsonl` + `index/` directly in
the store folder) are still read when there is no `CURRENT`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from tqdm import tqdm

from catalog.embedder import Embedder
from catalog.files import atomic_write_text, fsync_dir, fsync_tree, unique_name
from catalog.index import ProductIndex, read_manifest
from catalog.models import Product

PRODUCTS_FILE = "products.jsonl"
HASHES_FILE = "content_hashes.json"  # product id -> content hash, of a full version
DELTA_FILE = "delta.json"  # a delta version: its base and the products removed since
CURRENT_FILE = "CURRENT"
VERSIONS_DIR = "versions"
KEEP_VERSIONS = 3


def products_file(folder: Path) -> Path:
    return folder / PRODUCTS_FILE


def index_dir(folder: Path) -> Path:
    return folder / "index"


def catalog_hash(products: list[Product]) -> str:
    return hash_of_content_hashes(p.content_hash() for p in sorted(products, key=lambda p: p.id))


def hash_of_content_hashes(hashes: Iterable[str]) -> str:
    """The catalog hash from product content hashes in product-id order."""
    digest = hashlib.sha256()
    for value in hashes:
        digest.update(value.encode())
    return digest.hexdigest()[:16]


def read_products(path: Path, known: dict[str, Product] | None = None) -> list[Product]:
    """Products of a JSONL file. `known` (JSON line -> product) is reused and then replaced by
    this file's lines, so reading the next version parses only the lines that changed."""
    lines: list[str] = []
    products: list[Product] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                continue
            product = known.get(line) if known is not None else None
            lines.append(line)
            products.append(product if product is not None else Product.parse_raw(line))
    if known is not None:
        known.clear()
        known.update(zip(lines, products, strict=True))
    return products


def read_pointer(folder: Path) -> dict | None:
    """The `CURRENT` pointer of a store's data folder, or None (nothing published / old layout)."""
    try:
        return json.loads((folder / CURRENT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def current_folder(folder: Path) -> Path:
    """The folder holding the version in service."""
    pointer = read_pointer(folder)
    return folder / pointer["dir"] if pointer else folder


def write_version(
    folder: Path,
    product_lines: list[str],
    ids: list[str],
    vectors: np.ndarray,
    model: str,
    dim: int,
    digest: str,
    version: int | None = None,
    index_type: str = "flat",
    content_hashes: list[str] | None = None,
    base: dict | None = None,
    short: np.ndarray | None = None,
) -> dict:
    """Write a version folder, then point `CURRENT` at it; returns the manifest.

    `product_lines` are the products as JSON lines, `ids`/`vectors` their embeddings, `short`
    their short vectors (a second index; none in versions of older releases). A full
    version holds every product (and their content hashes, so the next change can be written as
    a delta). With `base` (`{"dir": "versions/v000041", "removed": [ids]}`) it is a delta
    version: only the products changed since that full version, which readers lay over it.
    """
    started = time.monotonic()
    if version is None:
        version = int((read_pointer(folder) or {}).get("version", 0)) + 1
    name = f"v{version:06d}"
    versions = folder / VERSIONS_DIR
    versions.mkdir(parents=True, exist_ok=True)
    staging = unique_name(versions / name, ".staging")
    staging.mkdir()
    try:
        manifest = _write_folder(staging, product_lines, ids, vectors, model, dim, digest, version, index_type,
                                 content_hashes, base, short)  # fmt: skip
        fsync_tree(staging)  # the folder's content is on disk before its name is
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    final = versions / name
    shutil.rmtree(final, ignore_errors=True)
    os.replace(staging, final)
    fsync_dir(versions)
    pointer = {"version": version, "dir": f"{VERSIONS_DIR}/{name}", "catalog_hash": digest, "model": model,
               "published_at": time.time(), "short": short is not None}  # fmt: skip
    if base is not None:
        pointer["base"] = base["dir"]
    atomic_write_text(folder / CURRENT_FILE, json.dumps(pointer))
    _remove_old_versions(versions, version, keep={Path(pointer.get("base", "")).name})
    manifest["build_seconds"] = time.monotonic() - started
    return manifest


def _write_folder(staging: Path, product_lines: list[str], ids: list[str], vectors: np.ndarray, model: str,
                  dim: int, digest: str, version: int, index_type: str, content_hashes: list[str] | None,
                  base: dict | None, short: np.ndarray | None = None) -> dict:  # fmt: skip
    with products_file(staging).open("w", encoding="utf-8") as fh:
        for line in product_lines:
            fh.write(line.rstrip("\n") + "\n")
    index = ProductIndex(model, dim, kind="flat" if base else index_type)
    if ids:
        index.upsert(ids, vectors, short)
    manifest = index.save(index_dir(staging), digest, {"version": version, "products": len(ids)})
    if base is not None:
        (staging / DELTA_FILE).write_text(json.dumps(base), encoding="utf-8")
    elif content_hashes is not None:
        (staging / HASHES_FILE).write_text(json.dumps(dict(zip(ids, content_hashes, strict=True))), encoding="utf-8")
    return manifest


def read_delta(folder: Path) -> dict | None:
    """`{"dir": base version dir, "removed": [...]}` of a delta version folder, None for a full one."""
    try:
        return json.loads((folder / DELTA_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def read_current_products(folder: Path) -> list[Product]:
    """The products in service in a store's data folder (a delta version laid over its base)."""
    version = current_folder(folder)
    delta = read_delta(version)
    if delta is None:
        return read_products(products_file(version))
    changed = read_products(products_file(version))
    hidden = set(delta["removed"]) | {p.id for p in changed}
    return [p for p in read_products(products_file(folder / delta["dir"])) if p.id not in hidden] + changed


def read_content_hashes(folder: Path) -> dict[str, str] | None:
    """product id -> content hash of a full version (None for versions written before deltas)."""
    try:
        return json.loads((folder / HASHES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _remove_old_versions(versions: Path, current: int, keep: set[str]) -> None:
    """Keep the newest few versions (a reader still loading an older one has time to finish)
    and the full versions they are deltas of."""
    recent = [versions / f"v{v:06d}" for v in range(current - KEEP_VERSIONS + 1, current + 1)]
    keep = keep | {(read_delta(p) or {}).get("dir", "").rpartition("/")[2] for p in recent if p.is_dir()}
    for path in versions.iterdir():
        if path.name.startswith("v") and path.name[1:].isdigit() and int(path.name[1:]) <= current - KEEP_VERSIONS:
            if path.name not in keep:
                shutil.rmtree(path, ignore_errors=True)


def build(products: list[Product], folder: Path, embedder: Embedder, progress: bool = False, batch: int = 64) -> dict:
    """Embed all products shoppers may see and publish them as the store's new version (no database involved)."""
    products = [p for p in products if p.shown]
    vectors = np.zeros((len(products), embedder.dim), dtype=np.float32)
    short = np.zeros((len(products), embedder.dim), dtype=np.float32)
    for start in tqdm(range(0, len(products), batch), desc="embedding", unit=" batches", disable=not progress):
        chunk = products[start : start + batch]
        vectors[start : start + len(chunk)] = embedder.encode([p.embedding_text() for p in chunk])
        short[start : start + len(chunk)] = embedder.encode([p.short_text() for p in chunk])
    lines = [json.dumps(p.dict(exclude_none=True), ensure_ascii=False) for p in products]
    folder.mkdir(parents=True, exist_ok=True)
    hashes = [p.content_hash() for p in products]
    return write_version(folder, lines, [p.id for p in products], vectors, embedder.name, embedder.dim,
                         catalog_hash(products), content_hashes=hashes, short=short)  # fmt: skip


def is_current(products: list[Product], folder: Path, model: str) -> bool:
    products = [p for p in products if p.shown]
    try:
        manifest = read_manifest(index_dir(current_folder(folder)))
    except Exception:
        return False
    return manifest.get("model") == model and manifest.get("catalog_hash") == catalog_hash(products) and bool(manifest.get("short"))
