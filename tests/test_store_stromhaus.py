"""The store `stores/stromhaus` (a Cologne shop's raw WooCommerce export in EUR: headphones,
speakers, robot vacuums, small kitchen appliances, irons, air purifiers, fans, LED bulbs, power
banks, chargers and smart plugs) and its questions (`bench/questions/stromhaus.jsonl`, written
before any tuning, details-heavy) stay consistent: the export imports without a rejected row,
keeping its drafts and its private product away from shoppers, and every question refers to
products the export has in the state the question expects."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from catalog.store import load_config
from tests.store_questions import check_store_questions, imported_woocommerce

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "stores" / "stromhaus"
HIDDEN = {"klangwerk-anc-900", "tischgrill-kompakt", "mitarbeiterpaket-kaffee"}  # two drafts (-1), one private (0)
MINIMUM = {"details": 110, "discovery": 35, "variants": 20, "comparison": 8, "shipping": 4, "policy": 4, "out_of_scope": 4}


def test_raw_export_imports_without_rejected_rows(use_embedder):
    assert load_config(STORE / "store.yml").store.currency == "EUR"
    products = imported_woocommerce("stromhaus", use_embedder)
    assert len(products) == 61 and sum(len(p.variants) for p in products.values()) >= 120
    assert {pid for pid, p in products.items() if p.status} == HIDDEN
    # sold out in every variant (a simple product), sold out in one colour, one bundle sold out
    assert all(v.stock == 0 for v in products["stabmixer-set-vielseitig-1000"].variants)
    assert [v.stock for v in products["pocket-speaker-go"].variants if v.options == {"Colour": "Coral"}] == [0]
    blender = products["standmixer-powerblend-1500"]
    assert [v.stock for v in blender.variants if v.options == {"Farbe": "Rot", "Paket": "mit To-go-Flaschen"}] == [0]
    # bundle prices and sale prices
    assert {v.price for v in products["saugroboter-kompakt-x"].variants} == {399.0, 549.0}
    assert {(v.price, v.compare_at_price) for v in products["powerstation-camping-300"].variants} == {(249.0, 279.0)}


def test_questions_refer_to_the_exports_products():
    questions = check_store_questions("stromhaus", HIDDEN, total=200, minimum=MINIMUM, dont_know=12, products_none=2)
    langs = Counter(q["lang"] for q in questions)
    assert min(langs["de"], langs["en"]) >= 0.4 * len(questions)
