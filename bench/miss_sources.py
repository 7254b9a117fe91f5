"""Where the facts a store's missed questions expect are written, counted per kind: the page
product's own text, another product's text, the store config, the policy texts, or none of them
(a computed answer such as a size, or a fact spread over several places).

    .venv/bin/python -m bench.miss_sources --store S --results F.json

`F.json` is the `--out` file of `bench.answers` for that store. Only counts are printed, so a
held-out store's misses can be located without reading any of its questions or replies.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from bench.answer_scoring import read_catalog_texts
from bench.answers import KINDS, STORES, load_questions

SOURCES = ["page product", "other product", "store config", "policies", "none"]


def _matches_all(patterns: list[str], text: str) -> bool:
    return bool(patterns) and all(re.search(p, text, re.I) for p in patterns)


def fact_source(question: dict, texts: dict[str, str], config: str, policies: str) -> str:
    """The first place whose text matches every `must` pattern of the question."""
    patterns = question["expect"].get("must") or []
    page = question.get("metadata", {}).get("product_id")
    if page and _matches_all(patterns, texts.get(page, "")):
        return "page product"
    if any(_matches_all(patterns, t) for pid, t in texts.items() if pid != page):
        return "other product"
    if _matches_all(patterns, config):
        return "store config"
    if _matches_all(patterns, policies):
        return "policies"
    return "none"


def count_sources(store: str, results: list[dict]) -> dict[str, Counter]:
    """Per kind, how many missed questions have their expected fact in each place."""
    folder = STORES[store]
    catalog = next(folder.glob("catalog.*"))
    texts = {p.id: p.text for p in read_catalog_texts(catalog)}
    config = (folder / "store.yml").read_text(encoding="utf-8")
    policies = " ".join(p.read_text(encoding="utf-8") for p in sorted((folder / "policies").glob("*.md")))
    questions = {q["id"]: q for q in load_questions(store, None)}
    counts: dict[str, Counter] = {kind: Counter() for kind in KINDS}
    for row in results:
        if not row["right"] and row["id"] in questions:
            question = questions[row["id"]]
            counts[question["kind"]][fact_source(question, texts, config, policies)] += 1
    return counts


def table(counts: dict[str, Counter]) -> str:
    lines = ["| fact of the missed question in | " + " | ".join(KINDS) + " | all |", "|---|" + "---|" * (len(KINDS) + 1)]
    for source in SOURCES:
        cells = [counts[kind][source] for kind in KINDS]
        lines.append(f"| {source} | " + " | ".join(str(c) for c in cells) + f" | {sum(cells)} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True, choices=sorted(STORES))
    parser.add_argument("--results", required=True, type=Path, help="the --out file of bench.answers")
    args = parser.parse_args()
    results = json.loads(args.results.read_text(encoding="utf-8"))["results"]
    print(table(count_sources(args.store, results)))


if __name__ == "__main__":
    main()
