"""The fourth store `stores/laufwerk` (a raw WooCommerce export, built to tune on) and its
questions (`bench/questions/laufwerk.jsonl`) stay consistent: the export imports without a
rejected row, keeping its draft and its hidden product away from shoppers, and every question
refers to products the export has in the state the question expects."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from bench.answer_scoring import read_catalog_texts
from tests.store_questions import imported_woocommerce

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "stores" / "laufwerk"
QUESTIONS = ROOT / "bench" / "questions" / "laufwerk.jsonl"
HIDDEN = {"laufweste-ultra-5-l", "team-trikot-laufwerk-leipzig"}  # a draft (Published -1), a hidden one


def test_raw_export_imports_without_rejected_rows(use_embedder):
    products = imported_woocommerce("laufwerk", use_embedder)
    assert len(products) == 63 and sum(len(p.variants) for p in products.values()) >= 250
    assert {pid for pid, p in products.items() if p.status} == HIDDEN
    # a variation's attribute value with an escaped comma stays one size
    shoe = products["trailrunner-2-0"]
    assert "42,5" in [v.size for v in shoe.variants]
    # sold out in every variation, sold out in one, a sale price
    assert all(v.stock == 0 for v in products["sommerdecke-leinen-kuehl"].variants)
    assert [v.stock for v in shoe.variants if v.options == {"Größe": "42,5", "Farbe": "Neongelb/Anthrazit"}] == [0]
    watch = products["gps-laufuhr-stride-5"]
    assert {(v.price, v.compare_at_price) for v in watch.variants} == {(199.0, 249.0)}


def test_questions_refer_to_the_exports_products():
    questions = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    visible = {p.id for p in read_catalog_texts(STORE / "catalog.csv")}
    every = {p.id for p in read_catalog_texts(STORE / "catalog.csv", visible_only=False)}
    assert every - visible == HIDDEN
    assert len({q["id"] for q in questions}) == len(questions) >= 160
    kinds = Counter(q["kind"] for q in questions)
    assert kinds["sizing"] >= 40 and kinds["details"] >= 50 and kinds["variants"] >= 20 and kinds["discovery"] >= 30
    assert sum(1 for q in questions if q["expect"].get("dont_know")) >= 6
    assert sum(1 for q in questions if q["expect"].get("products_none")) >= 2
    assert {q["lang"] for q in questions} == {"de", "en"}
    for q in questions:
        expect, page = q["expect"], q["metadata"].get("product_id")
        assert q["store"] == "laufwerk" and q["metadata"]["language"] == q["lang"], q["id"]
        assert set(expect) <= {"products_any", "products_none", "must", "must_not", "refuse", "dont_know"}, q["id"]
        assert not ({*expect.get("products_any", []), *([page] if page else [])} - visible), q["id"]
        assert set(expect.get("products_none", [])) <= every - visible, q["id"]
        for pattern in [*expect.get("must", []), *expect.get("must_not", [])]:
            re.compile(pattern)
