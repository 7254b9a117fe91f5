"""The tuning store `stores/gipfelsport` (a raw Shopify export of an Innsbruck mountain sports
shop, sizing-heavy: ski boots, skis, climbing shoes, harnesses, helmets, gloves, bike frames,
wetsuits, kids' ski clothes, socks) and its questions (`bench/questions/gipfelsport.jsonl`) stay
consistent: the export imports without a rejected row, keeping its drafts and its archived
product away from shoppers, and every question refers to products the export has in the state
the question expects."""

from __future__ import annotations

from pathlib import Path

from catalog.import_common import CategoryMapper
from catalog.shopify import read_shopify_csv
from catalog.store import load_config
from tests.store_questions import check_store_questions

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "stores" / "gipfelsport"
# two drafts, one archived
HIDDEN = {"skischuh-prototyp-x", "ersatzakku-e-mtb-750", "skiwachs-set-klassik"}
MINIMUM = {
    "discovery": 30,
    "sizing": 90,
    "details": 50,
    "variants": 15,
    "shipping": 4,
    "policy": 4,
    "comparison": 4,
    "out_of_scope": 4,
}


def test_raw_export_imports_without_rejected_rows(use_embedder):
    categories = load_config(STORE / "store.yml").categories
    result = read_shopify_csv(STORE / "catalog.csv", CategoryMapper(categories, use_embedder))
    assert not result.errors, [str(e) for e in result.errors[:5]]
    products = {p.id: p for p in result.products}
    assert len(products) == 63 and sum(len(p.variants) for p in products.values()) >= 250
    assert {pid for pid, p in products.items() if p.status} == HIDDEN
    # two options kept apart: the size and the colour of a harness
    harness = products["klettergurt-alpin-light"]
    assert [v.stock for v in harness.variants if v.options == {"Größe": "L", "Farbe": "Blau"}] == [
        0
    ]
    # sold out in one size, a sale price
    boot = products["skischuh-pitztal-pro-120"]
    assert [v.size for v in boot.variants if v.stock == 0] == ["28.0"]
    assert {
        (v.price, v.compare_at_price) for v in products["alpine-boot-summit-90-w"].variants
    } == {(329.0, 389.0)}


def test_questions_refer_to_the_exports_products():
    check_store_questions(
        "gipfelsport", HIDDEN, total=200, minimum=MINIMUM, dont_know=8, products_none=2
    )
