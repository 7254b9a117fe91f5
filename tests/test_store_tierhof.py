"""The seventh store `stores/tierhof` (a raw Shopify export of a Munich shop for pets, baby and
home/garden, its questions written before any tuning on it and kept as a held-out figure) and
its questions (`bench/questions/tierhof.jsonl`) stay consistent: the export imports without a
rejected row, keeping its drafts, its unpublished and its archived product away from shoppers,
and every question refers to products the export has in the state the question expects."""

from __future__ import annotations

from pathlib import Path

from catalog.import_common import CategoryMapper
from catalog.shopify import read_shopify_csv
from catalog.store import load_config
from tests.store_questions import check_store_questions

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "stores" / "tierhof"
# two drafts, one unpublished (Published FALSE), one archived
HIDDEN = {"frosty-cooling-vest", "insektenprotein-trockenfutter", "katzenklappe-mikrochip", "loungekissen-capri"}


def test_raw_export_imports_without_rejected_rows(use_embedder):
    categories = load_config(STORE / "store.yml").categories
    result = read_shopify_csv(STORE / "catalog.csv", CategoryMapper(categories, use_embedder))
    assert not result.errors, [str(e) for e in result.errors[:5]]
    products = {p.id: p for p in result.products}
    assert len(products) == 68 and sum(len(p.variants) for p in products.values()) >= 270
    assert {pid for pid, p in products.items() if p.status} == HIDDEN
    # two options kept apart: the length and the colour of a bench cushion
    cushion = products["bench-cushion-coast"]
    assert [v.stock for v in cushion.variants if v.options == {"Length": "150 cm", "Colour": "Stripe Blue"}] == [0]
    # sold out in every variant, sold out in one size, a sale price
    assert all(v.stock == 0 for v in products["compact-tower-96"].variants)
    coat = products["hundemantel-nordwind"]
    assert [v.size for v in coat.variants if v.stock == 0] == ["45 cm"]
    assert {(v.price, v.compare_at_price) for v in products["orthorest-memory-foam-dog-bed"].variants} == {
        (89.0, 119.0), (119.0, 149.0), (149.0, 189.0)}


def test_questions_refer_to_the_exports_products():
    check_store_questions("tierhof", HIDDEN)
