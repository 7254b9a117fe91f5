"""The size to take from the shopper's usual size (the product's fit, the merchant's advice),
"between 42 and 43", and "does it run small?"."""

from __future__ import annotations

import re

from actions import facts
from actions.context import catalog
from actions.product_text import fit_advice
from actions.size_stock import _in_stock_parts, _size_option, availability
from actions.texts import say
from catalog.models import Product
from catalog.sizes import recommend_size
from catalog.variants import SIZE, Asked, option_values, same_size

_FIT_ASKED = {
    "runs_small": re.compile(r"\b(?:klein\w*|small\w*|eng\w*|tight|knapp|size up)\b", re.I),
    "runs_large": re.compile(r"\b(?:groß\w*|gross\w*|large\w*|big\w*|weit\w*|loose|size down)\b", re.I),
    "true_to_size": re.compile(r"\b(?:normal\w*|true to size|größengetreu|größengerecht|passgenau|regular)\b", re.I),
}
_BETWEEN = re.compile(r"\b(?:zwischen|between)\s+(?:größe\s+|size\s+)?([\w.,/]+)\s+(?:und|and|or|oder|&)\s+(?:größe\s+|size\s+)?([\w.,/]+)", re.I)


def _recommend(product: Product, usual: str, asked: list[Asked], lang: str) -> tuple[list[str], list[str]]:
    """The size to take for a shopper's usual size: one up for a product that runs small, with
    the merchant's advice; without fit data the advice sentence of the text is quoted instead
    of naming a size that may be wrong."""
    name = product.name(lang)
    advice = fit_advice(product, lang, catalog().embedder)
    option = _size_option(product) or SIZE
    others = [a for a in asked if a.kind != SIZE]
    size, why = (usual, "unknown") if product.fit is None else recommend_size(product, usual)
    values = tuple(v for v in option_values(product).get(option, []) if same_size(v, size))
    shown = values[0] if values else size  # a range such as "42-44" holds the size: name the range
    if product.fit is None and advice:
        lines = [say("size_advice_only", lang, usual=usual, product=name, advice=advice)]
    else:
        reason = (advice or facts.fit_sentence(product, lang)) if why != "unknown" else say("fit_unknown", lang)
        lines = [say("size_recommend", lang, usual=usual, product=name, size=shown, why=reason)]
    text, sources = availability(product, [Asked(option, SIZE, size, values), *others], lang)
    return [*lines, text], sources


def _fit_answer(product: Product, text: str, lang: str) -> str:
    """How the product fits, for "fällt der klein aus?" without a usual size: yes or no when the
    product's fit is known, the merchant's advice quoted, and the offer to name the size."""
    name = product.name(lang)
    advice = fit_advice(product, lang, catalog().embedder)
    asked = [fit for fit, words in _FIT_ASKED.items() if words.search(text)]
    lines = []
    if product.fit:
        if len(asked) == 1:
            lines.append(say("fit_answer_yes" if asked[0] == product.fit else "fit_answer_no", lang))
        lines.append(say(f"fit_product_{product.fit}", lang, product=name))
        if advice:
            lines.append(advice)
    elif advice:
        lines.append(say("fit_product_advice", lang, product=name, advice=advice))
    else:
        lines.append(say("fit_unknown_for", lang, product=name))
    parts = _in_stock_parts(product, lang)
    if parts:
        lines.append("; ".join(parts) + ".")
    lines.append(say("fit_offer_size", lang))
    return " ".join(lines)


def _between(product: Product, text: str) -> tuple[str, str] | None:
    """("42", "43") for "I'm between 42 and 43" when both are sizes of the product, smaller first."""
    m = _BETWEEN.search(text)
    option = _size_option(product)
    if not m or option is None:
        return None
    values = option_values(product).get(option, [])
    found = [next((v for v in values if same_size(v, w.strip(".,"))), None) for w in (m.group(1), m.group(2))]
    if None in found or found[0] == found[1]:
        return None
    return tuple(sorted(found, key=values.index))  # type: ignore[return-value]


def _recommend_between(product: Product, sizes: tuple[str, str], asked: list[Asked], lang: str) -> tuple[list[str], list[str]]:
    """Between two sizes: the smaller for a product that runs large, else the larger; without a
    fit fact the merchant's advice is quoted and both sizes' stock is given."""
    name = product.name(lang)
    option = _size_option(product) or SIZE
    advice = fit_advice(product, lang, catalog().embedder)
    others = [a for a in asked if a.kind != SIZE]
    if product.fit is None and advice:
        lines = [say("size_between_advice", lang, a=sizes[0], b=sizes[1], product=name, advice=advice)]
        chosen = list(sizes)
    else:
        size = sizes[0] if product.fit == "runs_large" else sizes[1]
        why = advice or (facts.fit_sentence(product, lang) if product.fit else say("chart_between_default", lang))
        lines = [say("size_between", lang, a=sizes[0], b=sizes[1], product=name, size=size, why=why)]
        chosen = [size]
    sources = [product.id]
    for size in chosen:
        text, ids = availability(product, [Asked(option, SIZE, size, (size,)), *others], lang)
        lines.append(text)
        sources += ids
    return lines, sources

