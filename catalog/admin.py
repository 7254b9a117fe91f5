"""What a merchant can do with the catalog, for the `shopbot` command and the merchant API:
import a file, change single products, read the index status. Every change is written to the
database and published as a new index version before the call returns.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import func, select

from catalog.build import read_pointer
from catalog.db import Database, open_database
from catalog.embedder import DEFAULT_EMBEDDER, Embedder, get_embedder
from catalog.enrich import enrich
from catalog.importer import import_file
from catalog.models import LangText, Product
from catalog.publish import publish, writer_lock
from catalog.repository import CatalogRepository, ImportReport, Progress
from catalog.store import Store


class ProductError(Exception):
    """A product change was refused; `fields` names each bad field."""

    def __init__(self, message: str, fields: list[dict] | None = None, status: int = 422):
        super().__init__(message)
        self.fields = fields or []
        self.status = status


def field_errors(exc: ValidationError, prefix: str = "") -> list[dict]:
    return [
        {"field": prefix + ".".join(str(p) for p in e["loc"] if p != "__root__"), "message": e["msg"]}
        for e in exc.errors()
    ]


class VariantPatch(BaseModel):
    """Changes to one variant, found by SKU."""

    sku: str = Field(..., min_length=1, max_length=64)
    price: float | None = Field(None, ge=0, le=1_000_000)
    compare_at_price: float | None = Field(None, ge=0)
    stock: int | None = Field(None, ge=0, le=10_000_000)

    class Config:
        extra = "forbid"


class ProductPatch(BaseModel):
    """A partial change; absent fields stay as they are. `price` sets every variant's price."""

    title: LangText | None = None
    description: LangText | None = None
    category: str | None = None
    vendor: str | None = None
    tags: list[str] | None = None
    attributes: dict[str, Any] | None = None
    image: str | None = None
    related: list[str] | None = None
    price: float | None = Field(None, ge=0, le=1_000_000)
    variants: list[VariantPatch] | None = None

    class Config:
        extra = "forbid"


