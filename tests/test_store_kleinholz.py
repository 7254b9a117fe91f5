"""The tuning store `stores/kleinholz` (a raw Shopify export) and its questions
(`bench/questions/kleinholz.jsonl`) stay consistent: the export imports without a rejected
row, keeping its drafts hidden, and every question refers to products the export has in the
state the question expects."""

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
STORE = ROOT / "stores" / "kleinholz"
QUESTIONS = ROOT / "bench" / "questions" / "kleinholz.jsonl"
HIDDEN = {"sternenhimmel-baldachin", "huepf-gartentrampolin-244-cm", "schaukelpferd-pony"}


def test_raw_export_imports_without_rejected_rows(use_embedder):
    categories = load_config(STORE / "store.yml").categories
    result = read_shopify_csv(STORE / "catalog.csv", CategoryMapper(categories, use_embedder))
    assert not result.errors, result.errors[:5]
    products = {p.id: p for p in result.products}
    assert len(products) == 60
    assert {pid for pid, p in products.items() if p.status} == HIDDEN
    # options other than size and colour are kept (Länge, Laufradgröße, Pack ...)
    sled = products["bergfloh-hoernerrodel"]
    assert [v.size for v in sled.variants] == ["90 cm", "110 cm"]


def test_questions_refer_to_the_exports_products():
    questions = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    visible = {p.id for p in read_catalog_texts(STORE / "catalog.csv")}
    every = {p.id for p in read_catalog_texts(STORE / "catalog.csv", visible_only=False)}
    assert len({q["id"] for q in questions}) == len(questions) >= 120
    kinds = Counter(q["kind"] for q in questions)
    assert kinds["details"] >= 30 and kinds["sizing"] >= 20 and kinds["variants"] >= 15
    assert {q["lang"] for q in questions} == {"de", "en"}
    for q in questions:
        expect, page = q["expect"], q["metadata"].get("product_id")
        assert set(expect) <= {"products_any", "products_none", "must", "must_not", "refuse", "dont_know"}, q["id"]
        assert not ({*expect.get("products_any", []), *([page] if page else [])} - visible), q["id"]
        assert set(expect.get("products_none", [])) <= every - visible, q["id"]
        for pattern in [*expect.get("must", []), *expect.get("must_not", [])]:
            re.compile(pattern)
