"""Top unanswered questions grouped by meaning: the shopper messages a fallback or "don't know"
answered, embedded with the catalog's embedder (`catalog.embedder`, multilingual USE by
default, so "Haben Sie Gutscheine?" and "do you sell gift cards" can meet) and clustered
agglomeratively (average linkage on cosine distance, cut at `THRESHOLD`), largest group first."""

from __future__ import annotations

import os
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from catalog.embedder import DEFAULT_EMBEDDER, Embedder, VectorCache, get_embedder

THRESHOLD = 0.5  # cosine distance: messages closer than this (on average) are one question
_cache = VectorCache(5000)


def embedder() -> Embedder:
    """The catalog's embedder (`SHOPBOT_EMBEDDER`, as the index is built), loaded on first use."""
    return get_embedder(os.environ.get("SHOPBOT_EMBEDDER", DEFAULT_EMBEDDER))


def group(messages: list[dict[str, Any]], encoder: Embedder | None = None, threshold: float = THRESHOLD, limit: int = 20) -> list[dict[str, Any]]:
    """Groups `messages` (dicts with `text`, `sender_id`, `kind`, `at`) by meaning. Each group:
    its most typical message (nearest the group's centre) as `label`, `count`, the distinct
    `examples` (up to 5), `senders` (its conversations) and how many were fallbacks / don't knows."""
    if not messages:
        return []
    texts = [m["text"] for m in messages]
    vectors = _cache.encode(encoder or embedder(), texts)
    if len(messages) == 1:
        labels = np.array([1])
    else:
        labels = fcluster(linkage(vectors, method="average", metric="cosine"), t=threshold, criterion="distance")
    groups = []
    for label in np.unique(labels):
        idx = np.flatnonzero(labels == label)
        centre = vectors[idx].mean(axis=0)
        typical = idx[int(np.argmax(vectors[idx] @ centre))]
        members = [messages[i] for i in idx]
        groups.append({
            "label": texts[typical], "count": len(idx),
            "examples": list(dict.fromkeys(m["text"] for m in members))[:5],
            "senders": list(dict.fromkeys(m["sender_id"] for m in members)),
            "fallbacks": sum(m["kind"] == "fallback" for m in members), "dont_knows": sum(m["kind"] == "dont_know" for m in members),
            "latest": max(m["at"] for m in members),
        })  # fmt: skip
    groups.sort(key=lambda g: (-g["count"], -g["latest"]))
    return groups[:limit]
