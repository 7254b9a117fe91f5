"""`stores/blaumann` (Essen workwear and safety shop; Shopify product CSV export): the raw export
imports without a rejected row, every product type lands in one of the store's categories, the
importer hides exactly the four products the bench's own reader of the file counts as hidden
(draft, archived, unpublished), and the question file refers only to products the export has in
the state each question expects."""

from __future__ import annotations

from bench.answer_scoring import read_catalog_texts
from catalog.import_common import CategoryMapper
from catalog.shopify import read_shopify_csv
from catalog.store import load_config
from tests.store_questions import ROOT, check_store_questions, imported_shopify

STORE = "blaumann"
CATALOG = ROOT / "stores" / STORE / "catalog.csv"
PRODUCTS, HIDDEN, LEAST_VARIANTS = 68, 4, 200
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
    return {p.id for p in read_catalog_texts(CATALOG, visible_only=False)} - {p.id for p in read_catalog_texts(CATALOG)}


def test_raw_export_imports_without_rejected_rows(use_embedder):
    products = imported_shopify(STORE, use_embedder)
    assert len(products) == PRODUCTS
    assert sum(len(p.variants) for p in products.values()) >= LEAST_VARIANTS
    hidden_by_importer = {pid for pid, p in products.items() if p.status}
    assert len(hidden_by_importer) == HIDDEN and hidden_by_importer == _hidden_by_bench()
    statuses = sorted(p.status for p in products.values() if p.status)
    assert statuses == ["archived", "draft", "draft", "unpublished"]


def test_every_product_type_lands_in_a_store_category(use_embedder):
    folder = ROOT / "stores" / STORE
    mapper = CategoryMapper(load_config(folder / "store.yml").categories, use_embedder)
    result = read_shopify_csv(CATALOG, mapper)
    assert not result.errors
    assert not mapper.new, mapper.mapping


def test_export_has_sold_out_and_low_stock_variants(use_embedder):
    products = imported_shopify(STORE, use_embedder)
    shown = [v for p in products.values() if not p.status for v in p.variants if v.stock_tracked is not False]
    assert sum(1 for v in shown if v.stock == 0) >= 20
    assert sum(1 for v in shown if 0 < v.stock <= 3) >= 10


def test_questions_refer_to_the_exports_products():
    questions = check_store_questions(
        STORE, _hidden_by_bench(), total=230, minimum=MINIMUM, dont_know=8, products_none=2
    )
    assert sum(1 for q in questions if q["metadata"].get("product_id")) >= 100
    sizing_with_measure = [
        q for q in questions
        if q["kind"] == "sizing" and any(ch.isdigit() for ch in q["text"]) and not q["expect"].get("dont_know")
    ]
    assert len(sizing_with_measure) >= 30
    langs = [q["lang"] for q in questions]
    assert abs(langs.count("de") - langs.count("en")) <= len(questions) // 5
