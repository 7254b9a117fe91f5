"""Read a catalog file (shopbot JSONL, Shopify or WooCommerce product CSV) into validated products.

Nothing is written here: `import_file` returns the products and every bad row with file, row
and reason, and the caller decides. A file with any error changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError
from tqdm import tqdm

from catalog.enrich import enrich
from catalog.import_common import (  # noqa: F401  (html_to_text, RowError: imported from here by callers)
    CategoryMapper,
    EmbedderSource,
    ImportResult,
    RowError,
    check_duplicates,
    html_to_text,
    read_header,
)
from catalog.models import Product
from catalog.shopify import is_shopify, read_shopify_csv
from catalog.store import Category
from catalog.woocommerce import is_woocommerce, read_woocommerce_csv

MAX_FILE_BYTES = 200 * 1024 * 1024


def _pydantic_reason(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
    )


# --- JSONL ---------------------------------------------------------------


def read_jsonl(path: Path, progress: bool = False) -> ImportResult:
    result = ImportResult(format="jsonl")
    rows: list[int] = []
    with path.open(encoding="utf-8") as fh:
        lines: Iterable[str] = tqdm(fh, desc=f"reading {path.name}", unit=" rows", disable=not progress)
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            result.rows += 1
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                result.errors.append(RowError(path.name, number, f"not valid JSON: {exc.msg}"))
                continue
            if not isinstance(raw, dict):
                result.errors.append(RowError(path.name, number, "expected a JSON object"))
                continue
            try:
                result.products.append(Product.parse_obj(raw))
                rows.append(number)
            except ValidationError as exc:
                pid = raw.get("id", "?")
                result.errors.append(RowError(path.name, number, f"product {pid!r}: {_pydantic_reason(exc)}"))
    check_duplicates(result, path.name, rows)
    return result


# --- dispatch ----------------------------------------------------------------


def detect_format(path: Path) -> str | None:
    """'jsonl', 'shopify' or 'woocommerce' from the name and the CSV header; None if neither."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix != ".csv":
        return None
    header = read_header(path)
    if is_shopify(header):
        return "shopify"
    if is_woocommerce(header):
        return "woocommerce"
    return "csv"


def import_file(path: Path | str, categories: dict[str, Category] | None = None, progress: bool = False,
                embedder: EmbedderSource = None, fmt: str | None = None) -> ImportResult:  # fmt: skip
    """Read and validate a catalog file: shopbot JSONL, a Shopify or a WooCommerce product CSV
    (told apart by the header; `fmt` = "shopify" / "woocommerce" insists on one).

    JSONL names store categories itself (an unknown one is an error); a CSV's product types are
    placed in `categories` by name or meaning (`embedder`, loaded only when a type needs it),
    or become new categories, listed in the result.
    """
    path = Path(path)
    if not path.is_file():
        return ImportResult(errors=[RowError(str(path), 0, "file not found")])
    if path.stat().st_size > MAX_FILE_BYTES:
        return ImportResult(errors=[RowError(path.name, 0, f"file is larger than {MAX_FILE_BYTES // 2**20} MB")])
    kind = detect_format(path)
    if kind is None:
        return ImportResult(errors=[RowError(path.name, 0, f"unknown file type {path.suffix.lower()!r}: use .csv (Shopify or WooCommerce export) or .jsonl")])
    if fmt in ("shopify", "woocommerce") and kind != fmt:
        return ImportResult(errors=[RowError(path.name, 1, f"not a {fmt.capitalize()} product CSV (the header looks like {kind})")])
    mapper = CategoryMapper(categories, embedder)
    if kind == "jsonl":
        result = read_jsonl(path, progress)
        if categories is not None:
            for product in result.products:
                if product.category not in categories:
                    result.errors.append(RowError(path.name, result.product_rows.get(product.id, 0), f"product {product.id!r}: category {product.category!r} is not in store.yml categories"))
    elif kind == "shopify":
        result = read_shopify_csv(path, mapper, progress)
    elif kind == "woocommerce":
        result = read_woocommerce_csv(path, mapper, progress)
    else:
        result = ImportResult(errors=[RowError(path.name, 1, "not a product CSV this shop reads: expected Shopify's (Handle, Title, Variant Price) or WooCommerce's (Type, Name, Regular price) columns")])
    result.category_mapping.update(mapper.mapping)
    result.new_categories.update(mapper.new)
    if not result.products and not result.errors:
        result.errors.append(RowError(path.name, 0, "no products in file"))
    result.products = [enrich(p) for p in result.products]  # facts from the product texts
    return result  # the one place imported products leave the importer
