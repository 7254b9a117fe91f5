"""The checks every store's question file must pass (`bench/questions/<store>.jsonl`): ids
unique, enough questions of each kind, and every question referring to products the store's
export has in the state the question expects (visible ones to show, hidden ones never)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from bench.answer_scoring import read_catalog_texts
from catalog.import_common import CategoryMapper
from catalog.shopify import read_shopify_csv
from catalog.store import load_config
from catalog.woocommerce import read_woocommerce_csv

ROOT = Path(__file__).resolve().parent.parent
EXPECT_KEYS = {"products_any", "products_none", "must", "must_not", "refuse", "dont_know"}
# the minimum per kind of a store built to be measured (elbkontor, goldfaden, tierhof)
MINIMUM = {"discovery": 40, "sizing": 40, "details": 50, "variants": 20, "shipping": 10, "policy": 12, "comparison": 6, "out_of_scope": 6}


def check_store_questions(store: str, hidden: set[str], total: int = 180, minimum: dict[str, int] = MINIMUM,
                          dont_know: int = 8, products_none: int = 2) -> list[dict]:  # fmt: skip
    """Assert the store's questions are consistent with its export; returns them."""
    path = ROOT / "bench" / "questions" / f"{store}.jsonl"
    catalog = ROOT / "stores" / store / "catalog.csv"
    questions = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    visible = {p.id for p in read_catalog_texts(catalog)}
    every = {p.id for p in read_catalog_texts(catalog, visible_only=False)}
    assert every - visible == hidden
    assert len({q["id"] for q in questions}) == len(questions) >= total
    kinds = Counter(q["kind"] for q in questions)
    assert all(kinds[kind] >= n for kind, n in minimum.items()), kinds
    assert sum(1 for q in questions if q["expect"].get("dont_know")) >= dont_know
    assert sum(1 for q in questions if q["expect"].get("products_none")) >= products_none
    assert {q["lang"] for q in questions} == {"de", "en"}
    for q in questions:
        expect, page = q["expect"], q["metadata"].get("product_id")
        assert q["store"] == store and q["metadata"]["language"] == q["lang"], q["id"]
        assert set(expect) <= EXPECT_KEYS, q["id"]
        assert not ({*expect.get("products_any", []), *([page] if page else [])} - visible), q["id"]
        assert set(expect.get("products_none", [])) <= every - visible, q["id"]
        for pattern in [*expect.get("must", []), *expect.get("must_not", [])]:
            re.compile(pattern)
    return questions


def imported_woocommerce(store: str, use_embedder) -> dict:  # noqa: ANN001 (the conftest fixture)
    """A WooCommerce store's raw export imported as `make run` does: no rejected row, every category
    path in one of the store's categories; its products by id."""
    folder = ROOT / "stores" / store
    mapper = CategoryMapper(load_config(folder / "store.yml").categories, use_embedder)
    result = read_woocommerce_csv(folder / "catalog.csv", mapper)
    assert not result.errors, [str(e) for e in result.errors[:5]]
    assert not mapper.new  # every category path lands in one of the store's categories
    return {p.id: p for p in result.products}


def imported_shopify(store: str, use_embedder) -> dict:  # noqa: ANN001 (the conftest fixture)
    """A Shopify store's raw export imported as `make run` does: no rejected row; its products by id."""
    folder = ROOT / "stores" / store
    mapper = CategoryMapper(load_config(folder / "store.yml").categories, use_embedder)
    result = read_shopify_csv(folder / "catalog.csv", mapper)
    assert not result.errors, [str(e) for e in result.errors[:5]]
    return {p.id: p for p in result.products}
