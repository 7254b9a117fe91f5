"""Read a catalog file (Shopify product CSV export or shopbot JSONL) into validated products.

Nothing is written here: `import_file` returns the products and every bad row with file, row
and reason, and the caller decides. A file with any error changes nothing.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from pydantic import ValidationError
from tqdm import tqdm

from catalog.enrich import enrich
from catalog.language import detect_language
from catalog.lexicon import normalize_color
from catalog.models import Product
from catalog.store import Category

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass
class RowError:
    file: str
    row: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.reason}"


@dataclass
class ImportResult:
    products: list[Product] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0
    product_rows: dict[str, int] = field(default_factory=dict)  # product id -> first row

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.products)


def _pydantic_reason(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
    )


def _check_duplicates(result: ImportResult, name: str, rows: list[int]) -> None:
    seen_ids: dict[str, int] = {}
    seen_skus: dict[str, str] = {}
    for product, row in zip(result.products, rows, strict=True):
        result.product_rows.setdefault(product.id, row)
        if product.id in seen_ids:
            result.errors.append(
                RowError(name, row, f"duplicate product id {product.id!r} (first in row {seen_ids[product.id]})")
            )
        seen_ids.setdefault(product.id, row)
        for v in product.variants:
            if v.sku in seen_skus and seen_skus[v.sku] != product.id:
                result.errors.append(
                    RowError(name, row, f"SKU {v.sku!r} is also used by {seen_skus[v.sku]!r}")
                )
            seen_skus.setdefault(v.sku, product.id)


# --- JSONL ---------------------------------------------------------------


def read_jsonl(path: Path, progress: bool = False) -> ImportResult:
    result = ImportResult()
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
    _check_duplicates(result, path.name, rows)
    return result


# --- Shopify CSV -----------------------------------------------------------


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in ("p", "br", "li", "div", "h1", "h2", "h3", "tr"):
            self.parts.append(" ")


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html or "")
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


_SIZE_NAMES = {"size", "größe", "groesse", "grösse", "shoe size", "schuhgröße"}
_COLOR_NAMES = {"color", "colour", "farbe"}
_METAFIELD = re.compile(r"\(product\.metafields\.shopbot\.(\w+)\)")


def _category_for(product_type: str, tags: list[str], categories: dict[str, Category] | None) -> str | None:
    wanted = [product_type.strip().lower(), *[t.lower() for t in tags]]
    if categories is None:
        slug = re.sub(r"[^a-z0-9]+", "-", wanted[0]).strip("-")
        return slug or None
    for candidate in wanted:
        for key, cat in categories.items():
            names = {key, cat.de.lower(), cat.en.lower(), *(s.lower() for s in cat.synonyms)}
            if candidate in names:
                return key
    return None


def _group_rows(reader: Iterator[dict[str, str]], progress: bool, name: str) -> Iterator[tuple[int, list[tuple[int, dict]]]]:
    """Yield (first row number, [(row number, row), ...]) per Handle, in file order."""
    groups: dict[str, list[tuple[int, dict]]] = {}
    for number, row in enumerate(tqdm(reader, desc=f"reading {name}", unit=" rows", disable=not progress), start=2):
        handle = (row.get("Handle") or "").strip()
        groups.setdefault(handle, []).append((number, row))
    for rows in groups.values():
        yield rows[0][0], rows


def _shopify_product(rows: list[tuple[int, dict]], categories: dict[str, Category] | None) -> tuple[dict, list[tuple[int, str]]]:
    """Build one product dict from its rows; returns (product, [(row, reason), ...])."""
    errors: list[tuple[int, str]] = []
    first_number, first = rows[0]
    handle = (first.get("Handle") or "").strip()
    if not handle:
        return {}, [(first_number, "row without Handle")]
    title = (first.get("Title") or "").strip()
    if not title:
        return {}, [(first_number, f"Handle {handle!r} has no row with a Title (continuation row without its product)")]
    body = html_to_text(first.get("Body (HTML)") or "")
    lang = detect_language(f"{title} {body}", default="en")
    tags = [t.strip().lower() for t in (first.get("Tags") or "").split(",") if t.strip()]
    product_type = first.get("Type") or first.get("Product Category") or ""
    category = _category_for(product_type, tags, categories)
    if category is None:
        errors.append((first_number, f"product {handle!r}: type {product_type!r} matches no category in store.yml"))
    option_names = [(first.get(f"Option{i} Name") or "").strip().lower() for i in (1, 2, 3)]
    product: dict = {
        "id": handle.lower(),
        "title": {lang: title},
        "description": {lang: body} if body else None,
        "category": category or "unknown",
        "vendor": first.get("Vendor") or None,
        "tags": tags,
        "image": first.get("Image Src") or None,
        "variants": [],
    }
    for column, value in first.items():
        match = _METAFIELD.search(column or "")
        if match and value and value.strip():
            key = match.group(1)
            if key in ("fit", "size_system"):
                product[key] = value.strip()
            elif key in ("fit_notes", "materials", "care"):
                product[key] = {lang: value.strip()}
    for number, row in rows:
        price_text = (row.get("Variant Price") or "").strip()
        if not price_text and not (row.get("Variant SKU") or "").strip():
            continue  # an image-only row
        variant: dict = {"sku": (row.get("Variant SKU") or "").strip() or f"{handle}-{number}"}
        try:
            variant["price"] = float(price_text.replace(",", "."))
        except ValueError:
            errors.append((number, f"product {handle!r}: Variant Price {price_text!r} is not a number"))
            continue
        qty_text = (row.get("Variant Inventory Qty") or "0").strip() or "0"
        try:
            variant["stock"] = int(float(qty_text))
        except ValueError:
            errors.append((number, f"product {handle!r}: Variant Inventory Qty {qty_text!r} is not a number"))
            continue
        if variant["stock"] < 0:
            errors.append((number, f"product {handle!r}: Variant Inventory Qty {qty_text} is negative"))
            continue
        compare = (row.get("Variant Compare At Price") or "").strip()
        if compare:
            try:
                variant["compare_at_price"] = float(compare.replace(",", "."))
            except ValueError:
                errors.append((number, f"product {handle!r}: Variant Compare At Price {compare!r} is not a number"))
                continue
        for i, option in enumerate(option_names, start=1):
            value = (row.get(f"Option{i} Value") or "").strip()
            if not value:
                continue
            if option in _SIZE_NAMES:
                variant["size"] = value
            elif option in _COLOR_NAMES:
                color = normalize_color(value)
                if color is None:
                    errors.append((number, f"product {handle!r}: colour {value!r} is not a known colour"))
                variant["color"] = color
        product["variants"].append(variant)
    return product, errors


def read_shopify_csv(path: Path, categories: dict[str, Category] | None = None, progress: bool = False) -> ImportResult:
    result = ImportResult()
    rows_of_products: list[int] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"Handle", "Title", "Variant Price"} - set(reader.fieldnames or [])
        if missing:
            result.errors.append(RowError(path.name, 1, f"not a Shopify product CSV: missing column(s) {', '.join(sorted(missing))}"))
            return result
        for first_number, rows in _group_rows(reader, progress, path.name):
            result.rows += len(rows)
            raw, errors = _shopify_product(rows, categories)
            result.errors.extend(RowError(path.name, n, reason) for n, reason in errors)
            if errors or not raw:
                continue
            try:
                result.products.append(Product.parse_obj(raw))
                rows_of_products.append(first_number)
            except ValidationError as exc:
                result.errors.append(RowError(path.name, first_number, f"product {raw['id']!r}: {_pydantic_reason(exc)}"))
    _check_duplicates(result, path.name, rows_of_products)
    return result


def import_file(path: Path | str, categories: dict[str, Category] | None = None, progress: bool = False) -> ImportResult:
    """Read and validate a catalog file; unknown categories are errors when `categories` is given."""
    path = Path(path)
    if not path.is_file():
        return ImportResult(errors=[RowError(str(path), 0, "file not found")])
    if path.stat().st_size > MAX_FILE_BYTES:
        return ImportResult(errors=[RowError(path.name, 0, f"file is larger than {MAX_FILE_BYTES // 2**20} MB")])
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        result = read_jsonl(path, progress)
    elif suffix == ".csv":
        result = read_shopify_csv(path, categories, progress)
    else:
        return ImportResult(errors=[RowError(path.name, 0, f"unknown file type {suffix!r}: use .csv (Shopify export) or .jsonl")])
    if categories is not None:
        for product in result.products:
            if product.category not in categories:
                result.errors.append(RowError(path.name, result.product_rows.get(product.id, 0), f"product {product.id!r}: category {product.category!r} is not in store.yml categories"))
    if not result.products and not result.errors:
        result.errors.append(RowError(path.name, 0, "no products in file"))
    result.products = [enrich(p) for p in result.products]  # facts from the product texts
    return result
