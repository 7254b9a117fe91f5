"""A named size of the product asked in another size system: "Welche UK-Größe ist 90F beim
Grace?", "Was bedeutet XL in Kragenweite?", "Which EU size is the M?". The product text's own
mapping of that size (`catalog.size_mapping`: "XL = Kragenweite 43/44", "90F (UK 40E)") is
quoted; with no such line the question goes on to the other size answers."""

from __future__ import annotations

import re

from actions.size_advice import USUAL
from actions.size_stock import size_option
from actions.texts import say
from catalog.models import Product
from catalog.size_mapping import mappings
from catalog.size_table import text_lines
from catalog.variants import SIZE, option_values

# the question asks what a size is in another system, not whether it is in stock or fits
_ASKS_EQUIVALENT = re.compile(
    r"\b(?:welche[rsnm]?\s+(?:(?:uk|us|eu|fr|it|de|deutsche|englische|französische|amerikanische|internationale)[\s-]*(?:größe|grösse)|kragenweite|konfektionsgröße|bh-größe)"
    r"|entspricht|entsprechen|bedeutet|heißt|umgerechnet|umrechnung|in\s+(?:kragenweite|zentimeter|uk|us|eu|fr|it)\b"
    r"|which\s+(?:uk|us|eu|fr|it|german|french|british|american|international)\s+size|what\s+(?:uk|us|eu|fr|it)\s+size|equivalent|corresponds?"
    r"|what(?:'s| is| does)\s+(?:a\s+|an\s+|the\s+|size\s+)?\S+\s+(?:in|mean)\b|conversion|convert)",
    re.I,
)


def _named_size(text: str, values: list[str]) -> str | None:
    """The one size value of the product the question names as written ("90F", "XL", "M")."""
    named = [v for v in values if re.search(rf"(?<![\w/.,–-]){re.escape(v)}(?![\w/]|[.,]\d)", text, 0 if len(v) <= 2 else re.I)]
    return named[0] if len(named) == 1 else None


def equivalent_reply(product: Product, text: str, lang: str) -> str | None:
    """The product's own line mapping the named size to another system, or None."""
    if not _ASKS_EQUIVALENT.search(text) or USUAL.search(text):  # "Ich trage sonst 38, welche Größe?" asks advice
        return None
    values = option_values(product).get(size_option(product) or SIZE, [])
    if not (size := _named_size(text, values)):
        return None
    lines = [m.line for m in mappings(text_lines(product, lang), values) if m.size == size]
    if not lines:
        return None
    return say("size_equivalent_own", lang, product=product.name(lang), size=size, line=lines[0])
