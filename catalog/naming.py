"""Which products a message names: title words weighted by rarity, small typos forgiven, a
number, unit, function word, quality or season never enough (a mixin of `CatalogService`)."""

from __future__ import annotations

import math

from rapidfuzz import fuzz, process

from catalog.language import STOPWORDS
from catalog.models import Product
from catalog.names import RARE, NameIndex, is_measure
from catalog.names import tokens as _tokens
from catalog.query import QUALITY_WORDS, SEASON_WORDS

# share of a product name's weight a message must mention to name it
MIN_NAMED_SCORE = 0.3
NAMED_SCORE = MIN_NAMED_SCORE


def _mentioned(token: str, words: set[str], typo_letters: int = 4, exact: frozenset[str] | set[str] = frozenset()) -> bool:
    """A name word is in the text, or close to a long text word (small typos are forgiven in text
    words of `typo_letters` or more) that is not one of `exact` (the store's category words: "line"
    is no misspelt "Linen") nor a function word ("einen" is no misspelt "Leinen")."""
    return token in words or (len(token) >= 5 and any(len(w) >= typo_letters and fuzz.ratio(token, w) >= 85 for w in words - exact - STOPWORDS))


def names_a_product(token: str) -> bool:
    """Whether a name word alone can name a product: not a measure, a function word, a quality
    or a season, which a question shares with product names without meaning that product."""
    return not is_measure(token) and token not in STOPWORDS and token not in QUALITY_WORDS and token not in SEASON_WORDS

def spelt_generic(title: str, words: set[str]) -> bool:
    """A name made only of the store's category words ("Kinderskijacke Lawine", "Feincord-Hose",
    "Silk Knit Tie") names its product when the text says each of its two or more words."""
    said = [t for t in _tokens(title) if len(t) > 1 and not is_measure(t)]
    return len(said) >= 2 and all(t in words for t in said)


class ProductNaming:
    """Needs `products` (id -> Product), `names` (a `NameIndex`) and `_rare_weight`."""

    products: dict[str, Product]
    names: NameIndex
    _rare_weight: float

    def find_named(self, text: str, among: list[str] | None = None, min_score: float = NAMED_SCORE, typo_letters: int = 4) -> list[Product]:
        """Products whose name the text mentions ("the TrailRunner", "AirPure 300"), best first;
        a typo is forgiven in a text word of `typo_letters` or more."""
        scored = self.named_scores(text, among, typo_letters)
        if scored and scored[0][0] >= min_score:
            top = scored[0][0]
            return [p for s, p in scored if s >= max(min_score, top - 0.15)]
        return []

    def named_scores(self, text: str, among: list[str] | None = None, typo_letters: int = 4) -> list[tuple[float, Product]]:
        """(share of the name's weight the text mentions, product), best first.

        Title words are weighted by rarity, so "TrailRunner" counts and "jacket" hardly does;
        small typos are forgiven. A number or unit ("10", "cm", "44"), a function word ("and" of
        "Cat Harness and Leash Set"), a quality ("wasserdicht" of "Wasserdichte Fahrradtasche") or a
        season is never enough: at least one rare word that names a product must be mentioned. Only products with a rare name
        word in the text are scored (looked up in the `NameIndex`), so the cost does not grow
        with the catalog.
        """
        words = set(_tokens(text))
        candidates: set[str] = set()
        for word in words:
            if self.names.is_rare(word) or (word in self.names.generic and 0 < self.names.df(word) <= RARE):
                candidates |= self.names.names[word]
            if len(word) >= max(4, typo_letters) and word not in STOPWORDS and word not in self.names.generic:
                for name, _, _ in process.extract(word, self.names.rare_long_words, scorer=fuzz.ratio, score_cutoff=85, limit=None):
                    candidates |= self.names.names[name]
        if among is not None:
            candidates &= set(among)
        total = len(self.products)
        scored: list[tuple[float, Product]] = []
        for product in (self.products[p] for p in candidates if p in self.products):
            best = 0.0
            for title in product.title.values():
                title_tokens = [t for t in _tokens(title) if len(t) > 1 and t not in self.names.generic]
                if not title_tokens:
                    if spelt_generic(title, words):
                        best = 1.0
                    continue
                weights = {t: math.log(1 + total / max(1, self.names.df(t))) for t in title_tokens}
                matched = [t for t in title_tokens if _mentioned(t, words, typo_letters, self.names.generic)]
                rare = [t for t in matched if weights[t] >= self._rare_weight and not is_measure(t) and t not in STOPWORDS]
                # a quality or season names a product only beside another word of its name
                # ("die wasserdichte Fahrradtasche", not "ist der Schuh wasserdicht?")
                beside = any(_mentioned(t, words, typo_letters, self.names.generic) for t in _tokens(title) if len(t) > 1 and names_a_product(t) and t not in rare)
                if any(names_a_product(t) for t in rare) or (rare and beside):
                    best = max(best, sum(weights[t] for t in matched) / sum(weights.values()))
            if best >= MIN_NAMED_SCORE:
                scored.append((best, product))
        scored.sort(key=lambda item: (-item[0], item[1].id))
        return scored

    def mentioned_weight(self, text: str, product: Product) -> float:
        """How much of the product's name the text says, in rarity weights ("Falke hoch" says more
        of "Arbeitsstiefel Falke hoch S3" than of "Latzhose Falke", though a smaller share)."""
        words, total = set(_tokens(text)), len(self.products)
        return max((sum(math.log(1 + total / max(1, self.names.df(t))) for t in _tokens(title)
                        if len(t) > 1 and t not in self.names.generic and _mentioned(t, words, 4, self.names.generic))
                    for title in product.title.values()), default=0.0)  # fmt: skip
