"""Shopify's product CSV as it comes out of the admin (Products → Export), with the classic
column names (`Handle`, `Variant Price`, `Image Src`) or the current template's (`URL handle`,
`Price`, `Product image URL`).

One product is all rows of one `Handle`: the first carries the product (Title, Body, Type,
Tags, Published, Status, option names), every row with a price or SKU is a variant, rows with
only `Image Src` add images. Any colour name and every option is kept; a row is rejected only
for what breaks it (no title, no price, a price or stock that is not a number).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError
from tqdm import tqdm

from catalog.import_common import (
    CategoryMapper,
    ImportResult,
    RowError,
    check_duplicates,
    html_to_text,
    open_csv,
    parse_number,
    parse_stock,
    slug,
)
from catalog.language import detect_language
from catalog.lexicon import is_color_option, is_size_option, normalize_color
from catalog.models import UNTRACKED_STOCK, Product
from catalog.option_roles import assign_option_roles

REQUIRED = {"Handle", "Title", "Variant Price"}
# Shopify's current product template names the columns anew; read them as the classic ones.
CURRENT_TEMPLATE = {
    "url handle": "Handle", "description": "Body (HTML)", "product category": "Product Category",
    "published on online store": "Published", "sku": "Variant SKU", "barcode": "Variant Barcode",
    "price": "Variant Price", "compare-at price": "Variant Compare At Price",
    "inventory tracker": "Variant Inventory Tracker", "inventory quantity": "Variant Inventory Qty",
    "continue selling when out of stock": "Variant Inventory Policy", "product image url": "Image Src",
    "image position": "Image Position", "image alt text": "Image Alt Text", "variant image url": "Variant Image",
    **{f"option{i} {part}": f"Option{i} {part.capitalize()}" for i in (1, 2, 3) for part in ("name", "value")},
}  # fmt: skip
_METAFIELD = re.compile(r"\(product\.metafields\.shopbot\.(\w+)\)")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
# Shopify writes this option for a product without variants
_NO_OPTION = ("title", "default title")


def canonical(header: str) -> str:
    header = header.strip()
    return CURRENT_TEMPLATE.get(header.lower(), header)


def is_shopify(header: Iterable[str]) -> bool:
    return REQUIRED <= {canonical(h) for h in header}


def _truthy(text: str) -> bool:
    return text.strip().lower() in ("true", "1", "yes", "ja", "wahr")


def product_id(handle: str) -> str:
    handle = handle.strip().lower()
    return handle if _ID.match(handle) else slug(handle)


def _group_rows(rows: Iterable[dict[str, str]], progress: bool, name: str) -> list[list[tuple[int, dict]]]:
    """Rows per Handle in file order, each with its line number (the header is line 1)."""
    groups: dict[str, list[tuple[int, dict]]] = {}
    for number, row in enumerate(tqdm(rows, desc=f"reading {name}", unit=" rows", disable=not progress), start=2):
        groups.setdefault((row.get("Handle") or "").strip(), []).append((number, row))
    return list(groups.values())


def _images(rows: list[tuple[int, dict]]) -> list[str]:
    found: list[tuple[float, int, str]] = []
    for number, row in rows:
        src = (row.get("Image Src") or "").strip()
        if src:
            try:
                position = float(row.get("Image Position") or "inf")
            except ValueError:
                position = float("inf")
            found.append((position, number, src))
    return list(dict.fromkeys(src for _, _, src in sorted(found)))


def _metafields(first: dict, lang: str, product: dict) -> None:
    for column, value in first.items():
        match = _METAFIELD.search(column or "")
        if match and value and value.strip():
            key = match.group(1)
            if key in ("fit", "size_system"):
                product[key] = value.strip()
            elif key in ("fit_notes", "materials", "care"):
                product[key] = {lang: value.strip()}


def _variant(row: dict, number: int, handle: str, options: list[str], product: dict) -> tuple[dict | None, str | None]:
    """One variant dict from a row, or (None, reason)."""
    pid = product["id"]
    price_text = (row.get("Variant Price") or "").strip()
    if not price_text:
        return None, f"product {handle!r}: variant without Variant Price"
    sku = (row.get("Variant SKU") or "").strip() or f"{pid[:50]}-{number}"
    variant: dict = {"sku": sku[:64]}
    try:
        variant["price"] = parse_number(price_text)
    except ValueError:
        return None, f"product {handle!r}: Variant Price {price_text!r} is not a number"
    if variant["price"] < 0:
        return None, f"product {handle!r}: Variant Price {price_text} is negative"
    qty_text = row.get("Variant Inventory Qty") or ""
    try:
        stock = parse_stock(qty_text)
    except ValueError:
        return None, f"product {handle!r}: Variant Inventory Qty {qty_text!r} is not a number"
    untracked = not (row.get("Variant Inventory Tracker") or "").strip() and "Variant Inventory Tracker" in row
    oversells = (row.get("Variant Inventory Policy") or "").strip().lower() in ("continue", "true", "yes")
    if stock is None or untracked or oversells:
        variant["stock"], variant["stock_tracked"] = UNTRACKED_STOCK, False  # always available
    else:
        variant["stock"] = max(stock, 0)  # oversold stock is exported negative
    compare = (row.get("Variant Compare At Price") or "").strip()
    if compare:
        try:
            variant["compare_at_price"] = parse_number(compare)
        except ValueError:
            return None, f"product {handle!r}: Variant Compare At Price {compare!r} is not a number"
    values: dict[str, str] = {}
    for i, name in enumerate(options, start=1):
        value = (row.get(f"Option{i} Value") or "").strip()
        if not name or not value or (name.lower(), value.lower()) == _NO_OPTION:
            continue
        values[name] = value
        if name == product.get("size_option"):
            variant["size"] = value
        elif name == product.get("color_option"):
            variant["color_label"] = value
            variant["color"] = normalize_color(value)
    if values:
        variant["options"] = values
    image = (row.get("Variant Image") or "").strip()
    if image:
        variant["image"] = image
    return variant, None


def _product(rows: list[tuple[int, dict]], mapper: CategoryMapper) -> tuple[dict, list[tuple[int, str]]]:
    """One product dict from its rows; returns (product, [(row, reason), ...])."""
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
    category = mapper.category_for(first.get("Type") or "", first.get("Product Category") or "", tags)
    options = [(first.get(f"Option{i} Name") or "").strip() for i in (1, 2, 3)]
    named = [o for o in options if o and o.lower() != "title"]
    images = _images(rows)
    status = (first.get("Status") or "").strip().lower() or None
    if status in (None, "active") and "Published" in first and (first.get("Published") or "").strip() and not _truthy(first["Published"]):
        status = "unpublished"
    product: dict = {
        "id": product_id(handle),
        "title": {lang: title},
        "description": {lang: body} if body else None,
        "category": category,
        "vendor": (first.get("Vendor") or "").strip() or None,
        "tags": tags,
        "image": images[0] if images else None,
        "images": images,
        "option_names": named,
        "size_option": next((o for o in named if is_size_option(o)), None),
        "color_option": next((o for o in named if is_color_option(o)), None),
        "status": status,
        "variants": [],
    }
    _metafields(first, lang, product)
    errors: list[tuple[int, str]] = []
    skus: set[str] = set()
    for number, row in rows:
        has_variant = any((row.get(c) or "").strip() for c in ("Variant Price", "Variant SKU", "Option1 Value"))
        if not has_variant:
            continue  # an image-only row
        variant, reason = _variant(row, number, handle, options, product)
        if variant is None:
            errors.append((number, reason or "bad variant"))
            continue
        if variant["sku"] in skus:  # the same SKU twice in one product: keep both variants apart
            variant["sku"] = f"{variant['sku'][:56]}-row{number}"
        skus.add(variant["sku"])
        product["variants"].append(variant)
    if not product["variants"] and not errors:
        errors.append((first_number, f"product {handle!r}: no variant with a Variant Price"))
    assign_option_roles(product)  # also an option named otherwise whose values are sizes ("Kopfumfang": S, M, L)
    return product, errors


def read_shopify_csv(path: Path, mapper: CategoryMapper, progress: bool = False) -> ImportResult:
    result = ImportResult(format="shopify")
    header, raw_rows = open_csv(path)
    rows = ({canonical(k): v for k, v in row.items()} for row in raw_rows)
    missing = REQUIRED - {canonical(h) for h in header}
    if missing:
        result.errors.append(RowError(path.name, 1, f"not a Shopify product CSV: missing column(s) {', '.join(sorted(missing))}"))
        return result
    first_rows: list[int] = []
    for group in _group_rows(rows, progress, path.name):
        result.rows += len(group)
        raw, errors = _product(group, mapper)
        result.errors.extend(RowError(path.name, n, reason) for n, reason in errors)
        if errors or not raw:
            continue
        try:
            result.products.append(Product.parse_obj(raw))
            first_rows.append(group[0][0])
        except ValidationError as exc:
            reason = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
            result.errors.append(RowError(path.name, group[0][0], f"product {raw['id']!r}: {reason}"))
    check_duplicates(result, path.name, first_rows)
    return result
