"""A request that rules a feature out ("Boulderschuh ohne Klettverschluss", "jeans without any
stretch"): the sentence embedding hardly sees the "without", so a product whose text names the
feature ranks as high as one whose text rules it out too. The search lowers the first and lifts
the second by a little, enough to reorder near scores, never to bring in a product far off."""

from __future__ import annotations

import re

from catalog.models import Product

RULED_OUT_SHIFT = 0.06  # a product's score moves this much per feature the request rules out
# "ohne Klettverschluss", "without any stretch", "keine Schnürung", "no buckles"
_RULED_OUT = re.compile(
    r"\b(?:ohne|without|no|keine?[nmrs]?)\s+(?:any\s+|jegliche[nmrs]?\s+|extra\s+)?([^\W\d_]{4,})", re.I)
_NEGATION = r"\b(?:ohne|without|no|non|keine?[nmrs]?|frei von|free of|free from)[\s-]+(?:[^\W\d_]+\s+){0,2}?"
_SKIP = {"ahnung", "idea", "problem", "probleme", "problems", "zeit", "time", "budget", "longer", "mehr", "more"}


def _stem(word: str) -> str:
    """The word without an ending ("Schnürung" -> "schnür", "Klettverschluss" -> "klettverschl")."""
    word = word.lower()
    return word[: max(5, len(word) - 3)]


def ruled_out(text: str) -> list[str]:
    """The stems of the features a request rules out, in its order."""
    return [_stem(m.group(1)) for m in _RULED_OUT.finditer(text) if m.group(1).lower() not in _SKIP]


def ruled_out_shift(product: Product, stems: list[str]) -> float:
    """Up for each feature the product's text rules out too ("ohne Klettverschluss", "no stretch"),
    down for each it names otherwise ("mit Klettverschluss", "Stretchanteil")."""
    if not stems:
        return 0.0
    text = " ".join([*product.title.values(), *(product.text("description", lang) or "" for lang in ("de", "en")), *product.tags])
    text = re.sub(r"<[^>]+>", " ", text).lower()
    shift = 0.0
    for stem in stems:
        if re.search(_NEGATION + re.escape(stem), text) or re.search(rf"{re.escape(stem)}\w*[\s-]*(?:frei|free)\b", text):
            shift += RULED_OUT_SHIFT
        elif re.search(rf"(?<![^\W\d_]){re.escape(stem)}", text):
            shift -= RULED_OUT_SHIFT
    return shift
