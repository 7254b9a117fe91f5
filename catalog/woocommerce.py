"""WooCommerce's product CSV (the built-in exporter / importer schema), English or German headers.

A `simple` product is one row; a `variable` product is its row plus one `variation` row per
variant, found by `Parent` (`id:123` or the parent's SKU). Attributes (`Attribute N name` /
`Attribute N value(s)`) become the variant options; `Categories` ("Kleidung > Jacken, Sale")
are placed in the store's categories like Shopify's types. Grouped products (containers without
a price) are skipped; their members are rows of their own.
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
from catalog.models import UNTRACKED_STOCK, Product
from catalog.option_roles import assign_option_roles

# German exporter headers -> the schema's English ones
GERMAN = {
    "Typ": "Type", "Artikelnummer": "SKU", "Veröffentlicht": "Published", "Sichtbarkeit im Katalog": "Visibility in catalog",
    "Kurzbeschreibung": "Short description", "Beschreibung": "Description", "Vorrätig?": "In stock?", "Bestand": "Stock",
    "Lager": "Stock", "Angebotspreis": "Sale price", "Regulärer Preis": "Regular price", "Kategorien": "Categories",
    "Schlagwörter": "Tags", "Bilder": "Images", "Übergeordnetes Produkt": "Parent", "Marken": "Brands", "Marke": "Brands",
}  # fmt: skip
_ATTRIBUTE = re.compile(r"^(?:attribute|attribut) (\d+) (name|value\(s\)|wert\(e\)|visible|sichtbar|global|default|standard)$", re.I)
_PART = {"name": "name", "value(s)": "values", "wert(e)": "values", "visible": "visible", "sichtbar": "visible",
         "global": "global", "default": "default", "standard": "default"}  # fmt: skip


def canonical(header: str) -> str:
    header = header.strip()
    match = _ATTRIBUTE.match(header)
    if match:
        return f"Attribute {match.group(1)} {_PART[match.group(2).lower()]}"
    return GERMAN.get(header, header)


def is_woocommerce(header: Iterable[str]) -> bool:
    names = {canonical(h) for h in header}
    return {"Type", "Name", "Regular price"} <= names or {"Type", "SKU", "Parent", "Name"} <= names


def _flag(text: str) -> bool:
    return text.strip().lower() in ("1", "yes", "true", "ja", "wahr")


def _attributes(row: dict) -> list[tuple[str, list[str]]]:
    """[(name, [values])] of a row, in attribute order."""
    found: list[tuple[int, str, list[str]]] = []
    for key, name in row.items():
        match = re.match(r"Attribute (\d+) name$", key)
        if match and name.strip():
            listed = re.split(r"(?<!\\),", row.get(f"Attribute {match.group(1)} values") or "")  # "\," is a comma in a value
            values = [v.replace("\\,", ",").strip() for v in listed if v.strip()]
            found.append((int(match.group(1)), name.strip(), values))
    return [(name, values) for _, name, values in sorted(found)]


def _status(row: dict) -> str | None:
    published = (row.get("Published") or "").strip()
    if published in ("0", "-1") or (row.get("Visibility in catalog") or "").strip().lower() == "hidden":
        return "unpublished"
    return None


def _price_and_stock(row: dict) -> tuple[dict, str | None]:
    """{price, compare_at_price, stock, stock_tracked} of a simple product or variation row."""
    regular, sale = (row.get("Regular price") or "").strip(), (row.get("Sale price") or "").strip()
    if not regular and not sale:
        return {}, "no Regular price"
    out: dict = {}
    try:
        price = parse_number(regular) if regular else None
        offer = parse_number(sale) if sale else None
    except ValueError:
        return {}, f"price {regular or sale!r} is not a number"
    if offer is not None and price is not None and offer < price:
        out["price"], out["compare_at_price"] = offer, price
    else:
        out["price"] = price if price is not None else offer
    try:
        stock = parse_stock(row.get("Stock") or "")
    except ValueError:
        return {}, f"Stock {row.get('Stock')!r} is not a number"
    in_stock = (row.get("In stock?") or "").strip().lower()
    if stock is not None and in_stock != "backorder":
        out["stock"] = max(stock, 0)
    elif in_stock in ("0", "no", "nein", "false", "outofstock"):
        out["stock"] = 0
    else:  # stock not managed: available (or on backorder)
        out["stock"], out["stock_tracked"] = UNTRACKED_STOCK, False
    return out, None


def _options(product: dict, values: dict[str, str], variant: dict) -> None:
    """Record a variant's option values; the product's option names grow in first-seen order
    (which one is the size and which the colour is decided once all variants are read)."""
    if not values:
        return
    variant["options"] = values
    for name in values:
        if name not in product["option_names"]:
            product["option_names"].append(name)


class _Reader:
    def __init__(self, name: str, mapper: CategoryMapper):
        self.name = name
        self.mapper = mapper
        self.result = ImportResult(format="woocommerce")
        self.products: list[tuple[int, dict]] = []  # (row, product dict)
        self.parents: dict[str, dict] = {}  # "id:123" and parent SKU -> product dict
        self.ids: set[str] = set()

    def error(self, row: int, reason: str) -> None:
        self.result.errors.append(RowError(self.name, row, reason))

    def product(self, number: int, row: dict, kinds: set[str]) -> None:
        title = (row.get("Name") or "").strip()
        if not title:
            self.error(number, f"product {row.get('SKU') or row.get('ID') or '?'}: no Name")
            return
        texts = [html_to_text(row.get("Short description") or ""), html_to_text(row.get("Description") or "")]
        body = " ".join(dict.fromkeys(t for t in texts if t))
        lang = detect_language(f"{title} {body}", default="en")
        paths = [p.strip() for p in (row.get("Categories") or "").split(",") if p.strip()]
        tags = [t.strip().lower() for t in (row.get("Tags") or "").split(",") if t.strip()]
        category = self.mapper.category_for("", paths[0] if paths else "", [*tags, *(p.split(">")[-1].strip() for p in paths[1:])])
        images = [u.strip() for u in (row.get("Images") or "").split(",") if u.strip()]
        pid = slug(title) or slug(row.get("SKU") or "") or f"product-{number}"
        if pid in self.ids:
            pid = f"{pid[:90]}-{slug(row.get('SKU') or '') or slug(row.get('ID') or '') or number}"
        self.ids.add(pid)
        attributes = _attributes(row)
        variable = "variable" in kinds
        product: dict = {
            "id": pid, "title": {lang: title}, "description": {lang: body} if body else None, "category": category,
            "vendor": (row.get("Brands") or "").split(",")[0].strip() or None, "tags": tags,
            "image": images[0] if images else None, "images": images, "option_names": [],
            "size_option": None, "color_option": None, "status": _status(row), "variants": [],
            "attributes": {}, "_attributes": attributes,
        }  # fmt: skip
        if not variable:
            variant, reason = _price_and_stock(row)
            if reason:
                self.error(number, f"product {title!r}: {reason}")
                return
            variant["sku"] = ((row.get("SKU") or "").strip() or f"{pid[:50]}-{number}")[:64]
            _options(product, {n: v[0] for n, v in attributes if len(v) == 1}, variant)
            product["variants"].append(variant)
        self.products.append((number, product))
        for key in (f"id:{(row.get('ID') or '').strip()}", (row.get("SKU") or "").strip()):
            if key and key != "id:":
                self.parents[key] = product

    def variation(self, number: int, row: dict) -> None:
        parent_ref = (row.get("Parent") or "").strip()
        product = self.parents.get(parent_ref) or self.parents.get(f"id:{parent_ref}")
        if product is None:
            self.error(number, f"variation {row.get('SKU') or row.get('ID') or '?'}: parent {parent_ref!r} is not in the file")
            return
        variant, reason = _price_and_stock(row)
        if reason:
            self.error(number, f"product {product['title'][next(iter(product['title']))]!r}: variation {reason}")
            product["broken"] = True
            return
        sku = (row.get("SKU") or "").strip() or f"{product['id'][:50]}-{(row.get('ID') or '').strip() or number}"
        if any(v["sku"] == sku for v in product["variants"]):
            sku = f"{sku[:56]}-row{number}"
        variant["sku"] = sku[:64]
        _options(product, {n: v[0] for n, v in _attributes(row) if v}, variant)
        images = [u.strip() for u in (row.get("Images") or "").split(",") if u.strip()]
        if images:
            variant["image"] = images[0]
        product["variants"].append(variant)


def read_woocommerce_csv(path: Path, mapper: CategoryMapper, progress: bool = False) -> ImportResult:
    header, rows = open_csv(path)
    reader = _Reader(path.name, mapper)
    result = reader.result
    if not is_woocommerce(header):
        result.errors.append(RowError(path.name, 1, "not a WooCommerce product CSV: needs the columns Type, Name and Regular price"))
        return result
    variations: list[tuple[int, dict]] = []
    for number, raw in enumerate(tqdm(rows, desc=f"reading {path.name}", unit=" rows", disable=not progress), start=2):
        result.rows += 1
        row = {canonical(k): v for k, v in raw.items()}
        kinds = {k.strip().lower() for k in (row.get("Type") or "simple").split(",")}
        if "variation" in kinds:
            variations.append((number, row))  # parents may come after their variations
        elif "grouped" not in kinds:
            reader.product(number, row, kinds)
    for number, row in variations:
        reader.variation(number, row)
    first_rows: list[int] = []
    for number, raw_product in reader.products:
        attributes = raw_product.pop("_attributes")
        if raw_product.pop("broken", False):
            continue
        for name, values in attributes:  # the ones no variant chooses describe the product
            if name not in raw_product["option_names"] and values:
                raw_product["attributes"][name] = ", ".join(values)
        if not raw_product["variants"]:
            reader.error(number, f"product {raw_product['id']!r}: variable product without a variation that has a price")
            continue
        if not raw_product["attributes"]:
            del raw_product["attributes"]
        assign_option_roles(raw_product)
        try:
            result.products.append(Product.parse_obj(raw_product))
            first_rows.append(number)
        except ValidationError as exc:
            reason = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
            reader.error(number, f"product {raw_product['id']!r}: {reason}")
    check_duplicates(result, path.name, first_rows)
    return result
