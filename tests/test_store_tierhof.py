"""The seventh store `stores/tierhof` (a raw Shopify export of a Munich shop for pets, baby and
home/garden, its questions written before any tuning on it and kept as a held-out figure) and
its questions (`bench/questions/tierhof.jsonl`) stay consistent: the export imports without a
rejected row, keeping its drafts, its unpublished and its archived product away from shoppers,
and every question refers to products the export has in the state the question expects."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from bench.answer_scoring import read_catalog_texts
from catalog.import_common import CategoryMapper
from catalog.shopify import read_shopify_csv
from catalog.store import load_config

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "stores" / "tierhof"
QUESTIONS = ROOT / "bench" / "questions" / "tierhof.jsonl"
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
    questions = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    visible = {p.id for p in read_catalog_texts(STORE / "catalog.csv")}
    every = {p.id for p in read_catalog_texts(STORE / "catalog.csv", visible_only=False)}
    assert every - visible == HIDDEN
    assert len({q["id"] for q in questions}) == len(questions) >= 180
    kinds = Counter(q["kind"] for q in questions)
    assert kinds["discovery"] >= 40 and kinds["sizing"] >= 40 and kinds["details"] >= 50 and kinds["variants"] >= 20
    assert kinds["shipping"] >= 10 and kinds["policy"] >= 12 and kinds["comparison"] >= 6 and kinds["out_of_scope"] >= 6
    assert sum(1 for q in questions if q["expect"].get("dont_know")) >= 8
    assert sum(1 for q in questions if q["expect"].get("products_none")) >= 2
    for q in questions:
        expect, page = q["expect"], q["metadata"].get("product_id")
        assert q["store"] == "tierhof" and q["metadata"]["language"] == q["lang"], q["id"]
        assert set(expect) <= {"products_any", "products_none", "must", "must_not", "refuse", "dont_know"}, q["id"]
        assert not ({*expect.get("products_any", []), *([page] if page else [])} - visible), q["id"]
        assert set(expect.get("products_none", [])) <= every - visible, q["id"]
        for pattern in [*expect.get("must", []), *expect.get("must_not", [])]:
            re.compile(pattern)
