"""The store `stores/hufschlag` (a Münster equestrian shop's raw WooCommerce export in EUR: rider
clothing, riding boots, helmets and body protectors, horse rugs, saddle pads, bridles, grooming
and feed supplements, with English products of the British brand Thornbury) and its questions
(`bench/questions/hufschlag.jsonl`, written before the bot ever saw the store) stay consistent:
the export imports without a rejected row, every category path lands in one of the store's
categories, exactly its two drafts, its private product and its hidden one stay away from
shoppers, and every question refers to products the export has in the state the question expects."""

from __future__ import annotations

from pathlib import Path

from bench.answer_scoring import read_catalog_texts
from catalog.store import load_config
from tests.store_questions import check_store_questions, imported_woocommerce

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "stores" / "hufschlag"
# two drafts (-1), one private (0), one hidden from the catalog
HIDDEN = {
    "airbagweste-luftpolster-pro",
    "thornbury-heritage-tweed-jacket",
    "winterdecke-eisbaer-400g",
    "gebisspflege-spray",
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


def test_raw_export_imports_without_rejected_rows(use_embedder):
    assert load_config(STORE / "store.yml").store.currency == "EUR"
    products = imported_woocommerce("hufschlag", use_embedder)
    assert len(products) == 69 and sum(len(p.variants) for p in products.values()) >= 450
    assert {pid for pid, p in products.items() if p.status} == HIDDEN
    catalog = STORE / "catalog.csv"
    by_bench = {p.id for p in read_catalog_texts(catalog, visible_only=False)} - {
        p.id for p in read_catalog_texts(catalog)
    }
    assert by_bench == HIDDEN
    assert products["outdoordecke-regenbogen-200g"].category == "blankets"
    assert products["thornbury-flexicare-joint-supplement"].category == "feed"
    assert products["kinder-sicherheitsweste-schutzengel-junior"].category == "safety"
    # an attribute value with an escaped comma stays one value; sold out and last-one variants
    gloves = products["reithandschuhe-grip-pro"]
    assert "7,5" in [v.size for v in gloves.variants]
    assert [
        v.stock for v in gloves.variants if v.options == {"Größe": "7", "Farbe": "Schwarz"}
    ] == [0]
    assert [v.stock for v in gloves.variants if v.options == {"Größe": "8", "Farbe": "Braun"}] == [
        1
    ]
    boots = products["lederreitstiefel-prinzipal"]
    assert len(boots.variants) == 36 and len(boots.option_names) == 3
    # a sale price and a simple product that is sold out
    breeches = products["kniebesatz-reithose-aasee"]
    assert {(v.price, v.compare_at_price) for v in breeches.variants} == {(55.2, 69.0)}
    assert [v.stock for v in products["putzbox-stallknirps"].variants] == [0]


def test_questions_refer_to_the_exports_products():
    questions = check_store_questions(
        "hufschlag", HIDDEN, total=230, minimum=MINIMUM, dont_know=8, products_none=2
    )
    assert sum(1 for q in questions if q["metadata"].get("product_id")) >= 100
    assert sum(1 for q in questions if q["kind"] == "sizing" and q["expect"].get("dont_know")) >= 2
