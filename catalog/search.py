"""The catalog as the action server uses it: products, their FAISS index, policies, search."""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from catalog.build import current_folder, index_dir, products_file, read_delta, read_products
from catalog.embedder import DEFAULT_EMBEDDER, Embedder, get_embedder
from catalog.index import LayeredIndex, ProductIndex
from catalog.language import STOPWORDS
from catalog.models import Product
from catalog.names import RARE, NameIndex, is_measure
from catalog.names import tokens as _tokens
from catalog.naming import NAMED_SCORE, ProductNaming, names_a_product  # noqa: F401 (re-exported)
from catalog.policies import PolicyIndex, read_passages
from catalog.query import QUALITY_WORDS, SEASON_WORDS, Query, parse_query
from catalog.search_negation import ruled_out, ruled_out_shift
from catalog.shop_words import translated_names, translated_scores
from catalog.sizes import normalize_letter
from catalog.store import Store

# Below this score a product is not shown as a match (tuned in bench/retrieval.py).
MIN_SCORE = float(os.environ.get("SHOPBOT_MIN_SCORE", "0.3"))
# A product that reaches MIN_SCORE only by its short vector's lift must reach this (bench/short_vectors.py):
# a bare name is near many short requests, so it needs a clearer match than a full text.
SHORT_MIN_SCORE = 0.32
# Below this the best match is shown as "closest we have", not as a match.
CONFIDENT_SCORE = 0.42
LEXICAL_BONUS = 0.3
SAME_HEAD = 0.5  # a compound with the same last part ("Rosenschere" ~ "Gartenschere")
EXACT_NAME_WORD = 0.15  # a correctly spelt short name word ("tent", "food"): the embedding knows those
LONG_NAME_WORD = 8  # a name word this long ("Gießkanne", "Hochbeet") counts in full
# A product whose name has a word of the request nearly as typed (plural, typo) and few others
# share is shown even when the embedding does not see the match ("Gießkannen": USE puts the
# word far from a watering can).
NAMED_BY_WORD = 0.9
NAMING_LETTERS = 6
CATEGORY_BONUS = 0.05
# A product of the category the request names passes this much below MIN_SCORE: the category is
# evidence the embedding alone misses when a long text in the other language dilutes the match
# ("felt slippers" ~ "Igel Filzpatschen" at 0.24). Shown as "the closest we have", never as a match.
CATEGORY_SLACK = 0.1
CANDIDATES = 60
# A product's score is the better of its full vector's cosine (title + description) and its
# short vector's (names, category, tags; `Product.short_text`), the short one lowered by
# SHORT_PENALTY: a bare name is nearer to any short request than a long text is, so without it
# out-of-catalog requests would pass the thresholds more often (`combine`). Chosen with MIN_SCORE
# on the tuning stores' discovery questions and the out-of-catalog requests (bench/short_vectors.py).
SHORT_PENALTY = 0.03
BROWSE_LIMIT = 300  # products of a browsed category scored beyond the nearest CANDIDATES
# A request word naming more products than this adds at most 0.3 * 2 / 100 = 0.006 to a score:
# not worth scoring thousands of products for (a big catalog's "sandals", "jacket" …).
LEXICAL_MAX_PRODUCTS = 100



def combine(full: np.ndarray, short: np.ndarray) -> np.ndarray:
    """A product's score from its full and short vectors' cosines: the better of the two, the
    short one lowered by `SHORT_PENALTY`."""
    return np.maximum(full, short - SHORT_PENALTY)


@dataclass
class Hit:
    product: Product
    score: float
    matched: list[str] = field(default_factory=list)  # filters the product satisfies
    named: float = 0.0  # a word of the request names this product nearly as typed (0..1, see `_lexical`)
    lift: float = 0.0  # how much the short vector raised the score over the full vector's (`combine`)


@dataclass
class SearchResult:
    query: Query
    hits: list[Hit]
    dropped: list[str] = field(default_factory=list)  # filters relaxed because nothing matched them all
    browse: bool = False  # the request named a category and little else

    @property
    def confident(self) -> bool:
        return bool(self.hits) and (self.browse or self.hits[0].score >= CONFIDENT_SCORE)


