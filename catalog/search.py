"""The catalog as the action server uses it: products, their FAISS index, policies, search."""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from catalog.build import current_folder, index_dir, products_file, read_products
from catalog.embedder import DEFAULT_EMBEDDER, Embedder, get_embedder
from catalog.index import ProductIndex
from catalog.language import STOPWORDS
from catalog.models import Product
from catalog.policies import PolicyIndex, read_passages
from catalog.query import Query, parse_query
from catalog.sizes import normalize_letter
from catalog.store import Store

# Below this cosine similarity a product is not shown as a match (tuned in bench/retrieval.py).
MIN_SCORE = float(os.environ.get("SHOPBOT_MIN_SCORE", "0.3"))
# Below this the best match is shown as "closest we have", not as a match.
CONFIDENT_SCORE = 0.42
LEXICAL_BONUS = 0.3
CATEGORY_BONUS = 0.05
CANDIDATES = 60
BROWSE_LIMIT = 300  # products of a browsed category scored beyond the nearest CANDIDATES


@dataclass
class Hit:
    product: Product
    score: float
    matched: list[str] = field(default_factory=list)  # filters the product satisfies


@dataclass
class SearchResult:
    query: Query
    hits: list[Hit]
    dropped: list[str] = field(default_factory=list)  # filters relaxed because nothing matched them all
    browse: bool = False  # the request named a category and little else

    @property
    def confident(self) -> bool:
        return bool(self.hits) and (self.browse or self.hits[0].score >= CONFIDENT_SCORE)


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-zäöüß0-9]+", text.lower())


