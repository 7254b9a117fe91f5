"""Turn validated products into the files the action server reads: products.jsonl + FAISS index.

Everything is written to a fresh folder and then swapped in with a rename, so a crash halfway
leaves the previous catalog in service.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from tqdm import tqdm

from catalog.embedder import Embedder
from catalog.index import ProductIndex, read_manifest
from catalog.models import Product

PRODUCTS_FILE = "products.jsonl"


def products_file(folder: Path) -> Path:
    return folder / PRODUCTS_FILE


def index_dir(folder: Path) -> Path:
    return folder / "index"


def catalog_hash(products: list[Product]) -> str:
    digest = hashlib.sha256()
    for product in sorted(products, key=lambda p: p.id):
        digest.update(product.content_hash().encode())
    return digest.hexdigest()[:16]


def read_products(path: Path) -> list[Product]:
    with path.open(encoding="utf-8") as fh:
        return [Product.parse_raw(line) for line in fh if line.strip()]


def build(products: list[Product], folder: Path, embedder: Embedder, progress: bool = False, batch: int = 64) -> dict:
    """Embed all products and write them with their index to `folder` (replacing what was there)."""
    staging = folder.with_name(f".{folder.name}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with products_file(staging).open("w", encoding="utf-8") as fh:
        for product in products:
            fh.write(json.dumps(product.dict(exclude_none=True), ensure_ascii=False) + "\n")
    index = ProductIndex(embedder.name, embedder.dim)
    for start in tqdm(range(0, len(products), batch), desc="embedding", unit=" batches", disable=not progress):
        chunk = products[start : start + batch]
        index.upsert([p.id for p in chunk], embedder.encode([p.embedding_text() for p in chunk]))
    manifest = index.save(index_dir(staging), catalog_hash(products))
    old = folder.with_name(f".{folder.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        os.replace(folder, old)
    os.replace(staging, folder)
    shutil.rmtree(old, ignore_errors=True)
    return manifest


def is_current(products: list[Product], folder: Path, model: str) -> bool:
    try:
        manifest = read_manifest(index_dir(folder))
    except Exception:
        return False
    return manifest.get("model") == model and manifest.get("catalog_hash") == catalog_hash(products)