class CatalogService(ProductNaming):
    def __init__(self, store: Store, products: list[Product], index: ProductIndex | LayeredIndex, embedder: Embedder,
                 policies: PolicyIndex | None = None,
                 base: tuple[Path, list[Product], ProductIndex, NameIndex] | None = None,
                 names: NameIndex | None = None):  # fmt: skip
        self.store = store
        self.base = base  # the full version this service is built on, reused for the next delta
        self.config = store.config
        self.embedder = embedder
        self.index = index
        self.products: dict[str, Product] = {p.id: p for p in products}
        self.policies = policies or PolicyIndex(read_passages(store.policies_dir), embedder)
        generic = {
            w for c in self.config.categories.values() for name in (c.de, c.en, *c.synonyms) for w in _tokens(name)
        }
        if names is None:
            names = NameIndex.build(products, generic)
        elif names.generic != generic:  # the store's categories were edited
            names = NameIndex(names.names, names.by_category, generic)
        self.names = names
        self._rare_weight = math.log(1 + len(products) / RARE)

    @classmethod
    def open(cls, store_dir: Path | str, data_dir: Path | str, embedder_spec: str | None = None,
             known: dict[str, Product] | None = None, policies: PolicyIndex | None = None,
             previous: CatalogService | None = None) -> CatalogService:  # fmt: skip
        """The version in service; `known` (JSON line -> product) spares parsing unchanged products.

        A delta version is laid over its full base version; the base is taken from `previous`
        (the service it replaces) when that was built on the same base, so a small change
        loads only the changed products.
        """
        store = Store(store_dir)
        embedder = get_embedder(embedder_spec or os.environ.get("SHOPBOT_EMBEDDER", DEFAULT_EMBEDDER))
        folder = Path(data_dir) / store.slug
        version = current_folder(folder)
        delta = read_delta(version)
        if delta is None:
            index = ProductIndex.load(index_dir(version), embedder.name)
            products = read_products(products_file(version), known)
            service = cls(store, products, index, embedder, policies)
            service.base = (version, products, index, service.names)
            return service
        base_folder = folder / delta["dir"]
        if previous is not None and previous.base is not None and previous.base[0] == base_folder:
            _, base_products, base_index, base_names = previous.base
        else:
            base_index = ProductIndex.load(index_dir(base_folder), embedder.name)
            base_products = read_products(products_file(base_folder), known)
            base_names = None
        by_id = {p.id: p for p in base_products}
        changed = read_products(products_file(version))
        hidden = set(delta["removed"]) | {p.id for p in changed}
        index = LayeredIndex(base_index, ProductIndex.load(index_dir(version), embedder.name), hidden)
        products = [p for p in base_products if p.id not in hidden] + changed
        names = base_names.updated([by_id[p] for p in hidden if p in by_id], changed) if base_names else None
        service = cls(store, products, index, embedder, policies, names=names)
        if base_names is None:  # the base's own name index, for the next delta
            base_names = service.names.updated(changed, [by_id[p] for p in hidden if p in by_id])
        service.base = (base_folder, base_products, base_index, base_names)
        return service

    def with_store(self, store: Store, policies: PolicyIndex | None = None) -> CatalogService:
        """The same products and index with another store config / policies (after an edit)."""
        service = CatalogService(store, list(self.products.values()), self.index, self.embedder, policies, self.base, self.names)
        return service

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
        lexical, naming = self._lexical(_tokens(query.semantic_text))
        for pid in self._compound_named(query.semantic_text):  # "Tweed-Sakko" names the "Tweed-Sakko Hebridean"
            naming[pid] = max(naming.get(pid, 0.0), 1.0)
        cosines, lifts = self._nearest(vector, CANDIDATES)
        # "Jacke unter 100 €": little more than a category word, so browse that category
        content = [w for w in _tokens(query.semantic_text) if w not in STOPWORDS and not w.isdigit()]
        browse = query.category is not None and len(content) <= 2
        members: list[str] = list(self.names.by_category.get(query.category, ())) if browse else []
        if len(members) > BROWSE_LIMIT:  # a large category: its products among the nearest few hundred
            wide, wide_lifts = self._nearest(vector, 4 * BROWSE_LIMIT)
            members = [pid for pid in sorted(wide, key=lambda pid: -wide[pid]) if (p := self.products.get(pid)) and p.category == query.category][:BROWSE_LIMIT]
            chosen = set(members)
            cosines.update((pid, score) for pid, score in wide.items() if pid in chosen)
            lifts.update((pid, lift) for pid, lift in wide_lifts.items() if pid in chosen)
        extra = set(lexical) | set(members)
        missed = [pid for pid in extra - cosines.keys() if pid in self.index]  # named, misspelt or browsed
        if missed:
            scores, lifted = self._scores(missed, vector)
            if len(missed) > BROWSE_LIMIT:  # a large catalog: the category's closest products suffice
                keep = set(np.argsort(-scores)[:BROWSE_LIMIT].tolist()) | {i for i, pid in enumerate(missed) if pid in lexical}
                missed, scores, lifted = [missed[i] for i in sorted(keep)], scores[sorted(keep)], lifted[sorted(keep)]
            cosines.update(zip(missed, scores.tolist(), strict=True))
            lifts.update(zip(missed, lifted.tolist(), strict=True))
        candidates = []
        stems = ruled_out(query.text)  # "ohne Klettverschluss": a product naming it lower, one ruling it out higher
        for pid, cosine in cosines.items():
            product = self.products.get(pid)
            if product is None or pid in (exclude or set()):
                continue
            score = cosine + LEXICAL_BONUS * lexical.get(pid, 0.0)
            if query.category and product.category == query.category:
                score += CATEGORY_BONUS
            named = naming.get(pid, 0.0)
            in_category = query.category is not None and product.category == query.category
            lift = lifts.get(pid, 0.0)
            passes = score - lift >= MIN_SCORE or score >= max(MIN_SCORE, SHORT_MIN_SCORE)
            if passes or (in_category and (browse or score >= MIN_SCORE - CATEGORY_SLACK)) or named >= NAMED_BY_WORD:
                candidates.append((product, score + ruled_out_shift(product, stems), named, lift))
        candidates.sort(key=lambda item: -item[1])
        filters = ["price", "color", "size"]
        dropped: list[str] = []
        while True:
            hits = [h for p, s, named, lift in candidates if (h := self._match(p, s, query, filters, named, lift))]
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

    def _nearest(self, vector: np.ndarray, k: int) -> tuple[dict[str, float], dict[str, float]]:
        """The nearest products by full or short vector: (combined scores, lifts by the short vector)."""
        full = self.index.search(vector, k)
        if not self.index.has_short:
            return dict(full), {}
        ids = list(dict.fromkeys([pid for pid, _ in full] + [pid for pid, _ in self.index.search_short(vector, k)]))
        scores, lifts = self._scores(ids, vector)
        return dict(zip(ids, scores.tolist(), strict=True)), dict(zip(ids, lifts.tolist(), strict=True))

    def _scores(self, product_ids: list[str], vector: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(combined scores, lifts by the short vector) of these products for a request vector."""
        full = self.index.vectors(product_ids) @ vector
        if not self.index.has_short:
            return full, np.zeros_like(full)
        combined = combine(full, self.index.short_vectors(product_ids) @ vector)
        return combined, combined - full

    def _compound_named(self, text: str) -> list[str]:
        """The one or two products whose name holds a hyphenated compound of the text as written
        ("Tweed-Sakko", "Merino-Longsleeve"): its parts alone are too short or too common to name
        one, the compound does."""
        found: set[str] = set()
        for compound in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", text.lower()):
            if sum(c.isalpha() for c in compound) < NAMING_LETTERS:
                continue
            shape = re.compile(rf"(?<![\w-]){'[- ]?'.join(map(re.escape, compound.split('-')))}(?![\w-])")
            holding = [pid for pid, p in self.products.items() if any(shape.search(t.lower()) for t in p.title.values() if t)]
            if 0 < len(holding) <= 2:
                found.update(holding)
        return sorted(found)

    def _lexical(self, words: list[str]) -> tuple[dict[str, float], dict[str, float]]:
        """(products whose name contains a word of the request, typos forgiven; products a word
        names nearly as typed).

        A word counts by how few products it names, so "Hundeleine" or "Gießkanne" counts and
        "Winter", part of many names, barely does. Rare product words are the embedding's weak
        spot (USE puts "Gießkanne" far from a watering can), so correctly spelt long ones count
        in full, short ones ("tent", "food": the embedding knows them) a little; compounds that
        contain the word or share its last part count too. Qualities ("leicht", "warm", "light")
        and measures never do: a product is not what its name's adjective says. A store's own
        category word ("Hund") is no misspelling of a name word ("Hunde"). The request's words in
        the other language count like typed ones (`catalog.shop_words`: "reading glasses" names the
        "Lesebrille"). The second map holds only whole words of at least `NAMING_LETTERS` letters
        typed (nearly) as in the name, or whose translation is a whole name word of one or two
        products ("brogues": the "Budapester Derby").
        """
        scores: dict[str, float] = {}
        naming: dict[str, float] = {}
        for word in words:
            if len(word) < 4 or word in STOPWORDS or word in QUALITY_WORDS or is_measure(word):
                continue
            if self.names.is_fuzzy_word(word):
                whole = {word: 1.0}
                hits = {word: 1.0 if len(word) >= LONG_NAME_WORD else EXACT_NAME_WORD}
            elif word in self.names.generic:  # the store's own word for a category, no misspelling ("hund" is no "hunde")
                whole = hits = {}
            else:
                matches = process.extract(word, self.names.fuzzy_words, scorer=fuzz.ratio, score_cutoff=80, limit=50)
                whole = hits = {name: ratio / 100 for name, ratio, _ in matches if name not in QUALITY_WORDS}
            hits = dict(hits)
            for name in self.names.same_head(word):
                hits.setdefault(name, SAME_HEAD)
            if len(word) >= 5:
                hits.update((name, 1.0) for name in self.names.extending(word) if name != word)
            named = {pid: similarity for name, similarity in hits.items() for pid in self.names.names[name]}
            if not named or len(named) > LEXICAL_MAX_PRODUCTS:
                continue
            rarity = min(1.0, 2 / len(named))
            for pid, similarity in named.items():
                scores[pid] = max(scores.get(pid, 0.0), similarity * rarity)
            if len(word) >= NAMING_LETTERS and word not in SEASON_WORDS:
                for name, similarity in whole.items():
                    if similarity >= NAMED_BY_WORD and len(self.names.names[name]) <= 2:
                        for pid in self.names.names[name]:
                            naming[pid] = max(naming.get(pid, 0.0), similarity)
        titles = lambda pid: set(self.products[pid].title) if pid in self.products else set()  # noqa: E731
        for pid, value in translated_scores(words, self.names, titles, LEXICAL_MAX_PRODUCTS).items():
            scores[pid] = max(scores.get(pid, 0.0), value)
        for pid in translated_names([w for w in words if w not in STOPWORDS], self.names, titles):
            naming[pid] = max(naming.get(pid, 0.0), NAMED_BY_WORD)
        return scores, naming

    @staticmethod
    def _filter_is_set(query: Query, name: str) -> bool:
        return {
            "category": query.category is not None,
            "price": query.min_price is not None or query.max_price is not None,
            "color": bool(query.colors),
            "size": query.size is not None,
        }[name]

    def _match(self, product: Product, score: float, query: Query, filters: list[str], named: float = 0.0,
               lift: float = 0.0) -> Hit | None:  # fmt: skip
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
        return Hit(product, score, matched, named, lift)

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
