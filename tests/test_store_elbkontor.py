"""The fifth store `stores/elbkontor` (a raw Shopify export of a Hamburg fashion and electronics
shop, its questions written before any tuning on it) and its questions
(`bench/questions/elbkontor.jsonl`) stay consistent: the export imports without a rejected row,
keeping its drafts, its unpublished and its archived product away from shoppers, and every
question refers to products the export has in the state the question expects."""

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
STORE = ROOT / "stores" / "elbkontor"
QUESTIONS = ROOT / "bench" / "questions" / "elbkontor.jsonl"
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
        assert q["store"] == "elbkontor" and q["metadata"]["language"] == q["lang"], q["id"]
        assert set(expect) <= {"products_any", "products_none", "must", "must_not", "refuse", "dont_know"}, q["id"]
        assert not ({*expect.get("products_any", []), *([page] if page else [])} - visible), q["id"]
        assert set(expect.get("products_none", [])) <= every - visible, q["id"]
        for pattern in [*expect.get("must", []), *expect.get("must_not", [])]:
            re.compile(pattern)
