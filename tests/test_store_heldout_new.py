"""The stores built to be kept held out (never tuned on, their questions
and per-question results never read; only their aggregate figures are looked at):
`stores/kofferhaus` (Bremen luggage, bags, lingerie and swimwear; Shopify), `stores/kraemerei`
(Dresden delicatessen and drugstore; WooCommerce), `stores/sportsfreund` (Dortmund team
sports, fitness, martial arts and dance; Shopify), all three from the fifth session, and
`stores/radwerk` (Leipzig bikes, e-bikes and cycling gear; WooCommerce). Their raw exports import without a rejected
row, the importer hides exactly the products the bench's own reader of the file counts as
hidden, and every question refers to products the export has in the state the question expects.
Checked without naming any product, so this file reads nothing of what is held out."""

from __future__ import annotations

import pytest

from bench.answer_scoring import read_catalog_texts
from tests.store_questions import (
    ROOT,
    check_store_questions,
    imported_shopify,
    imported_woocommerce,
)

STORES = {
    # store: (platform, products in the export, hidden ones, least variants)
    "kofferhaus": ("shopify", 66, 4, 400),
    "kraemerei": ("woocommerce", 67, 4, 89),
    "sportsfreund": ("shopify", 68, 4, 500),
    "radwerk": ("woocommerce", 71, 4, 222),
}
MINIMUM = {
    "discovery": 40,
    "sizing": 30,
    "details": 70,
    "variants": 25,
    "shipping": 10,
    "policy": 12,
    "comparison": 6,
    "out_of_scope": 7,
}


@pytest.mark.parametrize("store", sorted(STORES))
def test_raw_export_imports_without_rejected_rows(store, use_embedder):
    platform, count, hidden, variants = STORES[store]
    importer = imported_shopify if platform == "shopify" else imported_woocommerce
    products = importer(store, use_embedder)
    assert len(products) == count
    assert sum(len(p.variants) for p in products.values()) >= variants
    hidden_by_importer = {pid for pid, p in products.items() if p.status}
    catalog = ROOT / "stores" / store / "catalog.csv"
    hidden_by_bench = {p.id for p in read_catalog_texts(catalog, visible_only=False)} - {
        p.id for p in read_catalog_texts(catalog)
    }
    assert len(hidden_by_importer) == hidden and hidden_by_importer == hidden_by_bench


@pytest.mark.parametrize("store", sorted(STORES))
def test_questions_refer_to_the_exports_products(store):
    catalog = ROOT / "stores" / store / "catalog.csv"
    hidden = {p.id for p in read_catalog_texts(catalog, visible_only=False)} - {
        p.id for p in read_catalog_texts(catalog)
    }
    questions = check_store_questions(
        store, hidden, total=250, minimum=MINIMUM, dont_know=8, products_none=1
    )
    assert sum(1 for q in questions if q["metadata"].get("product_id")) >= 100
