"""Catalog-aware understanding: of the messages the intent classifier refuses, which are
answered as a search (`catalog.scope.carried`) — measured on labelled sets of both kinds.

    .venv/bin/python -m bench.scope

Per store: shopping requests (the store's discovery questions; for the second fixture store,
product types the demo store does not carry) must be rescued and show the expected product;
true out-of-scope messages (the `out_of_scope` examples of the NLU data) and requests for
products no store here carries (`bench/negatives.jsonl`) must keep the refusal. Every message is
scored as if the classifier had refused it, so the rescue rate is a lower bound for how the bot
fares on the shopping requests it misclassifies. Plain USE + FAISS top 3 over the same
products is printed for comparison.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import yaml

from catalog import scope
from catalog.embedder import get_embedder
from catalog.importer import import_file
from catalog.index import ProductIndex
from catalog.search import CatalogService
from catalog.store import Store

ROOT = Path(__file__).resolve().parent.parent
STORES = [
    (ROOT / "stores" / "demo", ROOT / "bench" / "queries.jsonl"),
    (ROOT / "tests" / "fixtures" / "store_other", ROOT / "bench" / "discovery_other.jsonl"),
]


def out_of_scope_examples() -> list[str]:
    """The `out_of_scope` examples of the NLU training data (data/nlu.yml or data/nlu/*.yml)."""
    files = sorted((ROOT / "data").glob("nlu/*.yml")) or [ROOT / "data" / "nlu.yml"]
    texts: list[str] = []
    for file in files:
        for item in (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if item.get("intent") == "out_of_scope":
                texts += [line[2:].strip() for line in item["examples"].splitlines() if line.startswith("- ")]
    return texts


def service_for(folder: Path) -> CatalogService:
    store = Store(folder)
    products = import_file(store.catalog_file, store.config.categories).products
    embedder = get_embedder("use")
    index = ProductIndex(embedder.name, embedder.dim)
    index.upsert([p.id for p in products], embedder.encode([p.embedding_text() for p in products]),
                 embedder.encode([p.short_text() for p in products]))  # fmt: skip
    return CatalogService(store, products, index, embedder)


def measure(service: CatalogService, shopping: list[dict], refused: dict[str, list[str]]) -> dict[str, float]:
    out: dict[str, float] = {"threshold": scope.threshold(service)}
    rescued, shown, plain = [], [], []
    vectors = service.embedder.encode([q["query"] for q in shopping])
    for q, vector in zip(shopping, vectors, strict=True):
        result = scope.carried(service, q["query"])
        rescued.append(result is not None)
        shown.append(result is not None and bool({h.product.id for h in result.hits} & set(q["relevant"])))
        plain.append(bool({pid for pid, _ in service.index.search(vector, 3)} & set(q["relevant"])))
    out["rescued"] = float(np.mean(rescued))
    out["rescued, expected product shown"] = float(np.mean(shown))
    out["plain USE + FAISS top 3"] = float(np.mean(plain))
    for name, texts in refused.items():
        out[f"refusal kept: {name}"] = float(np.mean([scope.carried(service, t) is None for t in texts]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor", type=float, default=scope.FLOOR)
    parser.add_argument("--margin", type=float, default=scope.MARGIN)
    args = parser.parse_args()
    scope.FLOOR, scope.MARGIN = args.floor, args.margin
    refused = {
        "out of scope (NLU data)": out_of_scope_examples(),
        "products no store carries (negatives.jsonl)": [
            json.loads(line)["query"] for line in (ROOT / "bench" / "negatives.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
        ],
    }
    for folder, file in STORES:
        shopping = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
        figures = measure(service_for(folder), shopping, refused)
        print(f"\n{folder.name}: {len(shopping)} shopping requests, " + ", ".join(f"{len(v)} {k}" for k, v in refused.items()))
        for name, value in figures.items():
            print(f"  {name:50} {value:.3f}")


if __name__ == "__main__":
    main()
