"""The store `stores/goldfaden` (a Zurich jeweller's raw WooCommerce export in CHF: jewellery,
watches, eyewear, leather goods, bags, natural cosmetics, scarves and gloves) and its questions
(`bench/questions/goldfaden.jsonl`, written before any tuning) stay consistent: the export
imports without a rejected row, keeping its drafts and its private product away from shoppers,
and every question refers to products the export has in the state the question expects."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from catalog.store import load_config
from tests.store_questions import check_store_questions, imported_woocommerce

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "stores" / "goldfaden"
HIDDEN = {"namenskette-personalisiert", "clutch-opera", "geschenkset-naturpflege"}  # two drafts (-1), one private (0)


def test_raw_export_imports_without_rejected_rows(use_embedder):
    assert load_config(STORE / "store.yml").store.currency == "CHF"
    products = imported_woocommerce("goldfaden", use_embedder)
    assert len(products) == 63 and sum(len(p.variants) for p in products.values()) >= 190
    assert {pid for pid, p in products.items() if p.status} == HIDDEN
    assert products["uhrenarmband-leder-horween"].category == "watches"
    assert products["manschettenknoepfe-matterhorn"].category == "jewellery"
    # an attribute value with an escaped comma stays one value
    gloves = products["lederhandschuhe-davos"]
    assert "7,5" in [v.size for v in gloves.variants]
    # sold out in every variation, sold out in one size, sale prices
    assert all(v.stock == 0 for v in products["silk-scarf-paisley"].variants)
    ring = products["stapelring-limmat"]
    assert [v.stock for v in ring.variants if v.options == {"Ringgrösse": "54", "Ausführung": "Silber"}] == [0]
    assert [v.stock for v in gloves.variants if v.options == {"Grösse": "8,5", "Farbe": "Tabak"}] == [0]
    watch = products["automatikuhr-bahnhofstrasse-40"]
    assert {(v.price, v.compare_at_price) for v in watch.variants} == {(749.0, 890.0)}


def test_questions_refer_to_the_exports_products():
    questions = check_store_questions("goldfaden", HIDDEN)
    langs = Counter(q["lang"] for q in questions)
    assert min(langs["de"], langs["en"]) >= 0.4 * len(questions)
