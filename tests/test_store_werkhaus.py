"""The eighth store `stores/werkhaus` (a Graz shop's raw WooCommerce export in EUR: workwear in
German workwear sizes, safety shoes, work gloves, cordless and hand tools, kitchen knives,
cookware, coffee, bedding, mattresses, curtains and care products; its questions written before
any run on it and kept as a held-out figure) and its questions (`bench/questions/werkhaus.jsonl`)
stay consistent: the export imports without a rejected row, keeping its two drafts, its private
and its hidden product away from shoppers, and every question refers to products the export has
in the state the question expects."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from catalog.store import load_config
from tests.store_questions import check_store_questions, imported_woocommerce

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "stores" / "werkhaus"
# two drafts (Published 0), one private (Published -1), one hidden from the catalog (Visibility hidden)
HIDDEN = {
    "warnschutzjacke-sichtbar-plus",
    "kaffeevollautomat-grazia",
    "akku-winkelschleifer-ws-18-125",
    "thermovorhang-polarnacht",
}
MINIMUM = {
    "discovery": 55,
    "sizing": 50,
    "details": 75,
    "variants": 26,
    "shipping": 12,
    "policy": 14,
    "comparison": 7,
    "out_of_scope": 6,
}


def test_raw_export_imports_without_rejected_rows(use_embedder):
    assert load_config(STORE / "store.yml").store.currency == "EUR"
    products = imported_woocommerce("werkhaus", use_embedder)
    assert len(products) == 64 and sum(len(p.variants) for p in products.values()) >= 300
    assert {pid for pid, p in products.items() if p.status} == HIDDEN
    assert products["kniepolster-pro"].category == "workwear"
    assert products["kamelienoel-messerpflege-100-ml"].category == "care"
    # normal, short (Kurzgröße) and long (Langgröße) sizes of one pair of trousers, in one option
    trousers = products["bundhose-steiermark-pro"]
    assert {"44", "64", "24", "28", "94", "110"} <= {v.size for v in trousers.variants}
    assert [
        v.stock for v in trousers.variants if v.options == {"Größe": "27", "Farbe": "Khaki-Oliv"}
    ] == [0]
    # the cut is an option of its own
    flex = products["work-trousers-alpine-flex"]
    assert [
        v.stock for v in flex.variants if v.options == {"Schnitt": "Kurzgröße", "Größe": "26"}
    ] == [0]
    # an attribute value with an escaped comma stays one value
    oil = products["hartwachs-oel-natur"]
    assert [v.options for v in oil.variants] == [{"Inhalt": "0,75 l"}, {"Inhalt": "2,5 l"}]
    assert [(v.price, v.compare_at_price) for v in oil.variants] == [(29.9, None), (69.9, 79.9)]
    # sold out in every size, sold out as a simple product, sale prices on every variation
    assert all(v.stock == 0 for v in products["sicherheitssandale-s1-sommer"].variants)
    assert [v.stock for v in products["beard-balm-cedar-50-ml"].variants] == [0]
    assert {
        (v.price, v.compare_at_price) for v in products["winter-work-parka-hochschwab"].variants
    } == {(139.0, 179.0)}


def test_questions_refer_to_the_exports_products():
    questions = check_store_questions(
        "werkhaus", HIDDEN, total=250, minimum=MINIMUM, dont_know=10, products_none=2
    )
    langs = Counter(q["lang"] for q in questions)
    assert min(langs["de"], langs["en"]) >= 0.4 * len(questions)
    assert sum(1 for q in questions if q["metadata"].get("product_id")) >= 100
