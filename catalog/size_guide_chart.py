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


# a height in a guide's line: "1,80 m", "1.80 m", "180 cm"
_HEIGHT = re.compile(r"(?<![\d.,])(?:(\d)[.,](\d{2})\s*m|(\d{3})\s*cm)\b(?!\s*[x×])", re.I)
_HEIGHT_WORD = re.compile(r"körpergröße|\bgroß\w*|\btall\w*|\bheight\b|\bgrößere\b", re.I)
_UP_TO = re.compile(r"\b(?:bis|up to|unter|under|below|höchstens|max\.?|maximal)\b[^\d]{0,12}$", re.I)
_FROM = re.compile(r"\b(?:ab|from|über|over|mindestens|min\.?)\b[^\d]{0,12}$", re.I)
_AND_UP = re.compile(r"^\s*(?:m|cm)?\s*(?:\w+\s+){0,1}(?:and taller|or taller|und größer|und mehr|and above|and over|oder größer|\+)", re.I)


def height_bands(product: Product, passages: list, lang: str) -> list[tuple[str, float, float, str, str]]:
    """(size, lowest cm, highest cm, the guide's line, its heading) for each of the product's sizes
    the store's size guide gives for a body height ("Bis ca. 1,80 m Körpergröße: 135 x 200 cm",
    "1.80 m and taller: 155 x 220 cm"): a guide of sizes by height with open ends."""
    sizes = [v for v in _sizes(product) if not re.fullmatch(r"[\d.,/ -]+", v)]
    for passage in passages:
        if passage.lang != lang or not GUIDE_HEADING.search(f"{passage.title} {passage.heading}"):
            continue
        bands: list[tuple[str, float, float, str, str]] = []
        for line in re.split(r"\n|(?<=\))\s+-\s+|\s+-\s+(?=[A-ZÄÖÜ\d])", passage.text):
            named = [v for v in sizes if value_pattern(v).search(line)]
            said = line.replace("**", "").strip(" -*")
            if len(named) == 1:
                line = value_pattern(named[0]).sub(lambda v: "#" * len(v.group(0)), line)  # noqa: PLW2901 (the size's own "200 cm" is no height)
            heights = list(_HEIGHT.finditer(line))
            if len(named) != 1 or len(heights) != 1 or not _HEIGHT_WORD.search(line):
                continue
            m = heights[0]
            cm = float(m.group(3)) if m.group(3) else int(m.group(1)) * 100 + int(m.group(2))
            if _UP_TO.search(line[: m.start()]):
                bands.append((named[0], 0.0, cm, said, passage.heading))
            elif _FROM.search(line[: m.start()]) or _AND_UP.search(line[m.end():]):
                bands.append((named[0], cm, 999.0, said, passage.heading))
        if len(bands) >= 2:
            return bands
    return []


def size_for_height(product: Product, passages: list, lang: str, cm: float) -> tuple[str, str, str] | None:
    """(size, the guide's line, its heading) for a body height, from `height_bands`; a height on
    the border of two bands takes the larger size ("ab 1,80 m")."""
    bands = height_bands(product, passages, lang)
    fitting = [b for b in bands if b[1] <= cm <= b[2] and not (b[2] == cm and any(o[1] == cm for o in bands))]
    return (fitting[0][0], fitting[0][3], fitting[0][4]) if len(fitting) == 1 else None


# words of a size question that name no wearer
_QUESTION_WORDS = re.compile(
    r"^(?:welche\w*|which|what|größe\w*|grösse\w*|sizes?|passt|passen|fits?|brauche\w*|nehmen|nehme|sollte?|should|would|meine\w*|unsere\w*|"
    r"about|für|haben|have|there|their|these|this|diese\w*|eine\w*|einen|right|richtige\w*|empfehl\w*|recommend\w*)$", re.I)


def _stem(word: str) -> str:
    return word.lower()[: max(5, len(word) - 2)]


def size_for_wearer(product: Product, text: str, passages: list, lang: str) -> tuple[str, str, str, str] | None:
    """(size, the question's word for the wearer, the guide's sentence, its heading) when the store's
    size guide places a wearer the question names in one of the product's sizes ("Cob für kleine
    Warmblüter, Araber und Haflinger" for "Welche Größe für meinen Haflinger?"): the last of the
    product's sizes named before that word in a sentence naming two or more of them."""
    sizes = _sizes(product)
    own = {_stem(w) for w in re.findall(r"[^\W\d_]{5,}", " ".join([*product.title.values(), product.category]))}
    words = [w for w in re.findall(r"[^\W\d_]{5,}", text) if not _QUESTION_WORDS.match(w) and _stem(w) not in own
             and not any(value_pattern(v).fullmatch(w) for v in sizes)]  # fmt: skip
    if not words:
        return None
    for passage in passages:
        if passage.lang != lang or not GUIDE_HEADING.search(f"{passage.title} {passage.heading}"):
            continue
        for sentence in split_sentences(passage.text):
            named = sorted((m.start(), v) for v in sizes for m in value_pattern(v).finditer(sentence))
            if len({v for _, v in named}) < 2:
                continue
            for word in words:
                hit = re.search(rf"\b{re.escape(_stem(word))}\w*", sentence, re.I)
                before = [v for at, v in named if hit and at < hit.start()]
                if before:
                    return before[-1], word, sentence, passage.heading
    return None
