"""The stores built in the seventh, eighth and ninth sessions, each measured once untouched and then used
for tuning: `stores/zwergenland` (Freiburg kids' clothing, shoes and baby gear; Shopify),
`stores/federleicht` (Hamburg bedding and home textiles; WooCommerce), `stores/blaumann` (Essen
workwear and safety; Shopify), `stores/hufschlag` (Münster equestrian; WooCommerce);
`stores/spitzenwerk` (Köln lingerie and swimwear; Shopify), `stores/kradhaus` (Stuttgart
motorcycle gear; WooCommerce), `stores/pistenzauber` (Garmisch ski and snowboard; Shopify),
`stores/saitenspiel` (Dresden musical instruments; WooCommerce), `stores/kragenweite`
(Düsseldorf men's tailoring; Shopify); from the ninth: `stores/taucherwelt` (Kiel diving and
swimming; Shopify), `stores/seilschaft` (München climbing; WooCommerce), `stores/hutwerk`
(Leipzig hats, caps and gloves; WooCommerce), `stores/kugelbauch` (Bremen maternity, nursing and
baby carriers; Shopify), `stores/kampfgeist` (Bochum martial arts; Shopify). Their raw
exports import without a rejected row, every product type or category path lands in one of the
store's categories, the importer hides exactly the four products the bench's own reader of the
file counts as hidden, the exports hold sold-out and low-stock variants, and every question
refers to products the export has in the state the question expects."""

from __future__ import annotations

import pytest

from bench.answer_scoring import read_catalog_texts
from catalog.import_common import CategoryMapper
from catalog.shopify import read_shopify_csv
from catalog.store import load_config
from catalog.woocommerce import read_woocommerce_csv
from tests.store_questions import MINIMUM as BASE_MINIMUM
from tests.store_questions import ROOT, check_store_questions

STORES = {
    # store: (platform, products in the export, least variants)
    "zwergenland": ("shopify", 64, 500),
    "federleicht": ("woocommerce", 64, 260),
    "blaumann": ("shopify", 68, 700),
    "hufschlag": ("woocommerce", 69, 450),
    "spitzenwerk": ("shopify", 70, 480),
    "kradhaus": ("woocommerce", 71, 440),
    "pistenzauber": ("shopify", 69, 320),
    "saitenspiel": ("woocommerce", 73, 250),
    "kragenweite": ("shopify", 68, 690),
    "taucherwelt": ("shopify", 70, 340),
    "seilschaft": ("woocommerce", 69, 320),
    "hutwerk": ("woocommerce", 71, 440),
    "kugelbauch": ("shopify", 70, 570),
    "kampfgeist": ("shopify", 69, 460),
    "eisbahn": ("woocommerce", 74, 490),
    "ballsaal": ("shopify", 71, 810),
}
MINIMUM = {**BASE_MINIMUM, "sizing": 45, "details": 70, "variants": 25, "out_of_scope": 7}


def _hidden_by_bench(store: str) -> set[str]:
    catalog = ROOT / "stores" / store / "catalog.csv"
    return {p.id for p in read_catalog_texts(catalog, visible_only=False)} - {
        p.id for p in read_catalog_texts(catalog)
    }


def _imported(store: str, use_embedder) -> dict:  # noqa: ANN001 (the conftest fixture)
    folder = ROOT / "stores" / store
    mapper = CategoryMapper(load_config(folder / "store.yml").categories, use_embedder)
    reader = read_shopify_csv if STORES[store][0] == "shopify" else read_woocommerce_csv
    result = reader(folder / "catalog.csv", mapper)
    assert not result.errors, [str(e) for e in result.errors[:5]]
    # every product type lands in one of the store's categories
    assert not mapper.new, mapper.mapping
    return {p.id: p for p in result.products}


@pytest.mark.parametrize("store", sorted(STORES))
def test_raw_export_imports_without_rejected_rows(store, use_embedder):
    _, count, least_variants = STORES[store]
    products = _imported(store, use_embedder)
    assert len(products) == count
    assert sum(len(p.variants) for p in products.values()) >= least_variants
    hidden = {pid for pid, p in products.items() if p.status}
    assert len(hidden) == 4 and hidden == _hidden_by_bench(store)
    stocks = [v.stock for p in products.values() if not p.status for v in p.variants]
    assert sum(1 for s in stocks if s == 0) >= 10
    assert sum(1 for s in stocks if s is not None and 0 < s <= 2) >= 5


def test_woocommerce_attribute_values_and_sale_prices(use_embedder):
    """An attribute value with an escaped comma stays one value; a sale price keeps the regular
    one as the compare-at price; a sold-out simple product has stock 0."""
    products = _imported("hufschlag", use_embedder)
    gloves = products["reithandschuhe-grip-pro"]
    assert "7,5" in [v.size for v in gloves.variants]
    assert [
        v.stock for v in gloves.variants if v.options == {"Größe": "7", "Farbe": "Schwarz"}
    ] == [0]
    assert len(products["lederreitstiefel-prinzipal"].option_names) == 3
    assert {
        (v.price, v.compare_at_price) for v in products["kniebesatz-reithose-aasee"].variants
    } == {(55.2, 69.0)}
    assert [v.stock for v in products["putzbox-stallknirps"].variants] == [0]


def test_shopify_statuses_hide_drafts_archived_and_unpublished(use_embedder):
    products = _imported("blaumann", use_embedder)
    assert sorted(p.status for p in products.values() if p.status) == [
        "archived",
        "draft",
        "draft",
        "unpublished",
    ]


@pytest.mark.parametrize("store", sorted(STORES))
def test_questions_refer_to_the_exports_products(store):
    questions = check_store_questions(
        store, _hidden_by_bench(store), total=230, minimum=MINIMUM, dont_know=8, products_none=2
    )
    assert sum(1 for q in questions if q["metadata"].get("product_id")) >= 100
    langs = [q["lang"] for q in questions]
    assert 0.4 <= langs.count("de") / len(langs) <= 0.6
    with_measure = [
        q for q in questions if q["kind"] == "sizing" and any(ch.isdigit() for ch in q["text"])
    ]
    assert len(with_measure) >= 30
