"""The fifth store `stores/elbkontor` (a raw Shopify export of a Hamburg fashion and electronics
shop, its questions written before any tuning on it) and its questions
(`bench/questions/elbkontor.jsonl`) stay consistent: the export imports without a rejected row,
keeping its drafts, its unpublished and its archived product away from shoppers, and every
question refers to products the export has in the state the question expects."""

from __future__ import annotations

from pathlib import Path

from catalog.import_common import CategoryMapper
from catalog.shopify import read_shopify_csv
from catalog.store import load_config
from tests.store_questions import check_store_questions

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "stores" / "elbkontor"
# three drafts, one unpublished (Published FALSE), one archived
HIDDEN = {"boom-xl-party-speaker", "lederjacke-biker-damen", "trenchcoat-classic-beige", "retro-runner-sneaker-2024", "smart-heizkoerperthermostat"}


def test_raw_export_imports_without_rejected_rows(use_embedder):
    categories = load_config(STORE / "store.yml").categories
    result = read_shopify_csv(STORE / "catalog.csv", CategoryMapper(categories, use_embedder))
    assert not result.errors, [str(e) for e in result.errors[:5]]
    products = {p.id: p for p in result.products}
    assert len(products) == 66 and sum(len(p.variants) for p in products.values()) >= 400
    assert {pid for pid, p in products.items() if p.status} == HIDDEN
    # two options kept apart: waist and length of a jeans, length and pack of a cable
    jeans = products["hafen-slim-jeans-herren"]
    assert [v.stock for v in jeans.variants if v.options == {"Weite": "W33", "Länge": "L36"}] == [0]
    # sold out in every variant, sold out in one size, a sale price
    assert all(v.stock == 0 for v in products["espadrilles-jute-sommer"].variants)
    boots = products["lammfell-winterstiefel-damen"]
    assert [v.size for v in boots.variants if v.stock == 0] == ["39"]
    assert {(v.price, v.compare_at_price) for v in products["sylt-linen-midi-dress"].variants} == {(69.0, 119.0)}


def test_questions_refer_to_the_exports_products():
    check_store_questions("elbkontor", HIDDEN)
