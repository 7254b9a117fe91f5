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
from catalog.size_advice import between_rule, preference
from catalog.sizes import recommend_size, shift_size
from catalog.variants import COLOR, SIZE, Asked, option_values, same_size

_FIT_ASKED = {
    "runs_small": re.compile(r"\b(?:klein\w*|small\w*|eng\w*|tight|knapp|size up)\b", re.I),
    "runs_large": re.compile(r"\b(?:groß\w*|gross\w*|large\w*|big\w*|weit\w*|loose|size down)\b", re.I),
    "true_to_size": re.compile(r"\b(?:normal\w*|true to size|größengetreu|größengerecht|passgenau|regular)\b", re.I),
}
_BETWEEN = re.compile(r"\b(?:zwischen|between)\s+(?:größe\s+|size\s+)?([\w.,/]+)\s+(?:und|and|or|oder|&)\s+(?:größe\s+|size\s+)?([\w.,/]+)", re.I)


def _roomier(product: Product, usual: str, size: str, text: str, lang: str) -> tuple[str, str] | None:
    """(size, the merchant's sentence) for a shopper who wants it roomier ("over a fleece", "mag
    es locker") or snugger where the text says to size up or down for that; counted from the
    usual size when the product's fit was read from that very sentence."""
    wanted = preference(product, lang, text)
    if wanted is None:
        return None
    notes = " ".join((product.fit_notes or {}).values())
    base = usual if product.fit is None or wanted[1] in notes or notes in wanted[1] else size
    return shift_size(product, base, wanted[0]), wanted[1]


def _recommend(product: Product, usual: str, asked: list[Asked], lang: str, text: str = "") -> tuple[list[str], list[str]]:
    """The size to take for a shopper's usual size: one up for a product that runs small, with
    the merchant's advice; without fit data the advice sentence of the text is quoted instead
    of naming a size that may be wrong; one up for a roomier fit where the merchant says so."""
    name = product.name(lang)
    advice = fit_advice(product, lang, catalog().embedder)
    option = _size_option(product) or SIZE
    others = [a for a in asked if a.kind != SIZE]
    size, why = (usual, "unknown") if product.fit is None else recommend_size(product, usual)
    roomier = _roomier(product, usual, size, text, lang)
    if roomier:
        size, why = roomier[0], "roomy"
    values = tuple(v for v in option_values(product).get(option, []) if same_size(v, size))
    shown = values[0] if values else size  # a range such as "42-44" holds the size: name the range
    shown += "".join(f", {a.option} {a.values[0]}" for a in others if a.kind != COLOR and a.values)  # "45, Weite Weit (2E)"
    if roomier:
        lines = [say("size_recommend", lang, usual=usual, product=name, size=shown, why=say("fit_advice_quote", lang, sentence=roomier[1]))]
    elif product.fit is None and advice:
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
    if rule := between_rule(product, lang):  # "Between two sizes? Pick the smaller one."
        size = sizes[0] if rule[0] == "smaller" else sizes[1]
        lines = [say("size_between", lang, a=sizes[0], b=sizes[1], product=name, size=size, why=say("fit_advice_quote", lang, sentence=rule[1]))]
        chosen = [size]
    elif product.fit is None and advice:
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