class CatalogService:
    def __init__(self, store: Store, products: list[Product], index: ProductIndex, embedder: Embedder,
                 policies: PolicyIndex | None = None):  # fmt: skip
        self.store = store
        self.config = store.config
        self.embedder = embedder
        self.index = index
        self.products: dict[str, Product] = {p.id: p for p in products}
        self.policies = policies or PolicyIndex(read_passages(store.policies_dir), embedder)
        self._generic = {
            w for c in self.config.categories.values() for name in (c.de, c.en, *c.synonyms) for w in _tokens(name)
        }
        self._vocabulary: dict[str, set[str]] = {}  # word of a product name -> product ids
        for p in products:
            for title in p.title.values():
                for token in _tokens(title):
                    if len(token) >= 4 and not token.isdigit():  # model numbers are not typo-corrected
                        self._vocabulary.setdefault(token, set()).add(p.id)
        self._vocabulary_words = list(self._vocabulary)
        self._by_category: dict[str, list[str]] = {}
        for p in products:
            self._by_category.setdefault(p.category, []).append(p.id)
        self._title_df = Counter(t for p in products for t in {t for title in p.title.values() for t in _tokens(title)})

    @classmethod
    def open(cls, store_dir: Path | str, data_dir: Path | str, embedder_spec: str | None = None,
             known: dict[str, Product] | None = None, policies: PolicyIndex | None = None) -> CatalogService:  # fmt: skip
        """The version in service; `known` (JSON line -> product) spares parsing unchanged products."""
        store = Store(store_dir)
        embedder = get_embedder(embedder_spec or os.environ.get("SHOPBOT_EMBEDDER", DEFAULT_EMBEDDER))
        folder = current_folder(Path(data_dir) / store.slug)
        index = ProductIndex.load(index_dir(folder), embedder.name)
        products = read_products(products_file(folder), known)
        return cls(store, products, index, embedder, policies)

    def with_store(self, store: Store, policies: PolicyIndex | None = None) -> CatalogService:
        """The same products and index with another store config / policies (after an edit)."""
        return CatalogService(store, list(self.products.values()), self.index, self.embedder, policies)

    def get(self, product_id: str | None) -> Product | None:
        return self.products.get(product_id) if product_id else None

    # --- finding products ------------------------------------------------
    def search(self, text: str | Query, limit: int = 3, exclude: set[str] | None = None) -> SearchResult:
        """Best products for a shopper's request.

        Ranking: cosine similarity of the request and the product text, plus a bonus for a
        product name or tag the request names (forgiving typos) and for the category it names.
        Price, colour and size are hard filters; when nothing passes them all, the most
        specific one is relaxed and reported in `dropped`.
        """
        query = parse_query(text, self.config.categories) if isinstance(text, str) else text
        vector = self.embedder.encode([query.semantic_text])[0]
        lexical = self._lexical([w for w in _tokens(query.semantic_text) if len(w) >= 4])
        cosines = dict(self.index.search(vector, CANDIDATES))
        # "Jacke unter 100 €": little more than a category word, so browse that category
        content = [w for w in _tokens(query.semantic_text) if w not in STOPWORDS and not w.isdigit()]
        browse = query.category is not None and len(content) <= 2
        members: list[str] = list(self._by_category.get(query.category, ())) if browse else []
        if len(members) > BROWSE_LIMIT:  # a large category: its products among the nearest few hundred
            wide = self.index.search(vector, 4 * BROWSE_LIMIT)
            members = [pid for pid, _ in wide if (p := self.products.get(pid)) and p.category == query.category][:BROWSE_LIMIT]
            chosen = set(members)
            cosines.update((pid, score) for pid, score in wide if pid in chosen)
        extra = set(lexical) | set(members)
        missed = [pid for pid in extra - cosines.keys() if pid in self.index]  # named, misspelt or browsed
        if missed:
            scores = self.index.vectors(missed) @ vector
            if len(missed) > BROWSE_LIMIT:  # a large catalog: the category's closest products suffice
                keep = set(np.argsort(-scores)[:BROWSE_LIMIT].tolist()) | {i for i, pid in enumerate(missed) if pid in lexical}
                missed, scores = [missed[i] for i in sorted(keep)], scores[sorted(keep)]
            cosines.update(zip(missed, scores.tolist(), strict=True))
        candidates = []
        for pid, cosine in cosines.items():
            product = self.products.get(pid)
            if product is None or pid in (exclude or set()):
                continue
            score = cosine + LEXICAL_BONUS * lexical.get(pid, 0.0)
            if query.category and product.category == query.category:
                score += CATEGORY_BONUS
            if score >= MIN_SCORE or (browse and product.category == query.category):
                candidates.append((product, score))
        candidates.sort(key=lambda item: -item[1])
        filters = ["price", "color", "size"]
        dropped: list[str] = []
        while True:
            hits = [h for p, s in candidates if (h := self._match(p, s, query, filters))]
            if hits or not filters:
                break
            # relax the most specific filter first, then report it
            for name in ("size", "color", "price"):
                if name in filters and self._filter_is_set(query, name):
                    filters.remove(name)
                    dropped.append(name)
                    break
            else:
                break
        return SearchResult(query, hits[:limit], dropped, browse)

    def _lexical(self, words: list[str]) -> dict[str, float]:
        """Products whose name contains a word of the request, typos forgiven.

        A word counts by how few products it names, so "Hundeleine" counts and "Winter",
        part of many names, barely does.
        """
        scores: dict[str, float] = {}
        for word in words:
            if word in STOPWORDS or word in self._vocabulary:
                continue  # correctly spelt names are the embedding's job; this catches misspellings
            matches = process.extract(word, self._vocabulary_words, scorer=fuzz.ratio, score_cutoff=80, limit=50)
            hits = {name: ratio / 100 for name, ratio, _ in matches}
            if len(word) >= 5:
                hits.update({name: 1.0 for name in self._vocabulary_words if name.startswith(word) or name.endswith(word)})
            named = {pid: similarity for name, similarity in hits.items() for pid in self._vocabulary[name]}
            if not named:
                continue
            rarity = min(1.0, 2 / len(named))
            for pid, similarity in named.items():
                scores[pid] = max(scores.get(pid, 0.0), similarity * rarity)
        return scores

    @staticmethod
    def _filter_is_set(query: Query, name: str) -> bool:
        return {
            "category": query.category is not None,
            "price": query.min_price is not None or query.max_price is not None,
            "color": bool(query.colors),
            "size": query.size is not None,
        }[name]

    def _match(self, product: Product, score: float, query: Query, filters: list[str]) -> Hit | None:
        matched: list[str] = []
        variants = [v for v in product.variants if v.stock > 0] or product.variants
        if "color" in filters and query.colors:
            variants = [v for v in variants if v.color in query.colors]
            if not variants:
                return None
            matched.append("color")
        if "size" in filters and query.size:
            wanted = normalize_letter(query.size)
            variants = [v for v in variants if v.size and normalize_letter(v.size) == wanted and v.stock > 0]
            if not variants:
                return None
            matched.append("size")
        if "price" in filters and (query.min_price is not None or query.max_price is not None):
            low = query.min_price or 0
            high = query.max_price if query.max_price is not None else math.inf
            variants = [v for v in variants if low <= v.price <= high]
            if not variants:
                return None
            matched.append("price")
        return Hit(product, score, matched)

    def find_named(self, text: str, among: list[str] | None = None) -> list[Product]:
        """Products whose name the text mentions ("the TrailRunner", "AirPure 300"), best first.

        Title words are weighted by rarity, so "TrailRunner" counts and "jacket" hardly does;
        small typos are forgiven.
        """
        words = set(_tokens(text))
        if not words:
            return []
        total = len(self.products)
        scored: list[tuple[float, Product]] = []
        for product in (self.products[p] for p in (among or self.products) if p in self.products):
            best = 0.0
            for title in product.title.values():
                title_tokens = [t for t in _tokens(title) if len(t) > 1 and t not in self._generic]
                if not title_tokens:
                    continue
                weights = {t: math.log(1 + total / self._title_df.get(t, 1)) for t in title_tokens}
                got = 0.0
                for token in title_tokens:
                    if token in words or (len(token) >= 5 and any(fuzz.ratio(token, w) >= 85 for w in words)):
                        got += weights[token]
                rare_hit = any(
                    weights[t] >= math.log(1 + total / 3) and (t in words or any(fuzz.ratio(t, w) >= 85 for w in words if len(t) >= 5))
                    for t in title_tokens
                )
                if rare_hit:
                    best = max(best, got / sum(weights.values()))
            if best >= 0.3:
                scored.append((best, product))
        scored.sort(key=lambda item: -item[0])
        if scored:
            top = scored[0][0]
            return [p for s, p in scored if s >= top - 0.15]
        return []

    def complements(self, product: Product, limit: int = 2) -> list[Product]:
        related = [self.products[r] for r in product.related if r in self.products]
        return [p for p in related if p.total_stock > 0][:limit]

    def similar(self, product: Product, limit: int = 3, in_category: bool = True) -> list[Product]:
        vector = self.index.vector(product.id)
        out: list[Product] = []
        for pid, _ in self.index.search(np.asarray(vector), CANDIDATES):
            other = self.products.get(pid)
            if other and other.id != product.id and (not in_category or other.category == product.category):
                out.append(other)
            if len(out) >= limit:
                break
        return out