class CatalogAdmin:
    """The catalog of one store folder, its database and its published versions."""

    def __init__(self, store_dir: Path | str, data_dir: Path | str, embedder: str | Embedder | None = None,
                 db: Database | None = None):  # fmt: skip
        self.store_dir = Path(store_dir)
        self.data_dir = Path(data_dir)
        self._embedder = embedder
        self.slug = Path(store_dir).resolve().name
        self.folder = self.data_dir / self.slug
        self.db = db or open_database(self.data_dir)
        self.repo = CatalogRepository(self.db, self.slug)

    @property
    def store(self) -> Store:
        return Store(self.store_dir)  # read each time: the merchant may have edited store.yml

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None or isinstance(self._embedder, str):
            self._embedder = get_embedder(self._embedder or DEFAULT_EMBEDDER)
        return self._embedder

    # --- whole catalog -----------------------------------------------------------
    def import_file(self, path: Path | str, skip_bad_rows: bool = False, progress: Progress | None = None,
                    reading_progress: bool = False, fmt: str | None = None) -> ImportReport:  # fmt: skip
        """Validate a Shopify / WooCommerce CSV or JSONL file and make it the catalog.

        With errors, nothing changes unless `skip_bad_rows`; then bad rows (and products with a
        bad row) are left out and reported as rejected. Product types that match no category
        of store.yml become categories of their own (`report.categories` says which).
        """
        started = time.monotonic()
        if progress:
            progress("reading", 0, 1)
        result = import_file(path, self.store.config.categories, progress=reading_progress, embedder=lambda: self.embedder,
                             fmt=fmt)  # fmt: skip
        rejected = [{"file": e.file, "row": e.row, "reason": str(e.reason)} for e in result.errors]
        products = result.products
        if result.errors:
            bad_rows = {e.row for e in result.errors}
            products = [p for p in products if result.product_rows.get(p.id) not in bad_rows]
            seen: set[str] = set()
            products = [p for p in products if not (p.id in seen or seen.add(p.id))]
            if not skip_bad_rows or not products:
                report = ImportReport(rejected=rejected, categories=result.category_mapping)
                report.seconds = time.monotonic() - started
                return report
        with writer_lock(self.folder):
            report = self.repo.replace_all(products, self.embedder, progress)
            report.rejected = rejected
            report.categories = result.category_mapping
            report.hidden = [p.id for p in products if not p.shown]
            row = self._publish()
            report.version = row["version"] if row else (read_pointer(self.folder) or {}).get("version")
        report.seconds = time.monotonic() - started
        return report

    def _publish(self, force: bool = False) -> dict | None:
        return publish(self.db, self.slug, self.folder, self.embedder, force)

    def publish(self, force: bool = False) -> dict | None:
        with writer_lock(self.folder):
            return self._publish(force)

    # --- single products -----------------------------------------------------------
    def _validate(self, raw: dict, kept_category: str | None = None) -> Product:
        """A valid product whose category is in store.yml (or is `kept_category`: a patch keeps
        the category an import made from a product type), with the facts of its text
        (`catalog.enrich`); else ProductError naming the fields."""
        try:
            product = enrich(Product.parse_obj(raw))
        except ValidationError as exc:
            raise ProductError("invalid product", field_errors(exc)) from exc
        categories = self.store.config.categories
        if product.category not in categories and product.category != kept_category:
            raise ProductError(
                "invalid product",
                [{"field": "category", "message": f"{product.category!r} is not one of {', '.join(sorted(categories))}"}],
            )
        return product

    def put_product(self, product_id: str, raw: dict) -> tuple[str, Product, int | None]:
        """Create or replace; returns (created/replaced/unchanged, product, version)."""
        if not isinstance(raw, dict):
            raise ProductError("expected a JSON object", [{"field": "", "message": "expected a JSON object"}])
        if raw.get("id", product_id) != product_id:
            raise ProductError("id mismatch", [{"field": "id", "message": f"must be {product_id!r} (the id in the URL)"}])
        product = self._validate({**raw, "id": product_id})
        with writer_lock(self.folder):
            outcome = self.repo.put(product, self.embedder)
            row = self._publish() if outcome != "unchanged" else None
        return outcome, product, row["version"] if row else None

    def patch_product(self, product_id: str, raw: dict) -> tuple[Product, int | None]:
        try:
            patch = ProductPatch.parse_obj(raw)
        except ValidationError as exc:
            raise ProductError("invalid patch", field_errors(exc)) from exc
        with writer_lock(self.folder):
            current = self.repo.get(product_id)
            if current is None:
                raise ProductError(f"product {product_id!r} not found", status=404)
            data = current.dict(exclude_none=True)
            changes = patch.dict(exclude_unset=True, exclude={"price", "variants"})
            data.update({k: v for k, v in changes.items()})
            by_sku = {v["sku"]: v for v in data["variants"]}
            if patch.price is not None:
                for variant in data["variants"]:
                    variant["price"] = patch.price
            for i, change in enumerate(patch.variants or []):
                if change.sku not in by_sku:
                    raise ProductError("invalid patch", [{"field": f"variants.{i}.sku", "message": f"no variant with SKU {change.sku!r}"}])
                by_sku[change.sku].update(change.dict(exclude_unset=True))
            product = self._validate(data, kept_category=current.category)
            outcome = self.repo.put(product, self.embedder)
            row = self._publish() if outcome != "unchanged" else None
        return product, row["version"] if row else None

    def delete_product(self, product_id: str) -> int | None:
        with writer_lock(self.folder):
            if not self.repo.delete(product_id):
                raise ProductError(f"product {product_id!r} not found", status=404)
            row = self._publish()
        return row["version"] if row else None

    # --- status ----------------------------------------------------------------------
    def status(self) -> dict:
        products, variants = self.repo.counts()
        pointer = read_pointer(self.folder) or {}
        t = self.db.jobs
        with self.db.engine.connect() as conn:
            pending = conn.execute(
                select(func.count()).where(t.c.store == self.slug, t.c.status.in_(("queued", "running")))
            ).scalar()
            last = conn.execute(
                select(self.db.versions).where(self.db.versions.c.store == self.slug).order_by(self.db.versions.c.version.desc()).limit(1)
            ).first()
        return {
            "store": self.slug,
            "products": products,
            "variants": variants,
            "model": pointer.get("model") or (last.model if last else None),
            "version": pointer.get("version"),
            "index_type": last.index_type if last else None,
            "indexed_products": last.products if last else 0,
            "catalog_hash": pointer.get("catalog_hash"),
            "updated_at": _iso(pointer.get("published_at")),
            "pending_jobs": int(pending or 0),
        }


def _iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))
