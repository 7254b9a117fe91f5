"""The store's own size guide as a product's chart, for a product whose text charts none.

Many shops write one size guide for a whole kind of product in their policy pages ("Wenn in der
Produktbeschreibung nichts anderes steht, gelten für unsere Herrenbekleidung diese Brustumfänge:
S 88–94 cm, M 95–101 cm …", "Women: XS 78–82 cm …"). For a product without a chart of its own,
the guide's section that names the product's sizes with measures is read as if the product's
text said it: its sentences are put in front of the product's own text and the product's chart
is read as usual (`catalog.size_chart.chart`). Sentences for another group of wearers (women's
sizes on a men's shirt, kids' sizes on an adult's) are left out.
"""

from __future__ import annotations

import re

from catalog.models import Product
from catalog.sentences import split_sentences
from catalog.size_advice import GUIDE_HEADING, value_pattern

# groups of wearers a sentence or a product may name
_GROUPS = {
    "women": re.compile(r"\b(?:damen\w*|frauen\w*|women'?s?|ladies|lady|female|girls?)\b", re.I),
    "men": re.compile(r"\b(?:herren\w*|männer\w*|men'?s?|male|boys?)\b|herren-", re.I),
    "unisex": re.compile(r"\bunisex\w*", re.I),
    "kids": re.compile(r"\b(?:kinder\w*|kids?|children'?s?|child|junior\w*|youth|jugend\w*)\b", re.I),
}
_MEASURED = re.compile(r"\d\s*(?:cm|kg|jahre?|years?|inch|zoll)\b|\d\s*(?:–|-|bis|to)\s*\d", re.I)


def groups(text: str) -> set[str]:
    """The groups of wearers a text names ("Herren- und Unisex-Bekleidung": men, unisex)."""
    return {name for name, pattern in _GROUPS.items() if pattern.search(text)}


def _product_groups(product: Product) -> set[str]:
    words = " ".join([*product.title.values(), *product.tags, product.category])
    return groups(words)


def _fits_group(sentence: str, wearers: set[str]) -> bool:
    """A sentence for no group, or for one the product's wearers belong to; with no group named
    on the product, a sentence for men or unisex (the guides' default) but not only women's or kids'."""
    named = groups(sentence)
    if not named:
        return True
    if wearers:
        return bool(named & (wearers | ({"men", "women"} if "unisex" in wearers else set()) | ({"unisex"} if wearers & {"men", "women"} else set())))
    return bool(named & {"men", "unisex"})


def _sizes(product: Product) -> list[str]:
    values = {v for variant in product.variants for name, v in (variant.options or {}).items() if name != product.color_option and v}
    return sorted(v for v in values if not re.fullmatch(r"[\d.,/ -]+", v) or len(v) >= 2)


def guide_section(passages: list, product: Product, lang: str) -> tuple[object, list[str]] | None:
    """(passage, its sentences for this product) of the store's size guide that charts two or more of
    the product's sizes with measures, in the shopper's language; the section whose heading shares
    a word with the product's name, tags or category wins."""
    sizes = _sizes(product)
    wearers = _product_groups(product)
    own = {w[:5] for w in re.findall(r"[^\W\d_]{4,}", " ".join([*product.title.values(), *product.tags, product.category]).lower())}
    best: tuple[int, object, list[str]] | None = None
    for passage in passages:
        if passage.lang != lang or not GUIDE_HEADING.search(f"{passage.title} {passage.heading}"):
            continue
        sentences = [s for s in split_sentences(passage.text) if _MEASURED.search(s) and _fits_group(s, wearers)]
        if own_group := [s for s in sentences if groups(s) & (wearers - {"unisex"})]:  # "Für Damen: …" wins over "Unisex"
            sentences = [s for s in sentences if s in own_group or not groups(s)]
        named = {v for v in sizes for s in sentences if value_pattern(v).search(s)}
        if len(named) < 2:
            continue
        shared = len(own & {w[:5] for w in re.findall(r"[^\W\d_]{4,}", passage.heading.lower())})
        if best is None or shared > best[0]:
            best = (shared, passage, sentences)
    return (best[1], best[2]) if best else None


def with_guide(product: Product, passages: list, lang: str) -> tuple[Product, object] | None:
    """The product as if its text began with the store guide's section for it, and that passage."""
    found = guide_section(passages, product, lang)
    if found is None:
        return None
    passage, sentences = found
    own = product.description or {}
    own_text = own.get(lang) or next(iter(own.values()), "")
    description = {lang: " ".join([*(s if s.rstrip().endswith((".", ":", "!", "?")) else f"{s}." for s in sentences), own_text])}
    return product.copy(update={"description": description}), passage
