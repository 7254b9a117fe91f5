"""Which products each word of a product name points at, for typo-tolerant name matching.

Built once per full catalog version and updated for a delta version by touching only the
changed products' words, so a small change to a 100k-product catalog goes live quickly.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from catalog.models import Product

RARE = 3  # a name word in at most this many products identifies a product
COMPOUND_LETTERS = 8  # words this long may be compounds ...
HEAD_LETTERS = 5  # ... and share their last part when they end in the same letters


# Units of measure: a product name's "28 cm" or "10 l" tells it apart from its siblings, but a
# shopper's "27 cm" or "US 10" does not name it.
UNITS = frozenset(
    "mm cm m km ml cl l ltr liter litre g kg mg µg mcg ug iu ie w kw v wh kwh mah ah gb tb mb hz db "
    "lm x xl xxl zoll inch in ft oz lb lbs pcs stk st er pack qm m2 m² h min".split()
)
_MEASURE = re.compile(r"\d+(?:[.,]\d+)?[a-zµ²]{0,4}")


def is_measure(token: str) -> bool:
    """A number, a unit or a number with its unit ("10", "cm", "28cm", "4k"): never a name."""
    return token in UNITS or bool(_MEASURE.fullmatch(token))


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-zäöüß0-9]+", text.lower())


def title_tokens(product: Product) -> set[str]:
    return {t for title in product.title.values() for t in tokens(title)}


class NameIndex:
    """name word -> ids of the products whose title (in any language) contains it."""

    def __init__(self, names: dict[str, frozenset[str]], by_category: dict[str, list[str]], generic: set[str]):
        self.names = names
        self.by_category = by_category
        self.generic = generic
        # words a misspelling is matched against (model numbers are not typo-corrected)
        self.fuzzy_words = [t for t in names if len(t) >= 4 and not t.isdigit()]
        # rare, longer words that identify a product when mentioned with a typo
        self.rare_long_words = [w for w in self.fuzzy_words if len(w) >= 5 and self.is_rare(w)]
        self._sorted = sorted(self.fuzzy_words)
        self._sorted_reversed = sorted(w[::-1] for w in self.fuzzy_words)

    @classmethod
    def build(cls, products: Iterable[Product], generic: set[str]) -> NameIndex:
        names: dict[str, set[str]] = {}
        by_category: dict[str, list[str]] = {}
        for p in products:
            for token in title_tokens(p):
                names.setdefault(token, set()).add(p.id)
            by_category.setdefault(p.category, []).append(p.id)
        return cls({t: frozenset(ids) for t, ids in names.items()}, by_category, generic)

    def updated(self, removed: Iterable[Product], added: Iterable[Product]) -> NameIndex:
        """A new index without `removed` and with `added`; this one stays as it is (readers use it)."""
        names = dict(self.names)
        by_category = dict(self.by_category)
        for p in removed:
            for token in title_tokens(p):
                rest = names.get(token, frozenset()) - {p.id}
                if rest:
                    names[token] = rest
                else:
                    names.pop(token, None)
            by_category[p.category] = [pid for pid in by_category.get(p.category, []) if pid != p.id]
        for p in added:
            for token in title_tokens(p):
                names[token] = names.get(token, frozenset()) | {p.id}
            by_category[p.category] = [*by_category.get(p.category, []), p.id]
        return NameIndex(names, by_category, self.generic)

    def extending(self, part: str) -> set[str]:
        """Name words that start or end with `part` ("jacke" -> "regenjacke", "jackenfutter")."""
        return self.starting(part) | self.ending(part)

    def starting(self, part: str) -> set[str]:
        """Name words that start with `part` ("jacke" -> "jackenfutter")."""
        return set(_starting(self._sorted, part))

    def ending(self, part: str) -> set[str]:
        """Name words that end with `part` ("jacke" -> "regenjacke")."""
        return {w[::-1] for w in _starting(self._sorted_reversed, part[::-1])}

    def same_head(self, word: str, length: int = HEAD_LETTERS) -> set[str]:
        """Long name words that end like `word` ("rosenschere" -> "gartenschere", "blumentopf" ->
        "pflanztopf"): German compounds with the same last part name the same kind of product."""
        if len(word) < COMPOUND_LETTERS:
            return set()
        tail = word[::-1][:length]
        return {w[::-1] for w in _starting(self._sorted_reversed, tail) if len(w) >= COMPOUND_LETTERS and w[::-1] != word}

    def df(self, token: str) -> int:
        return len(self.names.get(token, ()))

    def is_rare(self, token: str) -> bool:
        return len(token) > 1 and token not in self.generic and not is_measure(token) and 0 < self.df(token) <= RARE

    def is_fuzzy_word(self, token: str) -> bool:
        return len(token) >= 4 and not token.isdigit() and token in self.names


def _starting(words: list[str], prefix: str) -> list[str]:
    """The words of a sorted list that start with `prefix`."""
    start = bisect.bisect_left(words, prefix)
    end = bisect.bisect_left(words, prefix + "\U0010ffff")
    return words[start:end]
