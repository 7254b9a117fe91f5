"""The second, short vector per product, measured in-process (no NLU): discovery questions of the
tuning stores, out-of-catalog requests, and the demo retrieval queries, with and without the
short vectors and for several short-score penalties and thresholds.

    .venv/bin/python -m bench.short_vectors [--stores demo,kleinholz,laufwerk] [--penalties 0,0.05,0.1]

A discovery question is right when an expected product (`products_any`) is among the three
shown and no `products_none` product is; an out-of-catalog request (`bench/negatives.jsonl`,
asked in every store) is "shown" when any product is shown and a "match" when the reply would
present it as one (`SearchResult.confident`). The nordstil store is never used here.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from catalog import search as search_module
from catalog.embedder import get_embedder
from catalog.importer import import_file
from catalog.index import ProductIndex
from catalog.search import CatalogService
from catalog.store import Store

ROOT = Path(__file__).resolve().parent.parent
TUNING = ("demo", "kleinholz", "laufwerk")


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def services(name: str, embedder) -> tuple[CatalogService, CatalogService]:  # noqa: ANN001
    """(full vectors only, full + short vectors) over the store's shown products."""
    store = Store(ROOT / "stores" / name)
    products = [p for p in import_file(store.catalog_file, store.config.categories).products if p.shown]
    ids = [p.id for p in products]
    full = embedder.encode([p.embedding_text() for p in products])
    short = embedder.encode([p.short_text() for p in products])
    plain = ProductIndex(embedder.name, embedder.dim)
    plain.upsert(ids, full)
    both = ProductIndex(embedder.name, embedder.dim)
    both.upsert(ids, full, short)
    return CatalogService(store, products, plain, embedder), CatalogService(store, products, both, embedder)


def discovery_right(service: CatalogService, question: dict) -> bool:
    shown = {h.product.id for h in service.search(question["text"]).hits}
    expect = question["expect"]
    return (not expect.get("products_any") or bool(shown & set(expect["products_any"]))) and not shown & set(expect.get("products_none", []))


def measure(service: CatalogService, discovery: list[dict], negatives: list[str]) -> tuple[int, int, int, int]:
    """(discovery right, discovery presented as a match, negatives shown, negatives as a match)."""
    right = sum(discovery_right(service, q) for q in discovery)
    sure = sum(service.search(q["text"]).confident for q in discovery)
    results = [service.search(q) for q in negatives]
    return right, sure, sum(bool(r.hits) for r in results), sum(r.confident for r in results)


def retrieval(service: CatalogService, queries: list[dict]) -> tuple[float, float]:
    """(R@1, R@5) of the demo's labelled queries."""
    ranks = [[h.product.id for h in service.search(q["query"], limit=5).hits] for q in queries]
    r1 = np.mean([bool(set(r[:1]) & set(q["relevant"])) for r, q in zip(ranks, queries, strict=True)])
    r5 = np.mean([bool(set(r) & set(q["relevant"])) for r, q in zip(ranks, queries, strict=True)])
    return float(r1), float(r5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", default=",".join(TUNING))
    parser.add_argument("--penalties", default="0,0.03,0.05,0.08,0.1")
    parser.add_argument("--min-scores", default="", help="MIN_SCORE values to try (default: the current one)")
    parser.add_argument("--confident", default="", help="CONFIDENT_SCORE values to try (default: the current one)")
    args = parser.parse_args()
    names = [s for s in args.stores.split(",") if s and s != "nordstil"]
    embedder = get_embedder("use")
    negatives = [q["query"] for q in lines(ROOT / "bench" / "negatives.jsonl")]
    queries = lines(ROOT / "bench" / "queries.jsonl")
    built = {name: services(name, embedder) for name in names}
    questions = {name: [q for q in lines(ROOT / "bench" / "questions" / f"{name}.jsonl") if q["kind"] == "discovery"] for name in names}
    mins = [float(v) for v in args.min_scores.split(",") if v] or [search_module.MIN_SCORE]
    confs = [float(v) for v in args.confident.split(",") if v] or [search_module.CONFIDENT_SCORE]
    defaults = (search_module.MIN_SCORE, search_module.CONFIDENT_SCORE, search_module.SHORT_PENALTY)
    print("| vectors | penalty | MIN_SCORE | CONFIDENT | " + " | ".join(f"{n} right (match)" for n in names)
          + " | discovery | negatives shown / match (of 24 × stores) | demo R@1 / R@5 |")  # fmt: skip
    print("|" + "---|" * (len(names) + 7))
    rows = [("full", None)] + [("full + short", float(p)) for p in args.penalties.split(",") if p]
    for min_score in mins:
        for conf in confs:
            search_module.MIN_SCORE, search_module.CONFIDENT_SCORE = min_score, conf
            for label, penalty in rows:
                if penalty is not None:
                    search_module.SHORT_PENALTY = penalty
                cells, total, neg_shown, neg_sure = [], 0, 0, 0
                for name in names:
                    service = built[name][penalty is not None]
                    right, sure, shown, matched = measure(service, questions[name], negatives)
                    cells.append(f"{right}/{len(questions[name])} ({sure})")
                    total, neg_shown, neg_sure = total + right, neg_shown + shown, neg_sure + matched
                r1, r5 = retrieval(built["demo"][penalty is not None], queries) if "demo" in built else (float("nan"),) * 2
                count = sum(len(questions[n]) for n in names)
                print(f"| {label} | {'' if penalty is None else penalty} | {min_score} | {conf} | " + " | ".join(cells)
                      + f" | {total}/{count} | {neg_shown} / {neg_sure} | {r1:.3f} / {r5:.3f} |")  # fmt: skip
    search_module.MIN_SCORE, search_module.CONFIDENT_SCORE, search_module.SHORT_PENALTY = defaults


if __name__ == "__main__":
    main()
