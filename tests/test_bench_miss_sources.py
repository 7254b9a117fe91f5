"""`bench.miss_sources`: where a missed question's expected fact is written."""

from __future__ import annotations

from collections import Counter

from bench.miss_sources import fact_source, table

TEXTS = {"jacke": "Regenjacke. Wassersäule 10.000 mm, wiegt 420 g.", "zelt": "Zelt. Wiegt 2,1 kg."}
CONFIG = "shipping: free_from: 50.00"
POLICIES = "Rücksendungen sind 30 Tage lang kostenlos. Returns are free for 30 days."


def _question(must: list[str], page: str | None = None) -> dict:
    return {"expect": {"must": must}, "metadata": {"product_id": page} if page else {}}


def test_the_page_products_text_comes_first():
    assert fact_source(_question(["420 g"], "jacke"), TEXTS, CONFIG, POLICIES) == "page product"
    assert fact_source(_question(["2,1 kg"], "jacke"), TEXTS, CONFIG, POLICIES) == "other product"


def test_every_pattern_must_match_one_place():
    assert fact_source(_question(["30 (Tage|days)", "kostenlos|free"]), TEXTS, CONFIG, POLICIES) == "policies"
    assert fact_source(_question(["free_from"]), TEXTS, CONFIG, POLICIES) == "store config"
    assert fact_source(_question(["420 g", "30 Tage"], "jacke"), TEXTS, CONFIG, POLICIES) == "none"
    assert fact_source(_question([], "jacke"), TEXTS, CONFIG, POLICIES) == "none"


def test_the_table_counts_per_kind():
    counts = {kind: Counter() for kind in ["discovery", "sizing", "details", "variants", "shipping", "policy", "comparison", "out_of_scope"]}
    counts["details"]["page product"] = 3
    row = next(line for line in table(counts).splitlines() if line.startswith("| page product"))
    assert row.endswith("| 3 |") and "| 0 | 0 | 3 |" in row
