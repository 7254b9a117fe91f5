"""The Zwergenland store (`stores/zwergenland`): a Freiburg shop for baby and children's
clothing (sizes 50/56 to 164, some by age), children's shoes (EU 19–39, inner lengths in mm
or cm), baby gear (sleeping bags by TOG and length, carriers and wraps, car seat covers,
bibs) and English-described products of a Danish brand, as a raw Shopify product CSV export.
It imports without a rejected row, the importer hides exactly the four products the bench's
own reader of the file counts as hidden (archived, draft, two unpublished), and every
question refers to products the export has in the state the question expects."""

from __future__ import annotations

from bench.answer_scoring import read_catalog_texts
from tests.store_questions import ROOT, check_store_questions, imported_shopify

STORE = "zwergenland"
PRODUCTS = 64
HIDDEN = {
    "schneeanzug-polarfuchs-2025",
    "tragetuch-leinen-muster",
    "geschenkset-geburt",
    "lille-bjorn-teddy-overall",
}
MINIMUM = {
    "discovery": 40,
    "sizing": 45,
    "details": 70,
    "variants": 25,
    "shipping": 10,
    "policy": 12,
    "comparison": 6,
    "out_of_scope": 7,
}


def _hidden_by_bench() -> set[str]:
    catalog = ROOT / "stores" / STORE / "catalog.csv"
    every = {p.id for p in read_catalog_texts(catalog, visible_only=False)}
    return every - {p.id for p in read_catalog_texts(catalog)}


def test_raw_export_imports_without_rejected_rows(use_embedder):
    products = imported_shopify(STORE, use_embedder)
    assert len(products) == PRODUCTS
    assert sum(len(p.variants) for p in products.values()) >= 200
    assert {pid for pid, p in products.items() if p.status} == HIDDEN == _hidden_by_bench()
    # sold-out and low-stock variants are part of the export
    stocks = [v.stock for p in products.values() for v in p.variants]
    assert sum(1 for s in stocks if s == 0) >= 20
    assert sum(1 for s in stocks if 0 < s <= 2) >= 10


def test_questions_refer_to_the_exports_products():
    questions = check_store_questions(
        STORE, HIDDEN, total=230, minimum=MINIMUM, dont_know=8, products_none=2
    )
    assert sum(1 for q in questions if q["metadata"].get("product_id")) >= 100
    assert sum(1 for q in questions if q["lang"] == "de") >= len(questions) * 0.4
    assert sum(1 for q in questions if q["lang"] == "en") >= len(questions) * 0.4
